"""Competence frameworks: the file format and its translation files, validation, the
catalogue with its cache, and views of a framework.

Holds the strict pydantic model of a framework file (``schema``), the checks that turn a
file and its translation files into a report of problems with line and column
(``validation``), the plain frozen core objects (``model``), every translatable text by
its path and the putting in of translations (``texts``, ``translation_files``),
discovery and loading (``catalog``), validated frameworks kept on disk and shipped
pre-built (``cache``, ``cache_codec``, ``summary``, ``prebuilt``), a text outline
(``outline``) and a JSON-ready export (``export``).

May import: the standard library, pydantic, the package ``wimcheck.i18n`` and wimcheck's
base modules (``errors``, ``messages``, ``numbers``, ``paths``, ``plaintext``,
``tomlio``, ``tomlpos`` and the others of the bottom layer). Nothing else of wimcheck.
"""
