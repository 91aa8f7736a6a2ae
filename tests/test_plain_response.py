"""The plain check of response files: never accepts what the strict pydantic model refuses,
and gives the same response set for what it accepts."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from wimcheck.assessment.response_file import ResponseFileModel
from wimcheck.assessment.responses import (
    ResponseFileError,
    accepted_response_set,
    read_response_file,
    response_set,
)

DATA = Path(__file__).parent / "data"


def _response_files() -> list[Path]:
    found = []
    for path in sorted(DATA.rglob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except ValueError:  # not TOML, not UTF-8, a number too long to read
            continue
        if "answers" in data or "respondent" in data:
            found.append(path)
    return found


RESPONSE_FILES = _response_files()

BASE: dict[str, Any] = {
    "format_version": 1,
    "framework": "wim",
    "framework_version": "1.0.0",
    "role": "team-leader",
    "respondent": "P05",
    "language": "en",
    "assisted_by": "Ana",
    "started": datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=1))),
    "finished": datetime(2026, 3, 1, 9, 45),
    "answers": {"WIM.FND.1.a": 1, "WIM.FND.1.b": "n/a", "WIM.FND.1.c": ""},
}

TRICKY_TEXTS = ["", " x", "x ", "\x1cx", "x\x1f", "x\udcff", "\u3000x", "a" * 200, "a" * 201]
SCALARS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.booleans(),
    st.text(max_size=5),
    st.sampled_from([*TRICKY_TEXTS, "n/a", "N/A", "na", " n/a"]),
    st.floats(allow_nan=False),
    st.datetimes(),
    st.datetimes(timezones=st.just(UTC)),
    st.dates(),
    st.none(),
    st.just(date(2026, 1, 1)),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(
        st.one_of(st.text(max_size=4), st.sampled_from(TRICKY_TEXTS)), SCALARS, max_size=4
    ),
)


@st.composite
def response_data(draw: st.DrawFn) -> dict[str, Any]:
    """A valid response changed here and there: keys dropped, values replaced, keys added."""
    data = dict(BASE)
    for key in list(data):
        choice = draw(st.sampled_from(["keep", "keep", "keep", "keep", "drop", "replace"]))
        if choice == "drop":
            del data[key]
        elif choice == "replace":
            data[key] = draw(VALUES)
    if draw(st.booleans()):
        data[draw(st.sampled_from(["extra", "answer", "Framework"]))] = draw(VALUES)
    return data


def _model_set(data: dict[str, Any]) -> Any:
    return response_set(ResponseFileModel.model_validate(data), "source")


@settings(max_examples=600, deadline=None)
@given(response_data())
def test_the_plain_check_accepts_only_what_the_model_accepts_and_gives_the_same(
    data: dict[str, Any],
) -> None:
    accepted = accepted_response_set(data, "source")
    if accepted is None:
        return
    assert accepted == _model_set(data)  # raises ValidationError if the model refused


@pytest.mark.parametrize(
    "change",
    [
        {"format_version": True},
        {"respondent": " P05"},
        {"respondent": "\x1cP05"},
        {"respondent": "x\udcff"},
        {"answers": {"WIM.FND.1.a": True}},
        {"answers": {"WIM.FND.1.a": 1.0}},
        {"started": date(2026, 3, 1)},
        {"extra": 1},
    ],
    ids=repr,
)
def test_anything_unusual_is_left_to_the_model(change: dict[str, Any]) -> None:
    """Some of these the model accepts (True for 1, a name with a control character at
    its end) and some it refuses: the plain check decides none of them."""
    assert accepted_response_set({**BASE, **change}, "source") is None


def test_a_typical_response_is_accepted_as_the_model_reads_it() -> None:
    accepted = accepted_response_set(BASE, "source")
    assert accepted is not None
    assert accepted == _model_set(BASE)
    assert accepted.answers == {"WIM.FND.1.a": 1, "WIM.FND.1.b": "n/a"}
    assert accepted.source == "source"


@pytest.mark.parametrize("path", RESPONSE_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_every_response_file_of_the_tests_reads_the_same_either_way(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    try:
        expected = _model_set(data)
    except ValidationError:
        assert accepted_response_set(data, str(path)) is None
        with pytest.raises(ResponseFileError):
            read_response_file(path)
        return
    assert read_response_file(path) == expected
