"""``wimcheck score --cohort --format csv``: one row per competence of each group profile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import Result

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
MINI = str(DATA / "frameworks" / "mini.toml")
SHEET = str(DATA / "cohort" / "three.csv")
HEADER = (
    "framework,role,respondents,readiness_mean,competence,title,area,target,weight,scored,"
    "mean,min,median,max,below_target,mean_gap"
)


def test_group_profile_as_csv_with_the_numbers_by_hand(cli: Cli) -> None:
    result = cli("score", SHEET, "--framework", MINI, "--cohort", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # A: PREP (1 + 0) / 2 = 0.5, RUN.1 1, RUN.2 1; B: 3, 2.5, 2; C: 2, 3, not enough answers
    # readiness: A 35.7, B 92.9, C 100 -> 76.2; gaps PREP 1.5, 0, 0; RUN.1 2, 0.5, 0
    assert result.stdout.splitlines() == [
        HEADER,
        "mini,facilitator,3,76.2,MINI.PREP.1,Setting a clear goal,PREP,2,2,3,1.83,0.5,2,3,0.333,0.5",
        "mini,facilitator,3,76.2,MINI.RUN.1,Giving everyone a voice,RUN,3,1,3,2.17,1,2.5,3,0.667,0.83",
        "mini,facilitator,3,76.2,MINI.RUN.2,Agreeing next steps,RUN,2,3,2,1.5,1,1.5,2,0.5,0.5",
    ]
    # the group of one participant is too small to be broken down: named, not shown
    assert result.stderr.splitlines() == [
        "note: mini / participant: fewer than 3 respondents: the group is not broken down, "
        "to protect individuals (use --min-group 1 to show it)"
    ]


def test_group_csv_to_a_file_and_small_groups_on_request(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "groups.csv"
    args = ("score", SHEET, "--framework", MINI, "--cohort", "--format", "csv")
    result = cli(*args, "--min-group", "1", "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER
    assert lines[4] == (
        "mini,participant,1,100,MINI.PREP.1,Setting a clear goal,PREP,1,1,1,2,2,2,2,0,0"
    )
    assert len(lines) == 5
