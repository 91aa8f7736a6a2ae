"""Typed group and comparison results: JSON round trips and the edge that reads them back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Result
from wimcheck.batch.comparison_file import comparison_from_data, read_comparison_file
from wimcheck.batch.comparison_model import (
    AreaChange,
    Comparison,
    ComparisonScale,
    CompetenceChange,
    GroupComparison,
    GroupCompetenceChange,
    GroupReadinessChange,
    PersonComparison,
    ScaleLabel,
    Side,
    comparison_json,
)
from wimcheck.batch.result_file import ResultFileError
from wimcheck.batch.result_heading import ResultHeading
from wimcheck.errors import ExitCode, InputFileError

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
REPORTS = DATA / "reports"
MINI = str(DATA / "frameworks" / "mini.toml")


def _json_text(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _sample(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))
    return data


# --- comparisons: round trips ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["compare_person", "compare_group"])
def test_comparison_samples_read_back_and_write_the_same_bytes(name: str) -> None:
    path = REPORTS / f"{name}.json"
    comparison = read_comparison_file(path)
    assert _json_text(comparison_json(comparison)) == path.read_text(encoding="utf-8")


def test_person_comparison_sample_reads_into_typed_values() -> None:
    comparison = read_comparison_file(REPORTS / "compare_person.json")
    assert isinstance(comparison, PersonComparison)
    assert comparison.heading.role == "team-leader"
    assert comparison.before == Side("tests/data/trainer/P05.toml", "P05", None, 25.8)
    assert comparison.readiness_change == 74.2
    assert comparison.competences[0] == CompetenceChange(
        "WIM.FND.1", "Explaining workplace innovation", "FND", 2, 1, 4, 3, 1, 0, "gap closed"
    )
    assert comparison.scale.labels[3] == ScaleLabel(3, "Independent")


def test_compare_json_reads_back_into_the_same_comparison(cli: Cli) -> None:
    out = cli(
        "compare",
        str(DATA / "compare" / "before.csv"),
        str(DATA / "compare" / "after.csv"),
        "--framework",
        MINI,
        "--format",
        "json",
    ).stdout
    comparison = comparison_from_data(json.loads(out))
    assert isinstance(comparison, GroupComparison)
    assert comparison.competences[0] == GroupCompetenceChange(
        "MINI.PREP.1", "Setting a clear goal", 3, 0.67, 1.83, 1.17, 0.76, 1.53
    )
    assert comparison.readiness == GroupReadinessChange(42.9, 76.2, 33.3)
    assert _json_text(comparison_json(comparison)) == out
    hidden = cli(
        "compare",
        str(DATA / "compare" / "before.csv"),
        str(DATA / "compare" / "after.csv"),
        "--framework",
        MINI,
        "--format",
        "json",
        "--min-group",
        "4",
    ).stdout
    small = comparison_from_data(json.loads(hidden))
    assert isinstance(small, GroupComparison)
    assert (small.shown, small.readiness, small.competences) == (False, None, ())
    assert small.note is not None and small.note.startswith("fewer than 4 respondents")
    assert _json_text(comparison_json(small)) == hidden


names = st.text(max_size=8)
numbers = st.one_of(
    st.none(), st.floats(-50, 150, allow_nan=False).map(lambda x: float(round(x, 2)))
)
headings = st.builds(
    ResultHeading,
    names,
    names,
    names,
    names,
    names,
    st.sampled_from(["person", "organisation"]),
)
scales = st.builds(
    ComparisonScale,
    st.integers(0, 1),
    st.integers(2, 7),
    st.lists(
        st.builds(ScaleLabel, st.integers(0, 7), names), unique_by=lambda label: label.value
    ).map(lambda labels: tuple(sorted(labels, key=lambda label: label.value))),
)
statuses = st.sampled_from(
    ["gap closed", "new gap", "improved", "declined", "unchanged", "not comparable"]
)
person_comparisons = st.builds(
    PersonComparison,
    heading=headings,
    respondent=names,
    scale=scales,
    before=st.builds(Side, st.none() | names, names, st.none() | names, numbers),
    after=st.builds(Side, st.none() | names, names, st.none() | names, numbers),
    readiness_change=numbers,
    competences=st.lists(
        st.builds(
            CompetenceChange,
            names,
            names,
            names,
            numbers.filter(lambda x: x is not None),
            numbers,
            numbers,
            numbers,
            numbers,
            numbers,
            statuses,
        ),
        max_size=4,
    ).map(tuple),
    areas=st.lists(st.builds(AreaChange, names, names, numbers, numbers, numbers), max_size=3).map(
        tuple
    ),
    gaps_closed=st.lists(names, max_size=3).map(tuple),
    new_gaps=st.lists(names, max_size=3).map(tuple),
)
group_fields = {
    "heading": headings,
    "scale": scales,
    "pairs": st.integers(0, 500),
    "min_group": st.integers(1, 10),
    "unpaired_before": st.lists(names, max_size=3).map(tuple),
    "unpaired_after": st.lists(names, max_size=3).map(tuple),
}
shown_groups = st.builds(
    GroupComparison,
    **group_fields,
    shown=st.just(True),
    readiness=st.builds(GroupReadinessChange, numbers, numbers, numbers),
    competences=st.lists(
        st.builds(
            GroupCompetenceChange,
            names,
            names,
            st.integers(0, 99),
            numbers,
            numbers,
            numbers,
            numbers,
            numbers,
        ),
        max_size=4,
    ).map(tuple),
)
hidden_groups = st.builds(GroupComparison, **group_fields, shown=st.just(False), note=names)


@settings(max_examples=150, deadline=None)
@given(st.one_of(person_comparisons, shown_groups, hidden_groups))
def test_any_comparison_survives_its_json(comparison: Comparison) -> None:
    text = _json_text(comparison_json(comparison))
    assert comparison_from_data(json.loads(text)) == comparison


# --- comparisons: malformed files -----------------------------------------------------------


def _rejected(data: object) -> ResultFileError:
    with pytest.raises(ResultFileError) as caught:
        comparison_from_data(data, "before-after.json")
    error = caught.value
    assert error.exit_code == ExitCode.FINDINGS
    assert error.hint == (
        "give a file written by `wimcheck compare BEFORE AFTER --format json` "
        "(docs/formats.md describes it)"
    )
    assert "\n" not in str(error)
    return error


def test_malformed_comparisons_are_rejected_in_one_line() -> None:
    data = _sample("compare_person")
    data["competences"][1]["before"] = "high"
    assert str(_rejected(data)) == (
        "before-after.json: not a valid comparison: competences.1.before: "
        "Input should be a valid number"
    )
    data = _sample("compare_person")
    data["competences"][0]["status"] = "better"
    data["before"]["readiness"] = True
    assert str(_rejected(data)) == (
        "before-after.json: not a valid comparison: before.readiness: Input should be a "
        "valid number (and 1 more problem(s))"
    )
    data = _sample("compare_group")
    data["colour"] = "red"
    del data["pairs"]
    assert str(_rejected(data)) == (
        "before-after.json: not a valid comparison: unknown key 'colour' (and 1 more problem(s))"
    )
    del data["colour"]
    assert str(_rejected(data)) == (
        "before-after.json: not a valid comparison: missing required key 'pairs'"
    )


def test_comparisons_of_no_known_kind_or_shape_are_rejected() -> None:
    kind = "before-after.json: not a valid comparison: kind: must be 'person' or 'group'"
    assert str(_rejected([1, 2])) == kind
    assert str(_rejected({**_sample("compare_group"), "kind": "team"})) == kind
    data = _sample("compare_group")
    del data["readiness"]
    assert str(_rejected(data)) == (
        "before-after.json: not a valid comparison: a group that is shown needs 'readiness'"
    )
    data = _sample("compare_group")
    data["scale"]["labels"]["high"] = "High"
    assert str(_rejected(data)) == (
        "before-after.json: not a valid comparison: scale.labels: the label key 'high' is "
        "not a scale value"
    )


def test_a_comparison_file_that_is_not_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "change.json"
    path.write_text('{"kind": "person",\n  "pairs": ,}\n', encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        read_comparison_file(path)
    assert str(caught.value) == f"{path}:2:12: not valid JSON: Expecting value"
    assert caught.value.hint == "give the file wimcheck wrote with --format json"
    assert caught.value.exit_code == ExitCode.USAGE
