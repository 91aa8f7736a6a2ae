"""Blank sheets (``wimcheck template``): they record their framework and role (issue 11,
point 5), and no framework text can break them (issue 10, point 5): a line break cannot
end a TOML comment, XLSX drops what Excel forbids, Markdown shows texts as plain text."""

from __future__ import annotations

import html
import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from openpyxl import load_workbook

from conftest import Result
from test_safe_templates import RESPONSE_FILE_KEYS
from wimcheck.frameworks.catalog import load_framework
from wimcheck.markdown_text import WORD_JOINER, md, md_block
from wimcheck.plaintext import one_line
from wimcheck.sheets.blank import template_markdown, template_toml, template_xlsx
from wimcheck.sheets.template_info import TemplateInfo, info_from_cells, info_from_rows
from wimcheck.sheets.toml_text import toml_comment, toml_string

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
MINI = DATA / "frameworks" / "mini.toml"
PAYLOADS = json.loads((DATA / "hostile" / "payloads.json").read_text(encoding="utf-8"))
BREAKOUT = "\n[respondent]\nx = 1"  # a statement text that must not start a TOML table


def hostile_framework(folder: Path, **texts: str) -> Path:
    """mini.toml with texts replaced: ``statement``, ``area``, ``competence``, ``label``,
    ``descriptor``, ``scale``, ``title``, ``role`` and ``version``."""
    data: dict[str, Any] = tomllib.loads(MINI.read_text(encoding="utf-8"))
    places = {
        "statement": (data["competences"][0]["statements"][0], "text"),
        "area": (data["areas"][0], "title"),
        "competence": (data["competences"][0], "title"),
        "label": (data["scales"][0]["values"][0], "label"),
        "descriptor": (data["scales"][0]["values"][0], "descriptor"),
        "scale": (data["scales"][0], "title"),
        "title": (data["framework"], "title"),
        "role": (data["roles"][0], "title"),
        "version": (data["framework"], "version"),
    }
    for name, text in texts.items():
        table, key = places[name]
        table[key] = text
    path = folder / "hostile.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


# --- the template records its framework and role --------------------------------------------


