"""What a TOML syntax error means, in the run's language.

Python's TOML reader (``tomllib``) explains a syntax error in English ("Expected '=' after
a key in a key/value pair"). :func:`toml_error_text` says the same by message key, so that
it is translated like every other sentence of wimcheck's own; a message that tomllib adds
in a later Python is shown as it is, in English. Line and column stay with the caller
(:mod:`wimcheck.tomlio`).
"""

from __future__ import annotations

import ast
import re

from wimcheck.messages import quoted, t

__all__ = ["TOML_MESSAGES", "toml_error_text"]

# tomllib's English messages, each with the key of what wimcheck says instead; ``name`` and
# ``char`` are filled from the message. A message not listed keeps tomllib's English.
TOML_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Invalid statement$", "toml.invalid-statement"),
        (r"Expected newline or end of document after a statement$", "toml.expected-newline"),
        (r"Expected '=' after a key in a key/value pair$", "toml.expected-equals"),
        (r"Expected '\]' at the end of a table declaration$", "toml.table-bracket"),
        (r"Expected '\]\]' at the end of an array declaration$", "toml.array-table-bracket"),
        (r"Cannot declare (?P<name>.+) twice$", "toml.declared-twice"),
        (r"Cannot overwrite a value$", "toml.overwrite"),
        (r"Cannot (?:mutate immutable|redefine) namespace (?P<name>.+)$", "toml.redefine"),
        (r"Invalid initial character for a key part$", "toml.key-start"),
        (r"Unclosed array$", "toml.unclosed-array"),
        (r"Unclosed inline table$", "toml.unclosed-inline-table"),
        (r"Duplicate inline table key (?P<name>.+)$", "toml.duplicate-inline-key"),
        (r"Unescaped '\\' in a string$", "toml.escape"),
        (r"Invalid hex value$", "toml.escape"),
        (r"Escaped character is not a Unicode scalar value$", "toml.escape"),
        (r"Unterminated string$", "toml.unterminated-string"),
        (r"Illegal character '\\n'$", "toml.line-break-in-string"),
        (r"(?:Illegal|Found invalid) character (?P<char>.+)$", "toml.illegal-character"),
        (r"Invalid date or datetime$", "toml.invalid-date"),
        (r"Invalid value$", "toml.invalid-value"),
    )
)


def _key_name(found: str) -> str:
    """A key as tomllib names it (``('roles', 'targets')``, ``'id'``) written dotted."""
    try:
        value = ast.literal_eval(found)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return quoted(found)
    parts = value if isinstance(value, tuple) else (value,)
    return quoted(".".join(str(part) for part in parts))


def toml_error_text(english: str) -> str:
    """What a TOML syntax error means, in the current language (``english``: tomllib's)."""
    for pattern, key in TOML_MESSAGES:
        found = pattern.match(english)
        if found:
            values = found.groupdict()
            if "name" in values:
                values["name"] = _key_name(values["name"])
            if "char" in values:
                values["char"] = quoted(values["char"])
            return t(key, **values)
    return english
