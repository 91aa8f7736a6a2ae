"""``compare`` in the chosen language: the framework's texts follow it, English where the
framework lacks one, and every format says when English is shown.

The framework is ``mini`` (English, German inline) with a partial Bulgarian translation
file (``tests/data/i18n/partial/mini.bg.po``: the framework's and the role's title and one
competence's title).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from wimcheck.batch.comparison_file import read_comparison_file
from wimcheck.messages import report_text

DATA = Path(__file__).parent / "data"
Cli = Callable[..., Result]

BEFORE = """\
format_version = 1
framework = "mini"
framework_version = "1.0.0"
role = "facilitator"
respondent = "Ana"
language = "en"

[answers]
"MINI.PREP.1.a" = 1
"MINI.PREP.1.b" = 1
"MINI.RUN.1.a" = 2
"MINI.RUN.1.b" = 1
"MINI.RUN.2.a" = 1
"""
AFTER = BEFORE.replace('"MINI.PREP.1.a" = 1', '"MINI.PREP.1.a" = 3').replace(
    '"MINI.PREP.1.b" = 1', '"MINI.PREP.1.b" = 2'
)

PERSON_TEXT = {
    "en": """\
Change for Ana: Meeting facilitator (mini)
Readiness: 57.1% -> 64.3% (+7.1 points)

  MINI.PREP.1  Setting a clear goal: 1.5 -> 2 (+0.5), target 2: Gap closed
  MINI.RUN.1  Giving everyone a voice: 1.5 -> 1.5 (0), target 3: Unchanged
  MINI.RUN.2  Agreeing next steps: 1 -> 1 (0), target 2: Unchanged

Gaps closed: MINI.PREP.1
New gaps: none
""",
    "de": """\
Veränderung für Ana: Moderation (mini)
Zielerreichung: 57,1 % -> 64,3 % (+7,1 Prozentpunkte)

  MINI.PREP.1  Ein klares Ziel setzen: 1,5 -> 2 (+0,5), Ziel 2: Lücke geschlossen
  MINI.RUN.1  Allen eine Stimme geben: 1,5 -> 1,5 (0), Ziel 3: Unverändert
  MINI.RUN.2  Nächste Schritte vereinbaren: 1 -> 1 (0), Ziel 2: Unverändert

Geschlossene Lücken: MINI.PREP.1
Neue Lücken: keine
""",
    "bg": """\
Промяна за Ana: Водещ на срещи (mini)
Някои текстове на рамката още не са преведени на този език; показват се на английски.
Готовност: 57,1% -> 64,3% (+7,1 пункта)

  MINI.PREP.1  Поставяне на ясна цел: 1,5 -> 2 (+0,5), цел 2: Дефицитът е затворен
  MINI.RUN.1  Giving everyone a voice: 1,5 -> 1,5 (0), цел 3: Без промяна
  MINI.RUN.2  Agreeing next steps: 1 -> 1 (0), цел 2: Без промяна

