"""Batch JSON and group statistics from sheet rows' remembered details against the reference.

``score --format json`` scores sheet rows with their details per competence
(:mod:`wimcheck.batch.row_details`) and writes each respondent from texts remembered per
combination of cells. Random sheets (hypothesis chooses columns, cells, bad cells, short
rows and respondents' names) are scored both ways: every respondent's text, the group
profiles, the errors and the warnings must be equal to those of the whole result of
``report`` for the same answers, byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wimcheck.batch import cohort, group_json, row_details
from wimcheck.batch.group_json import GroupJsonWriter
from wimcheck.batch.group_result import GroupResultBuilder, whole_result
from wimcheck.batch.inputs import Batch, BatchStopped
from wimcheck.frameworks.catalog import load_framework

WIM = load_framework("wim")
ROLES = ["wim", "team-leader"]
GOOD = ["0", "1", "2", "3", "4", "5", "", "n/a", "N/A", " 3 ", "na", "3.0", " "]
BAD = ["x", "9", "-1", "2.5"]
NAMES = st.sampled_from(["R", "Zoë", 'say "hi"', "a,b", "back\\slash", "=cmd", "tab\there"])


@st.composite
def sheet_texts(draw: st.DrawFn) -> str:
    """A CSV sheet of the wim framework: some or all statement columns in random order."""
    statements = sorted({s.id for role in ROLES for s in WIM.questionnaire(WIM.roles[role])})
    ids = list(draw(st.permutations(statements)))
    if draw(st.booleans()):
        ids = ids[: draw(st.integers(1, len(ids)))]
    bad = draw(st.booleans())
    cell = st.integers(0, 59).flatmap(
        lambda n: st.sampled_from(BAD) if bad and n == 0 else st.sampled_from(GOOD)
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["respondent", "role", *ids])
    for number in range(draw(st.integers(1, 12))):
        name = f"{draw(NAMES)} {number % 20}"  # some names twice: duplicates are dropped
        row = [name, draw(st.sampled_from(ROLES))]
        row += draw(st.lists(cell, min_size=len(ids), max_size=len(ids)))
        if draw(st.integers(0, 5)) == 0:
            row = row[: draw(st.integers(2, len(row)))]
        writer.writerow(row)
    return buffer.getvalue()


def _score_json(path: Path, details: bool, strict: bool) -> str:
    batch = Batch(strict=strict, keep_answers=True, keep_details=details)
    builder = GroupResultBuilder(cohort=True, people=False, min_group=1)
    buffer = io.StringIO()
    writer = GroupJsonWriter(buffer)
    try:
        for item in batch.run([path]):
            builder.add(item)
            if item.details is not None:
                writer.add_row(item)
            else:
                person = whole_result(item, None)
                assert person is not None
                writer.add(person)
    except BatchStopped as stop:  # --strict: the first problem of the file
        return f"{buffer.getvalue()}\nstopped: {stop.issue.format()}"
    result = builder.build(batch.issues, batch.warnings)
    writer.finish(result.cohort, result.errors, result.warnings)
    return buffer.getvalue()


def _both(text: str, strict: bool = False) -> tuple[str, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.csv"
        path.write_text(text, encoding="utf-8")
        return _score_json(path, True, strict), _score_json(path, False, strict)


@settings(max_examples=20, deadline=None)
@given(sheet_texts(), st.booleans())
def test_rows_from_remembered_texts_are_the_whole_results(text: str, strict: bool) -> None:
    fast, reference = _both(text, strict)
    assert fast == reference


def test_tiny_limits_forget_and_recompute_the_same_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for two remembered combinations (and area patterns added every third),
    texts are made again and again: still the same bytes as the whole results."""
    monkeypatch.setattr(row_details, "_REMEMBERED", 2)
    monkeypatch.setattr(group_json, "_REMEMBERED", 2)
    monkeypatch.setattr(group_json, "_PENDING", 3)
    monkeypatch.setattr(cohort, "_PATTERNS", 3)
    monkeypatch.setattr(cohort, "_CHUNK", 5)
    ids = [s.id for s in WIM.questionnaire(WIM.roles["wim"])]
    rows = ["respondent,role," + ",".join(ids)]
    for number in range(60):
        cells = [str(1 + (number * 7 + i * (number % 5 + 1)) % 5) for i in range(len(ids))]
        if number % 6 == 0:
            cells[number % len(ids)] = "n/a" if number % 12 else ""
        rows.append(f"P{number},wim," + ",".join(cells))
    fast, reference = _both("\n".join(rows) + "\n")
    assert fast == reference
    data = json.loads(fast)
    assert len(data["respondents"]) == 60
    (group,) = data["cohort"]
    assert group["respondents"] == 60 and group["reliability"][0]["respondents"] > 0


def test_a_row_with_an_unreadable_cell_takes_the_reference_path() -> None:
    ids = [s.id for s in WIM.questionnaire(WIM.roles["wim"])]
    text = "respondent,role," + ",".join(ids) + "\n"
    text += "A,wim," + ",".join(["3"] * len(ids)) + "\n"
    text += "B,wim,x," + ",".join(["4"] * (len(ids) - 1)) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.csv"
        path.write_text(text, encoding="utf-8")
        batch = Batch(keep_answers=True, keep_details=True)
        first, second = list(batch.run([path]))
    assert first.details is not None and first.responses is None
    assert second.details is None and second.responses is not None
    assert ids[0] not in second.responses.answers
    assert [w.where for w in batch.warnings] == [f"line 3, column {ids[0]}"]
