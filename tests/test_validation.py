"""Framework validation: every rule, with exact lines, codes and messages."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wimcheck.frameworks.validation import check_framework_file, check_framework_text

DATA = Path(__file__).parent / "data"
MINI = DATA / "frameworks" / "mini.toml"
BROKEN = DATA / "broken"


def test_mini_is_valid_and_built() -> None:
    report = check_framework_file(MINI)
    assert report.valid, [i.format() for i in report.issues]
    fw = report.framework
    assert fw is not None
    assert fw.id == "mini"
    assert list(fw.competences) == ["MINI.PREP.1", "MINI.RUN.1", "MINI.RUN.2"]
    assert fw.statement_count == 5
    assert fw.title.get("de") == "Mini-Kompetenzrahmen für Moderation"
    assert fw.title.get("it") == "Mini framework for meeting facilitation"
    role = fw.roles["facilitator"]
    assert role.scale_id == "proficiency"
    assert role.targets["MINI.RUN.1"].weight == 1.0
    assert role.targets["MINI.RUN.2"].weight == 3.0
    assert [s.id for s in fw.questionnaire(fw.roles["participant"])] == [
        "MINI.PREP.1.a",
        "MINI.PREP.1.b",
    ]
    statement = fw.statements["MINI.PREP.1.a"]
    assert fw.wording(statement, fw.roles["participant"]) == "I can say why we meet."
    assert fw.wording(statement, fw.roles["facilitator"], "de") == (
        "Ich kann das Ziel einer Besprechung in einem Satz aufschreiben."
    )
    assert fw.statements["MINI.PREP.1.b"].reverse is True


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("syntax", [(85, 30, "toml-syntax")]),
        (
            "unknown_key",
            [(155, 1, "missing-key"), (155, 18, "unknown-key"), (189, 1, "unknown-key")],
        ),
        (
            "dangling",
            [
                (113, 8, "unknown-reference"),
                (156, 1, "unknown-reference"),
                (191, 25, "unknown-reference"),
            ],
        ),
        ("cycle", [(193, 18, "prerequisite-cycle")]),
        ("out_of_scale", [(155, 18, "target-out-of-scale")]),
        ("uncovered", [(133, 1, "uncovered-competence")]),
        ("easy_read_missing", [(145, 1, "missing-easy-read")]),
        (
            "translation_missing",
            [
                (120, 1, "missing-translation"),
                (182, 1, "missing-translation"),
                (182, 1, "missing-translation"),
                (191, 1, "undeclared-language"),
            ],
        ),
    ],
)
def test_broken_copies_report_each_problem_with_its_line(
    name: str, expected: list[tuple[int, int, str]]
) -> None:
    report = check_framework_file(BROKEN / f"{name}.toml")
    assert not report.valid
    assert report.framework is None
    assert report.flatten(("line", "col", "code")) == expected


def test_messages_and_hints_are_exact() -> None:
    report = check_framework_file(BROKEN / "unknown_key.toml")
    formatted = [(i.format(), i.hint) for i in report.issues]
    assert formatted[1] == (
        f"{BROKEN / 'unknown_key.toml'}:155:18: error[unknown-key]: unknown key 'levle' in "
        "role 'facilitator' (targets.MINI.RUN.1)",
        "did you mean 'level'? Allowed keys here: level, weight",
    )
    cycle = check_framework_file(BROKEN / "cycle.toml").issues[0]
    assert cycle.message == "modules require each other in a cycle: MINI.M1 -> MINI.M2 -> MINI.M1"
    scale = check_framework_file(BROKEN / "out_of_scale.toml").issues[0]
    assert scale.message == (
        "role 'facilitator': target 5 for 'MINI.RUN.1' is outside scale 'proficiency' (0 to 3)"
    )
    assert scale.hint == "use a level from 0 to 3, or give the role another scale"
    dangling = check_framework_file(BROKEN / "dangling.toml").issues[1]
    assert dangling.message == (
        "role 'facilitator' names competence 'MINI.RUN.3', which is not defined"
    )
    assert dangling.hint == (
        "did you mean 'MINI.RUN.2'? Known ids of this kind: MINI.PREP.1, MINI.RUN.1, MINI.RUN.2"
    )


def test_schema_errors_do_not_hide_rule_errors() -> None:
    report = check_framework_file(BROKEN / "several.toml")
    assert report.flatten(("line", "code")) == [
        (111, "missing-key"),
        (154, "target-out-of-scale"),
        (165, "unknown-key"),
        (178, "invalid-value"),
    ]


def _mini_with(old: str, new: str) -> str:
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_duplicate_ids_name_the_first_use() -> None:
    text = _mini_with('id = "MINI.RUN.1.b"', 'id = "MINI.RUN.1.a"')
    report = check_framework_text(text, "dup.toml")
    assert [(i.line, i.code, i.message) for i in report.issues] == [
        (
            127,
            "duplicate-id",
            "the id of statement 'MINI.RUN.1.a' is used twice (first on line 121)",
        )
    ]


def test_scale_values_must_increase() -> None:
    text = _mini_with("value = 2", "value = 0")
    report = check_framework_text(text, "scale.toml")
    assert [i.code for i in report.issues] == ["scale-order"]
    assert report.issues[0].message == (
        "scale 'proficiency': values must increase, but 0 follows 1"
    )


def test_english_must_come_first() -> None:
    report = check_framework_text(_mini_with('["en", "de"]', '["de", "en"]'), "lang.toml")
    assert [(i.line, i.code) for i in report.issues] == [(11, "english-first")]


def test_role_without_targets_and_area_without_competences() -> None:
    text = _mini_with('"MINI.PREP.1" = { level = 1 }\n', "")
    text = text.replace(
        '[[areas]]\nid = "RUN"',
        '[[areas]]\nid = "SPARE"\ntitle = "Spare"\ndescription = "Unused."\n'
        '[areas.translations.de]\ntitle = "Frei"\ndescription = "Leer."\n\n[[areas]]\nid = "RUN"',
    )
    report = check_framework_text(text, "empty.toml")
    assert [i.code for i in report.issues] == ["empty-area", "empty-role"]


def test_unknown_scale_group_and_prerequisite() -> None:
    text = _mini_with("easy_read = true", 'easy_read = true\nscale = "simple"\ngroup = "staff"')
    text = text.replace('prerequisites = ["MINI.M1"]', 'prerequisites = ["MINI.M0"]')
    report = check_framework_text(text, "refs.toml")
    assert [(i.code, i.message) for i in report.issues] == [
        ("unknown-reference", "role 'participant' names scale 'simple', which is not defined"),
        ("unknown-reference", "role 'participant' names group 'staff', which is not defined"),
        ("unknown-reference", "module 'MINI.M2' names module 'MINI.M0', which is not defined"),
    ]


def test_wrong_type_is_reported_with_the_value() -> None:
    report = check_framework_text(_mini_with("hours = 3", 'hours = "three"'), "type.toml")
    assert [(i.line, i.code) for i in report.issues] == [(176, "invalid-value")]
    assert "(found 'three')" in report.issues[0].message


def test_translation_without_english_text() -> None:
    text = _mini_with(
        'text = "Ich kann stille Teilnehmende einladen, etwas zu sagen."',
        'text = "Ich kann stille Teilnehmende einladen, etwas zu sagen."\neasy_read = "Ich frage."',
    )
    report = check_framework_text(text, "x.toml")
    assert [i.code for i in report.issues] == ["translation-without-english"]


def test_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    from wimcheck.errors import InputFileError

    bad = tmp_path / "latin1.toml"
    bad.write_bytes('title = "Größe"\n'.encode("latin-1"))
    with pytest.raises(InputFileError) as caught:
        check_framework_file(bad)
    assert str(caught.value) == f"{bad}:1: the file is not UTF-8 text"


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    from wimcheck.errors import InputFileError

    with pytest.raises(InputFileError, match="file not found"):
        check_framework_file(tmp_path / "nope.toml")


def test_the_documented_example_is_the_tested_mini_framework() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "framework-format.md").read_text("utf-8")
    example = doc.rsplit("```toml\n", 1)[1].split("```", 1)[0]
    mini = MINI.read_text(encoding="utf-8").split("\n", 1)[1]
    assert example == mini
    assert check_framework_text(example, "example.toml").valid


def test_module_audience_must_name_a_group_or_role() -> None:
    text = _mini_with('delivery = "workshop"', 'delivery = "workshop"\naudience = ["bosses"]')
    report = check_framework_text(text, "aud.toml")
    codes = [(i.code, i.message) for i in report.issues if i.code == "unknown-reference"]
    assert codes == [
        ("unknown-reference", "module 'MINI.M1' names group or role 'bosses', which is not defined")
    ]
    assert [i.code for i in report.issues].count("uncovered-competence") == 1


CHAIN = 5000  # far deeper than Python's recursion limit


def _mini_with_modules(requires: Sequence[Sequence[int]]) -> str:
    """``mini`` with its modules replaced by M0, M1, ...; module k requires the modules
    ``requires[k]``. All cover MINI.RUN.1, the last all three competences."""
    head = MINI.read_text(encoding="utf-8").split("[[modules]]", 1)[0]
    modules = []
    for k, required in enumerate(requires):
        covers = (
            '"MINI.PREP.1", "MINI.RUN.1", "MINI.RUN.2"'
            if k == len(requires) - 1
            else '"MINI.RUN.1"'
        )
        prerequisites = ", ".join(f'"M{p}"' for p in required)
        modules.append(
            f'[[modules]]\nid = "M{k}"\ntitle = "Step {k}"\ndescription = "Step {k}."\n'
            f'hours = 1\neqf = 3\ndelivery = "online"\ncovers = [{covers}]\n'
            + (f"prerequisites = [{prerequisites}]\n" if required else "")
            + f'[modules.translations.de]\ntitle = "Schritt {k}"\ndescription = "Schritt {k}."\n\n'
        )
    return head + "".join(modules)


def _chain_of_modules(closing_the_circle: bool) -> str:
    """M0, M1, ..., M4999, each requiring the one before (and M0 the last, in a circle)."""
    first: list[int] = [CHAIN - 1] if closing_the_circle else []
    return _mini_with_modules([first, *([k - 1] for k in range(1, CHAIN))])


def test_a_chain_of_5000_prerequisites_validates_and_plans() -> None:
    from wimcheck.assessment.planning import plan_training
    from wimcheck.assessment.scoring import score

    report = check_framework_text(_chain_of_modules(closing_the_circle=False), "chain.toml")
    assert report.issues == []
    fw = report.framework
    assert fw is not None
    assert len(fw.modules) == CHAIN
    profile = score(fw, fw.roles["participant"], {"MINI.PREP.1.a": 0, "MINI.PREP.1.b": 3})
    plan = plan_training(fw, profile)
    assert [p.module.id for p in plan.modules] == [f"M{k}" for k in range(CHAIN)]
    assert plan.modules[0].covers == () and plan.modules[0].prerequisite_for == (f"M{CHAIN - 1}",)
    assert plan.modules[-1].covers == ("MINI.PREP.1",) and plan.modules[-1].prerequisite_for == ()
    assert plan.total_hours == CHAIN and plan.open_gaps == ()


def test_a_cycle_through_5000_modules_is_found() -> None:
    text = _chain_of_modules(closing_the_circle=True)
    report = check_framework_text(text, "circle.toml")
    ids = " -> ".join(f"M{k}" for k in [0, *range(CHAIN - 1, 0, -1), 0])
    assert [(i.code, i.message) for i in report.issues] == [
        ("prerequisite-cycle", f"modules require each other in a cycle: {ids}")
    ]
    line_of_m1_requiring_m0 = text.split("\n").index('prerequisites = ["M0"]') + 1
    assert (report.issues[0].line, report.issues[0].col) == (line_of_m1_requiring_m0, 18)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 5), max_size=3), min_size=1, max_size=6))
def test_a_cycle_is_reported_exactly_when_prerequisites_go_round(
    prerequisites: list[list[int]],
) -> None:
    requires = [[p % len(prerequisites) for p in ps] for ps in prerequisites]
    report = check_framework_text(_mini_with_modules(requires), "graph.toml")
    try:
        list(TopologicalSorter({k: set(r) for k, r in enumerate(requires)}).static_order())
        goes_round = False
    except CycleError:
        goes_round = True
    assert {i.code for i in report.issues} == ({"prerequisite-cycle"} if goes_round else set())
    for issue in report.issues:
        cycle = issue.message.split(": ", 1)[1].split(" -> ")
        assert cycle[0] == cycle[-1]
        for module, required in itertools.pairwise(cycle):
            assert int(required[1:]) in requires[int(module[1:])]
