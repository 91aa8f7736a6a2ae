"""Names and texts of an XLSForm: ids as XLSForm names, framework texts as plain labels.

**Names.** An XLSForm name must match ``^[A-Za-z_][A-Za-z0-9._-]*$``; a wimcheck id
matches ``^[A-Za-z0-9][A-Za-z0-9._-]*$``. The only ids that are not names start with a
digit: they get one underscore in front (``1.2.a`` becomes ``_1.2.a``). No id starts with
an underscore, so the rule reverses without doubt: :func:`statement_id` drops a leading
underscore. Every other id is its own name.

**Texts.** Labels and hints are shown by ODK Collect, Enketo and KoboToolbox, which read a
little Markdown and HTML in them, and by pyxform, which reads ``${name}`` as a reference
to a question. :func:`form_text` keeps a framework's text as the plain text it is: a
backslash before ``\\ * _ #`` (the escapes those apps resolve), an invisible WORD JOINER
(U+2060) after ``$`` before ``{``, after ``<`` and ``&`` and between ``]`` and ``(``, so
that no reference, tag, entity or link is made; a text that starts like a spreadsheet
formula (``= + - @``) gets a WORD JOINER in front, so that an export of the labels opened
in a spreadsheet shows it as text. Line breaks become spaces, and what a workbook cannot
hold is left out (:func:`~wimcheck.sheets.cells.excel_text`).

**The form's role.** Every submission records the framework and role the form was made for
in the ``calculate`` field :data:`FORM_ROLE` (``wimcheck_role``), as ``FRAMEWORK/ROLE``
(:func:`form_role_value`, read back by :func:`form_role_ids`); the tools export it as a column of its own. Ids never hold a
``/``, so the value splits without doubt.
"""

from __future__ import annotations

import re

from wimcheck.markdown_text import WORD_JOINER
from wimcheck.plaintext import one_line
from wimcheck.sheets.cells import excel_text

__all__ = [
    "FORM_ROLE",
    "FORM_ROLE_SEPARATOR",
    "NAME_PREFIX",
    "form_name",
    "form_role_ids",
    "form_role_value",
    "form_text",
    "is_form_name",
    "statement_id",
]

NAME_PREFIX = "_"  # put before an id that starts with a digit
FORM_ROLE = "wimcheck_role"  # the calculate field holding FRAMEWORK/ROLE in every submission
FORM_ROLE_SEPARATOR = "/"  # between the framework's id and the role's id (never in an id)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
_MARKUP = re.compile(r"([\\*_#])")
_JOINED = re.compile(r"(\$(?=\{)|<|&|\](?=\())")
_FORMULA_START = ("=", "+", "-", "@")


def is_form_name(name: str) -> bool:
    """Whether ``name`` is a valid XLSForm name."""
    return _NAME.match(name) is not None


def form_name(ident: str) -> str:
    """The XLSForm name of a wimcheck id: the id, or ``_`` and the id when it starts with
    a digit."""
    return ident if is_form_name(ident) else NAME_PREFIX + ident


def statement_id(name: str) -> str:
    """The wimcheck id of an XLSForm name made by :func:`form_name`."""
    return name.removeprefix(NAME_PREFIX)


def form_role_value(framework_id: str, role_id: str) -> str:
    """What :data:`FORM_ROLE` holds in every submission: ``FRAMEWORK/ROLE``."""
    return f"{framework_id}{FORM_ROLE_SEPARATOR}{role_id}"


def form_role_ids(value: str) -> tuple[str, str] | None:
    """The framework's and the role's ids in a value of :data:`FORM_ROLE` (spaces around
    each left out), or None when it is not ``FRAMEWORK/ROLE``."""
    framework_id, separator, role_id = value.partition(FORM_ROLE_SEPARATOR)
    if not (separator and framework_id.strip() and role_id.strip()):
        return None
    return framework_id.strip(), role_id.strip()


def form_text(text: str) -> str:
    """``text`` as a label or hint that every XLSForm app shows as the plain text it is."""
    flat = one_line(excel_text(text))
    escaped = _JOINED.sub(lambda m: m.group(1) + WORD_JOINER, _MARKUP.sub(r"\\\1", flat))
    if escaped.startswith(_FORMULA_START):
        escaped = WORD_JOINER + escaped
    return escaped
