"""Before and after: the change between two assessments of one person, or of a group.

A person comparison takes two response sets of one framework and role. A group
comparison pairs respondents by id between two sets of inputs and gives, per
competence, the mean change and its effect size (Cohen's d_z: the mean of the paired
changes divided by their standard deviation).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from wimcheck.assessment.responses import ResponseSet, respondent_key
from wimcheck.assessment.scoring import Profile, score
from wimcheck.errors import RejectedInputError
from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import t
from wimcheck.numbers import rounded

__all__ = ["compare_groups", "compare_people", "effect_size"]


def _status(
    before: float | None, after: float | None, gap_before: float | None, gap_after: float | None
) -> str:
    if before is None or after is None or gap_before is None or gap_after is None:
        return "not comparable"
    if gap_before > 0 and gap_after == 0:
        return "gap closed"
    if gap_before == 0 and gap_after > 0:
        return "new gap"
    if after > before:
        return "improved"
    if after < before:
        return "declined"
    return "unchanged"


def _check_same(first: ResponseSet, second: ResponseSet) -> None:
    if (first.framework_id, first.role_id) != (second.framework_id, second.role_id):
        raise RejectedInputError(
            t(
                "compare.differ",
                first=f"{first.framework_id}/{first.role_id}",
                second=f"{second.framework_id}/{second.role_id}",
            ),
            hint=t("compare.differ.hint"),
        )


def compare_people(
    framework: Framework, role: Role, before: ResponseSet, after: ResponseSet
) -> dict[str, Any]:
    """The change between two assessments of one person."""
    _check_same(before, after)
    first, second = score(framework, role, before.answers), score(framework, role, after.answers)
    competences = []
    for a, b in zip(first.competences, second.competences, strict=True):
        change = None if a.level is None or b.level is None else b.level - a.level
        competences.append(
            {
                "id": a.id,
                "title": framework.competences[a.id].title.get(after.language),
                "area": a.area_id,
                "target": rounded(a.target),
                "before": rounded(a.level),
                "after": rounded(b.level),
                "change": rounded(change),
                "gap_before": rounded(a.gap),
                "gap_after": rounded(b.gap),
                "status": _status(a.level, b.level, a.gap, b.gap),
            }
        )
    areas = []
    for area_a, area_b in zip(first.areas, second.areas, strict=True):
        level_a, level_b = area_a.level, area_b.level
        area_change = None if level_a is None or level_b is None else level_b - level_a
        areas.append(
            {
                "id": area_a.id,
                "title": framework.areas[area_a.id].title.get(after.language),
                "before": rounded(level_a),
                "after": rounded(level_b),
                "change": rounded(area_change),
            }
        )
    readiness_change = (
        None
        if first.readiness is None or second.readiness is None
        else second.readiness - first.readiness
    )
    scale = framework.scale_for(role)
    return {
        "format_version": 1,
        "kind": "person",
        "respondent": after.respondent,
        "framework": framework.id,
        "framework_title": framework.title.get(after.language),
        "framework_version": framework.version,
        "role": role.id,
        "role_title": role.title.get(after.language),
        "subject": framework.subject,
        "scale": {
            "min": scale.min,
            "max": scale.max,
            "labels": {str(v.value): v.label.get(after.language) for v in scale.values},
        },
        "before": _side(before, first),
        "after": _side(after, second),
        "readiness_change": rounded(readiness_change, 1),
        "competences": competences,
        "areas": areas,
        "gaps_closed": [c["id"] for c in competences if c["status"] == "gap closed"],
        "new_gaps": [c["id"] for c in competences if c["status"] == "new gap"],
    }


def _side(responses: ResponseSet, profile: Profile) -> dict[str, Any]:
    return {
        "file": responses.source,
        "respondent": responses.respondent,
        "finished": responses.finished.isoformat() if responses.finished else None,
        "readiness": rounded(profile.readiness, 1),
    }


def effect_size(changes: Sequence[float]) -> float | None:
    """Cohen's d_z for paired changes, or None when it is not defined."""
    if len(changes) < 2:
        return None
    spread = statistics.stdev(changes)
    if spread == 0:
        return None
    return statistics.fmean(changes) / spread


def compare_groups(
    framework: Framework,
    role: Role,
    before: Sequence[ResponseSet],
    after: Sequence[ResponseSet],
    min_group: int = 3,
) -> dict[str, Any]:
    """Mean change and effect size per competence, pairing respondents by id."""
    scale = framework.scale_for(role)
    first = {respondent_key(r.respondent): r for r in before if r.role_id == role.id}
    second = {respondent_key(r.respondent): r for r in after if r.role_id == role.id}
    paired = [name for name in first if name in second]
    base: dict[str, Any] = {
        "format_version": 1,
        "kind": "group",
        "framework": framework.id,
        "framework_title": framework.title.en,
        "framework_version": framework.version,
        "role": role.id,
        "role_title": role.title.en,
        "subject": framework.subject,
        "scale": {
            "min": scale.min,
            "max": scale.max,
            "labels": {str(v.value): v.label.en for v in scale.values},
        },
        "pairs": len(paired),
        "min_group": min_group,
        "unpaired_before": sorted(name for name in first if name not in second),
        "unpaired_after": sorted(name for name in second if name not in first),
    }
    if len(paired) < min_group:
        return {
            **base,
            "shown": False,
            "note": t("compare.small-group", min=min_group),
        }
    profiles = [
        (score(framework, role, first[name].answers), score(framework, role, second[name].answers))
        for name in paired
    ]
    competences = []
    for index, competence in enumerate(framework.role_competences(role)):
        pairs = [
            (a.competences[index].level, b.competences[index].level)
            for a, b in profiles
            if a.competences[index].level is not None and b.competences[index].level is not None
        ]
        befores = [float(p[0]) for p in pairs if p[0] is not None]
        afters = [float(p[1]) for p in pairs if p[1] is not None]
        changes = [b - a for a, b in zip(befores, afters, strict=True)]
        competences.append(
            {
                "id": competence.id,
                "title": competence.title.en,
                "pairs": len(changes),
                "before_mean": rounded(statistics.fmean(befores)) if befores else None,
                "after_mean": rounded(statistics.fmean(afters)) if afters else None,
                "mean_change": rounded(statistics.fmean(changes)) if changes else None,
                "sd_change": rounded(statistics.stdev(changes)) if len(changes) > 1 else None,
                "effect_size": rounded(effect_size(changes)),
            }
        )
    ready = [(a.readiness, b.readiness) for a, b in profiles]
    complete = [(a, b) for a, b in ready if a is not None and b is not None]
    return {
        **base,
        "shown": True,
        "readiness": {
            "before_mean": rounded(statistics.fmean(a for a, _ in complete), 1)
            if complete
            else None,
            "after_mean": rounded(statistics.fmean(b for _, b in complete), 1)
            if complete
            else None,
            "mean_change": rounded(statistics.fmean(b - a for a, b in complete), 1)
            if complete
            else None,
        },
        "competences": competences,
    }