def test_csv_template_records_framework_and_role_before_the_header(cli: Cli) -> None:
    result = cli("template", str(MINI), "--role", "facilitator", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == (
        "#wimcheck,format_version=1,framework=mini,framework_version=1.0.0,"
        "role=facilitator,language=en\n"
        "respondent,role,MINI.PREP.1.a,MINI.PREP.1.b,MINI.RUN.1.a,MINI.RUN.1.b,MINI.RUN.2.a\n"
    )


def test_xlsx_template_records_framework_and_role_in_a_hidden_sheet(
    cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "sheet.xlsx"
    result = cli("template", "wim", "--role", "team-leader", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    book = load_workbook(out)
    assert book.sheetnames == ["Responses", "Statements", "Scale", "wimcheck"]
    info = book["wimcheck"]
    assert info.sheet_state == "hidden"
    assert list(info.values) == [
        ("key", "value"),
        ("format_version", "1"),
        ("framework", "wim"),
        ("framework_version", "1.0.0"),
        ("role", "team-leader"),
        ("language", "en"),
    ]
    responses = book["Responses"]
    # no role typed into some rows only: an empty role cell is the recorded role
    assert [responses.cell(row=row, column=2).value for row in range(2, 502)] == [None] * 500
    assert responses["B1"].comment.text == (
        "Leave the role empty for Team leader or line manager (team-leader), the role this "
        "sheet was made for, or type another role id."
    )
    assert info_from_rows(info.values) == TemplateInfo("wim", "team-leader", "1.0.0", "en")


def test_template_info_is_read_back_from_what_a_spreadsheet_saves() -> None:
    # Excel pads a saved row with empty cells; keys are read in any order and case
    cells = ["#wimcheck", "role=owner-manager", "FRAMEWORK=wim", "", "note", "later=1", ""]
    assert info_from_cells(cells) == TemplateInfo("wim", "owner-manager")
    assert info_from_cells(["#wimcheck"]) == TemplateInfo(None, None)
    assert info_from_rows([("framework", "wim"), (None, None), ("role", None)]) == TemplateInfo(
        "wim", None
    )


# --- TOML: nothing ends a comment early ---------------------------------------------------


def test_a_line_break_in_a_text_cannot_end_a_toml_comment(tmp_path: Path) -> None:
    path = hostile_framework(
        tmp_path,
        statement=f"I can write{BREAKOUT}\r\nmore\u2028[x]\x0b\x1b[31m",
        area=f"Area{BREAKOUT}",
        label="No\r[respondent]\nx = 2",
        title=f"Title{BREAKOUT}",
        role="Role\n[answers]\n'MINI.RUN.1.a' = 3",
        version='1.0"\n[x]\x1b',
    )
    framework = load_framework(path)
    role = framework.roles["facilitator"]
    text = template_toml(framework, role)
    data = tomllib.loads(text)
    assert set(data) == RESPONSE_FILE_KEYS
    assert data["framework_version"] == '1.0"\n[x]\x1b'
    assert data["answers"] == {s.id: "" for s in framework.questionnaire(role)}
    assert "# I can write [respondent] x = 1 more [x] [31m\n" in text
    assert "\x1b" not in text and "\r" not in text and "\u2028" not in text


def test_a_filled_in_hostile_toml_template_is_a_response_file(cli: Cli, tmp_path: Path) -> None:
    path = hostile_framework(tmp_path, statement=BREAKOUT, version="2\n[respondent]")
    text = cli("template", str(path), "--role", "facilitator", "--format", "toml").stdout
    filled = tmp_path / "filled.toml"
    filled.write_text(
        text.replace('respondent = ""', 'respondent = "T1"').replace(' = ""', " = 2"),
        encoding="utf-8",
    )
    result = cli("report", str(filled), "--framework", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["respondent"] == "T1"
    # MINI.PREP.1.b is reverse-keyed: 2 on the scale 0 to 3 counts 1
    assert [c["level"] for c in report["competences"]] == [1.5, 2, 2]


# --- XLSX: what Excel forbids is left out --------------------------------------------------


def test_xlsx_template_drops_characters_excel_forbids(cli: Cli, tmp_path: Path) -> None:
    forbidden = "\x00\x01\x08\x0b\x0c\x0e\x1b\x1f\ufffe"
    path = hostile_framework(
        tmp_path,
        statement=f"Tab\there,{forbidden} line\nbreak",
        competence=f"=1+1{forbidden}",
        label=f"Not{forbidden} yet",
        descriptor=f"\x01=HYPERLINK(1){forbidden}",
        role=f"Lead{forbidden}er",
        version=f"1.0{forbidden}",
    )
    out = tmp_path / "sheet.xlsx"
    result = cli("template", str(path), "--role", "facilitator", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    book = load_workbook(out)  # every part, comments too, is well-formed XML
    statements = book["Statements"]
    assert statements["D2"].value == "Tab\there, line\nbreak"
    assert statements["C2"].value == "'=1+1"
    assert book["Responses"]["C1"].comment.text == "Tab\there, line\nbreak"
    assert book["Responses"]["B1"].comment.text.startswith("Leave the role empty for Leader (")
    assert [book["Scale"]["B2"].value, book["Scale"]["C2"].value] == ["Not yet", "'=HYPERLINK(1)"]
    (validation,) = book["Responses"].data_validations.dataValidation
    assert validation.prompt.startswith("0 Not yet, 1 With help")
    assert dict(list(book["wimcheck"].values)[1:])["framework_version"] == "1.0"


def test_xlsx_prompt_is_cut_to_what_excel_accepts(tmp_path: Path) -> None:
    path = hostile_framework(tmp_path, label="Long " * 100)
    framework = load_workbook_of(path)
    (validation,) = framework["Responses"].data_validations.dataValidation
    assert len(validation.prompt) == 255


def load_workbook_of(path: Path) -> Any:
    framework = load_framework(path)
    out = path.with_suffix(".xlsx")
    out.write_bytes(template_xlsx(framework, framework.roles["facilitator"]))
    return load_workbook(out)


# --- Markdown: texts render as the plain text they are -------------------------------------

STRUCTURE = {"h1", "h2", "p", "ul", "ol", "li", "strong", "code", "br"}


def rendered_tags(page: str) -> set[str]:
    return set(re.findall(r"<(\w+)", page))


def plain_text(page: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", page)).replace(WORD_JOINER, "")
    return " ".join(text.split())


@pytest.mark.parametrize("payload", [*PAYLOADS["texts"], *PAYLOADS["urls"]])
def test_markdown_template_shows_framework_texts_as_plain_text(
    payload: str, tmp_path: Path
) -> None:
    texts = dict.fromkeys(("statement", "area", "label", "descriptor", "scale", "title"), payload)
    path = hostile_framework(tmp_path, **texts, role=payload + " see www.evil.example")
    framework = load_framework(path)
    page = MarkdownIt("commonmark").render(
        template_markdown(framework, framework.roles["facilitator"])
    )
    assert rendered_tags(page) <= STRUCTURE
    shown = plain_text(page)
    assert shown.count(" ".join(one_line(payload).split())) >= 6
    assert "see www.evil.example" in shown


def test_markdown_template_of_an_ordinary_framework() -> None:
    framework = load_framework(MINI)
    text = template_markdown(framework, framework.roles["facilitator"])
    assert text.splitlines()[:4] == [
        "# Mini framework for meeting facilitation: Meeting facilitator",
        "",
        "Name or code: ____________________    Date: ____________    "
        "Framework mini, version 1.0.0, role facilitator",
        "",
    ]
    assert (
        "1. I can write the goal of a meeting in one sentence. `MINI.PREP.1.a`  \n"
        "   ☐ 0 Not yet  ☐ 1 With help  ☐ 2 On my own  ☐ 3 I can teach it  ☐ n/a\n"
    ) in text


TEXTS = st.lists(
    st.sampled_from(
        [
            *"ab1 .:@/\\`*_[]<>|#~!&;()-+=\n\r\t\x1b\u2028\u00a0\u202eé",
            *("www.", "http://", "&amp;", "&#60;", "a@b.ex", "1.", "com", "mailto:"),
        ]
    ),
    max_size=24,
).map("".join) | st.text(max_size=16)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_any_text_is_plain_text_in_markdown_and_safe_in_toml(text: str) -> None:
    expected = " ".join(one_line(text).split())
    inline = MarkdownIt("commonmark").render("x " + md(text))
    assert rendered_tags(inline) <= {"p"}
    assert plain_text(inline) == f"x {expected}".strip()
    item = MarkdownIt("commonmark").render("1. " + md_block(text))
    assert rendered_tags(item) <= {"ol", "li"} and item.count("<li>") == 1
    assert tomllib.loads("k = " + toml_string(text))["k"] == text
    assert tomllib.loads(toml_comment(text) + "\nk = 1") == {"k": 1}
