"""How numbers are rounded for files and shown to people, in one place."""

from __future__ import annotations

from typing import Any

__all__ = ["json_number", "plain", "rounded", "rounded_float", "shown"]


def rounded(value: float | None, digits: int = 2) -> float | int | None:
    """A number for JSON and CSV results: rounded, whole numbers without decimals."""
    if value is None:
        return None
    result = round(value, digits)
    return int(result) if float(result).is_integer() else result


def rounded_float(value: float | None, digits: int = 2) -> float | None:
    """A number for a result object: rounded as :func:`rounded` does, kept a float."""
    return None if value is None else float(round(value, digits))


def json_number(value: float | None) -> float | int | None:
    """A result number as JSON writes it: whole numbers without decimals."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def shown(value: Any, digits: int = 1, *, signed: bool = False, missing: str = "-") -> str:
    """A number for people to read: at most ``digits`` decimals, no trailing zeros."""
    if value is None:
        return missing
    number = float(value)
    text = f"{number:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{number:.0f}"
    if text in ("-0", ""):
        text = "0"
    return "+" + text if signed and number > 0 else text


def plain(value: float) -> str:
    """A number as written in a framework file: ``4`` rather than ``4.0``."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
