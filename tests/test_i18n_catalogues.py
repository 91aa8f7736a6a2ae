"""The catalogues as CI checks them: complete, current, and right for each language.

Every catalogue must be free of fuzzy, obsolete, stale and unknown entries, have the
English placeholders and spaces in every translation, the language's plural rule, and a
compiled file made from it as it is; the template must be the one messages.py gives.
Completeness (every entry translated, a translator named) holds for English; the six
translations come in the next step, so their completeness test is expected to fail
until then, and fails loudly (strict xfail) the moment a catalogue is complete: then
remove its language from INCOMPLETE.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from wimcheck.i18n import catalogues
from wimcheck.i18n.catalogues import TRANSLATED_BY, catalogue_path
from wimcheck.i18n.checks import (
    COMPLETENESS,
    check_catalogue,
    check_compiled,
    check_template,
    template_path,
)
from wimcheck.i18n.language import SUPPORTED_LANGUAGES
from wimcheck.i18n.po import compiled, po_text, read_catalogue
from wimcheck.i18n.tools import main as tools_main
from wimcheck.messages import EN

INCOMPLETE: set[str] = set()  # a language whose catalogue is being translated


def _completeness_param(lang: str) -> object:
    if lang in INCOMPLETE:
        reason = "translations come in the next step"
        return pytest.param(lang, marks=pytest.mark.xfail(strict=True, reason=reason))
    return lang


def test_the_template_is_the_one_messages_py_gives() -> None:
    assert [str(p) for p in check_template()] == []


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_no_catalogue_is_wrong_or_out_of_date(lang: str) -> None:
    problems = check_catalogue(lang) + check_compiled(lang)
    assert [str(p) for p in problems if p.code not in COMPLETENESS] == []


@pytest.mark.parametrize("lang", [_completeness_param(lang) for lang in SUPPORTED_LANGUAGES])
def test_every_catalogue_is_complete(lang: str) -> None:
    assert [str(p) for p in check_catalogue(lang) if p.code in COMPLETENESS] == []


# --- the checks find what they are for ----------------------------------------------------


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the shipped catalogues to spoil, every translation in it blank again.

    The checks are tested on catalogues nobody has translated yet, whatever the shipped
    ones hold: each translation's entries and its translator header are emptied.
    """
    copy = tmp_path / "locale"
    shutil.copytree(catalogues.LOCALE_ROOT, copy)
    for lang in SUPPORTED_LANGUAGES[1:]:
        _blank(copy, lang)
    return copy


def _blank(root: Path, lang: str) -> None:
    path = catalogue_path(lang, root, ".po")
    catalog = read_catalogue(path, lang)
    for message in list(catalog)[1:]:
        message.string = ("",) * len(message.string) if message.pluralizable else ""
    text = po_text(catalog).decode("utf-8")
    text = re.sub(
        r'"X-Wimcheck-Translated-By: [^"\\]*\\n"', '"X-Wimcheck-Translated-By: \\\\n"', text
    )
    path.write_text(text, encoding="utf-8")
    catalogue_path(lang, root).write_bytes(compiled(read_catalogue(path, lang)))


def _translate(root: Path, lang: str, entries: dict[str, str | tuple[str, ...]]) -> None:
    """Give entries of ``lang``'s PO file these translations, and compile it."""
    path = catalogue_path(lang, root, ".po")
    catalog = read_catalogue(path, lang)
    for message in list(catalog)[1:]:
        if message.context in entries:
            message.string = entries[message.context]
    path.write_bytes(po_text(catalog))
    catalogue_path(lang, root).write_bytes(compiled(read_catalogue(path, lang)))


def _codes(root: Path, lang: str) -> list[tuple[str, str]]:
    problems = check_catalogue(lang, root) + check_compiled(lang, root)
    return sorted((p.code, p.key) for p in problems if p.code != "untranslated")


def test_translations_are_checked_against_the_english(root: Path) -> None:
    _translate(
        root,
        "sl",
        {
            "report.title": "Rezultat za {ime}: {role}",  # a placeholder renamed
            "assess.prompt": "Vaš odgovor:",  # the trailing space lost
            "report.plan.total": "  Skupaj: {hours ur",  # a brace left open
            "count.statements": ("{count} trditev", "{count} trditvi", "", ""),  # 2 of 4
            "assess.keys": "Tipke: n, s, b, ?, q",
        },
    )
    assert _codes(root, "sl") == [
        ("format", "report.plan.total"),
        ("placeholders", "report.title"),
        ("provenance", ""),
        ("spaces", "assess.prompt"),
    ]
    untranslated = {p.key for p in check_catalogue("sl", root) if p.code == "untranslated"}
    assert "count.statements" in untranslated  # two of the four forms are missing
    assert "assess.keys" not in untranslated


