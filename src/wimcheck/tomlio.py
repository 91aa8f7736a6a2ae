"""Reading TOML with precise error positions, and writing files atomically."""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from wimcheck.errors import InputFileError, OutputExistsError
from wimcheck.messages import t

__all__ = [
    "TomlSyntaxError",
    "atomic_write_bytes",
    "atomic_write_text",
    "atomic_writer",
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


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML text, raising :class:`TomlSyntaxError` with line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
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
        raise TomlSyntaxError(message, lineno or 1, colno or 1) from None


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
