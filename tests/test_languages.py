"""Each of the seven languages end to end: no English sentence of wimcheck's own is left.

For every language but English the questionnaire (scripted and on a real terminal), the
person report as text, HTML and Markdown, the group report, the answer templates (XLSX and
HTML), ``--help``, ``frameworks list``, ``show`` and ``validate``, ``sessions list`` and
``compare`` (text, HTML, Markdown) are produced with the real catalogues, and the output is searched
for the English source of every text of wimcheck's own that the language translates
differently. Framework texts are not wimcheck's own and may still be English.
"""

from __future__ import annotations

import html
import re
import string
from functools import cache
from pathlib import Path

import pytest

from conftest import Result
from wimcheck.i18n.catalogues import translations
from wimcheck.i18n.template import source_messages
from wimcheck.messages import EN, report_text, t, tn

LANGUAGES = ("de", "it", "el", "sl", "hu", "bg")
DATA = Path(__file__).parent / "data"
ROLE = ("wim", "--role", "team-leader")
ANSWERS = "3\n2\nn/a\n4\n" * 12


def _fragments(english: str) -> list[str]:
    """The parts of an English text between placeholders that are sentences, not words."""
    parts = []
    for literal, *_ in string.Formatter().parse(english):
        for line in literal.split("\n"):
            piece = line.strip(" :.,;()-·*#|[]")
            if len(piece.split()) >= 3 and len(piece) >= 15:
                parts.append(piece)
    return parts


@cache
def english_left(lang: str) -> tuple[str, ...]:
    """English fragments that must not appear in ``lang``: those its translation lacks."""
    catalogue = translations(lang)
    fragments: set[str] = set()
    for source in source_messages():
        if source.english_plural is None:
            translated = catalogue.pgettext(source.context, source.english)
            englishes = [source.english]
        else:
            forms = (
                catalogue.npgettext(source.context, source.english, source.english_plural, n)
                for n in (1, 2, 3, 5, 1_000_000)
            )
            translated = " ".join(forms)
            englishes = [source.english, source.english_plural]
        for english in englishes:
            fragments.update(f for f in _fragments(english) if f not in translated)
    return tuple(sorted(fragments))


@cache
def framework_texts() -> str:
    """The bundled frameworks' own texts, which may say what a message says."""
    folder = Path(__file__).parents[1] / "frameworks"
    return " ".join(" ".join(p.read_text("utf-8").split()) for p in folder.glob("*.toml"))


def leaks(text: str, lang: str) -> list[str]:
    """The English fragments of wimcheck's own found in ``text`` (HTML tags and entities
    undone, lines joined), leaving out those that a bundled framework's text also has."""
    plain = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())
    return [
        fragment
        for fragment in english_left(lang)
        if fragment in plain and fragment not in framework_texts()
    ]


def test_the_check_finds_english_when_it_is_there() -> None:
    assert leaks(f"<p>{EN['report.plan.nothing-fits']}</p>", "de") != []
    assert leaks("Nichts davon ist Englisch.", "de") == []


