"""Response sets: one respondent's answers, and their TOML files.

Scoring works on :class:`ResponseSet` whatever the answers came from (an interactive
session, a TOML file, later a spreadsheet row), so the source never changes the numbers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard, cast

from wimcheck.assessment.scoring import NA, Answer
from wimcheck.errors import RejectedInputError
from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import quoted, report_text, t, tn
from wimcheck.plaintext import trimmed
from wimcheck.records import field, record
from wimcheck.tomlio import TomlSyntaxError, atomic_write_text, parse_toml, read_text

if TYPE_CHECKING:
    from wimcheck.assessment.response_file import ResponseFileModel

__all__ = [
    "ANONYMOUS",
    "ResponseFileError",
    "ResponseSet",
    "accepted_response_set",
    "check_answers",
    "read_response_file",
    "respondent_key",
    "response_file_text",
    "response_set",
    "shown_respondent",
    "write_response_file",
]


class ResponseFileError(RejectedInputError):
    """A response file was read but its content is rejected."""


@record
class ResponseSet:
    """One respondent's answers to one role's questionnaire."""

    framework_id: str
    framework_version: str
    role_id: str
    respondent: str
    answers: Mapping[str, Answer]
    language: str = "en"
    assisted_by: str | None = None
    started: datetime | None = None
    finished: datetime | None = None
    source: str | None = field(default=None, compare=False)


# The respondent of answers given without a name, as files store it (in English, always)
ANONYMOUS = "anonymous"


def shown_respondent(name: str) -> str:
    """A respondent's name as people read it: :data:`ANONYMOUS` in the current language."""
    return report_text("respondent.anonymous") if name == ANONYMOUS else name


def respondent_key(name: str) -> str:
    """Who a respondent is: names that differ only in Unicode normalisation are one person.

    ``Zoë`` typed on one computer (one code point for ``ë``, NFC) and on another (``e``
    and a combining diaeresis, NFD) look the same and name the same person; so do ``Ana``
    and ``Ana`` with a zero-width space after it (invisible characters at either end).
    """
    return unicodedata.normalize("NFC", trimmed(name))


def check_answers(framework: Framework, role: Role, answers: Mapping[str, Any]) -> list[str]:
    """Problems with ``answers`` for ``role``: unknown statements and values off the scale."""
    scale = framework.scale_for(role)
    asked = {s.id for s in framework.questionnaire(role)}
    allowed = ", ".join(str(v.value) for v in scale.values)
    problems = []
    for statement_id, value in answers.items():
        if statement_id not in asked:
            if statement_id in framework.statements:
                problems.append(t("response.other-role", id=statement_id, role=role.id))
            else:
                problems.append(t("response.unknown-statement", id=quoted(statement_id)))
        elif value != NA and (
            isinstance(value, bool) or not isinstance(value, int) or not scale.has(value)
        ):
            problems.append(
                t("response.off-scale", value=quoted(repr(value)), id=statement_id, allowed=allowed)
            )
    return problems


def response_file_text(responses: ResponseSet, framework: Framework) -> str:
    """The TOML text of a response file, answers in questionnaire order."""
    import tomli_w  # noqa: PLC0415 - only needed when writing

    role = framework.roles[responses.role_id]
    order = [s.id for s in framework.questionnaire(role)]
    answers = {sid: responses.answers[sid] for sid in order if sid in responses.answers}
    data: dict[str, Any] = {
        "format_version": 1,
        "framework": responses.framework_id,
        "framework_version": responses.framework_version,
        "role": responses.role_id,
        "respondent": responses.respondent,
        "language": responses.language,
    }
    if responses.assisted_by:
        data["assisted_by"] = responses.assisted_by
    if responses.started:
        data["started"] = responses.started
    if responses.finished:
        data["finished"] = responses.finished
    data["answers"] = answers
    header = (
        "# wimcheck response file: one person's self-assessment.\n"
        '# Answers are scale values; "n/a" means not applicable; skipped statements are absent.\n'
    )
    return header + tomli_w.dumps(data)


def write_response_file(path: Path, responses: ResponseSet, framework: Framework) -> None:
    """Write ``responses`` to ``path`` atomically."""
    atomic_write_text(path, response_file_text(responses, framework))


