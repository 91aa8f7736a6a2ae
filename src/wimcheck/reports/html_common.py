"""Shared pieces of the HTML reports: sentences, number formats, charts, the Jinja2 environment.

Every text from the data is untrusted. Templates are rendered by Jinja2 with
autoescaping on; the only markup inserted as it is comes from :mod:`wimcheck.reports.charts`,
which escapes its own text. Links are written only for ``http://`` and ``https://``
addresses. The pages load nothing: styles are inline, charts are inline SVG, there is no
script, and a Content-Security-Policy forbids loading anything.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from wimcheck import __version__
from wimcheck.assessment.level_words import goal_point, level_point
from wimcheck.i18n.formats import format_datetime
from wimcheck.i18n.formats import format_percent as percent
from wimcheck.messages import REPORT_TEXTS
from wimcheck.reports.charts import (
    Series,
    distribution_svg,
    format_number,
    gap_bar_svg,
    profile_chart_svg,
)
from wimcheck.reports.view_parts import safe_url as safe_url

if TYPE_CHECKING:
    from wimcheck.assessment.result import AreaResult, CompetenceResult, ResultScale
    from wimcheck.assessment.scoring import Answer

# Every user-facing sentence of the reports. A key ending in ".person" or
# ".organisation" is picked by the framework's subject (see :func:`text`).
TEXT = REPORT_TEXTS  # the report sentences, each read in the current language


RADAR_MIN_AXES = 3


RADAR_MAX_COMPETENCES = 16


RADAR_MAX_NAMED_AXES = 8  # with more axes, a radar is labelled with numbers and a key


TOP_PRIORITIES = 5


_LANG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def text(key: str, subject: str = "person", /, **values: Any) -> str:
    """The sentence ``key`` for the framework's ``subject``, filled with ``values``."""
    template = TEXT.get(f"{key}.{subject}") or TEXT.get(f"{key}.person") or TEXT[key]
    return template.format(**values) if values else template


def _num(value: Any, digits: int = 2) -> str:
    if value is None or isinstance(value, bool):
        return TEXT["none"]
    try:
        return format_number(float(value), digits)
    except (TypeError, ValueError):
        return str(value)


def format_percent(value: Any) -> str:
    """A percentage (already in percent) with at most one decimal and the language's sign
    (``37.5%``, ``37,5 %``)."""
    if value is None:
        return TEXT["none"]
    return percent(float(value), digits=1)


def _share(fraction: Any) -> str:
    """A fraction 0..1 as a percentage, e.g. ``37.5%``."""
    if fraction is None:
        return TEXT["none"]
    return format_percent(float(fraction) * 100)


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
    return format_moment(moment)


def format_moment(moment: datetime | None) -> str | None:
    """A date and time as people of the language write it: ``02/03/2026, 09:00 UTC``,
    ``02.03.26, 09:00 UTC`` (``None`` stays ``None``)."""
    if moment is None:
        return None
    shown = format_datetime(moment)
    offset = moment.utcoffset()
    if offset is None:
        return shown
    if not offset:
        return f"{shown} UTC"
    return f"{shown} (UTC{moment.strftime('%z')[:3]}:{moment.strftime('%z')[3:]})"


def framework_line(title: str, framework_id: str, version: str) -> str:
    """Framework title, id and version, e.g. "Workplace Innovation Manager (WIN) (wim, ...)"."""
    key = "framework.line" if version else "framework.line-no-version"
    return TEXT[key].format(title=title, id=framework_id, version=version)


def _language(value: Any) -> str:
    return value if isinstance(value, str) and _LANG.match(value) else "en"


def nearest_value(level: float, values: Sequence[int]) -> int | None:
    """The scale value nearest to ``level`` (the lower one on a tie), or ``None``."""
    if not values:
        return None
    return min(values, key=lambda v: (abs(v - level), v))


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


def _chart_row(
    index: int,
    label: str,
    series: list[Series],
    styles: Mapping[str, Series],
    extra: str | None,
    changes: Sequence[Any] | None,
    numbered: bool,
) -> list[str]:
    """One row of a chart's data table: the label, each series' value, then gap or change."""
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
    return row


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
    styles: dict[str, Series] = {s.style: s for s in series}
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
    rows = [
        _chart_row(index, label, series, styles, extra, changes, numbered)
        for index, label in enumerate(labels)
    ]
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


