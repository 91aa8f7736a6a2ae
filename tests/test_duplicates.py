"""The compact duplicate-respondent index against a plain dictionary, growing and colliding."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wimcheck.batch import duplicates
from wimcheck.batch.duplicates import RespondentIndex

sightings = st.lists(
    st.tuples(
        st.sampled_from(["wim", "mini"]),
        st.text(alphabet="abcZ", min_size=1, max_size=4),
        st.sampled_from([("a.csv", "line"), ("b.xlsx", "row"), ("c.toml", None)]),
        st.integers(0, 2**33),
    ),
    max_size=300,
)


def _reference(seen: list[tuple[str, str, tuple[str, str | None], int]]) -> list[str | None]:
    first: dict[tuple[str, str], str] = {}
    answers: list[str | None] = []
    for framework, respondent, (file, unit), number in seen:
        key = (framework, respondent)
        answers.append(first.get(key))
        first.setdefault(key, file if unit is None else f"{file}:{unit} {number}")
    return answers


@settings(max_examples=200, deadline=None)
@given(sightings, st.sampled_from([1, 2, 8, 1024]))
def test_first_places_are_those_of_a_dictionary(
    seen: list[tuple[str, str, tuple[str, str | None], int]], capacity: int
) -> None:
    index = RespondentIndex(capacity)
    answers = [index.first_place(f, r, file, unit, n) for f, r, (file, unit), n in seen]
    assert answers == _reference(seen)
    assert len(index) == len({(f, r) for f, r, _, _ in seen})


def test_colliding_slots_are_probed_past() -> None:
    index = RespondentIndex(1)  # a tiny table: slots collide until it has grown
    for number in range(100):
        assert index.first_place("wim", f"P{number}", "a.csv", "line", number + 2) is None
    assert index.first_place("wim", "P57", "b.csv", "line", 9) == "a.csv:line 59"
    assert index.first_place("mini", "P57", "b.csv", "line", 9) is None  # another framework


def test_a_hash_collision_names_a_false_duplicate_never_hides_one() -> None:
    with patch.object(
        duplicates, "hash", lambda text: 7 if text.startswith("P") else 0, create=True
    ):
        index = RespondentIndex()
        assert index.first_place("wim", "P1", "a.toml", None, 0) is None
        assert index.first_place("wim", "P2", "b.toml", None, 0) == "a.toml"


def test_capacity_must_be_a_power_of_two() -> None:
    with pytest.raises(ValueError):
        RespondentIndex(3)
