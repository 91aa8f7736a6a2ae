"""An assessment's result as plain data: the structure of ``report --format json``.

The same structure serves the terminal report, the JSON output and (later) batch
scoring, so every view shows the same numbers. Numbers are rounded to two decimals
(readiness to one) only here, at the edge.
"""

from __future__ import annotations

from typing import Any

from wimcheck.assessment.planning import Plan, plan_training
from wimcheck.assessment.responses import ResponseSet
from wimcheck.assessment.scoring import Profile, score
from wimcheck.frameworks.model import Framework, Role
from wimcheck.numbers import rounded

__all__ = ["REPORT_FORMAT_VERSION", "assessment_result", "result_from_profile"]

REPORT_FORMAT_VERSION = 1


def assessment_result(
    framework: Framework, role: Role, responses: ResponseSet, hours: float | None = None
) -> dict[str, Any]:
    """Score ``responses`` and plan training: the whole result as JSON-ready data."""
    profile = score(framework, role, responses.answers)
    plan = plan_training(framework, profile, hours)
    return result_from_profile(framework, role, responses, profile, plan)


def result_from_profile(
    framework: Framework, role: Role, responses: ResponseSet, profile: Profile, plan: Plan
) -> dict[str, Any]:
    """The result data of an already computed profile and plan."""
    lang = responses.language
    scale = profile.scale
    competences = []
    for item in profile.competences:
        competence = framework.competences[item.id]
        competences.append(
            {
                "id": item.id,
                "title": competence.title.get(lang),
                "area": item.area_id,
                "level": rounded(item.level),
                "target": rounded(item.target),
                "weight": rounded(item.weight),
                "gap": rounded(item.gap),
                "surplus": rounded(item.surplus),
                "priority": rounded(item.priority),
                "answered": item.answered,
                "not_applicable": item.not_applicable,
                "statements": item.statements,
                "status": "scored" if item.scored else "not enough answers",
            }
        )
    areas = [
        {
            "id": area.id,
            "title": framework.areas[area.id].title.get(lang),
            "level": rounded(area.level),
            "target": rounded(area.target),
            "competences": area.competences,
            "scored": area.scored,
        }
        for area in profile.areas
    ]
    planned = [
        {
            "module": p.module.id,
            "title": p.module.title.get(lang),
            "hours": rounded(p.module.hours),
            "eqf": p.module.eqf,
            "delivery": p.module.delivery,
            "covers": list(p.covers),
            "prerequisite_for": list(p.prerequisite_for),
        }
        for p in plan.modules
    ]
    next_step = None
    scored = [c for c in profile.competences if c.level is not None]
    if scored and not plan.gaps:
        for candidate in sorted(scored, key=lambda c: ((c.level or 0.0) - c.target, -c.weight)):
            above = scale.next_above(max(candidate.level or 0.0, candidate.target))
            if above is not None:
                next_step = {
                    "competence": candidate.id,
                    "title": framework.competences[candidate.id].title.get(lang),
                    "level": above.value,
                    "label": above.label.get(lang),
                }
                break
    return {
        "format_version": REPORT_FORMAT_VERSION,
        "respondent": responses.respondent,
        "role": role.id,
        "role_title": role.title.get(lang),
        "framework": framework.id,
        "framework_version": framework.version,
        "framework_title": framework.title.get(lang),
        "subject": framework.subject,
        "language": lang,
        "assisted_by": responses.assisted_by,
        "started": responses.started.isoformat() if responses.started else None,
        "finished": responses.finished.isoformat() if responses.finished else None,
        "framework_licence": framework.licence,
        "provenance": {
            "published": framework.provenance_published,
            "authored": framework.provenance_authored,
            "sources": [{"title": s.title, "url": s.url} for s in framework.sources],
        },
        "easy_read": role.easy_read,
        "scale": {
            "id": scale.id,
            "title": scale.title.get(lang),
            "min": scale.min,
            "max": scale.max,
            "labels": {str(v.value): v.label.get(lang) for v in scale.values},
            "descriptors": {str(v.value): v.descriptor.get(lang) for v in scale.values},
        },
        "readiness": rounded(profile.readiness, 1),
        "scored_competences": len(scored),
        "competences": competences,
        "areas": areas,
        "plan": planned,
        "plan_hours": rounded(plan.total_hours),
        "hours_budget": rounded(plan.budget),
        "open_gaps": list(plan.open_gaps),
        "next_step": next_step,
        "answers": [
            {
                "statement": statement.id,
                "competence": statement.competence_id,
                "text": framework.wording(statement, role, lang),
                "reverse": statement.reverse,
                "answer": responses.answers.get(statement.id),
            }
            for statement in framework.questionnaire(role)
        ],
    }
