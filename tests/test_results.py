"""Typed group and comparison results: JSON round trips and the edge that reads them back."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Result
from wimcheck.assessment.result_json import ResultFileError
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
from wimcheck.batch.group_file import group_result_from_data, read_group_result
from wimcheck.batch.group_json import group_result_to_json
from wimcheck.batch.group_model import (
    AreaReliability,
    CohortGroup,
    GroupCompetence,
    GroupModule,
    GroupProfile,
    GroupResult,
    ItemTotal,
    LevelCount,
)
from wimcheck.batch.inputs import BatchIssue
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
        "valid number (and 1 more problem)"
    )
    data = _sample("compare_group")
    data["colour"] = "red"
    del data["pairs"]
    assert str(_rejected(data)) == (
        "before-after.json: not a valid comparison: unknown key 'colour' (and 1 more problem)"
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


def test_result_files_nested_beyond_the_bound_are_refused_not_crashed(
    tmp_path: Path, cli: Cli
) -> None:
    """Results read back are JSON read within the bounds of every input (was: json.loads,
    whose RecursionError on 100,000 nested lists was an internal error)."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        read_comparison_file(deep)
    assert str(caught.value).startswith(f"{deep}:1:")
    assert "not valid JSON: lists and tables nested more than" in str(caught.value)
    result = cli("report", str(deep))
    assert result.exit_code == 2
    assert "not valid JSON: lists and tables nested more than" in result.stderr
    assert "Traceback" not in result.stderr


# --- group results: round trips -------------------------------------------------------------


def test_score_json_reads_back_into_the_same_result(cli: Cli) -> None:
    out = cli("score", str(DATA / "trainer"), "--cohort", "--format", "json").stdout
    result = group_result_from_data(json.loads(out))
    assert len(result.respondents) == 40
    assert result.respondents[4].source == str(DATA / "trainer" / "P05.toml")
    assert group_result_to_json(result) == out


def test_group_sample_reads_back_and_writes_the_same_bytes() -> None:
    path = REPORTS / "group_wim_v2.json"
    result = read_group_result(path)
    assert group_result_to_json(result) == path.read_text(encoding="utf-8")


def test_a_version_1_group_file_reads_as_its_version_2_twin() -> None:
    """The same run written before (every respondent whole) and after the texts were stated
    once: both read into the same result, and a version 1 file is written as version 2."""
    old, new = REPORTS / "group_wim_v1.json", REPORTS / "group_wim_v2.json"
    assert json.loads(old.read_text(encoding="utf-8"))["format_version"] == 1
    data = json.loads(new.read_text(encoding="utf-8"))
    assert data["format_version"] == 2
    assert [(f["framework"], f["role"], f["language"]) for f in data["frameworks"]] == [
        ("wim", "team-leader", "en")
    ]
    assert "text" not in json.dumps(data["respondents"])  # no statement text repeated
    assert "plan" not in json.dumps(data["respondents"])  # no personal plan (report makes it)
    planless = [
        replace(p, plan=(), plan_hours=0.0, hours_budget=None, open_gaps=(), next_step=None)
        for p in read_group_result(old).respondents
    ]
    assert sum(len(p.plan) for p in read_group_result(old).respondents) == 186
    assert read_group_result(new) == replace(read_group_result(old), respondents=tuple(planless))
    assert group_result_to_json(read_group_result(old)) == new.read_text(encoding="utf-8")


def test_group_sample_reads_into_typed_values() -> None:
    result = read_group_result(REPORTS / "group_wim.json")
    assert len(result.respondents) == 40 and result.errors == ()
    assert result.respondents[0].source == "tests/data/trainer/P01.toml"
    assert result.cohort is not None
    (group,) = result.cohort
    assert (group.heading.framework, group.heading.role, group.respondents) == (
        "wim",
        "team-leader",
        40,
    )
    assert group.shown and group.note is None and group.profile is not None
    assert len(result.members(group)) == 40
    profile = group.profile
    assert (profile.scale_min, profile.scale_max, profile.readiness_mean) == (0, 5, 63.1)
    counts = tuple(LevelCount(v, n) for v, n in ((0, 3), (1, 9), (2, 15), (3, 5), (4, 7), (5, 1)))
    assert profile.competences[0] == GroupCompetence(
        "WIM.FND.1", "Explaining workplace innovation", "FND", 2, 1, 40, 2.24, 0.5, 2, 4.67,
        0.375, 0.35, counts,
    )  # fmt: skip
    assert profile.plan[0] == GroupModule(
        "WIM.M1", "Workplace innovation essentials for SMEs", 6, 5, ("WIM.FND.1",), 0.35,
        ("WIM.M4",),
    )  # fmt: skip
    assert profile.plan_hours == 54
    assert profile.reliability[0] == AreaReliability(
        "FND",
        "Workplace innovation foundations",
        3,
        31,
        0.839,
        (ItemTotal("WIM.FND.1.a", 0.667), ItemTotal("WIM.FND.1.b", 0.776),
         ItemTotal("WIM.FND.1.c", 0.691)),
        None,
    )  # fmt: skip


