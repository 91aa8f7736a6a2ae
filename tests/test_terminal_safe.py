"""``terminal_safe``: what a terminal would act on is shown escaped, anything else unchanged.

It looks for such characters with one pattern; every character of Unicode is checked
against the per-character rule it replaces (:func:`wimcheck.cli.output._escaped`).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wimcheck.cli.output import _escaped, terminal_safe, terminal_safe_lines


def test_every_character_is_shown_as_the_per_character_rule_shows_it() -> None:
    changed = [code for code in range(0x110000) if terminal_safe(chr(code)) != _escaped(chr(code))]
    assert changed == []


def test_escapes() -> None:
    assert terminal_safe("plain Grüße, ελληνικά") == "plain Grüße, ελληνικά"
    assert terminal_safe("a\x1b[31mb\x07\nc\u202ed\u2028e\x85") == (
        "a\\x1b[31mb\\x07\\x0ac\\u202ed\\u2028e\\x85"
    )
    assert terminal_safe("caf\udce9") == "caf\\xe9"  # an undecodable byte of a file name
    assert terminal_safe_lines("one\x1b\ntwo") == "one\\x1b\ntwo"


@given(st.text())
def test_text_is_escaped_character_by_character(text: str) -> None:
    assert terminal_safe(text) == "".join(_escaped(ch) for ch in text)
