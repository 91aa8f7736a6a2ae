"""Which unfinished session ``wimcheck assess --resume`` continues, when none is named.

Sessions are bound to the person who answers: without a session id, ``--resume`` takes
the latest session of the respondent named, and refuses to guess between the sessions
of several people, so that on a shared computer nobody continues someone else's answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from wimcheck.assessment.sessions import Session
from wimcheck.errors import SessionError
from wimcheck.messages import t

__all__ = ["session_to_resume", "sessions_of"]


def sessions_of(sessions: Sequence[Session], respondent: str | None) -> list[Session]:
    """The sessions of ``respondent`` (all of them when None), in the order given.

    Names are compared without case and surrounding spaces: ``Pat`` is ``pat ``.
    """
    if respondent is None:
        return list(sessions)
    wanted = _key(respondent)
    return [s for s in sessions if _key(s.respondent) == wanted]


def session_to_resume(sessions: Sequence[Session], respondent: str | None) -> Session:
    """The latest of ``sessions`` (most recent first) that ``respondent`` may continue.

    Raises:
        SessionError: there is none, or ``respondent`` is None and the sessions belong to
            several people.
    """
    mine = sessions_of(sessions, respondent)
    if not mine:
        if respondent is not None and sessions:
            raise SessionError(t("session.none-for", name=respondent), hint=t("session.list.hint"))
        raise SessionError(t("assess.no-session"), hint=t("assess.no-session.hint"))
    people = {_key(s.respondent): s.respondent for s in reversed(mine)}
    if len(people) > 1:
        raise SessionError(
            t("session.several-people", names=", ".join(sorted(people.values()))),
            hint=t("session.several-people.hint"),
        )
    return mine[0]


def _key(name: str) -> str:
    return name.strip().casefold()
