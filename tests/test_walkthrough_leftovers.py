"""The first hour's walkthrough, second round: each fault found is a promise kept from now on."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA, Result

Cli = Callable[..., Result]
MINI = str(DATA / "frameworks" / "mini.toml")
RESPONSE = str(DATA / "trainer" / "P05.toml")
SHEET = str(DATA / "trainer" / "workshop.csv")
BEFORE = str(DATA / "compare" / "before.csv")
AFTER = str(DATA / "compare" / "after.csv")
EXPORT = str(DATA / "surveys" / "limesurvey-full.csv")

# --- -o -: standard output ----------------------------------------------------------------

TEXT_RESULTS = [
    ["template", "wim", "--role", "team-leader"],
    ["template", "wim", "--role", "team-leader", "--format", "toml"],
    ["template", "wim", "--role", "team-leader", "--format", "markdown"],
    ["template", "wim", "--role", "team-leader", "--format", "html"],
    ["report", RESPONSE],
    ["report", RESPONSE, "--format", "json"],
    ["report", RESPONSE, "--format", "html"],
    ["report", RESPONSE, "--format", "markdown"],
    ["score", SHEET],
    ["score", SHEET, "--format", "csv"],
    ["score", SHEET, "--format", "json"],
    ["score", SHEET, "--cohort", "--format", "html"],
    ["score", SHEET, "--cohort", "--format", "csv"],
    ["compare", BEFORE, AFTER, "--framework", MINI],
    ["compare", BEFORE, AFTER, "--framework", MINI, "--format", "markdown"],
    ["mapping", "show", EXPORT, "--role", "team-leader"],
    ["frameworks", "translation", MINI, "--lang", "it", "--format", "po"],
]


@pytest.mark.parametrize("option", ["-o", "--output"])
@pytest.mark.parametrize("command", TEXT_RESULTS, ids=[" ".join(c[:4]) for c in TEXT_RESULTS])
def test_dash_writes_a_text_result_to_standard_output(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], option: str
) -> None:
    monkeypatch.chdir(tmp_path)
    shown = cli(*command)
    dashed = cli(*command, option, "-")
    assert dashed.exit_code == shown.exit_code
    assert dashed.stdout == shown.stdout
    assert dashed.stdout != ""
    assert dashed.stderr == shown.stderr
    assert not (tmp_path / "-").exists()


def test_dash_imports_a_translation_to_standard_output(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sheet = tmp_path / "it.po"
    exported = cli("frameworks", "translation", MINI, "--lang", "it", "--format", "po")
    title = 'msgid "Mini framework for meeting facilitation"\nmsgstr ""'
    assert title in exported.stdout
    filled = 'msgid "Mini framework for meeting facilitation"\nmsgstr "Mini quadro"'
    sheet.write_text(exported.stdout.replace(title, filled), encoding="utf-8")
    result = cli("frameworks", "translation-import", MINI, str(sheet), "--lang", "it", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Translation of the wimcheck framework 'mini' into 'it'.")
    assert filled in result.stdout
    assert result.stderr == "testi importati: 1; righe senza traduzione: 37\n"
    assert not (tmp_path / "-").exists()
    assert not (DATA / "frameworks" / "mini.it.po").exists()


def _binary(args: list[str]) -> tuple[int, bytes, str]:
    from wimcheck.cli.app import app

    result = CliRunner().invoke(app, args, catch_exceptions=False)
    return result.exit_code, result.stdout_bytes, result.stderr


WORKBOOKS = [
    ["template", "wim", "--role", "team-leader", "--format", "xlsx"],
    ["template", "wim", "--role", "team-leader", "--format", "xlsform"],
    ["frameworks", "translation", MINI, "--lang", "it"],
]


@pytest.mark.parametrize("command", WORKBOOKS, ids=["xlsx", "xlsform", "translation"])
def test_dash_writes_a_workbook_to_standard_output_that_is_no_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    from openpyxl import load_workbook

    monkeypatch.chdir(tmp_path)
    code, data, stderr = _binary([*command, "-o", "-"])
    assert (code, stderr) == (0, "")
    assert data.startswith(b"PK\x03\x04")
    assert load_workbook(io.BytesIO(data)).sheetnames != []
    assert not (tmp_path / "-").exists()


ON_A_TERMINAL = (
    "error: an XLSX workbook cannot be printed to the terminal\n"
    "  hint: give a file name (--output FILE.xlsx), or send standard output to a file or "
    "another program (-o - > FILE.xlsx)\n"
)
ON_A_TERMINAL_DE = (
    "Fehler: eine XLSX-Arbeitsmappe kann nicht im Terminal ausgegeben werden\n"
    "  Hinweis: geben Sie einen Dateinamen an (--output FILE.xlsx) oder leiten Sie die "
    "Standardausgabe in eine Datei oder ein anderes Programm um (-o - > FILE.xlsx)\n"
)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (WORKBOOKS[0], ON_A_TERMINAL),
        (WORKBOOKS[1], ON_A_TERMINAL),
        (["--lang", "de", *WORKBOOKS[0]], ON_A_TERMINAL_DE),
        # the translator's sheet speaks the language it is for
        (["frameworks", "translation", MINI, "--lang", "de"], ON_A_TERMINAL_DE),
    ],
    ids=["xlsx", "xlsform", "xlsx-de", "translation-de"],
)
def test_dash_refuses_a_workbook_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("wimcheck.cli.output.stdout_is_terminal", lambda: True)
    assert _binary([*command, "-o", "-"]) == (2, b"", expected)
    assert not (tmp_path / "-").exists()


def test_a_workbook_without_output_is_still_refused(cli: Cli) -> None:
    result = cli("template", "wim", "--role", "team-leader", "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: an XLSX workbook cannot be printed to the terminal\n"
        "  hint: add --output FILE.xlsx\n"
    )


def test_dash_for_each_respondent_s_reports_asks_for_a_folder(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("score", SHEET, "--format", "html", "-o", "-")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --format html without --cohort writes one report per respondent, into a folder\n"
        "  hint: give the folder with -o, e.g. -o reports/ (or add --cohort for one group "
        "report)\n"
    )
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("kiosk", [[], ["--kiosk"]])
def test_assess_refuses_dash_for_its_response_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kiosk: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("assess", MINI, "--role", "facilitator", *kiosk, "-o", "-", input="1\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: the answers are saved in a file, never written to standard output (-o -)\n"
        "  hint: give a file name (with --kiosk a folder), or leave out --output to save them "
        "in wimcheck's data folder\n"
    )
    assert not (tmp_path / "-").exists()


# --- score: "No respondent could be scored." is a message ---------------------------------


def test_score_says_on_stderr_that_nobody_could_be_scored(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "answers.csv"
    empty.write_text("\n", encoding="utf-8")
    result = cli("score", str(empty))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "No respondent could be scored.\n"
        f"rejected: {empty}: no column names a statement of an installed framework, by "
        "statement id or text; a mapping file must give `framework` and the columns under "
        "[columns]\n"
        "1 problem; 0 respondents scored\n"
    )
    german = cli("--lang", "de", "score", str(empty), "-o", str(tmp_path / "table.txt"))
    assert german.exit_code == 1
    assert german.stdout == ""
    assert german.stderr.splitlines()[0] == "Keine befragte Person konnte ausgewertet werden."
    assert not (tmp_path / "table.txt").exists()


# --- "anonymous" in the reader's language, kept in English in files ----------------------

ANONYMOUS = str(DATA / "walkthrough" / "anonymous.toml")


def test_a_report_names_the_anonymous_respondent_in_its_language(cli: Cli) -> None:
    english = cli("report", ANONYMOUS)
    assert english.stdout.splitlines()[0] == "Result for anonymous: Team leader or line manager"
    german = cli("--lang", "de", "report", ANONYMOUS)
    assert (
        german.stdout.splitlines()[0] == "Ergebnis für anonyme Person: Team- oder Abteilungsleitung"
    )
    page = cli("--lang", "de", "report", ANONYMOUS, "--format", "html").stdout
    assert (
        "<title>Selbsteinschätzung: anonyme Person – Team- oder Abteilungsleitung</title>" in page
    )
    assert "<dt>Befragte Person</dt><dd>anonyme Person</dd>" in page
    markdown = cli("--lang", "bg", "report", ANONYMOUS, "--format", "markdown").stdout
    assert "- **Респондент:** анонимно лице\n" in markdown
    assert "anonymous" not in german.stdout + page + markdown


def test_saved_data_keeps_anonymous_in_english(cli: Cli, tmp_path: Path) -> None:
    result = cli("--lang", "de", "report", ANONYMOUS, "--format", "json")
    assert '  "respondent": "anonymous",\n' in result.stdout
    table = cli("--lang", "it", "score", ANONYMOUS, "--format", "csv").stdout
    assert table.splitlines()[1].startswith("anonymous,wim,team-leader,")
    answers = tmp_path / "answers.toml"
    assessed = cli(
        "--lang", "de", "assess", MINI, "--role", "facilitator", "-o", str(answers),
        input="1\n2\n3\n1\n2\n",
    )  # fmt: skip
    assert assessed.exit_code == 0
    assert assessed.stdout.splitlines()[0] == "Ergebnis für anonyme Person: Moderation"
    assert 'respondent = "anonymous"\n' in answers.read_text(encoding="utf-8")


def test_group_views_name_the_anonymous_respondent_in_their_language(cli: Cli) -> None:
    table = cli("--lang", "de", "score", ANONYMOUS).stdout
    assert "│ anonyme Person  │ wim " in table
    group = cli(
        "--lang", "de", "score", ANONYMOUS, "--cohort", "--min-group", "1", "--format", "markdown"
    )
    assert "**Wer zu dieser Gruppe gehört (1):** anonyme Person\n" in group.stdout
    assert "| anonyme Person | **1 ▼** |" in group.stdout
    assert "anonymous" not in table + group.stdout


# --- a name that shows nothing ------------------------------------------------------------

INVISIBLE = ["\u200b", "\u200b\u200d\ufeff", " \u2060 ", "\u3164", "\u2800", "\u00ad", "\U000e0041"]


@pytest.mark.parametrize("name", INVISIBLE)
def test_assess_refuses_a_name_that_shows_nothing(cli: Cli, tmp_path: Path, name: str) -> None:
    answers = tmp_path / "answers.toml"
    result = cli(
        "assess", MINI, "--role", "facilitator", "--respondent", name, "-o", str(answers),
        input="1\n2\n3\n1\n2\n",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.endswith(
        "error: the name has no visible character (only spaces or invisible ones)\n"
        "  hint: type a name or a code with letters or digits, or leave it empty to stay "
        "anonymous\n"
    )
    assert not answers.exists()
    assert not (tmp_path / "data" / "sessions").exists() or not any(
        (tmp_path / "data" / "sessions").iterdir()
    )


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Ana\u200b", "Ana"),  # invisible characters at either end are dropped
        ("\u2060Zo\u00eb\ufeff", "Zo\u00eb"),
        ("Zo\u00eb", "Zo\u00eb"),
        ("A\u200bna", "A\u200bna"),  # inside a name it stays as typed
        ("\u0928\u093f", "\u0928\u093f"),
        ("李", "李"),
    ],
)
def test_a_name_with_something_to_see_is_kept(
    cli: Cli, tmp_path: Path, name: str, kept: str
) -> None:
    answers = tmp_path / "answers.toml"
    result = cli(
        "assess", MINI, "--role", "facilitator", "--respondent", name, "-o", str(answers),
        input="1\n2\n3\n1\n2\n",
    )  # fmt: skip
    assert result.exit_code == 0
    assert f'respondent = "{kept}"\n' in answers.read_text(encoding="utf-8")


def test_whitespace_alone_is_no_name_and_stays_anonymous(cli: Cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    result = cli(
        "assess", MINI, "--role", "facilitator", "--respondent", " \u3000 ", "-o", str(answers),
        input="1\n2\n3\n1\n2\n",
    )  # fmt: skip
    assert result.exit_code == 0
    assert 'respondent = "anonymous"\n' in answers.read_text(encoding="utf-8")


def test_serve_refuses_a_name_that_shows_nothing(tmp_path: Path) -> None:
    from serve_helpers import Phone, context

    ctx = context(tmp_path)
    refused = Phone(ctx).join("\u200b\u200b", lang="de")
    assert refused.status_code == 400
    assert (
        "der Name enthält kein sichtbares Zeichen (nur Leerzeichen oder unsichtbare Zeichen)"
        in (refused.text)
    )
    assert ctx.workshop.participants() == []
    assert Phone(ctx).join("\u200b").status_code == 400
    assert Phone(ctx).join("").status_code == 200  # an empty name: an anonymous code


# --- percentages as each language writes them ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "below", "mean"),
    [
        ("en", "40%", "Mean readiness: 76.2% of the target levels reached"),
        ("de", "40\u00a0%", "Mittlere Zielerreichung: 76,2\u00a0% der Zielniveaus erreicht"),
        ("hu", "40%", "Átlagos felkészültség: a célszintek 76,2%-a teljesült"),
    ],
)
def test_the_group_report_writes_every_percentage_one_way(
    cli: Cli, lang: str, below: str, mean: str
) -> None:
    page = cli("--lang", lang, "score", SHEET, "--cohort", "--format", "html").stdout
    cells = re.findall(r'<td class="num" data-label="[^"]+">(\d+[^<]*%)</td>', page)
    sign = below.removeprefix("40")  # the percent sign with its space, if any
    assert cells[:4] == [f"{n}{sign}" for n in (20, 40, 60, 40)]
    assert below in cells
    assert f'<p class="readiness-line">{mean}</p>' in page
    assert re.search(r"\d %", page) is None  # no percentage with an ordinary space
    table = cli("--lang", lang, "score", SHEET, "--cohort").stdout
    assert f"│ {below}" in table


# --- an empty framework file is one problem -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("\n  \n", "the file is empty"),
        ("# my framework\n\n", "the file has no keys, only comments or blank lines"),
    ],
)
def test_validate_names_an_empty_framework_file_once(
    cli: Cli, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("frameworks", "validate", str(path))
    assert result.exit_code == 1
    assert result.stdout + result.stderr == (
        f"{path}: error[empty-file]: {message}\n"
        "  hint: start from the complete small example in docs/framework-format.md, or from a "
        "copy of a bundled framework's file\n"
        "1 of 1 file not valid, 1 problem\n"
    )


def test_validate_names_an_empty_framework_file_in_german(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(b"")
    result = cli("--lang", "de", "frameworks", "validate", str(path))
    assert result.exit_code == 1
    assert (result.stdout + result.stderr).splitlines()[:2] == [
        f"{path}: Fehler[empty-file]: die Datei ist leer",
        "  Hinweis: beginnen Sie mit dem vollständigen kleinen Beispiel in "
        "docs/framework-format.md oder mit einer Kopie der Datei eines mitgelieferten "
        "Kompetenzrahmens",
    ]


# --- mapping show on an empty export ------------------------------------------------------


@pytest.mark.parametrize("name", ["export.csv", "export.xlsx"])
def test_mapping_show_names_an_empty_export_with_a_hint(
    cli: Cli, tmp_path: Path, name: str
) -> None:
    export = tmp_path / name
    export.write_bytes(b"")
    result = cli("mapping", "show", str(export))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"{export}: error: the file is empty\n"
        "  hint: give a survey tool's export: a CSV or XLSX file with a header row and a row "
        "for each response (see docs/formats.md)\n"
    )
    german = cli("--lang", "de", "mapping", "show", str(export))
    assert german.stderr == (
        f"{export}: Fehler: die Datei ist leer\n"
        "  Hinweis: geben Sie den Export eines Umfragewerkzeugs an: eine CSV- oder XLSX-Datei "
        "mit einer Kopfzeile und einer Zeile je Antwort (siehe docs/formats.md)\n"
    )


# --- the end of standard input is no interruption -----------------------------------------


def test_assess_with_empty_input_exits_2_saying_how_to_answer(cli: Cli, tmp_path: Path) -> None:
    result = cli("assess", "wim", "--role", "team-leader", input="")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.endswith(
        "\nStandard input ended before the first answer. Nothing was saved. Type the answers "
        "in a terminal, or give one answer a line (a scale value, n/a, or an empty line to "
        "skip).\n"
    )
    german = cli("--lang", "de", "assess", "wim", "--role", "team-leader", input="")
    assert german.exit_code == 2
    assert german.stderr.endswith(
        "\nDie Standardeingabe endete vor der ersten Antwort. Es wurde nichts gespeichert. "
        "Geben Sie die Antworten in einem Terminal ein, oder geben Sie eine Antwort je Zeile "
        "an (einen Skalenwert, n/a oder eine leere Zeile zum Überspringen).\n"
    )
    assert not (tmp_path / "data" / "sessions").exists() or not any(
        (tmp_path / "data" / "sessions").iterdir()
    )


def test_assess_input_ending_midway_keeps_the_session_and_exits_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("assess", MINI, "--role", "facilitator", "--respondent", "Kim", input="1\n2\n")
    assert result.exit_code == 2
    (session,) = (tmp_path / "data" / "sessions").iterdir()
    assert result.stderr.endswith(
        "\nThe input ended after 2 of 5 statements. Your answers are saved.\n"
        f"Continue with: wimcheck assess --resume {session.stem}\n"
    )


# --- easy-read speaks to the reader as the rest of wimcheck does ---------------------------

# words of the familiar address ("du", "tu", "te", "ти", ...) in each language
FAMILIAR = {
    "de": r"\b(du|dich|dir|dein\w*)\b",
    "it": r"\b(scrivi|premi|puoi|hai|sei|tuo|tua|tue|tuoi|ti|te|fermati|torna|tieni|fai)\b",
    "el": r"(\bσου\b|\bγράψε\b|\bπάτα\b|\bμπορείς\b|\bσταμάτησες\b)",
    "sl": r"\b(napiši|pritisni|preskoči|ustavi|tvoj\w*|lahko\s+\w+š)\b",
    "hu": r"\b(írd|nyomd|tudod|válaszod|válaszaid|célod|célodat|neved|eredményed|neked|"
    r"segítődnek|kihagytad|abbahagytad|válaszoltál|vagy kész)\b",
    "bg": r"\b(напиши|натисни|пиши|спри|пропусни|можеш|твоя|твоят|твоите|твоето|твоята|теб|ти)\b",
}


def _without_buttons(text: str) -> str:
    """``text`` without the buttons it names ("press Skip"): their names are imperatives."""
    return text.replace("Preskoči", "").replace("Salta", "")


def _easy_read(context: str) -> bool:
    return (
        context.endswith((".easy-read", ".easy-read.long"))
        or context.startswith(("easy.", "reports/reading.easy."))
        or context == "reports/supporter.details"
    )


@pytest.mark.parametrize("lang", sorted(FAMILIAR))
def test_easy_read_addresses_the_reader_formally(lang: str) -> None:
    from wimcheck.i18n.po import read_catalogue

    path = Path(__file__).parent.parent / "src/wimcheck/locale" / lang / "LC_MESSAGES/wimcheck.po"
    familiar = re.compile(FAMILIAR[lang])
    entries = [m for m in list(read_catalogue(path, lang))[1:] if _easy_read(m.context or "")]
    assert len(entries) > 50
    found = [
        (m.context, text)
        for m in entries
        for text in ([m.string] if isinstance(m.string, str) else m.string)
        if familiar.search(_without_buttons(text).lower())
    ]
    assert found == []


def test_invisible_characters_at_the_ends_do_not_make_another_person() -> None:
    """``score`` and ``compare`` tell respondents apart by ``respondent_key``: a name with a
    zero-width space or a byte-order mark pasted at an end is the same person."""
    from wimcheck.assessment.responses import respondent_key
    from wimcheck.plaintext import trimmed

    same = {
        respondent_key(n) for n in ("Ana", " Ana ", "Ana\u200b", "\ufeffAna", "\u2060Ana\u200d")
    }
    assert same == {"Ana"}
    assert respondent_key("A\u200bna") != respondent_key("Ana")  # inside, it is kept
    assert trimmed("\u200b\u3164 Zo\u00eb \u2800") == "Zo\u00eb"
    assert trimmed("\u200b") == ""
    assert trimmed("  plain  ") == "plain"
