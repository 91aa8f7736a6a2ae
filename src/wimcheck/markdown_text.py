"""Text from frameworks, files and respondents as Markdown that renders as the plain text it is.

Used by every Markdown document wimcheck writes (the reports and the paper form). Escaped:
the characters that start emphasis, code, links, images, HTML, tables and headings;
HTML entities; and every bare address that CommonMark or GitHub Flavored Markdown would
turn into a link by itself: ``https://``, ``www.`` and e-mail addresses. A backslash
escape breaks a URL autolink (``https\\://``, ``www\\.``) and disappears in the rendered
text; GFM finds e-mail addresses after escapes are resolved, so an invisible WORD JOINER
(U+2060) follows each ``@``.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["WORD_JOINER", "md", "md_block"]

WORD_JOINER = "\u2060"

# characters that start or end Markdown syntax anywhere in a line
_INLINE = re.compile(r"([\\`*_\[\]<>|#~])")

# an HTML entity or character reference, which Markdown would turn into a character
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")

# what GFM turns into a link by itself: a scheme's "://" and "www."
_URL_START = re.compile(r"(?=://)|(?<=www)(?=\.)", re.IGNORECASE)

# what makes a line a list item, a heading underline, a quote or a code block
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def md(text: Any) -> str:
    """``text`` as inline Markdown that renders as the plain text it is (one line)."""
    flat = " ".join(str(text).split())
    escaped = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", flat))
    escaped = _URL_START.sub("\\\\", escaped)
    return escaped.replace("@", "@" + WORD_JOINER)


def md_block(text: Any) -> str:
    """``text`` as a paragraph: :func:`md`, and a leading list or heading marker escaped."""
    escaped = md(text)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    marker = match.group(2)
    if marker.isdigit():
        # "1." or "1)" would start a numbered list: escape the punctuation after the digits
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    return escaped[: match.start(2)] + "\\" + escaped[match.start(2) :]
