"""Reports as self-contained HTML pages: one person, a group, a before/after comparison.

The functions take the JSON-ready data of ``wimcheck report --format json``,
``wimcheck score --cohort --format json`` and of a comparison, and return one HTML5
document each. The pages load nothing: styles are inline, charts are inline SVG built
by :mod:`wimcheck.reports.charts`, there is no script, and a Content-Security-Policy forbids
loading anything should a text slip through.

Every text from the data is untrusted. Templates are rendered by Jinja2 with
autoescaping on; the only markup inserted as it is comes from :mod:`wimcheck.reports.charts`,
which escapes its own text. Links are written only for ``http://`` and ``https://``
addresses.

The data is first turned into a *view* (plain strings and numbers, nothing escaped)
by :func:`person_view`, :func:`group_view` and :func:`compare_view`; the Markdown
reports in :mod:`wimcheck.reports.markdown` render the same views, so both formats say
the same thing. The English sentences are in :data:`TEXT`, by key, ready for
translation.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from wimcheck import __version__
from wimcheck.messages import REPORT_TEXT
from wimcheck.reports.charts import (
    Series,
    distribution_svg,
    format_number,
    gap_bar_svg,
    profile_chart_svg,
)

__all__ = [
    "TEXT",
    "Chart",
    "compare_html",
    "compare_view",
    "format_change",
    "format_percent",
    "group_html",
    "group_view",
    "nearest_value",
    "person_html",
    "person_view",
    "safe_url",
    "text",
]

# Every user-facing sentence of the reports. A key ending in ".person" or
# ".organisation" is picked by the framework's subject (see :func:`text`).
TEXT = REPORT_TEXT  # the sentences of HTML and Markdown reports, in wimcheck.messages

RADAR_MIN_AXES = 3
RADAR_MAX_COMPETENCES = 16
RADAR_MAX_NAMED_AXES = 8  # with more axes, a radar is labelled with numbers and a key
TOP_PRIORITIES = 5
_LANG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def text(key: str, subject: str = "person", /, **values: Any) -> str:
    """The sentence ``key`` for the framework's ``subject``, filled with ``values``."""
    template = TEXT.get(f"{key}.{subject}") or TEXT.get(f"{key}.person") or TEXT[key]
    return template.format(**values) if values else template


# --- small formatting helpers, shared with the Markdown reports ----------------------------


def _num(value: Any, digits: int = 2) -> str:
    if value is None or isinstance(value, bool):
        return TEXT["none"]
    try:
        return format_number(float(value), digits)
    except (TypeError, ValueError):
        return str(value)


def format_percent(value: Any) -> str:
    """A percentage (already in percent) with at most one decimal."""
    if value is None:
        return TEXT["none"]
    return format_number(round(float(value), 1))


def _share(fraction: Any) -> str:
    """A fraction 0..1 as a percentage, e.g. ``37.5 %``."""
    if fraction is None:
        return TEXT["none"]
    return f"{format_percent(float(fraction) * 100)} %"


def format_change(value: Any) -> str:
    """A signed change: ``+2``, ``-0.5``, ``0``."""
    if value is None:
        return TEXT["none"]
    number = float(value)
    shown = format_number(abs(number))
    if shown == "0":
        return "0"
    return f"+{shown}" if number > 0 else f"-{shown}"


def _date(value: Any) -> str | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    shown = moment.strftime("%Y-%m-%d %H:%M")
    offset = moment.utcoffset()
    if offset is None:
        return shown
    if not offset:
        return f"{shown} UTC"
    return f"{shown} (UTC{moment.strftime('%z')[:3]}:{moment.strftime('%z')[3:]})"


def _framework_line(data: Mapping[str, Any]) -> str:
    """Framework title, id and version, e.g. "Workplace Innovation Manager (WIN) (wim, ...)"."""
    values = {
        "title": str(data.get("framework_title") or ""),
        "id": str(data.get("framework") or ""),
        "version": str(data.get("framework_version") or ""),
    }
    key = "framework.line" if values["version"] else "framework.line-no-version"
    return TEXT[key].format(**values)


def safe_url(url: Any) -> str | None:
    """``url`` when it is a plain http(s) address, else ``None`` (then it is shown as text)."""
    if not isinstance(url, str):
        return None
    cleaned = url.strip()
    # no whitespace, quotes or angle brackets: a real address has them percent-encoded
    if re.fullmatch(r"https?://[^\s\"'<>`\\]+", cleaned, flags=re.IGNORECASE) is None:
        return None
    return cleaned


def _language(value: Any) -> str:
    return value if isinstance(value, str) and _LANG.match(value) else "en"


def _labels(scale: Mapping[str, Any], key: str = "labels") -> dict[int, str]:
    out: dict[int, str] = {}
    for raw, label in (scale.get(key) or {}).items():
        try:
            out[int(raw)] = str(label)
        except (TypeError, ValueError):
            continue
    return dict(sorted(out.items()))