def read_response_file(path: Path) -> ResponseSet:
    """Read a response file (shape only; check answers against a framework separately).

    Raises:
        InputFileError: the file cannot be read.
        ResponseFileError: the file is not a valid response file.
    """
    text = read_text(path)
    try:
        data = parse_toml(text)
    except TomlSyntaxError as exc:
        raise ResponseFileError(
            t("issue.toml-syntax", detail=exc.message),
            path=path,
            line=exc.line,
            col=exc.col,
            hint=t("hint.toml-syntax"),
        ) from None
    if isinstance(data.get("framework"), dict):
        raise ResponseFileError(
            t("response.is-framework"),
            path=path,
            hint=t("response.is-framework.hint"),
        )
    accepted = accepted_response_set(data, str(path))
    if accepted is not None:
        return accepted
    # pydantic decides whatever the plain check leaves open, and words every refusal
    from pydantic import ValidationError  # noqa: PLC0415

    from wimcheck.assessment.response_file import ResponseFileModel  # noqa: PLC0415

    try:
        model = ResponseFileModel.model_validate(data)
    except ValidationError as exc:
        errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
        error = errors[0]
        loc = tuple(p for p in error["loc"] if isinstance(p, str | int))
        from wimcheck.tomlpos import scan_positions  # noqa: PLC0415 - only for the message

        line, col = scan_positions(text).find(loc)
        key = ".".join(str(p) for p in loc)
        detail = {
            "extra_forbidden": t("response.unknown-key", key=key),
            "missing": t("response.missing-key", key=key),
        }.get(error["type"], f"{key}: {error['msg']}")
        count = len(exc.errors())
        more = tn("response.more", count - 1) if count > 1 else ""
        raise ResponseFileError(
            t("response.invalid", detail=detail, more=more),
            path=path,
            line=line,
            col=col,
            hint=t("response.invalid.hint"),
        ) from None
    return response_set(model, str(path))


_REQUIRED_KEYS = frozenset(
    {"format_version", "framework", "framework_version", "role", "respondent"}
)
_KEYS = _REQUIRED_KEYS | {"language", "assisted_by", "started", "finished", "answers"}
_MAX_RESPONDENT = 200  # as Respondent in response_file


def _text(value: object) -> TypeGuard[str]:
    """A string pydantic's strict ``str`` takes as it is (it refuses lone surrogates)."""
    if type(value) is not str:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain_answer(value: object) -> bool:
    return type(value) is int or (type(value) is str and value in (NA, ""))


def _plain_answers(answers: object) -> bool:
    return type(answers) is dict and all(
        _text(key) and _plain_answer(value) for key, value in answers.items()
    )


def _plain_respondent(value: object) -> bool:
    """A name pydantic's ``strip_whitespace`` leaves as it is, of an allowed length."""
    return _text(value) and value == value.strip() and 1 <= len(value) <= _MAX_RESPONDENT


def _plain_response(data: Mapping[str, object]) -> bool:
    return (
        _REQUIRED_KEYS <= data.keys() <= _KEYS
        and type(data["format_version"]) is int
        and data["format_version"] == 1
        and all(_text(data[key]) for key in ("framework", "framework_version", "role"))
        and _plain_respondent(data["respondent"])
        and all(_text(data[key]) for key in ("language", "assisted_by") if key in data)
        and all(type(data[key]) is datetime for key in ("started", "finished") if key in data)
        and _plain_answers(data.get("answers", {}))
    )


def accepted_response_set(data: Mapping[str, object], source: str) -> ResponseSet | None:
    """The response set of ``data`` (a parsed response file) when it is plainly valid.

    A strict check without pydantic, for the files wimcheck writes: it accepts only data
    that :class:`~wimcheck.assessment.response_file.ResponseFileModel` accepts, giving
    the same response set (a property test compares the two); None leaves the decision,
    and any error message, to the model. Either way a file is validated once.
    """
    if not _plain_response(data):
        return None
    given = cast(dict[str, Answer | str], data.get("answers", {}))
    answers = cast(dict[str, Answer], {sid: value for sid, value in given.items() if value != ""})
    return ResponseSet(
        framework_id=cast(str, data["framework"]),
        framework_version=cast(str, data["framework_version"]),
        role_id=cast(str, data["role"]),
        respondent=cast(str, data["respondent"]),
        answers=answers,
        language=cast(str, data.get("language", "en")),
        assisted_by=cast(str | None, data.get("assisted_by")),
        started=cast(datetime | None, data.get("started")),
        finished=cast(datetime | None, data.get("finished")),
        source=source,
    )


def response_set(model: ResponseFileModel, source: str) -> ResponseSet:
    """The :class:`ResponseSet` of a validated response (TOML or JSON); "" answers are dropped."""
    return ResponseSet(
        framework_id=model.framework,
        framework_version=model.framework_version,
        role_id=model.role,
        respondent=model.respondent,
        answers={sid: value for sid, value in model.answers.items() if value != ""},
        language=model.language,
        assisted_by=model.assisted_by,
        started=model.started,
        finished=model.finished,
        source=source,
    )
