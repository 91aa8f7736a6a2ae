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
record compiles nothing when it is defined: equality, hashing, ``repr`` and the refusal
to assign are shared by all records, and so is ``__init__`` at first (it binds the
arguments to the fields itself, about 0.7 µs more an instance). A class with
:data:`COMPILE_AFTER` instances is in a loop: it then gets an ``__init__`` compiled
from its fields, as dataclasses makes one (0.1 to 0.2 ms once).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, field
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

__all__ = ["COMPILE_AFTER", "field", "record"]

_Class = TypeVar("_Class", bound=type)

COMPILE_AFTER = 200  # instances made by the shared __init__ before a class gets its own


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: _Class) -> _Class:
    """Make ``cls`` a frozen record (see the module's description)."""
    dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    all_fields = dataclasses.fields(cls)
    compared = tuple(item.name for item in all_fields if item.compare)
    methods: dict[str, object] = {
        "__init__": _shared_init(cls, all_fields),
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


class _Signature:
    """What the shared ``__init__`` of one record class needs to bind its arguments."""

    __slots__ = ("defaults", "factories", "name", "order", "parameters", "positional")

    def __init__(self, cls: type, all_fields: tuple[Field[Any], ...]) -> None:
        self.name = f"{cls.__qualname__}.__init__()"
        self.order = tuple(item.name for item in all_fields)
        self.parameters = frozenset(item.name for item in all_fields if item.init)
        self.positional = tuple(item.name for item in all_fields if item.init and not item.kw_only)
        self.defaults = {i.name: i.default for i in all_fields if i.default is not MISSING}
        self.factories = {
            i.name: i.default_factory for i in all_fields if i.default_factory is not MISSING
        }

    def bind(self, args: tuple[object, ...], kwargs: dict[str, object]) -> dict[str, object]:
        """The value of each field, in field order (as a compiled ``__init__`` sets them)."""
        if len(args) > len(self.positional):
            raise TypeError(f"{self.name} takes {len(self.positional)} positional arguments")
        given = dict(zip(self.positional, args, strict=False))
        for key in kwargs:
            if key not in self.parameters:
                raise TypeError(f"{self.name} got an unexpected keyword argument {key!r}")
            if key in given:
                raise TypeError(f"{self.name} got multiple values for argument {key!r}")
        given.update(kwargs)
        values: dict[str, object] = {}
        for name in self.order:
            if name in given:
                values[name] = given[name]
            elif name in self.defaults:
                values[name] = self.defaults[name]
            elif name in self.factories:
                values[name] = self.factories[name]()
            elif name in self.parameters:
                raise TypeError(f"{self.name} missing required argument {name!r}")
        return values


def _shared_init(cls: type, all_fields: tuple[Field[Any], ...]) -> Callable[..., None]:
    """The ``__init__`` a record class starts with: fields bound without compiling; after
    :data:`COMPILE_AFTER` instances the class gets its own, compiled one."""
    signature = _Signature(cls, all_fields)
    post_init = hasattr(cls, "__post_init__")
    made = 0

    def __init__(self: Any, *args: object, **kwargs: object) -> None:
        nonlocal made
        made += 1
        if made == COMPILE_AFTER and cls.__dict__.get("__init__") is __init__:
            setattr(cls, "__init__", _compiled_init(cls, all_fields))  # noqa: B010
        self.__dict__.update(signature.bind(args, kwargs))
        if post_init:
            self.__post_init__()

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _compiled_init(cls: type, all_fields: tuple[Field[Any], ...]) -> Callable[..., None]:
    """``__init__`` for ``cls``, compiled from its fields (as dataclasses does)."""
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
