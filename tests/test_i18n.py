"""Choosing the language, and wimcheck speaking it: messages, plurals, reports, --help.

The six translations are still empty, so the CLI tests use a pseudo-translation
(tests/pseudo.py): each text marked with ``¤``, which shows where a text came from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from pseudo import marked, write_pseudo_catalogue
from wimcheck.i18n import catalogues
from wimcheck.i18n.catalogues import (
    TranslationProvenance,
    catalogue_path,
    translation_provenance,
)
from wimcheck.i18n.language import (
    SUPPORTED_LANGUAGES,
    current_language,
    language_of,
    resolve_language,
    use_language,
)
from wimcheck.i18n.po import compiled, new_catalogue, read_catalogue
from wimcheck.i18n.template import source_messages
from wimcheck.messages import EN, HELP, PLURALS, REPORT_TEXT, help_text, report_text, t, tn

DATA = Path(__file__).parent / "data"
BROKEN = DATA / "broken"


@pytest.fixture
def pseudo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """German is the pseudo-translation for this test."""
    root = write_pseudo_catalogue(tmp_path / "locale", "de")
    monkeypatch.setattr(catalogues, "LOCALE_ROOT", root)
    return root


# --- choosing the language ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        ("de", {"WIMCHECK_LANG": "it", "LANG": "sl_SI.UTF-8"}, "de"),
        ("fr", {"WIMCHECK_LANG": "it"}, "it"),  # a framework's language wimcheck lacks
        (None, {"WIMCHECK_LANG": "hu", "LC_ALL": "bg_BG.UTF-8"}, "hu"),
        (None, {"WIMCHECK_LANG": "xx", "LANG": "el_GR.UTF-8"}, "el"),
        (None, {"LC_ALL": "sl_SI.UTF-8", "LC_MESSAGES": "de_DE", "LANG": "it_IT"}, "sl"),
        (None, {"LC_MESSAGES": "de_DE@euro", "LANG": "it_IT"}, "de"),
        (None, {"LC_ALL": "", "LANG": "bg_BG.UTF-8"}, "bg"),
        (None, {"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),  # LC_ALL decides
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {}, "en"),
        ("DE-at", {}, "de"),
    ],
)
def test_resolve_language(explicit: str | None, environ: dict[str, str], expected: str) -> None:
    assert resolve_language(explicit, environ) == expected


@given(st.text(), st.dictionaries(st.sampled_from(["WIMCHECK_LANG", "LC_ALL", "LANG"]), st.text()))
def test_any_input_resolves_to_a_supported_language(explicit: str, environ: dict[str, str]) -> None:
    assert resolve_language(explicit, environ) in SUPPORTED_LANGUAGES
    assert language_of(explicit) in (*SUPPORTED_LANGUAGES, None)


def test_use_language_sets_the_current_language_for_its_block() -> None:
    assert current_language() == "en"
    with use_language("sl"):
        assert current_language() == "sl"
        with use_language("de"):
            assert current_language() == "de"
        assert current_language() == "sl"
    assert current_language() == "en"


def test_the_supported_languages_are_the_seven_with_a_catalogue_each() -> None:
    assert SUPPORTED_LANGUAGES == ("en", "de", "it", "el", "sl", "hu", "bg")
    folders = {p.name for p in catalogues.LOCALE_ROOT.iterdir() if p.is_dir()}
    assert folders == set(SUPPORTED_LANGUAGES)


# --- looking texts up -------------------------------------------------------------------------


def test_english_is_the_source_and_the_default() -> None:
    assert t("assess.prompt") == "Your answer: "
    assert t("report.title", name="Kim", role="Owner") == "Result for Kim: Owner"
    assert tn("count.statements", 1) == "1 statement"
    assert tn("count.statements", 0) == "0 statements"
    assert tn("session.answered", 2, total=5) == "2 of 5 answered"
    assert report_text("h.summary") == "Summary"
    assert help_text("help.default", value="csv") == "[default: csv]"


def test_an_empty_catalogue_gives_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "locale"
    for lang in ("de", "sl", "bg"):
        catalog = new_catalogue(lang)
        for source in source_messages():
            catalog.add(source.msgid, "", context=source.context)
        catalogue_path(lang, empty).parent.mkdir(parents=True)
        catalogue_path(lang, empty).write_bytes(compiled(catalog))
    monkeypatch.setattr(catalogues, "LOCALE_ROOT", empty)
    assert t("assess.prompt", "de") == "Your answer: "
    assert tn("count.statements", 3, "sl") == "3 statements"
    assert report_text("h.summary", "bg") == "Summary"


def test_translations_come_from_the_catalogue(pseudo: Path) -> None:
    assert t("assess.prompt", "de") == marked("Your answer: ")
    assert t("report.plan.total", "de", hours=12) == "  ¤Total: 12 hours"
    assert tn("count.statements", 1, "de") == "¤0:1 statement"
    assert tn("count.statements", 4, "de") == "¤1:4 statements"
    assert help_text("help.option.format", "de") == "¤Output format."
    with use_language("de"):
        assert t("assess.prompt") == marked("Your answer: ")
    assert t("assess.prompt") == "Your answer: "


def test_report_sentences_have_their_own_context(pseudo: Path) -> None:
    # "compare.readiness" is a key of both tables, with different English
    assert EN["compare.readiness"] != REPORT_TEXT["compare.readiness"]
    assert report_text("compare.readiness", "de") == "¤Readiness"
    assert t("compare.readiness", "de", before=1, after=2, change=1).startswith(
        "¤Readiness: 1 -> 2"
    )


def test_a_translation_of_an_older_english_text_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_pseudo_catalogue(tmp_path / "locale", "de")
    monkeypatch.setattr(catalogues, "LOCALE_ROOT", root)
    monkeypatch.setitem(EN, "assess.prompt", "Type your answer: ")
    assert t("assess.prompt", "de") == "Type your answer: "


def test_fuzzy_translations_are_not_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_pseudo_catalogue(tmp_path / "locale", "de")
    po = catalogues.catalogue_path("de", root, ".po")
    catalog = read_catalogue(po, "de")
    catalog.get(EN["assess.prompt"], context="assess.prompt").flags.add("fuzzy")
    catalogues.catalogue_path("de", root).write_bytes(compiled(catalog))
    monkeypatch.setattr(catalogues, "LOCALE_ROOT", root)
    assert t("assess.prompt", "de") == "Your answer: "
    assert t("assess.keys", "de").startswith("¤")


SLOVENIAN_FORMS = {1: "ena", 2: "dve", 3: "malo", 4: "malo", 5: "drugo", 101: "ena", 102: "dve"}
CLDR_ORDER = ["one", "two", "few", "other"]  # the order of the four Slovenian forms


@pytest.mark.parametrize("count", [1, 2, 3, 5, 4, 101, 102, 0])
def test_slovenian_plurals_follow_babels_rule(
    count: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = DATA / "i18n" / "sl" / "LC_MESSAGES" / "wimcheck.po"
    target = catalogues.catalogue_path("sl", tmp_path)
    target.parent.mkdir(parents=True)
    target.write_bytes(compiled(read_catalogue(source, "sl")))
    monkeypatch.setattr(catalogues, "LOCALE_ROOT", tmp_path)
    form = CLDR_ORDER.index(Locale.parse("sl").plural_form(count))
    words = ["ena", "dve", "malo", "drugo"]
    assert tn("count.files", count, "sl") == f"{words[form]}:{count}"
    if count in SLOVENIAN_FORMS:
        assert words[form] == SLOVENIAN_FORMS[count]
    statements = {1: "1 trditev", 2: "2 trditvi", 3: "3 trditve", 5: "5 trditev"}
    if count in statements:
        assert tn("count.statements", count, "sl") == statements[count]


def test_provenance_is_read_from_the_catalogue(pseudo: Path) -> None:
    assert translation_provenance("de") == TranslationProvenance(
        "de", "pseudo-translation (tests)", reviewed=False
    )
    assert translation_provenance("en") == TranslationProvenance("en", "", True, source=True)


def test_every_shipped_translation_names_its_translator_and_is_not_yet_reviewed() -> None:
    from test_i18n_catalogues import INCOMPLETE

    for lang in SUPPORTED_LANGUAGES[1:]:
        provenance = translation_provenance(lang)
        assert provenance.reviewed is False  # no fluent speaker has reviewed one yet
        if lang in INCOMPLETE:
            assert provenance == TranslationProvenance(lang, "", reviewed=False)
        else:
            assert provenance.translated_by.startswith("machine translation (AI model)")


def test_every_key_of_the_tables_is_unique_across_them() -> None:
    contexts = [*EN, *PLURALS, *HELP]
    assert len(contexts) == len(set(contexts))
    assert all(key.startswith("help.") for key in HELP)
    for key, (one, many) in PLURALS.items():
        assert "{count}" in many, key
        assert set(re.findall(r"{(\w+)}", one)) == set(re.findall(r"{(\w+)}", many)), key


def test_every_literal_plural_and_help_key_exists() -> None:
    sources = [
        p.read_text(encoding="utf-8") for p in (Path(__file__).parent.parent / "src").rglob("*.py")
    ]
    plural_keys = {k for s in sources for k in re.findall(r"\btn\(\s*\"([a-z0-9.\-]+)\"", s)}
    help_keys = {k for s in sources for k in re.findall(r"help=\"(help\.[a-z0-9.\-]+)\"", s)}
    assert plural_keys and help_keys
    assert sorted(plural_keys - set(PLURALS)) == []
    assert sorted(help_keys - set(HELP)) == []
