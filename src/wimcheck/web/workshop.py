"""One workshop: its participants, their answers saved as they are given, their results.

Every answer is saved in the participant's session (``assessment.sessions``, atomically)
before it is acknowledged; a finished questionnaire becomes an ordinary response file in
the workshop folder (``sessions.finish_session``), which ``score``, ``compare`` and
``report`` read unchanged. A server started again on the same folder finds every
participant where they were. One lock per participant: their answers never race, and
different participants never wait for each other.
"""

from __future__ import annotations

import glob
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from wimcheck.assessment.questionnaire import Action, Item, Questionnaire, questionnaire_items
from wimcheck.assessment.responses import ResponseSet, read_response_file, respondent_key
from wimcheck.assessment.result import PersonResult, person_result
from wimcheck.assessment.sessions import (
    Session,
    check_session_id,
    create_session,
    finish_session,
    load_session,
    new_session_id,
    now,
    response_file_stem,
    save_session,
)
from wimcheck.batch.group_model import GroupResult
from wimcheck.batch.group_result import GroupResultBuilder
from wimcheck.batch.inputs import Batch
from wimcheck.errors import SessionError, UsageError
from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import t
from wimcheck.records import record
from wimcheck.web.workshop_files import (
    STATE_FOLDER,
    AccessRecord,
    WorkshopKeys,
    hash_token,
    load_or_create_keys,
    new_resume_code,
    new_token,
    normal_code,
    read_access,
    write_access,
)

__all__ = ["Participant", "Progress", "Stale", "Workshop", "WorkshopSettings"]

Move = Literal["answer", "na", "skip", "back", "keep"]


class Stale(Exception):
    """A form was sent for another statement than the one the participant is at."""


@record
class WorkshopSettings:
    """What the facilitator chose: the framework, roles, languages, folder, group size."""

    framework_name: str  # as given: an id or a path (the group report loads it the same way)
    framework: Framework
    roles: tuple[Role, ...]
    languages: tuple[str, ...]
    folder: Path
    min_group: int = 3


@dataclass
class Participant:
    """One participant; ``session`` is None once finished."""

    access: AccessRecord
    session: Session | None
    lock: threading.Lock

    @property
    def finished(self) -> bool:
        """Whether the answers are in a response file."""
        return self.access.finished is not None


@record
class Progress:
    """A participant as the facilitator sees them: name or code, and how far."""

    respondent: str
    role: str
    answered: int
    total: int
    finished: bool


