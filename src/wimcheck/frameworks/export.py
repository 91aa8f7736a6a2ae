"""A framework as plain data (for JSON output), in the shape of the file format."""

from __future__ import annotations

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
    Statement,
)
from wimcheck.numbers import rounded

__all__ = ["framework_summary", "framework_to_dict"]


def _texts(**fields: LocalText | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    translations: dict[str, dict[str, str]] = {}
    for name, value in fields.items():
        if value is None:
            continue
        out[name] = value.en
        for lang, text in value.other.items():
            translations.setdefault(lang, {})[name] = text
    if translations:
        out["translations"] = translations
    return out


def framework_summary(framework: Framework) -> dict[str, Any]:
    """The facts ``frameworks list`` shows about a framework."""
    from wimcheck.frameworks.summary import listed_facts, summary_of  # noqa: PLC0415

    return listed_facts(summary_of(framework))


def _meta_dict(framework: Framework) -> dict[str, Any]:
    """The ``[framework]`` table."""
    return {
        "id": framework.id,
        "version": framework.version,
        **_texts(title=framework.title, description=framework.description),
        "subject": framework.subject,
        "licence": framework.licence,
        "languages": list(framework.languages),
        "default_scale": framework.default_scale_id,
        "sources": [
            {"title": s.title, **({"url": s.url} if s.url else {})} for s in framework.sources
        ],
        "provenance": {
            "published": framework.provenance_published.en,
            "authored": framework.provenance_authored.en,
        },
    }


def _group_dict(group: Group) -> dict[str, Any]:
    return {"id": group.id, **_texts(title=group.title, description=group.description)}


def _scale_dict(scale: Scale) -> dict[str, Any]:
    return {
        "id": scale.id,
        **_texts(title=scale.title),
        "values": [
            {"value": v.value, **_texts(label=v.label, descriptor=v.descriptor)}
            for v in scale.values
        ],
    }


def _area_dict(area: Area) -> dict[str, Any]:
    return {
        "id": area.id,
        **_texts(
            title=area.title,
            easy_read_title=area.easy_read_title,
            description=area.description,
        ),
        "origin": area.origin,
    }


def _statement_dict(statement: Statement) -> dict[str, Any]:
    return {
        "id": statement.id,
        **_texts(text=statement.text, easy_read=statement.easy_read),
        "reverse": statement.reverse,
    }


def _competence_dict(comp: Competence) -> dict[str, Any]:
    return {
        "id": comp.id,
        "area": comp.area_id,
        **_texts(
            title=comp.title,
            easy_read_title=comp.easy_read_title,
            description=comp.description,
        ),
        "origin": comp.origin,
        "mappings": {
            "esco": list(comp.esco),
            "digcomp": list(comp.digcomp),
            "entrecomp": list(comp.entrecomp),
            "eqf": comp.eqf,
        },
        "statements": [_statement_dict(s) for s in comp.statements],
    }


def _role_dict(role: Role) -> dict[str, Any]:
    return {
        "id": role.id,
        **_texts(title=role.title, description=role.description),
        "group": role.group_id,
        "scale": role.scale_id,
        "easy_read": role.easy_read,
        "origin": role.origin,
        "targets": {
            cid: {"level": rounded(tg.level), "weight": rounded(tg.weight)}
            for cid, tg in role.targets.items()
        },
    }


def _module_dict(module: Module) -> dict[str, Any]:
    return {
        "id": module.id,
        **_texts(
            title=module.title,
            easy_read_title=module.easy_read_title,
            description=module.description,
        ),
        "hours": rounded(module.hours),
        "eqf": module.eqf,
        "delivery": module.delivery,
        "covers": list(module.covers),
        "prerequisites": list(module.prerequisites),
        "audience": list(module.audience),
        "origin": module.origin,
    }


def framework_to_dict(framework: Framework, role: Role | None = None) -> dict[str, Any]:
    """The whole framework as JSON-ready data; with ``role``, only what that role uses."""
    competences = framework.role_competences(role) if role else list(framework.competences.values())
    comp_ids = {c.id for c in competences}
    area_ids = {c.area_id for c in competences}
    roles = [role] if role else list(framework.roles.values())
    scales = [s for s in framework.scales.values() if role is None or s.id == role.scale_id]
    modules = [
        m
        for m in framework.modules.values()
        if role is None or (comp_ids.intersection(m.covers) and m.is_for(role))
    ]
    return {
        "format_version": 1,
        "framework": _meta_dict(framework),
        "groups": [_group_dict(g) for g in framework.groups.values()],
        "scales": [_scale_dict(s) for s in scales],
        "areas": [_area_dict(a) for a in framework.areas.values() if a.id in area_ids],
        "competences": [_competence_dict(c) for c in competences],
        "roles": [_role_dict(r) for r in roles],
        "modules": [_module_dict(m) for m in modules],
    }
