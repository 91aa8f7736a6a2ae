"""Telling the legacy code pages of Europe apart, for a CSV sheet that is not UTF-8.

Every candidate code page reads the lines that have bytes above 127 (only they differ
between code pages). Readings that give the same text are one reading; a reading whose
header lacks what a sheet's header must contain is wrong. The winner must be clearly
ahead of every other reading
(:func:`_comparison`): fewer implausible words (:mod:`wimcheck.sheets.alphabets`), rare
letters, or regions of Europe whose languages write the words; the code page programs
write by default; or charset-normalizer's mess ratio. When no reading is, the file is rejected with the readings shown, never
scored as mojibake.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from wimcheck.errors import InputFileError
from wimcheck.messages import t
from wimcheck.records import record
from wimcheck.sheets.alphabets import plausible, rare_letters, regions_of
from wimcheck.sheets.header import HeaderCheck

__all__ = ["LEGACY_ENCODINGS", "legacy_encoding"]

# The code pages spreadsheet programs write CSV in by default (Excel for Windows in each
# country, Excel for Mac before 2016); most used first: when two read a file the same,
# the first is named.
DEFAULT_CODE_PAGES = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1257", "cp1254", "mac_roman")
# ISO code pages, from older Linux and Unix programs.
ISO_CODE_PAGES = (
    "iso8859_15",
    "iso8859_1",
    "iso8859_2",
    "iso8859_3",
    "iso8859_5",
    "iso8859_7",
    "iso8859_13",
)
LEGACY_ENCODINGS = DEFAULT_CODE_PAGES + ISO_CODE_PAGES

_SAMPLE_BYTES = 1 << 16  # of lines with bytes above 127: plenty to tell code pages apart
_MAX_WORDS = 3000
_SEPARATORS = re.compile(r"[\x00-\x20;,|\"()\[\]{}/\\:!?*+=<>0-9]+")
_OUTER_MARKS = "-'’.·"
# Romanian s and t with comma below (ISO-8859-16) and with cedilla (Windows-1250) are
# one letter to a reader: readings differing only there are one reading.
_SAME_LETTERS = str.maketrans("ȘșȚț", "ŞşŢţ")
_NOISE_SHARE = 0.25  # the winning reading may have at most this share of odd words
_CLEAR_MESS = 0.1  # a lead in charset-normalizer's mess ratio that decides
_FEW_WORDS = 3  # fewer words read differently cannot tell by rare letters or code page


@record
class _Reading:
    """A candidate code page's reading of the lines that have bytes above 127."""

    encoding: str
    words: tuple[str, ...]
    odd: int
    rare: int
    regions: int
    mess: float = 0.0

    @property
    def default(self) -> bool:
        """Whether programs write this code page by default (Windows, Mac)."""
        return self.encoding in DEFAULT_CODE_PAGES


def _informative_sample(path: Path) -> bytes:
    """The lines with bytes above 127 (up to a bound): they alone tell code pages apart."""
    kept: list[bytes] = []
    size = 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.isascii():
                kept.append(line[:_SAMPLE_BYTES])
                size += len(kept[-1])
                if size >= _SAMPLE_BYTES:
                    break
    return b"".join(kept)


def _words(text: str) -> tuple[str, ...]:
    """The words with letters or signs beyond ASCII (in the same places in every reading)."""
    tokens = (w for w in _SEPARATORS.split(text) if not w.isascii())
    return tuple(w.strip(_OUTER_MARKS) for w in tokens)[:_MAX_WORDS]


def _regions_needed(words: Iterable[str]) -> int:
    """How many regions' languages it takes to write all ``words`` (greedy set cover)."""
    remaining = [regions_of(w) for w in words]
    count = 0
    while remaining:
        counts = Counter(language for options in remaining for language in options)
        best = max(sorted(counts), key=lambda name: counts[name])
        remaining = [options for options in remaining if best not in options]
        count += 1
    return count


def _reading(encoding: str, sample: bytes) -> _Reading | None:
    try:
        words = _words(sample.decode(encoding))
    except UnicodeDecodeError:
        return None
    good = [w for w in words if plausible(w)]
    rare = sum(rare_letters(w) for w in good)
    return _Reading(encoding, words, len(words) - len(good), rare, _regions_needed(good))


