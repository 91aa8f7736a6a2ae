"""What a survey export is about, inferred from its headings: its framework, its role and
its respondent column. Each answer is what was found, or the reason nothing safe was
(a sentence saying what a mapping file or an option must add).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import quoted, t
from wimcheck.records import record
from wimcheck.sheets.surveys.columns import ColumnMatch, Heading, StatementIndex
from wimcheck.sheets.surveys.normal import normal_text
from wimcheck.sheets.surveys.vocabulary import respondent_rank

__all__ = ["Found", "best_framework", "respondent_column", "role_of"]

T = TypeVar("T")


@record
class Found(Generic[T]):
    """What was inferred, or why nothing was (``problem``)."""

    value: T | None
    problem: str | None = None


def _matched(framework: Framework, headings: Sequence[Heading]) -> int:
    index = StatementIndex.of(framework)
    return sum(1 for heading in headings if index.match(heading) is not None)


def best_framework(
    frameworks: Sequence[Framework], headings: Sequence[Heading]
) -> Found[Framework]:
    """The framework that names the most columns (by statement id or text)."""
    counts = [(framework, _matched(framework, headings)) for framework in frameworks]
    most = max((count for _, count in counts), default=0)
    best = [framework for framework, count in counts if count == most and count > 0]
    if len(best) == 1:
        return Found(best[0])
    if best:
        ids = ", ".join(sorted(framework.id for framework in best))
        return Found(None, t("survey.several-frameworks", ids=ids))
    return Found(None, t("survey.no-framework"))


def role_of(
    framework: Framework, statements: Sequence[ColumnMatch], role_id: str | None
) -> Found[Role]:
    """The role named, else the only one asked every matched statement (or exactly them)."""
    if role_id is not None:
        role = framework.roles.get(role_id)
        if role is not None:
            return Found(role)
        roles = ", ".join(framework.roles)
        return Found(None, t("batch.unknown-role", role=quoted(role_id), roles=roles))
    matched = {match.statement_id for match in statements}
    asked = {
        role.id: {s.id for s in framework.questionnaire(role)} for role in framework.roles.values()
    }
    fitting = [role for role in framework.roles.values() if matched <= asked[role.id]]
    if len(fitting) > 1:
        fitting = [role for role in fitting if asked[role.id] == matched] or fitting
    if len(fitting) == 1:
        return Found(fitting[0])
    if fitting:
        roles = ", ".join(role.id for role in fitting)
        return Found(None, t("survey.several-roles", roles=roles))
    return Found(None, t("survey.no-role", framework=framework.id))


def _named(headings: Sequence[Heading], name: str) -> Found[Heading]:
    """The column headed ``name`` (in any header row; exact, else compared normalised)."""
    for same in (lambda text: text == name, lambda text: normal_text(text) == normal_text(name)):
        for heading in headings:
            if any(same(text) for text in heading.texts):
                return Found(heading)
    return Found(None, t("survey.respondent-missing", name=quoted(name)))


def respondent_column(
    headings: Sequence[Heading],
    named: str | None,
    metadata: frozenset[str],
    filled: set[int],
) -> Found[Heading]:
    """The column named (option or mapping file), else the one whose heading says best
    who answered; a tool's own column (``Name``, ``Email``) only after a question, and a
    column empty in every row not at all."""
    if named is not None:
        return _named(headings, named)
    ranked: list[tuple[tuple[bool, int], Heading]] = []
    for heading in headings:
        ranks = [rank for text in heading.texts if (rank := respondent_rank(text)) is not None]
        if ranks and heading.index in filled:
            own = any(normal_text(text) in metadata for text in heading.texts)
            ranked.append(((own, min(ranks)), heading))
    if not ranked:
        return Found(None, t("survey.no-respondent"))
    ranked.sort(key=lambda pair: pair[0])
    best = [heading for rank, heading in ranked if rank == ranked[0][0]]
    if len(best) == 1:
        return Found(best[0])
    columns = ", ".join(f"'{quoted(heading.name)}'" for heading in best)
    return Found(None, t("survey.several-respondents", columns=columns))
