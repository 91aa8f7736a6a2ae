"""Results that read right for everyone: level words, easy-read titles, the supporter's
step, and nothing from data that a terminal would act on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wimcheck.assessment.level_words import goal_point, level_point, point_words
from wimcheck.assessment.responses import ResponseSet, read_response_file
from wimcheck.assessment.result import ResultScale, ScalePoint, person_result
from wimcheck.assessment.result_json import person_result_from_data, person_result_to_json
from wimcheck.cli.render import easy_read_lines, report_text
from wimcheck.frameworks.cache import load_cached
from wimcheck.frameworks.catalog import load_framework
from wimcheck.frameworks.translation_files import source_digest
from wimcheck.frameworks.validation import check_framework_text
from wimcheck.reports.person import person_html

DATA = Path(__file__).parent / "data"
MINI_EASY = DATA / "frameworks" / "mini_easy.toml"
HOSTILE = DATA / "hostile" / "control.toml"
HOSTILE_ANSWERS = DATA / "hostile" / "control-answers.toml"
EASY = ResultScale(
    "easy",
    "Can you do this?",
    0,
    3,
    tuple(
        ScalePoint(v, label, "")
        for v, label in enumerate(("Not yet", "With help", "On my own", "I can show others"))
    ),
)
# what a terminal acts on: C0 but newline, ESC, DEL, C1, bidi overrides and isolates
LIVE = [chr(c) for c in (*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
LIVE += list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def test_a_level_reads_as_the_highest_value_reached_a_goal_as_the_value_that_reaches_it() -> None:
    # before, 1.67 read as "On my own (2)" beside a goal of "On my own (2)" for a gap
    assert point_words(level_point(EASY, 1.67)) == "With help (1)"
    assert point_words(goal_point(EASY, 2)) == "On my own (2)"
    assert level_point(EASY, 2.0).value == 2
    assert level_point(EASY, 1.9999999999).value == 2  # a rounding error is not a step down
    assert goal_point(EASY, 1.5).value == 2
    assert level_point(EASY, 3).value == 3
    assert (level_point(EASY, -1).value, goal_point(EASY, 7).value) == (0, 3)


@given(
    st.floats(min_value=0, max_value=3, allow_nan=False),
    st.floats(min_value=0, max_value=3, allow_nan=False),
)
def test_a_gap_never_reads_as_the_goal_reached(level: float, target: float) -> None:
    if target - level > 1e-6:
        assert level_point(EASY, level).value < goal_point(EASY, target).value
    else:
        assert level_point(EASY, level).value >= goal_point(EASY, target).value - 1


def test_easy_read_titles_are_read_built_cached_and_translated() -> None:
    framework = load_framework(MINI_EASY)
    comp = framework.competences["MINI.PREP.1"]
    assert comp.easy_read_title is not None
    assert comp.easy_read_title.get("de") == "Wissen, warum wir uns treffen"
    assert framework.areas["PREP"].easy_read_title is not None
    assert framework.modules["MINI.M1"].easy_read_title is not None
    assert framework.areas["RUN"].easy_read_title is None
    assert load_cached(MINI_EASY, source_digest(MINI_EASY)) == framework


def test_an_easy_read_title_needs_its_translation_and_its_english() -> None:
    text = MINI_EASY.read_text(encoding="utf-8")
    missing = text.replace('easy_read_title = "Gut zusammen treffen"\n', "")
    codes = [(i.code, i.message) for i in check_framework_text(missing, "m.toml").issues]
    assert [code for code, _ in codes] == ["missing-translation"]
    assert "easy_read_title" in codes[0][1]
    orphan = text.replace('easy_read_title = "How to meet well"\n', "")
    codes = [(i.code, i.message) for i in check_framework_text(orphan, "o.toml").issues]
    assert [code for code, _ in codes] == ["translation-without-english"]


def _participant(answers: dict[str, int | str], framework: Path = MINI_EASY) -> ResponseSet:
    loaded = load_framework(framework)
    return ResponseSet(loaded.id, loaded.version, "participant", "Sam", answers)


def test_the_easy_read_result_uses_easy_titles_and_the_details_the_full_ones() -> None:
    framework = load_framework(MINI_EASY)
    result = person_result(
        framework, framework.roles["participant"], _participant({"MINI.PREP.1.a": 0})
    )
    easy = [line for _, line in easy_read_lines(result)]
    assert "  > Knowing why we meet. You said: Not yet (0). Your goal: With help (1)." in easy
    assert "  - How to meet well. It takes 3 hours." in easy
    text = report_text(result)
    assert "  MINI.PREP.1  Setting a clear goal" in text
    assert text.index("Details for your supporter") > text.index("Knowing why we meet")
    again = person_result_from_data(json.loads(person_result_to_json(result)))
    assert again == result
    assert again.competences[0].easy_title == "Knowing why we meet"


def test_the_html_easy_read_part_comes_first_and_the_supporter_part_is_closed() -> None:
    framework = load_framework(MINI_EASY)
    result = person_result(
        framework, framework.roles["participant"], _participant({"MINI.PREP.1.a": 0})
    )
    html = person_html(result)
    reading = html.index("Getting ready to meet: you are at 0 – Not yet.")
    details = html.index('<details class="supporter" id="supporter">')
    assert reading < details < html.index('<section id="summary">') < html.index("</details>")
    assert "<summary>Details for your supporter</summary>" in html
    assert '<details class="supporter" id="supporter" open' not in html
    plain = person_result(
        load_framework(DATA / "frameworks" / "mini.toml"),
        load_framework(DATA / "frameworks" / "mini.toml").roles["facilitator"],
        ResponseSet("mini", "1.0.0", "facilitator", "Pat", {"MINI.PREP.1.a": 1}),
    )
    assert '<details class="supporter"' not in person_html(plain)


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "WIMCHECK_DATA_DIR": str(tmp_path / "data")}
    env["WIMCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    env["HOME"] = str(tmp_path)
    env["COLUMNS"] = "200"
    return subprocess.run(
        [sys.executable, "-m", "wimcheck", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def _assert_nothing_live(text: str) -> None:
    assert [ch for ch in LIVE if ch in text] == []


def test_hostile_names_and_texts_are_shown_never_sent(tmp_path: Path) -> None:
    done = _run("report", str(HOSTILE_ANSWERS), "--framework", str(HOSTILE), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    _assert_nothing_live(done.stdout + done.stderr)
    assert "Your result, Eve\\x1b]0;pwned\\x07\\x1b[2J\\u202eevE" in done.stdout
    assert "  + Knowing \\x1b[31mwhy\\x9b we meet. You said: With help (1)." in done.stdout
    assert "Setting \\x1b[5ma clear\\x7f goal\\u2066" in done.stdout
    for command in (
        ("frameworks", "show", str(HOSTILE)),
        ("frameworks", "show", str(HOSTILE), "--role", "participant"),
        ("compare", str(HOSTILE_ANSWERS), str(HOSTILE_ANSWERS), "--framework", str(HOSTILE)),
    ):
        done = _run(*command, tmp_path=tmp_path)
        _assert_nothing_live(done.stdout + done.stderr)
        assert "\\x1b" in done.stdout + done.stderr, command


def test_the_frameworks_list_shows_hostile_titles_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "frameworks"
    folder.mkdir()
    (folder / "control.toml").write_bytes(HOSTILE.read_bytes())
    env_dir = tmp_path / "data" / "frameworks"
    env_dir.mkdir(parents=True)
    (env_dir / "control.toml").write_bytes(HOSTILE.read_bytes())
    done = _run("frameworks", "list", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    _assert_nothing_live(done.stdout + done.stderr)
    assert "hostile-ctl" in done.stdout
    assert "\\x1b" in done.stdout


def test_a_hostile_respondent_in_a_session_list(tmp_path: Path) -> None:
    answers = read_response_file(HOSTILE_ANSWERS)
    assert answers.respondent.startswith("Eve\x1b")  # the fixture is as hostile as meant
    done = _run("sessions", "list", tmp_path=tmp_path)
    _assert_nothing_live(done.stdout + done.stderr)


@pytest.mark.parametrize("plain", [False, True])
def test_piped_output_is_not_wrapped_and_prints_both_parts(tmp_path: Path, plain: bool) -> None:
    args = ["report", str(HOSTILE_ANSWERS), "--framework", str(HOSTILE)]
    done = _run(*args, *(["--plain"] if plain else []), tmp_path=tmp_path)
    assert "Press Enter" not in done.stdout
    assert done.stdout.count("Details for your supporter") == 1
