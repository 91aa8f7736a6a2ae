"""What pydantic's error on a value of a framework file means, in the current language.

Pydantic says it in English ("Input should be 'a', 'b' or 'c'"); the kinds of error a
framework file can have are said by message key here, with the value found. A kind not
named here keeps pydantic's words.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic_core import ErrorDetails

from wimcheck.messages import t, tn

__all__ = ["value_error_text"]

# pydantic's error type -> the message key that says it (no values of its own)
_PLAIN = {
    "int_type": "schema.whole-number",
    "int_parsing": "schema.whole-number",
    "int_from_float": "schema.whole-number",
    "float_type": "schema.number",
    "float_parsing": "schema.number",
    "string_type": "schema.text",
    "bool_type": "schema.true-false",
    "bool_parsing": "schema.true-false",
    "list_type": "schema.list",
    "dict_type": "schema.table",
    "model_type": "schema.table",
    "model_attributes_type": "schema.table",
    "string_pattern_mismatch": "schema.pattern",
}
# pydantic's error type -> (message key, the context value it names as ``limit``)
_BOUNDS = {
    "greater_than_equal": ("schema.at-least", "ge"),
    "less_than_equal": ("schema.at-most", "le"),
    "greater_than": ("schema.more-than", "gt"),
    "less_than": ("schema.less-than", "lt"),
}
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _limit(value: object) -> str:
    """A bound as the language writes numbers (``0,5`` in German)."""
    if not isinstance(value, int | float):
        return str(value)
    from wimcheck.i18n.formats import format_number  # noqa: PLC0415 - Babel, for errors only

    return format_number(float(value), digits=6)


def _said(kind: str, context: dict[str, Any], message: str) -> str:
    """The error of ``kind`` in words of the current language, else pydantic's."""
    if kind in _PLAIN:
        return t(_PLAIN[kind])
    if kind in _BOUNDS:
        key, name = _BOUNDS[kind]
        return t(key, limit=_limit(context.get(name)))
    if kind == "literal_error":
        choices = _QUOTED.findall(str(context.get("expected", "")))
        if choices:
            return t("schema.one-of", choices=", ".join(f"'{c}'" for c in choices))
    if kind == "string_too_short" and context.get("min_length") == 1:
        return t("schema.empty-text")
    if kind == "string_too_long":
        return tn("schema.too-long", int(context.get("max_length", 0)))
    if kind == "too_short":
        return tn("schema.too-few", int(context.get("min_length", 0)))
    return message


def value_error_text(error: ErrorDetails) -> str:
    """What ``error`` says of a value, with the value found when it is a plain one."""
    context = dict(error.get("ctx") or {})
    detail = _said(error["type"], context, error["msg"])
    if "input" in error and not isinstance(error["input"], dict | list):
        return t("schema.found", detail=detail, found=repr(error["input"]))
    return detail
