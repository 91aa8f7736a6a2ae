"""Kiosk mode (``wimcheck assess --kiosk``): one shared computer, one person after another.

The framework (and the role, when ``--role`` names one) is chosen once. Then each
person types their name or a code, answers, sees their result, and presses Enter: the
screen (with its scrollback) is cleared and the next person starts. Each result is a
response file in ``--output`` (a folder) or the data folder. A person who stops with
``q`` keeps an unfinished session, bound to their name; kiosk mode never resumes one
(resume it by its id outside kiosk mode), so nobody continues someone else's answers.
Ctrl+C or the end of input at a name prompt ends kiosk mode.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import typer

from wimcheck.cli.assess.prompts import read_line
from wimcheck.cli.assess.screen import clear, say

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from wimcheck.cli.assess.options import AssessOptions
    from wimcheck.frameworks.model import Framework, Role


def run_kiosk(options: AssessOptions, resume: bool, interactive: bool, ui: Console) -> None:
    """Assess one person after another until a name prompt is ended."""
    from wimcheck.cli.assess.start import choose_framework, language
    from wimcheck.frameworks.catalog import find_role
    from wimcheck.messages import t, tn
    from wimcheck.paths import responses_dir

    _refuse_misuse(options, resume, interactive)
    framework, framework_path = choose_framework(options, interactive, ui)
    role = find_role(framework, options.role) if options.role else None
    lang = language(framework, options.lang, ui, role)
    folder = options.output or responses_dir()
    person = _Person(options, framework, framework_path, role, lang, folder)
    say(ui, t("kiosk.start", framework=framework.title.get(lang), folder=folder))
    saved = 0
    try:
        while (outcome := person.assess(ui)) is not None:
            saved += outcome
    except KeyboardInterrupt:
        pass  # Ctrl+C where no one is answering ends kiosk mode
    finally:
        say(ui, "\n" + tn("kiosk.ended", saved, folder=folder))


class _Person:
    """What every person in kiosk mode answers, and how one person's turn goes."""

    def __init__(
        self,
        options: AssessOptions,
        framework: Framework,
        framework_path: str | None,
        role: Role | None,
        lang: str,
        folder: Path,
    ) -> None:
        self.options = replace(options, output=None, respondent=None)
        self.framework = framework
        self.framework_path = framework_path
        self.role = role
        self.lang = lang
        self.folder = folder

    def assess(self, ui: Console) -> int | None:
        """One person's turn: 1 when their answers were saved, 0 when they stopped early,
        None when no one came (the name prompt was ended)."""
        from wimcheck.cli.app import print_error
        from wimcheck.cli.assess.finish import finish
        from wimcheck.cli.assess.start import begin, choose_role
        from wimcheck.cli.assess.statement import answer_statements
        from wimcheck.errors import UsageError
        from wimcheck.messages import t, t_for

        say(ui, "\n" + t("kiosk.welcome", framework=self.framework.title.get(self.lang)))
        easy = self.role is not None and self.role.easy_read
        name = read_line(ui, t_for("assess.respondent", easy_read=easy))
        if name is None:
            return None
        options = replace(self.options, respondent=name.strip() or None)
        role = self.role or choose_role(self.framework, options, True, ui)
        try:
            session = begin(
                options, self.framework, self.framework_path, role, options.respondent, self.lang
            )
        except UsageError as problem:  # a name that cannot be kept: the next one, please
            print_error(problem)
            return 0
        saved = 1
        try:
            session, q = answer_statements(
                session, self.framework, role, True, ui, options.plain, fresh=True
            )
            finish(session, self.framework, role, q, ui, options, self.folder)
        except typer.Exit as stopped:
            if stopped.exit_code != 0:
                raise
            saved = 0  # stopped with q: the session stays for its owner
        read_line(ui, "\n" + t_for("kiosk.next", easy_read=role.easy_read) + " ")
        clear(ui)
        return saved


def _refuse_misuse(options: AssessOptions, resume: bool, interactive: bool) -> None:
    """Kiosk mode needs a terminal, names no one, resumes nothing, and saves into a folder."""
    from wimcheck.errors import UsageError
    from wimcheck.messages import t

    if resume:
        raise UsageError(t("kiosk.resume"), hint=t("kiosk.resume.hint"))
    if options.respondent is not None:
        raise UsageError(t("kiosk.respondent"), hint=t("kiosk.respondent.hint"))
    if options.output is not None and options.output.exists() and not options.output.is_dir():
        raise UsageError(
            t("kiosk.output-file"), path=options.output, hint=t("kiosk.output-file.hint")
        )
    if not interactive:
        raise UsageError(t("kiosk.pipe"), hint=t("kiosk.pipe.hint"))
