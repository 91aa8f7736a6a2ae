"""What is wrong with the catalogues: the checks that CI runs (tests/test_i18n_catalogues.py).

Every problem names the file, the line, a code and the message key. Codes in
:data:`COMPLETENESS` say that a catalogue is not finished (untranslated entries, no
translator named); every other code says that it is wrong or out of date.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Sequence
from pathlib import Path

from babel.messages.catalog import Message

from wimcheck.i18n.catalogues import LOCALE_ROOT, REVIEWED, TRANSLATED_BY, catalogue_path
from wimcheck.i18n.language import SOURCE_LANGUAGE
from wimcheck.i18n.po import WimcheckCatalog, compiled, plural_forms, read_catalogue
from wimcheck.i18n.template import SourceMessage, placeholders, source_messages
from wimcheck.messages import t
from wimcheck.records import record

__all__ = [
    "COMPLETENESS",
    "Problem",
    "check_all",
    "check_catalogue",
    "check_compiled",
    "check_template",
    "template_path",
]

COMPLETENESS = frozenset({"untranslated", "provenance"})


@record
class Problem:
    """One thing wrong with a catalogue file."""

    path: Path
    line: int | None
    code: str
    key: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        path = (
            self.path.relative_to(Path.cwd()) if self.path.is_relative_to(Path.cwd()) else self.path
        )
        where = f"{path}:{self.line}" if self.line else str(path)
        key = f"{self.key}: " if self.key else ""
        return t("i18n.problem", where=where, code=self.code, key=key, message=self.message)


def template_path(root: Path | None = None) -> Path:
    """The template (POT) made from :mod:`wimcheck.messages`."""
    return (root or LOCALE_ROOT) / "wimcheck.pot"


def _template_entries(messages: Iterable[SourceMessage | Message]) -> list[tuple[object, ...]]:
    entries: list[tuple[object, ...]] = []
    for m in messages:
        if isinstance(m, SourceMessage):
            entries.append((m.context, m.msgid, m.notes))
        elif m.id:
            entries.append((m.context, m.id, tuple(m.auto_comments)))
    return entries


def check_template(root: Path | None = None) -> list[Problem]:
    """Whether the template holds exactly the texts and notes of :mod:`wimcheck.messages`."""
    path = template_path(root)
    hint = t("i18n.hint.update")
    if not path.is_file():
        return [Problem(path, None, "pot-stale", "", t("i18n.pot-stale"), hint)]
    found = _template_entries(read_catalogue(path, None))
    expected = _template_entries(source_messages())
    if found == expected:
        return []
    first = next((e for e, f in zip(expected, found, strict=False) if e != f), expected[-1])
    return [Problem(path, None, "pot-stale", str(first[0]), t("i18n.pot-stale"), hint)]


def _same_rule(one: str, other: str) -> bool:
    """Whether two ``Plural-Forms`` choose the same form for every count up to 1000."""

    def rule(forms: str) -> tuple[str, object]:
        parts = dict(p.strip().split("=", 1) for p in forms.strip().rstrip(";").split(";"))
        return parts["nplurals"].strip(), gettext.c2py(parts["plural"].strip())

    (count_a, choose_a), (count_b, choose_b) = rule(one), rule(other)
    numbers = range(1001)
    return count_a == count_b and all(choose_a(n) == choose_b(n) for n in numbers)  # type: ignore[operator]


def _header_problems(path: Path, catalog: WimcheckCatalog, lang: str) -> list[Problem]:
    problems = []
    found = str(catalog.locale_identifier or "")
    if found != lang:
        message = t("i18n.language", found=found, lang=lang)
        problems.append(Problem(path, 1, "language", "", message))
    if not _same_rule(catalog.plural_forms, plural_forms(lang)):
        message = t("i18n.plural-forms", lang=lang, expected=plural_forms(lang))
        problems.append(Problem(path, 1, "plural-forms", "", message))
    if lang == SOURCE_LANGUAGE:
        return problems
    if not catalog.provenance.get(TRANSLATED_BY):
        message = t("i18n.provenance", header=TRANSLATED_BY)
        problems.append(Problem(path, 1, "provenance", "", message))
    reviewed = catalog.provenance.get(REVIEWED, "")
    if reviewed not in ("yes", "no"):
        message = t("i18n.reviewed", header=REVIEWED, found=reviewed)
        problems.append(Problem(path, 1, "reviewed", "", message))
    return problems


def _forms(message: Message) -> tuple[str, ...]:
    string = message.string
    if isinstance(string, list | tuple):
        return tuple(form or "" for form in string)
    return (string or "",)


def _text_problems(where: tuple[Path, int | None, str], form: str, english: str) -> list[Problem]:
    """Placeholders, braces and spaces of one translated form against the English."""
    path, line, key = where
    try:
        found = placeholders(form)
    except ValueError as exc:
        return [Problem(path, line, "format", key, t("i18n.format", detail=exc))]
    problems = []
    expected = placeholders(english)
    if found != expected:
        message = t(
            "i18n.placeholders",
            found=", ".join(sorted(f"{{{n}}}" for n in found)) or "-",
            expected=", ".join(sorted(f"{{{n}}}" for n in expected)) or "-",
        )
        problems.append(Problem(path, line, "placeholders", key, message))
    if _edges(form) != _edges(english):
        problems.append(Problem(path, line, "spaces", key, t("i18n.spaces")))
    return problems


def _edges(text: str) -> tuple[int, int]:
    """The spaces at the start and at the end of ``text`` (all at the start when all spaces)."""
    start = len(text) - len(text.lstrip(" "))
    return (start, len(text) - len(text.rstrip(" ")) if start < len(text) else 0)


def _entry_problems(
    path: Path, message: Message, source: SourceMessage | None, catalog: WimcheckCatalog
) -> list[Problem]:
    """What is wrong with one entry of a catalogue of ``catalog.locale``."""
    key, line = message.context or "", message.lineno
    if source is None:
        return [Problem(path, line, "unknown", key, t("i18n.unknown"), t("i18n.hint.update"))]
    problems = []
    if message.fuzzy:
        problems.append(Problem(path, line, "fuzzy", key, t("i18n.fuzzy")))
    elif message.id != source.msgid:
        problems.append(Problem(path, line, "stale", key, t("i18n.stale"), t("i18n.hint.update")))
    forms = _forms(message)  # as many as the language has plural forms (Babel fills them in)
    if str(catalog.locale_identifier) == SOURCE_LANGUAGE:
        english = (source.english,) if source.english_plural is None else source.msgid
        if forms != english:
            problems.append(Problem(path, line, "source-differs", key, t("i18n.source-differs")))
        return problems
    if not all(forms):
        problems.append(Problem(path, line, "untranslated", key, t("i18n.untranslated")))
    english = source.english_plural or source.english
    for form in filter(None, forms):
        problems += _text_problems((path, line, key), form, english)
    return problems


def check_catalogue(lang: str, root: Path | None = None) -> list[Problem]:
    """Every problem of the PO file of ``lang`` against :mod:`wimcheck.messages`."""
    path = catalogue_path(lang, root, ".po")
    if not path.is_file():
        text = t("i18n.po-missing", lang=lang)
        return [Problem(path, None, "po-missing", "", text, t("i18n.hint.update"))]
    catalog = read_catalogue(path, lang)
    problems = _header_problems(path, catalog, lang)
    sources = {m.context: m for m in source_messages()}
    seen: set[str | None] = set()
    for message in list(catalog)[1:]:
        seen.add(message.context)
        problems += _entry_problems(path, message, sources.get(message.context or ""), catalog)
    for context in sources.keys() - seen:
        problems.append(
            Problem(path, None, "missing", context, t("i18n.missing"), t("i18n.hint.update"))
        )
    for old in catalog.obsolete.values():
        problems.append(
            Problem(path, old.lineno, "obsolete", old.context or "", t("i18n.obsolete"))
        )
    return problems


def check_compiled(lang: str, root: Path | None = None) -> list[Problem]:
    """Whether the ``.mo`` file of ``lang`` is compiled from its PO file as it is now."""
    source = catalogue_path(lang, root, ".po")
    if lang == SOURCE_LANGUAGE or not source.is_file():
        return []
    path = catalogue_path(lang, root)
    expected = compiled(read_catalogue(source, lang))
    if path.is_file() and path.read_bytes() == expected:
        return []
    return [Problem(path, None, "mo-stale", "", t("i18n.mo-stale"), t("i18n.hint.compile"))]


def check_all(languages: Sequence[str], root: Path | None = None) -> list[Problem]:
    """The template's problems and those of each language's catalogues."""
    problems = check_template(root)
    for lang in languages:
        problems += check_catalogue(lang, root) + check_compiled(lang, root)
    return problems
