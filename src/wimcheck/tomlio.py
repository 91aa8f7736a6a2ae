"""Reading TOML and JSON with precise error positions and bounds, and writing files atomically."""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from wimcheck.errors import InputFileError, OutputExistsError
from wimcheck.limits import MAX_INT_DIGITS, MAX_NESTING, long_number_position, too_deep_position
from wimcheck.messages import t

__all__ = [
    "JsonSyntaxError",
    "TomlSyntaxError",
    "atomic_write_bytes",
    "atomic_write_text",
    "atomic_writer",
    "parse_json",
    "parse_toml",
    "read_text",
    "refuse_overwrite",
]

_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT_EOF = re.compile(r"\(at end of document\)")


class TomlSyntaxError(ValueError):
    """A TOML syntax error with 1-based line and column."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def read_text(path: Path) -> str:
    """Read a UTF-8 text file (a BOM is accepted) or raise :class:`InputFileError`."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(
            t("input.not-found"), path=path, hint=t("input.not-found.hint")
        ) from None
    except IsADirectoryError:
        raise InputFileError(t("input.folder"), path=path) from None
    except OSError as exc:
        raise InputFileError(t("input.unreadable", why=exc.strerror), path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(
            t("input.not-utf8"),
            path=path,
            line=line,
            hint=t("input.not-utf8.hint"),
        ) from None


def _beyond_bounds(text: str, *, json: bool) -> tuple[str, int, int] | None:
    """The message and position of the first bound ``text`` exceeds, or None."""
    deep = too_deep_position(text, json=json)
    if deep is not None:
        return t("limits.too-deep", max=MAX_NESTING), *deep
    return None


def _long_number(text: str) -> tuple[str, int, int]:
    line, col = long_number_position(text) or (1, 1)
    return t("limits.number-too-long", max=MAX_INT_DIGITS), line, col


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML text, raising :class:`TomlSyntaxError` with line and column.

    Nesting deeper than :data:`~wimcheck.limits.MAX_NESTING` and numbers longer than
    :data:`~wimcheck.limits.MAX_INT_DIGITS` digits are syntax errors too.
    """
    beyond = _beyond_bounds(text, json=False)
    if beyond is not None:
        raise TomlSyntaxError(*beyond)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, text) from None
    except RecursionError:
        raise TomlSyntaxError(t("limits.too-deep", max=MAX_NESTING), 1, 1) from None
    except ValueError:  # Python's bound on the digits of an int
        raise TomlSyntaxError(*_long_number(text)) from None


def _toml_error(exc: tomllib.TOMLDecodeError, text: str) -> TomlSyntaxError:
    raw = str(exc)
    lineno = getattr(exc, "lineno", None)
    colno = getattr(exc, "colno", None)
    match = _AT.search(raw)
    if lineno is None and match:
        lineno, colno = int(match.group(1)), int(match.group(2))
    if lineno is None and _AT_EOF.search(raw):
        lines = text.splitlines() or [""]
        lineno, colno = len(lines), len(lines[-1]) + 1
    message = getattr(exc, "msg", None) or _AT_EOF.sub("", _AT.sub("", raw)).strip()
    return TomlSyntaxError(message, lineno or 1, colno or 1)


class JsonSyntaxError(ValueError):
    """A JSON syntax error (or a bound exceeded) with 1-based line and column."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def parse_json(text: str) -> Any:
    """Parse JSON text within the same bounds as TOML, raising :class:`JsonSyntaxError`."""
    beyond = _beyond_bounds(text, json=True)
    if beyond is not None:
        raise JsonSyntaxError(*beyond)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonSyntaxError(exc.msg, exc.lineno, exc.colno) from None
    except RecursionError:
        raise JsonSyntaxError(t("limits.too-deep", max=MAX_NESTING), 1, 1) from None
    except ValueError:  # Python's bound on the digits of an int
        raise JsonSyntaxError(*_long_number(text)) from None


def refuse_overwrite(path: Path, force: bool) -> None:
    """Raise :class:`OutputExistsError` when ``path`` exists and ``force`` is false."""
    if path.exists() and not force:
        raise OutputExistsError(
            t("output.exists"),
            path=path,
            hint=t("output.exists.hint"),
        )


@contextmanager
def atomic_writer(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` at once.

    A reader sees either the old file or the complete new one, never a partial one,
    even when the process is killed halfway. On an error the temporary file is removed
    and ``path`` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if binary:
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).replace(path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path, binary=True) as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as handle:
        handle.write(text)
