"""``frameworks validate`` in every language: TOML syntax errors, files that are no framework,
counts and plurals (Slovenian with 1, 2, 3 and 5); numbers in the score table."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Result
from wimcheck.i18n.formats import format_count, format_number
from wimcheck.i18n.language import SUPPORTED_LANGUAGES, use_language
from wimcheck.messages import EN, t, tn
from wimcheck.toml_errors import TOML_MESSAGES, toml_error_text
from wimcheck.tomlio import TomlSyntaxError, parse_toml

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
MINI = DATA / "frameworks" / "mini.toml"

# -------------------------------------------------------------------- TOML syntax errors

# (TOML text, line, column, the key of what wimcheck says, its values)
SYNTAX_ERRORS = [
    ("a", 1, 2, "toml.expected-equals", {}),
    ("a = 1 2", 1, 7, "toml.expected-newline", {}),
    ("+a = 1", 1, 1, "toml.invalid-statement", {}),
    ("[t", 1, 3, "toml.table-bracket", {}),
    ("[[t]", 1, 4, "toml.array-table-bracket", {}),
    ("[roles.x]\n[roles.x]", 2, 9, "toml.declared-twice", {"name": "roles.x"}),
    ("a = 1\na = 2", 2, 6, "toml.overwrite", {}),
    ("a = {b = 1}\na.b.c = 2", 2, 10, "toml.redefine", {"name": "a.b"}),
    ("a = [1, 2", 1, 10, "toml.unclosed-array", {}),
    ("a = {x = 1", 1, 11, "toml.unclosed-inline-table", {}),
    ("a = {x = 1, x = 2}", 1, 18, "toml.duplicate-inline-key", {"name": "x"}),
    ('a = "C:\\q"', 1, 10, "toml.escape", {}),
    ('a = "abc', 1, 9, "toml.unterminated-string", {}),
    ('a = "abc\nb = 1', 1, 9, "toml.line-break-in-string", {}),
    ('a = "\x01"', 1, 6, "toml.illegal-character", {"char": "'\\x01'"}),
    ("a = 2026-02-30", 1, 5, "toml.invalid-date", {}),
    ("a. = 1", 1, 4, "toml.key-start", {}),
    ("a = yes", 1, 5, "toml.invalid-value", {}),
]


@pytest.mark.parametrize(("text", "line", "col", "key", "values"), SYNTAX_ERRORS)
def test_each_kind_of_toml_syntax_error_has_its_own_message(
    text: str, line: int, col: int, key: str, values: dict[str, str]
) -> None:
    for lang in ("en", "de", "sl"):
        with use_language(lang), pytest.raises(TomlSyntaxError) as caught:
            parse_toml(text)
        assert (caught.value.line, caught.value.col) == (line, col)
        assert caught.value.message == t(key, lang, **values)
    assert t(key, "de", **values) != EN[key].format(**values)


def test_every_mapped_tomllib_message_is_tested() -> None:
    assert {key for _, key in TOML_MESSAGES} == {case[3] for case in SYNTAX_ERRORS}


@given(st.text(max_size=60))
def test_a_message_tomllib_may_add_later_stays_as_it_is(english: str) -> None:
    if not any(pattern.match(english) for pattern, _ in TOML_MESSAGES):
        assert toml_error_text(english) == english


def test_a_syntax_error_in_german_keeps_file_line_and_column(cli: Cli) -> None:
    path = DATA / "broken" / "syntax.toml"
    result = cli("--lang", "de", "frameworks", "validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        f"{path}:85:30: Fehler[toml-syntax]: TOML-Syntaxfehler: "
        + t("toml.line-break-in-string", "de"),
        "  Hinweis: " + t("hint.toml-syntax", "de"),
    ]


# ---------------------------------------------------------- files that are no framework


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "framework.toml"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    return path


@pytest.mark.parametrize(
    ("make", "kind", "hint"),
    [
        (lambda _: DATA / "typos" / "after.xlsx", "workbook", "hint.not-framework"),
        (lambda _: ROOT / "frameworks" / "wim.de.po", "po", "hint.not-framework.po"),
        (_binary, "binary", "hint.not-framework"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "hu"])
def test_a_file_that_is_no_framework_is_one_line_and_a_hint(
    cli: Cli, tmp_path: Path, make: Callable[[Path], Path], kind: str, hint: str, lang: str
) -> None:
    path = make(tmp_path)
    result = cli("--lang", lang, "frameworks", "validate", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        t("cli.error.at", lang, where=path, message=t(f"error.not-framework.{kind}", lang))
        + "\n"
        + t("cli.hint", lang, hint=t(hint, lang))
        + "\n"
    )


def test_a_po_file_renamed_toml_is_still_recognised(cli: Cli, tmp_path: Path) -> None:
    path = Path(shutil.copyfile(ROOT / "frameworks" / "wim.it.po", tmp_path / "wim.toml"))
    result = cli("frameworks", "validate", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}: error: {t('error.not-framework.po', 'en')}\n")


def test_among_other_files_an_unreadable_one_is_counted(cli: Cli, tmp_path: Path) -> None:
    result = cli("frameworks", "validate", str(MINI), str(_binary(tmp_path)))
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{MINI}: ok (")
    assert result.stderr.endswith("1 of 2 files not valid, 0 problems\n")


# ------------------------------------------------------------------- counts and plurals


@given(st.integers(min_value=0, max_value=2_000_000), st.sampled_from(SUPPORTED_LANGUAGES))
def test_a_count_is_written_as_babel_writes_it(count: int, lang: str) -> None:
    assert format_count(count, lang) == format_number(count, lang, digits=0)


def test_counts_in_messages_follow_the_language() -> None:
    assert tn("count.files", 1234, "en") == "1,234 files"
    assert tn("count.files", 1234, "de") == "1.234 Dateien"
    assert tn("count.problems", 2500, "hu") == "2\xa0500 hiba"


SLOVENIAN_SUMMARY = {
    1: "1 od 5 datotek ni veljavna, 1 težava",
    2: "2 od 5 datotek nista veljavni, 2 težavi",
    3: "3 od 5 datotek niso veljavne, 3 težave",
    5: "5 od 5 datotek ni veljavnih, 5 težav",
}


@pytest.mark.parametrize("bad", [1, 2, 3, 5])
def test_the_slovenian_summary_has_the_form_of_each_count(
    bad: int, cli: Cli, tmp_path: Path
) -> None:
    for number in range(5):
        text = MINI.read_text("utf-8")
        if number < bad:
            text = text.replace('id = "mini"', 'id = "mini"\nid = "again"', 1)
        (tmp_path / f"f{number}.toml").write_text(text, "utf-8")
    result = cli("--lang", "sl", "frameworks", "validate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == SLOVENIAN_SUMMARY[bad] + "\n"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 prevedeno, 1 manjka, 1 zastarelo, 1 neznano, 1 napačna oznaka"),
        (2, "2 prevedeni, 2 manjkata, 2 zastareli, 2 neznani, 2 napačni oznaki"),
        (3, "3 prevedena, 3 manjkajo, 3 zastarela, 3 neznana, 3 napačne oznake"),
        (5, "5 prevedenih, 5 manjka, 5 zastarelih, 5 neznanih, 5 napačnih oznak"),
    ],
)
def test_slovenian_counts_of_a_translation_file(count: int, expected: str) -> None:
    keys = ("translated", "missing", "stale", "unknown", "wrong-flags")
    assert ", ".join(tn(f"count.{key}", count, "sl") for key in keys) == expected


def test_validate_counts_a_translation_file_in_slovenian(cli: Cli, tmp_path: Path) -> None:
    mini = Path(shutil.copyfile(MINI, tmp_path / "mini.toml"))
    (tmp_path / "mini.it.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: it\\n"\n"X-Wimcheck-Translated-By: a test\\n"\n\n'
        'msgctxt "framework.title"\nmsgid "Mini framework for meeting facilitation"\n'
        'msgstr "Mini quadro per riunioni"\n',
        "utf-8",
    )
    result = cli("--lang", "sl", "frameworks", "validate", str(mini))
    assert result.exit_code == 0, result
    line = result.stdout.splitlines()[1]
    assert line.startswith("  it: 1 prevedeno, ")
    assert line.endswith(
        ", 0 zastarelih, 0 neznanih, 0 napačnih oznak (" + f"{tmp_path}/mini.it.po)"
    )
    assert "besedil še ni prevedenih; prikazana so v angleščini" in result.stderr


def test_the_score_table_writes_numbers_as_the_language_does(cli: Cli) -> None:
    trainer = str(DATA / "trainer")
    english = cli("score", trainer, "--cohort").stdout
    german = cli("--lang", "de", "score", trainer, "--cohort").stdout
    assert "Workplace innovation foundations: alpha 0.839 (3 items, 31 complete" in english
    assert "Grundlagen der Workplace Innovation: Alpha 0,839 (3 Items, 31 vollständige" in german
