"""The frameworks of the other seed projects and the JRC reference frameworks (issue 6)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from wimcheck.frameworks.catalog import load_framework

Cli = Callable[..., Result]
ROLES = {
    "innotrain": "company-trainer",
    "win4smes": "team-leader",
    "digital-skillup": "sme",
    "digcomp": "office-worker",
    "entrecomp": "employee-intrapreneur",
}


def test_every_framework_is_listed(cli: Cli) -> None:
    rows = json.loads(cli("frameworks", "list", "--format", "json").stdout)
    assert {r["id"] for r in rows} >= {"wim", "bwise", *ROLES}


@pytest.mark.parametrize(("framework_id", "role_id"), sorted(ROLES.items()))
def test_scripted_assessment_and_report(framework_id: str, role_id: str, tmp_path: Path) -> None:
    framework = load_framework(framework_id)
    role = framework.roles[role_id]
    scale = framework.scale_for(role)
    lowest = scale.min
    # every competence one step above the lowest level: a reverse-keyed statement scores
    # lowest + highest - answer, so it is answered one step below the highest value
    answers = "".join(
        f"{scale.max - 1 if s.reverse else lowest + 1}\n" for s in framework.questionnaire(role)
    )
    out = tmp_path / "answers.toml"
    env = {**os.environ, "WIMCHECK_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "wimcheck",
            "assess",
            framework_id,
            "--role",
            role_id,
            "--respondent",
            "T",
            "-o",
            str(out),
            "--hours",
            "40",
        ],
        input=answers,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Top priorities" in done.stdout
    report = subprocess.run(
        [sys.executable, "-m", "wimcheck", "report", str(out), "--format", "json", "--hours", "40"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    data = json.loads(report.stdout)
    assert data["framework"] == framework_id
    assert all(c["level"] == lowest + 1 for c in data["competences"])
    assert data["plan_hours"] <= 40
    assert data["plan"], "a gap at every target should give a plan"
    for item in data["plan"]:
        assert framework.modules[item["module"]].is_for(role) or item["prerequisite_for"]


def test_reference_frameworks_use_official_codes_and_levels() -> None:
    digcomp = load_framework("digcomp")
    codes = sorted(code for c in digcomp.competences.values() for code in c.digcomp)
    assert len(digcomp.areas) == 5
    assert len(digcomp.competences) == 21
    assert codes[:3] == ["1.1", "1.2", "1.3"] and codes[-1] == "5.4"
    assert [v.value for v in digcomp.scales[digcomp.default_scale_id].values] == list(range(9))
    assert digcomp.licence == "CC-BY-4.0"
    entrecomp = load_framework("entrecomp")
    assert len(entrecomp.areas) == 3
    assert len(entrecomp.competences) == 15
    titles = [c.title.en for c in entrecomp.competences.values()]
    assert titles[0] == "Spotting opportunities" and titles[-1] == "Learning through experience"


def test_organisation_check_speaks_of_the_company(cli: Cli, tmp_path: Path) -> None:
    dsu = load_framework("digital-skillup")
    assert dsu.subject == "organisation"
    for statement in dsu.statements.values():
        assert not statement.text.en.startswith("I "), statement.id
    outline = cli("frameworks", "show", "digital-skillup", "--role", "sme").stdout
    assert "Profile 'sme'" in outline
    assert "does not apply to our organisation" in outline
    role = dsu.roles["sme"]
    out = tmp_path / "company.toml"
    env = {**os.environ, "WIMCHECK_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "wimcheck",
            "assess",
            "digital-skillup",
            "--role",
            "sme",
            "--respondent",
            "ACME Ltd",
            "-o",
            str(out),
            "--plain",
        ],
        input="1\n" * len(dsu.questionnaire(role)),
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "they describe the organisation as the respondent sees it" in done.stdout
    assert "\nPractices\n" in done.stdout
    assert "Training plan for the people who lead this in the organisation" in done.stdout
    assert "your own answers" not in done.stdout


def test_shared_competences_record_their_digcomp_mapping() -> None:
    bwise = load_framework("bwise")
    digcomp = load_framework("digcomp")
    official = {code for c in digcomp.competences.values() for code in c.digcomp}
    mapped = {code for c in bwise.competences.values() for code in c.digcomp}
    assert len(mapped) >= 15
    assert mapped <= official
