"""Files checked before, known again by their stamp instead of being read and hashed again.

Checking a framework's cache entry means hashing the framework's source (its file and
translation files: 2.8 MB for the bundled seven) and the entry's own lines. Once that is
done, what was found is kept here with each file's *stamp*: size, modification and
status-change times in nanoseconds, inode and device. Next time, files with the same
stamps hold the same bytes, and the result stands without reading them (as git's index
and make trust unchanged stamps). Any write to a file changes its modification and
status-change times, and the status-change time cannot be set back by a program; a file
changed within :data:`RACY_SECONDS` of being checked is not remembered, because a second
change within the file system's time resolution could leave its stamp alone.

The record is a JSON file in the cache folder (``checked-files.json``): nothing
in it can run code. A record of another wimcheck version, of another shape or that cannot
be read is ignored (and replaced); a result is only kept when the files are unchanged, so
a wrong record costs a miss at worst. Standard library only, and no hashing.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from wimcheck import __version__
from wimcheck.paths import cache_dir

__all__ = ["RACY_SECONDS", "batched", "recall", "remember"]

RACY_SECONDS = 2  # a file changed this recently may change again without a new stamp
_KIND = "wimcheck checked files"
_MAX_RECORDS = 256  # beyond this the record starts afresh (frameworks moved or removed)
_MAX_BYTES = 1024 * 1024

Stamp = list[int]

_loaded: dict[Path, dict[str, dict[str, object]]] = {}  # the record of each cache folder


class _Batch:
    """Records changed inside :func:`batched`, written when the outermost batch ends."""

    depth = 0
    unwritten: set[Path] = set()  # noqa: RUF012 - one batch per process, never a class per batch


@contextlib.contextmanager
def batched() -> Iterator[None]:
    """Write what :func:`remember` keeps inside this block once, at its end.

    Listing the bundled frameworks remembers 14 results; one write instead of 14 saves
    the rewriting of the record each time.
    """
    _Batch.depth += 1
    try:
        yield
    finally:
        _Batch.depth -= 1
        if _Batch.depth == 0:
            for file in sorted(_Batch.unwritten):
                _write_record(file)
            _Batch.unwritten.clear()


def _record_file() -> Path:
    return cache_dir() / "checked-files.json"


def _stamps(paths: Sequence[Path]) -> list[Stamp] | None:
    """Each file's stamp, or None when one cannot be read."""
    stamps = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            return None
        stamps.append([info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev])
    return stamps


def _read(file: Path) -> dict[str, dict[str, object]]:
    try:
        with file.open("rb") as handle:
            data = json.loads(handle.read(_MAX_BYTES + 1))
    except (OSError, ValueError, RecursionError):
        return {}
    if type(data) is not dict or data.get("kind") != _KIND or data.get("wimcheck") != __version__:
        return {}
    records = data.get("records")
    if type(records) is not dict:
        return {}
    return {key: value for key, value in records.items() if type(value) is dict}


def _records() -> dict[str, dict[str, object]]:
    file = _record_file()
    if file not in _loaded:
        _loaded[file] = _read(file)
    return _loaded[file]


def recall(key: str, paths: Sequence[Path]) -> str | None:
    """What was found for ``key`` when ``paths`` had the stamps they have now, if anything."""
    record = _records().get(key)
    if record is None:
        return None
    found = record.get("found")
    if type(found) is not str or record.get("stamps") != _stamps(paths):
        return None
    return found


def _settled(stamps: list[Stamp]) -> bool:
    """Whether every file was last changed at least :data:`RACY_SECONDS` ago."""
    limit = time.time_ns() - RACY_SECONDS * 1_000_000_000
    return all(stamp[1] < limit and stamp[2] < limit for stamp in stamps)


def remember(key: str, paths: Sequence[Path], found: str) -> None:
    """Keep ``found`` for ``key`` while ``paths`` keep their current stamps.

    Nothing is kept for files changed very recently; a record that cannot be written is
    quietly skipped (it is only a speed-up).
    """
    stamps = _stamps(paths)
    if stamps is None or not _settled(stamps):
        return
    records = _records()
    if records.get(key) == {"found": found, "stamps": stamps}:
        return
    if len(records) >= _MAX_RECORDS:
        records.clear()
    records[key] = {"found": found, "stamps": stamps}
    if _Batch.depth:
        _Batch.unwritten.add(_record_file())
    else:
        _write_record(_record_file())


def _write_record(file: Path) -> None:
    data = {"kind": _KIND, "wimcheck": __version__, "records": _loaded[file]}
    _write(file, json.dumps(data, separators=(",", ":")).encode("utf-8"))


def _write(file: Path, data: bytes) -> None:
    """Write ``data`` to ``file`` atomically: a temporary file of this process, renamed."""
    temporary = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(temporary, flags, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        temporary.replace(file)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
