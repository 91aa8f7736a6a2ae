"""Before and after: the change between two assessments of one person, or of a group.

A person comparison takes two response sets of one framework and role. A group
comparison pairs respondents by id between two sets of inputs and gives, per
competence, the mean change and its effect size (Cohen's d_z: the mean of the paired
changes divided by their standard deviation). Both build the typed result of
:mod:`wimcheck.batch.comparison_model`.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from wimcheck.assessment.responses import ResponseSet, respondent_key
from wimcheck.assessment.scoring import AreaScore, CompetenceScore, Profile, score
from wimcheck.batch.comparison_model import (
    AreaChange,
    ChangeStatus,
    ComparisonScale,
    CompetenceChange,
    GroupComparison,
    GroupCompetenceChange,
    GroupReadinessChange,
    PersonComparison,
    ScaleLabel,
    Side,
)
from wimcheck.batch.result_heading import result_heading
from wimcheck.errors import RejectedInputError
from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import t
from wimcheck.numbers import rounded_float

__all__ = ["compare_groups", "compare_people", "effect_size"]


def _status(
    before: float | None, after: float | None, gap_before: float | None, gap_after: float | None
) -> ChangeStatus:
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


def _difference(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


def _scale(framework: Framework, role: Role, lang: str) -> ComparisonScale:
    scale = framework.scale_for(role)
    labels = tuple(ScaleLabel(v.value, v.label.get(lang)) for v in scale.values)
    return ComparisonScale(min=scale.min, max=scale.max, labels=labels)


def _competence_change(
    framework: Framework, lang: str, before: CompetenceScore, after: CompetenceScore
) -> CompetenceChange:
    return CompetenceChange(
        id=before.id,
        title=framework.competences[before.id].title.get(lang),
        area=before.area_id,
        target=float(round(before.target, 2)),
        before=rounded_float(before.level),
        after=rounded_float(after.level),
        change=rounded_float(_difference(before.level, after.level)),
        gap_before=rounded_float(before.gap),
        gap_after=rounded_float(after.gap),
        status=_status(before.level, after.level, before.gap, after.gap),
    )


def _area_change(
    framework: Framework, lang: str, before: AreaScore, after: AreaScore
) -> AreaChange:
    return AreaChange(
        id=before.id,
        title=framework.areas[before.id].title.get(lang),
        before=rounded_float(before.level),
        after=rounded_float(after.level),
        change=rounded_float(_difference(before.level, after.level)),
    )


def _side(responses: ResponseSet, profile: Profile) -> Side:
    return Side(
        file=responses.source,
        respondent=responses.respondent,
        finished=responses.finished.isoformat() if responses.finished else None,
        readiness=rounded_float(profile.readiness, 1),
    )


def compare_people(
    framework: Framework,
    role: Role,
    before: ResponseSet,
    after: ResponseSet,
    lang: str | None = None,
) -> PersonComparison:
    """The change between two assessments of one person; the framework's texts in ``lang``
    (English where the framework lacks one), by default in the language of ``after``."""
    _check_same(before, after)
    lang = lang or after.language
    first, second = score(framework, role, before.answers), score(framework, role, after.answers)
    competences = tuple(
        _competence_change(framework, lang, a, b)
        for a, b in zip(first.competences, second.competences, strict=True)
    )
    return PersonComparison(
        heading=result_heading(framework, role, lang),
        respondent=after.respondent,
        scale=_scale(framework, role, lang),
        before=_side(before, first),
        after=_side(after, second),
        readiness_change=rounded_float(_difference(first.readiness, second.readiness), 1),
        competences=competences,
        areas=tuple(
            _area_change(framework, lang, a, b)
            for a, b in zip(first.areas, second.areas, strict=True)
        ),
        gaps_closed=tuple(c.id for c in competences if c.status == "gap closed"),
        new_gaps=tuple(c.id for c in competences if c.status == "new gap"),
        language=lang,
        english_shown=framework.english_shown(lang),
    )


def effect_size(changes: Sequence[float]) -> float | None:
    """Cohen's d_z for paired changes, or None when it is not defined."""
    if len(changes) < 2:
        return None
    spread = statistics.stdev(changes)
    if spread == 0:
        return None
    return statistics.fmean(changes) / spread


def _mean(values: Sequence[float], digits: int = 2) -> float | None:
    return rounded_float(statistics.fmean(values), digits) if values else None


def _group_competence_change(
    competence_id: str, title: str, index: int, profiles: Sequence[tuple[Profile, Profile]]
) -> GroupCompetenceChange:
    """The change of the competence at ``index`` over the pairs with both levels."""
    befores: list[float] = []
    afters: list[float] = []
    for first, second in profiles:
        level_before = first.competences[index].level
        level_after = second.competences[index].level
        if level_before is not None and level_after is not None:
            befores.append(float(level_before))
            afters.append(float(level_after))
    changes = [b - a for a, b in zip(befores, afters, strict=True)]
    return GroupCompetenceChange(
        id=competence_id,
        title=title,
        pairs=len(changes),
        before_mean=_mean(befores),
        after_mean=_mean(afters),
        mean_change=_mean(changes),
        sd_change=rounded_float(statistics.stdev(changes)) if len(changes) > 1 else None,
        effect_size=rounded_float(effect_size(changes)),
    )


def _group_readiness(profiles: Sequence[tuple[Profile, Profile]]) -> GroupReadinessChange:
    """Mean readiness over the pairs where both readiness values exist."""
    complete = [
        (a.readiness, b.readiness)
        for a, b in profiles
        if a.readiness is not None and b.readiness is not None
    ]
    return GroupReadinessChange(
        before_mean=_mean([a for a, _ in complete], 1),
        after_mean=_mean([b for _, b in complete], 1),
        mean_change=_mean([b - a for a, b in complete], 1),
    )


def compare_groups(
    framework: Framework,
    role: Role,
    before: Sequence[ResponseSet],
    after: Sequence[ResponseSet],
    min_group: int = 3,
    lang: str = "en",
) -> GroupComparison:
    """Mean change and effect size per competence, pairing respondents by id; the
    framework's texts in ``lang`` (English where the framework lacks one)."""
    first = {respondent_key(r.respondent): r for r in before if r.role_id == role.id}
    second = {respondent_key(r.respondent): r for r in after if r.role_id == role.id}
    paired = [name for name in first if name in second]
    shown = len(paired) >= min_group
    profiles = [
        (score(framework, role, first[name].answers), score(framework, role, second[name].answers))
        for name in (paired if shown else [])
    ]
    return GroupComparison(
        heading=result_heading(framework, role, lang),
        scale=_scale(framework, role, lang),
        pairs=len(paired),
        min_group=min_group,
        unpaired_before=tuple(sorted(name for name in first if name not in second)),
        unpaired_after=tuple(sorted(name for name in second if name not in first)),
        shown=shown,
        note=None if shown else t("compare.small-group", min=min_group),
        readiness=_group_readiness(profiles) if shown else None,
        competences=tuple(
            _group_competence_change(c.id, c.title.get(lang), index, profiles)
            for index, c in enumerate(framework.role_competences(role))
        )
        if shown
        else (),
        language=lang,
        english_shown=framework.english_shown(lang),
    )
