"""A framework as a readable plain-text outline (``wimcheck frameworks show``).

The outline is built as logical lines (an indent and a text), then wrapped at word
boundaries to the width asked for, each continuation keeping its line's indent. Words
are never split: a word longer than a line (a web address) gets a line of its own,
unindented and whole, so that it can still be copied.
"""

from __future__ import annotations

from wimcheck.frameworks.model import Competence, Framework, Module, Role, Scale
from wimcheck.i18n.formats import language_name
from wimcheck.messages import delivery_word, report_text, t, tn
from wimcheck.numbers import plain
from wimcheck.plaintext import visible, wrap_words

__all__ = ["OUTLINE_WIDTH", "framework_outline"]

OUTLINE_WIDTH = 88  # the widest an outline is, even on a wider terminal (easier to read)


def _heading(framework: Framework, lang: str) -> list[str]:
    """Title, description, who answers, languages, provenance and sources."""
    out = [f"{framework.title.get(lang)}  [{framework.id} {framework.version}]"]
    out.append(framework.description.get(lang))
    out.append("")
    out.append(t(f"outline.answered-by.{framework.subject}"))
    out.append(
        t("outline.languages", languages=", ".join(framework.languages), licence=framework.licence)
    )
    out.append(t("outline.provenance"))
    out.append("  " + t("outline.published", text=framework.provenance_published.get(lang)))
    out.append("  " + t("outline.authored", text=framework.provenance_authored.get(lang)))
    out += _translation_lines(framework, lang)
    if framework.sources:
        out.append(t("outline.sources"))
        for source in framework.sources:
            out.append(f"  - {source.title}" + (f" <{source.url}>" if source.url else ""))
    out.append("")
    return out


def _translation_lines(framework: Framework, lang: str) -> list[str]:
    """Each translation file's language: by whom, reviewed or not, how far, what is official."""
    out = [t("outline.translations")] if framework.translations else []
    for code, item in framework.translations.items():
        language = language_name(code, lang)
        parts = [report_text("about.translation", language=language, by=item.translated_by or "-")]
        if item.reviewed:
            parts.append(
                report_text("about.translation.reviewed-by", name=item.reviewed_by)
                if item.reviewed_by
                else report_text("about.translation.reviewed")
            )
        else:
            parts.append(report_text("about.translation.not-reviewed"))
        parts.append(t("outline.translated", translated=item.translated, total=item.total))
        if item.official:
            parts.append(report_text("about.translation.official", count=item.official))
        out.append("  " + " ".join(parts))
    if framework.english_shown(lang):
        out.append(report_text("about.english-shown"))
    return out


def _scale_section(framework: Framework, scale: Scale, lang: str) -> list[str]:
    """A scale with its values and the "not applicable" answer."""
    out = [t("outline.scale", id=scale.id, title=scale.title.get(lang))]
    for value in scale.values:
        out.append(f"  {value.value}  {value.label.get(lang)}: {value.descriptor.get(lang)}")
    out.append("  n/a  " + t(f"na.{framework.subject}"))
    out.append("")
    return out


def _role_heading(
    framework: Framework, role: Role, competences: list[Competence], lang: str
) -> list[str]:
    """The role shown: its title, description and size."""
    subject = framework.subject
    out = [f"{t(f'word.role.{subject}').capitalize()} '{role.id}': {role.title.get(lang)}"]
    out.append("  " + role.description.get(lang))
    statements = sum(len(c.statements) for c in competences)
    out.append(
        t(
            "outline.role-size",
            competences=tn(f"count.competences.{subject}", len(competences)),
            statements=tn("count.statements", statements),
        )
    )
    out.append("")
    return out


