"""Validated frameworks kept on disk, so a command does not parse and validate them again.

An entry is found by the SHA-256 of the framework file's bytes and those of its
translation files (:func:`~wimcheck.frameworks.translation_files.source_digest`)
together with wimcheck's version and the codec's version: an edited file, an edited,
added or removed translation file, a new wimcheck or a new codec simply misses. An entry
is three lines: a JSON header (what it is, for which file contents, and the SHA-256 of
the other two lines), the framework's summary (:mod:`summary`, all that ``frameworks
list`` reads) and the JSON payload of :mod:`cache_codec`. Anything that
does not check out (a truncated or edited entry, another program's file, JSON of another
shape) is ignored and rebuilt from the framework file. Nothing in an entry can run code
when it is read (JSON, no pickle). The cache is only a speed-up: when its folder cannot
be written, wimcheck works as before.

The bundled frameworks ship such entries pre-built (``prebuilt/<name>.json`` beside
them, written by :mod:`wimcheck.frameworks.prebuilt`), so a first run with an empty
cache needs neither the TOML parser nor validation for them. A pre-built entry is
checked exactly like a cached one (the same header, for the current bytes of the file
and its translations and for this wimcheck): a stale one is ignored.

What was checked is remembered with the files' stamps (:mod:`checked_files`): a
framework whose files and entry are unchanged since is neither read nor hashed again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from wimcheck import __version__
from wimcheck.frameworks.checked_files import recall, remember
from wimcheck.frameworks.summary import (
    FrameworkSummary,
    SummaryFormatError,
    decode_summary,
    encode_summary,
    summary_of,
)
from wimcheck.frameworks.translation_files import source_digest, translation_files
from wimcheck.paths import cache_dir

if TYPE_CHECKING:
    from wimcheck.frameworks.model import Framework

__all__ = [
    "CODEC_VERSION",
    "PREBUILT_DIR",
    "cache_key",
    "encode_entry",
    "framework_digest",
    "load_cached",
    "load_cached_summary",
    "load_prebuilt",
    "load_prebuilt_summary",
    "prebuilt_entry",
    "store_cached",
    "write_entry",
]

CODEC_VERSION = 5  # 4: a summary line between header and payload; 5: provenance translated
_KIND = "wimcheck framework cache"
_MAX_ENTRY_BYTES = 16 * 1024 * 1024
_MAX_HEADER_BYTES = 4096
PREBUILT_DIR = "prebuilt"  # beside the bundled framework files


def cache_key(source: str) -> str:
    """The name of the entry for a framework whose source (file and translations) has the
    SHA-256 ``source`` (:func:`~wimcheck.frameworks.translation_files.source_digest`)."""
    import hashlib  # noqa: PLC0415 - not needed for entries checked before

    return hashlib.sha256(f"{source}\0{__version__}\0{CODEC_VERSION}".encode()).hexdigest()


def _entry_path(source: str) -> Path:
    return cache_dir() / "frameworks" / f"{cache_key(source)}.json"


def _header(source: str, summary: bytes, payload: bytes) -> dict[str, object]:
    import hashlib  # noqa: PLC0415 - not needed for entries checked before

    return {
        "kind": _KIND,
        "codec": CODEC_VERSION,
        "wimcheck": __version__,
        "source_sha256": source,
        "summary_sha256": hashlib.sha256(summary).hexdigest(),
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
    }


def _read_entry(entry: Path) -> bytes | None:
    try:
        with entry.open("rb") as handle:
            data = handle.read(_MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= _MAX_ENTRY_BYTES else None


def prebuilt_entry(path: Path) -> Path:
    """Where the pre-built entry of the bundled framework file ``path`` is."""
    return path.parent / PREBUILT_DIR / f"{path.stem}.json"


def load_cached(path: Path, source: str) -> Framework | None:
    """The framework cached for the source digest ``source`` of ``path``, or None on any doubt."""
    return _framework(_checked_entry(_entry_path(source), source), path)


def load_prebuilt(path: Path, source: str) -> Framework | None:
    """The pre-built framework of the bundled file ``path`` if it was built from ``source``.

    Only for the bundled frameworks: their folder is wimcheck's own.
    """
    return _framework(_checked_entry(prebuilt_entry(path), source), path)


def load_cached_summary(source: str) -> FrameworkSummary | None:
    """The summary of the framework cached for the source digest ``source``, or None."""
    return _summary(_checked_summary(_entry_path(source), source))


def load_prebuilt_summary(path: Path, source: str) -> FrameworkSummary | None:
    """The summary of the bundled framework ``path`` from its pre-built entry, if current."""
    return _summary(_checked_summary(prebuilt_entry(path), source))


def _checked_key(entry: Path, source: str, part: str) -> str:
    """The key under which ``entry`` is remembered as checked (``part``: its summary only,
    or the whole entry) for the source digest ``source``."""
    return f"{part}\0{CODEC_VERSION}\0{entry}\0{source}"


def _known_good(entry: Path, source: str, *parts: str) -> bool:
    """Whether ``entry``, unchanged since, was checked for ``source`` (one of ``parts``).

    Asked after the entry was read: a file changed meanwhile has another stamp.
    """
    return any(recall(_checked_key(entry, source, part), [entry]) for part in parts)


def _checked_summary(entry: Path, source: str) -> bytes | None:
    """The summary line of ``entry`` if its header checks out for ``source`` and it.

    Only the first two lines are read: the payload, not used, is not checked either.
    """
    try:
        with entry.open("rb") as handle:
            header_line = handle.readline(_MAX_HEADER_BYTES)
            summary = handle.readline(_MAX_ENTRY_BYTES)
    except OSError:
        return None
    if not summary.endswith(b"\n"):
        return None
    summary = summary[:-1]
    if _known_good(entry, source, "entry", "summary"):
        return summary
    try:
        header = json.loads(header_line)
        expected = _header(source, summary, b"")
        if type(header) is not dict or header.keys() != expected.keys():
            return None
        del header["payload_sha256"], expected["payload_sha256"]
        if header != expected:
            return None
    except (ValueError, RecursionError):
        return None
    remember(_checked_key(entry, source, "summary"), [entry], "checked")
    return summary


def _checked_entry(entry: Path, source: str) -> tuple[bytes, bytes] | None:
    """The summary and payload lines of ``entry`` if its header checks out for ``source``."""
    data = _read_entry(entry)
    if data is None:
        return None
    lines = data.split(b"\n", 2)
    if len(lines) != 3:
        return None
    header_line, summary, payload = lines
    if _known_good(entry, source, "entry"):
        return summary, payload
    try:
        if json.loads(header_line) != _header(source, summary, payload):
            return None
    except (ValueError, RecursionError):
        return None
    remember(_checked_key(entry, source, "entry"), [entry], "checked")
    return summary, payload


def framework_digest(path: Path) -> str:
    """The source digest of the framework file ``path``
    (:func:`~wimcheck.frameworks.translation_files.source_digest`), from the record of
    checked files when neither it nor any of its translation files changed since.

    Raises:
        OSError: the framework file cannot be read.
    """
    files = [path, *translation_files(path).values()]
    key = f"source\0{path}"
    known = recall(key, files)
    if known is not None:
        return known
    digest = source_digest(path)
    remember(key, files, digest)
    return digest


def _summary(line: bytes | None) -> FrameworkSummary | None:
    if line is None:
        return None
    try:
        return decode_summary(json.loads(line))
    except (ValueError, SummaryFormatError, RecursionError):
        return None


def _framework(lines: tuple[bytes, bytes] | None, path: Path) -> Framework | None:
    from wimcheck.frameworks.cache_codec import CacheFormatError, decode_framework  # noqa: PLC0415

    if lines is None:
        return None
    try:
        return decode_framework(json.loads(lines[1]), path)
    except (ValueError, CacheFormatError, RecursionError):
        return None


def encode_entry(source: str, framework: Framework) -> bytes:
    """The entry for ``framework``, validated from the source of digest ``source``: header,
    summary, payload."""
    from wimcheck.frameworks.cache_codec import encode_framework  # noqa: PLC0415

    summary = json.dumps(encode_summary(summary_of(framework)), ensure_ascii=False).encode()
    payload = json.dumps(encode_framework(framework), ensure_ascii=False).encode("utf-8")
    header = json.dumps(_header(source, summary, payload)).encode("utf-8")
    return header + b"\n" + summary + b"\n" + payload


def write_entry(entry: Path, data: bytes) -> None:
    """Write ``data`` to ``entry`` atomically (a temporary file renamed).

    Raises:
        OSError: the folder cannot be made or written.
    """
    import tempfile  # noqa: PLC0415 - only when an entry is written

    entry.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        Path(temporary).replace(entry)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def store_cached(source: str, framework: Framework) -> None:
    """Keep ``framework`` (validated from the source of digest ``source``) for next time;
    quietly skip on errors."""
    try:
        write_entry(_entry_path(source), encode_entry(source, framework))
    except OSError:
        return
