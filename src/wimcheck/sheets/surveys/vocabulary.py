"""Words a survey export uses in the seven languages of wimcheck (en de it el sl hu bg):
the headings of a question asking who answers, and the answers meaning "not applicable".

Declarative tables, and the words wimcheck's own forms use (the XLSForm's respondent
question and "not applicable" choice, from the catalogues, so that an export of a form
wimcheck wrote is read in every language the catalogues have); compared after
:func:`~wimcheck.sheets.surveys.normal.normal_text`.
"""

from __future__ import annotations

from functools import cache

from wimcheck.i18n.language import SUPPORTED_LANGUAGES
from wimcheck.messages import t
from wimcheck.sheets.surveys.normal import cut_text, normal_text

__all__ = ["NA_WORDS", "is_not_applicable", "respondent_rank"]

# wimcheck's own labels: the XLSForm's respondent question ("Your name or code", and in
# easy-read "Your name", ranked with the other names), its "not applicable" choice
_OWN_RESPONDENT_KEY = "xlsform.respondent"
_OWN_RESPONDENT_NAME_KEY = "xlsform.respondent.easy-read"
_OWN_NA_KEYS = ("template.xlsx.na", "paper.na.easy-read")
_CUT_AT_LEAST = 8  # characters a heading cut short keeps to be taken for a respondent name


def _own_words(*keys: str) -> tuple[str, ...]:
    """The messages ``keys`` in every language of the catalogues, normalised."""
    return tuple(normal_text(t(key, lang)) for key in keys for lang in SUPPORTED_LANGUAGES)


# most telling first: a participant code wins over a name, a name over an e-mail address
_RESPONDENT_HEADINGS = (
    # en
    "respondent",
    "respondent code",
    "respondent id",
    "participant",
    "participant code",
    "participant id",
    "code",
    "your code",
    "pseudonym",
    "nickname",
    # de
    "Teilnehmer",
    "Teilnehmerin",
    "Teilnehmende",
    "Teilnehmercode",
    "Teilnehmer-Code",
    "Code der Teilnehmenden",
    "Befragte",
    "Befragter",
    "Ihr Code",
    "Kürzel",
    # it
    "partecipante",
    "codice partecipante",
    "codice del partecipante",
    "rispondente",
    "codice",
    "il suo codice",
    # el
    "συμμετέχων",
    "συμμετέχουσα",
    "κωδικός",
    "κωδικός συμμετέχοντα",
    "ερωτώμενος",
    # sl
    "udeleženec",
    "udeleženka",
    "koda",
    "šifra",
    "koda udeleženca",
    "anketiranec",
    # hu
    "résztvevő",
    "résztvevő kódja",
    "kód",
    "azonosító",
    "válaszadó",
    # bg
    "участник",
    "код",
    "код на участника",
    "респондент",
    # names, after every code
    "name",
    "your name",
    "full name",
    "Name",
    "Ihr Name",
    "Vor- und Nachname",
    "nome",
    "nome e cognome",
    "όνομα",
    "ονοματεπώνυμο",
    "ime",
    "ime in priimek",
    "név",
    "teljes név",
    "име",
    "име и фамилия",
    "email",
    "e-mail",
)


@cache
def _ranks() -> dict[str, int]:
    """Each respondent heading and its rank: the question of wimcheck's own form first, then
    the table's, then the easy-read form's (a name, after every code)."""
    headings = (
        *_own_words(_OWN_RESPONDENT_KEY),
        *map(normal_text, _RESPONDENT_HEADINGS),
        *_own_words(_OWN_RESPONDENT_NAME_KEY),
    )
    return {name: rank for rank, name in enumerate(dict.fromkeys(headings))}


@cache
def _long_names() -> tuple[str, ...]:
    return tuple(name for name in _ranks() if " " in name)


def respondent_rank(heading: str) -> int | None:
    """How telling ``heading`` is as the respondent column (0 best), or None if it is not.

    The heading is one of the names, or ends with one of more than one word after a
    question code or a few words (``G01Q01. Participant code``, ``Your participant code``),
    or is the beginning of one cut short (``Participant cod..``).
    """
    text = normal_text(heading)
    ranks = _ranks()
    if text in ranks:
        return ranks[text]
    endings = [ranks[name] for name in _long_names() if text.endswith(" " + name)]
    cut = cut_text(heading)
    beginning = normal_text(cut) if cut else ""
    if len(beginning) >= _CUT_AT_LEAST:  # LimeSurvey's abbreviated ``Participant cod..``
        endings += [rank for name, rank in ranks.items() if name.startswith(beginning)]
    return min(endings, default=None)


_NOT_APPLICABLE = (
    # en
    "n/a",
    "na",
    "n.a.",
    "not applicable",
    "does not apply",
    "does not apply to me",
    # de
    "nicht zutreffend",
    "trifft nicht zu",
    "entfällt",
    "n/z",
    # it
    "non applicabile",
    "non pertinente",
    "non si applica",
    # el
    "δεν εφαρμόζεται",
    "δεν ισχύει",
    "δ/ε",
    # sl
    "ni relevantno",
    "se ne nanaša",
    "ne velja",
    # hu
    "nem releváns",
    "nem vonatkozik rám",
    "nem értelmezhető",
    # bg
    "неприложимо",
    "не се отнася",
    "не е приложимо",
)

NA_WORDS: frozenset[str] = frozenset(normal_text(word) for word in _NOT_APPLICABLE)


@cache
def _own_na_words() -> frozenset[str]:
    return frozenset(_own_words(*_OWN_NA_KEYS))


def is_not_applicable(words: str) -> bool:
    """Whether ``words`` (normalised) mean "not applicable": a word of the table, or the
    label wimcheck's own forms give it (``Not my work`` in easy-read) in any language."""
    return words in NA_WORDS or words in _own_na_words()
