"""Every translatable text of a framework, named by its path, and putting translations in.

A text is named by the path of its element (docs/framework-format.md): ``framework.title``,
``group.<id>.title``, ``scale.<id>.value.<n>.label``, ``statement.<id>.easy_read`` and so
on. These names are the contexts (``msgctxt``) of the translation files. A text is an
*easy-read* text when it is an easy-read wording or title, a title or description of an
easy-read role, or a title, label or descriptor of a scale an easy-read role answers on.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TypeVar

from wimcheck.frameworks.model import (
    Area,
    Competence,
    Framework,
    Group,
    LocalText,
    Module,
    Role,
    Scale,
    Statement,
)
from wimcheck.records import record

__all__ = ["FrameworkText", "framework_texts", "role_texts_in_english", "with_translations"]

# context -> language -> translation
Translations = Mapping[str, Mapping[str, str]]
_Titled = TypeVar("_Titled", Area, Competence, Module)
_Paired = TypeVar("_Paired", Group, Role)


@record
class FrameworkText:
    """One translatable text: its name (context), the text, and what it belongs to."""

    context: str
    text: LocalText
    easy_read: bool
    kind: str  # framework, group, scale, scale-value, area, competence, statement, role, module
    owner: str  # the id of its element ("" for the framework itself)
    field: str
    parent: str = ""  # a statement's competence id, a scale value's scale id


def _easy_scales(framework: Framework) -> set[str]:
    return {role.scale_id for role in framework.roles.values() if role.easy_read}


def _scale_texts(scale: Scale, easy: bool) -> Iterator[FrameworkText]:
    yield FrameworkText(f"scale.{scale.id}.title", scale.title, easy, "scale", scale.id, "title")
    for value in scale.values:
        base = f"scale.{scale.id}.value.{value.value}"
        number = str(value.value)
        yield FrameworkText(
            f"{base}.label", value.label, easy, "scale-value", number, "label", scale.id
        )
        yield FrameworkText(
            f"{base}.descriptor",
            value.descriptor,
            easy,
            "scale-value",
            number,
            "descriptor",
            scale.id,
        )


def _titled(kind: str, item: Area | Competence | Module) -> Iterator[FrameworkText]:
    """Title, description and easy-read title (when there is one) of an area, competence, module."""
    yield FrameworkText(f"{kind}.{item.id}.title", item.title, False, kind, item.id, "title")
    yield FrameworkText(
        f"{kind}.{item.id}.description", item.description, False, kind, item.id, "description"
    )
    if item.easy_read_title is not None:
        yield FrameworkText(
            f"{kind}.{item.id}.easy_read_title",
            item.easy_read_title,
            True,
            kind,
            item.id,
            "easy_read_title",
        )


def _statement_texts(statement: Statement) -> Iterator[FrameworkText]:
    base, sid, cid = f"statement.{statement.id}", statement.id, statement.competence_id
    yield FrameworkText(f"{base}.text", statement.text, False, "statement", sid, "text", cid)
    if statement.easy_read is not None:
        yield FrameworkText(
            f"{base}.easy_read", statement.easy_read, True, "statement", sid, "easy_read", cid
        )


def framework_texts(framework: Framework) -> Iterator[FrameworkText]:
    """Every translatable text of ``framework``, in the order of the translation files."""
    yield FrameworkText("framework.title", framework.title, False, "framework", "", "title")
    yield FrameworkText(
        "framework.description", framework.description, False, "framework", "", "description"
    )
    for group in framework.groups.values():
        for name in ("title", "description"):
            text = getattr(group, name)
            yield FrameworkText(f"group.{group.id}.{name}", text, False, "group", group.id, name)
    easy_scales = _easy_scales(framework)
    for scale in framework.scales.values():
        yield from _scale_texts(scale, scale.id in easy_scales)
    for area in framework.areas.values():
        yield from _titled("area", area)
    for competence in framework.competences.values():
        yield from _titled("competence", competence)
        for statement in competence.statements:
            yield from _statement_texts(statement)
    for role in framework.roles.values():
        for name in ("title", "description"):
            text = getattr(role, name)
            yield FrameworkText(
                f"role.{role.id}.{name}", text, role.easy_read, "role", role.id, name
            )
    for module in framework.modules.values():
        yield from _titled("module", module)
    for name in ("published", "authored"):  # where the framework comes from
        text = getattr(framework, f"provenance_{name}")
        if text.en:
            yield FrameworkText(
                f"framework.provenance.{name}", text, False, "framework", "", f"provenance.{name}"
            )


# ------------------------------------------------------------------ putting translations in


def _merged(text: LocalText, context: str, translations: Translations) -> LocalText:
    """``text`` with the translations of ``context`` added (they win over inline ones)."""
    found = translations.get(context)
    if not found:
        return text
    return LocalText(text.en, {**text.other, **found})


def _optional(text: LocalText | None, context: str, translations: Translations) -> LocalText | None:
    return None if text is None else _merged(text, context, translations)


def _item(kind: str, item: _Titled, translations: Translations) -> _Titled:
    """An area, competence or module with its title, description and easy-read title merged."""
    base = f"{kind}.{item.id}"
    return replace(
        item,
        title=_merged(item.title, f"{base}.title", translations),
        description=_merged(item.description, f"{base}.description", translations),
        easy_read_title=_optional(item.easy_read_title, f"{base}.easy_read_title", translations),
    )


def _pair(kind: str, item: _Paired, translations: Translations) -> _Paired:
    """A group or role with its title and description merged."""
    base = f"{kind}.{item.id}"
    return replace(
        item,
        title=_merged(item.title, f"{base}.title", translations),
        description=_merged(item.description, f"{base}.description", translations),
    )


def _statement(statement: Statement, translations: Translations) -> Statement:
    base = f"statement.{statement.id}"
    return replace(
        statement,
        text=_merged(statement.text, f"{base}.text", translations),
        easy_read=_optional(statement.easy_read, f"{base}.easy_read", translations),
    )


def _competence(competence: Competence, translations: Translations) -> Competence:
    statements = tuple(_statement(s, translations) for s in competence.statements)
    return replace(_item("competence", competence, translations), statements=statements)


def _scale(scale: Scale, translations: Translations) -> Scale:
    base = f"scale.{scale.id}"
    values = tuple(
        replace(
            value,
            label=_merged(value.label, f"{base}.value.{value.value}.label", translations),
            descriptor=_merged(
                value.descriptor, f"{base}.value.{value.value}.descriptor", translations
            ),
        )
        for value in scale.values
    )
    return replace(scale, title=_merged(scale.title, f"{base}.title", translations), values=values)


def with_translations(framework: Framework, translations: Translations) -> Framework:
    """``framework`` with ``translations`` (context -> language -> text) added to its texts."""
    return replace(
        framework,
        title=_merged(framework.title, "framework.title", translations),
        description=_merged(framework.description, "framework.description", translations),
        groups={k: _pair("group", g, translations) for k, g in framework.groups.items()},
        scales={k: _scale(s, translations) for k, s in framework.scales.items()},
        areas={k: _item("area", a, translations) for k, a in framework.areas.items()},
        competences={k: _competence(c, translations) for k, c in framework.competences.items()},
        roles={k: _pair("role", r, translations) for k, r in framework.roles.items()},
        modules={k: _item("module", m, translations) for k, m in framework.modules.items()},
        provenance_published=_merged(
            framework.provenance_published, "framework.provenance.published", translations
        ),
        provenance_authored=_merged(
            framework.provenance_authored, "framework.provenance.authored", translations
        ),
    )


def role_texts_in_english(framework: Framework, role: Role, lang: str) -> bool:
    """Whether a questionnaire of ``role`` in ``lang`` shows some text in English.

    The texts are those a blank sheet, a paper form and ``assess`` show: the framework's
    and the role's titles, the role's scale, the titles of the areas and competences it
    targets, and each statement as the role reads it (its easy-read wording where it has
    one). A text whose English is empty needs no translation.
    """
    if lang == "en":
        return False
    scale = framework.scale_for(role)
    competences = framework.role_competences(role)
    texts = [framework.title, role.title, scale.title]
    texts += [text for value in scale.values for text in (value.label, value.descriptor)]
    texts += [framework.areas[area].title for area in dict.fromkeys(c.area_id for c in competences)]
    texts += [competence.title for competence in competences]
    texts += [
        statement.easy_read if role.easy_read and statement.easy_read else statement.text
        for competence in competences
        for statement in competence.statements
    ]
    return any(text.en and lang not in text.other for text in texts)
