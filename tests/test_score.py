"""``wimcheck score``: mixed inputs, group profile, bad input, safe outputs, reliability."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Result
from wimcheck.assessment.responses import read_response_file
from wimcheck.assessment.result import person_result
from wimcheck.assessment.scoring import NA, score
from wimcheck.batch.cohort import cronbach_alpha, item_total_correlations
from wimcheck.batch.fastscore import RoleScorer
from wimcheck.batch.group_json import person_data, shared_key
from wimcheck.frameworks.catalog import load_framework

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
TRAINER = DATA / "trainer"
BAD = DATA / "trainer_bad"


def test_trainer_folder_with_toml_csv_and_xlsx_in_one_call(cli: Cli) -> None:
    result = cli("score", str(TRAINER), "--cohort", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["errors"] == []
    people = {p["respondent"]: p for p in data["respondents"]}
    assert len(people) == 40
    assert {"P01", "P30", "Excel 31", "Excel 35", "Sheet 36", "Sheet 40"} <= set(people)
    # each person's figures, joined with the texts stated once (format version 2), equal
    # those of `wimcheck report` for the same answers, but for the personal plan, which
    # batch JSON does not hold (read back, it is empty)
    assert not any("plan" in p or "next_step" in p for p in data["respondents"])
    no_plan = {"plan": [], "plan_hours": 0, "hours_budget": None, "open_gaps": []}
    entries = {shared_key(entry): entry for entry in data["frameworks"]}
    people = {name: person_data(p, entries) for name, p in people.items()}
    for number in (1, 17, 30):
        path = TRAINER / f"P{number:02d}.toml"
        report = cli("report", str(path), "--format", "json")
        expected = json.loads(report.stdout)
        got = dict(people[f"P{number:02d}"])
        assert got.pop("source") == str(path)
        assert expected["plan"] or expected["next_step"]
        assert got == {**expected, **no_plan, "next_step": None}
    (group,) = data["cohort"]
    assert (group["framework"], group["role"], group["respondents"], group["shown"]) == (
        "wim",
        "team-leader",
        40,
        True,
    )
    assert [a["area"] for a in group["reliability"]] == ["FND", "IDM", "DTH", "CAP", "DIG", "HUB"]


def test_csv_with_cohort_gives_the_group_profile(cli: Cli) -> None:
    # --cohort --format csv gives one row per competence of each group (issue 10; the exact
    # numbers are in tests/test_cohort_csv.py), without it one row per respondent
    streamed = cli("score", str(TRAINER), "--format", "csv")
    assert len(streamed.stdout.splitlines()) == 41
    collected = cli("score", str(TRAINER), "--cohort", "--format", "csv")
    assert (collected.exit_code, collected.stderr) == (0, ""), collected.stderr
    lines = collected.stdout.splitlines()
    competences = load_framework("wim").role_competences(load_framework("wim").roles["team-leader"])
    assert len(lines) == 1 + len(competences)
    assert lines[0].startswith("framework,role,respondents,readiness_mean,competence,")
    assert all(line.startswith("wim,team-leader,40,") for line in lines[1:])


def test_sheet_rows_score_like_response_files(cli: Cli) -> None:
    """The fast sheet path and the reference scorer agree for every respondent."""
    as_json = json.loads(cli("score", str(TRAINER), "--format", "json").stdout)
    as_csv = cli("score", str(TRAINER), "--format", "csv").stdout
    rows = {r["respondent"]: r for r in csv.DictReader(io.StringIO(as_csv))}
    assert len(rows) == 40
    for person in as_json["respondents"]:
        row = rows[person["respondent"]]
        assert row["readiness"] == (
            "" if person["readiness"] is None else f"{person['readiness']:g}"
        )
        for competence in person["competences"]:
            level = row[f"{competence['id']} level"]
            assert level == ("" if competence["level"] is None else f"{competence['level']:g}")


def test_cohort_statistics_by_hand(cli: Cli, tmp_path: Path) -> None:
    mini = DATA / "frameworks" / "mini.toml"
    sheet = tmp_path / "three.csv"
    sheet.write_text(
        "respondent;role;MINI.PREP.1.a;MINI.PREP.1.b;MINI.RUN.1.a;MINI.RUN.1.b;MINI.RUN.2.a\n"
        "A;facilitator;1;3;1;1;1\n"  # PREP 0.5, RUN.1 1, RUN.2 1
        "B;facilitator;3;0;2;3;2\n"  # PREP 3,   RUN.1 2.5, RUN.2 2
        "C;facilitator;2;1;3;3;n/a\n",  # PREP 2, RUN.1 3, RUN.2 not enough answers
        encoding="utf-8",
    )
    data = json.loads(
        cli("score", str(sheet), "--framework", str(mini), "--cohort", "--format", "json").stdout
    )
    (group,) = data["cohort"]
    prep, run1, run2 = group["competences"]
    assert (prep["mean"], prep["min"], prep["median"], prep["max"]) == (1.83, 0.5, 2, 3)
    assert (prep["below_target"], prep["mean_gap"]) == (0.333, 0.5)  # gaps 1.5, 0, 0
    assert (run1["mean"], run1["median"], run1["below_target"], run1["mean_gap"]) == (
        2.17,
        2.5,
        0.667,
        0.83,
    )  # gaps 2, 0.5, 0
    assert (run2["scored"], run2["mean"], run2["mean_gap"]) == (2, 1.5, 0.5)
    # readiness: A 35.7; B (2 + 2.5 + 2) / 7 = 92.9; C (2 + 3) / 5 = 100 -> mean 76.2
    assert group["readiness_mean"] == 76.2
    assert group["reliability"][0]["warning"] == (
        "only 3 complete answer sets: alpha from fewer than 20 respondents means little"
    )


def test_small_groups_are_not_broken_down(cli: Cli) -> None:
    data = json.loads(
        cli(
            "score",
            str(TRAINER / "P01.toml"),
            str(TRAINER / "P02.toml"),
            "--cohort",
            "--format",
            "json",
        ).stdout
    )
    (group,) = data["cohort"]
    assert group["shown"] is False
    assert "competences" not in group
    assert group["note"].startswith("fewer than 3 respondents")
    shown = json.loads(
        cli(
            "score", str(TRAINER / "P01.toml"), "--cohort", "--min-group", "1", "--format", "json"
        ).stdout
    )
    assert shown["cohort"][0]["shown"] is True


def test_bad_inputs_are_named_and_good_ones_scored(cli: Cli) -> None:
    result = cli("score", str(BAD), "--format", "csv")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines == [
        f"rejected: {BAD}/b03_again.toml: duplicate respondent 'B03' (first in {BAD}/b03.toml); "
        "not scored again",
        f"rejected: {BAD}/problems.csv:line 1: unknown statement id 'email' in column 34; "
        "the column is ignored",
        f"rejected: {BAD}/problems.csv:line 3: unknown role 'boss' "
        "(roles: wim, owner-manager, team-leader, innovation-champion)",
        f"rejected: {BAD}/problems.csv:line 4: no respondent in this row",
        f"rejected: {BAD}/syntax.toml:5:18: TOML syntax error: a text is not closed on its line: "
        'its closing quote is missing (a text of several lines needs three quotes, """)',
        f"rejected: {BAD}/unknown_id.toml: unknown statement id 'WIM.FND.9.z'",
        # since issue 11 a cell that is not an answer is a warning, and the person is scored
        f"warning: {BAD}/problems.csv:line 2, column WIM.FND.1.c: '7' is not an answer on "
        "this scale (0, 1, 2, 3, 4, 5, n/a or empty); counted as not answered",
        "6 problems, 1 unreadable cell counted as not answered; 6 respondents scored",
    ]
    scored = [row["respondent"] for row in csv.DictReader(io.StringIO(result.stdout))]
    # the legacy cp1252, tab-separated file with quoted, padded cells is read too
    assert scored == [
        "B03",
        "B04",
        "Jürgen Müller",
        "B31",
        "B34",
        '\'=HYPERLINK("http://x","click")',
    ]


