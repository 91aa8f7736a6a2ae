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
