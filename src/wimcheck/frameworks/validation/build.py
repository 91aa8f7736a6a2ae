"""Building the core :class:`~wimcheck.frameworks.model.Framework` from a validated file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wimcheck.frameworks.model import (
    Area,
    Competence,
    Framework,
    Group,
    LocalText,
    Module,
    Role,
    Scale,
    ScaleValue,
    Source,
    Statement,
    Target,
)
from wimcheck.frameworks.schema import (
    AreaModel,
    CompetenceModel,
    FrameworkFile,
    GroupModel,
    ModuleModel,
    RoleModel,
    ScaleModel,
    StatementModel,
)

__all__ = ["build_framework"]


def _text(obj: Any, name: str) -> LocalText:
    """The field ``name`` of ``obj`` in English and every language it is translated into."""
    other = {
        lang: value
        for lang, translation in obj.translations.items()
        if (value := getattr(translation, name, None)) is not None
    }
    return LocalText(getattr(obj, name), other)


def _optional_text(obj: Any, name: str) -> LocalText | None:
    """The field ``name`` of ``obj`` as :func:`_text` gives it, or None when it is absent."""
    return _text(obj, name) if getattr(obj, name) is not None else None


def _scale(scale: ScaleModel) -> Scale:
    values = tuple(
        ScaleValue(v.value, _text(v, "label"), _text(v, "descriptor")) for v in scale.values
    )
    return Scale(scale.id, _text(scale, "title"), values)


def _statement(statement: StatementModel, competence_id: str) -> Statement:
    easy_read = _optional_text(statement, "easy_read")
    return Statement(
        statement.id, competence_id, _text(statement, "text"), easy_read, statement.reverse
    )


def _competence(comp: CompetenceModel) -> Competence:
    return Competence(
        id=comp.id,
        area_id=comp.area,
        title=_text(comp, "title"),
        description=_text(comp, "description"),
        statements=tuple(_statement(s, comp.id) for s in comp.statements),
        origin=comp.origin,
        esco=tuple(comp.mappings.esco),
        digcomp=tuple(comp.mappings.digcomp),
        entrecomp=tuple(comp.mappings.entrecomp),
        eqf=comp.mappings.eqf,
        easy_read_title=_optional_text(comp, "easy_read_title"),
    )


def _role(role: RoleModel, default_scale: str, order: Mapping[str, int]) -> Role:
    """A role, its targets in the order of the competences (``order``: id -> position)."""
    targets = sorted(role.targets.items(), key=lambda item: order[item[0]])
    return Role(
        id=role.id,
        title=_text(role, "title"),
        description=_text(role, "description"),
        group_id=role.group,
        scale_id=role.scale or default_scale,
        easy_read=role.easy_read,
        targets={cid: Target(cid, target.level, target.weight) for cid, target in targets},
        origin=role.origin,
    )


def _module(module: ModuleModel) -> Module:
    return Module(
        id=module.id,
        title=_text(module, "title"),
        description=_text(module, "description"),
        hours=module.hours,
        eqf=module.eqf,
        delivery=module.delivery,
        covers=tuple(module.covers),
        prerequisites=tuple(module.prerequisites),
        origin=module.origin,
        audience=tuple(module.audience),
        easy_read_title=_optional_text(module, "easy_read_title"),
    )


def _group(group: GroupModel) -> Group:
    return Group(group.id, _text(group, "title"), _text(group, "description"))


def _area(area: AreaModel) -> Area:
    return Area(
        area.id,
        _text(area, "title"),
        _text(area, "description"),
        area.origin,
        _optional_text(area, "easy_read_title"),
    )


def build_framework(model: FrameworkFile, path: Path | None = None) -> Framework:
    """Turn a validated :class:`FrameworkFile` into a core :class:`Framework`."""
    meta = model.framework
    competences = {c.id: _competence(c) for c in model.competences}
    order = {comp_id: position for position, comp_id in enumerate(competences)}
    return Framework(
        id=meta.id,
        version=meta.version,
        title=_text(meta, "title"),
        description=_text(meta, "description"),
        subject=meta.subject,
        licence=meta.licence,
        languages=tuple(meta.languages),
        default_scale_id=meta.default_scale,
        sources=tuple(Source(s.title, s.url) for s in meta.sources),
        provenance_published=LocalText(meta.provenance.published),
        provenance_authored=LocalText(meta.provenance.authored),
        groups={g.id: _group(g) for g in model.groups},
        scales={s.id: _scale(s) for s in model.scales},
        areas={a.id: _area(a) for a in model.areas},
        competences=competences,
        roles={r.id: _role(r, meta.default_scale, order) for r in model.roles},
        modules={m.id: _module(m) for m in model.modules},
        path=path,
    )
