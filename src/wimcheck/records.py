"""Records: the frozen, typed classes that carry wimcheck's data inside the program.

``@record`` makes a class what ``@dataclass(frozen=True)`` makes it: fields from its
annotations (``field(...)`` for defaults made by a factory), an ``__init__`` taking
them, equality and hashing by value, a readable ``repr`` and ``FrozenInstanceError``
on any assignment after creation. A record *is* a dataclass to the standard library:
``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` work on it, and
type checkers see a frozen dataclass (``dataclass_transform``).

Why not ``@dataclass(frozen=True)`` itself: Python 3.11 compiles six methods for every
such class, 0.8 ms a class on the benchmark machine, and ``wimcheck report`` defines 38
classes, more than the whole start-up budget beyond typer (docs/performance.md). A
record compiles one method, ``__init__``; equality, hashing, ``repr`` and the refusal to
assign are shared by all records (0.15 ms a class).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, field
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

__all__ = ["field", "record"]

_Class = TypeVar("_Class", bound=type)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: _Class) -> _Class:
    """Make ``cls`` a frozen record (see the module's description)."""
    dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    all_fields = dataclasses.fields(cls)
    compared = tuple(item.name for item in all_fields if item.compare)
    methods: dict[str, object] = {
        "__init__": _init_method(cls, all_fields),
        "__setattr__": _refuse_assignment,
        "__delattr__": _refuse_deletion,
        "__record_key__": attrgetter(*compared) if compared else staticmethod(_no_key),
        "__record_shown__": tuple(item.name for item in all_fields if item.repr),
    }
    for name, shared in (("__eq__", _equal), ("__hash__", _hash), ("__repr__", _repr)):
        if cls.__dict__.get(name) is None:
            methods[name] = shared
    for name, method in methods.items():
        setattr(cls, name, method)
    return cls


def _init_method(cls: type, all_fields: tuple[Field[Any], ...]) -> Callable[..., None]:
    """``__init__`` for ``cls``, compiled once from its fields (as dataclasses does)."""
    env: dict[str, Any] = {"_record_set": object.__setattr__, "_record_missing": MISSING}
    params: list[str] = []
    keyword_only: list[str] = []
    body: list[str] = []
    for index, item in enumerate(all_fields):
        value = _field_value(item, index, env)
        if item.init:
            parameter = item.name + _default_text(item, index, env)
            (keyword_only if item.kw_only else params).append(parameter)
        if value is not None:
            body.append(f"    _record_set(_record_self, {item.name!r}, {value})\n")
    if hasattr(cls, "__post_init__"):
        body.append("    _record_self.__post_init__()\n")
    signature = ", ".join(
        ["_record_self", *params, *(["*", *keyword_only] if keyword_only else [])]
    )
    source = f"def __init__({signature}) -> None:\n" + ("".join(body) or "    pass\n")
    namespace: dict[str, Any] = {}
    exec(source, env, namespace)
    method: Callable[..., None] = namespace["__init__"]
    method.__qualname__ = f"{cls.__qualname__}.__init__"
    return method


def _default_text(item: Field[Any], index: int, env: dict[str, Any]) -> str:
    """The ``=default`` of a parameter, or nothing for a required one."""
    if item.default is not MISSING:
        env[f"_record_default_{index}"] = item.default
        return f"=_record_default_{index}"
    if item.default_factory is not MISSING:
        return "=_record_missing"
    return ""


def _field_value(item: Field[Any], index: int, env: dict[str, Any]) -> str | None:
    """The expression ``__init__`` stores in the field, or None if it stores nothing."""
    if item.default_factory is not MISSING:
        env[f"_record_factory_{index}"] = item.default_factory
        made = f"_record_factory_{index}()"
        return f"{made} if {item.name} is _record_missing else {item.name}" if item.init else made
    if item.init:
        return item.name
    if item.default is not MISSING:
        env[f"_record_default_{index}"] = item.default
        return f"_record_default_{index}"
    return None


def _no_key(_record: object) -> tuple[()]:
    return ()


def _refuse_assignment(_record: object, name: str, _value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(_record: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _equal(self: Any, other: Any) -> object:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self.__record_key__
    return bool(key(self) == key(other))


def _hash(self: Any) -> int:
    return hash(self.__record_key__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"