def test_small_groups_no_cohort_and_problems_read_back(cli: Cli) -> None:
    trainer = DATA / "trainer"
    small = cli("score", str(trainer / "P01.toml"), str(trainer / "P02.toml"), "--cohort",
                "--format", "json").stdout  # fmt: skip
    result = group_result_from_data(json.loads(small))
    assert result.cohort is not None
    (group,) = result.cohort
    assert (group.shown, group.profile, group.respondents) == (False, None, 2)
    assert group.note == (
        "fewer than 3 respondents: the group is not broken down, to protect individuals "
        "(use --min-group 1 to show it)"
    )
    assert group_result_to_json(result) == small
    plain = cli("score", str(trainer / "P01.toml"), "--format", "json").stdout
    assert group_result_from_data(json.loads(plain)).cohort is None
    assert group_result_to_json(group_result_from_data(json.loads(plain))) == plain
    bad = cli("score", str(DATA / "trainer_bad"), "--framework", "wim", "--cohort",
              "--format", "json")  # fmt: skip
    assert bad.exit_code == 1
    rejected = group_result_from_data(json.loads(bad.stdout))
    # since issue 11 a cell that is not an answer is a warning, not a rejected row
    assert (len(rejected.errors), len(rejected.warnings)) == (6, 1)
    assert rejected.warnings[0].where == "line 2, column WIM.FND.1.c"
    syntax = str(DATA / "trainer_bad" / "syntax.toml")
    unclosed = (
        "TOML syntax error: a text is not closed on its line: its closing quote is missing "
        '(a text of several lines needs three quotes, """)'
    )
    assert BatchIssue(syntax, "5:18", unclosed) in rejected.errors
    assert group_result_to_json(rejected) == bad.stdout


counts = st.integers(0, 500)
groups = st.builds(
    CohortGroup,
    heading=headings,
    respondents=counts,
    min_group=st.integers(1, 9),
    note=st.none(),
    profile=st.builds(
        GroupProfile,
        scale_min=st.integers(0, 1),
        scale_max=st.integers(2, 7),
        readiness_mean=numbers,
        competences=st.lists(
            st.builds(
                GroupCompetence,
                names,
                names,
                names,
                numbers.filter(lambda x: x is not None),
                numbers.filter(lambda x: x is not None),
                counts,
                numbers,
                numbers,
                numbers,
                numbers,
                numbers,
                numbers,
                st.lists(st.builds(LevelCount, st.integers(0, 7), counts), max_size=4).map(
                    lambda levels: tuple({level.value: level for level in levels}.values())
                ),
            ),
            max_size=3,
        ).map(tuple),
        plan=st.lists(
            st.builds(
                GroupModule,
                names,
                names,
                numbers.filter(lambda x: x is not None),
                st.integers(1, 8),
                st.lists(names, max_size=2).map(tuple),
                numbers.filter(lambda x: x is not None),
                st.lists(names, max_size=2).map(tuple),
            ),
            max_size=3,
        ).map(tuple),
        plan_hours=numbers.filter(lambda x: x is not None),
        reliability=st.lists(
            st.builds(
                AreaReliability,
                names,
                names,
                counts,
                counts,
                numbers,
                st.lists(st.builds(ItemTotal, names, numbers), max_size=3).map(tuple),
                st.none() | names,
            ),
            max_size=2,
        ).map(tuple),
    ),
) | st.builds(CohortGroup, headings, counts, st.integers(1, 9), names, st.none())


@settings(max_examples=100, deadline=None)
@given(
    st.none() | st.lists(groups, max_size=3).map(tuple),
    st.lists(st.builds(BatchIssue, names, st.none() | names, names), max_size=3).map(tuple),
)
def test_any_group_result_survives_its_json(
    cohort: tuple[CohortGroup, ...] | None, errors: tuple[BatchIssue, ...]
) -> None:
    result = GroupResult(respondents=(), cohort=cohort, errors=errors)
    assert group_result_from_data(json.loads(group_result_to_json(result))) == result


