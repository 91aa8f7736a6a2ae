"""``wimcheck assess``: the interactive self-assessment that never loses an answer."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wimcheck.cli.output import NoColorOption, PlainOption

if TYPE_CHECKING:
    from rich.console import Console

    from wimcheck.assessment.questionnaire import Item, Questionnaire
    from wimcheck.assessment.sessions import Session
    from wimcheck.frameworks.model import Framework, Role

LATEST = "__latest__"


def assess(
    framework: Annotated[
        str | None,
        typer.Argument(
            help="Framework id (e.g. wim) or path of a .toml file. Asked when left out."
        ),
    ] = None,
    role: Annotated[
        str | None, typer.Option("--role", "-r", help="Role id. Asked when left out.")
    ] = None,
    respondent: Annotated[
        str | None, typer.Option("--respondent", help="Name or code of the person answering.")
    ] = None,
    lang: Annotated[
        str, typer.Option("--lang", help="Language of the statements, e.g. de.")
    ] = "en",
    hours: Annotated[
        float | None,
        typer.Option("--hours", min=0, help="Hours available for training (default: no limit)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to save the response file.")
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue the latest unfinished session; `--resume ID` continues that one.",
        ),
    ] = False,
    assisted_by: Annotated[
        str | None,
        typer.Option(
            "--assisted-by", help="Name of a supporter who fills in the answers with the person."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing --output file.")
    ] = False,
    plain: PlainOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Answer a role's statements one at a time and get your gap profile and training plan.

    Your answers are saved after each one; if you stop, continue with --resume.
    When answers come from a file or pipe, give one per line: a scale value, n/a,
    or an empty line to skip, in the order of `wimcheck template FRAMEWORK --role ROLE`.

    Example: wimcheck assess wim --role owner-manager --hours 20
    """
    from wimcheck.assessment.sessions import save_session
    from wimcheck.cli.output import console as make_console

    interactive = sys.stdin.isatty()
    ui = make_console(stderr=True, no_color=no_color, wrap=True)
    if resume:
        # `wimcheck assess --resume [SESSION]`: the argument names the session.
        session, loaded, chosen = _resume(framework or LATEST, ui)
    else:
        session, loaded, chosen = _start(
            framework, role, respondent, lang, hours, output, assisted_by, force, interactive, ui
        )
        save_session(session)
    _run(session, loaded, chosen, interactive, ui, plain, no_color, force)


def _choose(ui: Console, title: str, options: list[tuple[str, str, str]]) -> str:
    """A numbered menu on the terminal; returns the chosen id."""
    from rich.padding import Padding
    from rich.text import Text

    from wimcheck.messages import t

    ui.print(Text(title, style="bold"))
    for number, (_, name, description) in enumerate(options, start=1):
        ui.print(Padding(Text(f"{number}. {name}"), (0, 0, 0, 2)))
        if description:
            ui.print(Padding(Text(description, style="dim"), (0, 0, 0, 5)))
    while True:
        answer = _read_line(ui, t("assess.choose", count=len(options)))
        if answer is None:
            raise KeyboardInterrupt
        answer = answer.strip()
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            return options[int(answer) - 1][0]
        ui.print(Text(t("assess.choose.again", count=len(options))))


def _read_line(ui: Console, prompt: str) -> str | None:
    """One line from standard input (None at the end of input)."""
    ui.file.write(prompt)
    ui.file.flush()
    line = sys.stdin.readline()
    if line == "":
        return None
    return line.rstrip("\r\n")


