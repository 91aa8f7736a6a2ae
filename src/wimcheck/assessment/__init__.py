"""One person's assessment: questionnaire, sessions, response files, scoring, plans, result.

The questionnaire engine (no I/O), unfinished sessions saved after every answer,
response sets and the TOML response file, scoring of answers into competence levels and
gaps, training plans within a budget of hours, and the typed person result that every
renderer takes.

May import: ``wimcheck.frameworks`` and the base modules. Never ``sheets``, ``batch``,
``reports`` or ``cli``.
"""
