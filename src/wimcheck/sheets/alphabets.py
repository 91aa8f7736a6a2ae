"""Which European languages a word can be written in: helps to tell legacy encodings apart.

A legacy code page turns each byte above 127 into one letter or sign; the same bytes
read with the wrong code page give words no language writes (``Èâàí`` for ``Иван``,
``£ukasz`` for ``Łukasz``). A word is *plausible* when it is made of letters of one
script, has a usual pattern of capitals, has vowels, and all its letters beyond a-z
belong to the alphabet of one language. Only words with such letters are judged: plain
a-z reads the same in every candidate encoding.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["plausible", "rare_letters", "regions_of"]

# The letters beyond a-z of the languages of the EU, EEA and candidate countries that
# legacy code pages were made for (lower case; Latin-script languages). Only letters of
# each language's own alphabet: letters of loanwords would let a language explain
# mojibake.
LATIN_EXTRA: dict[str, str] = {
    "Albanian": "çë",
    "Catalan": "àçéèíïòóúü",
    "Croatian": "čćđšž",
    "Czech": "áčďéěíňóřšťúůýž",
    "Danish": "æøåé",
    "Dutch": "áéèêëïóöü",
    "Estonian": "äõöüšž",
    "Finnish": "äöåšž",
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Hungarian": "áéíóöőúüű",
    "Icelandic": "áðéíóúýþæö",
    "Irish": "áéíóú",
    "Italian": "àèéìòù",
    "Latvian": "āčēģīķļņšūž",
    "Lithuanian": "ąčęėįšųūž",
    "Luxembourgish": "äëéö",
    "Maltese": "àċèġħìòùż",
    "Norwegian": "æøåéèêóòô",
    "Polish": "ąćęłńóśźż",
    "Portuguese": "áâãàçéêíóôõú",
    "Romanian": "ăâîșțşţ",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Slovene": "čšžćđ",
    "Spanish": "áéíñóúü",
    "Swedish": "åäöé",
    "Turkish": "çğıöşü",
}

# Whole alphabets (lower case) of the Cyrillic and Greek script languages.
OTHER_SCRIPTS: dict[str, str] = {
    "Belarusian": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "Bulgarian": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "Macedonian": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "Russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "Serbian": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "Ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "Greek": "αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ",
}

# The letters that make up most Cyrillic and Greek text (the most frequent letters of
# Russian, Bulgarian, Ukrainian and Serbian; of Greek). A Cyrillic text read with a
# Greek code page, or the other way round, is made of letters of one alphabet, but of
# its rare ones (``ΐ`` and ``ΰ`` for the Cyrillic ``А`` and ``а``).
COMMON_LETTERS = frozenset("оеаинтсрвлкмдпугяызбйьчхжцъщішј" + "ατοιενρσκηπςυμλίόάγέδήωχθύ")

# The languages each family of legacy code pages was made for. A sheet in a legacy code
# page usually holds names of one such region; a reading of it that needs more regions
# than another is less likely.
REGIONS: dict[str, tuple[str, ...]] = {
    "Western": (
        "Albanian",
        "Catalan",
        "Danish",
        "Dutch",
        "Finnish",
        "French",
        "German",
        "Icelandic",
        "Irish",
        "Italian",
        "Luxembourgish",
        "Norwegian",
        "Portuguese",
        "Spanish",
        "Swedish",
    ),
    "Central": ("Croatian", "Czech", "Hungarian", "Polish", "Romanian", "Slovak", "Slovene"),
    "Baltic": ("Estonian", "Latvian", "Lithuanian"),
    "Cyrillic": ("Belarusian", "Bulgarian", "Macedonian", "Russian", "Serbian", "Ukrainian"),
    "Greek": ("Greek",),
    "Turkish": ("Turkish",),
    "Maltese": ("Maltese",),
}
_REGION_OF = {language: region for region, names in REGIONS.items() for language in names}

_ALPHABETS: dict[str, frozenset[str]] = {
    **{name: frozenset(letters) for name, letters in LATIN_EXTRA.items()},
    **{name: frozenset(letters) for name, letters in OTHER_SCRIPTS.items()},
}
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
_VOWELS = frozenset("aeiouyæøœаеёиоуыэюяєіїъαεηιουω")
_GREEK_ACCENTED = frozenset("άέήίόύώΐΰ")
_INNER_MARKS = frozenset("-'’.·")


def _base(letter: str) -> str:
    """The letter without its accents (``é`` -> ``e``), lower case."""
    decomposed = unicodedata.normalize("NFD", letter.lower())
    return decomposed[0] if decomposed else letter


@lru_cache(maxsize=4096)
def languages_of(word: str) -> frozenset[str]:
    """The languages whose alphabet has every letter of ``word`` beyond a-z."""
    extra = {"i" if c == "İ" else c.lower() for c in word if not c.isascii() and c.isalpha()}
    return frozenset(name for name, alphabet in _ALPHABETS.items() if extra <= alphabet)


@lru_cache(maxsize=4096)
def regions_of(word: str) -> frozenset[str]:
    """The regions (:data:`REGIONS`) of the languages that can write ``word``."""
    return frozenset(_REGION_OF[language] for language in languages_of(word))


def _script(letter: str) -> str | None:
    name = unicodedata.name(letter, "")
    script = name.split(" ", 1)[0]
    return script if script in _SCRIPTS else None


def _capitals_usual(letters: str) -> bool:
    """``anna``, ``Anna``, ``ANNA``; not ``aNNa`` or ``AnNa``."""
    rest = letters[1:]
    return rest.islower() or rest.isupper() or not rest


def _greek_usual(word: str) -> bool:
    lowered = word.lower()
    if "ς" in lowered[:-1] or (len(lowered) > 1 and lowered.endswith("σ")):
        return False
    return sum(1 for c in lowered if c in _GREEK_ACCENTED) <= 1


@lru_cache(maxsize=4096)
def plausible(word: str) -> bool:
    """Whether ``word`` (a word with letters beyond a-z) looks like a word of a language."""
    if any(not (c.isalpha() or c in _INNER_MARKS) for c in word):
        return False
    letters = "".join(c for c in word if c.isalpha())
    if not letters:
        return False
    scripts = {_script(c) for c in letters}
    if len(scripts) != 1 or None in scripts:
        return False
    if not _capitals_usual(letters):
        return False
    if len(letters) >= 3 and sum(_base(c) in _VOWELS for c in letters) < 0.2 * len(letters):
        return False
    if scripts == {"GREEK"} and not _greek_usual(letters):
        return False
    return bool(languages_of(word))


@lru_cache(maxsize=4096)
def rare_letters(word: str) -> int:
    """How many Cyrillic or Greek letters of ``word`` are rare in their languages."""
    return sum(
        1
        for c in word.lower()
        if not c.isascii() and c not in COMMON_LETTERS and _script(c) in ("CYRILLIC", "GREEK")
    )
