"""Reports speak the language of the run: HTML and Markdown sentences from the catalogues."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result

Cli = Callable[..., Result]
ANSWERS = Path(__file__).parent / "data" / "trainer" / "P05.toml"


@pytest.mark.parametrize(
    ("lang", "heading", "plan"),
    [
        ("de", "Zusammenfassung", "Weiterbildungsplan"),
        ("it", None, None),
        ("el", None, None),
    ],
)
@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_report_in_another_language_has_no_english_heading(
    cli: Cli, lang: str, heading: str | None, plan: str | None, fmt: str
) -> None:
    english = cli("report", str(ANSWERS), "--format", fmt)
    translated = cli("report", str(ANSWERS), "--format", fmt, "--lang", lang)
    assert translated.exit_code == 0, translated.stderr
    for sentence in ("Summary", "What your results mean", "Training plan", "Top priorities"):
        assert sentence in english.stdout
        assert sentence not in translated.stdout
    if heading is not None and plan is not None:
        assert heading in translated.stdout and plan in translated.stdout


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_the_provenance_is_shown_in_the_language_of_the_report(cli: Cli, fmt: str) -> None:
    """Where a framework comes from is translated like its other texts (the translation
    files' ``framework.provenance.*`` entries)."""
    english = cli("report", str(ANSWERS), "--format", fmt)
    german = cli("report", str(ANSWERS), "--format", fmt, "--lang", "de")
    assert german.exit_code == 0, german.stderr
    assert "From the Erasmus+ project WIN (2021-1-DE02-KA220-VET-000032959" in english.stdout
    assert "From the Erasmus+ project WIN" not in german.stdout
    assert "Aus dem Erasmus+-Projekt WIN (2021-1-DE02-KA220-VET-000032959" in german.stdout
    assert "Written for wimcheck and not official output" not in german.stdout


def test_the_group_report_shows_the_provenance_in_its_language(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "group.html"
    done = cli(
        "score", str(ANSWERS.parent), "--cohort", "--format", "html", "-o", str(out), "--lang", "it"
    )
    assert done.exit_code == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "Dal progetto Erasmus+ WIN" in page
    assert "From the Erasmus+ project WIN" not in page
