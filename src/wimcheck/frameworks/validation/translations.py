"""Checking a framework's translation files and putting their texts into the framework.

Each entry of ``X.<lang>.po`` is one of: *translated* (its context names a text of the
framework, its msgid is that text's English today and its msgstr is not empty), *stale*
(the English changed since it was translated: shown in English until updated),
*unknown* (the framework has no such text), or an empty entry. A text of the framework
without a translated entry is *missing* (shown in English). Stale and unknown entries and
a wrong ``easy-read`` flag are findings; missing texts are only counted. None of these
stops the framework from loading: stale and unknown entries are simply not used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from wimcheck.errors import InputFileError
from wimcheck.frameworks.model import Framework, Translation
from wimcheck.frameworks.texts import FrameworkText, framework_texts, with_translations
from wimcheck.frameworks.translation_files import translation_files
from wimcheck.frameworks.validation.report import Issue
from wimcheck.i18n.text_files import TextEntry, TextFile, read_text_file
from wimcheck.messages import t
from wimcheck.records import record

__all__ = ["LanguageStatus", "TranslationCheck", "check_translations", "entry_issues"]


@record
class LanguageStatus:
    """How far one translation file is: counts of its entries against the framework."""

    lang: str
    file: Path
    total: int
    translated: int = 0
    missing: int = 0
    stale: int = 0
    unknown: int = 0
    flags: int = 0


@dataclass
class TranslationCheck:
    """The framework with its translations in, each language's status and the findings."""

    framework: Framework
    languages: list[LanguageStatus] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def _stale(entry: TextEntry, file: str, english: str) -> Issue:
    return Issue(
        "translation-stale",
        t("issue.translation-stale", context=entry.context),
        t("hint.translation-stale", english=english),
        file,
        entry.line,
        key=entry.context,
    )


def _unknown(entry: TextEntry, file: str) -> Issue:
    return Issue(
        "translation-unknown",
        t("issue.translation-unknown", context=entry.context),
        t("hint.translation-unknown"),
        file,
        entry.line,
        key=entry.context,
    )


def _flag(entry: TextEntry, file: str, easy: bool) -> Issue:
    key = "issue.translation-flag.missing" if easy else "issue.translation-flag.extra"
    return Issue(
        "translation-flag",
        t(key, context=entry.context),
        t("hint.translation-flag"),
        file,
        entry.line,
        key=entry.context,
    )


def entry_issues(
    entries: Iterable[TextEntry], texts: Mapping[str, FrameworkText], file: str
) -> tuple[dict[str, TextEntry], list[Issue], int]:
    """The usable translated entries by context, the findings, and how many are stale."""
    usable: dict[str, TextEntry] = {}
    issues: list[Issue] = []
    stale = 0
    for entry in entries:
        text = texts.get(entry.context)
        if text is None:
            issues.append(_unknown(entry, file))
            continue
        if entry.easy_read != text.easy_read:
            issues.append(_flag(entry, file, text.easy_read))
        if entry.source != text.text.en:
            if entry.translation:
                stale += 1
                issues.append(_stale(entry, file, text.text.en))
        elif entry.translation and "fuzzy" not in entry.flags:
            usable[entry.context] = entry
    return usable, issues, stale


def _provenance(file: TextFile, used: Mapping[str, TextEntry]) -> Translation:
    return Translation(
        file.lang,
        translated_by=file.translated_by,
        reviewed=file.reviewed,
        reviewed_by=file.reviewed_by,
        official=sum(1 for entry in used.values() if entry.official),
    )


def _unreadable(lang: str, path: Path, exc: InputFileError) -> Issue:
    return Issue(
        "translation-unreadable",
        t("issue.translation-unreadable", lang=lang, detail=exc.message),
        exc.hint,
        str(path),
        exc.line,
    )


def _translated_count(framework: Framework, lang: str) -> int:
    return sum(1 for text in framework_texts(framework) if lang in text.text.other)


def check_translations(framework: Framework, path: Path) -> TranslationCheck:
    """Read the translation files of the framework file ``path`` into ``framework``."""
    texts = {text.context: text for text in framework_texts(framework)}
    check = TranslationCheck(framework)
    merged: dict[str, dict[str, str]] = {}
    provenance: dict[str, Translation] = {}
    for lang, po in translation_files(path).items():
        try:
            file = read_text_file(po, lang)
        except InputFileError as exc:
            check.issues.append(_unreadable(lang, po, exc))
            continue
        usable, issues, stale = entry_issues(file.entries, texts, str(po))
        check.issues += issues
        for context, entry in usable.items():
            merged.setdefault(context, {})[lang] = entry.translation
        provenance[lang] = _provenance(file, usable)
        check.languages.append(
            LanguageStatus(
                lang,
                po,
                total=len(texts),
                translated=len(usable),
                missing=len(texts) - len(usable),
                stale=stale,
                unknown=sum(1 for i in issues if i.code == "translation-unknown"),
                flags=sum(1 for i in issues if i.code == "translation-flag"),
            )
        )
    result = with_translations(framework, merged)
    found = [s.lang for s in check.languages if s.translated]
    for lang, item in provenance.items():
        count = _translated_count(result, lang)
        provenance[lang] = replace(item, translated=count, total=len(texts))
    check.framework = replace(
        result,
        languages=tuple(dict.fromkeys([*framework.languages, *found])),
        translations={lang: provenance[lang] for lang in found},
    )
    return check