def _start(
    framework_name: str | None,
    role_id: str | None,
    respondent: str | None,
    lang: str,
    hours: float | None,
    output: Path | None,
    assisted_by: str | None,
    force: bool,
    interactive: bool,
    ui: Console,
) -> tuple[Session, Framework, Role]:
    from wimcheck.assessment.sessions import Session, new_session_id, now
    from wimcheck.errors import UsageError
    from wimcheck.frameworks.catalog import discover, find_role, load_framework
    from wimcheck.messages import t
    from wimcheck.tomlio import refuse_overwrite

    catalog = discover()
    if framework_name is None:
        if not interactive:
            raise UsageError(
                t("assess.pipe.framework"),
                hint=t("assess.pipe.framework.hint"),
            )
        entries = sorted(catalog.entries.values(), key=lambda e: e.framework.id)
        framework_name = _choose(
            ui,
            t("assess.choose-framework"),
            [
                (e.framework.id, e.framework.title.get(lang), e.framework.description.get(lang))
                for e in entries
            ],
        )
    loaded = load_framework(framework_name, catalog)
    if role_id is None:
        if len(loaded.roles) == 1:
            role_id = next(iter(loaded.roles))
        elif not interactive:
            raise UsageError(
                t("assess.pipe.role"),
                hint=t("assess.pipe.role.hint", id=loaded.id, roles=", ".join(loaded.roles)),
            )
        else:
            role_id = _choose(
                ui, t(f"assess.choose-role.{loaded.subject}"), _role_options(loaded, lang)
            )
    chosen = find_role(loaded, role_id)
    if lang not in loaded.languages:
        ui.print(
            f"warning: {loaded.id} has no '{lang}' texts; using English",
            markup=False,
            highlight=False,
        )
        lang = "en"
    if output is not None:
        refuse_overwrite(output, force)
    if respondent is None and interactive:
        typed = _read_line(ui, t("assess.respondent"))
        if typed is None:
            raise KeyboardInterrupt
        respondent = typed.strip() or None
    started = now()
    session = Session(
        id=new_session_id(started),
        framework_id=loaded.id,
        framework_version=loaded.version,
        role_id=chosen.id,
        respondent=respondent or "anonymous",
        language=lang,
        started=started,
        updated=started,
        framework_path=None if catalog.get(loaded.id) else str(loaded.path),
        assisted_by=assisted_by,
        hours=hours,
        output=str(output) if output else None,
        total=len(loaded.questionnaire(chosen)),
    )
    return session, loaded, chosen


def _role_options(framework: Framework, lang: str) -> list[tuple[str, str, str]]:
    options = []
    for role in framework.roles.values():
        group = framework.groups.get(role.group_id) if role.group_id else None
        name = role.title.get(lang)
        if group is not None:
            name = f"{group.title.get(lang)}: {name}"
        options.append((role.id, name, role.description.get(lang)))
    return options


def _resume(resume: str, ui: Console) -> tuple[Session, Framework, Role]:
    from wimcheck.assessment.sessions import list_sessions, load_session
    from wimcheck.errors import SessionError
    from wimcheck.frameworks.catalog import find_role, load_framework
    from wimcheck.messages import t

    if resume == LATEST:
        sessions = list_sessions()
        if not sessions:
            raise SessionError(t("assess.no-session"), hint=t("assess.no-session.hint"))
        session = sessions[0]
    else:
        session = load_session(resume)
    loaded = load_framework(session.framework_path or session.framework_id)
    if loaded.version != session.framework_version:
        ui.print(
            f"warning: the session was started with {loaded.id} {session.framework_version}; "
            f"now {loaded.version} is installed",
            markup=False,
            highlight=False,
        )
    chosen = find_role(loaded, session.role_id)
    answered = sum(1 for v in session.answers.values() if v != "skip")
    ui.print(
        t("assess.resuming", id=session.id, name=session.respondent, count=answered),
        markup=False,
        highlight=False,
    )
    return session, loaded, chosen


def _show_item(ui: Console, q: Questionnaire, item: Item, plain: bool) -> None:
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    from wimcheck.messages import t

    lang = q.lang
    if not plain:
        ui.print(Rule(style="dim"))
    ui.print(
        Text(
            t(
                "assess.progress",
                number=item.index + 1,
                total=len(q.items),
                area_number=item.area_number,
                areas=q.area_count,
                area=item.area.title.get(lang),
            ),
            style="" if plain else "dim",
        )
    )
    ui.print(Text(item.competence.title.get(lang), style="" if plain else "bold"))
    ui.print(Text(""))
    ui.print(Padding(Text(item.text, style="" if plain else "bold"), (0, 0, 0, 2)))
    ui.print(Text(""))
    ui.print(Text(q.scale.title.get(lang)))
    for value in q.scale.values:
        line = Text(f"{value.value}  {value.label.get(lang)}: {value.descriptor.get(lang)}")
        ui.print(Padding(line, (0, 0, 0, 2)))
    ui.print(Text(t("assess.na-choice")))
    previous = q.current_answer()
    if previous is not None:
        shown = {"n/a": t("assess.was-na"), "skip": t("assess.was-skipped")}.get(
            str(previous), str(previous)
        )
        ui.print(Text(t("assess.so-far", answer=shown)))
    ui.print(Text(t("assess.keys"), style="" if plain else "dim"))


