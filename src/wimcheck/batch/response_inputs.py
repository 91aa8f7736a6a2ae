"""Response files in a batch: TOML files as ``assess`` writes them, and JSON (one or a list)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from wimcheck.assessment.responses import (
    ResponseSet,
    check_answers,
    read_response_file,
    response_set,
)
from wimcheck.batch.files import input_kind
from wimcheck.batch.issues import BatchIssue
from wimcheck.batch.scored import Scored, item_values, profile_row
from wimcheck.errors import WimcheckError
from wimcheck.messages import quoted, t
from wimcheck.tomlio import JsonSyntaxError, parse_json, read_text

if TYPE_CHECKING:
    from wimcheck.batch.inputs import Batch

__all__ = ["response_sets", "score_response_file"]

Report = Callable[[BatchIssue], None] | None


def _load_json(path: Path) -> Any:
    try:
        return parse_json(read_text(path))
    except JsonSyntaxError as exc:
        raise WimcheckError(
            t("batch.json", detail=exc.message), line=exc.line, col=exc.col
        ) from None


def _with_times(item: Any) -> Any:
    """JSON has no date type: ``started`` and ``finished`` are ISO 8601 text."""
    if not isinstance(item, dict):
        return item
    return {
        key: datetime.fromisoformat(value)
        if key in ("started", "finished") and isinstance(value, str)
        else value
        for key, value in item.items()
    }


def _invalid_reason(exc: ValidationError | ValueError) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors(include_url=False)[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(exc)


def response_sets(path: Path, report: Report = None) -> Iterator[tuple[ResponseSet, str]]:
    """The response sets of a TOML or JSON file, with where each came from.

    Invalid items of a JSON list are passed to ``report`` (when given) and skipped.
    """
    if input_kind(path) == "toml":
        yield read_response_file(path), str(path)
        return
    from wimcheck.assessment.response_file import ResponseFileModel  # noqa: PLC0415

    data = _load_json(path)
    is_list = isinstance(data, list)
    for index, item in enumerate(data if is_list else [data]):
        where = f"{path}[{index}]" if is_list else str(path)
        try:
            model = ResponseFileModel.model_validate(_with_times(item))
        except (ValidationError, ValueError) as exc:
            if report is not None:
                reason = t("batch.invalid-response", reason=_invalid_reason(exc))
                report(
                    BatchIssue(str(path), t("batch.item", index=index) if is_list else None, reason)
                )
            continue
        yield response_set(model, where), where


def score_response_file(batch: Batch, path: Path) -> Iterator[Scored]:
    """Score every response set of a TOML or JSON file; name every one that is not."""
    for responses, where in response_sets(path, batch.report):
        framework = batch.framework_for(responses.framework_id, path=path)
        if framework is None:
            continue
        role = framework.roles.get(responses.role_id)
        if role is None:
            reason = t(
                "batch.unknown-role-of",
                id=framework.id,
                role=quoted(responses.role_id),
                roles=", ".join(framework.roles),
            )
            batch.report(BatchIssue(where, None, reason))
            continue
        problems = check_answers(framework, role, responses.answers)
        if problems:
            more = t("batch.more", count=len(problems) - 1) if len(problems) > 1 else ""
            batch.report(BatchIssue(where, None, problems[0] + more))
            continue
        if not batch.first_sighting(framework, responses.respondent, where):
            continue
        answers = dict(responses.answers)
        yield Scored(
            respondent=responses.respondent,
            framework=framework,
            role=role,
            source=where,
            row=profile_row(framework, role, answers),
            responses=responses if batch.keep_answers else None,
            items=item_values(framework, role, answers) if batch.keep_answers else None,
        )
