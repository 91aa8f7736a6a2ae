"""wimcheck in several languages: the language chosen, the catalogues, locale formats.

The English source of every sentence stays in :mod:`wimcheck.messages`; this package
chooses the language (:mod:`~wimcheck.i18n.language`), loads the compiled gettext
catalogues (:mod:`~wimcheck.i18n.catalogues`), formats numbers and dates per locale
(:mod:`~wimcheck.i18n.formats`, with Babel) and holds the translators' tooling
(``python -m wimcheck.i18n.tools``). Nothing is imported here, so that importing one
module stays cheap.
"""
