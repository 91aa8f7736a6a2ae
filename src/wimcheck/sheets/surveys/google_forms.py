"""Google Forms, "Download responses (.csv)" or the linked sheet.

One header row: ``Timestamp`` (in the form owner's language), ``Email Address`` when
e-mails are collected, then the questions; a multiple-choice grid gives one column per
row, headed ``Question title [Row text]``. Answers are the option texts.
"""

from __future__ import annotations

from wimcheck.sheets.surveys.tool import SurveyTool, names

__all__ = ["TOOL"]

_TIMESTAMPS = (
    "Timestamp",
    "Zeitstempel",
    "Informazioni cronologiche",
    "Χρονική σήμανση",
    "Časovni žig",
    "Időbélyeg",
    "Времева марка",
)
_EMAILS = (
    "Email Address",
    "E-Mail-Adresse",
    "Indirizzo email",
    "Διεύθυνση ηλεκτρονικού ταχυδρομείου",
    "E-poštni naslov",
    "E-mail-cím",
    "Имейл адрес",
)

TOOL = SurveyTool(
    id="google-forms",
    name="Google Forms",
    markers=names(*_TIMESTAMPS, *_EMAILS),
    metadata=names(*_TIMESTAMPS, *_EMAILS, "Score", "Punktzahl", "Punteggio"),
)