def _assess(cli, lang: str) -> tuple[Result, Path]:  # type: ignore[no-untyped-def]
    result = cli("--lang", lang, "assess", *ROLE, "--respondent", "Ana", input=ANSWERS)
    saved = sorted((Path.cwd() / "data" / "responses").glob("*.toml"))
    return result, saved[-1]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WIMCHECK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_scripted_assess_and_reports_speak_the_language(lang: str, cli, in_tmp: Path) -> None:  # type: ignore[no-untyped-def]
    result, answers = _assess(cli, lang)
    assert result.exit_code == 0, result.stderr
    assert leaks(result.stdout + result.stderr, lang) == []
    for fmt in ("text", "html", "markdown"):
        report = cli("--lang", lang, "report", str(answers), "--format", fmt)
        assert report.exit_code == 0, report.stderr
        assert leaks(report.stdout + report.stderr, lang) == [], fmt


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_report_takes_the_language_of_its_answers(lang: str, cli, in_tmp: Path) -> None:  # type: ignore[no-untyped-def]
    _, answers = _assess(cli, lang)
    assert f'language = "{lang}"' in answers.read_text(encoding="utf-8")
    report = cli("report", str(answers), "--format", "html")
    assert f'<html lang="{lang}"' in report.stdout
    assert leaks(report.stdout, lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_group_report_speaks_the_language(lang: str, cli, in_tmp: Path) -> None:  # type: ignore[no-untyped-def]
    folder = DATA / "trainer"
    result = cli("--lang", lang, "score", str(folder), "--cohort", "--format", "html")
    assert result.exit_code == 0, result.stderr
    assert "<svg" in result.stdout
    assert leaks(result.stdout + result.stderr, lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_templates_speak_the_language(lang: str, cli, in_tmp: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    form = cli("--lang", lang, "template", *ROLE, "--format", "html")
    assert form.exit_code == 0, form.stderr
    assert leaks(form.stdout, lang) == []
    made = cli("--lang", lang, "template", *ROLE, "--format", "xlsx", "-o", "t.xlsx")
    assert made.exit_code == 0, made.stderr
    book = load_workbook(in_tmp / "t.xlsx")
    cells = [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    validations = [
        f"{dv.promptTitle} {dv.prompt} {dv.errorTitle} {dv.error}"
        for sheet in book.worksheets
        for dv in sheet.data_validations.dataValidation
    ]
    assert leaks("\n".join(cells + validations), lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [(), ("assess",), ("score",), ("report",), ("template",), ("compare",), ("frameworks",)],
)
def test_help_speaks_the_language(lang: str, path: tuple[str, ...], cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--lang", lang, *path, "--help")
    assert result.exit_code == 0
    assert leaks(result.stdout, lang) == []


# Mistakes on the command line (typer's English is what they would leak).
USAGE_MISTAKES = [
    ("report",),
    ("template", "wim"),
    ("report", "x.toml", "--formt"),
    ("report", "x.toml", "--format"),
    ("report", "x.toml", "--force=yes"),
    ("report", "x.toml", "--format", "xml"),
    ("reprt",),
    ("frameworks", "bogus"),
    ("report", "x.toml", "y.toml"),
    (),
]
CLICK_ENGLISH = ("Error", "Missing", "No such", "Invalid value", "Try '", "Got unexpected")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_usage_errors_speak_the_language(lang: str, cli) -> None:  # type: ignore[no-untyped-def]
    for mistake in USAGE_MISTAKES:
        result = cli(*mistake, "--lang", lang)
        assert result.exit_code == 2, mistake
        first, hint = result.stderr.splitlines()
        assert first.startswith(t("cli.error", lang, message="")), mistake
        assert hint.startswith(t("cli.hint", lang, hint="")), mistake
        assert leaks(result.stderr, lang) == [], mistake
        assert [word for word in CLICK_ENGLISH if word in result.stderr] == [], mistake


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_questionnaire_screen_on_a_terminal_speaks_the_language(
    lang: str, tmp_path: Path
) -> None:
    pexpect = pytest.importorskip("pexpect")
    from test_tty import spawn
    from test_tty_screens import lines_of

    prompt = t("assess.prompt", lang)
    child = spawn(tmp_path, "--lang", lang, "assess", *ROLE, "--respondent", "Ana")
    transcript = []
    try:
        child.expect_exact(prompt, timeout=30)  # the first statement's screen
        transcript.append(child.before)
        child.sendline("?")  # the help of the keys
        child.expect_exact(prompt, timeout=30)
        transcript.append(child.before)
        child.sendline("q")
        child.expect(pexpect.EOF, timeout=30)
        transcript.append(child.before)
    finally:
        child.close(force=True)
    shown = "\n".join(lines_of("".join(transcript)))
    assert t("assess.help", lang, na="").split("\n")[0] in shown
    assert leaks(shown, lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_problems_with_a_sheet_are_told_in_the_language(lang: str, cli, in_tmp: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = in_tmp / "answers.csv"
    sheet.write_text("respondent,role,WIM.FND.1.a\nAna,nobody,3\n", encoding="utf-8")
    result = cli("--lang", lang, "score", str(sheet), "--framework", "wim")
    assert result.exit_code == 1
    rejected = t("cli.rejected", lang, message="")
    assert rejected != t("cli.rejected", "en", message="")
    assert any(line.startswith(rejected) for line in result.stderr.splitlines())
    assert result.stderr.splitlines()[-1] == t(
        "score.summary",
        lang,
        problems=tn("count.problems", 1, lang),
        scored=tn("count.scored", 0, lang),
    )
    assert leaks(result.stderr, lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_framework_problem_is_told_in_the_language(lang: str, cli, in_tmp: Path) -> None:  # type: ignore[no-untyped-def]
    bad = in_tmp / "bad.toml"
    bad.write_text("format_version = 1\nbogus = 1\n", encoding="utf-8")
    result = cli("--lang", lang, "frameworks", "validate", str(bad))
    assert result.exit_code == 1
    place = t("validate.top-level", lang)
    assert place in result.stdout + result.stderr
    assert leaks(result.stdout + result.stderr, lang) == []


def _outputs(cli, lang: str, *commands: tuple[str, ...]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What each command printed (stdout and stderr), run in ``lang``."""
    said = {}
    for command in commands:
        result = cli("--lang", lang, *command)
        assert result.exit_code in (0, 1, 2), result  # validate finds problems: 1 and 2
        said[" ".join(command)] = result.stdout + result.stderr
    return said


@pytest.mark.parametrize("lang", LANGUAGES)
def test_frameworks_sessions_and_compare_speak_the_language(lang: str, cli, in_tmp: Path) -> None:  # type: ignore[no-untyped-def]
    frameworks = Path(__file__).parents[1] / "frameworks"
    stopped = cli("--lang", lang, "assess", *ROLE, "--respondent", "Ana", input="3\nq\n")
    assert stopped.exit_code == 0, stopped
    before, after = str(DATA / "compare" / "before.csv"), str(DATA / "compare" / "after.csv")
    mini = str(DATA / "frameworks" / "mini.toml")
    said = _outputs(
        cli,
        lang,
        ("frameworks", "list"),
        ("frameworks", "show", "wim"),
        ("frameworks", "show", "bwise", "--role", "wsn-starter"),
        ("frameworks", "validate", str(frameworks / "wim.toml"), str(DATA / "broken")),
        ("frameworks", "validate", str(frameworks / "wim.de.po")),
        ("sessions", "list"),
        ("compare", before, after, "--framework", mini),
        ("compare", before, after, "--framework", mini, "--format", "html"),
        ("compare", before, after, "--framework", mini, "--format", "markdown"),
    )
    assert "Ana" in said["sessions list"]
    found = {command: leaks(text, lang) for command, text in said.items()}
    assert {command: found for command, found in found.items() if found} == {}
    # mini has German only: in the other languages compare says its texts are in English
    note = report_text("about.english-shown", lang)
    compared = {command: text for command, text in said.items() if command.startswith("compare")}
    assert len(compared) == 3
    for command, text in compared.items():
        assert (note in " ".join(html.unescape(text).split())) is (lang != "de"), command
