"""A framework as a readable plain-text outline (``wimcheck frameworks show``)."""

from __future__ import annotations

import textwrap

from wimcheck.framework import Framework, Role
from wimcheck.messages import t
from wimcheck.numbers import plain

__all__ = ["framework_outline"]


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, width=88, initial_indent=indent, subsequent_indent=indent) or [
        indent
    ]


def framework_outline(framework: Framework, role: Role | None = None, lang: str = "en") -> str:
    """The framework (or one role's part of it) as indented plain text."""
    out: list[str] = []
    out.append(f"{framework.title.get(lang)}  [{framework.id} {framework.version}]")
    out += _wrap(framework.description.get(lang), "")
    out.append("")
    subject = (
        "a person about themselves"
        if framework.subject == "person"
        else ("a person on behalf of their organisation")
    )
    out.append(f"Answered by: {subject}")
    out.append(f"Languages: {', '.join(framework.languages)}    Licence: {framework.licence}")
    out.append("Provenance:")
    out += _wrap("From published material: " + framework.provenance_published, "  ")
    out += _wrap("Authored for wimcheck: " + framework.provenance_authored, "  ")
    if framework.sources:
        out.append("Sources:")
        for source in framework.sources:
            out += _wrap(f"- {source.title}" + (f" <{source.url}>" if source.url else ""), "  ")
    out.append("")

    roles = [role] if role else list(framework.roles.values())
    scale_ids = [role.scale_id] if role else list(framework.scales)
    for scale_id in scale_ids:
        scale = framework.scales[scale_id]
        out.append(f"Scale '{scale.id}': {scale.title.get(lang)}")
        for value in scale.values:
            out += _wrap(
                f"{value.value}  {value.label.get(lang)}: {value.descriptor.get(lang)}", "  "
            )
        out.append("  n/a  " + t(f"na.{framework.subject}"))
        out.append("")

    competences = framework.role_competences(role) if role else list(framework.competences.values())
    if role:
        role_word = t(f"word.role.{framework.subject}").capitalize()
        out.append(f"{role_word} '{role.id}': {role.title.get(lang)}")
        out += _wrap(role.description.get(lang), "  ")
        statements = sum(len(c.statements) for c in competences)
        out.append(
            f"  {len(competences)} {t(f'word.competences.{framework.subject}')}, "
            f"{statements} statements"
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
            target = f"  (target {plain(tg.level)}, weight {plain(tg.weight)})"
        out.append(f"  {comp.id}  {comp.title.get(lang)}{target}")
        for statement in comp.statements:
            wording = framework.wording(statement, role, lang) if role else statement.text.get(lang)
            reverse = " (reverse-keyed)" if statement.reverse else ""
            out += _wrap(f"{statement.id}  {wording}{reverse}", "      ")
    out.append("")

    if not role:
        out.append("Roles:")
        for r in roles:
            group = f", group {r.group_id}" if r.group_id else ""
            easy = ", easy-read" if r.easy_read else ""
            out.append(
                f"  {r.id}  {r.title.get(lang)} ({len(r.targets)} competences, "
                f"scale {r.scale_id}{group}{easy})"
            )
        out.append("")

    comp_ids = {c.id for c in competences}
    out.append("Training modules:")
    for module in framework.modules.values():
        if role and (not comp_ids.intersection(module.covers) or not module.is_for(role)):
            continue
        prereq = f"; requires {', '.join(module.prerequisites)}" if module.prerequisites else ""
        out.append(
            f"  {module.id}  {module.title.get(lang)} ({plain(module.hours)} h, EQF {module.eqf}, "
            f"{module.delivery}{prereq})"
        )
        out += _wrap("covers " + ", ".join(module.covers), "      ")
    return "\n".join(out) + "\n"