def nearest_value(level: float, values: Sequence[int]) -> int | None:
    """The scale value nearest to ``level`` (the lower one on a tie), or ``None``."""
    if not values:
        return None
    return min(values, key=lambda v: (abs(v - level), v))


def _target_value_text(value: float | None, labels: Mapping[int, str]) -> tuple[str, str]:
    """(value, label) of the scale value nearest to a target; a tie goes up (aim higher)."""
    if value is None:
        return TEXT["none"], ""
    values = list(labels)
    nearest = min(values, key=lambda v: (abs(v - float(value)), -v)) if values else None
    if nearest is None:
        return _num(value), ""
    return str(nearest), labels[nearest]


# --- the view of one person's result ------------------------------------------------------


@dataclass
class Chart:
    """What a chart shows, independent of how it is drawn, with the same data as a table."""

    chart_id: str
    heading: str
    title: str
    labels: list[str]
    series: list[Series]
    minimum: float
    maximum: float
    legend: str
    numbered: bool = False
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def svg(self) -> str:
        """The chart as inline SVG: radar with three axes or more, else bars."""
        labels = [str(i) for i in range(1, len(self.labels) + 1)] if self.numbered else self.labels
        return profile_chart_svg(
            labels,
            self.series,
            minimum=self.minimum,
            maximum=self.maximum,
            title=self.title,
            chart_id=self.chart_id,
            missing_text=TEXT["missing"],
            names=self.labels,
        )


def _legend(series: Sequence[Series], count: int) -> str:
    names = {s.style: s.name for s in series}
    if "before" in names:
        return TEXT["legend.before-after"].format(before=names["before"], after=names["after"])
    level = names.get("level", "")
    target = names.get("target", "")
    key = "legend.level-target" if count >= RADAR_MIN_AXES else "legend.bars"
    return TEXT[key].format(level=level, target=target)


def _chart(
    chart_id: str,
    heading: str,
    title: str,
    label_heading: str,
    labels: list[str],
    series: list[Series],
    minimum: float,
    maximum: float,
    numbered: bool = False,
    level_heading: str | None = None,
    gap_column: bool = True,
    changes: Sequence[Any] | None = None,
) -> Chart:
    """A chart and its data table: one row per axis, one column per series, plus gap or change."""
    numbered = numbered and len(labels) > RADAR_MAX_NAMED_AXES
    styles = {s.style: s for s in series}
    short = {
        "level": level_heading or TEXT["col.level"],
        "target": TEXT["col.target"],
        "before": TEXT["col.before"],
        "after": TEXT["col.after"],
    }
    columns = ([TEXT["col.rank"]] if numbered else []) + [label_heading]
    columns += [short[s.style] for s in series]
    extra: str | None = None
    if "level" in styles and "target" in styles and gap_column:
        extra = TEXT["col.gap"]
    elif "before" in styles and "after" in styles:
        extra = TEXT["col.change"]
    if extra:
        columns.append(extra)
    rows = []
    for index, label in enumerate(labels):
        row = ([str(index + 1)] if numbered else []) + [label]
        row += [
            TEXT["missing"]
            if s.values[index] is None and s.style != "target"
            else _num(s.values[index])
            for s in series
        ]
        if extra == TEXT["col.gap"]:
            level, target = styles["level"].values[index], styles["target"].values[index]
            row.append(
                _num(max(0.0, target - level))
                if level is not None and target is not None
                else TEXT["none"]
            )
        elif extra == TEXT["col.change"] and changes is not None:
            row.append(format_change(changes[index]))
        elif extra == TEXT["col.change"]:
            before, after = styles["before"].values[index], styles["after"].values[index]
            row.append(
                format_change(round(after - before, 2))
                if before is not None and after is not None
                else TEXT["none"]
            )
        rows.append(row)
    return Chart(
        chart_id,
        heading,
        title,
        labels,
        series,
        minimum,
        maximum,
        _legend(series, len(labels)),
        numbered,
        columns,
        rows,
    )


def _float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _provenance(result: Mapping[str, Any]) -> dict[str, Any]:
    provenance = result.get("provenance") or {}
    sources = []
    for source in provenance.get("sources") or []:
        title = str(source.get("title") or source.get("url") or "")
        url = str(source.get("url") or "")
        sources.append({"title": title, "url": url, "href": safe_url(url)})
    return {
        "published": str(provenance.get("published") or ""),
        "authored": str(provenance.get("authored") or ""),
        "sources": sources,
        "licence": str(result.get("framework_licence") or ""),
    }


def _gap_state(comp: Mapping[str, Any]) -> str:
    values = {
        "level": _num(comp.get("level")),
        "target": _num(comp.get("target")),
        "gap": _num(comp.get("gap")),
        "surplus": _num(comp.get("surplus")),
    }
    if (_float(comp.get("gap")) or 0) > 0:
        return TEXT["gap.gap"].format(**values)
    if (_float(comp.get("surplus")) or 0) > 0:
        return TEXT["gap.surplus"].format(**values)
    return TEXT["gap.reached"].format(**values)


