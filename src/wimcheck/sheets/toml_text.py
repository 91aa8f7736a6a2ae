"""Texts from frameworks in TOML templates: a value or a comment no text can break.

A framework file may hold any text, line breaks and control characters too. In a TOML
template a statement's text is a comment: a line break in it would end the comment and
start a line of TOML (``"\\n[respondent]\\nx = 1"`` would add a table), and a template
printed to a terminal must not carry escape sequences to it.
"""

from __future__ import annotations

__all__ = ["toml_comment", "toml_string"]

_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n"}
_TOML_ESCAPES |= {"\f": "\\f", "\r": "\\r"}


def _toml_char(ch: str) -> str:
    escaped = _TOML_ESCAPES.get(ch)
    if escaped is not None:
        return escaped
    if ch.isprintable():
        return ch
    code = ord(ch)  # a control, a format character, a separator other than the space
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and everything that is not
    printable (controls, line and format characters) escaped; read back, it is ``text``."""
    return '"' + "".join(_toml_char(ch) for ch in text) + '"'


def toml_comment(text: str) -> str:
    """A TOML comment line showing ``text`` on one line: line breaks, control and other
    unprintable characters become spaces, runs of spaces one."""
    folded = "".join(ch if ch.isprintable() else " " for ch in text)
    return f"# {' '.join(folded.split())}".rstrip()
