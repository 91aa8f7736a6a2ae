"""The start of an assessment: framework, role and respondent pickers, or a resumed session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wimcheck.cli.assess.prompts import choose, read_line

if TYPE_CHECKING:
    from rich.console import Console

    from wimcheck.assessment.sessions import Session
    from wimcheck.cli.assess.options import AssessOptions
    from wimcheck.frameworks.catalog import Catalog
    from wimcheck.frameworks.model import Framework, Role


def start(
    options: AssessOptions, interactive: bool, ui: Console
) -> tuple[Session, Framework, Role]:
    """A new session: what the options leave open is asked on a terminal (refused on a pipe)."""
    from wimcheck.cli.assess.store import new_session
    from wimcheck.frameworks.catalog import discover, find_role, load_framework
    from wimcheck.tomlio import refuse_overwrite

    catalog = discover()
    name = options.framework
    if name is None:
        name = _pick_framework(catalog, options.lang, interactive, ui)
    framework = load_framework(name, catalog)
    role_id = options.role
    if role_id is None:
        role_id = _pick_role(framework, options.lang, interactive, ui)
    role = find_role(framework, role_id)
    lang = options.lang
    if lang not in framework.languages:
        ui.print(
            f"warning: {framework.id} has no '{lang}' texts; using English",
            markup=False,
            highlight=False,
        )
        lang = "en"
    if options.output is not None:
        refuse_overwrite(options.output, options.force)
    respondent = _ask_respondent(options.respondent, interactive, ui)
    session = new_session(
        options,
        framework,
        role,
        respondent=respondent,
        language=lang,
        framework_path=None if catalog.get(framework.id) else str(framework.path),
    )
    return session, framework, role


def resume(name: str | None, ui: Console) -> tuple[Session, Framework, Role]:
    """The session called ``name`` (the latest when None), with its framework and role."""
    from wimcheck.cli.assess.store import find_session
    from wimcheck.frameworks.catalog import find_role, load_framework
    from wimcheck.messages import t

    session = find_session(name)
    framework = load_framework(session.framework_path or session.framework_id)
    if framework.version != session.framework_version:
        ui.print(
            f"warning: the session was started with {framework.id} {session.framework_version}; "
            f"now {framework.version} is installed",
            markup=False,
            highlight=False,
        )
    role = find_role(framework, session.role_id)
    answered = sum(1 for v in session.answers.values() if v != "skip")
    ui.print(
        t("assess.resuming", id=session.id, name=session.respondent, count=answered),
        markup=False,
        highlight=False,
    )
    return session, framework, role


def _pick_framework(catalog: Catalog, lang: str, interactive: bool, ui: Console) -> str:
    """The framework menu; without a terminal the framework must be named."""
    from wimcheck.errors import UsageError
    from wimcheck.messages import t

    if not interactive:
        raise UsageError(t("assess.pipe.framework"), hint=t("assess.pipe.framework.hint"))
    entries = sorted(catalog.entries.values(), key=lambda e: e.framework.id)
    options = [
        (e.framework.id, e.framework.title.get(lang), e.framework.description.get(lang))
        for e in entries
    ]
    return choose(ui, t("assess.choose-framework"), options)


def _pick_role(framework: Framework, lang: str, interactive: bool, ui: Console) -> str:
    """The only role, or the role menu; without a terminal the role must be named."""
    from wimcheck.errors import UsageError
    from wimcheck.messages import t

    if len(framework.roles) == 1:
        return next(iter(framework.roles))
    if not interactive:
        raise UsageError(
            t("assess.pipe.role"),
            hint=t("assess.pipe.role.hint", id=framework.id, roles=", ".join(framework.roles)),
        )
    return choose(ui, t(f"assess.choose-role.{framework.subject}"), _role_options(framework, lang))


def _role_options(framework: Framework, lang: str) -> list[tuple[str, str, str]]:
    options = []
    for role in framework.roles.values():
        group = framework.groups.get(role.group_id) if role.group_id else None
        name = role.title.get(lang)
        if group is not None:
            name = f"{group.title.get(lang)}: {name}"
        options.append((role.id, name, role.description.get(lang)))
    return options


def _ask_respondent(respondent: str | None, interactive: bool, ui: Console) -> str | None:
    """The respondent given, or asked for on a terminal (empty: anonymous)."""
    from wimcheck.messages import t

    if respondent is not None or not interactive:
        return respondent
    typed = read_line(ui, t("assess.respondent"))
    if typed is None:
        raise KeyboardInterrupt
    return typed.strip() or None