def _not_enough(comp: Mapping[str, Any]) -> str:
    na = comp.get("not_applicable") or 0
    return TEXT["gap.not-enough"].format(
        answered=comp.get("answered", 0),
        statements=comp.get("statements", 0),
        na=TEXT["gap.na-part"].format(count=na) if na else "",
    )


def _reading(
    area: Mapping[str, Any],
    subject: str,
    easy: bool,
    labels: Mapping[int, str],
    descriptors: Mapping[int, str],
) -> list[str]:
    """The plain-language reading of one area: a list of sentences."""
    title = str(area.get("title") or area.get("id") or "")
    level, target = _float(area.get("level")), _float(area.get("target"))
    if level is None:
        return [TEXT["reading.easy.none" if easy else "reading.none"].format(area=title)]
    nearest = nearest_value(level, list(labels))
    value = str(nearest) if nearest is not None else _num(level)
    label = labels.get(nearest, "") if nearest is not None else ""
    descriptor = descriptors.get(nearest, "") if nearest is not None else ""
    target_value, target_label = _target_value_text(target, labels)
    met = target is not None and level >= target
    if easy:
        sentences = [TEXT["reading.easy.level"].format(area=title, value=value, label=label)]
        if descriptor:
            sentences.append(descriptor)
        if target is not None:
            sentences.append(
                TEXT["reading.easy.target"].format(value=target_value, label=target_label)
            )
        if met:
            sentences.append(TEXT["reading.easy.met"])
        return sentences
    first = text(
        "reading.level", subject, area=title, value=value, label=label, descriptor=descriptor
    )
    sentences = [first.rstrip(": ")]
    if target is not None:
        sentences.append(text("reading.target", subject, value=target_value, label=target_label))
    if met:
        sentences.append(TEXT["reading.met"])
    return sentences


def _answer_text(answer: Any, labels: Mapping[int, str]) -> str:
    if answer is None:
        return TEXT["answer.none"]
    if answer == "n/a":
        return TEXT["answer.na"]
    if isinstance(answer, bool):
        return str(answer)
    if isinstance(answer, int | float) and float(answer).is_integer():
        value = int(answer)
        if value in labels:
            return TEXT["answer.value"].format(value=value, label=labels[value])
    return str(answer)


