"""The questionnaire engine: order, position, answers and commands. No input or output.

The command line feeds it what the person typed; it answers with what happened. The
same engine runs an interactive terminal session and a scripted one.

With ``review_skipped`` (on a terminal), the statements skipped in the first pass are
offered once more before the end; the person may skip them again. The position then
counts on past the end of the first pass: ``len(items) + 1 + index`` is statement
``index`` in the review, and ``2 * len(items) + 1`` the end of the review, so that a
session saved during the review resumes there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from wimcheck.assessment.scoring import NA, Answer
from wimcheck.frameworks.model import Area, Competence, Framework, Role, Scale, Statement
from wimcheck.messages import t_for
from wimcheck.records import record

__all__ = [
    "SECONDS_PER_EASY_READ_STATEMENT",
    "SECONDS_PER_STATEMENT",
    "SKIP",
    "Action",
    "Item",
    "Questionnaire",
    "estimated_minutes",
    "parse_input",
    "questionnaire_items",
]

# How long one statement takes to read and answer, for the estimate at the start: about
# 15 seconds, and 25 seconds in easy-read (read aloud or together with a supporter).
SECONDS_PER_STATEMENT = 15
SECONDS_PER_EASY_READ_STATEMENT = 25

SKIP: Literal["skip"] = "skip"
Recorded = Answer | Literal["skip"]


@record
class Item:
    """One statement of the questionnaire, with where it stands."""

    index: int  # 0-based position
    statement: Statement
    competence: Competence
    area: Area
    area_number: int  # 1-based among the role's areas
    text: str  # the wording this role sees, in the session's language


@record
class Action:
    """What a line of input means."""

    kind: Literal["answer", "na", "skip", "keep", "back", "help", "quit", "invalid"]
    value: int | None = None
    message: str = ""


def estimated_minutes(count: int, easy_read: bool = False) -> int:
    """About how many minutes ``count`` statements take (rounded up, at least 1)."""
    seconds = count * (SECONDS_PER_EASY_READ_STATEMENT if easy_read else SECONDS_PER_STATEMENT)
    return max(1, -(-seconds // 60))


def parse_input(text: str, scale: Scale, easy_read: bool = False) -> Action:
    """Interpret one line: a scale value, n/a, empty, or a command key.

    The message of an invalid line is in easy-read wording when ``easy_read``.
    """
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
            message=t_for(
                "assess.not-an-answer", easy_read=easy_read, text=text.strip(), allowed=allowed
            ),
        )
    if not scale.has(value):
        return Action(
            "invalid",
            message=t_for("assess.off-scale", easy_read=easy_read, value=value, allowed=allowed),
        )
    return Action("answer", value=value)


def questionnaire_items(framework: Framework, role: Role, lang: str) -> tuple[Item, ...]:
    """The role's statements in order, each with its competence, area and wording (the
    same every time: a server asking many people may make them once)."""
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
        *,
        review_skipped: bool = False,
        items: tuple[Item, ...] | None = None,
    ) -> None:
        self.framework = framework
        self.role = role
        self.lang = lang
        self.scale = framework.scale_for(role)
        self.items = questionnaire_items(framework, role, lang) if items is None else items
        self.area_count = len({item.area.id for item in self.items})
        self.recorded: dict[str, Recorded] = dict(answers or {})
        self.review_skipped = review_skipped
        last = 2 * len(self.items) + 1 if review_skipped else len(self.items)
        self.position = max(0, min(position, last))

    @property
    def easy_read(self) -> bool:
        """Whether the role reads the questionnaire in easy-read wording."""
        return self.role.easy_read

    @property
    def in_review(self) -> bool:
        """Whether the skipped statements are being offered again."""
        return self.position > len(self.items)

    def _index(self) -> int | None:
        """The index of the statement being asked, or None when done."""
        count = len(self.items)
        if self.position < count:
            return self.position
        index = self.position - count - 1
        return index if 0 <= index < count else None

    @property
    def done(self) -> bool:
        """Whether every statement has been passed (and the skipped ones offered again)."""
        return self._index() is None

    @property
    def current(self) -> Item | None:
        """The statement being asked, or None when done."""
        index = self._index()
        return None if index is None else self.items[index]

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
            if item.index > 0:
                self.position -= 1
            return
        elif action.kind != "keep":
            return
        self._advance(item.index)

    def _advance(self, index: int) -> None:
        """To the next statement; from the end of the first pass to the review, if any."""
        count = len(self.items)
        if not self.in_review and index + 1 < count:
            self.position = index + 1
            return
        start = index + 1 if self.in_review else 0
        following = self._next_skipped(start) if self.review_skipped else None
        if following is None:
            self.position = 2 * count + 1 if self.in_review else count
        else:
            self.position = count + 1 + following

    def _next_skipped(self, start: int) -> int | None:
        for item in self.items[start:]:
            if self.recorded.get(item.statement.id) == SKIP:
                return item.index
        return None

    @property
    def skipped_count(self) -> int:
        """How many statements are skipped (so far)."""
        return sum(1 for value in self.recorded.values() if value == SKIP)

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
