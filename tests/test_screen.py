"""Wrapping the assessment's screens at word boundaries, and the check the terminal tests use."""

from __future__ import annotations

import pytest

from wimcheck.cli.assess.screen import wrapped


def test_key_lines_hang_under_their_text() -> None:
    line = "  q  quit: your answers are saved; you can continue them on another day"
    assert wrapped(line, 40) == [
        "  q  quit: your answers are saved; you",
        "     can continue them on another day",
    ]
    assert wrapped("  Enter  Keep the answer you gave before, or skip", 30) == [
        "  Enter  Keep the answer you",
        "         gave before, or skip",
    ]


def test_plain_and_indented_lines_keep_their_indent() -> None:
    assert wrapped("Readiness compares each level with the target", 20) == [
        "Readiness compares",
        "each level with the",
        "target",
    ]
    assert wrapped("  I can invite quiet participants to speak.", 24) == [
        "  I can invite quiet",
        "  participants to speak.",
    ]


def test_words_and_commands_stay_whole() -> None:
    assert wrapped("see /a/very/long/path/to/a/file.toml now", 12) == [
        "see",
        "/a/very/long/path/to/a/file.toml",
        "now",
    ]
    command = "  wimcheck assess --resume 20261202-160808-8d42"
    assert wrapped(command, 20) == [command]
    assert wrapped("well-known and self-assessed", 16) == ["well-known and", "self-assessed"]


@pytest.mark.parametrize("width", [None, 80])
def test_short_lines_and_no_terminal_are_left_alone(width: int | None) -> None:
    line = "x" * 70 + " yes"
    assert wrapped(line, width) == [line]
    assert wrapped("", width) == [""]
