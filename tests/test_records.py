"""Records behave as frozen dataclasses, and share every method but ``__init__``."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wimcheck.records import COMPILE_AFTER, field, record


@record
class Point:
    """A point."""

    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class PointDataclass:
    """The same point as a frozen dataclass."""

    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)


@record
class Labelled(Point):
    """A point with a label, after the point's own fields."""

    label: str = ""


@record
class Checked:
    """A record that checks itself after ``__init__``."""

    value: int
    doubled: int = field(init=False, default=0)
    hidden: str = field(default="secret", repr=False)
    ignored: int = field(default=0, compare=False)
    seen: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")
        object.__setattr__(self, "doubled", self.value * 2)


@record
class KeywordOnly:
    """A record with a keyword-only field."""

    first: int
    second: int = field(default=2, kw_only=True)


@record
class Empty:
    """A record without fields."""


@record
class Named:
    """A record with its own ``__repr__``, which is kept."""

    name: str

    def __repr__(self) -> str:
        return f"<{self.name}>"


def test_init_defaults_and_factories() -> None:
    first, second = Point(1), Point(1)
    assert (first.x, first.y, first.tags) == (1, 0, [])
    assert first.tags is not second.tags  # a new list for each record
    assert Point(1, 2, ["a"]).tags == ["a"]
    assert Point(y=3, x=4) == Point(4, 3)
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, z=3)  # type: ignore[call-arg]


def test_equality_hash_and_repr_as_a_frozen_dataclass() -> None:
    assert Point(1, 2) == Point(1, 2)
    assert Point(1, 2) != Point(2, 1)
    assert Point(1) != PointDataclass(1)  # another class is never equal
    assert Point(1).__eq__(PointDataclass(1)) is NotImplemented
    assert repr(Point(1, 2, ["a"])) == "Point(x=1, y=2, tags=['a'])"
    assert repr(Point(1, 2, ["a"])) == repr(PointDataclass(1, 2, ["a"])).replace("Dataclass", "")
    assert repr(Labelled(1, label="a")) == "Labelled(x=1, y=0, tags=[], label='a')"
    assert repr(Empty()) == "Empty()"
    assert repr(Named("n")) == "<n>"
    assert Empty() == Empty() and hash(Empty()) == hash(Empty())
    with pytest.raises(TypeError, match="unhashable"):
        hash(Point(1))  # a list inside, as with a frozen dataclass


@given(st.integers(), st.integers(), st.integers(), st.integers())
def test_equal_records_hash_alike(x1: int, y1: int, x2: int, y2: int) -> None:
    @record
    class Pair:
        a: int
        b: int

    one, other = Pair(x1, y1), Pair(x2, y2)
    assert (one == other) == ((x1, y1) == (x2, y2))
    if one == other:
        assert hash(one) == hash(other)
    assert len({one, other}) == (1 if (x1, y1) == (x2, y2) else 2)


def test_frozen() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'x'"):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'new'"):
        point.new = 2  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'x'"):
        del point.x  # type: ignore[misc]
    assert point.x == 1


def test_field_options_and_post_init() -> None:
    checked = Checked(4)
    assert (checked.doubled, checked.hidden, checked.seen) == (8, "secret", [])
    assert repr(checked) == "Checked(value=4, doubled=8, ignored=0, seen=[])"
    assert Checked(4, ignored=1) == Checked(4, ignored=2)  # compare=False
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)
    with pytest.raises(TypeError):
        Checked(1, doubled=2)  # type: ignore[call-arg]  # doubled is not a parameter
    assert KeywordOnly(1, second=3).second == 3
    with pytest.raises(TypeError):
        KeywordOnly(1, 3)  # type: ignore[misc]


def test_the_standard_library_sees_a_dataclass() -> None:
    point = Labelled(1, 2, ["a"], label="b")
    assert dataclasses.is_dataclass(point)
    assert [item.name for item in dataclasses.fields(point)] == ["x", "y", "tags", "label"]
    assert dataclasses.replace(point, y=5) == Labelled(1, 5, ["a"], label="b")
    assert dataclasses.asdict(point) == {"x": 1, "y": 2, "tags": ["a"], "label": "b"}
    assert Point.__match_args__ == ("x", "y", "tags")
    match Point(1, 2):
        case Point(x, y):
            assert (x, y) == (1, 2)
    assert copy.deepcopy(point) == point
    assert pickle.loads(pickle.dumps(point)) == point


def test_only_init_is_made_for_each_record() -> None:
    shared = ("__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__")
    one: Any = Point
    other: Any = Checked
    assert all(getattr(one, name) is getattr(other, name) for name in shared)
    assert one.__init__ is not other.__init__
    assert one.__init__.__qualname__ == "Point.__init__"


def _made_both_ways(make: Any) -> tuple[list[object], list[object]]:
    """What ``make(cls)`` gives before and after ``cls`` got its compiled ``__init__``."""

    @record
    class Fresh:
        value: int
        doubled: int = field(init=False, default=0)
        hidden: str = field(default="secret", repr=False)
        seen: list[int] = field(default_factory=list)
        second: int = field(default=2, kw_only=True)

        def __post_init__(self) -> None:
            object.__setattr__(self, "doubled", self.value * 2)

    shared = Fresh.__init__
    before = make(Fresh)
    for _ in range(COMPILE_AFTER):
        Fresh(1)
    assert Fresh.__init__ is not shared  # compiled now
    return before, make(Fresh)


def test_the_shared_and_the_compiled_init_make_the_same_records() -> None:
    def make(cls: Any) -> list[object]:
        made = [cls(1), cls(2, "h", [3], second=4), cls(value=5, seen=[6]), cls(7, second=8)]
        return [list(vars(item).items()) for item in made]  # values, in field order

    before, after = _made_both_ways(make)
    assert before == after
    assert before[1] == [
        ("value", 2),
        ("doubled", 4),
        ("hidden", "h"),
        ("seen", [3]),
        ("second", 4),
    ]


@pytest.mark.parametrize(
    "call",
    [
        lambda cls: cls(),  # missing value
        lambda cls: cls(1, "h", [], 4),  # second is keyword-only
        lambda cls: cls(1, value=2),  # value twice
        lambda cls: cls(1, doubled=2),  # not a parameter
        lambda cls: cls(1, other=2),  # no such field
    ],
)
def test_the_shared_and_the_compiled_init_refuse_the_same_calls(call: Any) -> None:
    def make(cls: Any) -> list[object]:
        with pytest.raises(TypeError) as refused:
            call(cls)
        return [type(refused.value)]

    assert _made_both_ways(make) == ([TypeError], [TypeError])
