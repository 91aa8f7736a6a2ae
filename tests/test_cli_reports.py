"""HTML and Markdown reports from the command line: report, score and compare."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import Result

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
MINI = str(DATA / "frameworks" / "mini.toml")


def test_report_html_to_a_file_and_never_over_an_existing_one(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "p05.html"
    result = cli("report", str(DATA / "trainer" / "P05.toml"), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<svg" in html and "25.8" in html
    assert "<script" not in html and 'src="http' not in html
    again = cli("report", str(DATA / "trainer" / "P05.toml"), "--format", "html", "-o", str(out))
    assert again.exit_code == 2
    assert "the output file exists already" in again.stderr


def test_report_markdown(cli: Cli) -> None:
    result = cli("report", str(DATA / "trainer" / "P05.toml"), "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith("# ")
    assert "25.8%" in result.stdout


def test_score_cohort_html_and_markdown(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "group.html"
    result = cli("score", str(DATA / "trainer"), "--cohort", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "Group report" in html and "Cronbach" in html
    markdown = cli("score", str(DATA / "trainer"), "--cohort", "--format", "markdown").stdout
    # 63.0 since issue 16: P03 and P17 answered one of three HUB.3 statements (one n/a); with
    # the added reverse-keyed HUB.3.d that is under half, so HUB.3 has no level for them
    assert "Mean readiness: 63% of the target levels reached" in markdown


def test_compare_html(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "change.html"
    result = cli(
        "compare",
        str(DATA / "compare" / "before.csv"),
        str(DATA / "compare" / "after.csv"),
        "--framework",
        MINI,
        "--format",
        "html",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "1.53" in html  # the effect size of MINI.PREP.1


def test_hostile_respondent_id_is_escaped_end_to_end(cli: Cli, tmp_path: Path) -> None:
    hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    answers = tmp_path / "hostile.toml"
    text = (DATA / "trainer" / "P05.toml").read_text(encoding="utf-8")
    answers.write_text(
        text.replace('respondent = "P05"', f"respondent = '{hostile}'"), encoding="utf-8"
    )
    html = cli("report", str(answers), "--format", "html").stdout
    assert "<script>alert(2)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    markdown = cli("report", str(answers), "--format", "markdown").stdout
    assert "<script>" not in markdown


def test_report_on_a_sheet_points_to_score(cli: Cli) -> None:
    sheet = DATA / "trainer" / "workshop.csv"
    result = cli("report", str(sheet))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {sheet} is a sheet of many respondents; report shows one response file\n"
        f"  hint: score the sheet with `wimcheck score {sheet}` "
        "(add --format html -o reports/ for a report per person)\n"
    )


# --- a report for every respondent (score without --cohort) -------------------------------


def test_score_html_without_cohort_needs_a_folder(cli: Cli) -> None:
    result = cli("score", str(DATA / "trainer"), "--format", "html")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: --format html without --cohort writes one report per respondent, into a folder\n"
        "  hint: give the folder with -o, e.g. -o reports/ (or add --cohort for one group report)\n"
    )


def test_score_html_gives_every_respondent_their_own_report(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    result = cli("score", str(DATA / "trainer"), "--format", "html", "-o", str(folder))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote 40 reports and the index {folder / 'index.html'}\n"
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 41 and "index.html" in names
    assert {"P01.html", "P30.html", "Excel-31.html", "Excel-35.html"} <= set(names)
    # each file is the report `wimcheck report` gives of that person
    alone = cli("report", str(DATA / "trainer" / "P05.toml"), "--format", "html").stdout
    assert (folder / "P05.html").read_text(encoding="utf-8") == alone
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert index.count('<th scope="row"><a href="') == 40
    assert '<th scope="row"><a href="Excel-31.html">Excel 31</a></th>' in index
    assert '<td class="num" data-label="Readiness">25.8%</td>' in index
    assert "<script" not in index and "default-src 'none'" in index


def test_score_reports_never_replace_a_file_without_force(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "P05.md").write_text("mine", encoding="utf-8")
    args = ("score", str(DATA / "trainer"), "--format", "markdown", "-o", str(folder))
    refused = cli(*args)
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"{folder / 'P05.md'}: error: the output file exists already\n"
        "  hint: choose another file name, or add --force to replace it\n"
    )
    assert [p.name for p in folder.iterdir()] == ["P05.md"]  # nothing written
    assert (folder / "P05.md").read_text(encoding="utf-8") == "mine"
    forced = cli(*args, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert (folder / "P05.md").read_text(encoding="utf-8").startswith("# Self-assessment report")
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert "| P05 | [P05.md](<P05.md>) | Team leader or line manager |" in index
    assert index.rstrip().endswith("Links are only followed if you click them.")


def test_score_reports_refuse_a_file_as_the_folder(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("", encoding="utf-8")
    result = cli("score", str(DATA / "trainer"), "--format", "html", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{target}: error: is not a folder: the reports of the respondents go into a folder\n"
        "  hint: give a new or existing folder, or add --cohort to write one group report "
        "to this file\n"
    )


def test_report_file_names_are_safe_and_unique() -> None:
    from wimcheck.reports.people import unique_stems

    names = ["Ana", "ana", "index", ".hidden", "", "a/../b", "NUL", "Zoe\u0308", "Zoë"]
    assert unique_stems(names) == [
        "Ana", "ana-2", "index-2", "hidden", "respondent", "a-..-b", "_NUL", "Zoë", "Zoë-2"
    ]  # fmt: skip


def test_group_report_has_each_respondents_levels(cli: Cli) -> None:
    args = ("score", str(DATA / "trainer"), "--cohort", "--format", "markdown")
    markdown = cli(*args).stdout
    assert "### Each respondent's levels" in markdown
    assert (
        "| Respondent | WIM.FND.1 (2) | WIM.IDM.2 (3) | WIM.IDM.3 (3) | WIM.DTH.2 (3) |"
        " WIM.CAP.1 (4) | WIM.CAP.2 (3) | WIM.CAP.3 (4) | WIM.DIG.1 (3) | WIM.DIG.2 (3) |"
        " WIM.HUB.3 (3) |"
    ) in markdown
    assert (
        "| P03 | **1.33 ▼** | **1.5 ▼** | **1.25 ▼** | **1 ▼** | **1.67 ▼** | **0.5 ▼** |"
        " **1.67 ▼** | **1 ▼** | **1 ▼** | – |"
    ) in markdown
    assert "| P01 | 4 | 3.5 | 3.75 | 4.5 | 4.67 | 3.67 | 4.5 | 4.33 | 4 | 4.33 |" in markdown
    html = cli("score", str(DATA / "trainer"), "--cohort", "--format", "html").stdout
    assert (
        html.count('<span class="sr-only"> (below target)</span>') == markdown.count("▼**") == 276
    )
    # a group smaller than --min-group has no table of names and levels
    small = cli(*args, "--min-group", "41").stdout
    assert "Each respondent's levels" not in small and "P03" not in small


def test_score_reports_never_turn_a_file_name_into_a_folder(cli: Cli, tmp_path: Path) -> None:
    wanted = tmp_path / "out" / "report.html"
    result = cli("score", str(DATA / "trainer"), "--format", "html", "-o", str(wanted))
    assert result.exit_code == 2
    assert "is not a folder: the reports of the respondents go into a folder" in result.stderr
    assert not (tmp_path / "out").exists()