def person_view(result: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the person report says, as plain (unescaped) strings and numbers."""
    subject = "organisation" if result.get("subject") == "organisation" else "person"
    easy = bool(result.get("easy_read"))
    scale = result.get("scale") or {}
    labels = _labels(scale)
    descriptors = _labels(scale, "descriptors")
    smin = _float(scale.get("min"))
    smax = _float(scale.get("max"))
    minimum = smin if smin is not None else float(min(labels, default=0))
    maximum = smax if smax is not None else float(max(labels, default=1))
    competences: list[Mapping[str, Any]] = list(result.get("competences") or [])
    areas: list[Mapping[str, Any]] = list(result.get("areas") or [])
    titles = {str(c.get("id")): str(c.get("title") or c.get("id") or "") for c in competences}
    respondent = str(result.get("respondent") or "")
    role_title = str(result.get("role_title") or result.get("role") or "")

    started, finished = _date(result.get("started")), _date(result.get("finished"))
    if started and finished and started != finished:
        dates = TEXT["dates.range"].format(started=started, finished=finished)
    else:
        dates = finished or started or TEXT["dates.none"]

    readiness = _float(result.get("readiness"))
    scored = int(result.get("scored_competences") or 0)
    readiness_line = (
        TEXT["readiness.value"].format(value=format_percent(readiness))
        if readiness is not None
        else TEXT["readiness.none"]
    )
    summary = []
    if competences and scored < len(competences):
        summary.append(text("scored.some", subject, scored=scored, total=len(competences)))
    scale_line = ""
    if labels:
        lo, hi = min(labels), max(labels)
        scale_line = TEXT["scale.line"].format(
            min=lo, min_label=labels[lo], max=hi, max_label=labels[hi]
        )

    level_name = text("series.level", subject)
    target_name = text("series.target", subject)
    charts: list[Chart] = []
    if areas:
        charts.append(
            _chart(
                "areas",
                text("h.areas-chart", subject),
                TEXT["chart.areas.title"],
                TEXT["col.area"],
                [str(a.get("title") or a.get("id") or "") for a in areas],
                [
                    Series(level_name, [_float(a.get("level")) for a in areas], "level"),
                    Series(target_name, [_float(a.get("target")) for a in areas], "target"),
                ],
                minimum,
                maximum,
            )
        )
    scored_comps = [c for c in competences if _float(c.get("level")) is not None]
    if RADAR_MIN_AXES <= len(scored_comps) <= RADAR_MAX_COMPETENCES:
        charts.append(
            _chart(
                "competences",
                text("h.competences-chart", subject),
                text("chart.competences.title", subject),
                text("col.competence", subject),
                [str(c.get("title") or c.get("id") or "") for c in scored_comps],
                [
                    Series(level_name, [_float(c.get("level")) for c in scored_comps], "level"),
                    Series(target_name, [_float(c.get("target")) for c in scored_comps], "target"),
                ],
                minimum,
                maximum,
                numbered=True,
            )
        )

    gap_groups = []
    area_titles = {str(a.get("id")): str(a.get("title") or a.get("id") or "") for a in areas}
    for area_id in dict.fromkeys(str(c.get("area")) for c in competences):
        rows = []
        for comp in (c for c in competences if str(c.get("area")) == area_id):
            level, target = _float(comp.get("level")), _float(comp.get("target"))
            scored_here = level is not None and comp.get("status", "scored") == "scored"
            rows.append(
                {
                    "id": str(comp.get("id") or ""),
                    "title": str(comp.get("title") or comp.get("id") or ""),
                    "scored": scored_here,
                    "level": level,
                    "target": target,
                    "numbers": _gap_state(comp) if scored_here else _not_enough(comp),
                    "bar_label": TEXT["gap.bar-label"].format(
                        level=_num(level),
                        target=_num(target),
                        min=_num(minimum),
                        max=_num(maximum),
                    )
                    if scored_here
                    else TEXT["gap.bar-label.missing"].format(target=_num(target)),
                }
            )
        gap_groups.append({"title": area_titles.get(area_id, area_id), "rows": rows})

    with_gap = [c for c in competences if (_float(c.get("gap")) or 0) > 0]
    priorities = [
        {
            "rank": rank,
            "id": str(c.get("id") or ""),
            "title": str(c.get("title") or c.get("id") or ""),
            "gap": _num(c.get("gap")),
            "weight": _num(c.get("weight")),
            "priority": _num(c.get("priority")),
        }
        for rank, c in enumerate(
            sorted(with_gap, key=lambda c: -(_float(c.get("priority")) or 0))[:TOP_PRIORITIES],
            start=1,
        )
    ]

    plan_items: list[Mapping[str, Any]] = list(result.get("plan") or [])
    plan = _plan_rows(plan_items, titles)
    budget = result.get("hours_budget")
    plan_note = " ".join(
        [
            TEXT["plan.total"].format(hours=_num(result.get("plan_hours") or 0)),
            TEXT["plan.budget"].format(hours=_num(budget))
            if budget is not None
            else TEXT["plan.no-budget"],
        ]
    )
    open_gaps = [titles.get(str(g), str(g)) for g in result.get("open_gaps") or []]

    no_gaps = ""
    next_step = ""
    if not with_gap:
        no_gaps = text("no-gaps", subject) if scored else TEXT["no-scores"]
        step = result.get("next_step")
        if step:
            next_step = TEXT["next-step"].format(
                title=str(step.get("title") or step.get("competence") or ""),
                level=_num(step.get("level")),
                label=str(step.get("label") or ""),
            )

    readings = [
        {
            "title": str(a.get("title") or a.get("id") or ""),
            "sentences": _reading(a, subject, easy, labels, descriptors),
        }
        for a in areas
    ]

    answer_groups = []
    answers: list[Mapping[str, Any]] = list(result.get("answers") or [])
    for comp_id in dict.fromkeys(str(a.get("competence")) for a in answers):
        answer_groups.append(
            {
                "title": titles.get(comp_id, comp_id),
                "id": comp_id,
                "rows": [
                    {
                        "id": str(a.get("statement") or ""),
                        "text": str(a.get("text") or ""),
                        "answer": _answer_text(a.get("answer"), labels),
                        "reverse": bool(a.get("reverse")),
                    }
                    for a in answers
                    if str(a.get("competence")) == comp_id
                ],
            }
        )

    return {
        "kind": "person",
        "subject": subject,
        "easy_read": easy,
        "lang": _language(result.get("language")),
        "doc_title": TEXT["person.doc-title"].format(respondent=respondent, role=role_title),
        "heading": TEXT["person.heading"],
        "facts": [
            (TEXT["label.respondent"], respondent),
            (text("label.role", subject), role_title),
            (
                TEXT["label.framework"],
                _framework_line(result),
            ),
            (TEXT["label.answered"], dates),
        ],
        "assisted": TEXT["assisted"].format(name=str(result["assisted_by"]))
        if result.get("assisted_by")
        else "",
        "self_assessed": text("self-assessed", subject),
        "readiness": format_percent(readiness) if readiness is not None else None,
        "readiness_line": readiness_line,
        "summary": summary,
        "readiness_explain": text("readiness.explain", subject),
        "scale_line": scale_line,
        "charts": charts,
        "gap_groups": gap_groups,
        "minimum": minimum,
        "maximum": maximum,
        "priorities": priorities,
        "plan": plan,
        "plan_note": plan_note,
        "open_gaps": open_gaps,
        "no_gaps": no_gaps,
        "next_step": next_step,
        "readings": readings,
        "answer_groups": answer_groups,
        "answers_explain": TEXT["answers.explain"].format(scale=str(scale.get("title") or "")),
        "about": _provenance(result),
        "t": _subject_texts(subject),
    }


def _plan_rows(
    plan_items: Sequence[Mapping[str, Any]], titles: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Plan modules with the competence titles they address and their prerequisite notes."""
    module_titles = {str(p.get("module")): str(p.get("title") or "") for p in plan_items}

    def named(ids: Sequence[Any]) -> str:
        return ", ".join(
            f"{i} ({module_titles[str(i)]})" if module_titles.get(str(i)) else str(i) for i in ids
        )

    rows = []
    for item in plan_items:
        module = str(item.get("module") or "")
        requires = [
            str(p.get("module"))
            for p in plan_items
            if module in [str(m) for m in p.get("prerequisite_for") or []]
        ]
        notes = []
        if requires:
            notes.append(TEXT["plan.requires"].format(modules=named(requires)))
        if item.get("prerequisite_for"):
            notes.append(
                TEXT["plan.prerequisite-for"].format(modules=named(item["prerequisite_for"]))
            )
        covers = [titles.get(str(c), str(c)) for c in item.get("covers") or []]
        hours = _float(item.get("hours"))
        priority = _float(item.get("group_priority"))
        rows.append(
            {
                "module": module,
                "title": str(item.get("title") or ""),
                "hours": _num(item.get("hours")),
                "eqf": _num(item.get("eqf")),
                "delivery": str(item.get("delivery") or TEXT["none"]),
                "covers": covers or [TEXT["plan.needed-first"]],
                "notes": notes,
                "group_priority": _num(priority),
                "per_hour": _num(round(priority / hours, 2)) if priority and hours else "–",
            }
        )
    return rows


def _subject_texts(subject: str) -> dict[str, str]:
    """All texts with the subject's variants under their plain keys (for templates)."""
    out = dict(TEXT)
    suffix = f".{subject}"
    for key, value in TEXT.items():
        if key.endswith(".person"):
            out.setdefault(key[: -len(".person")], value)
    for key, value in TEXT.items():
        if key.endswith(suffix):
            out[key[: -len(suffix)]] = value
    return out


# --- the view of a group report ----------------------------------------------------------


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _group_section(
    index: int, group: Mapping[str, Any], people: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    subject = "organisation" if group.get("subject") == "organisation" else "person"
    section: dict[str, Any] = {
        "index": index,
        "subject": subject,
        "title": TEXT["group.title"].format(
            role=str(group.get("role_title") or group.get("role") or ""),
            framework=str(group.get("framework_title") or group.get("framework") or ""),
        ),
        "framework_line": _framework_line(group),
        "size": TEXT["group.size"].format(count=_num(group.get("respondents"))),
        "shown": bool(group.get("shown")),
        "t": _subject_texts(subject),
    }
    if not section["shown"]:
        section["note"] = TEXT["group.hidden"].format(note=str(group.get("note") or ""))
        return section

    # only for a group that is shown: look at its members' results for names and titles
    members = [
        p
        for p in people
        if p.get("framework") == group.get("framework") and p.get("role") == group.get("role")
    ]
    scale = group.get("scale") or {}
    labels = _labels(members[0].get("scale") or {}) if members else {}
    minimum = _float(scale.get("min"))
    maximum = _float(scale.get("max"))
    minimum = minimum if minimum is not None else float(min(labels, default=0))
    maximum = maximum if maximum is not None else float(max(labels, default=1))

    competences: list[Mapping[str, Any]] = list(group.get("competences") or [])
    area_titles: dict[str, str] = {}
    for member in members[:1]:
        for area in member.get("areas") or []:
            area_titles[str(area.get("id"))] = str(area.get("title") or area.get("id") or "")
    for rel in group.get("reliability") or []:
        area_titles.setdefault(str(rel.get("area")), str(rel.get("title") or rel.get("area")))
    titles = {str(c.get("id")): str(c.get("title") or c.get("id") or "") for c in competences}

    area_ids = list(dict.fromkeys(str(c.get("area")) for c in competences))
    area_means: list[float | None] = []
    area_targets: list[float | None] = []
    for area_id in area_ids:
        members_here = [c for c in competences if str(c.get("area")) == area_id]
        with_mean = [c for c in members_here if _float(c.get("mean")) is not None]
        area_means.append(_mean([float(c["mean"]) for c in with_mean]))
        basis = with_mean or members_here
        area_targets.append(_mean([t for c in basis if (t := _float(c.get("target"))) is not None]))
    charts = []
    area_labels = [area_titles.get(a, a) for a in area_ids]
    if area_ids:
        charts.append(
            _chart(
                f"group{index}-areas",
                TEXT["h.group-chart"],
                TEXT["chart.group.title"],
                TEXT["col.area"],
                area_labels,
                [
                    Series(TEXT["series.group"], area_means, "level"),
                    Series(TEXT["series.group-target"], area_targets, "target"),
                ],
                minimum,
                maximum,
                level_heading=TEXT["col.mean"],
                gap_column=False,
            )
        )
    with_mean = [c for c in competences if _float(c.get("mean")) is not None]
    if RADAR_MIN_AXES <= len(with_mean) <= RADAR_MAX_COMPETENCES:
        charts.append(
            _chart(
                f"group{index}-competences",
                text("h.group-competence-chart", subject),
                TEXT["chart.group-competences.title"],
                text("col.competence", subject),
                [str(c.get("title") or c.get("id") or "") for c in with_mean],
                [
                    Series(
                        TEXT["series.group"], [_float(c.get("mean")) for c in with_mean], "level"
                    ),
                    Series(
                        TEXT["series.group-target"],
                        [_float(c.get("target")) for c in with_mean],
                        "target",
                    ),
                ],
                minimum,
                maximum,
                numbered=True,
                level_heading=TEXT["col.mean"],
                gap_column=False,
            )
        )
    rows = []
    for comp in competences:
        distribution = comp.get("distribution") or {}
        counts = sorted(
            ((str(k), int(v)) for k, v in distribution.items()),
            key=lambda kv: _float(kv[0]) or 0.0,
        )
        title = str(comp.get("title") or comp.get("id") or "")
        rows.append(
            {
                "id": str(comp.get("id") or ""),
                "title": title,
                "area": area_titles.get(str(comp.get("area")), str(comp.get("area") or "")),
                "target": _num(comp.get("target")),
                "scored": _num(comp.get("scored")),
                "mean": _num(comp.get("mean")),
                "min": _num(comp.get("min")),
                "median": _num(comp.get("median")),
                "max": _num(comp.get("max")),
                "below": _share(comp.get("below_target")),
                "mean_gap": _num(comp.get("mean_gap")),
                "counts": counts,
                "dist_label": TEXT["dist.label"].format(
                    title=title,
                    counts=", ".join(
                        TEXT["dist.count"].format(value=v, count=n) for v, n in counts
                    ),
                    target=_num(comp.get("target")),
                ),
                "target_value": _float(comp.get("target")),
            }
        )

    reliability = []
    for rel in group.get("reliability") or []:
        reliability.append(
            {
                "title": area_titles.get(str(rel.get("area")), str(rel.get("title") or "")),
                "item_count": _num(rel.get("items")),
                "respondents": _num(rel.get("respondents")),
                "alpha": _num(rel.get("alpha"), 3),
                "item_total": [
                    (str(it.get("statement") or ""), _num(it.get("r"), 3))
                    for it in rel.get("item_total") or []
                ],
                "warning": str(rel.get("warning") or ""),
            }
        )

    plan = _plan_rows(list(group.get("plan") or []), titles)
    readiness = group.get("readiness_mean")
    section.update(
        {
            "readiness": TEXT["group.readiness"].format(value=format_percent(readiness))
            if readiness is not None
            else TEXT["readiness.none"],
            "charts": charts,
            "table_explain": TEXT["group.table.explain"].format(
                min=_num(minimum), max=_num(maximum)
            ),
            "rows": rows,
            "plan": plan,
            "plan_total": TEXT["plan.total"].format(hours=_num(group.get("plan_hours") or 0)),
            "reliability": reliability,
            "members": [str(m.get("respondent") or "") for m in members],
            "members_heading": TEXT["group.respondents"].format(count=len(members)),
        }
    )
    return section


def group_view(data: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the group report says, as plain (unescaped) strings and numbers."""
    people: list[Mapping[str, Any]] = list(data.get("respondents") or [])
    groups: list[Mapping[str, Any]] = list(data.get("cohort") or [])
    sections = [_group_section(i, g, people) for i, g in enumerate(groups, start=1)]
    frameworks = ", ".join(
        dict.fromkeys(str(g.get("framework_title") or g.get("framework") or "") for g in groups)
    )
    errors = []
    for issue in data.get("errors") or []:
        if isinstance(issue, Mapping):
            where = str(issue.get("file") or "")
            if issue.get("where"):
                where = f"{where}:{issue['where']}"
            errors.append(TEXT["error.line"].format(where=where, reason=str(issue.get("reason"))))
        else:
            errors.append(str(issue))
    abouts = []
    seen: set[str] = set()
    for person in people:
        framework = str(person.get("framework") or "")
        if framework in seen or not any(
            g.get("framework") == framework and g.get("shown") for g in groups
        ):
            continue
        seen.add(framework)
        about = _provenance(person)
        about["framework"] = str(person.get("framework_title") or framework)
        abouts.append(about)
    lang = next((str(p["language"]) for p in people if p.get("language")), "en")
    return {
        "kind": "group",
        "lang": _language(lang),
        "doc_title": TEXT["group.doc-title"].format(frameworks=frameworks),
        "heading": TEXT["group.heading"],
        "summary": TEXT["group.summary"].format(people=len(people), groups=len(groups)),
        "self_assessed": TEXT["group.self-assessed"],
        "no_cohort": TEXT["group.no-cohort"] if data.get("cohort") is None else "",
        "sections": sections,
        "errors": errors,
        "abouts": abouts,
        "t": _subject_texts("person"),
    }


# --- the view of a comparison -------------------------------------------------------------


def _effect_word(value: float | None) -> str:
    if value is None:
        return ""
    size = abs(value)
    if size < 0.2:
        return TEXT["effect.negligible"]
    if size < 0.5:
        return TEXT["effect.small"]
    if size < 0.8:
        return TEXT["effect.medium"]
    return TEXT["effect.large"]


def compare_view(comparison: Mapping[str, Any]) -> dict[str, Any]:
    """Everything a comparison report says, as plain (unescaped) strings and numbers."""
    subject = "organisation" if comparison.get("subject") == "organisation" else "person"
    kind = "group" if comparison.get("kind") == "group" else "person"
    role_title = str(comparison.get("role_title") or comparison.get("role") or "")
    competences: list[Mapping[str, Any]] = list(comparison.get("competences") or [])
    titles = {str(c.get("id")): str(c.get("title") or c.get("id") or "") for c in competences}
    scale = comparison.get("scale") or {}
    labels = _labels(scale)
    before_name, after_name = TEXT["series.before"], TEXT["series.after"]
    framework_line = _framework_line(comparison)

    def scale_bounds(values: Sequence[float | None]) -> tuple[float, float]:
        smin, smax = _float(scale.get("min")), _float(scale.get("max"))
        known = [v for v in values if v is not None]
        lo = smin if smin is not None else float(min(labels, default=0))
        hi = smax if smax is not None else float(max(labels, default=max(known, default=1)))
        if smax is None and known:
            hi = max(hi, float(math.ceil(max(known))))
        return lo, hi

    view: dict[str, Any] = {
        "kind": f"compare-{kind}",
        "compare_kind": kind,
        "subject": subject,
        "lang": _language(comparison.get("language")),
        "framework_line": framework_line,
        "role_title": role_title,
        "t": _subject_texts(subject),
        "self_assessed": text("self-assessed", subject)
        if kind == "person"
        else TEXT["group.self-assessed"],
    }

    if kind == "person":
        respondent = str(comparison.get("respondent") or "")
        before = comparison.get("before") or {}
        after = comparison.get("after") or {}
        areas: list[Mapping[str, Any]] = list(comparison.get("areas") or [])
        all_values = [_float(a.get(k)) for a in areas for k in ("before", "after")]
        all_values += [_float(c.get(k)) for c in competences for k in ("before", "after")]
        minimum, maximum = scale_bounds(all_values)
        charts = []
        if areas:
            charts.append(
                _before_after_chart(
                    "compare-areas",
                    TEXT["h.compare-chart"],
                    TEXT["chart.compare.title"],
                    TEXT["col.area"],
                    areas,
                    (before_name, after_name),
                    ("before", "after", "change"),
                    minimum,
                    maximum,
                )
            )
        comparable = [
            c
            for c in competences
            if _float(c.get("before")) is not None or _float(c.get("after")) is not None
        ]
        if RADAR_MIN_AXES <= len(comparable) <= RADAR_MAX_COMPETENCES:
            charts.append(
                _before_after_chart(
                    "compare-competences",
                    text("h.compare-competence-chart", subject),
                    TEXT["chart.compare-competences.title"],
                    text("col.competence", subject),
                    comparable,
                    (before_name, after_name),
                    ("before", "after", "change"),
                    minimum,
                    maximum,
                    numbered=True,
                )
            )
        change = comparison.get("readiness_change")
        view.update(
            {
                "doc_title": TEXT["compare.doc-title"].format(who=respondent, role=role_title),
                "heading": TEXT["compare.heading"],
                "facts": [
                    (TEXT["label.respondent"], respondent),
                    (text("label.role", subject), role_title),
                    (TEXT["label.framework"], framework_line),
                ],
                "sides": [
                    (
                        TEXT["label.respondent"],
                        str(before.get("respondent") or respondent),
                        str(after.get("respondent") or respondent),
                    ),
                    (
                        TEXT["compare.file"],
                        str(before.get("file") or TEXT["none"]),
                        str(after.get("file") or TEXT["none"]),
                    ),
                    (
                        TEXT["compare.finished"],
                        _date(before.get("finished")) or TEXT["none"],
                        _date(after.get("finished")) or TEXT["none"],
                    ),
                    (
                        TEXT["compare.readiness"],
                        f"{format_percent(before.get('readiness'))} %"
                        if before.get("readiness") is not None
                        else TEXT["none"],
                        f"{format_percent(after.get('readiness'))} %"
                        if after.get("readiness") is not None
                        else TEXT["none"],
                    ),
                ],
                "readiness_change": TEXT["compare.readiness-change"].format(
                    change=format_change(round(float(change), 1))
                )
                if change is not None
                else TEXT["compare.readiness-none"],
                "charts": charts,
                "rows": [
                    {
                        "id": str(c.get("id") or ""),
                        "title": str(c.get("title") or c.get("id") or ""),
                        "target": _num(c.get("target")),
                        "before": _num(c.get("before")),
                        "after": _num(c.get("after")),
                        "change": format_change(c.get("change")),
                        "status": TEXT.get(f"status.{c.get('status')}", str(c.get("status") or "")),
                    }
                    for c in competences
                ],
                "gaps_closed": [
                    titles.get(str(i), str(i)) for i in comparison.get("gaps_closed") or []
                ],
                "new_gaps": [titles.get(str(i), str(i)) for i in comparison.get("new_gaps") or []],
                "shown": True,
            }
        )
        return view

    shown = bool(comparison.get("shown", True))
    readiness = comparison.get("readiness") or {}
    view.update(
        {
            "doc_title": TEXT["compare.doc-title"].format(
                who=TEXT["group.heading"], role=role_title
            ),
            "heading": TEXT["compare.group-heading"],
            "facts": [
                (text("label.role", subject), role_title),
                (TEXT["label.framework"], framework_line),
            ],
            "pairs": TEXT["compare.pairs"].format(pairs=_num(comparison.get("pairs"))),
            "shown": shown,
        }
    )
    if not shown:
        view["note"] = TEXT["compare.hidden"].format(note=str(comparison.get("note") or ""))
        return view
    means = [_float(c.get(k)) for c in competences for k in ("before_mean", "after_mean")]
    minimum, maximum = scale_bounds(means)
    with_values = [
        c
        for c in competences
        if _float(c.get("before_mean")) is not None or _float(c.get("after_mean")) is not None
    ]
    charts = []
    if with_values:
        numbered = len(with_values) >= RADAR_MIN_AXES
        charts.append(
            _before_after_chart(
                "compare-group",
                text("h.compare-competence-chart", subject),
                TEXT["chart.compare-competences.title"],
                text("col.competence", subject),
                with_values,
                (before_name, after_name),
                ("before_mean", "after_mean", "mean_change"),
                minimum,
                maximum,
                numbered=numbered,
            )
        )
    view.update(
        {
            "readiness_line": TEXT["compare.group-readiness"].format(
                before=format_percent(readiness.get("before_mean")),
                after=format_percent(readiness.get("after_mean")),
                change=format_change(readiness.get("mean_change")),
            )
            if readiness
            else "",
            "charts": charts,
            "unpaired_before": [str(r) for r in comparison.get("unpaired_before") or []],
            "unpaired_after": [str(r) for r in comparison.get("unpaired_after") or []],
            "rows": [
                {
                    "id": str(c.get("id") or ""),
                    "title": str(c.get("title") or c.get("id") or ""),
                    "pairs": _num(c.get("pairs")),
                    "before": _num(c.get("before_mean")),
                    "after": _num(c.get("after_mean")),
                    "change": format_change(c.get("mean_change")),
                    "sd": _num(c.get("sd_change")),
                    "effect": _num(c.get("effect_size")),
                    "effect_word": _effect_word(_float(c.get("effect_size"))),
                }
                for c in competences
            ],
            "effect_explain": TEXT["effect.explain"],
        }
    )
    return view


# --- rendering ----------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("wimcheck.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["version"] = __version__
    return env


def _before_after_chart(
    chart_id: str,
    heading: str,
    title: str,
    label_heading: str,
    rows: Sequence[Mapping[str, Any]],
    names: tuple[str, str],
    keys: tuple[str, str, str],
    minimum: float,
    maximum: float,
    numbered: bool = False,
) -> Chart:
    """A before/after chart of ``rows``; ``keys`` name the before, after and change fields."""
    before, after, change = keys
    return _chart(
        chart_id,
        heading,
        title,
        label_heading,
        [str(r.get("title") or r.get("id") or "") for r in rows],
        [
            Series(names[0], [_float(r.get(before)) for r in rows], "before"),
            Series(names[1], [_float(r.get(after)) for r in rows], "after"),
        ],
        minimum,
        maximum,
        numbered=numbered,
        changes=[r.get(change) for r in rows],
    )


def _chart_markup(chart: Chart) -> Markup:
    # radar.py escapes every text it draws; nothing from the data reaches here unescaped
    return Markup(chart.svg())


def _gap_bar(row: Mapping[str, Any], minimum: float, maximum: float) -> Markup:
    return Markup(
        gap_bar_svg(
            row["level"], row["target"], minimum=minimum, maximum=maximum, label=row["bar_label"]
        )
    )


def _distribution(row: Mapping[str, Any]) -> Markup:
    return Markup(
        distribution_svg(row["counts"], target=row["target_value"], label=row["dist_label"])
    )


def _render(template: str, view: Mapping[str, Any]) -> str:
    page = _environment().get_template(template)
    return page.render(
        view=view,
        t=view["t"],
        chart=_chart_markup,
        gap_bar=_gap_bar,
        distribution=_distribution,
        generated=TEXT["about.generated"].format(version=__version__),
    )


def person_html(result: dict[str, Any]) -> str:
    """One person's (or organisation's) result as a self-contained HTML page."""
    return _render("person.html", person_view(result))


def group_html(data: dict[str, Any]) -> str:
    """The group report of ``wimcheck score --cohort --format json`` output as HTML."""
    return _render("group.html", group_view(data))


def compare_html(comparison: dict[str, Any]) -> str:
    """A before/after comparison (of one person or of a group) as HTML."""
    return _render("compare.html", compare_view(comparison))
