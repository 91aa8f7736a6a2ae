"""Pydantic's errors on a framework file as issues: unknown keys, missing keys, bad values."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from wimcheck.frameworks.schema import FrameworkFile
from wimcheck.frameworks.validation.context import RuleContext
from wimcheck.frameworks.validation.report import Issue
from wimcheck.frameworks.validation.value_errors import value_error_text
from wimcheck.messages import t
from wimcheck.tomlpos import KeyPath

__all__ = ["schema_issues"]


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional from a type annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _model_at(loc: KeyPath) -> type[BaseModel] | None:
    """The pydantic model that describes the table at ``loc``."""
    current: Any = FrameworkFile
    for part in loc:
        current = _unwrap(current)
        if _is_model(current):
            if not isinstance(part, str) or part not in current.model_fields:
                return None
            current = current.model_fields[part].annotation
            continue
        origin = typing.get_origin(current)
        if origin is list:
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    current = _unwrap(current)
    return current if _is_model(current) else None


def _unknown_key(ctx: RuleContext, loc: KeyPath) -> Issue:
    """``unknown-key``: a key the table does not allow, with the closest allowed one."""
    parent, key = loc[:-1], str(loc[-1])
    model = _model_at(parent)
    allowed = sorted(model.model_fields) if model else []
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = (
        t("hint.unknown-key.suggest", suggestion=close[0], allowed=", ".join(allowed))
        if close
        else t("hint.unknown-key", allowed=", ".join(allowed))
    )
    where = ctx.describe(parent)
    return ctx.issue("unknown-key", loc, t("issue.unknown-key", key=key, where=where), hint)


def _missing_key(ctx: RuleContext, loc: KeyPath) -> Issue:
    """``missing-key``: a required key is not there."""
    parent, key = loc[:-1], str(loc[-1])
    where = ctx.describe(parent)
    return ctx.issue(
        "missing-key",
        loc,
        t("issue.missing-key", key=key, where=where),
        t("hint.missing-key", key=key, where=where),
    )


def _invalid_value(ctx: RuleContext, loc: KeyPath, error: ErrorDetails) -> Issue:
    """``invalid-value``: a value of the wrong type or out of range, with what was found."""
    field_name = next((str(p) for p in reversed(loc) if isinstance(p, str)), None)
    detail = value_error_text(error)
    return ctx.issue(
        "invalid-value",
        loc,
        t("issue.invalid-value", where=ctx.describe(loc), detail=detail),
        t("hint.invalid-value", field=field_name) if field_name else t("hint.invalid-value.any"),
    )


def schema_issues(ctx: RuleContext, exc: ValidationError) -> Iterator[Issue]:
    """One issue per schema error: ``unknown-key``, ``missing-key`` or ``invalid-value``."""
    for error in exc.errors(include_url=False):
        loc: KeyPath = tuple(p for p in error["loc"] if p != "[key]")
        if error["type"] == "extra_forbidden":
            yield _unknown_key(ctx, loc)
        elif error["type"] == "missing":
            yield _missing_key(ctx, loc)
        else:
            yield _invalid_value(ctx, loc, error)
