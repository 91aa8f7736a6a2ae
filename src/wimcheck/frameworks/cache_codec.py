"""A validated :class:`Framework` as plain JSON data and back, for the framework cache.

Only data that validation has already accepted is encoded; decoding checks the type of
every field it reads and raises :class:`CacheFormatError` on anything unexpected, so a
corrupt or foreign entry is rebuilt from its file, never trusted. JSON holds no code:
nothing in an entry can run when it is read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar, cast

from wimcheck.frameworks.model import (
    Area,
    Competence,
    Framework,
    Group,
    LocalText,
    Module,
    Origin,
    Role,
    Scale,
    ScaleValue,
    Source,
    Statement,
    Target,
    Translation,
)

__all__ = ["CacheFormatError", "decode_framework", "encode_framework"]

T = TypeVar("T")
_ORIGINS = ("published", "adapted", "authored")
_SUBJECTS = ("person", "organisation")


class CacheFormatError(ValueError):
    """A cache entry that does not have the shape this version of wimcheck writes."""


# ---------------------------------------------------------------------------- encoding


def _text(text: LocalText) -> dict[str, str]:
    return {"en": text.en, **dict(text.other)}


def _optional_text(text: LocalText | None) -> dict[str, str] | None:
    return None if text is None else _text(text)


def _statement(statement: Statement) -> dict[str, Any]:
    return {
        "id": statement.id,
        "competence_id": statement.competence_id,
        "text": _text(statement.text),
        "easy_read": _optional_text(statement.easy_read),
        "reverse": statement.reverse,
    }


def _competence(competence: Competence) -> dict[str, Any]:
    return {
        "id": competence.id,
        "area_id": competence.area_id,
        "title": _text(competence.title),
        "description": _text(competence.description),
        "statements": [_statement(s) for s in competence.statements],
        "origin": competence.origin,
        "esco": list(competence.esco),
        "digcomp": list(competence.digcomp),
        "entrecomp": list(competence.entrecomp),
        "eqf": competence.eqf,
        "easy_read_title": _optional_text(competence.easy_read_title),
    }


def _role(role: Role) -> dict[str, Any]:
    return {
        "id": role.id,
        "title": _text(role.title),
        "description": _text(role.description),
        "group_id": role.group_id,
        "scale_id": role.scale_id,
        "easy_read": role.easy_read,
        "targets": [[t.competence_id, t.level, t.weight] for t in role.targets.values()],
        "origin": role.origin,
    }


def _module(module: Module) -> dict[str, Any]:
    return {
        "id": module.id,
        "title": _text(module.title),
        "description": _text(module.description),
        "hours": module.hours,
        "eqf": module.eqf,
        "delivery": module.delivery,
        "covers": list(module.covers),
        "prerequisites": list(module.prerequisites),
        "origin": module.origin,
        "audience": list(module.audience),
        "easy_read_title": _optional_text(module.easy_read_title),
    }


def _scale(scale: Scale) -> dict[str, Any]:
    return {
        "id": scale.id,
        "title": _text(scale.title),
        "values": [[v.value, _text(v.label), _text(v.descriptor)] for v in scale.values],
    }


def encode_framework(framework: Framework) -> dict[str, Any]:
    """The framework as JSON-ready data (its path is not part of it)."""
    return {
        "id": framework.id,
        "version": framework.version,
        "title": _text(framework.title),
        "description": _text(framework.description),
        "subject": framework.subject,
        "licence": framework.licence,
        "languages": list(framework.languages),
        "default_scale_id": framework.default_scale_id,
        "sources": [[s.title, s.url] for s in framework.sources],
        "provenance_published": _text(framework.provenance_published),
        "provenance_authored": _text(framework.provenance_authored),
        "groups": [[g.id, _text(g.title), _text(g.description)] for g in framework.groups.values()],
        "scales": [_scale(s) for s in framework.scales.values()],
        "areas": [
            [
                a.id,
                _text(a.title),
                _text(a.description),
                a.origin,
                _optional_text(a.easy_read_title),
            ]
            for a in framework.areas.values()
        ],
        "competences": [_competence(c) for c in framework.competences.values()],
        "roles": [_role(r) for r in framework.roles.values()],
        "modules": [_module(m) for m in framework.modules.values()],
        "translations": [_translation(tr) for tr in framework.translations.values()],
    }


def _translation(translation: Translation) -> list[Any]:
    return [
        translation.lang,
        translation.translated_by,
        translation.reviewed,
        translation.reviewed_by,
        translation.translated,
        translation.total,
        translation.official,
    ]


# ---------------------------------------------------------------------------- decoding


def _expect(value: object, kind: type[T]) -> T:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise CacheFormatError(f"expected {kind.__name__}, found {type(value).__name__}")
    return value


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CacheFormatError(f"expected a number, found {type(value).__name__}")
    return float(value)


def _optional(value: object, read: Callable[[object], T]) -> T | None:
    return None if value is None else read(value)


def _str(value: object) -> str:
    if type(value) is str:  # the common case without _expect's call (2,650 for wim)
        return value
    return _expect(value, str)


def _strings(value: object) -> tuple[str, ...]:
    return tuple(_str(item) for item in _expect(value, list))


def _field(data: Mapping[str, Any], key: str) -> object:
    try:
        return data[key]
    except KeyError:
        raise CacheFormatError(f"missing {key!r}") from None


def _read_text(value: object) -> LocalText:
    texts = _expect(value, dict)
    if not all(type(lang) is str and type(text) is str for lang, text in texts.items()):
        raise CacheFormatError("expected texts by language")
    other = {lang: text for lang, text in texts.items() if lang != "en"}
    return LocalText(_str(_field(texts, "en")), other)


def _origin(value: object) -> Origin:
    if value not in _ORIGINS:
        raise CacheFormatError(f"unknown origin {value!r}")
    return cast(Origin, value)


def _tuple(value: object, size: int) -> list[Any]:
    items = _expect(value, list)
    if len(items) != size:
        raise CacheFormatError(f"expected {size} items, found {len(items)}")
    return items


def _read_statement(value: object) -> Statement:
    data = _expect(value, dict)
    return Statement(
        id=_str(_field(data, "id")),
        competence_id=_str(_field(data, "competence_id")),
        text=_read_text(_field(data, "text")),
        easy_read=_optional(_field(data, "easy_read"), _read_text),
        reverse=_expect(_field(data, "reverse"), bool),
    )


def _read_competence(value: object) -> Competence:
    data = _expect(value, dict)
    eqf = _field(data, "eqf")
    return Competence(
        id=_str(_field(data, "id")),
        area_id=_str(_field(data, "area_id")),
        title=_read_text(_field(data, "title")),
        description=_read_text(_field(data, "description")),
        statements=tuple(_read_statement(s) for s in _expect(_field(data, "statements"), list)),
        origin=_origin(_field(data, "origin")),
        esco=_strings(_field(data, "esco")),
        digcomp=_strings(_field(data, "digcomp")),
        entrecomp=_strings(_field(data, "entrecomp")),
        eqf=None if eqf is None else _expect(eqf, int),
        easy_read_title=_optional(_field(data, "easy_read_title"), _read_text),
    )


def _read_target(value: object) -> Target:
    competence_id, level, weight = _tuple(value, 3)
    return Target(_str(competence_id), _number(level), _number(weight))


def _read_role(value: object) -> Role:
    data = _expect(value, dict)
    targets = [_read_target(t) for t in _expect(_field(data, "targets"), list)]
    return Role(
        id=_str(_field(data, "id")),
        title=_read_text(_field(data, "title")),
        description=_read_text(_field(data, "description")),
        group_id=_optional(_field(data, "group_id"), _str),
        scale_id=_str(_field(data, "scale_id")),
        easy_read=_expect(_field(data, "easy_read"), bool),
        targets={t.competence_id: t for t in targets},
        origin=_origin(_field(data, "origin")),
    )


def _read_module(value: object) -> Module:
    data = _expect(value, dict)
    return Module(
        id=_str(_field(data, "id")),
        title=_read_text(_field(data, "title")),
        description=_read_text(_field(data, "description")),
        hours=_number(_field(data, "hours")),
        eqf=_expect(_field(data, "eqf"), int),
        delivery=_str(_field(data, "delivery")),
        covers=_strings(_field(data, "covers")),
        prerequisites=_strings(_field(data, "prerequisites")),
        origin=_origin(_field(data, "origin")),
        audience=_strings(_field(data, "audience")),
        easy_read_title=_optional(_field(data, "easy_read_title"), _read_text),
    )


def _read_scale_value(value: object) -> ScaleValue:
    number, label, descriptor = _tuple(value, 3)
    return ScaleValue(_expect(number, int), _read_text(label), _read_text(descriptor))


def _read_scale(value: object) -> Scale:
    data = _expect(value, dict)
    values = tuple(_read_scale_value(v) for v in _expect(_field(data, "values"), list))
    if not values:
        raise CacheFormatError("a scale without values")
    return Scale(_str(_field(data, "id")), _read_text(_field(data, "title")), values)


def _read_group(value: object) -> Group:
    group_id, title, description = _tuple(value, 3)
    return Group(_str(group_id), _read_text(title), _read_text(description))


def _read_area(value: object) -> Area:
    area_id, title, description, origin, easy_title = _tuple(value, 5)
    return Area(
        _str(area_id),
        _read_text(title),
        _read_text(description),
        _origin(origin),
        _optional(easy_title, _read_text),
    )


def _read_source(value: object) -> Source:
    title, url = _tuple(value, 2)
    return Source(_str(title), _optional(url, _str))


def _read_translation(value: object) -> Translation:
    lang, by, reviewed, reviewed_by, translated, total, official = _tuple(value, 7)
    return Translation(
        _str(lang),
        _str(by),
        _expect(reviewed, bool),
        _str(reviewed_by),
        _expect(translated, int),
        _expect(total, int),
        _expect(official, int),
    )


def _translations(value: object) -> dict[str, Translation]:
    items = [_read_translation(item) for item in _expect(value, list)]
    return {item.lang: item for item in items}


def _by_id(value: object, read: Callable[[object], T]) -> dict[str, T]:
    items = [read(item) for item in _expect(value, list)]
    return {cast(Any, item).id: item for item in items}


def decode_framework(data: object, path: Path | None = None) -> Framework:
    """The framework that :func:`encode_framework` wrote; ``CacheFormatError`` if not."""
    top = _expect(data, dict)
    subject = _field(top, "subject")
    if subject not in _SUBJECTS:
        raise CacheFormatError(f"unknown subject {subject!r}")
    return Framework(
        id=_str(_field(top, "id")),
        version=_str(_field(top, "version")),
        title=_read_text(_field(top, "title")),
        description=_read_text(_field(top, "description")),
        subject=cast(Any, subject),
        licence=_str(_field(top, "licence")),
        languages=_strings(_field(top, "languages")),
        default_scale_id=_str(_field(top, "default_scale_id")),
        sources=tuple(_read_source(s) for s in _expect(_field(top, "sources"), list)),
        provenance_published=_read_text(_field(top, "provenance_published")),
        provenance_authored=_read_text(_field(top, "provenance_authored")),
        groups=_by_id(_field(top, "groups"), _read_group),
        scales=_by_id(_field(top, "scales"), _read_scale),
        areas=_by_id(_field(top, "areas"), _read_area),
        competences=_by_id(_field(top, "competences"), _read_competence),
        roles=_by_id(_field(top, "roles"), _read_role),
        modules=_by_id(_field(top, "modules"), _read_module),
        path=path,
        translations=_translations(_field(top, "translations")),
    )