class Workshop:
    """The participants of one workshop folder, loaded from it and kept in step with it."""

    def __init__(self, settings: WorkshopSettings) -> None:
        self.settings = settings
        self.state = settings.folder / STATE_FOLDER
        self.sessions = self.state / "sessions"
        self.access = self.state / "access"
        for folder in (self.sessions, self.access):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.keys: WorkshopKeys = load_or_create_keys(self.state, settings.framework.id)
        self._lock = threading.Lock()
        self._by_token: dict[str, Participant] = {}
        self._by_code: dict[str, Participant] = {}
        self._names: set[str] = set()  # every respondent's key: one name, one person
        self._items: dict[tuple[str, str], tuple[Item, ...]] = {}  # by role and language
        for participant in self._load():
            self._index(participant)

    # --- loading -----------------------------------------------------------------------

    def _load(self) -> Iterator[Participant]:
        for path in sorted(self.access.glob("*.json")):
            record = read_access(path)
            if record is None or record.session_id != path.stem:
                continue
            try:
                check_session_id(record.session_id)
            except SessionError:
                continue
            if record.finished is not None:
                yield Participant(record, None, threading.Lock())
                continue
            try:
                session = load_session(record.session_id, folder=self.sessions)
            except SessionError:
                finished = self._recovered(record)
                if finished is not None:
                    yield Participant(finished, None, threading.Lock())
                continue
            yield Participant(record, session, threading.Lock())

    def _recovered(self, record: AccessRecord) -> AccessRecord | None:
        """A record whose session was finished just before the server was killed: the
        response file is there, the record not yet updated."""
        own = re.compile(re.escape(record.stem) + r"(-[0-9]+)?\.toml")
        found = sorted(
            path
            for path in self.settings.folder.glob(f"{glob.escape(record.stem)}*.toml")
            if own.fullmatch(path.name)
        )
        if not found:
            return None
        final = replace(record, finished=found[-1].name)
        write_access(self.access, final, replace=True)
        return final

    def _index(self, participant: Participant) -> None:
        with self._lock:
            for token_hash in (participant.access.token_hash, *participant.access.devices):
                self._by_token[token_hash] = participant
            self._names.add(_name_key(participant.access.respondent))
            self._by_code[normal_code(participant.access.resume_code)] = participant

    # --- who is who ---------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """Whether the facilitator closed the workshop to new answers."""
        return (self.state / "closed").exists()

    def close(self) -> None:
        """Close the workshop: nobody joins or answers any more; results stay readable."""
        (self.state / "closed").touch(mode=0o600, exist_ok=True)

    def participant(self, token: str | None) -> Participant | None:
        """The participant whose cookie holds ``token``."""
        if not token:
            return None
        with self._lock:
            return self._by_token.get(hash_token(token))

    def by_resume_code(self, code: str) -> Participant | None:
        """The participant a resume code belongs to."""
        with self._lock:
            return self._by_code.get(normal_code(code))

    def new_token_for(self, participant: Participant) -> str:
        """A fresh cookie token for ``participant`` on another device (the old one stays),
        saved so that it works after a restart too."""
        token = new_token()
        with participant.lock:
            devices = (*participant.access.devices, hash_token(token))
            record = replace(participant.access, devices=devices)
            write_access(self.access, record, replace=True)
            participant.access = record
        self._index(participant)
        return token

    def participants(self) -> list[Participant]:
        """Everyone who joined, in the order they joined."""
        with self._lock:
            people = list({id(p): p for p in self._by_code.values()}.values())
        return sorted(people, key=lambda p: (p.access.started, p.access.session_id))

    # --- joining and answering ----------------------------------------------------------

    def join(self, role: Role, language: str, respondent: str) -> tuple[Participant, str]:
        """A new participant, saved; returns them and their cookie token.

        Without a name, the participant gets an anonymous code of their own; a name
        already taken in this workshop is refused, so that ``score`` counts everyone.

        Raises:
            UsageError: the name is taken, too long, has control characters or shows nothing.
            OutputError: the workshop folder cannot be written.
        """
        name = respondent.strip() or f"anon-{new_resume_code()[:4]}"
        key = _name_key(name)
        with self._lock:
            if key in self._names:
                raise UsageError(t("serve.name-taken"))
            self._names.add(key)
        try:
            return self._create(role, language, name)
        except BaseException:
            with self._lock:
                self._names.discard(key)
            raise

    def _create(self, role: Role, language: str, respondent: str) -> tuple[Participant, str]:
        framework = self.settings.framework
        started = now()
        session = create_session(
            Session(
                id=new_session_id(started),
                framework_id=framework.id,
                framework_version=framework.version,
                role_id=role.id,
                respondent=respondent,
                language=language,
                started=started,
                updated=started,
                framework_path=None,
                total=len(framework.questionnaire(role)),
            ),
            folder=self.sessions,
        )
        token = new_token()
        record = AccessRecord(
            session_id=session.id,
            token_hash=hash_token(token),
            resume_code=new_resume_code(),
            respondent=session.respondent,
            role=role.id,
            language=language,
            started=session.started.isoformat(),
            stem=response_file_stem(session.respondent, framework.id, role.id, started),
            total=session.total,
        )
        write_access(self.access, record, replace=False)
        participant = Participant(record, session, threading.Lock())
        self._index(participant)
        return participant, token

    def role_of(self, participant: Participant) -> Role:
        """The role a participant answers as."""
        return self.settings.framework.roles[participant.access.role]

    def questionnaire(self, participant: Participant) -> Questionnaire:
        """The participant's questionnaire at their position (done once finished)."""
        framework, role = self.settings.framework, self.role_of(participant)
        session = participant.session
        if session is None:
            lang = participant.access.language
            q = Questionnaire(framework, role, lang, items=self.items(role, lang))
            q.position = len(q.items)
            return q
        return Questionnaire(
            framework,
            role,
            session.language,
            session.answers,
            session.position,
            review_skipped=True,
            items=self.items(role, session.language),
        )

    def items(self, role: Role, lang: str) -> tuple[Item, ...]:
        """The statements of ``role`` in ``lang``, made once for everyone."""
        key = (role.id, lang)
        found = self._items.get(key)
        if found is None:
            found = self._items[key] = questionnaire_items(self.settings.framework, role, lang)
        return found

    def record(
        self, participant: Participant, position: int, move: Move, value: int | None
    ) -> Questionnaire:
        """Apply one answer or move at ``position`` and save it before returning; returns
        the questionnaire where it is now.

        The same answer sent twice (a retried request) is taken once. As in ``assess`` on
        a terminal, the statements skipped in the first pass are offered once more before
        the end; Back from the end goes to the last statement.

        Raises:
            Stale: ``position`` is not where the participant is (a replayed or old form).
            OutputError: the answer cannot be saved (it is not acknowledged).
        """
        with participant.lock:
            session = participant.session
            if session is None:
                raise Stale
            q = self.questionnaire(participant)
            if position != q.position:
                if self._repeated(q, position, move, value):
                    return q
                raise Stale
            if move == "back" and q.done and q.items:
                q.position = len(q.items) - 1
            else:
                q.apply(_action(move, value))
            updated = session.with_progress(q.recorded, q.position)
            save_session(updated, folder=self.sessions)
            participant.session = updated
            return q

    @staticmethod
    def _repeated(q: Questionnaire, position: int, move: Move, value: int | None) -> bool:
        """Whether an answer at ``position`` is one already taken: given again there, it
        would change nothing (the same answer recorded, the participant where they are)."""
        if move not in ("answer", "na") or not 0 <= position < q.position:
            return False
        again = Questionnaire(
            q.framework, q.role, q.lang, q.recorded, position, review_skipped=True, items=q.items
        )
        item = again.current
        if item is None or again.position != position:
            return False
        if q.recorded.get(item.statement.id) != (value if move == "answer" else "n/a"):
            return False
        again.apply(_action(move, value))
        return again.position == q.position and again.recorded == q.recorded

    def finish(self, participant: Participant) -> Path:
        """Write the participant's response file into the workshop folder; returns it.

        Raises:
            OutputError: it cannot be written (the session stays).
        """
        with participant.lock:
            if participant.access.finished is not None:
                return self.settings.folder / participant.access.finished
            session = participant.session
            assert session is not None
            q = self.questionnaire(participant)
            framework, role = self.settings.framework, self.role_of(participant)
            responses = ResponseSet(
                framework_id=framework.id,
                framework_version=framework.version,
                role_id=role.id,
                respondent=session.respondent,
                answers=q.answers,
                language=session.language,
                started=session.started,
                finished=now(),
            )
            path = finish_session(
                session,
                responses,
                framework,
                False,
                folder=self.settings.folder,
                sessions_folder=self.sessions,
            )
            record = replace(participant.access, finished=path.name, answered=len(q.answers))
            write_access(self.access, record, replace=True)
            participant.access, participant.session = record, None
            return path

    # --- results ------------------------------------------------------------------------

    def result(self, participant: Participant) -> PersonResult:
        """The participant's result, scored from their response file as ``report`` does.

        Raises:
            WimcheckError: the file cannot be read any more.
        """
        name = participant.access.finished
        if name is None:
            raise SessionError(participant.access.session_id)
        responses = read_response_file(self.settings.folder / name)
        return person_result(self.settings.framework, self.role_of(participant), responses)

    def progress(self) -> list[Progress]:
        """Everyone who joined and how far they are, in the order they joined."""
        out = []
        for p in self.participants():
            session = p.session
            answered = p.access.answered
            if session is not None:
                answered = sum(1 for v in session.answers.values() if v != "skip")
            out.append(
                Progress(p.access.respondent, p.access.role, answered, p.access.total, p.finished)
            )
        return out

    def finished_files(self) -> list[Path]:
        """The response files of everyone who finished, in the order they joined."""
        folder = self.settings.folder
        return [folder / p.access.finished for p in self.participants() if p.access.finished]

    def group_result(self) -> GroupResult:
        """The group profile of everyone who finished, as ``score --cohort`` makes it."""
        batch = Batch(framework_name=self.settings.framework_name)
        builder = GroupResultBuilder(cohort=True, people=False, min_group=self.settings.min_group)
        for scored in batch.run(self.finished_files()):
            builder.add(scored)
        return builder.build(batch.issues, batch.warnings)


def _action(move: Move, value: int | None) -> Action:
    return Action(move, value=value) if move == "answer" else Action(move)


def _name_key(name: str) -> str:
    """Who a name is: as ``score`` tells respondents apart, without case."""
    return respondent_key(name).casefold()
