"""Group statistics in one pass against the code that kept every respondent.

Random groups (hypothesis chooses their size, the share of empty and "n/a" answers and
the roles) are scored as ``score --cohort`` scores them and given both to
:class:`~wimcheck.batch.cohort.CohortBuilder` (running sums and counts) and to the former
list-based computation in ``tests/cohort_reference.py``: every number of every group
profile must be equal, not close.
"""

from __future__ import annotations

import random
import statistics
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cohort_reference import ReferenceCohort, float_pearson
from wimcheck.assessment.scoring import NA, Answer
from wimcheck.batch import cohort
from wimcheck.batch.cohort import CohortBuilder, cronbach_alpha, item_total_correlations
from wimcheck.batch.group_model import CohortGroup
from wimcheck.batch.group_stats import ItemSums, LevelTally, RunningSum
from wimcheck.batch.inputs import Scored
from wimcheck.batch.scored import item_values, profile_row
from wimcheck.frameworks.catalog import load_framework
from wimcheck.frameworks.model import Framework, Role

DATA = Path(__file__).parent / "data"
MINI = load_framework(DATA / "frameworks" / "mini.toml")
WIM = load_framework("wim")


def _answers(
    rng: random.Random, framework: Framework, role: Role, empty: float, na: float, skew: int
) -> dict[str, Answer]:
    """Random answers; ``skew`` > 0 makes everyone answer alike (little variance)."""
    values = [v.value for v in framework.scale_for(role).values]
    answers: dict[str, Answer] = {}
    for statement in framework.questionnaire(role):
        roll = rng.random()
        if roll < empty:
            continue
        if roll < empty + na:
            answers[statement.id] = NA
        else:
            answers[statement.id] = (
                values[min(rng.randrange(len(values)), skew)] if skew else (rng.choice(values))
            )
    return answers


def _scored(framework: Framework, role: Role, answers: dict[str, Answer], number: int) -> Scored:
    return Scored(
        f"R{number}",
        framework,
        role,
        f"sheet.csv:row {number}",
        profile_row(framework, role, answers),
        items=item_values(framework, role, answers),
    )


@st.composite
def groups(draw: st.DrawFn, framework: Framework) -> list[Scored]:
    roles = draw(st.lists(st.sampled_from(sorted(framework.roles)), min_size=1, max_size=3))
    size = draw(st.integers(0, 60))
    empty = draw(st.sampled_from([0.0, 0.05, 0.3, 0.8]))
    na = draw(st.sampled_from([0.0, 0.05, 0.3]))
    skew = draw(st.sampled_from([0, 0, 1, 2]))
    rng = random.Random(draw(st.integers(0, 2**32)))
    people = []
    for number in range(size):
        role = framework.roles[roles[number % len(roles)]]
        people.append(
            _scored(framework, role, _answers(rng, framework, role, empty, na, skew), number)
        )
    return people


def _both(
    people: list[Scored], min_group: int, hours: float | None
) -> tuple[tuple[CohortGroup, ...], tuple[CohortGroup, ...]]:
    one_pass = CohortBuilder(min_group=min_group, hours=hours)
    reference = ReferenceCohort(min_group=min_group, hours=hours)
    for person in people:
        one_pass.add(person)
        reference.add(person)
    return one_pass.build(), reference.build()


@settings(max_examples=150, deadline=None)
@given(groups(MINI), st.integers(1, 5), st.sampled_from([None, 0.0, 8.0, 40.0]))
def test_one_pass_equals_the_lists_small_framework(
    people: list[Scored], min_group: int, hours: float | None
) -> None:
    built, expected = _both(people, min_group, hours)
    assert built == expected


@settings(max_examples=25, deadline=None)
@given(groups(WIM), st.integers(1, 5))
def test_one_pass_equals_the_lists_wim(people: list[Scored], min_group: int) -> None:
    built, expected = _both(people, min_group, None)
    assert built == expected


def test_a_large_wim_group_has_every_figure_of_the_lists() -> None:
    """300 respondents of two roles: shown groups, alpha and correlations all defined."""
    rng = random.Random(12)
    people = []
    for number in range(300):
        role = WIM.roles["team-leader" if number % 3 else "wim"]
        people.append(_scored(WIM, role, _answers(rng, WIM, role, 0.05, 0.05, 0), number))
    built, expected = _both(people, 3, None)
    assert built == expected
    groups_built = list(built)
    assert [g.respondents for g in groups_built] == [100, 200]
    profile = groups_built[0].profile
    assert profile is not None
    reliability = profile.reliability
    assert all(area.alpha is not None for area in reliability)
    assert all(item.r is not None for area in reliability for item in area.item_total)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False) | st.sampled_from([0.1, 1e16, -1e16])))
