"""Rules on languages: English first, translations only in declared languages, none missing."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from wimcheck.frameworks.validation.context import RuleContext
from wimcheck.frameworks.validation.parts import FileParts
from wimcheck.frameworks.validation.report import Issue
from wimcheck.messages import t
from wimcheck.tomlpos import KeyPath

__all__ = ["english_first", "translations"]


def english_first(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``english-first``: the framework's first language must be English."""
    if parts.meta is not None and parts.meta.languages[0] != "en":
        yield ctx.issue(
            "english-first",
            ("framework", "languages"),
            t("issue.english-first"),
            t("hint.english-first"),
        )


def translations(ctx: RuleContext, parts: FileParts) -> Iterator[Issue]:
    """``undeclared-language``, ``translation-without-english`` and ``missing-translation``.

    Every text in a declared language other than English must be there, and none in an
    undeclared one; a translation needs the English text it translates.
    """
    if parts.meta is None:
        return
    languages = parts.meta.languages
    wanted = [lang for lang in languages if lang != "en"]
    for loc, table, obj in _translatable(parts):
        yield from _declared_translations(ctx, loc, obj, languages)
        yield from _missing_translations(ctx, loc, table, obj, wanted)


def _declared_translations(
    ctx: RuleContext, loc: KeyPath, obj: Any, languages: list[str]
) -> Iterator[Issue]:
    """``undeclared-language`` and ``translation-without-english`` for one object."""
    for lang, translation in obj.translations.items():
        if lang not in languages:
            yield ctx.issue(
                "undeclared-language",
                (*loc, "translations", lang),
                t("issue.undeclared-language", where=ctx.describe(loc), lang=lang),
                t("hint.undeclared-language", lang=lang),
            )
        else:
            yield from _translations_without_english(ctx, loc, obj, lang, translation)


def _translations_without_english(
    ctx: RuleContext, loc: KeyPath, obj: Any, lang: str, translation: BaseModel
) -> Iterator[Issue]:
    """``translation-without-english``: a translated field whose English text is absent."""
    for name in type(translation).model_fields:
        if getattr(translation, name) is not None and getattr(obj, name) is None:
            yield ctx.issue(
                "translation-without-english",
                (*loc, "translations", lang, name),
                t(
                    "issue.translation-without-english",
                    where=ctx.describe(loc),
                    lang=lang,
                    field=name,
                ),
                t("hint.translation-without-english", field=name),
            )


def _missing_translations(
    ctx: RuleContext, loc: KeyPath, table: str, obj: Any, wanted: list[str]
) -> Iterator[Issue]:
    """``missing-translation``: an English text without its translation into ``wanted``."""
    for lang in wanted:
        translation = obj.translations.get(lang)
        for name in _text_fields(obj):
            if getattr(obj, name) is None:
                continue
            if translation is None or getattr(translation, name) is None:
                yield ctx.issue(
                    "missing-translation",
                    loc,
                    t("issue.missing-translation", where=ctx.describe(loc), lang=lang, field=name),
                    t("hint.missing-translation", field=name, table=table, lang=lang),
                )


def _text_fields(obj: BaseModel) -> list[str]:
    """The translatable fields of ``obj``: those its translation model has."""
    annotation = type(obj).model_fields["translations"].annotation
    translation_model = typing.get_args(annotation)[1]
    return list(translation_model.model_fields)


def _translatable(parts: FileParts) -> Iterator[tuple[KeyPath, str, Any]]:
    """Every object that has text fields and translations, with its location."""
    if parts.meta is not None:
        yield ("framework",), "framework", parts.meta
    for i, group in parts.groups:
        yield ("groups", i), "groups", group
    for i, scale in parts.scales:
        yield ("scales", i), "scales", scale
        for j, value in enumerate(scale.values):
            yield ("scales", i, "values", j), "scales.values", value
    for i, area in parts.areas:
        yield ("areas", i), "areas", area
    for i, comp in parts.competences:
        yield ("competences", i), "competences", comp
        for j, statement in enumerate(comp.statements):
            yield ("competences", i, "statements", j), "competences.statements", statement
    for i, role in parts.roles:
        yield ("roles", i), "roles", role
    for i, module in parts.modules:
        yield ("modules", i), "modules", module
