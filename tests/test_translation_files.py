"""A framework's translation files (X.<lang>.po): loading, stale and unknown entries, flags, cache."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from wimcheck.frameworks.catalog import load_framework
from wimcheck.frameworks.texts import framework_texts
from wimcheck.frameworks.validation import check_framework_file

MINI = Path(__file__).parent / "data" / "frameworks" / "mini.toml"

Cli = Callable[..., Result]

HEADER = """\
msgid ""
msgstr ""
"Language: it\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"X-Wimcheck-Translated-By: a test\\n"
"X-Wimcheck-Reviewed: yes\\n"
"X-Wimcheck-Reviewed-By: Giulia\\n"
"""


def _po(*entries: str) -> str:
    return HEADER + "".join(f"\n{entry}" for entry in entries)


def _entry(context: str, english: str, text: str, flags: str = "") -> str:
    flag_line = f"#, {flags}\n" if flags else ""
    return f'{flag_line}msgctxt "{context}"\nmsgid "{english}"\nmsgstr "{text}"\n'


TITLE_IT = _entry(
    "framework.title", "Mini framework for meeting facilitation", "Mini quadro per riunioni"
)
GOAL_IT = _entry(
    "statement.MINI.PREP.1.a.text",
    "I can write the goal of a meeting in one sentence.",
    "So scrivere in una frase l'obiettivo di una riunione.",
)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    folder = tmp_path / "fw"
    folder.mkdir()
    return Path(shutil.copyfile(MINI, folder / "mini.toml"))


def _write(mini: Path, lang: str, text: str) -> Path:
    path = mini.with_name(f"mini.{lang}.po")
    path.write_text(text, encoding="utf-8")
    return path


def test_a_translation_file_adds_its_language_and_texts(mini: Path) -> None:
    _write(mini, "it", _po(TITLE_IT, GOAL_IT))
    framework = load_framework(mini)
    assert framework.languages == ("en", "de", "it")
    assert framework.title.get("it") == "Mini quadro per riunioni"
    statement = framework.statements["MINI.PREP.1.a"]
    assert statement.text.get("it") == "So scrivere in una frase l'obiettivo di una riunione."
    assert framework.statements["MINI.PREP.1.b"].text.get("it") == (
        "I find it hard to decide what a meeting is for."
    )
    translation = framework.translations["it"]
    assert (translation.translated_by, translation.reviewed, translation.reviewed_by) == (
        "a test",
        True,
        "Giulia",
    )
    assert (translation.translated, translation.official) == (2, 0)
    assert translation.total == len(list(framework_texts(framework)))
    assert framework.english_shown("it") and not framework.english_shown("de")


def test_inline_translations_of_format_version_1_still_work(mini: Path) -> None:
    framework = load_framework(mini)
    assert framework.languages == ("en", "de")
    assert framework.title.get("de") == "Mini-Kompetenzrahmen für Moderation"
    assert framework.translations == {}
    assert not framework.english_shown("de")


def test_a_translation_file_wins_over_the_inline_text(mini: Path) -> None:
    german = _entry(
        "framework.title", "Mini framework for meeting facilitation", "Kleiner Moderationsrahmen"
    )
    _write(mini, "de", _po(german).replace("Language: it", "Language: de"))
    framework = load_framework(mini)
    assert framework.title.get("de") == "Kleiner Moderationsrahmen"
    assert framework.areas["PREP"].title.get("de") == "Besprechungen vorbereiten"  # inline kept
    assert framework.languages == ("en", "de")


def test_a_file_without_any_translated_text_adds_no_language(mini: Path) -> None:
    _write(
        mini, "it", _po(_entry("framework.title", "Mini framework for meeting facilitation", ""))
    )
    framework = load_framework(mini)
    assert framework.languages == ("en", "de")
    assert "it" not in framework.translations
    assert framework.english_shown("it")


def test_stale_unknown_and_flag_are_findings_with_file_and_line(mini: Path) -> None:
    stale = _entry("framework.title", "Mini framework for meetings", "Mini quadro")
    unknown = _entry("statement.NOPE.text", "Anything", "Qualcosa")
    no_flag = _entry(
        "statement.MINI.PREP.1.a.easy_read", "I can say why we meet.", "So dire perché."
    )
    extra_flag = _entry(
        "statement.MINI.RUN.1.a.text",
        "I can invite quiet participants to speak.",
        "So invitare a parlare chi tace.",
        "easy-read",
    )
    path = _write(mini, "it", _po(stale, unknown, no_flag, extra_flag))
    report = check_framework_file(mini)
    assert report.valid and report.framework is not None
    assert [(i.code, i.line, i.key) for i in report.translation_issues] == [
        ("translation-stale", 11, "framework.title"),
        ("translation-unknown", 15, "statement.NOPE.text"),
        ("translation-flag", 19, "statement.MINI.PREP.1.a.easy_read"),
        ("translation-flag", 24, "statement.MINI.RUN.1.a.text"),
    ]
    assert {i.file for i in report.translation_issues} == {str(path)}
    assert report.translation_issues[0].message == (
        "framework.title: translated from another English text than the framework's today; "
        "shown in English"
    )
    assert report.translation_issues[0].hint == (
        "update the translation, then set msgid to the new English: "
        '"Mini framework for meeting facilitation"'
    )
    [status] = report.languages
    total = len(list(framework_texts(report.framework)))
    assert (status.translated, status.missing, status.stale, status.unknown, status.flags) == (
        2,
        total - 2,
        1,
        1,
        2,
    )
    assert report.framework.title.get("it") == "Mini framework for meeting facilitation"  # stale
    assert report.framework.statements["MINI.RUN.1.a"].text.get("it") == (
        "So invitare a parlare chi tace."
    )


def test_the_english_changes_and_the_entry_becomes_stale(mini: Path) -> None:
    _write(mini, "it", _po(TITLE_IT, GOAL_IT))
    assert load_framework(mini).title.get("it") == "Mini quadro per riunioni"
    text = mini.read_text(encoding="utf-8")
    mini.write_text(
        text.replace(
            'title = "Mini framework for meeting facilitation"',
            'title = "Mini framework for running meetings"',
        ),
        encoding="utf-8",
    )
    framework = load_framework(mini)
    assert framework.title.get("it") == "Mini framework for running meetings"
    report = check_framework_file(mini)
    assert [(i.code, i.key) for i in report.translation_issues] == [
        ("translation-stale", "framework.title")
    ]


def test_a_changed_translation_file_is_not_served_from_the_cache(mini: Path) -> None:
    _write(mini, "it", _po(TITLE_IT))
    assert load_framework(mini).title.get("it") == "Mini quadro per riunioni"
    assert load_framework(mini).title.get("it") == "Mini quadro per riunioni"  # from the cache
    _write(mini, "it", _po(TITLE_IT.replace("Mini quadro per riunioni", "Quadro mini")))
    assert load_framework(mini).title.get("it") == "Quadro mini"
    mini.with_name("mini.it.po").unlink()
    assert load_framework(mini).languages == ("en", "de")


def test_validate_counts_and_warns_about_missing_texts(mini: Path, cli: Cli) -> None:
    path = _write(mini, "it", _po(TITLE_IT, GOAL_IT))
    total = len(list(framework_texts(load_framework(mini))))
    result = cli("frameworks", "validate", str(mini))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == (
        f"  it: 2 translated, {total - 2} missing, 0 stale, 0 unknown, 0 wrong flags ({path})"
    )
    assert result.stderr == (
        f"{mini}: warning: it: {total - 2} of {total} texts not translated yet; shown in English\n"
    )


def test_validate_exits_1_on_a_stale_entry_with_its_line_and_hint(mini: Path, cli: Cli) -> None:
    path = _write(mini, "it", _po(_entry("framework.title", "Old English", "Vecchio")))
    result = cli("frameworks", "validate", str(mini))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[2:4] == [
        f"{path}:11: error[translation-stale]: framework.title: translated from another English "
        "text than the framework's today; shown in English",
        "  hint: update the translation, then set msgid to the new English: "
        '"Mini framework for meeting facilitation"',
    ]
    assert result.stderr.endswith("1 of 1 file not valid, 1 problem\n")


def test_an_unreadable_translation_file_is_a_finding_and_the_framework_loads(mini: Path) -> None:
    path = mini.with_name("mini.it.po")
    path.write_bytes(b"msgid \xff\n")
    report = check_framework_file(mini)
    assert report.framework is not None and report.framework.languages == ("en", "de")
    [issue] = report.translation_issues
    assert (issue.code, issue.file, issue.line) == ("translation-unreadable", str(path), 1)
    assert load_framework(mini).languages == ("en", "de")


def test_only_files_named_after_the_framework_and_a_language_count(mini: Path) -> None:
    _write(mini, "it", _po(TITLE_IT))
    mini.with_name("mini.notes.po").write_text(_po(TITLE_IT), encoding="utf-8")
    mini.with_name("minix.fr.po").write_text(_po(TITLE_IT), encoding="utf-8")
    assert load_framework(mini).languages == ("en", "de", "it")


# ------------------------------------------------------------------ the translator's round trip


def _fill(sheet: Path, targets: dict[str, str], filled: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(sheet)
    rows = book.active
    assert rows is not None
    for row in rows.iter_rows(min_row=2):
        if row[0].value in targets:
            row[5].value = targets[str(row[0].value)]
    book.save(filled)


def test_the_sheet_lists_every_text_with_what_it_is(mini: Path, cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    sheet = tmp_path / "mini-it.xlsx"
    result = cli("frameworks", "translation", str(mini), "--lang", "it", "-o", str(sheet))
    assert result.exit_code == 0, result
    rows = list(load_workbook(sheet).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + len(list(framework_texts(load_framework(mini))))
    assert rows[1][:4] == (
        "framework.title",
        "il framework: titolo",
        "Mini framework for meeting facilitation",
        "no",
    )
    statement = next(r for r in rows if r[0] == "statement.MINI.PREP.1.a.easy_read")
    assert statement[1:4] == (
        "enunciato in lettura facile della competenza MINI.PREP.1: Setting a clear goal",
        "I can say why we meet.",
        "sì",
    )
    assert all(r[5] is None for r in rows[1:])
    again = cli("frameworks", "translation", str(mini), "--lang", "it", "-o", str(sheet))
    assert again.exit_code == 2


def test_round_trip_export_fill_import_load(mini: Path, cli: Cli, tmp_path: Path) -> None:
    sheet, filled = tmp_path / "it.xlsx", tmp_path / "filled.xlsx"
    assert (
        cli("frameworks", "translation", str(mini), "--lang", "it", "-o", str(sheet)).exit_code == 0
    )
    _fill(
        sheet,
        {
            "framework.title": "Mini quadro per riunioni",
            "statement.MINI.PREP.1.a.easy_read": "So dire perché ci incontriamo.",
            "role.facilitator.title": "Moderatore",
        },
        filled,
    )
    result = cli("frameworks", "translation-import", str(mini), str(filled), "--lang", "en")
    assert result.exit_code == 2
    result = cli("frameworks", "translation-import", str(mini), str(filled), "--lang", "it")
    assert result.exit_code == 0, result
    po = mini.with_name("mini.it.po")
    assert po.is_file()
    framework = load_framework(mini)
    assert framework.languages == ("en", "de", "it")
    assert framework.title.get("it") == "Mini quadro per riunioni"
    assert framework.statements["MINI.PREP.1.a"].easy_read is not None
    assert framework.statements["MINI.PREP.1.a"].easy_read.get("it") == (
        "So dire perché ci incontriamo."
    )
    report = check_framework_file(mini)
    assert report.translation_issues == []
    assert report.languages[0].translated == 3
    assert framework.roles["facilitator"].title.get("it") == "Moderatore"
    again = cli("frameworks", "translation-import", str(mini), str(filled), "--lang", "it")
    assert again.exit_code == 2  # the file exists: --force replaces it
    forced = cli(
        "frameworks", "translation-import", str(mini), str(filled), "--lang", "it", "--force"
    )
    assert forced.exit_code == 0


def test_import_refuses_rows_by_number_and_writes_nothing(
    mini: Path, cli: Cli, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    sheet, filled = tmp_path / "it.xlsx", tmp_path / "filled.xlsx"
    cli("frameworks", "translation", str(mini), "--lang", "it", "-o", str(sheet))
    book = load_workbook(sheet)
    rows = book.worksheets[0]
    rows["A2"] = "framework.subtitle"
    rows["F2"] = "Sottotitolo"
    rows["C3"] = "An older English description."
    rows["F3"] = "Una descrizione."
    rows["F4"] = "Quanto bene {lo} sa fare oggi?"
    book.save(filled)
    result = cli("frameworks", "translation-import", str(mini), str(filled), "--lang", "it")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{filled}: riga 2: il framework non ha alcun testo 'framework.subtitle'",
        f"{filled}: riga 3: l'inglese di 'framework.description' è cambiato da quando il foglio "
        "è stato creato",
        f"{filled}: riga 4: i segnaposto tra parentesi graffe di 'scale.proficiency.title' non "
        "sono quelli inglesi",
    ]
    assert not mini.with_name("mini.it.po").exists()


def test_import_of_a_po_file_names_lines(mini: Path, cli: Cli, tmp_path: Path) -> None:
    filled = tmp_path / "filled.po"
    filled.write_text(_po(TITLE_IT, _entry("framework.description", "Old", "Vecchio")), "utf-8")
    result = cli(
        "frameworks",
        "translation-import",
        str(mini),
        str(filled),
        "--lang",
        "it",
        "-o",
        str(tmp_path / "out.it.po"),
    )
    assert result.exit_code == 1
    assert result.stdout == (
        f"{filled}: riga 15: l'inglese di 'framework.description' è cambiato da quando il "
        "foglio è stato creato\n"
    )


def test_a_bundled_framework_needs_an_output_file(cli: Cli, tmp_path: Path) -> None:
    filled = tmp_path / "wim.po"
    filled.write_text(HEADER, "utf-8")
    result = cli("frameworks", "translation-import", "wim", str(filled), "--lang", "bg")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "грешка: „wim“ се доставя с wimcheck: папката му не е предназначена за промени"
    )
    assert "-o wim.bg.po" in result.stderr
    out = tmp_path / "wim.bg.po"
    result = cli(
        "frameworks", "translation-import", "wim", str(filled), "--lang", "bg", "-o", str(out)
    )
    assert result.exit_code == 0
    assert out.read_text("utf-8").count("msgctxt") == len(
        list(framework_texts(load_framework("wim")))
    )


def test_the_po_sheet_is_the_translation_file(mini: Path, cli: Cli) -> None:
    _write(mini, "it", _po(TITLE_IT))
    result = cli("frameworks", "translation", str(mini), "--lang", "it", "--format", "po")
    assert result.exit_code == 0
    assert '"X-Wimcheck-Translated-By: a test\\n"' in result.stdout
    assert 'msgctxt "framework.title"\nmsgid "Mini framework for meeting facilitation"\n' in (
        result.stdout
    )
    assert 'msgstr "Mini quadro per riunioni"' in result.stdout
    assert result.stdout.count("#, easy-read\n") == sum(
        1 for text in framework_texts(load_framework(mini)) if text.easy_read
    )


# ------------------------------------------------------------------ reports name the translation

ANSWERS_IT = """\
format_version = 1
framework = "mini"
framework_version = "1.0.0"
role = "facilitator"
respondent = "Giulia"
language = "it"
[answers]
"MINI.PREP.1.a" = 2
"MINI.PREP.1.b" = 1
"MINI.RUN.1.a" = 2
"MINI.RUN.1.b" = 3
"MINI.RUN.2.a" = 1
"""


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_report_names_the_translation_and_the_english_shown(
    mini: Path, cli: Cli, tmp_path: Path, fmt: str
) -> None:
    _write(mini, "it", _po(TITLE_IT, GOAL_IT))
    answers = tmp_path / "giulia.toml"
    answers.write_text(ANSWERS_IT, encoding="utf-8")
    result = cli("report", str(answers), "--framework", str(mini), "--format", fmt)
    assert result.exit_code == 0, result
    assert "Mini quadro per riunioni" in result.stdout
    for sentence in (
        "Traduzione in italiano: a test.",
        "Rivista da una persona di madrelingua o con piena padronanza della lingua: Giulia.",
        "Alcuni testi del framework non sono ancora tradotti in questa lingua; sono mostrati "
        "in inglese.",
    ):
        assert sentence in result.stdout


def test_a_report_in_a_complete_language_says_nothing_of_english(cli: Cli) -> None:
    answers = Path(__file__).parent / "data" / "i18n" / "answers-de.toml"
    result = cli("report", str(answers), "--format", "markdown")
    assert result.exit_code == 0, result
    assert (
        "Übersetzung (Deutsch): machine translation (AI language model) for wimcheck, "
        "December 2026; not yet reviewed by a fluent speaker." in result.stdout
    )
    assert "Noch nicht von einer Person mit sehr guten Sprachkenntnissen geprüft." in result.stdout
    assert "auf Englisch angezeigt" not in result.stdout


ANSWERS_DE = ANSWERS_IT.replace('language = "it"', 'language = "de"')


@pytest.mark.parametrize("fmt", ["text", "html", "markdown"])
def test_a_report_in_another_language_than_the_answers_shows_it_and_says_so(
    mini: Path, cli: Cli, tmp_path: Path, fmt: str
) -> None:
    """German answers reported in Hungarian: the framework has no Hungarian, so its texts
    are in English, and the report says so (not the German note of the answers)."""
    from wimcheck.messages import report_text

    answers = tmp_path / "giulia.toml"
    answers.write_text(ANSWERS_DE, encoding="utf-8")
    options = ("report", str(answers), "--framework", str(mini), "--format", fmt)
    german = cli(*options)
    hungarian = cli("--lang", "hu", *options)
    assert german.exit_code == hungarian.exit_code == 0, hungarian
    assert "Mini-Kompetenzrahmen für Moderation" in german.stdout
    assert report_text("about.english-shown", "de") not in german.stdout
    assert "Mini-Kompetenzrahmen für Moderation" not in hungarian.stdout
    assert "Besprechungen vorbereiten" not in hungarian.stdout
    assert "Mini framework for meeting facilitation" in hungarian.stdout
    assert report_text("about.english-shown", "hu") in " ".join(hungarian.stdout.split())


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_group_report_shows_the_framework_in_the_run_language_and_says_what_is_english(
    mini: Path, cli: Cli, tmp_path: Path, fmt: str
) -> None:
    """The group report and each respondent's report of ``score``: in Italian, the texts
    the Italian file has and English for the others, and a note that says so."""
    from wimcheck.messages import report_text

    _write(mini, "it", _po(TITLE_IT, GOAL_IT))
    sheet = str(Path(__file__).parent / "data" / "compare" / "before.csv")
    group = cli(
        "--lang", "it", "score", sheet, "--framework", str(mini), "--cohort", "--format", fmt
    )
    assert group.exit_code == 0, group
    flat = " ".join(group.stdout.split())
    assert "Mini quadro per riunioni" in flat
    assert "Mini framework for meeting facilitation" not in flat
    assert "Setting a clear goal" in flat  # no Italian for it: English
    assert report_text("about.english-shown", "it") in flat
    people = cli(
        "--lang", "it", "score", sheet, "--framework", str(mini), "--format", fmt,
        "-o", str(tmp_path / "people"),
    )  # fmt: skip
    assert people.exit_code == 0, people
    one = (tmp_path / "people" / f"A.{'html' if fmt == 'html' else 'md'}").read_text("utf-8")
    assert "Mini quadro per riunioni" in one
    assert report_text("about.english-shown", "it") in " ".join(one.split())


def test_a_json_result_records_the_language_it_was_made_in(
    mini: Path, cli: Cli, tmp_path: Path
) -> None:
    from wimcheck.assessment.result_json import read_person_result

    answers = tmp_path / "giulia.toml"
    answers.write_text(ANSWERS_DE, encoding="utf-8")
    saved = tmp_path / "giulia.json"
    made = cli("report", str(answers), "--framework", str(mini), "--format", "json", "--lang", "it")
    assert made.exit_code == 0, made
    saved.write_text(made.stdout, encoding="utf-8")
    result = read_person_result(saved)
    note = result.provenance.translation
    assert (result.language, result.framework_title) == (
        "it",
        "Mini framework for meeting facilitation",
    )
    assert note is not None and (note.lang, note.english_shown) == ("it", True)


def test_frameworks_show_lists_each_translation(mini: Path, cli: Cli) -> None:
    _write(mini, "it", _po(TITLE_IT, GOAL_IT))
    total = len(list(framework_texts(load_framework(mini))))
    result = cli("frameworks", "show", str(mini), "--lang", "en")
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert (
        "Translations: Translation into Italian: a test. Reviewed by a fluent speaker: Giulia. "
        f"2 of {total} texts translated." in flat
    )


def test_the_translation_note_survives_a_saved_json_result(cli: Cli, tmp_path: Path) -> None:
    from wimcheck.assessment.result_json import read_person_result

    answers = Path(__file__).parent / "data" / "i18n" / "answers-de.toml"
    saved = tmp_path / "p05.json"
    assert cli("report", str(answers), "--format", "json", "-o", str(saved)).exit_code == 0
    note = read_person_result(saved).provenance.translation
    assert note is not None
    assert (note.lang, note.reviewed, note.official, note.english_shown) == ("de", False, 0, False)
    again = cli("report", str(saved), "--format", "markdown")
    assert "Übersetzung (Deutsch): machine translation (AI language model)" in again.stdout


def test_a_fuzzy_entry_of_an_imported_po_file_is_skipped(
    mini: Path, cli: Cli, tmp_path: Path
) -> None:
    filled = tmp_path / "filled.po"
    fuzzy = GOAL_IT.replace('msgctxt "statement', '#, fuzzy\nmsgctxt "statement')
    filled.write_text(_po(TITLE_IT, fuzzy), "utf-8")
    out = tmp_path / "mini.it.po"
    result = cli(
        "frameworks", "translation-import", str(mini), str(filled), "--lang", "it", "-o", str(out)
    )
    assert result.exit_code == 0, result
    assert "testi importati: 1; righe senza traduzione: 1" in result.stderr
    assert 'msgstr "So scrivere' not in out.read_text("utf-8")
