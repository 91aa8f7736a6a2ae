"""Templates and ``assess`` say when the chosen language lacks some of a framework's texts.

``tests/data/i18n/partial`` holds ``mini`` in English only, with partial German and
Bulgarian translation files: the framework's and the facilitator's titles and a
competence's title (German also one statement); the participant role, which is
easy-read, has no translated text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import Result
from wimcheck.frameworks.catalog import load_framework
from wimcheck.frameworks.texts import role_texts_in_english

PARTIAL = Path(__file__).parent / "data" / "i18n" / "partial" / "mini.toml"
COMPLETE = Path(__file__).parent / "data" / "frameworks" / "mini.toml"
Cli = Callable[..., Result]

NOTE = {
    "de": "Einige Texte dieses Fragebogens sind noch nicht in diese Sprache übersetzt; "
    "sie werden auf Englisch angezeigt.",
    "bg": "Някои текстове на този въпросник още не са преведени на този език; "
    "показват се на английски.",
}
EASY_NOTE = {
    "de": "Manche Sätze sind auf Englisch. Es gibt sie noch nicht in Ihrer Sprache.",
    "bg": "Някои изречения са на английски. Още ги няма на Вашия език.",
}
INFO = "#wimcheck,format_version=1,framework=mini,framework_version=1.0.0,role=facilitator"
HEADER = "respondent,role,MINI.PREP.1.a,MINI.PREP.1.b,MINI.RUN.1.a,MINI.RUN.1.b,MINI.RUN.2.a\n"


def _template(cli: Cli, lang: str, fmt: str, role: str = "facilitator") -> str:
    result = cli("--lang", lang, "template", str(PARTIAL), "--role", role, "--format", fmt)
    assert result.exit_code == 0, result
    return result.stdout


@pytest.mark.parametrize("lang", ["de", "bg"])
def test_the_csv_sheet_says_so_in_the_last_cell_of_its_comment_line(lang: str, cli: Cli) -> None:
    assert _template(cli, lang, "csv") == f"{INFO},language={lang},{NOTE[lang]}\n{HEADER}"


def test_an_english_sheet_has_no_note(cli: Cli) -> None:
    assert _template(cli, "en", "csv") == f"{INFO},language=en\n{HEADER}"
    for fmt in ("toml", "markdown", "html"):
        assert "English" not in _template(cli, "en", fmt).split("Framework mini")[0], fmt


def test_a_complete_translation_has_no_note(cli: Cli) -> None:
    result = cli("--lang", "de", "template", str(COMPLETE), "--role", "facilitator")
    assert result.stdout == f"{INFO},language=de\n{HEADER}"
    form = cli("--lang", "bg", "template", "wim", "--role", "team-leader", "--format", "html")
    assert 'class="english-note"' not in form.stdout


@pytest.mark.parametrize("lang", ["de", "bg"])
def test_the_toml_markdown_and_paper_forms_say_so_near_the_top(lang: str, cli: Cli) -> None:
    assert _template(cli, lang, "toml").splitlines()[1] == f"# {NOTE[lang]}"
    assert _template(cli, lang, "markdown").splitlines()[2] == NOTE[lang]
    paper = _template(cli, lang, "html")
    note = f'<p class="english-note" role="note">{NOTE[lang]}</p>'
    assert paper.count(note) == 1
    assert paper.index(note) < paper.index("</header>") < paper.index("scale-title")


@pytest.mark.parametrize("lang", ["de", "bg"])
def test_an_easy_read_role_gets_the_easy_read_note(lang: str, cli: Cli) -> None:
    assert _template(cli, lang, "markdown", "participant").splitlines()[2] == EASY_NOTE[lang]
    paper = _template(cli, lang, "html", "participant")
    assert f'<p class="english-note" role="note">{EASY_NOTE[lang]}</p>' in paper


def test_the_xlsx_sheet_says_so_where_nothing_is_scored(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "sheet.xlsx"
    options = ("template", str(PARTIAL), "--role", "facilitator", "--format", "xlsx")
    result = cli("--lang", "bg", *options, "-o", str(out))
    assert result.exit_code == 0, result
    book = load_workbook(out)
    responses = book["Responses"]
    assert responses["A1"].value == "respondent"
    assert responses["A1"].comment.text == NOTE["bg"]
    assert responses.max_row == 1  # no note among the answer rows
    statements = [[cell.value for cell in row] for row in book["Statements"].iter_rows()]
    assert statements[-2:] == [[None] * 4, [NOTE["bg"], None, None, None]]
    english = tmp_path / "english.xlsx"
    assert cli("--lang", "en", *options, "-o", str(english)).exit_code == 0
    assert load_workbook(english)["Responses"]["A1"].comment is None


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_sheet_with_the_note_is_scored_as_any_other(fmt: str, cli: Cli, tmp_path: Path) -> None:
    sheet = tmp_path / f"sheet.{fmt}"
    options = ("template", str(PARTIAL), "--role", "facilitator", "--format", fmt)
    assert cli("--lang", "bg", *options, "-o", str(sheet)).exit_code == 0
    if fmt == "csv":
        with sheet.open("a", encoding="utf-8") as handle:
            handle.write("Ana,,1,2,3,1,2\n")
    else:
        book = load_workbook(sheet)
        book["Responses"].append(["Ana", None, 1, 2, 3, 1, 2])
        book.save(sheet)
    result = cli("score", str(sheet), "--framework", str(PARTIAL), "--format", "csv")
    assert result.exit_code == 0, result
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["respondent"], r["role"], r["readiness"]) for r in rows] == [
        ("Ana", "facilitator", "71.4")
    ]


def test_which_roles_show_english() -> None:
    partial, complete = load_framework(PARTIAL), load_framework(COMPLETE)
    facilitator, participant = partial.roles["facilitator"], partial.roles["participant"]
    assert role_texts_in_english(partial, facilitator, "bg")
    assert role_texts_in_english(partial, participant, "de")
    assert not role_texts_in_english(partial, facilitator, "en")
    assert not role_texts_in_english(complete, complete.roles["participant"], "de")
    # a language the framework does not have at all: everything is English
    assert role_texts_in_english(complete, complete.roles["facilitator"], "it")


ANSWERS = "1\n2\n1\n1\n2\n"
WARNING = {
    "de": "Warnung: Einige Texte von mini sind noch nicht in 'de' übersetzt; "
    "sie werden auf Englisch angezeigt",
    "bg": "предупреждение: някои текстове на mini още не са преведени на „bg“; "
    "показват се на английски",
}


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WIMCHECK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.mark.parametrize("lang", ["en", "de", "bg"])
def test_assess_warns_when_the_language_lacks_some_texts(lang: str, cli: Cli, in_tmp: Path) -> None:
    result = cli(
        "--lang", lang, "assess", str(PARTIAL), "--role", "facilitator",
        "--respondent", "Ana", "-o", str(in_tmp / "ana.toml"), input=ANSWERS,
    )  # fmt: skip
    assert result.exit_code == 0, result
    said = (result.stdout + result.stderr).splitlines()
    warnings = [line for line in said if line.startswith(("warning", "Warnung", "предупреждение"))]
    assert warnings == ([WARNING[lang]] if lang in WARNING else [])


def test_assess_in_a_language_the_framework_lacks_says_that_instead(cli: Cli, in_tmp: Path) -> None:
    result = cli(
        "--lang", "it", "assess", str(PARTIAL), "--role", "facilitator",
        "--respondent", "Ana", "-o", str(in_tmp / "ana.toml"), input=ANSWERS,
    )  # fmt: skip
    said = result.stdout + result.stderr
    assert "avviso: mini non ha testi in 'it'; si usa l'inglese" in said
    assert "alcuni testi di mini" not in said