def test_running_sum_is_the_builtin_sum(values: list[float]) -> None:
    running = RunningSum()
    for value in values:
        running.add(value)
    assert running.value() == (sum(values) if values else 0.0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([0.0, 0.5, 1.0, 1.25, 2.0, 3.0, 10 / 3]), min_size=1))
def test_tally_median_is_statistics_median(levels: list[float]) -> None:
    tally = LevelTally()
    for level in levels:
        tally.add(level, 0.0)
    assert tally.median() == statistics.median(levels)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 5), min_size=3, max_size=3), min_size=2, max_size=30))
def test_item_sums_variances_are_statistics_variance(rows: list[list[int]]) -> None:
    sums = ItemSums(range(3))
    for row in rows:
        sums.add([float(v) for v in row])
    for item in range(3):
        column = [float(row[item]) for row in rows]
        assert sums._variance(sums.item[item], sums.item_squares[item]) == statistics.variance(
            column
        )
    for item, r in enumerate(sums.item_total()):
        xs = [float(row[item]) for row in rows]
        ys = [float(sum(row) - row[item]) for row in rows]
        old = float_pearson(xs, ys)
        assert (r is None) == (old is None)
        if r is not None and old is not None:
            assert r == pytest.approx(old, abs=1e-12)


def test_a_row_missing_an_item_is_left_out_and_values_must_be_whole() -> None:
    sums = ItemSums([0, 2])
    sums.add([1.0, None, 2.0])
    sums.add([3.0, 4.0, None])
    assert (sums.rows, sums.item, sums.total, sums.total_squares) == (1, [1, 2], 3, 9)
    with pytest.raises(ValueError):
        sums.add([1.5, 0.0, 1.0])


def test_public_alpha_and_correlations_of_a_textbook_table() -> None:
    rows = [[1.0, 2.0, 2.0], [2.0, 3.0, 3.0], [3.0, 3.0, 4.0], [4.0, 5.0, 5.0]]
    assert cronbach_alpha(rows) == pytest.approx(56 / 57, abs=1e-15)
    # the middle one: floats in two passes gave ...388, the exact value rounds to ...387
    assert item_total_correlations(rows) == [
        0.9811557810392123,
        0.9233805168766387,
        0.9811557810392123,
    ]
    assert item_total_correlations([]) == []
    assert cronbach_alpha([[1.0, 1.0], [1.0, 1.0]]) is None


@pytest.mark.skipif(sys.version_info < (3, 12), reason="sum() compensates from Python 3.12")
def test_running_sum_compensates_like_sum_from_3_12() -> None:
    running = RunningSum()
    for value in [0.1] * 10:
        running.add(value)
    assert running.value() == 1.0


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(-1e6, 1e6, allow_nan=False) | st.sampled_from([0.1, 1e16, -1e16])),
    st.integers(1, 5),
)
def test_running_sum_added_in_chunks_is_the_builtin_sum(values: list[float], size: int) -> None:
    running = RunningSum()
    for start in range(0, len(values), size):
        running.add_all(values[start : start + size])
    assert running.value() == (sum(values) if values else 0.0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([0.0, 0.5, 1.25, 2.0, 10 / 3]), min_size=1), st.integers(1, 5))
def test_tally_of_chunks_is_the_tally_one_by_one(levels: list[float], size: int) -> None:
    gaps = [max(0.0, 2.0 - level) for level in levels]
    one, chunked = LevelTally(), LevelTally()
    for level, gap in zip(levels, gaps, strict=True):
        one.add(level, gap)
    for start in range(0, len(levels), size):
        chunked.add_all(levels[start : start + size], gaps[start : start + size])
    assert (chunked.counts, chunked.scored, chunked.below) == (one.counts, one.scored, one.below)
    assert (chunked.levels.value(), chunked.gaps.value()) == (one.levels.value(), one.gaps.value())


def test_rows_counted_together_give_the_sums_of_rows_added_one_by_one() -> None:
    one, counted = ItemSums([0, 1, 2]), ItemSums([0, 1, 2])
    for _ in range(3):
        one.add([1.0, 4.0, 5.0])
    one.add([0.0, 2.0, 3.0])
    counted.add_whole([0, 2, 3])
    counted.add_whole([1, 4, 5], 3)
    assert vars(counted) == vars(one)
    assert (counted.rows, counted.total, counted.total_squares) == (4, 35, 325)


def test_small_chunks_and_pattern_limits_change_no_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outcomes tallied and area patterns added many times over (tiny limits), as a million
    respondents would: the same group profiles as the lists."""
    monkeypatch.setattr(cohort, "_CHUNK", 7)
    rng = random.Random(5)
    people = []
    for number in range(120):
        role = WIM.roles["team-leader" if number % 3 else "wim"]
        people.append(_scored(WIM, role, _answers(rng, WIM, role, 0.05, 0.05, 2), number))
    built, expected = _both(people, 3, None)
    assert built == expected
