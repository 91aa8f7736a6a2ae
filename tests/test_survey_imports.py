"""Survey tools' exports (issue 15, points 1-4).

The exports in tests/data/surveys/ are laid out as docs/formats.md describes each tool's
(made by tests/data/surveys/make_survey_exports.py) and hold the answers of
tests/data/trainer/workshop.csv: each must score exactly as that sheet. What cannot be read
safely is refused with exit code 1 and a message saying what a mapping file must add.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import Result
from wimcheck.batch.group_json import person_data, shared_key
from wimcheck.i18n.language import SUPPORTED_LANGUAGES
from wimcheck.messages import quoted, t
from wimcheck.sheets.dialect import detect_delimiter, first_records
from wimcheck.sheets.surveys.mapping_model import MappingFileModel
from wimcheck.sheets.surveys.normal import cut_text, id_key, normal_text, subquestion_code
from wimcheck.sheets.surveys.vocabulary import respondent_rank

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
SURVEYS = DATA / "surveys"
WORKSHOP = DATA / "trainer" / "workshop.csv"
ROLE = ("--role", "team-leader")
IDS = WORKSHOP.read_text(encoding="utf-8-sig").splitlines()[0].split(";")[2:]


def without_sources(value: Any) -> Any:
    """A JSON result without the keys that name where answers came from."""
    if isinstance(value, dict):
        return {k: without_sources(v) for k, v in value.items() if k != "source"}
    if isinstance(value, list):
        return [without_sources(item) for item in value]
    return value


def scored(cli: Cli, *args: str) -> tuple[Result, Any]:
    result = cli("score", *args, "--cohort", "--min-group", "1", "--format", "json")
    return result, without_sources(json.loads(result.stdout)) if result.stdout else None


CLEAN = [
    ("limesurvey-full.csv", ROLE),
    ("limesurvey-codes.csv", (*ROLE, "--respondent-column", "G01Q01")),
    ("limesurvey-codetext.xlsx", ("--mapping", str(SURVEYS / "limesurvey-codetext.toml"))),
    ("limesurvey-exprcodes.csv", (*ROLE, "--respondent-column", "G01Q01")),
    ("limesurvey-abbreviated.csv", ROLE),
    ("kobo-labels-de.csv", ROLE),
    ("kobo-xml.xlsx", ROLE),
    ("kobo-labels-en-groups.xlsx", ROLE),
    ("kobo-xml-groups.csv", ROLE),
    ("odk-groups.csv", ROLE),
    ("odk-bare.csv", ROLE),
    ("msforms.xlsx", ROLE),
    ("msforms-names.xlsx", ROLE),
    ("msforms-de.xlsx", ROLE),
    ("google.csv", ROLE),
    ("google-de.csv", ROLE),
    ("google-email.csv", ROLE),
    ("qualtrics-text.csv", ROLE),
    ("qualtrics-numeric.csv", ("--mapping", str(SURVEYS / "qualtrics-numeric.toml"))),
    ("qualtrics-legacy.csv", ROLE),
]


@pytest.mark.parametrize(("name", "options"), CLEAN, ids=[name for name, _ in CLEAN])
def test_each_export_scores_as_the_sheet(cli: Cli, name: str, options: tuple[str, ...]) -> None:
    _, expected = scored(cli, str(WORKSHOP))
    result, found = scored(cli, str(SURVEYS / name), *options)
    assert (result.exit_code, result.stderr) == (0, "")
    assert found == expected
    assert [r["respondent"] for r in found["respondents"]] == [
        "Excel 31",
        "Excel 32",
        "Excel 33",
        "Excel 34",
        "Excel 35",
    ]


def with_an_unreadable_answer(source: Path, folder: Path, name: str, header_rows: int) -> Path:
    """``source`` with "Maybe" in every data row of the column headed ``name``."""
    path = folder / source.name
    if source.suffix == ".xlsx":
        book = load_workbook(source)
        sheet = book.active
        assert sheet is not None
        header = [cell.value for cell in sheet[1]]
        column = header.index(name) + 1
        for row in range(header_rows + 1, sheet.max_row + 1):
            sheet.cell(row, column).value = "Maybe"
        book.save(path)
        return path
    raw = source.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    lines = io.StringIO(text, newline="").readlines()
    delimiter = detect_delimiter(first_records(lines))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    column = rows[0].index(name)
    for row in rows[header_rows:]:
        row[column] = "Maybe"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL).writerows(rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8"))
    return path


@pytest.mark.parametrize(("name", "options"), CLEAN, ids=[name for name, _ in CLEAN])
def test_each_export_with_an_unreadable_answer_is_refused(
    cli: Cli, tmp_path: Path, name: str, options: tuple[str, ...]
) -> None:
    shown = tomllib.loads(cli("mapping", "show", str(SURVEYS / name), *options).stdout)
    first = next(iter(shown["columns"]))
    path = with_an_unreadable_answer(SURVEYS / name, tmp_path, first, shown["header_rows"])
    assert refused(cli, path, *options) == [
        f"rejected: {path}: 1 answer cannot be read safely as a value of the scale "
        f"(0, 1, 2, 3, 4, 5): 'Maybe' in column '{quoted(first, 40)}'; a mapping file must "
        "give its scale value under [answers] (`wimcheck mapping show` lists it)",
        "1 problem; 0 respondents scored",
    ]


TOOLS = {
    "limesurvey-full.csv": ("limesurvey", 1),
    "limesurvey-codes.csv": ("limesurvey", 1),
    "limesurvey-codetext.xlsx": ("limesurvey", 1),
    "limesurvey-exprcodes.csv": ("limesurvey", 1),
    "limesurvey-abbreviated.csv": ("limesurvey", 1),
    "kobo-labels-de.csv": ("kobotoolbox", 1),
    "kobo-xml.xlsx": ("kobotoolbox", 1),
    "kobo-labels-en-groups.xlsx": ("kobotoolbox", 1),
    "kobo-xml-groups.csv": ("kobotoolbox", 1),
    "odk-groups.csv": ("odk-central", 1),
    "odk-bare.csv": ("odk-central", 1),
    "msforms.xlsx": ("microsoft-forms", 1),
    "msforms-names.xlsx": ("microsoft-forms", 1),
    "msforms-de.xlsx": ("microsoft-forms", 1),
    "google.csv": ("google-forms", 1),
    "google-de.csv": ("google-forms", 1),
    "google-email.csv": ("google-forms", 1),
    "qualtrics-text.csv": ("qualtrics", 3),
    "qualtrics-numeric.csv": ("qualtrics", 3),
    "qualtrics-legacy.csv": ("qualtrics", 2),
}


@pytest.mark.parametrize(("name", "options"), CLEAN, ids=[name for name, _ in CLEAN])
def test_the_tool_is_told_from_the_headings(cli: Cli, name: str, options: tuple[str, ...]) -> None:
    result = cli("mapping", "show", str(SURVEYS / name), *options)
    assert (result.exit_code, result.stderr) == (0, "")
    data = tomllib.loads(result.stdout)
    assert (data["tool"], data["header_rows"]) == TOOLS[name]
    assert (data["framework"], data["role"]) == ("wim", "team-leader")
    assert sorted(data["columns"].values()) == sorted(IDS)


def test_exports_of_several_tools_at_once(cli: Cli, tmp_path: Path) -> None:
    result = cli("score", str(SURVEYS / "google.csv"), str(SURVEYS / "odk-bare.csv"), *ROLE)
    assert result.exit_code == 1  # the same five people twice
    assert result.stderr.splitlines()[0] == (
        f"rejected: {SURVEYS}/odk-bare.csv:line 2: duplicate respondent 'Excel 31' "
        f"(first in {SURVEYS}/google.csv:line 2); not scored again"
    )


def test_compare_two_exports(cli: Cli) -> None:
    before, after = SURVEYS / "google.csv", SURVEYS / "kobo-labels-de.csv"
    result = cli("compare", str(before), str(after), *ROLE, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["pairs"] == 5


def refused(cli: Cli, path: Path, *options: str) -> list[str]:
    result = cli("score", str(path), *options)
    assert result.exit_code == 1
    assert result.stdout == ""  # the message is no result: it goes to stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "No respondent could be scored."
    return lines[1:]


def test_numeric_recodes_by_text_are_refused(cli: Cli) -> None:
    path = SURVEYS / "qualtrics-numeric.csv"
    assert refused(cli, path, *ROLE) == [
        f"rejected: {path}: 7 answers cannot be read safely as values of the scale "
        "(0, 1, 2, 3, 4, 5): '4' in column 'Q2_1', '5' in column 'Q2_2', '6' in column "
        "'Q2_23' (a number is a scale value only in a column headed by a statement id); a "
        "mapping file must give the scale value of each under [answers] (`wimcheck mapping "
        "show` lists them)",
        "1 problem; 0 respondents scored",
    ]


def test_answer_codes_are_refused(cli: Cli) -> None:
    path = SURVEYS / "limesurvey-codetext.xlsx"
    column = "G02Q01[SQ0{}]. How well can you do this…"
    assert refused(cli, path, *ROLE)[0] == (
        f"rejected: {path}: 7 answers cannot be read safely as values of the scale "
        f"(0, 1, 2, 3, 4, 5): 'AO04' in column '{column.format('01')}', 'AO05' in column "
        f"'{column.format('02')}', 'AO06' in column '{column.format('23')}'; a mapping file "
        "must give the scale value of each under [answers] (`wimcheck mapping show` lists them)"
    )


def test_a_role_that_cannot_be_told_is_asked_for(cli: Cli) -> None:
    path = SURVEYS / "google.csv"
    assert refused(cli, path)[0] == (
        f"rejected: {path}: the statement columns fit several roles (wim, team-leader); "
        "give --role or `role` in a mapping file"
    )


def test_a_respondent_column_that_cannot_be_told_is_asked_for(cli: Cli) -> None:
    path = SURVEYS / "limesurvey-codes.csv"
    assert refused(cli, path, *ROLE)[0] == (
        f"rejected: {path}: no column says who answered (a participant code or name); give "
        "--respondent-column or `respondent` (the column's heading) in a mapping file"
    )


def export_with(tmp_path: Path, heading: str, cells: list[str]) -> Path:
    """google.csv with one more column."""
    rows = list(csv.reader(io.StringIO((SURVEYS / "google.csv").read_text(encoding="utf-8"))))
    rows[0].append(heading)
    for row, cell in zip(rows[1:], cells, strict=True):
        row.append(cell)
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_a_column_of_answers_that_names_no_statement_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = export_with(tmp_path, "How well can you do thsi? [a statement misspelt]", ["Expert"] * 5)
    assert refused(cli, path, *ROLE)[0] == (
        f"rejected: {path}: column 34 ('How well can you do thsi? [a statement misspelt]') "
        "holds answers but names no statement; a mapping file must map it under [columns] or "
        "list it under `ignore`"
    )
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        'format_version = 1\nignore = ["How well can you do thsi? [a statement misspelt]"]\n',
        encoding="utf-8",
    )
    _, expected = scored(cli, str(WORKSHOP))
    result, found = scored(cli, str(path), *ROLE, "--mapping", str(mapping))
    assert (result.exit_code, found) == (0, expected)


def test_other_questions_are_not_problems(cli: Cli, tmp_path: Path) -> None:
    path = export_with(tmp_path, "Which department?", ["Sales", "HR", "", "IT", "Sales"])
    _, expected = scored(cli, str(WORKSHOP))
    result, found = scored(cli, str(path), *ROLE)
    assert (result.exit_code, result.stderr, found) == (0, "", expected)


def test_a_statement_in_two_columns_is_refused(cli: Cli, tmp_path: Path) -> None:
    heading = "Again: [I can explain in plain words how workplace innovation differs from product or technology innovation.]"
    path = export_with(tmp_path, heading, ["Expert"] * 5)
    assert refused(cli, path, *ROLE)[0] == (
        f"rejected: {path}: columns 3 and 34 both name statement 'WIM.FND.1.a'; a mapping "
        "file must map the right one under [columns] and list the other under `ignore`"
    )


def test_an_export_without_statements_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("Timestamp,Participant code,Favourite colour\n1,A,red\n", encoding="utf-8")
    for options in ((), ("--framework", "wim")):
        assert refused(cli, path, *options)[0] == (
            f"rejected: {path}: no column names a statement of an installed framework, by "
            "statement id or text; a mapping file must give `framework` and the columns under "
            "[columns]"
        )


def test_a_mapping_file_that_is_not_one(cli: Cli, tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('format_version = 1\nrole = "team-leader"\ncolour = "red"\n', "utf-8")
    result = cli("score", str(SURVEYS / "google.csv"), "--mapping", str(mapping))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{mapping}:3:1: error: not a mapping file: unknown key 'colour'\n"
        "  hint: see docs/formats.md (mapping files); `wimcheck mapping show EXPORT` prints one "
        "to edit\n"
    )


def test_a_mapping_file_naming_what_is_not_there(cli: Cli, tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        'format_version = 1\nrole = "team-leader"\n[columns]\n"Q9" = "WIM.FND.1.a"\n'
        '"Participant code" = "WIM.NOPE.1.a"\n',
        encoding="utf-8",
    )
    path = SURVEYS / "google.csv"
    assert refused(cli, path, "--mapping", str(mapping))[:2] == [
        f"rejected: {path}: the mapping file names column 'Q9', which this file does not have",
        f"rejected: {path}: the mapping file maps column 'Participant code' to 'WIM.NOPE.1.a', "
        "which is not a statement of framework 'wim'",
    ]


def test_a_mapping_file_drops_rows(cli: Cli, tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        'format_version = 1\nrole = "team-leader"\n\n[[drop]]\ncolumn = "Participant code"\n'
        'values = ["Excel 32", "excel 35"]\n',
        encoding="utf-8",
    )
    result, found = scored(cli, str(SURVEYS / "google.csv"), "--mapping", str(mapping))
    assert result.exit_code == 0
    assert [r["respondent"] for r in found["respondents"]] == ["Excel 31", "Excel 33", "Excel 34"]


def test_a_wimcheck_sheet_is_read_as_before(cli: Cli) -> None:
    result = cli("score", str(WORKSHOP), "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")


# --- report and the mapping command ------------------------------------------------------


def test_report_of_a_one_person_export(cli: Cli, tmp_path: Path) -> None:
    lines = (SURVEYS / "google.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    one = tmp_path / "one.csv"
    one.write_text("".join(lines[:2]), encoding="utf-8")
    result = cli("report", str(one), *ROLE, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    _, group = scored(cli, str(WORKSHOP))
    # the batch's respondent joined with its framework's texts: the report without the plan
    entries = {shared_key(entry): entry for entry in group["frameworks"]}
    person = person_data(group["respondents"][0], entries)
    expected = json.loads(result.stdout)
    assert expected["plan"] or expected["next_step"]
    no_plan = {"plan": [], "plan_hours": 0, "hours_budget": None, "open_gaps": []}
    assert person == without_sources({**expected, **no_plan, "next_step": None})


def test_report_of_an_export_of_many_points_to_score(cli: Cli) -> None:
    path = SURVEYS / "google.csv"
    result = cli("report", str(path), *ROLE)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path} holds the answers of 5 respondents; report shows one person\n"
        f"  hint: score the sheet with `wimcheck score {path}` "
        "(add --format html -o reports/ for a report per person)\n"
    )


def test_mapping_show_prints_a_mapping_file_that_reads_the_same(cli: Cli, tmp_path: Path) -> None:
    path = SURVEYS / "qualtrics-text.csv"
    mapping = tmp_path / "mapping.toml"
    result = cli("mapping", "show", str(path), *ROLE, "-o", str(mapping))
    assert (result.exit_code, result.stderr) == (0, f"wrote {mapping}\n")
    data = tomllib.loads(mapping.read_text(encoding="utf-8"))
    MappingFileModel.model_validate(data)
    assert (data["tool"], data["framework"], data["role"]) == ("qualtrics", "wim", "team-leader")
    assert (data["header_rows"], data["respondent"]) == (3, "Q1")
    assert data["columns"]["Q2_1"] == "WIM.FND.1.a"
    assert len(data["columns"]) == 31
    _, expected = scored(cli, str(WORKSHOP))
    done, found = scored(cli, str(path), "--mapping", str(mapping))
    assert (done.exit_code, found) == (0, expected)


def test_mapping_show_marks_what_must_be_added(cli: Cli) -> None:
    result = cli("mapping", "show", str(SURVEYS / "qualtrics-numeric.csv"), *ROLE)
    assert result.exit_code == 1
    assert result.stderr == "1 thing cannot be inferred; the mapping file printed says where\n"
    lines = result.stdout.splitlines()
    assert lines[2].startswith("# PROBLEM: 7 answers cannot be read safely")
    unsafe = [
        line for line in lines if line.endswith("cannot be read safely: give its scale value")
    ]
    assert unsafe == [
        f'# "{n}" = ? cannot be read safely: give its scale value' for n in range(1, 8)
    ]
    tomllib.loads(result.stdout)  # still TOML: the missing answers are comments


def test_mapping_show_refuses_a_wimcheck_sheet(cli: Cli) -> None:
    result = cli("mapping", "show", str(WORKSHOP))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{WORKSHOP}: error: this is a wimcheck sheet (it has a 'respondent' column and "
        "statement ids): it needs no mapping file\n"
        f"  hint: score it as it is: `wimcheck score {WORKSHOP}`\n"
    )


def test_mapping_schema(cli: Cli) -> None:
    schema = json.loads(cli("mapping", "schema").stdout)
    assert schema["title"] == "wimcheck survey mapping"
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["format_version"]
    assert set(schema["properties"]) == {
        "format_version",
        "tool",
        "framework",
        "role",
        "header_rows",
        "respondent",
        "ignore",
        "columns",
        "answers",
        "drop",
    }


# --- the CSV dialect and the comparison of texts ----------------------------------------


def test_the_german_kobo_export_has_more_commas_than_delimiters() -> None:
    # the layout the issue names: counting characters on the first line would choose ","
    first = (SURVEYS / "kobo-labels-de.csv").read_text(encoding="utf-8").splitlines()[0]
    assert (first.count(","), first.count(";")) == (48, 43)
    assert detect_delimiter(first_records([first + "\r\n"])) == ";"


def test_commas_inside_quoted_headers_are_not_delimiters() -> None:
    header = '"start";"Ich kann, wenn nötig, mit anderen, auch Externen, planen.";"_id"\r\n'
    row = '"2026-03-04";"Selbstständig";"1"\r\n'
    assert detect_delimiter(first_records([header, row])) == ";"


CELL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"))


@settings(max_examples=200, deadline=None)
@given(
    delimiter=st.sampled_from([";", ",", "\t"]),
    width=st.integers(2, 6),
    data=st.data(),
)
def test_the_delimiter_of_fully_quoted_csv(delimiter: str, width: int, data: Any) -> None:
    rows = data.draw(
        st.lists(st.lists(CELL, min_size=width, max_size=width), min_size=1, max_size=4)
    )
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL).writerows(rows)
    lines = io.StringIO(buffer.getvalue(), newline="").readlines()  # as the reader reads
    assert detect_delimiter(first_records(lines)) == delimiter


@settings(max_examples=200, deadline=None)
@given(delimiter=st.sampled_from([";", ",", "\t"]), width=st.integers(2, 6), data=st.data())
def test_the_delimiter_of_minimally_quoted_csv(delimiter: str, width: int, data: Any) -> None:
    others = "".join(d for d in ";,\t" if d != delimiter)
    cell = st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r" + others)
    )
    rows = data.draw(
        st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=4)
    )
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    lines = io.StringIO(buffer.getvalue(), newline="").readlines()  # as the reader reads
    assert detect_delimiter(first_records(lines)) == delimiter


@given(st.text())
def test_normal_text_is_stable(text: str) -> None:
    once = normal_text(text)
    assert normal_text(once) == once
    assert "  " not in once and once == once.strip()


@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_normal_text_ignores_case_spaces_and_unicode_forms(text: str) -> None:
    import unicodedata

    same = normal_text(text)
    assert normal_text(f"  {text.upper()}\t") == normal_text(text.upper())
    assert normal_text(unicodedata.normalize("NFD", text)) == normal_text(
        unicodedata.normalize("NFC", text)
    )
    assert normal_text(text.casefold()) == same


@given(st.lists(st.text("abcdefXYZ0123456789", min_size=1, max_size=4), min_size=1, max_size=5))
def test_id_key_ignores_separators(parts: list[str]) -> None:
    assert id_key(".".join(parts)) == id_key("_".join(parts)) == id_key("".join(parts).upper())


def test_abbreviated_headings_that_several_statements_begin_are_refused(cli: Cli) -> None:
    path = SURVEYS / "limesurvey-abbreviated-15.csv"  # LimeSurvey's default: 15 characters
    problems = refused(cli, path, *ROLE)  # the respondent column is "Participant cod.. "
    column = "How well can yo..  [I can help a te.. ]"
    assert problems[0] == (
        f"rejected: {path}: column 22 ('{column}') holds answers, but its heading is cut short "
        "and more than one statement begins so; export the responses again with the full "
        "question text or the question codes as headings (or a longer heading text)"
    )
    assert [line.split(": ")[2].split(" (")[0] for line in problems[:-1]] == [
        f"column {n}" for n in (22, 26, 30, 33, 37)
    ]
    assert problems[-1] == "5 problems; 0 respondents scored"


def test_limesurvey_expression_script_codes_and_nothing_like_them() -> None:
    assert subquestion_code("G02Q01_WIMFND1a") == "WIMFND1a"
    assert subquestion_code(" Q1_SQ001 ") == "SQ001"
    assert [subquestion_code(h) for h in ("Q2_1", "WIM_FND_1_a", "_1", "G02Q01", "a_b-c")] == [
        None
    ] * 5


def test_the_respondent_question_of_wimchecks_own_form_in_every_language() -> None:
    code = respondent_rank("Participant code")
    assert code is not None
    for lang in SUPPORTED_LANGUAGES:
        own = respondent_rank(t("xlsform.respondent", lang))  # "Your name or code"
        easy = respondent_rank(t("xlsform.respondent.easy-read", lang))  # "Your name"
        assert own is not None and easy is not None, lang
        assert own < code < easy, lang  # a code wins over a name


def test_a_respondent_heading_cut_short_is_found() -> None:
    assert respondent_rank("Participant cod.. ") == respondent_rank("Participant code")
    assert respondent_rank("Teilnehmerc..") == respondent_rank("Teilnehmercode")
    assert respondent_rank("Partic.. ") is None  # too little left to tell
    assert respondent_rank("Department.. ") is None


@given(
    st.from_regex(r"\A[A-Za-z][A-Za-z0-9]{0,19}\Z"),
    st.from_regex(r"\A[A-Za-z0-9]{0,9}[A-Za-z][A-Za-z0-9]{0,9}\Z"),
)
def test_expression_script_codes_give_the_subquestion_code(question: str, sub: str) -> None:
    assert subquestion_code(f"{question}_{sub}") == sub
    assert subquestion_code(f"{question}_{len(sub)}") is None  # a row number


@given(st.text(min_size=1).filter(lambda text: not text[-1].isspace()))
def test_a_cut_text_gives_its_beginning_back(text: str) -> None:
    assert cut_text(f"{text}.. ") == cut_text(f"{text}..") == text
    if not text.rstrip().endswith(".."):
        assert cut_text(text) is None


def test_refusals_speak_the_chosen_language(cli: Cli) -> None:
    path = SURVEYS / "google.csv"
    result = cli("--lang", "de", "score", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "Keine befragte Person konnte ausgewertet werden."
    assert result.stderr.splitlines()[1] == (
        f"abgelehnt: {path}: die Aussagenspalten passen zu mehreren Rollen (wim, team-leader); "
        "geben Sie --role oder `role` in einer Zuordnungsdatei an"
    )