# --- group results: malformed files ---------------------------------------------------------


def _group_rejected(data: object) -> str:
    with pytest.raises(ResultFileError) as caught:
        group_result_from_data(data, "group.json")
    error = caught.value
    assert error.exit_code == ExitCode.FINDINGS
    assert error.hint == (
        "give a file written by `wimcheck score --cohort --format json` "
        "(docs/formats.md describes it)"
    )
    assert "\n" not in str(error)
    return str(error)


@pytest.fixture(scope="module")
def group_sample() -> dict[str, Any]:
    return _sample("group_wim")


def _changed(sample: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(sample)


def test_malformed_group_results_are_rejected_in_one_line(group_sample: dict[str, Any]) -> None:
    start = "group.json: not a valid group result: "
    data = _changed(group_sample)
    data["cohort"][0]["competences"][0]["mean"] = "2.24"
    assert _group_rejected(data) == (
        start + "cohort.0.competences.0.mean: Input should be a valid number"
    )
    data = _changed(group_sample)
    data["respondents"][3]["readiness"] = "high"
    assert (
        _group_rejected(data) == start + "respondents.3.readiness: Input should be a valid number"
    )
    data = _changed(group_sample)
    del data["respondents"][0]["answers"]  # a respondent cut down is not a result
    assert _group_rejected(data) == start + "missing required key 'respondents.0.answers'"
    data = _changed(group_sample)
    data["cohort"][0]["distribution"] = {}
    data["errors"] = [{"file": "a.csv", "where": 3, "reason": "bad"}]
    assert _group_rejected(data) == (
        start + "unknown key 'cohort.0.distribution' (and 1 more problem)"
    )
    data = _changed(group_sample)
    data["cohort"][0]["competences"][1]["distribution"]["high"] = 2
    assert _group_rejected(data) == (
        start + "cohort.0.competences.1.distribution: the label key 'high' is not a scale value"
    )


def test_group_results_of_the_wrong_shape_are_rejected(group_sample: dict[str, Any]) -> None:
    start = "group.json: not a valid group result: "
    assert _group_rejected([group_sample]) == start + "the file does not hold one JSON object"
    data = _changed(group_sample)
    data["cohort"][0]["shown"] = False
    assert _group_rejected(data) == start + "cohort.0: a group that is not shown needs a 'note'"
    data = _changed(group_sample)
    del data["cohort"][0]["plan_hours"]
    assert _group_rejected(data) == start + "cohort.0: a group that is shown needs 'plan_hours'"
    data = _changed(group_sample)
    data["format_version"] = 3
    assert _group_rejected(data) == start + "format_version: Input should be 1 or 2"
    data = _changed(group_sample)
    data["format_version"] = 2  # version 2 states the texts once, in "frameworks"
    assert _group_rejected(data) == start + "missing required key 'frameworks'"
    data = _changed(group_sample)
    data["frameworks"] = []
    assert _group_rejected(data) == start + "unknown key 'frameworks'"


def test_malformed_version_2_group_results_name_the_first_problem() -> None:
    """A respondent joined with its framework's texts is checked like a whole one."""
    start = "group.json: not a valid group result: "
    sample = json.loads((REPORTS / "group_wim_v2.json").read_text(encoding="utf-8"))
    data = _changed(sample)
    data["respondents"][2]["competences"][0]["id"] = "WIM.NOPE"
    assert _group_rejected(data) == (
        start + "missing required key 'respondents.2.competences.0.title' (and 4 more problems)"
    )
    data = _changed(sample)
    data["respondents"][0]["answers"]["WIM.NOPE.a"] = 3
    assert _group_rejected(data).startswith(
        start + "missing required key 'respondents.0.answers.35.competence' (and 2 more problems)"
    )
    data = _changed(sample)
    data["respondents"][1]["role"] = "owner-manager"  # no texts for that role
    assert _group_rejected(data).startswith(start + "missing required key 'respondents.1.")
    data = _changed(sample)
    data["frameworks"][0]["colour"] = "red"
    assert _group_rejected(data) == start + "unknown key 'frameworks.0.colour'"
    data = _changed(sample)
    data["respondents"][0]["readiness"] = "high"
    assert (
        _group_rejected(data) == start + "respondents.0.readiness: Input should be a valid number"
    )


def test_a_group_file_that_is_not_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "group.json"
    path.write_text('{"format_version": 1,\n  "cohort": [}\n', encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        read_group_result(path)
    assert str(caught.value) == f"{path}:2:14: not valid JSON: Expecting value"
    assert caught.value.exit_code == ExitCode.USAGE
