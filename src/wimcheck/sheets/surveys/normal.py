"""Texts compared the way people see them: case, spaces, punctuation and Unicode forms aside.

A column heading or an answer from a survey tool is compared with a framework's texts
after :func:`normal_text` (which also leaves out the invisible characters wimcheck's own
XLSForm adds to keep a label plain text); a statement id after :func:`id_key`, which also
drops the separators tools put in or take out (``WIM.FND.1.a``, ``WIM_FND_1_a``,
``WIMFND1a``). LimeSurvey's headings are taken apart by :func:`subquestion_code` and
:func:`cut_text`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["bracketed", "cut_text", "id_key", "normal_text", "path_tails", "subquestion_code"]

_SPACES = re.compile(r"\s+")
_ID_SEPARATORS = re.compile(r"[\s._\-/:]+")
_TRAILING_BRACKET = re.compile(r"\[([^\[\]]*)\]\s*$")
# LimeSurvey's "abbreviated" headings: a text's first characters, then ".."
_CUT = re.compile(r"^(.*\S)\s*\.\.\s*$", re.DOTALL)
_PATH_SEPARATORS = re.compile(r"[/\-:]")
# LimeSurvey's ExpressionScript code of a subquestion: question code, "_", subquestion code
# (both letters and digits only); a subquestion code of digits alone is a row number
_SUBQUESTION_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]*_([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*)$")


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _is_invisible(char: str) -> bool:
    """A format character (WORD JOINER, zero-width space, soft hyphen): wimcheck's own
    XLSForm puts WORD JOINERs into labels so that apps show them as plain text."""
    return unicodedata.category(char) == "Cf"


def normal_text(text: str) -> str:
    """``text`` in NFC, case-folded, punctuation and symbols as spaces, invisible format
    characters left out, spaces collapsed."""
    folded = unicodedata.normalize("NFC", text).casefold()
    spaced = "".join(
        " " if _is_punctuation(char) else char for char in folded if not _is_invisible(char)
    )
    return _SPACES.sub(" ", spaced).strip()


def id_key(text: str) -> str:
    """A statement id or heading without case and separators: ``WIM_FND_1_a`` → ``wimfnd1a``."""
    return _ID_SEPARATORS.sub("", unicodedata.normalize("NFC", text).casefold())


def bracketed(text: str) -> str | None:
    """What a heading ends with in square brackets (``Title [Row]`` → ``Row``), or None."""
    match = _TRAILING_BRACKET.search(text)
    return None if match is None else match.group(1)


def path_tails(text: str) -> list[str]:
    """``text`` and each part of it after a group separator (``/``, ``-``, ``:``):
    ``fnd-WIM_FND_1_a`` → ``fnd-WIM_FND_1_a``, ``WIM_FND_1_a``."""
    tails = [text]
    tails += [text[m.end() :] for m in _PATH_SEPARATORS.finditer(text) if text[m.end() :]]
    return tails


def subquestion_code(text: str) -> str | None:
    """The subquestion code of a LimeSurvey ExpressionScript heading (``G02Q01_WIMFND1a``
    → ``WIMFND1a``), or None; a code of digits alone (``Q2_1``) is not one."""
    match = _SUBQUESTION_CODE.match(text.strip())
    return None if match is None else match.group(1)


def cut_text(text: str) -> str | None:
    """The beginning of a text cut short as LimeSurvey's abbreviated headings cut it
    (``I can explain i.. `` → ``I can explain i``), or None if ``text`` is not cut."""
    match = _CUT.match(text)
    return None if match is None else match.group(1)
