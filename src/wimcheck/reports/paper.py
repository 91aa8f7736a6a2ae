"""A printable A4 answer form for one role: statements, the scale, tick boxes, name and date.

The form is one self-contained HTML page (inline CSS, no script, nothing loaded) meant to
be printed from a browser. Every statement row keeps its tick boxes on one line and is
never split across pages; area headings stay with their first statement. Statement ids
are printed small beside each statement, so answers can be typed back into a sheet.
"""

from __future__ import annotations

from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import t
from wimcheck.records import record
from wimcheck.reports.html_common import _environment
from wimcheck.sheets.blank import english_note

__all__ = ["PaperForm", "paper_form", "paper_form_html"]


@record
class ScaleChoice:
    """One answer a person can tick."""

    value: str
    label: str
    descriptor: str


@record
class FormStatement:
    """A statement as printed: its number, wording and id."""

    number: int
    text: str
    id: str


@record
class FormArea:
    """An area heading and its statements."""

    title: str
    statements: tuple[FormStatement, ...]


@record
class PaperForm:
    """Everything the printed form shows, as plain text (escaped when rendered)."""

    lang: str
    title: str
    role: str
    framework_line: str
    english_note: str  # that some texts are shown in English, or ""
    easy_read: bool
    scale_title: str
    choices: tuple[ScaleChoice, ...]
    areas: tuple[FormArea, ...]
    statement_count: int


def _choices(framework: Framework, role: Role, lang: str) -> tuple[ScaleChoice, ...]:
    scale = framework.scale_for(role)
    choices = [
        ScaleChoice(str(v.value), v.label.get(lang), v.descriptor.get(lang)) for v in scale.values
    ]
    if role.easy_read:
        label, descriptor = t("paper.na.easy-read", lang), t("paper.na.easy-read.long", lang)
    else:
        label, descriptor = t("paper.na", lang), ""
    choices.append(ScaleChoice(t("paper.na.column", lang), label, descriptor))
    return tuple(choices)


def _areas(framework: Framework, role: Role, lang: str) -> tuple[FormArea, ...]:
    grouped: dict[str, list[FormStatement]] = {}
    for number, statement in enumerate(framework.questionnaire(role), start=1):
        area_id = framework.competences[statement.competence_id].area_id
        wording = framework.wording(statement, role, lang)
        grouped.setdefault(area_id, []).append(FormStatement(number, wording, statement.id))
    return tuple(
        FormArea(framework.areas[area_id].title.get(lang), tuple(items))
        for area_id, items in grouped.items()
    )


def paper_form(framework: Framework, role: Role, lang: str = "en") -> PaperForm:
    """The printed form of ``role``'s questionnaire in ``lang``."""
    areas = _areas(framework, role, lang)
    return PaperForm(
        lang=lang,
        title=framework.title.get(lang),
        role=role.title.get(lang),
        framework_line=t(
            "paper.framework", lang, id=framework.id, version=framework.version, role=role.id
        ),
        english_note=english_note(framework, role, lang),
        easy_read=role.easy_read,
        scale_title=framework.scale_for(role).title.get(lang),
        choices=_choices(framework, role, lang),
        areas=areas,
        statement_count=sum(len(a.statements) for a in areas),
    )


def paper_form_html(framework: Framework, role: Role, lang: str = "en") -> str:
    """The form as one printable HTML page."""
    form = paper_form(framework, role, lang)
    texts = {
        key: t(f"paper.{key}", lang)
        for key in ("name", "date", "how", "how.easy-read", "statement", "id")
    }
    page = _environment().get_template("paper.html")
    return page.render(form=form, text=texts)