def test_strict_stops_at_the_first_problem(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = cli("score", str(BAD), "--strict", "--format", "csv", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(f"error: {BAD}/b03_again.toml: duplicate")
    assert not out.exists()


def test_outputs_are_not_overwritten_without_force(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    out.write_text("precious", encoding="utf-8")
    result = cli("score", str(TRAINER), "--format", "csv", "-o", str(out))
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "precious"
    assert cli("score", str(TRAINER), "--format", "csv", "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("respondent,framework,role,readiness,")


def test_framework_inference_needs_a_match(cli: Cli, tmp_path: Path) -> None:
    sheet = tmp_path / "x.csv"
    sheet.write_text("respondent,role,Q1,Q2\nA,r,1,2\n", encoding="utf-8")
    result = cli("score", str(sheet))
    assert result.exit_code == 1
    assert "no installed framework has these statement ids" in result.stderr


def test_table_output(cli: Cli) -> None:
    result = cli("score", str(TRAINER), "--cohort")
    assert result.exit_code == 0
    assert "Respondents (40)" in result.stdout
    assert "Group: wim / team-leader (Team leader or line manager), 40 respondents" in result.stdout
    assert "Reliability per area (Cronbach's alpha):" in result.stdout


def test_templates(cli: Cli, tmp_path: Path) -> None:
    toml = cli("template", "wim", "--role", "team-leader", "--format", "toml").stdout
    assert '"WIM.FND.1.a" = ""' in toml
    assert "# I can explain in plain words how workplace innovation differs" in toml
    markdown = cli("template", "wim", "--role", "team-leader", "--format", "markdown").stdout
    assert "☐ 0 Not yet  ☐ 1 With guidance" in markdown
    out = tmp_path / "sheet.xlsx"
    assert cli("template", "wim", "--role", "team-leader", "--format", "xlsx").exit_code == 2
    assert (
        cli(
            "template", "wim", "--role", "team-leader", "--format", "xlsx", "-o", str(out)
        ).exit_code
        == 0
    )
    from openpyxl import load_workbook

    book = load_workbook(out)
    sheet = book["Responses"]
    assert sheet["C1"].value == "WIM.FND.1.a"
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"0,1,2,3,4,5,n/a"'
    # team-leader: 35 statements in columns C to AK (31 before issue 16 added four reverse-keyed ones)
    assert "C2:AK501" in str(validation.sqref)
    assert book["Statements"]["D2"].value.startswith("I can explain in plain words")
    # a filled-in template scores
    sheet["A2"] = "Filled"
    for column in range(3, 34):
        sheet.cell(row=2, column=column, value=3)
    book.save(out)
    scored = json.loads(cli("score", str(out), "--format", "json").stdout)
    assert scored["respondents"][0]["respondent"] == "Filled"
    assert scored["respondents"][0]["competences"][0]["level"] == 3


def test_cronbach_alpha_matches_an_independent_computation() -> None:
    # Fixed data set: 6 respondents x 4 items.
    rows = [[2, 3, 3, 2], [4, 4, 5, 4], [3, 3, 4, 3], [5, 4, 5, 5], [1, 2, 2, 1], [3, 4, 3, 3]]
    rows_f = [[float(v) for v in r] for r in rows]
    # independent: alpha = k/(k-1) * (1 - trace(C) / sum(C)), C the sample covariance matrix
    k, n = 4, 6
    means = [sum(r[i] for r in rows_f) / n for i in range(k)]
    cov = [
        [sum((r[i] - means[i]) * (r[j] - means[j]) for r in rows_f) / (n - 1) for j in range(k)]
        for i in range(k)
    ]
    independent = k / (k - 1) * (1 - sum(cov[i][i] for i in range(k)) / sum(map(sum, cov)))
    assert cronbach_alpha(rows_f) == pytest.approx(independent)
    assert cronbach_alpha(rows_f) == pytest.approx(0.9616161616161616)
    correlations = item_total_correlations(rows_f)
    assert [round(r, 3) for r in correlations if r is not None] == [0.99, 0.84, 0.913, 0.99]
    import statistics

    rest = [sum(r) - r[1] for r in rows_f]
    assert correlations[1] == pytest.approx(statistics.correlation([r[1] for r in rows_f], rest))
    assert cronbach_alpha([[1.0, 1.0], [1.0, 1.0]]) is None  # no variance
    assert cronbach_alpha([[1.0, 2.0]]) is None  # one respondent


MINI = load_framework(DATA / "frameworks" / "mini.toml")
FACILITATOR = MINI.roles["facilitator"]
STATEMENTS = [s.id for s in MINI.questionnaire(FACILITATOR)]
cell = st.sampled_from(["0", "1", "2", "3", "n/a", "", " 2 ", "N/A", "3.0"])


@settings(max_examples=300, deadline=None)
@given(st.lists(cell, min_size=len(STATEMENTS), max_size=len(STATEMENTS)))
def test_fast_scorer_equals_reference_scorer(cells: list[str]) -> None:
    from wimcheck.sheets.cells import normalise_cell

    scorer = RoleScorer(MINI, FACILITATOR, {sid: i for i, sid in enumerate(STATEMENTS)})
    fast = scorer.score_cells(cells)
    answers = {}
    for sid, raw in zip(STATEMENTS, cells, strict=True):
        text = normalise_cell(raw)
        if text:
            answers[sid] = NA if text == "n/a" else int(text)
    reference = score(MINI, FACILITATOR, answers)
    assert fast.levels == tuple(c.level for c in reference.competences)
    assert fast.gaps == tuple(c.gap for c in reference.competences)
    assert fast.readiness == reference.readiness


def test_response_file_parity_with_result() -> None:
    responses = read_response_file(TRAINER / "P05.toml")
    framework = load_framework("wim")
    result = person_result(framework, framework.roles["team-leader"], responses)
    assert result.respondent == "P05"


def test_xlsx_template_neutralises_formulas_from_framework_text(cli: Cli, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.toml"
    text = (DATA / "frameworks" / "mini.toml").read_text(encoding="utf-8")
    text = text.replace(
        'text = "I can write the goal of a meeting in one sentence."',
        'text = "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"',
    ).replace('title = "Setting a clear goal"', 'title = "@SUM(1+1)"')
    hostile.write_text(text, encoding="utf-8")
    out = tmp_path / "sheet.xlsx"
    result = cli(
        "template", str(hostile), "--role", "facilitator", "--format", "xlsx", "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    from openpyxl import load_workbook

    statements = load_workbook(out)["Statements"]
    assert statements["D2"].value == '\'=HYPERLINK("http://evil.example","click")'
    assert statements["D2"].data_type == "s"
    assert statements["C2"].value == "'@SUM(1+1)"


def test_streamed_json_is_written_only_when_the_run_completes(cli: Cli, tmp_path: Path) -> None:
    """Respondents are written as they are scored (format version 2), yet --strict stopping
    half-way leaves neither standard output nor the output file with a part of them."""
    args = ["score", str(DATA / "trainer_bad"), "--framework", "wim", "--format", "json"]
    stopped = cli(*args, "--strict")
    assert (stopped.exit_code, stopped.stdout) == (1, "")
    out = tmp_path / "out.json"
    assert cli(*args, "--strict", "-o", str(out)).exit_code == 1
    assert not out.exists() and list(tmp_path.glob(".out.json*")) == []
    complete = json.loads(cli(*args).stdout)
    assert complete["format_version"] == 2 and len(complete["errors"]) == 6
