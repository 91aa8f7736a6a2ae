"""``wimcheck template --format xlsform``: a form for KoboToolbox and ODK Collect (issue 15,
point 5). Every bundled role converts with pyxform, as KoboToolbox and ODK Central convert
it, without an error or a warning; one small framework is checked cell by cell."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from conftest import Result
from wimcheck.frameworks.catalog import load_framework
from wimcheck.i18n.language_names import native_name
from wimcheck.markdown_text import WORD_JOINER
from wimcheck.messages import t
from wimcheck.sheets.xlsform import build_xlsform, template_xlsform
from wimcheck.sheets.xlsform_text import (
    form_name,
    form_role_ids,
    form_role_value,
    form_text,
    is_form_name,
    statement_id,
)

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
MINI_EASY = DATA / "frameworks" / "mini_easy.toml"
BUNDLED = ("wim", "bwise", "innotrain", "win4smes", "digital-skillup", "digcomp", "entrecomp")
WJ = WORD_JOINER
ID = r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z"  # a wimcheck id, as the framework schema has it


def xform(workbook: bytes) -> str:
    """The XForm pyxform makes of ``workbook``; fails on any warning."""
    warnings: list[str] = []
    result = convert(workbook, warnings=warnings, file_type=".xlsx")
    assert warnings == []
    return result.xform


def sheet_rows(workbook: bytes, name: str) -> list[tuple[Any, ...]]:
    book = load_workbook(BytesIO(workbook))
    return list(book[name].iter_rows(values_only=True))


# --- every bundled framework and role --------------------------------------------------------


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_every_bundled_role_converts_with_pyxform_without_warnings(framework_id: str) -> None:
    framework = load_framework(framework_id)
    for role in framework.roles.values():
        form = xform(template_xlsform(framework, role))
        names = re.findall(
            r'<bind nodeset="/data/(?!meta/)(?:[^/"]+/)?([^/"]+)" type="string"', form
        )
        expected = ["respondent", *(s.id for s in framework.questionnaire(role)), "wimcheck_role"]
        assert names == expected, role.id
        calculate = f"calculate=\"'{framework_id}/{role.id}'\""
        assert f'<bind nodeset="/data/wimcheck_role" type="string" {calculate}/>' in form


def test_bwise_easy_read_role_has_the_easy_read_wording_and_scale() -> None:
    framework = load_framework("bwise")
    role = framework.roles["wsn-starter"]
    assert role.easy_read
    workbook = template_xlsform(framework, role)
    form = xform(workbook)
    first = framework.questionnaire(role)[0]
    assert first.easy_read is not None
    assert f"<value>{first.easy_read.en}</value>" in form
    assert f"<value>{first.text.en}</value>" not in form
    area = framework.areas[framework.competences[first.competence_id].area_id]
    assert area.easy_read_title is not None
    assert sheet_rows(workbook, "survey")[2][:3] == (
        "begin_group",
        area.id,
        area.easy_read_title.en,
    )
    scale = framework.scale_for(role)
    assert scale.id != framework.default_scale_id
    choices = sheet_rows(workbook, "choices")
    assert [row[:3] for row in choices[1:]] == [
        *((scale.id, str(v.value), v.label.en) for v in scale.values),
        (scale.id, "na", "Not my work"),
    ]
    assert choices[1][3] == "Noch nicht"  # the framework's German translation, beside English


def test_wim_in_german_has_german_as_default_language() -> None:
    framework = load_framework("wim")
    form = xform(template_xlsform(framework, framework.roles["team-leader"], "de"))
    assert '<translation lang="Deutsch (de)" default="true()">' in form
    assert '<translation lang="English (en)">' in form


# --- one small framework, cell by cell --------------------------------------------------------


def test_the_survey_sheet_of_an_easy_read_role_cell_by_cell(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "form.xlsx"
    result = cli(
        "template", str(MINI_EASY), "--role", "participant", "--format", "xlsform", "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote {out}\n"
    workbook = out.read_bytes()
    assert load_workbook(out).sheetnames == ["survey", "choices", "settings"]
    survey = sheet_rows(workbook, "survey")
    assert survey[0] == (
        "type",
        "name",
        "label::English (en)",
        "label::Deutsch (de)",
        "hint::English (en)",
        "hint::Deutsch (de)",
        "guidance_hint::English (en)",
        "guidance_hint::Deutsch (de)",
        "required",
        "calculation",
    )
    assert survey[1] == (
        "text",
        "respondent",
        "Your name",
        "Ihr Name",
        "Mini framework for meeting facilitation: Team member. Write the same name each time.",
        "Mini-Kompetenzrahmen für Moderation: Teammitglied. "
        "Schreiben Sie jedes Mal den gleichen Namen.",
        None,
        None,
        "yes",
        None,
    )
    assert [row[:4] for row in survey[2:]] == [
        ("begin_group", "PREP", "Getting ready to meet", "Sich auf ein Treffen vorbereiten"),
        (
            "select_one proficiency",
            "MINI.PREP.1.a",
            "I can say why we meet.",
            "Ich kann sagen, warum wir uns treffen.",
        ),
        (
            "select_one proficiency",
            "MINI.PREP.1.b",
            "I do not know why we meet.",
            "Ich weiß nicht, warum wir uns treffen.",
        ),
        ("end_group", None, None, None),
        ("calculate", "wimcheck_role", None, None),
    ]
    # the hidden field every submission records the framework and role in
    assert survey[-1][4:] == (None, None, None, None, None, "'mini-easy/participant'")
    assert survey[3][4:] == (
        "How well can you do this today?",
        "Wie gut können Sie das heute?",
        "0 Not yet: I have not done this yet.\n"
        "1 With help: I can do this when someone helps me.\n"
        "2 On my own: I can do this on my own in everyday situations.\n"
        "3 I can teach it: I can do this in difficult situations and show others how.\n"
        "Not my work: This is not part of my work.",
        "0 Noch nicht: Das habe ich noch nicht gemacht.\n"
        "1 Mit Hilfe: Das kann ich, wenn mir jemand hilft.\n"
        "2 Selbstständig: Das kann ich im Alltag selbstständig.\n"
        "3 Ich kann es anderen zeigen: Das kann ich auch in schwierigen Lagen und kann es "
        "anderen zeigen.\n"
        "Nicht meine Arbeit: Das gehört nicht zu meiner Arbeit.",
        None,
        None,
    )


def test_the_choices_and_settings_of_a_role_cell_by_cell() -> None:
    framework = load_framework(MINI_EASY)
    workbook = template_xlsform(framework, framework.roles["facilitator"], "de")
    assert sheet_rows(workbook, "choices") == [
        ("list_name", "name", "label::Deutsch (de)", "label::English (en)"),
        ("proficiency", "0", "Noch nicht", "Not yet"),
        ("proficiency", "1", "Mit Hilfe", "With help"),
        ("proficiency", "2", "Selbstständig", "On my own"),
        ("proficiency", "3", "Ich kann es anderen zeigen", "I can teach it"),
        ("proficiency", "na", "Trifft nicht zu", "Not applicable"),
    ]
    assert sheet_rows(workbook, "settings") == [
        ("form_title", "form_id", "version", "default_language"),
        (
            "Mini-Kompetenzrahmen für Moderation: Moderation",
            "mini-easy-facilitator",
            "1.0.0",
            "Deutsch (de)",
        ),
    ]
    survey = sheet_rows(workbook, "survey")
    assert [(row[0], row[1]) for row in survey[1:]] == [
        ("text", "respondent"),
        ("begin_group", "PREP"),
        ("select_one proficiency", "MINI.PREP.1.a"),
        ("select_one proficiency", "MINI.PREP.1.b"),
        ("end_group", None),
        ("begin_group", "RUN"),
        ("select_one proficiency", "MINI.RUN.1.a"),
        ("select_one proficiency", "MINI.RUN.1.b"),
        ("select_one proficiency", "MINI.RUN.2.a"),
        ("end_group", None),
        ("calculate", "wimcheck_role"),
    ]
    assert survey[2][2:4] == ("Besprechungen vorbereiten", "Preparing meetings")
    assert survey[1][2:4] == ("Ihr Name oder Kürzel", "Your name or code")


def test_a_language_the_framework_gains_appears_without_a_change() -> None:
    framework = load_framework(MINI_EASY)
    role = framework.roles["facilitator"]
    statement = framework.questionnaire(role)[0]
    italian = dataclasses.replace(statement.text, other={**statement.text.other, "it": "Ciao."})
    competence = framework.competences[statement.competence_id]
    changed = dataclasses.replace(
        framework,
        languages=(*framework.languages, "it"),
        competences={
            **framework.competences,
            competence.id: dataclasses.replace(
                competence,
                statements=(
                    dataclasses.replace(statement, text=italian),
                    *competence.statements[1:],
                ),
            ),
        },
    )
    form = build_xlsform(changed, role)
    assert form.languages == ("en", "de", "it")
    assert form.survey[2].label["it"] == "Ciao."
    assert form.survey[3].label["it"] == competence.statements[1].text.en  # English stands in
    assert form.survey[0].label["it"] == "Il Suo nome o codice"
    assert '<translation lang="Italiano (it)">' in xform(template_xlsform(changed, role))


def test_wimchecks_own_texts_are_in_each_column_s_language() -> None:
    framework = load_framework(MINI_EASY)
    seven = ("en", "de", "it", "el", "sl", "hu", "bg")
    form = build_xlsform(
        dataclasses.replace(framework, languages=seven), framework.roles["facilitator"]
    )
    respondent, na = form.survey[0], form.choices[-1]
    assert na.name == "na"
    for lang in seven:
        assert respondent.label[lang] == t("xlsform.respondent", lang)
        assert na.label[lang] == t("template.xlsx.na", lang)
        assert form.survey[2].guidance[lang].endswith(t("template.xlsx.na.meaning", lang))
        if lang != "en":
            assert respondent.label[lang] != respondent.label["en"]
            assert na.label[lang] != na.label["en"]
    assert respondent.label["bg"] == "Вашето име или код"


# --- names and texts ---------------------------------------------------------------------------


@given(st.from_regex(ID))
def test_every_id_has_a_name_that_gives_the_id_back(ident: str) -> None:
    name = form_name(ident)
    assert is_form_name(name)
    assert statement_id(name) == ident
    assert name == ident or name == "_" + ident


@given(st.from_regex(ID), st.from_regex(ID))
def test_the_form_role_value_gives_both_ids_back(framework_id: str, role_id: str) -> None:
    value = form_role_value(framework_id, role_id)
    assert value == f"{framework_id}/{role_id}"
    assert form_role_ids(value) == (framework_id, role_id)
    assert form_role_ids(f" {framework_id} / {role_id} ") == (framework_id, role_id)


@pytest.mark.parametrize("value", ["", "digcomp", "digcomp/", "/citizen", " / ", "digcomp citizen"])
def test_a_value_that_is_not_framework_and_role_gives_none(value: str) -> None:
    assert form_role_ids(value) is None


def test_ids_that_are_names_stay_as_they_are() -> None:
    assert form_name("WIM.FND.1.a") == "WIM.FND.1.a"
    assert form_name("1.2.a") == "_1.2.a"
    assert statement_id("_1.2.a") == "1.2.a"


def test_form_text_keeps_markup_references_and_formulas_from_working() -> None:
    text = "=1+1 ${respondent} <b>x</b> *a* _b_ # [l](http://x) &amp; \\"
    assert form_text(text) == (
        f"{WJ}=1+1 ${WJ}{{respondent}} <{WJ}b>x<{WJ}/b> \\*a\\* \\_b\\_ \\# "
        f"[l]{WJ}(http://x) &{WJ}amp; \\\\"
    )
    assert form_text("line\nbreak\x07") == "line break"


def hostile_framework(folder: Path) -> Path:
    """mini.toml with ids that are no XLSForm names, areas named ``meta`` and
    ``wimcheck_role`` and texts that would be markup, references or formulas."""
    data: dict[str, Any] = tomllib.loads((DATA / "frameworks" / "mini.toml").read_text("utf-8"))
    data["areas"][0]["id"] = "meta"
    data["areas"][1]["id"] = "wimcheck_role"
    renamed = {"PREP": "meta", "RUN": "wimcheck_role"}
    for competence in data["competences"]:
        competence["area"] = renamed[competence["area"]]
    statement = data["competences"][0]["statements"][0]
    statement["id"] = "1.2.a"
    statement["text"] = "=HYPERLINK(1) ${respondent} <b>bold</b>"
    scale = data["scales"][0]
    scale["id"] = "9scale"
    scale["values"][0]["label"] = "-1 not yet"
    data["framework"]["default_scale"] = "9scale"
    data["framework"]["version"] = "=1+1"
    path = folder / "hostile.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def test_a_hostile_framework_still_converts_and_its_texts_stay_text(tmp_path: Path) -> None:
    framework = load_framework(hostile_framework(tmp_path))
    workbook = template_xlsform(framework, framework.roles["facilitator"])
    form = xform(workbook)
    assert f'<data id="mini-facilitator" version="{WJ}=1+1">' in form
    assert "<meta_area><_1.2.a/><MINI.PREP.1.b/></meta_area>" in form
    assert "</meta_area><wimcheck_role_area><MINI.RUN.1.a/>" in form
    assert "</wimcheck_role_area><wimcheck_role/><meta>" in form
    assert (
        f"<value>{WJ}=HYPERLINK(1) ${WJ}{{respondent}} &lt;{WJ}b&gt;bold&lt;{WJ}/b&gt;</value>"
        in (form)
    )
    assert "<output" not in form
    book = load_workbook(BytesIO(workbook))
    for sheet in book:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
    assert book["choices"]["C2"].value == f"{WJ}-1 not yet"


def test_language_names_are_written_in_their_own_language() -> None:
    names = [native_name(c) for c in ("en", "de", "it", "el", "sl", "hu", "bg", "zz")]
    assert names == [
        "English",
        "Deutsch",
        "Italiano",
        "Ελληνικά",
        "Slovenščina",
        "Magyar",
        "Български",
        "zz",
    ]


# --- the command ---------------------------------------------------------------------------


def test_xlsform_needs_an_output_file(cli: Cli) -> None:
    result = cli("template", "wim", "--role", "team-leader", "--format", "xlsform")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: an XLSX workbook cannot be printed to the terminal\n"
        "  hint: add --output FILE.xlsx\n"
    )


def test_xlsform_replaces_a_file_only_with_force(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "form.xlsx"
    out.write_bytes(b"keep")
    args = ("template", "wim", "--role", "team-leader", "--format", "xlsform", "-o", str(out))
    refused = cli(*args)
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[0] == f"{out}: error: the output file exists already"
    assert out.read_bytes() == b"keep"
    assert cli(*args, "--force").exit_code == 0
    assert load_workbook(out).sheetnames == ["survey", "choices", "settings"]
