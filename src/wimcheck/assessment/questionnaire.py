"""The questionnaire engine: order, position, answers and commands. No input or output.

The command line feeds it what the person typed; it answers with what happened. The
same engine runs an interactive terminal session and a scripted one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from wimcheck.assessment.scoring import NA, Answer
from wimcheck.frameworks.model import Area, Competence, Framework, Role, Scale, Statement
from wimcheck.messages import t

__all__ = ["SKIP", "Action", "Item", "Questionnaire", "parse_input"]

SKIP: Literal["skip"] = "skip"
Recorded = Answer | Literal["skip"]


@dataclass(frozen=True)
class Item:
    """One statement of the questionnaire, with where it stands."""

    index: int  # 0-based position
    statement: Statement
    competence: Competence
    area: Area
    area_number: int  # 1-based among the role's areas
    text: str  # the wording this role sees, in the session's language


@dataclass(frozen=True)
class Action:
    """What a line of input means."""

    kind: Literal["answer", "na", "skip", "keep", "back", "help", "quit", "invalid"]
    value: int | None = None
    message: str = ""


def parse_input(text: str, scale: Scale) -> Action:
    """Interpret one line: a scale value, n/a, empty, or a command key."""
    token = text.strip().lower()
    if token == "":
        return Action("keep")
    if token in {"n/a", "na", "n", "not applicable"}:
        return Action("na")
    if token in {"s", "skip"}:
        return Action("skip")
    if token in {"b", "back"}:
        return Action("back")
    if token in {"?", "h", "help"}:
        return Action("help")
    if token in {"q", "quit", "exit"}:
        return Action("quit")
    allowed = ", ".join(str(v.value) for v in scale.values)
    try:
        value = int(token)
    except ValueError:
        return Action(
            "invalid",
            message=t("assess.not-an-answer", text=text.strip(), allowed=allowed),
        )
    if not scale.has(value):
        return Action(
            "invalid",
            message=t("assess.off-scale", value=value, allowed=allowed),
        )
    return Action("answer", value=value)


def _items(framework: Framework, role: Role, lang: str) -> tuple[Item, ...]:
    """The role's statements in order, each with its competence, area and wording."""
    area_numbers: dict[str, int] = {}
    items: list[Item] = []
    for competence in framework.role_competences(role):
        area_numbers.setdefault(competence.area_id, len(area_numbers) + 1)
        for statement in competence.statements:
            items.append(
                Item(
                    index=len(items),
                    statement=statement,
                    competence=competence,
                    area=framework.areas[competence.area_id],
                    area_number=area_numbers[competence.area_id],
                    text=framework.wording(statement, role, lang),
                )
            )
    return tuple(items)


class Questionnaire:
    """A role's statements in order, the answers so far and the current position."""

    def __init__(
        self,
        framework: Framework,
        role: Role,
        lang: str = "en",
        answers: Mapping[str, Recorded] | None = None,
        position: int = 0,
    ) -> None:
        self.framework = framework
        self.role = role
        self.lang = lang
        self.scale = framework.scale_for(role)
        self.items = _items(framework, role, lang)
        self.area_count = len({item.area.id for item in self.items})
        self.recorded: dict[str, Recorded] = dict(answers or {})
        self.position = max(0, min(position, len(self.items)))

    @property
    def done(self) -> bool:
        """Whether every statement has been passed."""
        return self.position >= len(self.items)

    @property
    def current(self) -> Item | None:
        """The statement being asked, or None when done."""
        return None if self.done else self.items[self.position]

    def current_answer(self) -> Recorded | None:
        """What was recorded for the current statement, if anything."""
        item = self.current
        return None if item is None else self.recorded.get(item.statement.id)

    def apply(self, action: Action) -> None:
        """Apply an answer, skip or navigation action."""
        item = self.current
        if item is None:
            return
        sid = item.statement.id
        if action.kind == "answer" and action.value is not None:
            self.recorded[sid] = action.value
        elif action.kind == "na":
            self.recorded[sid] = NA
        elif action.kind == "skip" or (action.kind == "keep" and sid not in self.recorded):
            self.recorded[sid] = SKIP
        elif action.kind == "back":
            self.position = max(0, self.position - 1)
            return
        elif action.kind != "keep":
            return
        self.position += 1

    @property
    def answers(self) -> dict[str, Answer]:
        """The answers to score: scale values and "n/a", skipped ones left out, in order."""
        out: dict[str, Answer] = {}
        for item in self.items:
            value = self.recorded.get(item.statement.id)
            if value is not None and value != SKIP:
                out[item.statement.id] = value
        return out

    @property
    def answered_count(self) -> int:
        """How many statements have an answer (a value or n/a)."""
        return len(self.answers)
