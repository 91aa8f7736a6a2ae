"""The text encoding of a CSV sheet, as European trainers' programs write them.

In order: the encoding named with ``--encoding``; a byte order mark (UTF-8, UTF-16 as
Excel's "Unicode text", UTF-32); UTF-16 without one (every other byte zero); UTF-8 (the
whole file is checked, in chunks); else one of the legacy code pages of Europe
(:mod:`wimcheck.sheets.legacy`). Except for UTF-8, which is checked on the way, the
whole file is then checked to decode, so a sheet is read whole or not at all.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from wimcheck.errors import InputFileError
from wimcheck.messages import t
from wimcheck.sheets.header import HeaderCheck

__all__ = ["HeaderCheck", "choose_encoding", "known_encoding"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHUNK = 1 << 20
_HEADER_BYTES = 1 << 16


def known_encoding(name: str) -> str:
    """The codec name of ``name`` (``cp1251``, ``windows-1251``, ``latin-1``, ...).

    Raises:
        LookupError: no such text encoding.
    """
    info = codecs.lookup(name)
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError(name)
    return info.name


def _bom_encoding(start: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if start.startswith(bom):
            return encoding
    return None


def _undecodable_line(path: Path, encoding: str) -> int | None:
    """The number of the first line ``encoding`` cannot decode (0 if unknown), or None."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
                offset += len(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
                return 0  # lines are not counted in bytes
            handle.seek(0)
            before = handle.read(max(offset + exc.start, 0))
            return before.count(b"\n") + 1
    return None


def _utf16_without_bom(start: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when every other byte of the first line is zero."""
    line = start.split(b"\n\x00", 1)[0] if b"\n\x00" in start else start.split(b"\x00\n", 1)[0]
    if len(line) < 8:
        return None
    if line[1::2].count(0) == len(line[1::2]) and 0 not in line[0::2]:
        return "utf-16-le"
    if line[0::2].count(0) == len(line[0::2]) and 0 not in line[1::2]:
        return "utf-16-be"
    return None


def _decodable(path: Path, encoding: str) -> str:
    """``encoding``, once the whole file is known to decode with it.

    Raises:
        InputFileError: a byte the encoding has no character for, with its line.
    """
    line = _undecodable_line(path, encoding)
    if line is None:
        return encoding
    raise InputFileError(
        t("sheet.undecodable", encoding=encoding, detail=t("sheet.undecodable.byte")),
        path=path,
        line=line or None,
    )


def choose_encoding(
    path: Path, forced: str | None = None, header_ok: HeaderCheck | None = None
) -> str:
    """The encoding to read the CSV sheet ``path`` with (``forced`` wins when given).

    Raises:
        InputFileError: the encoding cannot be told with confidence, or the file does
            not decode with it.
    """
    with path.open("rb") as handle:
        start = handle.read(_HEADER_BYTES)
    if forced is not None:
        return _decodable(path, "utf-8-sig" if known_encoding(forced) == "utf-8" else forced)
    bom = _bom_encoding(start) or _utf16_without_bom(start)
    if bom is not None:
        return _decodable(path, bom)
    if _undecodable_line(path, "utf-8") is None:
        return "utf-8-sig"
    from wimcheck.sheets.legacy import legacy_encoding  # noqa: PLC0415 - rarely needed

    return _decodable(path, legacy_encoding(path, start, header_ok))
