"""Bounded resources: workbook sizes, nesting depth, number length, linear scans
(issue 10, part 2). Files: tests/data/hostile/limits/ (tests/data/hostile/make_hostile_data.py)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Result
from wimcheck import tomlpos
from wimcheck.limits import MAX_NESTING, too_deep_position
from wimcheck.tomlio import JsonSyntaxError, TomlSyntaxError, parse_json, parse_toml

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
LIMITS = DATA / "hostile" / "limits"
MINI = DATA / "frameworks" / "mini.toml"


def test_files_beyond_the_bounds_are_rejected_each_with_its_reason(cli: Cli) -> None:
    result = cli("score", str(LIMITS), "--framework", str(MINI), "--format", "csv")
    assert result.exit_code == 1
    split = "split it into smaller workbooks, or save it as CSV"
    assert result.stderr.splitlines() == [
        f"rejected: {LIMITS}/declared_huge.xlsx: the workbook unpacks to more than 256 MiB: "
        + split,
        f"rejected: {LIMITS}/deep.json:1:33: not valid JSON: lists and tables nested more than "
        "32 levels deep",
        f"rejected: {LIMITS}/deep.toml:6:40: TOML syntax error: lists and tables nested more "
        "than 32 levels deep",
        f"rejected: {LIMITS}/dimension_huge.xlsx: the sheet has more than 10000000 cells, or "
        f"more rows or columns than Excel allows: {split}",
        f"rejected: {LIMITS}/long_number.json:1:224: not valid JSON: a number with more than "
        "4300 digits",
        f"rejected: {LIMITS}/long_number.toml:11:18: TOML syntax error: a number with more "
        "than 4300 digits",
        f"rejected: {LIMITS}/row_far_away.xlsx: the sheet has more than 10000000 cells, or "
        f"more rows or columns than Excel allows: {split}",
        "7 problems; 0 respondents scored",
    ]


def test_a_response_file_beyond_a_bound_is_one_line_for_report(cli: Cli) -> None:
    result = cli("report", str(LIMITS / "deep.toml"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{LIMITS}/deep.toml:6:40: error: TOML syntax error: lists and tables nested more "
        "than 32 levels deep"
    )


def test_a_framework_beyond_a_bound_is_a_validation_issue(cli: Cli, tmp_path: Path) -> None:
    framework = tmp_path / "deep.toml"
    text = MINI.read_text(encoding="utf-8")
    framework.write_text(text + "\nextra = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    result = cli("frameworks", "validate", str(framework))
    assert result.exit_code == 1
    line = len(text.splitlines()) + 2
    assert f"{framework}:{line}:{9 + MAX_NESTING}: error[toml-syntax]" in result.stdout
    assert "lists and tables nested more than 32 levels deep" in result.stdout


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("a = " + "[" * 33 + "]" * 33, (1, 37)),
        ("a = 1\nb = { c = " + "{ d = " * 32 + "1" + "}" * 33, (2, 197)),
        ('a = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\nb = ' + "[" * 32 + "]" * 32, None),
        ("a = '''\n" + "[" * 40 + "\n'''", None),
        ("# " + "[" * 40, None),
        ("[[a]]\n" * 40, None),
    ],
)
def test_nesting_is_found_outside_strings_and_comments(
    text: str, position: tuple[int, int] | None
) -> None:
    assert too_deep_position(text) == position
    if position is None:
        parse_toml(text)
    else:
        with pytest.raises(TomlSyntaxError) as caught:
            parse_toml(text)
        assert (caught.value.line, caught.value.col) == position


def test_json_bounds_and_positions() -> None:
    with pytest.raises(JsonSyntaxError) as caught:
        parse_json('{"a": "]]]]", "b": ' + "[" * 40 + "]" * 40 + "}")
    assert (caught.value.message, caught.value.line, caught.value.col) == (
        "lists and tables nested more than 32 levels deep",
        1,
        19 + MAX_NESTING,
    )
    assert parse_json('{"a": "\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}') == {"a": '"' + "[" * 38}
    with pytest.raises(JsonSyntaxError) as caught:
        parse_json('{"a":\n  1' + "0" * 4400 + "}")
    assert (caught.value.line, caught.value.col) == (2, 3)


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.integers() | st.text(max_size=5), lambda c: st.lists(c, max_size=3)))
def test_json_within_the_bounds_parses_as_the_standard_library_does(value: object) -> None:
    import json

    text = json.dumps(value)
    try:
        assert parse_json(text) == json.loads(text)
    except JsonSyntaxError as exc:
        assert exc.message == "lists and tables nested more than 32 levels deep"
        assert text.count("[") > MAX_NESTING


def test_key_positions_in_a_long_line_take_linear_time(tmp_path: Path) -> None:
    """A framework with a 100,000-character text validates in about a second, not minutes.

    The key scan of inline tables looked for a key at every character (quadratic); a
    100,000-character title took about 8 minutes. Run through the real command, with a
    generous time-out: a quadratic scan does not finish, a linear one in well under it.
    """
    framework = tmp_path / "long.toml"
    text = MINI.read_text(encoding="utf-8")
    long = "a" * 100_000
    text = text.replace(
        '{ title = "Example source: a published project description"', f'{{ title = "{long}"'
    ).replace(
        '"MINI.PREP.1" = { level = 2, weight = 2 }',
        f'"MINI.PREP.1" = {{ level = 2, weight = 2, x = "{long}" }}',
    )
    framework.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "wimcheck", "frameworks", "validate", str(framework)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1  # the extra key is an error, with its position
    assert f"{framework}:154:42: error[unknown-key]: unknown key 'x'" in result.stdout


def test_inline_table_keys_are_placed_in_nested_tables() -> None:
    positions = tomlpos.scan_positions(
        'a = { b = { c = 1, d = [ { e = "x,}" }, { f = 2 } ] }, g = 3 }\n'
        'h = [\n  { i = "j" },\n  { k = { l = 1 } },\n]\n'
    )
    assert positions.find(("a", "b", "c")) == (1, 13)
    assert positions.find(("a", "b", "d", 1, "f")) == (1, 43)
    assert positions.find(("a", "g")) == (1, 56)
    assert positions.find(("h", 1, "k", "l")) == (4, 11)
