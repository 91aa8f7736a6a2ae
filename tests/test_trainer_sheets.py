"""Trainers' sheets filled in by hand (issue 11, point 5).

The sheets in tests/data/typos/ come from ``wimcheck template`` (made by
tests/data/make_typo_sheets.py): the role cells are left empty, since the template
records its role, and some answers have typos. Every person is scored, each unreadable
cell is a warning and counts as not answered; ``compare`` pairs everyone it can.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import Result
from wimcheck.assessment.scoring import NA, Answer, score
from wimcheck.batch.group_file import group_result_from_data
from wimcheck.frameworks.catalog import load_framework

Cli = Callable[..., Result]
TYPOS = Path(__file__).parent / "data" / "typos"
BEFORE, AFTER, WORKSHOP = TYPOS / "before.xlsx", TYPOS / "after.xlsx", TYPOS / "workshop.csv"
WIM = load_framework("wim")
ALLOWED = "0, 1, 2, 3, 4, 5, n/a or empty"


def warning(path: Path, where: str, column: str, cell: str) -> str:
    return (
        f"warning: {path}:{where}, column {column}: '{cell}' is not an answer on this scale "
        f"({ALLOWED}); counted as not answered"
    )


BEFORE_WARNINGS = [
    warning(BEFORE, "row 3", "WIM.FND.1.a", "3,0"),
    warning(BEFORE, "row 6", "WIM.IDM.2.b", "three"),
    warning(BEFORE, "row 8", "WIM.IDM.3.a", "5 5"),
    warning(BEFORE, "row 10", "WIM.DTH.2.a", "7"),
    warning(BEFORE, "row 12", "WIM.CAP.1.a", "-1"),
    warning(BEFORE, "row 13", "WIM.CAP.2.c", "2.5"),
    warning(BEFORE, "row 16", "WIM.DIG.1.a", "n.a"),
    warning(BEFORE, "row 19", "WIM.HUB.3.a", "x"),
    warning(BEFORE, "row 19", "WIM.HUB.3.b", "4/5"),
    warning(BEFORE, "row 19", "WIM.HUB.3.c", "?"),
    warning(BEFORE, "row 23", "WIM.FND.1.b", "True"),
    warning(BEFORE, "row 28", "WIM.DIG.2.a", "4+"),
]
AFTER_WARNINGS = [
    warning(AFTER, "row 4", "WIM.FND.1.c", "4,5"),
    warning(AFTER, "row 9", "WIM.CAP.3.a", "vier"),
    warning(AFTER, "row 15", "WIM.DIG.1.b", "6"),
    warning(AFTER, "row 30", "WIM.IDM.2.c", "3.3"),
]
AFTER_REJECTED = (
    f"rejected: {AFTER}:row 32: unknown role 'teamleader' "
    f"(roles: wim, owner-manager, team-leader, innovation-champion)"
)


def independent_answers(path: Path) -> dict[str, dict[str, Answer]]:
    """Each person's answers read straight from the workbook: a whole number on the scale
    or n/a (spaces around it allowed), anything else not answered."""
    sheet = load_workbook(path, data_only=True)["Responses"]
    rows = sheet.iter_rows(values_only=True)
    header = [str(cell) for cell in next(rows)]
    people: dict[str, dict[str, Answer]] = {}
    for row in rows:
        if row[0] is None:
            continue
        answers: dict[str, Answer] = {}
        for statement, cell in zip(header[2:], row[2:], strict=True):
            text = str(cell).strip().replace("\u200b", "") if cell is not None else ""
            if text == "n/a":
                answers[statement] = NA
            elif isinstance(cell, int | float) and not isinstance(cell, bool):
                if float(cell).is_integer() and 0 <= cell <= 5:
                    answers[statement] = int(cell)
            elif text.isdigit() and 0 <= int(text) <= 5:
                answers[statement] = int(text)
        people[str(row[0])] = answers
    return people


def stderr_lines(result: Result, prefix: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(prefix)]


def run_json(cli: Cli, *args: str) -> tuple[Result, dict[str, Any]]:
    result = cli(*args, "--format", "json")
    return result, json.loads(result.stdout)


def test_every_person_is_scored_and_each_bad_cell_named(cli: Cli) -> None:
    result, data = run_json(cli, "score", str(BEFORE))
    assert result.exit_code == 1  # warnings are findings
    assert [r["respondent"] for r in data["respondents"]] == [
        f"Participant {n:02d}" for n in range(1, 31)
    ]
    assert {r["role"] for r in data["respondents"]} == {"team-leader"}
    assert stderr_lines(result, "warning: ") == BEFORE_WARNINGS
    assert stderr_lines(result, "rejected: ") == []
    assert data["errors"] == []
    assert [f"warning: {w['file']}:{w['where']}: {w['reason']}" for w in data["warnings"]] == (
        BEFORE_WARNINGS
    )
    assert result.stderr.splitlines()[-1] == (
        "12 unreadable cells counted as not answered; 30 respondents scored"
    )
    # a result written before warnings existed reads back with none
    del data["warnings"]
    assert group_result_from_data(data).warnings == ()


def test_an_unreadable_cell_counts_as_not_answered(cli: Cli) -> None:
    _, data = run_json(cli, "score", str(BEFORE))
    role = WIM.roles["team-leader"]
    expected = independent_answers(BEFORE)
    for respondent in data["respondents"]:
        profile = score(WIM, role, expected[respondent["respondent"]])
        levels = [c["level"] for c in respondent["competences"]]
        assert levels == [
            None if c.level is None else round(c.level, 2) for c in profile.competences
        ], respondent["respondent"]
    # three of WIM.HUB.3's four answers are unreadable: too few left to score it
    p18 = next(r for r in data["respondents"] if r["respondent"] == "Participant 18")
    hub = next(c for c in p18["competences"] if c["id"] == "WIM.HUB.3")
    assert (hub["level"], hub["answered"], hub["status"]) == (None, 1, "not enough answers")


def test_strict_rejects_the_first_unreadable_cell(cli: Cli) -> None:
    result = cli("score", str(BEFORE), "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"error: {BEFORE}:row 3: '3,0' in column WIM.FND.1.a is not an answer ({ALLOWED})"
    )


def test_the_csv_template_as_excel_saves_it(cli: Cli) -> None:
    result, data = run_json(cli, "score", str(WORKSHOP))
    assert result.exit_code == 1
    assert len(data["respondents"]) == 10
    assert {r["role"] for r in data["respondents"]} == {"team-leader"}
    assert stderr_lines(result, "warning: ") == [
        warning(WORKSHOP, "line 4", "WIM.FND.1.a", "3 ,"),
        warning(WORKSHOP, "line 6", "WIM.IDM.3.c", "drei"),
        warning(WORKSHOP, "line 8", "WIM.HUB.3.d", "-"),
    ]


def test_compare_pairs_everyone_it_can(cli: Cli) -> None:
    result, data = run_json(cli, "compare", str(BEFORE), str(AFTER))
    assert result.exit_code == 1  # problems were reported
    assert data["kind"] == "group"
    assert data["pairs"] == 28
    assert data["unpaired_before"] == ["Participant 29", "Participant 30"]
    assert data["unpaired_after"] == ["Participant 31", "Participant 32"]
    assert stderr_lines(result, "warning: ") == BEFORE_WARNINGS + AFTER_WARNINGS
    assert stderr_lines(result, "rejected: ") == [AFTER_REJECTED]
    assert result.stderr.splitlines()[-1] == (
        "1 problem, 16 unreadable cells counted as not answered; compared the rest"
    )
    # a competence pairs the people scored in it both times (unreadable cells not answered)
    role = WIM.roles["team-leader"]
    before, after = independent_answers(BEFORE), independent_answers(AFTER)
    del after["Participant 33"]  # rejected: the role has a typo
    levels = {
        name: [
            (b.level is not None and a.level is not None)
            for b, a in zip(
                score(WIM, role, before[name]).competences,
                score(WIM, role, after[name]).competences,
                strict=True,
            )
        ]
        for name in set(before) & set(after)
    }
    expected = [
        (competence.id, sum(both[index] for both in levels.values()))
        for index, competence in enumerate(WIM.role_competences(role))
    ]
    assert [(c["id"], c["pairs"]) for c in data["competences"]] == expected
    assert ("WIM.HUB.3", 27) in expected  # Participant 18's three unreadable cells


def test_compare_strict_rejects(cli: Cli) -> None:
    result = cli("compare", str(BEFORE), str(AFTER), "--strict")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0].startswith(f"error: {BEFORE}:row 3: '3,0' in column")


# --- the role and framework a template records ------------------------------------------


def filled_template(cli: Cli, folder: Path, role: str, fmt: str) -> Path:
    sheet = folder / f"{role}.{fmt}"
    assert cli("template", "wim", "--role", role, "--format", fmt, "-o", str(sheet)).exit_code == 0
    ids = [s.id for s in WIM.questionnaire(WIM.roles[role])]
    if fmt == "csv":
        text = sheet.read_text(encoding="utf-8") + "Anna,," + ",".join("3" for _ in ids) + "\n"
        sheet.write_text(text, encoding="utf-8")
    else:
        book = load_workbook(sheet)
        book["Responses"].append(["Anna", None, *(3 for _ in ids)])
        book.save(sheet)
    return sheet


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_empty_role_cell_is_the_templates_role(cli: Cli, tmp_path: Path, fmt: str) -> None:
    sheet = filled_template(cli, tmp_path, "owner-manager", fmt)
    result, data = run_json(cli, "score", str(sheet))
    assert result.exit_code == 0, result.stderr
    (anna,) = data["respondents"]
    assert (anna["respondent"], anna["role"]) == ("Anna", "owner-manager")
    # the template's role comes before --role, which is for sheets that record none
    _, data = run_json(cli, "score", str(sheet), "--role", "team-leader")
    assert data["respondents"][0]["role"] == "owner-manager"


def test_the_templates_framework_is_used_or_checked(cli: Cli, tmp_path: Path) -> None:
    sheet = filled_template(cli, tmp_path, "owner-manager", "csv")
    mini = Path(__file__).parent / "data" / "frameworks" / "mini.toml"
    result = cli("score", str(sheet), "--framework", str(mini))
    assert result.exit_code == 1
    assert stderr_lines(result, "rejected: ") == [
        f"rejected: {sheet}:line 1: the sheet was made for framework 'wim', not 'mini'"
    ]
    unknown = tmp_path / "unknown.csv"
    unknown.write_text(
        sheet.read_text(encoding="utf-8").replace("framework=wim,", "framework=nosuch,"),
        encoding="utf-8",
    )
    result = cli("score", str(unknown))
    assert result.exit_code == 1
    assert stderr_lines(result, "rejected: ")[0].startswith(
        f"rejected: {unknown}:line 1: the sheet was made for framework 'nosuch'"
    )


def test_a_legacy_encoded_csv_template_is_read(cli: Cli, tmp_path: Path) -> None:
    # the record line comes before the header: the encoding is still told by the header
    sheet = tmp_path / "cyrillic.csv"
    lines = cli("template", "wim", "--role", "team-leader").stdout.splitlines()
    ids = lines[1].split(",")[2:]
    rows = [f"{name},," + ",".join("2" for _ in ids) for name in ("Иван Петров", "Мария Иванова")]
    sheet.write_bytes("\r\n".join([*lines, *rows, ""]).encode("cp1251"))
    result, data = run_json(cli, "score", str(sheet))
    assert result.exit_code == 0, result.stderr
    names = [(r["respondent"], r["role"]) for r in data["respondents"]]
    assert names == [("Иван Петров", "team-leader"), ("Мария Иванова", "team-leader")]
