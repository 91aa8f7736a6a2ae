"""Every bundled framework in every language: a scripted questionnaire and an HTML report.

One role of each framework (an easy-read one for B-WISE) is answered in each of the six
languages besides English; the questionnaire shows the translated statements, the saved
answers record the language, and the HTML report shows the framework's title and a
competence in that language and says who translated it.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from wimcheck.frameworks.catalog import load_framework

LANGUAGES = ("de", "it", "el", "sl", "hu", "bg")
ROLES = {
    "wim": "team-leader",
    "bwise": "wsn-starter",
    "innotrain": "vet-teacher",
    "win4smes": "skilled-worker",
    "digital-skillup": "micro-company",
    "digcomp": "citizen",
    "entrecomp": "employee-intrapreneur",
}


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("framework_id", sorted(ROLES))
def test_a_questionnaire_and_its_report_in_each_language(  # type: ignore[no-untyped-def]
    framework_id: str, lang: str, cli, in_tmp: Path
) -> None:
    framework = load_framework(framework_id)
    role = framework.role(ROLES[framework_id])
    assert lang in framework.languages
    statements = framework.questionnaire(role)
    answers = "".join("1\n" for _ in statements)
    result = cli(
        "--lang",
        lang,
        "assess",
        framework_id,
        "--role",
        role.id,
        "--respondent",
        "Ana",
        input=answers,
    )
    assert result.exit_code == 0, result.stderr
    first = framework.wording(statements[0], role, lang)
    assert first != framework.wording(statements[0], role, "en")
    saved = next((in_tmp / "data" / "responses").glob("*.toml"))
    assert f'language = "{lang}"' in saved.read_text(encoding="utf-8")

    report = cli("report", str(saved), "--format", "html")
    assert report.exit_code == 0, report.stderr
    page = html.unescape(report.stdout)
    assert f'<html lang="{lang}"' in report.stdout
    assert framework.title.get(lang) in page
    competence = framework.role_competences(role)[0]
    title = competence.title.get(lang)
    assert title != competence.title.get("en")
    assert title in page or (competence.easy_read_title or competence.title).get(lang) in page
    assert html.escape(first, quote=False) in report.stdout or first in page
    translation = framework.translations[lang]
    assert translation.complete
    assert translation.translated_by in page
    if not translation.reviewed:
        assert "AI language model" in translation.translated_by
