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
    assert "25.8 %" in result.stdout


def test_score_cohort_html_and_markdown(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "group.html"
    result = cli("score", str(DATA / "trainer"), "--cohort", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "Group report" in html and "Cronbach" in html
    markdown = cli("score", str(DATA / "trainer"), "--cohort", "--format", "markdown").stdout
    # 63.0 since issue 16: P03 and P17 answered one of three HUB.3 statements (one n/a); with
    # the added reverse-keyed HUB.3.d that is under half, so HUB.3 has no level for them
    assert "Mean readiness: 63 % of the target levels reached" in markdown


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
        f"  hint: score the sheet with `wimcheck score {sheet}` (add --format html for a report)\n"
    )
