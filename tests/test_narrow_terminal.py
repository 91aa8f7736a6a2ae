"""``frameworks list`` and ``frameworks show`` on narrow terminals (issue 11, point 2).

At 80 and 60 columns no line is wider than the terminal and no word is split: the words
of the output, in order, are those of the same output at full width. Only a web address
longer than a line may be wider, alone on its line and whole.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Result
from wimcheck.frameworks.catalog import discover, load_framework
from wimcheck.frameworks.outline import framework_outline
from wimcheck.plaintext import one_line, wrap_words

Cli = Callable[..., Result]
MINI = Path(__file__).parent / "data" / "frameworks" / "mini.toml"
BUNDLED = sorted(discover().entries)


def too_wide(text: str, width: int) -> list[str]:
    """Lines wider than ``width`` that are not one long web address alone on its line."""
    return [
        line
        for line in text.splitlines()
        if len(line) > width and not (line == line.strip() and " " not in line and "://" in line)
    ]


def run_at(cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("columns", [80, 60])
def test_list_is_stacked_and_fits_without_splitting_a_word(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    narrow = run_at(cli, monkeypatch, columns, "frameworks", "list")
    wide = run_at(cli, monkeypatch, 139, "frameworks", "list")
    assert too_wide(narrow, columns) == []
    assert narrow.split() == wide.split()
    assert "┃" not in narrow and "…" not in narrow
    flat = " ".join(narrow.split())
    for framework_id in BUNDLED:
        framework = load_framework(framework_id)
        assert f"{framework_id} {framework.title.en} version {framework.version};" in flat
        for role in framework.roles.values():
            assert f"{role.title.en} [{role.id}]" in flat


def test_list_block_at_60_columns(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_at(cli, monkeypatch, 60, "frameworks", "list")
    start = out.index("\nwim  ") + 1
    assert out[start : out.index("\n\n", start) + 2] == (
        "wim  Workplace Innovation Manager (WIN)\n"
        "  version 1.0.0; languages: en, de, it, el, sl, hu, bg; 75\n"
        "    statements; bundled\n"
        "  Roles (give the id in brackets to --role):\n"
        "    Workplace Innovation Manager [wim]\n"
        "    SME owner-manager taking on the WIM role [owner-manager]\n"
        "    Team leader or line manager [team-leader]\n"
        "    Innovation champion [innovation-champion]\n"
        "\n"
    )
    # a role too long for the line goes on, indented under its own start
    assert "    Job coach, confident with digital tools\n      [sup-coach-confident]\n" in out


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("framework_id", BUNDLED)
def test_show_fits_without_splitting_a_word(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: int, framework_id: str
) -> None:
    narrow = run_at(cli, monkeypatch, columns, "frameworks", "show", framework_id)
    wide = framework_outline(load_framework(framework_id), width=10_000)
    assert too_wide(narrow, columns) == []
    assert narrow.split() == wide.split()


def test_show_keeps_indentation_when_wrapping(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_at(cli, monkeypatch, 60, "frameworks", "show", str(MINI), "--role", "participant")
    assert (
        "Scale 'proficiency': How well can you do this today?\n"
        "  0  Not yet: I have not done this yet.\n"
        "  1  With help: I can do this when someone helps me.\n"
        "  2  On my own: I can do this on my own in everyday\n"
        "  situations.\n"
    ) in out
    assert (
        "      MINI.PREP.1.a  I can say why we meet.\n"
        "      MINI.PREP.1.b  I do not know why we meet.\n"
        "      (reverse-keyed)\n"
    ) in out


def test_show_is_never_wider_than_88_columns(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_at(cli, monkeypatch, 200, "frameworks", "show", "wim")
    assert too_wide(out, 88) == []
    assert max(len(line) for line in out.splitlines() if "://" not in line) > 80


def test_show_puts_a_long_address_alone_on_its_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = run_at(cli, monkeypatch, 60, "frameworks", "show", "bwise")
    long_addresses = [line for line in out.splitlines() if len(line) > 60]
    assert long_addresses  # the B-WISE sources have addresses longer than 60 characters
    for line in long_addresses:
        assert line.startswith("<https://") and line.endswith(">") and " " not in line


def test_show_shows_line_breaks_as_spaces_and_controls_as_escapes(tmp_path: Path) -> None:
    original = MINI.read_text(encoding="utf-8")
    text = original.replace(
        'easy_read = "I can say why we meet."',
        'easy_read = "I can say\\nwhy we meet.\\u001b[2J\\u0007\\r\\n\\u202eevil"',
    )
    assert text != original
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(text, encoding="utf-8")
    framework = load_framework(hostile)
    outline = framework_outline(framework, framework.roles["participant"], width=88)
    assert "      MINI.PREP.1.a  I can say why we meet.\\x1b[2J\\x07  \\u202eevil\n" in outline
    assert "\x1b" not in outline and "\x07" not in outline and "\u202e" not in outline


def test_wrap_words() -> None:
    assert wrap_words("one two three four", 20, "  ", "    ") == ["  one two three four"]
    assert wrap_words("aaaa bbbb cccc dddd eeee ffff", 20, "  ") == [
        "  aaaa bbbb cccc",
        "  dddd eeee ffff",
    ]
    address = "https://example.org/" + "x" * 30
    assert wrap_words(f"see {address} now", 30, "  ") == ["  see", address, "  now"]
    assert wrap_words("", 30, "  ") == ["  "]
    assert wrap_words("a b", 5) == ["a b"]  # narrower than 20 is taken as 20


def textwrap_lines(text: str, width: int, indent: str, subsequent: str) -> list[str]:
    """What wrap_words gave when it always called textwrap (the reference)."""
    width = max(width, 20)
    wrapped = textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=subsequent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.strip() if len(line) > width else line for line in wrapped] or [indent]


@given(
    text=st.lists(st.sampled_from(["a", "bb", "é", "-", " ", "  ", "\xa0", "\t", "x" * 25])).map(
        "".join
    ),
    width=st.integers(0, 40),
    indent=st.sampled_from(["", "  ", " " * 30]),
    subsequent=st.sampled_from(["", "    ", "-" * 30]),
)
def test_wrap_words_wraps_as_textwrap(text: str, width: int, indent: str, subsequent: str) -> None:
    # Text of spaces only is wrapped without textwrap, with the same lines.
    expected = textwrap_lines(text, width, indent, subsequent)
    assert wrap_words(text, width, indent, subsequent) == expected


def test_one_line() -> None:
    assert one_line("a\nb\r\n  c\u2028d\te") == "a b c d e"
    assert one_line("bell\x07 esc\x1b[31m red\x9b \u202eback") == (
        "bell\\x07 esc\\x1b[31m red\\x9b \\u202eback"
    )
    assert one_line("Zoë ünd Ελλάδα") == "Zoë ünd Ελλάδα"
