"""A framework as a readable plain-text outline (``wimcheck frameworks show``)."""

from __future__ import annotations

import textwrap

from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import t
from wimcheck.numbers import plain

__all__ = ["framework_outline"]


def _wrap(text: str, indent: str) -> list[str]:
    wrapped = textwrap.wrap(
        text,
        width=88,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,  # keep web addresses whole
        break_on_hyphens=False,
    )
    return wrapped or [indent]


def framework_outline(framework: Framework, role: Role | None = None, lang: str = "en") -> str:
    """The framework (or one role's part of it) as indented plain text."""
    subject = framework.subject
    out: list[str] = []
    out.append(f"{framework.title.get(lang)}  [{framework.id} {framework.version}]")
    out += _wrap(framework.description.get(lang), "")
    out.append("")
    out.append(t(f"outline.answered-by.{subject}"))
    out.append(
        t("outline.languages", languages=", ".join(framework.languages), licence=framework.licence)
    )
    out.append(t("outline.provenance"))
    out += _wrap(t("outline.published", text=framework.provenance_published), "  ")
    out += _wrap(t("outline.authored", text=framework.provenance_authored), "  ")
    if framework.sources:
        out.append(t("outline.sources"))
        for source in framework.sources:
            out += _wrap(f"- {source.title}" + (f" <{source.url}>" if source.url else ""), "  ")
    out.append("")

    roles = [role] if role else list(framework.roles.values())
    scale_ids = [role.scale_id] if role else list(framework.scales)
    for scale_id in scale_ids:
        scale = framework.scales[scale_id]
        out.append(t("outline.scale", id=scale.id, title=scale.title.get(lang)))
        for value in scale.values:
            out += _wrap(
                f"{value.value}  {value.label.get(lang)}: {value.descriptor.get(lang)}", "  "
            )
        out.append("  n/a  " + t(f"na.{subject}"))
        out.append("")

    competences = framework.role_competences(role) if role else list(framework.competences.values())
    if role:
        role_word = t(f"word.role.{subject}").capitalize()
        out.append(f"{role_word} '{role.id}': {role.title.get(lang)}")
        out += _wrap(role.description.get(lang), "  ")
        statements = sum(len(c.statements) for c in competences)
        out.append(
            t(
                "outline.role-size",
                count=len(competences),
                word=t(f"word.competences.{subject}"),
                statements=statements,
            )
        )
        out.append("")
    current_area = None
    for comp in competences:
        if comp.area_id != current_area:
            current_area = comp.area_id
            area = framework.areas[current_area]
            out.append(f"{area.id}  {area.title.get(lang)}")
        target = ""
        if role:
            tg = role.targets[comp.id]
            target = t("outline.target", level=plain(tg.level), weight=plain(tg.weight))
        out.append(f"  {comp.id}  {comp.title.get(lang)}{target}")
        for statement in comp.statements:
            wording = framework.wording(statement, role, lang) if role else statement.text.get(lang)
            reverse = t("outline.reverse") if statement.reverse else ""
            out += _wrap(f"{statement.id}  {wording}{reverse}", "      ")
    out.append("")

    if not role:
        out.append(t(f"outline.roles.{subject}"))
        for r in roles:
            details = [
                t(
                    "outline.role.count",
                    count=len(r.targets),
                    word=t(f"word.competences.{subject}"),
                ),
                t("outline.role.scale", id=r.scale_id),
            ]
            if r.group_id:
                details.append(t("outline.role.group", id=r.group_id))
            if r.easy_read:
                details.append(t("outline.role.easy-read"))
            out.append(f"  {r.id}  {r.title.get(lang)} ({', '.join(details)})")
        out.append("")

    comp_ids = {c.id for c in competences}
    out.append(t("outline.modules"))
    for module in framework.modules.values():
        if role and (not comp_ids.intersection(module.covers) or not module.is_for(role)):
            continue
        prereq = (
            t("outline.requires", ids=", ".join(module.prerequisites))
            if module.prerequisites
            else ""
        )
        out.append(
            t(
                "outline.module",
                id=module.id,
                title=module.title.get(lang),
                hours=plain(module.hours),
                eqf=module.eqf,
                delivery=module.delivery,
                prereq=prereq,
            )
        )
        out += _wrap(t("outline.covers", ids=", ".join(module.covers)), "      ")
    return "\n".join(out) + "\n"
