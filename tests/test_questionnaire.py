"""The questionnaire engine: skipped statements offered again, the time estimate, and the
easy-read wording of what it says about a line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wimcheck.assessment.questionnaire import (
    SKIP,
    Action,
    Questionnaire,
    estimated_minutes,
    parse_input,
)
from wimcheck.frameworks.catalog import load_framework

MINI = load_framework(Path(__file__).parent / "data" / "frameworks" / "mini.toml")
FACILITATOR = MINI.roles["facilitator"]
IDS = [s.id for s in MINI.questionnaire(FACILITATOR)]  # five statements


def feed(q: Questionnaire, *lines: str) -> list[int]:
    """Apply typed lines; returns the statement index shown before each line."""
    shown = []
    for line in lines:
        item = q.current
        assert item is not None, f"done before {line!r}"
        shown.append(item.index)
        q.apply(parse_input(line, q.scale))
    return shown


def test_skipped_statements_are_offered_once_more_and_may_be_skipped_again() -> None:
    q = Questionnaire(MINI, FACILITATOR, review_skipped=True)
    assert feed(q, "s", "2", "", "1", "0") == [0, 1, 2, 3, 4]
    assert q.in_review and q.skipped_count == 2
    assert q.position == 5 + 1 + 0
    assert feed(q, "3", "s") == [0, 2]
    assert q.done and q.position == 2 * 5 + 1
    assert q.answers == {IDS[0]: 3, IDS[1]: 2, IDS[3]: 1, IDS[4]: 0}
    assert q.recorded[IDS[2]] == SKIP


def test_without_review_the_end_of_the_first_pass_is_the_end() -> None:
    q = Questionnaire(MINI, FACILITATOR)
    assert feed(q, "s", "2", "", "1", "0") == [0, 1, 2, 3, 4]
    assert q.done and not q.in_review and q.position == 5
    # a session saved during a review is finished at once where there is no review
    assert Questionnaire(MINI, FACILITATOR, answers=q.recorded, position=8).done


def test_nothing_skipped_means_no_review() -> None:
    q = Questionnaire(MINI, FACILITATOR, review_skipped=True)
    feed(q, "1", "n", "2", "3", "0")
    assert q.done and q.position == 5 and not q.in_review


def test_a_review_resumes_where_it_was_saved_and_back_steps_one_statement() -> None:
    q = Questionnaire(MINI, FACILITATOR, review_skipped=True)
    feed(q, "1", "s", "2", "s", "0")
    assert q.current is not None and q.current.index == 1
    saved = dict(q.recorded), q.position
    resumed = Questionnaire(
        MINI, FACILITATOR, answers=saved[0], position=saved[1], review_skipped=True
    )
    assert resumed.in_review and feed(resumed, "3") == [1]
    assert resumed.current is not None and resumed.current.index == 3
    resumed.apply(Action("back"))  # to the statement before, answered in the first pass
    assert resumed.in_review and resumed.current is not None and resumed.current.index == 2
    assert feed(resumed, "", "s") == [2, 3]  # Enter keeps 2; then the next skipped one
    assert resumed.done and resumed.answers == {IDS[0]: 1, IDS[1]: 3, IDS[2]: 2, IDS[4]: 0}


@pytest.mark.parametrize(
    ("count", "easy_read", "minutes"),
    [(0, False, 1), (4, False, 1), (5, False, 2), (8, False, 2), (18, False, 5), (18, True, 8)],
)
def test_time_estimate_is_15_seconds_a_statement_25_in_easy_read(
    count: int, easy_read: bool, minutes: int
) -> None:
    assert estimated_minutes(count, easy_read) == minutes


def test_invalid_lines_in_easy_read_words() -> None:
    scale = MINI.scale_for(FACILITATOR)
    assert parse_input("x", scale).message == (
        "'x' is not an answer: type 0, 1, 2, 3, or n for not applicable"
    )
    assert parse_input("x", scale, easy_read=True).message == (
        "'x' is not an answer. Please type 0, 1, 2, 3. Or type n if this is not part of your work."
    )
    assert parse_input("7", scale, easy_read=True).message == (
        "7 is not one of the answers. Please type 0, 1, 2, 3. Or type n if this is not part "
        "of your work."
    )


@given(st.text(max_size=20))
def test_any_line_has_a_meaning_and_easy_read_never_says_not_applicable(line: str) -> None:
    action = parse_input(line, MINI.scale_for(FACILITATOR), easy_read=True)
    assert action.kind in ("answer", "na", "skip", "keep", "back", "help", "quit", "invalid")
    assert (action.kind == "invalid") == bool(action.message)
    assert "applicable" not in action.message.replace(line.strip(), "")
