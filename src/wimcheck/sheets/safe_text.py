"""Texts from frameworks made safe for the blank sheets in TOML and Markdown.

A framework file may hold any text: line breaks, control characters, Markdown or HTML.
A blank sheet shows these texts, and must show them as the plain text they are; and as
a sheet may go to a terminal, no control character may reach it.

- :func:`toml_string` writes a TOML value with everything unprintable escaped (the
  value read back is the text); :func:`toml_comment` folds the text to one line without
  controls (:func:`wimcheck.plaintext.one_line`): a line break in a comment would start
  a line of TOML;
- :func:`md_inline` and :func:`md_block` write Markdown that renders as the plain text
  it is: no emphasis, links, images, HTML, and no web or e-mail address turned into a
  link by the renderers that link bare addresses (GitHub's and markdown-it's).
"""

from __future__ import annotations

import re

from wimcheck.plaintext import one_line

__all__ = ["md_block", "md_inline", "toml_comment", "toml_string"]

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
    printable (controls, line and format characters) escaped."""
    return '"' + "".join(_toml_char(ch) for ch in text) + '"'


def toml_comment(text: str) -> str:
    """A TOML comment line showing ``text``; nothing in it can end the comment."""
    return f"# {one_line(text)}".rstrip()


# characters that start or end Markdown syntax anywhere in a line
_MD_SYNTAX = re.compile(r"([\\`*_\[\]<>|#~])")
# an HTML entity or character reference, which Markdown would turn into a character
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# a colon before a non-space ("https:", "mailto:", "javascript:"), a dot between a
# non-space and a letter ("example.org") and the dot of "www.": what makes a bare
# address a link (a dot before a digit, as in "1.0.0", never does)
_MD_LINKING = re.compile(r":(?=\S)|(?<=\S)\.(?=[^\W\d])|(?<=www)\.", re.IGNORECASE)
# what makes a paragraph a list item, a heading underline or a numbered item
_MD_BLOCK_START = re.compile(r"^([-+=])|^(\d+)([.)])")


def _code_span(word: str) -> str:
    """``word`` (no spaces) as a code span: shown literally, never a link."""
    longest = max((len(run) for run in re.findall(r"`+", word)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if word.startswith("`") or word.endswith("`") else ""
    return f"{fence}{pad}{word}{pad}{fence}"


def _md_word(word: str) -> str:
    if "@" in word:
        # GitHub links an e-mail address whatever is escaped in it; a code span it never links
        return _code_span(word)
    escaped = _MD_SYNTAX.sub(r"\\\1", word)
    escaped = _MD_ENTITY.sub(r"\\&", escaped)
    return _MD_LINKING.sub(lambda m: "\\" + m.group(0), escaped)


def md_inline(text: str) -> str:
    """``text`` as one line of Markdown that renders as exactly this text (not in tables)."""
    return " ".join(_md_word(word) for word in one_line(text).split(" "))


def md_block(text: str) -> str:
    """:func:`md_inline`, safe at the start of a paragraph or list item too."""
    escaped = md_inline(text)
    match = _MD_BLOCK_START.match(escaped)
    if match is None:
        return escaped
    if match.group(1):
        return "\\" + escaped
    digits = match.group(2)
    return f"{digits}\\{escaped[len(digits) :]}"