def _competence_lines(
    framework: Framework, comp: Competence, role: Role | None, lang: str
) -> list[str]:
    """A competence (with the role's target) and its statements as the role reads them."""
    target = ""
    if role:
        tg = role.targets[comp.id]
        target = t("outline.target", level=plain(tg.level), weight=plain(tg.weight))
    out = [f"  {comp.id}  {comp.title.get(lang)}{target}"]
    for statement in comp.statements:
        wording = framework.wording(statement, role, lang) if role else statement.text.get(lang)
        reverse = t("outline.reverse") if statement.reverse else ""
        out.append(f"      {statement.id}  {wording}{reverse}")
    return out


def _competences_section(
    framework: Framework, competences: list[Competence], role: Role | None, lang: str
) -> list[str]:
    """The competences by area."""
    out: list[str] = []
    current_area = None
    for comp in competences:
        if comp.area_id != current_area:
            current_area = comp.area_id
            area = framework.areas[current_area]
            out.append(f"{area.id}  {area.title.get(lang)}")
        out += _competence_lines(framework, comp, role, lang)
    out.append("")
    return out


def _roles_section(framework: Framework, lang: str) -> list[str]:
    """Every role with its size, scale, group and whether it reads easy-read wording."""
    subject = framework.subject
    out = [t(f"outline.roles.{subject}")]
    for r in framework.roles.values():
        details = [
            tn(f"count.competences.{subject}", len(r.targets)),
            t("outline.role.scale", id=r.scale_id),
        ]
        if r.group_id:
            details.append(t("outline.role.group", id=r.group_id))
        if r.easy_read:
            details.append(t("outline.role.easy-read"))
        out.append(f"  {r.id}  {r.title.get(lang)} ({', '.join(details)})")
    out.append("")
    return out


def _module_lines(module: Module, lang: str) -> list[str]:
    """A module: hours, level, delivery, prerequisites and what it covers."""
    prereq = (
        t("outline.requires", ids=", ".join(module.prerequisites)) if module.prerequisites else ""
    )
    out = [
        t(
            "outline.module",
            id=module.id,
            title=module.title.get(lang),
            hours=plain(module.hours),
            eqf=module.eqf,
            delivery=delivery_word(module.delivery),
            prereq=prereq,
        )
    ]
    out.append("      " + t("outline.covers", ids=", ".join(module.covers)))
    return out


def _modules_section(
    framework: Framework, competences: list[Competence], role: Role | None, lang: str
) -> list[str]:
    """The modules (with a role: those for it that cover its competences)."""
    comp_ids = {c.id for c in competences}
    out = [t("outline.modules")]
    for module in framework.modules.values():
        if role and (not comp_ids.intersection(module.covers) or not module.is_for(role)):
            continue
        out += _module_lines(module, lang)
    return out


def _wrapped(lines: list[str], width: int) -> list[str]:
    """Every logical line shown as one line (no line breaks or controls from the texts),
    wrapped to ``width``, continuations keeping its indent."""
    out: list[str] = []
    for line in lines:
        text = visible(line).rstrip()
        indent = " " * (len(text) - len(text.lstrip(" ")))
        out += [text] if len(text) <= width else wrap_words(text.lstrip(" "), width, indent)
    return out


def framework_outline(
    framework: Framework,
    role: Role | None = None,
    lang: str = "en",
    width: int = OUTLINE_WIDTH,
) -> str:
    """The framework (or one role's part of it) as indented plain text, at most ``width``
    characters a line (and never more than :data:`OUTLINE_WIDTH`)."""
    out = _heading(framework, lang)
    scales = [framework.scales[role.scale_id]] if role else list(framework.scales.values())
    for scale in scales:
        out += _scale_section(framework, scale, lang)
    competences = framework.role_competences(role) if role else list(framework.competences.values())
    if role:
        out += _role_heading(framework, role, competences, lang)
    out += _competences_section(framework, competences, role, lang)
    if not role:
        out += _roles_section(framework, lang)
    out += _modules_section(framework, competences, role, lang)
    return "\n".join(_wrapped(out, min(width, OUTLINE_WIDTH))) + "\n"
