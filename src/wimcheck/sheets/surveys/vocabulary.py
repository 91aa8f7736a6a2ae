"""Words a survey export uses in the seven languages of wimcheck (en de it el sl hu bg):
the headings of a question asking who answers, and the answers meaning "not applicable".

Declarative tables; compared after :func:`~wimcheck.sheets.surveys.normal.normal_text`.
"""

from __future__ import annotations

from wimcheck.sheets.surveys.normal import normal_text

__all__ = ["NA_WORDS", "RESPONDENT_NAMES", "respondent_rank"]

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

RESPONDENT_NAMES: tuple[str, ...] = tuple(
    dict.fromkeys(normal_text(h) for h in _RESPONDENT_HEADINGS)
)
_RANKS = {name: rank for rank, name in enumerate(RESPONDENT_NAMES)}
_LONG_NAMES = tuple(name for name in RESPONDENT_NAMES if " " in name)


def respondent_rank(heading: str) -> int | None:
    """How telling ``heading`` is as the respondent column (0 best), or None if it is not.

    The heading is one of the names, or ends with one of more than one word after a
    question code or a few words (``G01Q01. Participant code``, ``Your participant code``).
    """
    text = normal_text(heading)
    if text in _RANKS:
        return _RANKS[text]
    endings = [_RANKS[name] for name in _LONG_NAMES if text.endswith(" " + name)]
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
