"""Competence frameworks: the file format, its validation, the catalogue and views of it.

Holds the strict pydantic model of a framework file (``schema``), the checks that turn
a file into a report of problems with line and column (``validation``), the plain frozen
core objects (``model``), discovery and loading (``catalog``), a text outline
(``outline``) and a JSON-ready export (``export``).

May import: the standard library, pydantic, and wimcheck's base modules (``errors``,
``messages``, ``numbers``, ``paths``, ``tomlio``, ``tomlpos``). Nothing else of wimcheck.
"""
