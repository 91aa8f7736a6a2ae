"""``wimcheck compare``: one person before and after, and a paired group, by hand."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import Result

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
MINI = str(DATA / "frameworks" / "mini.toml")
# compare two sheets of the same group, before and after
GROUP = (
    "compare",
    str(DATA / "compare" / "before.csv"),
    str(DATA / "compare" / "after.csv"),
    "--framework",
    MINI,
)


def _response(path: Path, respondent: str, answers: dict[str, object]) -> Path:
    lines = [
        "format_version = 1",
        'framework = "mini"',
        'framework_version = "1.0.0"',
        'role = "facilitator"',
        f'respondent = "{respondent}"',
        "[answers]",
        *(f'"{k}" = {json.dumps(v)}' for k, v in answers.items()),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_person_change_gaps_closed_and_new_gaps(cli: Cli, tmp_path: Path) -> None:
    before = _response(
        tmp_path / "before.toml",
        "Pat",
        {
            "MINI.PREP.1.a": 1,
            "MINI.PREP.1.b": 3,  # PREP: (1 + 0) / 2 = 0.5, gap 1.5
            "MINI.RUN.1.a": 3,
            "MINI.RUN.1.b": 3,  # RUN.1: 3, target 3, no gap
            "MINI.RUN.2.a": "n/a",  # RUN.2: not enough answers
        },
    )
    after = _response(
        tmp_path / "after.toml",
        "Pat",
        {
            "MINI.PREP.1.a": 2,
            "MINI.PREP.1.b": 1,  # PREP: (2 + 2) / 2 = 2, gap closed
            "MINI.RUN.1.a": 2,
            "MINI.RUN.1.b": 2,  # RUN.1: 2, new gap 1
            "MINI.RUN.2.a": 2,
        },
    )
    result = cli("compare", str(before), str(after), "--framework", MINI, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "person"
    assert [
        (c["id"], c["before"], c["after"], c["change"], c["status"]) for c in data["competences"]
    ] == [
        ("MINI.PREP.1", 0.5, 2, 1.5, "gap closed"),
        ("MINI.RUN.1", 3, 2, -1, "new gap"),
        ("MINI.RUN.2", None, 2, None, "not comparable"),
    ]
    assert (data["gaps_closed"], data["new_gaps"]) == (["MINI.PREP.1"], ["MINI.RUN.1"])
    # readiness: before (0.5 + 3) / (2 + 3) = 70 %; after (2 + 2 + 2) / 7 = 85.7 %
    assert (data["before"]["readiness"], data["after"]["readiness"]) == (70, 85.7)
    assert data["readiness_change"] == 15.7
    text = cli("compare", str(before), str(after), "--framework", MINI).stdout
    assert "  MINI.RUN.1  Giving everyone a voice: 3 -> 2 (-1), target 3: New gap" in text


def test_group_change_paired_by_respondent(cli: Cli) -> None:
    result = cli(
        *GROUP,
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["kind"], data["pairs"], data["shown"]) == ("group", 3, True)
    assert (data["unpaired_before"], data["unpaired_after"]) == (["D"], ["E"])
    prep, run1, run2 = data["competences"]
    # PREP before: A 0.5, B 1.5, C 0; after: A 2.5, B 2, C 1; changes 2, 0.5, 1
    # mean change 7/6 = 1.17; sd 0.764; d_z = 1.167 / 0.764 = 1.53
    assert (
        prep["before_mean"],
        prep["after_mean"],
        prep["mean_change"],
        prep["sd_change"],
        prep["effect_size"],
    ) == (0.67, 1.83, 1.17, 0.76, 1.53)
    # RUN.1 changes 1, 1, 0: mean 0.67, sd 0.58, d_z 1.15
    assert (run1["mean_change"], run1["sd_change"], run1["effect_size"]) == (0.67, 0.58, 1.15)
    assert (run2["before_mean"], run2["after_mean"]) == (1, 1.67)
    # readiness: before (35.7 + 42.9 + 50) / 3 = 42.9; after (85.7 + 78.6 + 64.3) / 3 = 76.2
    assert data["readiness"] == {"before_mean": 42.9, "after_mean": 76.2, "mean_change": 33.3}


def test_small_paired_group_is_not_shown(cli: Cli) -> None:
    result = cli(
        *GROUP,
        "--format",
        "json",
        "--min-group",
        "4",
    )
    data = json.loads(result.stdout)
    assert data["shown"] is False
    assert "competences" not in data


def test_different_roles_are_refused(cli: Cli, tmp_path: Path) -> None:
    before = _response(tmp_path / "b.toml", "Pat", {"MINI.PREP.1.a": 1})
    after = tmp_path / "a.toml"
    after.write_text(before.read_text().replace('"facilitator"', '"participant"'))
    result = cli("compare", str(before), str(after), "--framework", MINI)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: the inputs have several roles: facilitator, participant"
    )


def test_two_different_people_are_compared_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    before = _response(tmp_path / "b.toml", "Pat", {"MINI.PREP.1.a": 1})
    after = _response(tmp_path / "a.toml", "Sam", {"MINI.PREP.1.a": 2})
    result = cli("compare", str(before), str(after), "--framework", MINI)
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: the two files name different respondents ('Pat' and 'Sam'); "
        "compared as one person\n"
    )
