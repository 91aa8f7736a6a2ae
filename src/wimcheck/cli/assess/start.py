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
    from wimcheck.tomlio import refuse_overwrite

    if interactive:
        mention_unfinished(ui, options.respondent)
    framework, framework_path = choose_framework(options, interactive, ui)
    role = choose_role(framework, options, interactive, ui)
    lang = language(framework, options.lang, ui, role)
    if options.output is not None:
        refuse_overwrite(options.output, options.force)
    respondent = ask_respondent(options.respondent, role.easy_read, interactive, ui)
    session = begin(options, framework, framework_path, role, respondent, lang)
    return session, framework, role


def choose_framework(
    options: AssessOptions, interactive: bool, ui: Console
) -> tuple[Framework, str | None]:
    """The framework named or picked, and its file when it is not an installed one."""
    from wimcheck.frameworks.catalog import discover, load_framework

    catalog = discover()
    name = options.framework
    if name is None:
        name = _pick_framework(catalog, options.lang, interactive, ui)
    framework = load_framework(name, catalog)
    return framework, None if catalog.get(framework.id) else str(framework.path)


def choose_role(
    framework: Framework, options: AssessOptions, interactive: bool, ui: Console
) -> Role:
    """The role named, or picked from the framework's roles."""
    from wimcheck.frameworks.catalog import find_role

    role_id = options.role
    if role_id is None:
        role_id = _pick_role(framework, options.lang, interactive, ui)
    return find_role(framework, role_id)


def language(framework: Framework, lang: str, ui: Console, role: Role | None = None) -> str:
    """``lang``; a warning when the framework has no texts in it (they are then English,
    while wimcheck's own texts and the saved answers keep ``lang``), or lacks some of those
    ``role`` is shown (of the whole framework while no role is chosen)."""
    from wimcheck.cli.assess.screen import say
    from wimcheck.frameworks.texts import role_texts_in_english
    from wimcheck.messages import t

    if lang not in framework.languages:
        say(ui, t("assess.no-language", id=framework.id, lang=lang))
    elif (
        framework.english_shown(lang)
        if role is None
        else role_texts_in_english(framework, role, lang)
    ):
        say(ui, t("assess.some-english", id=framework.id, lang=lang))
    return lang


def begin(
    options: AssessOptions,
    framework: Framework,
    framework_path: str | None,
    role: Role,
    respondent: str | None,
    lang: str,
) -> Session:
    """The new session, saved in a file of its own."""
    from wimcheck.cli.assess.store import create, new_session

    session = new_session(
        options,
        framework,
        role,
        respondent=respondent,
        language=lang,
        framework_path=framework_path,
    )
    return create(session)


def resume(
    name: str | None, respondent: str | None, ui: Console
) -> tuple[Session, Framework, Role]:
    """The session called ``name`` (else the latest of ``respondent``), its framework and role."""
    from wimcheck.cli.assess.screen import say
    from wimcheck.cli.assess.store import find_session
    from wimcheck.frameworks.catalog import find_role, load_framework
    from wimcheck.messages import t, t_for

    session = find_session(name, respondent)
    framework = load_framework(session.framework_path or session.framework_id)
    if framework.version != session.framework_version:
        say(
            ui,
            t(
                "assess.version-changed",
                id=framework.id,
                started=session.framework_version,
                version=framework.version,
            ),
        )
    role = find_role(framework, session.role_id)
    answered = sum(1 for v in session.answers.values() if v != "skip")
    say(
        ui,
        t_for(
            "assess.resuming",
            easy_read=role.easy_read,
            id=session.id,
            name=session.respondent,
            count=answered,
        ),
    )
    return session, framework, role


def mention_unfinished(ui: Console, respondent: str | None) -> None:
    """Say that unfinished sessions exist (``respondent``'s only, when named), and how to
    continue the latest."""
    from wimcheck.cli.assess.screen import say
    from wimcheck.cli.assess.store import unfinished
    from wimcheck.messages import t

    sessions = unfinished(respondent)
    if not sessions:
        return
    latest = sessions[0]
    say(
        ui,
        t(
            "assess.unfinished" if len(sessions) == 1 else "assess.unfinished.many",
            count=len(sessions),
            name=latest.respondent,
            framework=latest.framework_id,
            role=latest.role_id,
            answered=sum(1 for v in latest.answers.values() if v != "skip"),
            total=latest.total,
            id=latest.id,
        ),
    )


def _pick_framework(catalog: Catalog, lang: str, interactive: bool, ui: Console) -> str:
    """The framework menu; without a terminal the framework must be named."""
    from wimcheck.errors import UsageError
    from wimcheck.messages import t

    if not interactive:
        raise UsageError(t("assess.pipe.framework"), hint=t("assess.pipe.framework.hint"))
    entries = sorted(catalog.entries.values(), key=lambda e: e.framework.id)
    options = [
        (
            e.framework.id,
            e.framework.title.get(lang),
            e.framework.description.get(lang)
            + "\n"
            + t("assess.framework-languages", languages=", ".join(e.framework.languages)),
        )
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


def ask_respondent(
    respondent: str | None, easy_read: bool, interactive: bool, ui: Console
) -> str | None:
    """The respondent given, or asked for on a terminal (empty: anonymous); a typed name
    that cannot be kept is refused with the reason, and the name asked for again."""
    from wimcheck.assessment.sessions import checked_name
    from wimcheck.cli.app import print_error
    from wimcheck.errors import UsageError
    from wimcheck.messages import t_for

    if respondent is not None or not interactive:
        return respondent
    while True:
        typed = read_line(ui, t_for("assess.respondent", easy_read=easy_read))
        if typed is None:
            raise KeyboardInterrupt
        try:
            checked_name(typed)
        except UsageError as problem:
            print_error(problem)
            continue
        return typed.strip() or None
