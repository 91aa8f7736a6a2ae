"""Property tests for the parsers: sheets, cells, response files and TOML positions."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wimcheck.assessment.responses import ResponseSet, read_response_file, write_response_file
from wimcheck.frameworks.catalog import load_framework
from wimcheck.sheets.cells import normalise_cell
from wimcheck.sheets.reader import open_sheet
from wimcheck.tomlpos import scan_positions

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    max_size=12,
)
cp1252_text = st.text(alphabet="abcXYZ äöüßéèñ ;,'\"-=+@0123456789", max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(cp1252_text, min_size=3, max_size=3), min_size=1, max_size=6),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_csv_sheets_read_back_what_a_spreadsheet_wrote(
    rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    header = ["respondent", "role", "X.1.a"]
    rows = [[f"R{i}{r[0]}", *r[1:]] for i, r in enumerate(rows)]  # never an empty row
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.csv"
        path.write_bytes(buffer.getvalue().encode(encoding))
        # UTF-8 is recognised; a legacy code page is named, as with --encoding: a few
        # random letters cannot tell code pages apart (tests/test_hostile_input.py)
        sheet = open_sheet(path, encoding="cp1252" if encoding == "cp1252" else None)
        got = [cells for _, cells in sheet.rows]
    assert sheet.header == header
    assert sheet.delimiter == delimiter
    # skipinitialspace drops spaces after a delimiter, as spreadsheets do not write them
    assert [[c.lstrip(" ") for c in r] for r in got] == [[c.lstrip(" ") for c in r] for r in rows]


@given(st.integers(0, 100))
def test_cell_numbers_in_any_spelling(value: int) -> None:
    for spelling in (str(value), f" {value} ", f"{value}.0", float(value), f'"{value}"'):
        assert normalise_cell(spelling) == str(value)


@given(st.sampled_from(["n/a", "N/A", "na", " NA ", "not applicable"]))
def test_not_applicable_in_any_spelling(spelling: str) -> None:
    assert normalise_cell(spelling) == "n/a"


MINI = load_framework(Path(__file__).parent / "data" / "frameworks" / "mini.toml")
ROLE = MINI.roles["facilitator"]
IDS = [s.id for s in MINI.questionnaire(ROLE)]


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(st.sampled_from(IDS), st.one_of(st.sampled_from([0, 1, 2, 3]), st.just("n/a"))),
    text.filter(lambda s: s.strip() != ""),
    st.one_of(st.none(), text.filter(lambda s: s.strip() != "")),
)
def test_response_files_round_trip(answers: dict, respondent: str, assisted: str | None) -> None:
    responses = ResponseSet(
        "mini", "1.0.0", "facilitator", respondent.strip(), answers, assisted_by=assisted
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.toml"
        write_response_file(path, responses, MINI)
        back = read_response_file(path)
    assert back.respondent == responses.respondent
    assert dict(back.answers) == answers
    assert back.assisted_by == assisted


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=6))
def test_positions_of_arrays_of_tables(names: list[str]) -> None:
    lines = []
    for name in names:
        lines += ["[[items]]", f'id = "{name}"', "[items.extra]", "value = 1", ""]
    positions = scan_positions("\n".join(lines))
    for index in range(len(names)):
        assert positions.find(("items", index, "id")) == (5 * index + 2, 1)
        assert positions.find(("items", index, "extra", "value")) == (5 * index + 4, 1)
        assert positions.find(("items", index, "missing")) == (5 * index + 1, 1)