def _header_fits(encoding: str, start: bytes, header_ok: HeaderCheck | None) -> bool:
    if header_ok is None:
        return True
    try:
        text = start.split(b"\n", 1)[0].decode(encoding)
    except UnicodeDecodeError:
        return False
    return header_ok([cell.strip(" \"'\r") for cell in re.split(r"[;,\t]", text)])


def _distinct_readings(
    sample: bytes, start: bytes, header_ok: HeaderCheck | None
) -> list[_Reading]:
    """One reading per distinct text, without those whose header is wrong.

    When no reading has a right header, the header is wrong whatever the encoding (it is
    reported as such later) and does not decide.
    """
    readings = [r for e in LEGACY_ENCODINGS if (r := _reading(e, sample)) is not None]
    fitting = [r for r in readings if _header_fits(r.encoding, start, header_ok)]
    distinct: dict[tuple[str, ...], _Reading] = {}
    for reading in fitting or readings:
        distinct.setdefault(tuple(w.translate(_SAME_LETTERS) for w in reading.words), reading)
    return list(distinct.values())


def _with_mess(readings: Sequence[_Reading], sample: bytes) -> list[_Reading]:
    """Each reading with charset-normalizer's mess ratio (1.0 when it finds a mess)."""
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for legacy files

    mess: dict[str, float] = {}
    for match in from_bytes(sample, cp_isolation=[r.encoding for r in readings]):
        for name in [match.encoding, *match.could_be_from_charset]:
            mess.setdefault(codecs.lookup(name).name, match.chaos)
    return [replace(r, mess=mess.get(codecs.lookup(r.encoding).name, 1.0)) for r in readings]


def _comparison(a: _Reading, b: _Reading) -> int:
    """> 0 when ``a`` is clearly ahead of ``b``, < 0 when behind, 0 when level.

    In turn: fewer odd words; fewer rare letters (once the two read :data:`_FEW_WORDS`
    words differently: ``Σοφία`` has a rare letter, yet is right); fewer regions of
    languages needed to write all words (``Lefèvre`` among ``Zoë`` and ``Noël`` is Western
    European, ``Lefčvre`` is not); a code page programs write by default (again once
    :data:`_FEW_WORDS` words differ); a clear lead in charset-normalizer's mess ratio.
    """
    differing = {x for x, y in zip(a.words, b.words, strict=False) if x != y}
    many = len(differing) >= _FEW_WORDS
    scores = [b.odd - a.odd, b.rare - a.rare if many else 0, b.regions - a.regions]
    if many:
        scores.append(a.default - b.default)
    if abs(a.mess - b.mess) >= _CLEAR_MESS:
        scores.append(1 if a.mess < b.mess else -1)
    return next((score for score in scores if score), 0)


def _decided(readings: list[_Reading]) -> _Reading | None:
    """The one reading clearly ahead of every other, if there is one."""
    fewest_odd = min(r.odd for r in readings)
    contenders = [r for r in readings if r.odd == fewest_odd]
    if fewest_odd > _NOISE_SHARE * len(contenders[0].words):
        return None
    ahead = [a for a in contenders if all(_comparison(a, b) > 0 for b in contenders if b is not a)]
    return ahead[0] if len(ahead) == 1 else None


def legacy_encoding(path: Path, start: bytes, header_ok: HeaderCheck | None) -> str:
    """The legacy code page of ``path`` (``start``: its first bytes).

    Raises:
        InputFileError: no reading is clearly the right one.
    """
    sample = _informative_sample(path)
    readings = _distinct_readings(sample, start, header_ok)
    if len(readings) == 1:
        return readings[0].encoding
    if readings:
        readings = sorted(_with_mess(readings, sample), key=lambda r: (r.odd, r.rare, r.mess))
        decided = _decided(readings)
        if decided is not None:
            return decided.encoding
    raise InputFileError(t("sheet.encoding-unsure", readings=_examples(readings)), path=path)


def _examples(readings: list[_Reading]) -> str:
    """The first word the readings disagree on, as each reads it: ``'Иван' (cp1251), ...``."""
    if not readings:
        return t("sheet.encoding-none")
    shown = [r for r in readings if r.odd == readings[0].odd][:3]
    common = min(len(r.words) for r in shown)
    index = next((i for i in range(common) if len({r.words[i] for r in shown}) > 1), 0)
    return ", ".join(
        f"'{r.words[index]}' ({r.encoding})" if index < len(r.words) else f"({r.encoding})"
        for r in shown
    )
