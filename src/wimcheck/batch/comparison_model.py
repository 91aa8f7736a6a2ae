"""A comparison as typed, frozen objects, and its JSON form (``compare --format json``).

The core builds a :data:`Comparison` once (:mod:`wimcheck.batch.compare`); renderers take
it as it is, and :func:`comparison_json` is its serialisation. Numbers are stored already
rounded (two decimals, readiness one) so that a comparison read back from its JSON
(:mod:`wimcheck.batch.comparison_file`) equals the one that was written.
"""

from __future__ import annotations

from typing import Any, Literal

from wimcheck.batch.result_heading import ResultHeading
from wimcheck.numbers import json_number
from wimcheck.records import record

__all__ = [
    "COMPARISON_FORMAT_VERSION",
    "AreaChange",
    "ChangeStatus",
    "Comparison",
    "ComparisonScale",
    "CompetenceChange",
    "GroupComparison",
    "GroupCompetenceChange",
    "GroupReadinessChange",
    "PersonComparison",
    "ScaleLabel",
    "Side",
    "comparison_json",
]

COMPARISON_FORMAT_VERSION = 1

ChangeStatus = Literal[
    "gap closed", "new gap", "improved", "declined", "unchanged", "not comparable"
]


@record
class ScaleLabel:
    """One value of the rating scale and its label."""

    value: int
    label: str


@record
class ComparisonScale:
    """The role's rating scale: lowest and highest value and the labels."""

    min: int
    max: int
    labels: tuple[ScaleLabel, ...]


@record
class Side:
    """One of the two assessments of a person comparison."""

    file: str | None
    respondent: str
    finished: str | None  # ISO 8601, as in the response file
    readiness: float | None


@record
class CompetenceChange:
    """The change of one competence of one person."""

    id: str
    title: str
    area: str
    target: float
    before: float | None
    after: float | None
    change: float | None
    gap_before: float | None
    gap_after: float | None
    status: ChangeStatus


@record
class AreaChange:
    """The change of one area's level of one person."""

    id: str
    title: str
    before: float | None
    after: float | None
    change: float | None


@record
class PersonComparison:
    """Before and after for one person.

    The framework's texts (titles, scale labels) are in ``language``; ``english_shown``
    says that the framework lacks some of them in that language and shows them in English.
    """

    heading: ResultHeading
    respondent: str
    scale: ComparisonScale
    before: Side
    after: Side
    readiness_change: float | None
    competences: tuple[CompetenceChange, ...]
    areas: tuple[AreaChange, ...]
    gaps_closed: tuple[str, ...]
    new_gaps: tuple[str, ...]
    language: str = "en"
    english_shown: bool = False
    format_version: int = COMPARISON_FORMAT_VERSION
    kind: Literal["person"] = "person"


@record
class GroupCompetenceChange:
    """The mean change of one competence over the pairs that have both levels."""

    id: str
    title: str
    pairs: int
    before_mean: float | None
    after_mean: float | None
    mean_change: float | None
    sd_change: float | None
    effect_size: float | None  # Cohen's d_z


@record
class GroupReadinessChange:
    """Mean readiness before and after, and the mean change, over complete pairs."""

    before_mean: float | None
    after_mean: float | None
    mean_change: float | None


@record
class GroupComparison:
    """Before and after for a group paired by respondent.

    A group smaller than ``min_group`` is not ``shown``: it has a ``note`` and neither
    ``readiness`` nor ``competences``. ``language`` and ``english_shown`` are those of
    :class:`PersonComparison`.
    """

    heading: ResultHeading
    scale: ComparisonScale
    pairs: int
    min_group: int
    unpaired_before: tuple[str, ...]
    unpaired_after: tuple[str, ...]
    shown: bool
    note: str | None = None
    readiness: GroupReadinessChange | None = None
    competences: tuple[GroupCompetenceChange, ...] = ()
    language: str = "en"
    english_shown: bool = False
    format_version: int = COMPARISON_FORMAT_VERSION
    kind: Literal["group"] = "group"


Comparison = PersonComparison | GroupComparison


def _heading_json(heading: ResultHeading) -> dict[str, Any]:
    return {
        "framework": heading.framework,
        "framework_title": heading.framework_title,
        "framework_version": heading.framework_version,
        "role": heading.role,
        "role_title": heading.role_title,
        "subject": heading.subject,
    }


def _language_json(language: str, english_shown: bool) -> dict[str, Any]:
    return {"language": language, "english_shown": english_shown}


def _scale_json(scale: ComparisonScale) -> dict[str, Any]:
    return {
        "min": scale.min,
        "max": scale.max,
        "labels": {str(item.value): item.label for item in scale.labels},
    }


def _side_json(side: Side) -> dict[str, Any]:
    return {
        "file": side.file,
        "respondent": side.respondent,
        "finished": side.finished,
        "readiness": json_number(side.readiness),
    }


def _competence_change_json(item: CompetenceChange) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "area": item.area,
        "target": json_number(item.target),
        "before": json_number(item.before),
        "after": json_number(item.after),
        "change": json_number(item.change),
        "gap_before": json_number(item.gap_before),
        "gap_after": json_number(item.gap_after),
        "status": item.status,
    }


def _area_change_json(item: AreaChange) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "before": json_number(item.before),
        "after": json_number(item.after),
        "change": json_number(item.change),
    }


def _person_json(comparison: PersonComparison) -> dict[str, Any]:
    return {
        "format_version": comparison.format_version,
        "kind": comparison.kind,
        "respondent": comparison.respondent,
        **_heading_json(comparison.heading),
        **_language_json(comparison.language, comparison.english_shown),
        "scale": _scale_json(comparison.scale),
        "before": _side_json(comparison.before),
        "after": _side_json(comparison.after),
        "readiness_change": json_number(comparison.readiness_change),
        "competences": [_competence_change_json(c) for c in comparison.competences],
        "areas": [_area_change_json(a) for a in comparison.areas],
        "gaps_closed": list(comparison.gaps_closed),
        "new_gaps": list(comparison.new_gaps),
    }


def _group_competence_json(item: GroupCompetenceChange) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "pairs": item.pairs,
        "before_mean": json_number(item.before_mean),
        "after_mean": json_number(item.after_mean),
        "mean_change": json_number(item.mean_change),
        "sd_change": json_number(item.sd_change),
        "effect_size": json_number(item.effect_size),
    }


def _group_json(comparison: GroupComparison) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format_version": comparison.format_version,
        "kind": comparison.kind,
        **_heading_json(comparison.heading),
        **_language_json(comparison.language, comparison.english_shown),
        "scale": _scale_json(comparison.scale),
        "pairs": comparison.pairs,
        "min_group": comparison.min_group,
        "unpaired_before": list(comparison.unpaired_before),
        "unpaired_after": list(comparison.unpaired_after),
        "shown": comparison.shown,
    }
    if not comparison.shown:
        return {**data, "note": comparison.note}
    readiness = comparison.readiness
    data["readiness"] = (
        None
        if readiness is None
        else {
            "before_mean": json_number(readiness.before_mean),
            "after_mean": json_number(readiness.after_mean),
            "mean_change": json_number(readiness.mean_change),
        }
    )
    data["competences"] = [_group_competence_json(c) for c in comparison.competences]
    return data


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """The JSON-ready form of ``comparison``: the structure of ``compare --format json``."""
    if isinstance(comparison, PersonComparison):
        return _person_json(comparison)
    return _group_json(comparison)
