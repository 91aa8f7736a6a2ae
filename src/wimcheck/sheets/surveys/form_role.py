"""The framework and role wimcheck's own XLSForm records in every submission.

A form made by ``wimcheck template --format xlsform`` has a hidden ``calculate`` field,
``wimcheck_role`` (:data:`~wimcheck.sheets.xlsform_text.FORM_ROLE`), holding
``FRAMEWORK/ROLE``; KoboToolbox and ODK Central export it as a column headed by its name
(it has no label). That column is metadata, never a statement or a problem in itself; when
it is there it decides the framework and the role, unless the options or the mapping file
name them: ``--framework`` or the mapping file's ``framework`` naming another framework
leaves it unused, and ``--role`` or the mapping file's ``role`` wins over its role.

A value that is not ``FRAMEWORK/ROLE``, names a framework that is not installed or a role
the framework does not have, or differs between the rows is a problem: the export is not
scored as some role wimcheck would have to guess.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from wimcheck.frameworks.model import Framework, Role
from wimcheck.messages import quoted, t
from wimcheck.records import record
from wimcheck.sheets.surveys.columns import Heading
from wimcheck.sheets.surveys.inference import Found
from wimcheck.sheets.surveys.normal import normal_text
from wimcheck.sheets.xlsform_text import FORM_ROLE, form_role_ids

__all__ = ["FORM_ROLE_HEADING", "Chosen", "FormRole", "form_role", "form_role_column"]

FORM_ROLE_HEADING = normal_text(FORM_ROLE)  # the column's heading as headings are compared


@record
class FormRole:
    """What the column decides: the framework, and the role unless one was named."""

    framework: Framework
    role: Role | None


@record
class Chosen:
    """What the options and the mapping file name: a framework (the one forced, or an id)
    and a role id; and how an installed framework is found by its id."""

    forced: Framework | None
    framework_id: str | None
    role_id: str | None
    framework_by_id: Callable[[str], Framework | None]


def form_role_column(headings: Sequence[Heading]) -> Heading | None:
    """The column headed ``wimcheck_role``, if the export has one."""
    return next(
        (h for h in headings if any(normal_text(x) == FORM_ROLE_HEADING for x in h.texts)),
        None,
    )


def _values(column: Heading, rows: Sequence[tuple[int, list[str]]]) -> dict[str, int]:
    """Each value the column holds (empty cells aside) and the first row holding it."""
    values: dict[str, int] = {}
    for number, cells in rows:
        value = cells[column.index].strip() if column.index < len(cells) else ""
        if value:
            values.setdefault(value, number)
    return values


def _framework(ids: tuple[str, str], chosen: Chosen, name: str) -> Found[Framework]:
    framework_id = ids[0]
    if chosen.forced is not None and chosen.forced.id == framework_id:
        return Found(chosen.forced)
    framework = chosen.framework_by_id(framework_id)
    if framework is None:
        return Found(None, t("survey.form-role.framework", column=name, id=quoted(framework_id)))
    return Found(framework)


def _role(framework: Framework, role_id: str, name: str) -> Found[Role]:
    role = framework.roles.get(role_id)
    if role is not None:
        return Found(role)
    roles = ", ".join(framework.roles)
    problem = t(
        "survey.form-role.role", column=name, role=quoted(role_id), id=framework.id, roles=roles
    )
    return Found(None, problem)


def _single_value(
    column: Heading, values: dict[str, int], role_named: bool
) -> Found[tuple[str, str]]:
    """The framework and role ids of the column, the same in every row (only the
    framework's when a role is named)."""
    name = quoted(column.name)
    split: dict[str, tuple[str, str]] = {}
    for value in values:
        ids = form_role_ids(value)
        if ids is None:
            return Found(None, t("survey.form-role.value", column=name, value=quoted(value)))
        split[value] = ids
    first = next(iter(values))
    for other, ids in split.items():
        if ids[0] != split[first][0] or (not role_named and ids[1] != split[first][1]):
            problem = t(
                "survey.form-role.differs",
                column=name,
                first=quoted(first),
                first_row=values[first],
                other=quoted(other),
                other_row=values[other],
            )
            return Found(None, problem)
    return Found(split[first])


def form_role(
    headings: Sequence[Heading], rows: Sequence[tuple[int, list[str]]], chosen: Chosen
) -> Found[FormRole]:
    """What the ``wimcheck_role`` column decides (nothing when the export has no such
    column, or the options name framework and role), or why it cannot be used."""
    column = form_role_column(headings)
    if column is None or (chosen.framework_id is not None and chosen.role_id is not None):
        return Found(None)
    values = _values(column, rows)
    if not values:
        return Found(None)
    ids = _single_value(column, values, chosen.role_id is not None)
    if ids.value is None:
        return Found(None, ids.problem)
    if chosen.framework_id is not None and chosen.framework_id != ids.value[0]:
        return Found(None)
    framework = _framework(ids.value, chosen, quoted(column.name))
    if framework.value is None:
        return Found(None, framework.problem)
    if chosen.role_id is not None:
        return Found(FormRole(framework.value, None))
    role = _role(framework.value, ids.value[1], quoted(column.name))
    if role.value is None:
        return Found(None, role.problem)
    return Found(FormRole(framework.value, role.value))
