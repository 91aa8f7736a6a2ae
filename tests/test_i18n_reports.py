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


PROVENANCE_ENGLISH = {
    "en": "The framework says where it comes from in English only, as written above.",
    "de": "Woher der Kompetenzrahmen stammt, gibt er nur auf Englisch an, wie oben zu lesen.",
}


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_the_provenance_is_marked_as_english_in_another_language(cli: Cli, fmt: str) -> None:
    """A framework says where it comes from in English only: a translated report says so,
    and its HTML marks those paragraphs as English (for screen readers)."""
    english = cli("report", str(ANSWERS), "--format", fmt)
    german = cli("report", str(ANSWERS), "--format", fmt, "--lang", "de")
    assert german.exit_code == 0, german.stderr
    assert PROVENANCE_ENGLISH["de"] in german.stdout
    assert PROVENANCE_ENGLISH["en"] not in english.stdout
    assert PROVENANCE_ENGLISH["de"] not in english.stdout
    if fmt == "html":
        for page in (english.stdout, german.stdout):
            assert page.count('<span lang="en">') == 2  # published and authored
            assert '<span lang="en">From the Erasmus+ project WIN' in page


def test_the_group_report_marks_the_provenance_as_english(cli: Cli, tmp_path: Path) -> None:
    trainer = ANSWERS.parent
    out = tmp_path / "group.html"
    done = cli(
        "score", str(trainer), "--cohort", "--format", "html", "-o", str(out), "--lang", "de"
    )
    assert done.exit_code == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert PROVENANCE_ENGLISH["de"] in page
    assert '<span lang="en">Written for wimcheck and not official output' in page