def _gap_state(comp: CompetenceResult) -> str:
    values = {
        "level": _num(comp.level),
        "target": _num(comp.target),
        "gap": _num(comp.gap),
        "surplus": _num(comp.surplus),
    }
    if (comp.gap or 0) > 0:
        return TEXT["gap.gap"].format(**values)
    if (comp.surplus or 0) > 0:
        return TEXT["gap.surplus"].format(**values)
    return TEXT["gap.reached"].format(**values)


def _not_enough(comp: CompetenceResult) -> str:
    na = comp.not_applicable
    return TEXT["gap.not-enough"].format(
        answered=comp.answered,
        statements=comp.statements,
        na=TEXT["gap.na-part"].format(count=na) if na else "",
    )


def _reading(area: AreaResult, subject: str, easy: bool, scale: ResultScale) -> list[str]:
    """The plain-language reading of one area: a list of sentences.

    Levels and goals become words by the rule of :mod:`wimcheck.assessment.level_words`;
    easy-read readings use the area's easy-read title.
    """
    title = (area.easy_title if easy else area.title) or area.id
    level, target = area.level, area.target
    if level is None:
        return [TEXT["reading.easy.none" if easy else "reading.none"].format(area=title)]
    reached, goal = level_point(scale, level), goal_point(scale, target)
    value, label, descriptor = str(reached.value), reached.label, reached.descriptor
    met = level >= target
    if easy:
        sentences = [TEXT["reading.easy.level"].format(area=title, value=value, label=label)]
        if descriptor:
            sentences.append(descriptor)
        sentences.append(TEXT["reading.easy.target"].format(value=goal.value, label=goal.label))
        if met:
            sentences.append(TEXT["reading.easy.met"])
        return sentences
    first = text(
        "reading.level", subject, area=title, value=value, label=label, descriptor=descriptor
    )
    sentences = [first.rstrip(": ")]
    sentences.append(text("reading.target", subject, value=goal.value, label=goal.label))
    if met:
        sentences.append(TEXT["reading.met"])
    return sentences


def _answer_text(answer: Answer | None, labels: Mapping[int, str]) -> str:
    if answer is None:
        return TEXT["answer.none"]
    if answer == "n/a":
        return TEXT["answer.na"]
    if isinstance(answer, bool):
        return str(answer)
    if answer in labels:
        return TEXT["answer.value"].format(value=answer, label=labels[answer])
    return str(answer)


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


def _chart_markup(chart: Chart) -> Markup:
    # radar.py escapes every text it draws; nothing from the data reaches here unescaped
    return Markup(chart.svg())


class GapBarRow(Protocol):
    """What a gap bar shows: a level (or none), a target, and the bar's spoken label."""

    @property
    def level(self) -> float | None: ...
    @property
    def target(self) -> float | None: ...
    @property
    def bar_label(self) -> str: ...


def _gap_bar(row: GapBarRow, minimum: float, maximum: float) -> Markup:
    return Markup(
        gap_bar_svg(row.level, row.target, minimum=minimum, maximum=maximum, label=row.bar_label)
    )


class DistributionRow(Protocol):
    """What a distribution chart shows: counts per scale value, the target, a spoken label."""

    @property
    def counts(self) -> Sequence[tuple[str, int]]: ...
    @property
    def target_value(self) -> float | None: ...
    @property
    def dist_label(self) -> str: ...


def _distribution(row: DistributionRow) -> Markup:
    return Markup(distribution_svg(row.counts, target=row.target_value, label=row.dist_label))


class TemplateView(Protocol):
    """A typed view of a report page: any object with its texts as ``t``."""

    @property
    def t(self) -> Mapping[str, str]: ...


def _render(template: str, view: TemplateView) -> str:
    page = _environment().get_template(template)
    return page.render(
        view=view,
        t=view.t,
        chart=_chart_markup,
        gap_bar=_gap_bar,
        distribution=_distribution,
        generated=TEXT["about.generated"].format(version=__version__),
    )