def test_fuzzy_obsolete_unknown_missing_and_stale_entries_are_found(root: Path) -> None:
    path = catalogue_path("de", root, ".po")
    text = path.read_text(encoding="utf-8")
    text = text.replace('msgctxt "assess.keys"\n', '#, fuzzy\nmsgctxt "assess.keys"\n')
    text = text.replace(
        'msgctxt "assess.prompt"\nmsgid "Your answer: "',
        'msgctxt "assess.prompt"\nmsgid "Answer: "',
    )
    text = text.replace('msgctxt "batch.row"', 'msgctxt "batch.rows"')
    text += '\n#~ msgctxt "gone"\n#~ msgid "Gone"\n#~ msgstr "Weg"\n'
    path.write_text(text, encoding="utf-8")
    assert _codes(root, "de") == [
        ("fuzzy", "assess.keys"),
        ("missing", "batch.row"),
        ("obsolete", "gone"),
        ("provenance", ""),
        ("stale", "assess.prompt"),
        ("unknown", "batch.rows"),
    ]


def test_the_header_is_checked(root: Path) -> None:
    path = catalogue_path("hu", root, ".po")
    text = path.read_text(encoding="utf-8")
    text = text.replace('"Language: hu\\n"', '"Language: hr\\n"')
    text = text.replace("plural=(n != 1)", "plural=(n > 1)")
    text = text.replace('"X-Wimcheck-Reviewed: no\\n"', '"X-Wimcheck-Reviewed: maybe\\n"')
    path.write_text(text, encoding="utf-8")
    assert _codes(root, "hu") == [
        ("language", ""),
        ("mo-stale", ""),
        ("plural-forms", ""),
        ("provenance", ""),
        ("reviewed", ""),
    ]


def test_a_complete_catalogue_passes(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pseudo import write_pseudo_catalogue

    write_pseudo_catalogue(root, "bg")
    assert check_catalogue("bg", root) == []
    assert check_compiled("bg", root) == []


def test_the_english_catalogue_repeats_the_english(root: Path) -> None:
    path = catalogue_path("en", root, ".po")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('msgstr "Your answer: "', 'msgstr "Answer: "'), encoding="utf-8")
    assert _codes(root, "en") == [("source-differs", "assess.prompt")]


# --- the tooling ------------------------------------------------------------------------------


def test_update_follows_a_change_of_the_english(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _translate(root, "it", {"assess.prompt": "La sua risposta: ", "assess.keys": "Tasti"})
    monkeypatch.setitem(EN, "assess.prompt", "Type your answer: ")
    monkeypatch.delitem(EN, "assess.keys")
    monkeypatch.setitem(EN, "assess.new", "A new sentence.")
    assert [p.code for p in check_template(root)] == ["pot-stale"]
    assert tools_main(["update", "--lang", "it", "--root", str(root)]) == 0
    assert check_template(root) == []
    catalog = read_catalogue(catalogue_path("it", root, ".po"), "it")
    changed = catalog.get("Type your answer: ", context="assess.prompt")
    assert changed.string == "La sua risposta: "
    assert changed.fuzzy
    assert changed.previous_id == ["Your answer: "]
    assert catalog.get("Tasti", context="assess.keys") is None
    assert catalog.get("A new sentence.", context="assess.new").string == ""
    assert _codes(root, "it") == [("fuzzy", "assess.prompt"), ("provenance", "")]
    assert tools_main(["check", "--lang", "it", "--root", str(root)]) == 1


def test_update_keeps_the_header_and_compile_makes_the_mo(root: Path) -> None:
    path = catalogue_path("el", root, ".po")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('"X-Wimcheck-Translated-By: \\n"', '"X-Wimcheck-Translated-By: Eleni\\n"'),
        encoding="utf-8",
    )
    assert tools_main(["update", "--lang", "el", "--root", str(root)]) == 0
    assert read_catalogue(path, "el").provenance[TRANSLATED_BY] == "Eleni"
    assert check_compiled("el", root) == []


def test_a_new_language_gets_its_catalogue(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.rmtree(root / "hu")
    assert [p.code for p in check_catalogue("hu", root)] == ["po-missing"]
    assert tools_main(["update", "--lang", "hu", "--root", str(root)]) == 0
    assert _codes(root, "hu") == [("provenance", "")]
    assert template_path(root).is_file()
