"""A framework as plain data (for JSON output), in the shape of the file format."""

from __future__ import annotations

from typing import Any

from wimcheck.frameworks.model import Framework, LocalText, Role
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
    return {
        "id": framework.id,
        "title": framework.title.en,
        "version": framework.version,
        "languages": list(framework.languages),
        "roles": list(framework.roles),
        "statements": framework.statement_count,
    }


def framework_to_dict(framework: Framework, role: Role | None = None) -> dict[str, Any]:
    """The whole framework as JSON-ready data; with ``role``, only what that role uses."""
    competences = framework.role_competences(role) if role else list(framework.competences.values())
    comp_ids = {c.id for c in competences}
    area_ids = {c.area_id for c in competences}
    roles = [role] if role else list(framework.roles.values())
    modules = [
        m
        for m in framework.modules.values()
        if role is None or (comp_ids.intersection(m.covers) and m.is_for(role))
    ]
    return {
        "format_version": 1,
        "framework": {
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
                "published": framework.provenance_published,
                "authored": framework.provenance_authored,
            },
        },
        "groups": [
            {"id": g.id, **_texts(title=g.title, description=g.description)}
            for g in framework.groups.values()
        ],
        "scales": [
            {
                "id": s.id,
                **_texts(title=s.title),
                "values": [
                    {"value": v.value, **_texts(label=v.label, descriptor=v.descriptor)}
                    for v in s.values
                ],
            }
            for s in framework.scales.values()
            if role is None or s.id == role.scale_id
        ],
        "areas": [
            {"id": a.id, **_texts(title=a.title, description=a.description), "origin": a.origin}
            for a in framework.areas.values()
            if a.id in area_ids
        ],
        "competences": [
            {
                "id": c.id,
                "area": c.area_id,
                **_texts(title=c.title, description=c.description),
                "origin": c.origin,
                "mappings": {
                    "esco": list(c.esco),
                    "digcomp": list(c.digcomp),
                    "entrecomp": list(c.entrecomp),
                    "eqf": c.eqf,
                },
                "statements": [
                    {
                        "id": s.id,
                        **_texts(text=s.text, easy_read=s.easy_read),
                        "reverse": s.reverse,
                    }
                    for s in c.statements
                ],
            }
            for c in competences
        ],
        "roles": [
            {
                "id": r.id,
                **_texts(title=r.title, description=r.description),
                "group": r.group_id,
                "scale": r.scale_id,
                "easy_read": r.easy_read,
                "origin": r.origin,
                "targets": {
                    cid: {"level": rounded(tg.level), "weight": rounded(tg.weight)}
                    for cid, tg in r.targets.items()
                },
            }
            for r in roles
        ],
        "modules": [
            {
                "id": m.id,
                **_texts(title=m.title, description=m.description),
                "hours": rounded(m.hours),
                "eqf": m.eqf,
                "delivery": m.delivery,
                "covers": list(m.covers),
                "prerequisites": list(m.prerequisites),
                "audience": list(m.audience),
                "origin": m.origin,
            }
            for m in modules
        ],
    }
