"""The bundled frameworks: valid, covered, honest about provenance, easy-read where needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from wimcheck.frameworks.catalog import load_framework
from wimcheck.frameworks.validation import check_framework_file

BUNDLED = sorted((Path(__file__).parent.parent / "frameworks").glob("*.toml"))


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_bundled_framework_is_valid(path: Path) -> None:
    report = check_framework_file(path)
    assert report.valid, "\n".join(i.format() for i in report.issues)


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_targeted_competence_has_a_module(path: Path) -> None:
    framework = load_framework(path)
    covered = {c for m in framework.modules.values() for c in m.covers}
    for role in framework.roles.values():
        assert set(role.targets) <= covered, role.id
    for module in framework.modules.values():
        assert module.hours > 0
        assert 1 <= module.eqf <= 8


def test_wim_has_its_roles_and_complete_german() -> None:
    wim = load_framework("wim")
    assert {"wim", "owner-manager", "team-leader"} <= set(wim.roles)
    assert wim.languages == ("en", "de", "it", "el", "sl", "hu", "bg")  # from the translation files
    assert set(wim.areas) == {"FND", "IDM", "DTH", "CAP", "DIG", "HUB"}
    for competence in wim.competences.values():
        assert "de" in competence.title.other
        for statement in competence.statements:
            assert statement.text.get("de") != statement.text.en
    # the owner-manager's questionnaire is shorter than the dedicated WIM's
    assert len(wim.questionnaire(wim.roles["owner-manager"])) < len(
        wim.questionnaire(wim.roles["wim"])
    )


def test_bwise_workers_get_only_worker_competences_in_easy_read() -> None:
    bwise = load_framework("bwise")
    assert set(bwise.groups) == {"workers", "supporters", "enablers"}
    enabler_names = {r.title.en for r in bwise.roles.values() if r.group_id == "enablers"}
    assert {"Founder", "Social Enabler", "Almost Retired", "Tech Enabler", "Beginner"} <= (
        enabler_names
    )
    workers = [r for r in bwise.roles.values() if r.group_id == "workers"]
    assert workers
    for role in workers:
        assert role.easy_read
        scale = bwise.scale_for(role)
        assert len(scale.values) == 4
        for competence in bwise.role_competences(role):
            assert competence.area_id not in {"SUP", "ENA"}, (role.id, competence.id)
            for statement in competence.statements:
                assert statement.easy_read is not None
                wording = bwise.wording(statement, role)
                for sentence in wording.split(". "):
                    assert len(sentence.split()) <= 15, wording
