"""Validated frameworks kept on disk, so a command does not parse and validate them again.

An entry is found by the SHA-256 of the framework file's bytes and those of its
translation files (:func:`~wimcheck.frameworks.translation_files.framework_source`)
together with wimcheck's version and the codec's version: an edited file, an edited,
added or removed translation file, a new wimcheck or a new codec simply misses. An entry is two lines: a JSON header (what it is, for which file contents, and
the SHA-256 of the payload) and the JSON payload of :mod:`cache_codec`. Anything that
does not check out (a truncated or edited entry, another program's file, JSON of another
shape) is ignored and rebuilt from the framework file. Nothing in an entry can run code
when it is read (JSON, no pickle). The cache is only a speed-up: when its folder cannot
be written, wimcheck works as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from wimcheck import __version__
from wimcheck.frameworks.cache_codec import CacheFormatError, decode_framework, encode_framework
from wimcheck.frameworks.model import Framework
from wimcheck.paths import cache_dir

__all__ = ["CODEC_VERSION", "cache_key", "load_cached", "store_cached"]

CODEC_VERSION = 3
_KIND = "wimcheck framework cache"
_MAX_ENTRY_BYTES = 16 * 1024 * 1024


def cache_key(content: bytes) -> str:
    """The name of the entry for a framework made from these bytes (file and translations)."""
    digest = hashlib.sha256(content)
    digest.update(f"\0{__version__}\0{CODEC_VERSION}".encode())
    return digest.hexdigest()


def _entry_path(content: bytes) -> Path:
    return cache_dir() / "frameworks" / f"{cache_key(content)}.json"


def _header(content: bytes, payload: bytes) -> dict[str, object]:
    return {
        "kind": _KIND,
        "codec": CODEC_VERSION,
        "wimcheck": __version__,
        "source_sha256": hashlib.sha256(content).hexdigest(),
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
    }


def _read_entry(entry: Path) -> bytes | None:
    try:
        with entry.open("rb") as handle:
            data = handle.read(_MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= _MAX_ENTRY_BYTES else None


def load_cached(path: Path, content: bytes) -> Framework | None:
    """The framework cached for ``content`` (the bytes of ``path``), or None on any doubt."""
    data = _read_entry(_entry_path(content))
    if data is None:
        return None
    header_line, _, payload = data.partition(b"\n")
    try:
        header = json.loads(header_line)
        if header != _header(content, payload):
            return None
        return decode_framework(json.loads(payload), path)
    except (ValueError, CacheFormatError, RecursionError):
        return None


def store_cached(content: bytes, framework: Framework) -> None:
    """Keep ``framework`` (validated from ``content``) for next time; quietly skip on errors."""
    payload = json.dumps(encode_framework(framework), ensure_ascii=False).encode("utf-8")
    header = json.dumps(_header(content, payload)).encode("utf-8")
    entry = _entry_path(content)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(header + b"\n" + payload)
            Path(temporary).replace(entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