def _run(
    session: Session,
    framework: Framework,
    role: Role,
    interactive: bool,
    ui: Console,
    plain: bool,
    no_color: bool,
    force: bool,
) -> None:
    from rich.text import Text

    from wimcheck.assessment.questionnaire import Questionnaire, parse_input
    from wimcheck.assessment.sessions import save_session
    from wimcheck.errors import ExitCode, RejectedInputError
    from wimcheck.messages import t

    q = Questionnaire(framework, role, session.language, session.answers, session.position)
    line_number = 0
    try:
        while not q.done:
            item = q.current
            assert item is not None
            if interactive:
                _show_item(ui, q, item, plain)
            line = _read_line(ui, t("assess.prompt") if interactive else "")
            if line is None:
                _paused(ui, session, q, t("assess.why.eof"))
                raise typer.Exit(int(ExitCode.INTERRUPTED))
            line_number += 1
            action = parse_input(line, q.scale)
            if action.kind == "invalid":
                if not interactive:
                    raise RejectedInputError(
                        t("assess.bad-line", number=line_number, message=action.message),
                        hint=t("assess.bad-line.hint", id=session.id),
                    )
                ui.print(Text(action.message))
                continue
            if action.kind == "help":
                from wimcheck.messages import t

                na_help = t(f"assess.na-help.{framework.subject}")
                ui.print(Text(t("assess.help", na=na_help)))
                continue
            if action.kind == "quit":
                _paused(ui, session, q, t("assess.why.quit"))
                raise typer.Exit(0)
            q.apply(action)
            session = session.with_progress(q.recorded, q.position)
            save_session(session)
    except KeyboardInterrupt:
        _paused(ui, session, q, t("assess.why.interrupt"))
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    _finish(session, framework, role, q, ui, plain, no_color, force)


def _paused(ui: Console, session: Session, q: Questionnaire, why: str) -> None:
    from wimcheck.messages import t

    text = t("assess.paused", why=why, count=q.answered_count, total=len(q.items), id=session.id)
    ui.print("\n" + text, markup=False, highlight=False, soft_wrap=True)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "anonymous"


def _finish(
    session: Session,
    framework: Framework,
    role: Role,
    q: Questionnaire,
    ui: Console,
    plain: bool,
    no_color: bool,
    force: bool,
) -> None:
    from wimcheck.assessment.responses import ResponseSet, write_response_file
    from wimcheck.assessment.result import person_result
    from wimcheck.assessment.sessions import delete_session, now
    from wimcheck.cli.output import console as make_console
    from wimcheck.cli.render import print_report
    from wimcheck.paths import responses_dir
    from wimcheck.tomlio import refuse_overwrite

    responses = ResponseSet(
        framework_id=framework.id,
        framework_version=framework.version,
        role_id=role.id,
        respondent=session.respondent,
        answers=q.answers,
        language=session.language,
        assisted_by=session.assisted_by,
        started=session.started,
        finished=now(),
    )
    if session.output:
        path = Path(session.output)
        refuse_overwrite(path, force)
    else:
        stem = (
            f"{_slug(session.respondent)}-{framework.id}-{role.id}-{session.started:%Y%m%d-%H%M%S}"
        )
        path = responses_dir() / f"{stem}.toml"
        counter = 2
        while path.exists():
            path = responses_dir() / f"{stem}-{counter}.toml"
            counter += 1
    write_response_file(path, responses, framework)
    delete_session(session.id)
    result = person_result(framework, role, responses, session.hours)
    print_report(make_console(no_color=no_color), result, plain)
    from wimcheck.messages import t

    ui.print("\n" + t("assess.saved", path=path), markup=False, highlight=False, soft_wrap=True)
    ui.print(t("assess.again", path=path), markup=False, highlight=False, soft_wrap=True)