Затворени дефицити: MINI.PREP.1
Нови дефицити: няма
""",
}

NOTE_BG = "Някои текстове на рамката още не са преведени на този език; показват се на английски."


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """``mini`` beside its partial Bulgarian translation file."""
    folder = tmp_path / "fw"
    folder.mkdir()
    shutil.copyfile(DATA / "i18n" / "partial" / "mini.bg.po", folder / "mini.bg.po")
    return Path(shutil.copyfile(DATA / "frameworks" / "mini.toml", folder / "mini.toml"))


@pytest.fixture
def person(tmp_path: Path) -> tuple[str, str]:
    before, after = tmp_path / "before.toml", tmp_path / "after.toml"
    before.write_text(BEFORE, encoding="utf-8")
    after.write_text(AFTER, encoding="utf-8")
    return str(before), str(after)


def test_the_note_is_the_reports_note() -> None:
    assert report_text("about.english-shown", "bg") == NOTE_BG


@pytest.mark.parametrize("lang", ["en", "de", "bg"])
def test_a_person_comparison_as_text_in_the_chosen_language(
    lang: str, mini: Path, person: tuple[str, str], cli: Cli
) -> None:
    result = cli("--lang", lang, "compare", *person, "--framework", str(mini))
    assert result.exit_code == 0, result
    assert result.stdout == PERSON_TEXT[lang]


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_person_comparison_report_says_what_is_shown_in_english(
    fmt: str, mini: Path, person: tuple[str, str], cli: Cli
) -> None:
    bulgarian = cli("--lang", "bg", "compare", *person, "--framework", str(mini), "--format", fmt)
    german = cli("--lang", "de", "compare", *person, "--framework", str(mini), "--format", fmt)
    assert bulgarian.exit_code == german.exit_code == 0, bulgarian
    flat = " ".join(bulgarian.stdout.split())
    assert flat.count(NOTE_BG) == 1
    assert "Мини рамка за водене на срещи" in flat
    assert "Поставяне на ясна цел" in flat
    assert "Giving everyone a voice" in flat  # no Bulgarian for it: English
    assert "Setting a clear goal" not in flat
    assert "Мини рамка" not in german.stdout
    assert "Ein klares Ziel setzen" in german.stdout
    assert report_text("about.english-shown", "de") not in " ".join(german.stdout.split())
    if fmt == "html":
        assert '<html lang="bg">' in bulgarian.stdout
        assert f'<p class="note" role="note">{NOTE_BG}</p>' in bulgarian.stdout


GROUP = (str(DATA / "compare" / "before.csv"), str(DATA / "compare" / "after.csv"))


@pytest.mark.parametrize("fmt", ["text", "html", "markdown"])
def test_a_group_comparison_follows_the_language_and_says_what_is_english(
    fmt: str, mini: Path, cli: Cli
) -> None:
    result = cli("--lang", "bg", "compare", *GROUP, "--framework", str(mini), "--format", fmt)
    english = cli("compare", *GROUP, "--framework", str(mini), "--format", fmt)
    assert result.exit_code == english.exit_code == 0, result
    flat = " ".join(result.stdout.split())
    assert flat.count(NOTE_BG) == 1
    assert "Водещ на срещи" in flat and "Поставяне на ясна цел" in flat
    assert "Agreeing next steps" in flat
    assert "Setting a clear goal" not in flat
    assert "Setting a clear goal" in english.stdout
    assert report_text("about.english-shown", "en") not in " ".join(english.stdout.split())


def test_a_group_comparison_as_text_names_the_english_on_its_second_line(
    mini: Path, cli: Cli
) -> None:
    result = cli("--lang", "bg", "compare", *GROUP, "--framework", str(mini))
    assert result.stdout.splitlines()[1] == NOTE_BG


@pytest.mark.parametrize(("lang", "shown"), [("en", False), ("de", False), ("bg", True)])
@pytest.mark.parametrize("sides", ["person", "group"])
def test_json_records_the_language_and_the_english_shown(
    lang: str,
    shown: bool,
    sides: str,
    mini: Path,
    person: tuple[str, str],
    cli: Cli,
    tmp_path: Path,
) -> None:
    inputs = person if sides == "person" else GROUP
    saved = tmp_path / "comparison.json"
    result = cli(
        "--lang", lang, "compare", *inputs, "--framework", str(mini), "--format", "json",
        "-o", str(saved),
    )  # fmt: skip
    assert result.exit_code == 0, result
    data = json.loads(saved.read_text("utf-8"))
    assert (data["kind"], data["language"], data["english_shown"]) == (sides, lang, shown)
    titles = {"en": "Meeting facilitator", "de": "Moderation", "bg": "Водещ на срещи"}
    assert data["role_title"] == titles[lang]
    comparison = read_comparison_file(saved)
    assert (comparison.language, comparison.english_shown) == (lang, shown)


def test_a_comparison_file_without_a_language_is_english(tmp_path: Path) -> None:
    """Files written before the language was recorded read as English, nothing shown in
    English."""
    from wimcheck.batch.comparison_file import comparison_from_data
    from wimcheck.batch.comparison_model import comparison_json

    saved = tmp_path / "old.json"
    saved.write_text(
        json.dumps(
            {
                "format_version": 1,
                "kind": "group",
                "framework": "mini",
                "framework_title": "Mini",
                "framework_version": "1.0.0",
                "role": "facilitator",
                "role_title": "Meeting facilitator",
                "subject": "person",
                "scale": {"min": 0, "max": 3, "labels": {"0": "Not yet"}},
                "pairs": 1,
                "min_group": 3,
                "unpaired_before": [],
                "unpaired_after": [],
                "shown": False,
                "note": "too few",
            }
        ),
        encoding="utf-8",
    )
    comparison = read_comparison_file(saved)
    assert (comparison.language, comparison.english_shown) == ("en", False)
    again = comparison_from_data(comparison_json(comparison))
    assert again == comparison
