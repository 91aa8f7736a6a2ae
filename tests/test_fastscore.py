"""The fast batch path against the reference: one long-lived scorer over many random rows,
bad cells named like the reference would, and CSV rows byte for byte as :mod:`csv` writes them."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wimcheck.assessment.scoring import NA, Answer, Profile, score
from wimcheck.batch import csv_output, fastscore
from wimcheck.batch.csv_output import CsvResultWriter
from wimcheck.batch.fastscore import CellError, RoleScorer, RowScore, row_lookup
from wimcheck.batch.inputs import Scored
from wimcheck.frameworks.catalog import load_framework
from wimcheck.frameworks.model import Framework, Role
from wimcheck.numbers import shown
from wimcheck.sheets.cells import normalise_cell, safe_cell

DATA = Path(__file__).parent / "data"
MINI = load_framework(DATA / "frameworks" / "mini.toml")
WIM = load_framework("wim")
SPELLINGS = ["n/a", "", " 2 ", "N/A", "na", "3.0", '"1"', " "]
BAD = ["x", "9", "-1", "2.5", "n / a"]


def _cell_texts(framework: Framework, role: Role) -> list[str]:
    return [str(v.value) for v in framework.scale_for(role).values] + SPELLINGS


@st.composite
def sheets(
    draw: st.DrawFn, framework: Framework, role_id: str, bad: bool = False
) -> tuple[Role, dict[str, int], list[list[str]]]:
    """A role, statement columns (all or some, in random order) and rows of cells.

    Column 0 stands for the respondent. Some rows are shorter than the header.
    """
    role = framework.roles[role_id]
    ids = list(draw(st.permutations([s.id for s in framework.questionnaire(role)])))
    if draw(st.booleans()):
        ids = ids[: draw(st.integers(0, len(ids)))]
    columns = {sid: index + 1 for index, sid in enumerate(ids)}
    good = st.sampled_from(_cell_texts(framework, role))
    # now and then a bad cell (one in 40), so that most rows of a large role are scored
    cell = st.integers(0, 39).flatmap(lambda n: st.sampled_from(BAD) if bad and n == 0 else good)
    row = st.lists(cell, min_size=len(ids), max_size=len(ids)).map(lambda cells: ["R", *cells])
    short = st.tuples(row, st.integers(0, len(ids))).map(lambda pair: pair[0][: pair[1]])
    rows = draw(st.lists(st.one_of(row, row, row, short), min_size=1, max_size=40))
    return role, columns, rows


def _reference(
    framework: Framework, role: Role, columns: dict[str, int], row: list[str]
) -> Profile:
    answers: dict[str, Answer] = {}
    for sid, column in columns.items():
        text = normalise_cell(row[column]) if column < len(row) else ""
        if text:
            answers[sid] = NA if text == "n/a" else int(text)
    return score(framework, role, answers)


def _first_bad_column(
    framework: Framework, role: Role, columns: dict[str, int], row: list[str]
) -> int | None:
    allowed = {str(v.value) for v in framework.scale_for(role).values} | {"", "n/a"}
    for competence in framework.role_competences(role):
        for statement in competence.statements:
            column = columns.get(statement.id)
            inside = column is not None and column < len(row)
            if inside and normalise_cell(row[column]) not in allowed:
                return column
    return None


def _check_rows(
    framework: Framework, role: Role, columns: dict[str, int], rows: list[list[str]]
) -> None:
    scorer = RoleScorer(framework, role, columns)
    for row in rows:
        bad = _first_bad_column(framework, role, columns, row)
        if bad is not None:
            with pytest.raises(CellError) as caught:
                scorer.score_cells(row)
            assert (caught.value.column, caught.value.cell) == (bad, row[bad])
            continue
        fast = scorer.score_cells(row)
        reference = _reference(framework, role, columns, row)
        assert fast.levels == tuple(c.level for c in reference.competences)
        assert fast.gaps == tuple(c.gap for c in reference.competences)
        assert fast.readiness == reference.readiness
        assert fast == RowScore(fast.levels, fast.gaps, reference.readiness)


@settings(max_examples=300, deadline=None)
@given(sheets(MINI, "facilitator", bad=True))
def test_one_scorer_scores_many_rows_like_the_reference(
    sheet: tuple[Role, dict[str, int], list[list[str]]],
) -> None:
    role, columns, rows = sheet
    _check_rows(MINI, role, columns, rows)
    with patch.object(fastscore, "_REMEMBERED", 1):  # nothing remembered after the first
        _check_rows(MINI, role, columns, rows)


@settings(max_examples=40, deadline=None)
@given(sheets(WIM, "team-leader", bad=True))
def test_large_role_scores_like_the_reference(
    sheet: tuple[Role, dict[str, int], list[list[str]]],
) -> None:
    role, columns, rows = sheet
    _check_rows(WIM, role, columns, rows)


def test_competences_without_columns_and_short_rows() -> None:
    role = MINI.roles["facilitator"]
    scorer = RoleScorer(MINI, role, {})
    assert scorer.score_cells([]) == RowScore((None, None, None), (None, None, None), None)
    ids = [s.id for s in MINI.questionnaire(role)]
    scorer = RoleScorer(MINI, role, {sid: i for i, sid in enumerate(ids)})
    # the second statement is keyed in reverse: 3 scores 0; the third cell is missing
    assert scorer.score_cells(["3", "3"]).levels == (1.5, None, None)


def test_row_lookup_reads_each_tables_cells_as_itemgetter_keys_them() -> None:
    one, two, none = {"3": "a"}, {("1", "n/a"): "b"}, {(): "c"}
    lookup = row_lookup([one, two, none], [(2,), (0, 3), ()])
    assert lookup(["1", "x", "3", "n/a"]) == ("a", "b", "c")
    with pytest.raises(KeyError):
        lookup(["1", "x", "4", "n/a"])  # a combination the table does not hold
    assert row_lookup([], [])(["1"]) == ()
    with pytest.raises(ValueError, match="one tuple of columns per table"):
        row_lookup([one], [])


def test_readiness_when_every_target_is_zero() -> None:
    facilitator = MINI.roles["facilitator"]
    targets = {cid: replace(t, level=0.0) for cid, t in facilitator.targets.items()}
    role = replace(facilitator, targets=targets)
    ids = [s.id for s in MINI.questionnaire(role)]
    scorer = RoleScorer(MINI, role, {sid: i for i, sid in enumerate(ids)})
    for cells, readiness in ((["1", "2", "", "", ""], 100.0), (["", "", "", "", ""], None)):
        assert scorer.score_cells(cells).readiness == readiness
        assert (
            _reference(MINI, role, {sid: i for i, sid in enumerate(ids)}, cells).readiness
            == readiness
        )


# --- CSV rows -----------------------------------------------------------------------------


def _expected_csv(frameworks: list[Framework], items: list[Scored]) -> str:
    """The rows as csv.writer writes them, numbers as wimcheck.numbers shows them."""
    columns: list[str] = []
    for framework in frameworks:
        columns += [cid for cid in framework.competences if cid not in columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["respondent", "framework", "role", "readiness"]
    writer.writerow(
        [safe_cell(h) for h in [*header, *(f"{c} {k}" for c in columns for k in ("level", "gap"))]]
    )
    for item in items:
        cells = {c: ("", "") for c in columns}
        competences = item.framework.role_competences(item.role)
        for competence, level, gap in zip(competences, item.row.levels, item.row.gaps, strict=True):
            cells[competence.id] = (shown(level, 2, missing=""), shown(gap, 2, missing=""))
        readiness = "" if item.row.readiness is None else f"{round(item.row.readiness, 1):g}"
        row = [safe_cell(item.respondent), item.framework.id, item.role.id, readiness]
        writer.writerow(row + [text for c in columns for text in cells[c]])
    return buffer.getvalue()


respondents = st.one_of(
    st.text(min_size=1, max_size=12),
    st.sampled_from(
        ["P01", "a,b", 'say "hi"', "line\nbreak", "cr\rhere", "=SUM(A1)", "-3", "\x00"]
    ),
)
levels = st.one_of(st.none(), st.floats(0, 5), st.sampled_from([1 / 3, 2 / 3, 2.005, 0.125]))


@st.composite
def scored_rows(draw: st.DrawFn) -> list[Scored]:
    """Respondents of both mini roles and one wim role, scored fast or by the reference."""
    items = []
    roles = [(MINI, "facilitator"), (MINI, "participant"), (WIM, "innovation-champion")]
    for _ in range(draw(st.integers(0, 12))):
        framework, role_id = draw(st.sampled_from(roles))
        role = framework.roles[role_id]
        count = len(framework.role_competences(role))
        if draw(st.booleans()):
            ids = [s.id for s in framework.questionnaire(role)]
            cells = draw(
                st.lists(
                    st.sampled_from(_cell_texts(framework, role)),
                    min_size=len(ids),
                    max_size=len(ids),
                )
            )
            row = RoleScorer(framework, role, {sid: i for i, sid in enumerate(ids)}).score_cells(
                cells
            )
        else:
            values = draw(st.lists(levels, min_size=count, max_size=count))
            gaps = [None if v is None else max(0.0, 3 - v) for v in values]
            row = RowScore(values, gaps, draw(st.one_of(st.none(), st.floats(0, 100))))
        items.append(Scored(draw(respondents), framework, role, "test", row))
    return items


@settings(max_examples=200, deadline=None)
@given(scored_rows(), st.booleans())
def test_csv_rows_are_what_csv_writer_writes(items: list[Scored], wim_first: bool) -> None:
    frameworks = [WIM, MINI] if wim_first else [MINI, WIM]
    expected = _expected_csv(frameworks, items)
    for limit in (65_536, 1):  # remembered texts, and (almost) none
        with (
            patch.object(csv_output, "_FORMATTED_LIMIT", limit),
            patch.object(csv_output, "_OUTCOMES_LIMIT", limit),
        ):
            buffer = io.StringIO()
            writer = CsvResultWriter(buffer, frameworks)
            for item in items:
                writer.write(item)
            assert buffer.getvalue() == expected
