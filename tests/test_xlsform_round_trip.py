"""The round trip a trainer makes (issue 15): ``wimcheck template FW --role R --format
xlsform``, the form filled in KoboToolbox or ODK Collect, the tool's export scored.

Each export is built here from the XLSForm's own names and labels, as the tools build it
(docs/formats.md, "Getting the answers back into wimcheck"): KoboToolbox with XML values
and headers or with the labels of one language, with and without group paths, CSV and
XLSX; ODK Central's ``submissions.csv`` with and without group names. Every export must
score exactly as the same answers in wimcheck's own CSV sheet. The form's hidden
``wimcheck_role`` field comes back as a column that names the framework and role, so
exports of roles asked the same statements (digcomp's) need no ``--role``.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from openpyxl import Workbook, load_workbook

from conftest import Result
from test_survey_imports import without_sources
from wimcheck.i18n.language import SUPPORTED_LANGUAGES
from wimcheck.i18n.language_names import native_name

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
PEOPLE = ("Ana Novak", "Jörg Weiß", "Ελένη Π.", "Иван 7", "Réka Tóth", "P-06")
KOBO_OWN = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status"]
KOBO_OWN += ["_submitted_by", "__version__", "_tags", "meta/rootUuid", "_index"]
ODK_OWN = ["KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected"]
ODK_OWN += ["Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]


@dataclass(frozen=True)
class FormQuestion:
    """A question of the XLSForm: its group (name and label by column) and its own."""

    name: str
    label: dict[str, str]
    group: str
    group_label: dict[str, str]


@dataclass(frozen=True)
class Form:
    """What the tools take from an XLSForm: the questions and the choices."""

    respondent: FormQuestion
    statements: tuple[FormQuestion, ...]
    choices: dict[str, dict[str, str]]  # choice name → label by language code
    calculated: dict[str, str]  # a calculate field's name → the value it gets


def _by_language(row: dict[str, Any], column: str) -> dict[str, str]:
    out = {}
    for lang in SUPPORTED_LANGUAGES:
        heading = f"{column}::{native_name(lang)} ({lang})"
        if heading in row:
            out[lang] = row[heading]
    return out


def read_form(path: Path) -> Form:
    """The XLSForm as KoboToolbox and ODK Central read it."""
    book = load_workbook(path)
    survey = list(book["survey"].iter_rows(values_only=True))
    rows = [dict(zip(survey[0], row, strict=True)) for row in survey[1:]]
    questions: list[FormQuestion] = []
    calculated: dict[str, str] = {}
    group, group_label = "", {}
    for row in rows:
        if row["type"] == "calculate":
            assert group == "" and not any(_by_language(row, "label").values())  # by name
            calculated[row["name"]] = row["calculation"].strip("'")
        elif row["type"] == "begin_group":
            group, group_label = row["name"], _by_language(row, "label")
        elif row["type"] == "end_group":
            group, group_label = "", {}
        else:
            questions.append(
                FormQuestion(row["name"], _by_language(row, "label"), group, group_label)
            )
    choice_rows = list(book["choices"].iter_rows(values_only=True))
    choices = {
        row["name"]: _by_language(row, "label")
        for row in (dict(zip(choice_rows[0], r, strict=True)) for r in choice_rows[1:])
    }
    assert questions[0].name == "respondent" and questions[0].group == ""
    return Form(questions[0], tuple(questions[1:]), choices, calculated)


def make_form(cli: Cli, folder: Path, framework: str, role: str) -> Form:
    out = folder / f"{role}.xlsx"
    result = cli("template", framework, "--role", role, "--format", "xlsform", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return read_form(out)


def answers_of(form: Form) -> list[list[str]]:
    """Each person's choice names ("0" … "5", "na", or "" unanswered), every choice used."""
    names = [*form.choices, ""]
    return [
        [
            names[(person * 5 + index * (person + 1)) % len(names)]
            for index in range(len(form.statements))
        ]
        for person in range(len(PEOPLE))
    ]


def own_sheet(folder: Path, form: Form, answers: list[list[str]], role: str) -> Path:
    """The same answers in wimcheck's own CSV sheet."""
    ids = [question.name.removeprefix("_") for question in form.statements]
    rows = [["respondent", "role", *ids]]
    for person, cells in zip(PEOPLE, answers, strict=True):
        rows.append([person, role, *("n/a" if cell == "na" else cell for cell in cells)])
    path = folder / "own.csv"
    write_csv(path, rows)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[str]], **options: Any) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, **options).writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def write_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "WIN self-assessment - team l..."
    for row in rows:
        sheet.append(list(row))
    book.save(path)


def kobo_rows(
    form: Form, answers: list[list[str]], lang: str | None, groups: bool
) -> list[list[str]]:
    """A KoboToolbox export: XML names and choice names (``lang`` None) or the labels of
    ``lang``; ``groups``: "Include groups in headers" (``group/name``, ``Group/Label``)."""

    def heading(question: FormQuestion) -> str:
        own = question.name if lang is None else question.label[lang]
        group = question.group if lang is None else question.group_label.get(lang, "")
        return f"{group}/{own}" if groups and group else own

    def answer(name: str) -> str:
        return name if lang is None or name == "" else form.choices[name][lang]

    calculated = list(form.calculated)  # a field without a label is headed by its name
    header = [heading(form.respondent), *map(heading, form.statements), *calculated, *KOBO_OWN]
    rows = [header]
    for n, (person, cells) in enumerate(zip(PEOPLE, answers, strict=True), start=1):
        own = [str(1000 + n), f"uuid-{n}", "2026-03-04T09:22:22", "", "", "submitted_via_web"]
        own += ["", "vGdZ8Kq3", "", f"uuid:root-{n}", str(n)]
        rows.append([person, *map(answer, cells), *form.calculated.values(), *own])
    return rows


def odk_rows(form: Form, answers: list[list[str]], groups: bool) -> list[list[str]]:
    """ODK Central's submissions.csv: group paths ``group-name``, or "Remove group names"."""

    def heading(question: FormQuestion) -> str:
        return f"{question.group}-{question.name}" if groups and question.group else question.name

    header = ["SubmissionDate", heading(form.respondent), *map(heading, form.statements)]
    header += [*form.calculated, "meta-instanceID" if groups else "instanceID", *ODK_OWN]
    rows = [header]
    for n, (person, cells) in enumerate(zip(PEOPLE, answers, strict=True), start=1):
        key = f"uuid:0b7f1c2e-1111-4222-8333-44444444444{n}"
        rows.append(["2026-03-04T09:22:21.000Z", person, *cells, *form.calculated.values()])
        rows[-1] += [key, key, "5", "Tablet"]
        rows[-1] += ["0", "0", "", "", "collect:abc", "0", "1"]
    return rows


def as_numbers(rows: list[list[str]]) -> list[list[object]]:
    """Rows as KoboToolbox writes its XLSX ("Store numbers as text" off)."""
    return [rows[0], *([int(c) if c.isdigit() else c or None for c in row] for row in rows[1:])]


def scored(cli: Cli, path: Path, *options: str) -> Any:
    result = cli("score", str(path), *options, "--cohort", "--min-group", "1", "--format", "json")
    assert (result.exit_code, result.stderr) == (0, ""), (path.name, result.stderr)
    return without_sources(json.loads(result.stdout))


def exports(folder: Path, form: Form, answers: list[list[str]]) -> list[Path]:
    """Every export of the form a trainer may download."""
    made = []
    for groups in (False, True):
        suffix = "-groups" if groups else ""
        xml = kobo_rows(form, answers, None, groups)
        made.append(folder / f"kobo-xml{suffix}.csv")
        write_csv(made[-1], xml, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        made.append(folder / f"kobo-xml{suffix}.xlsx")
        write_xlsx(made[-1], as_numbers(xml))
        for lang in form.respondent.label:
            labels = kobo_rows(form, answers, lang, groups)
            made.append(folder / f"kobo-labels-{lang}{suffix}.csv")
            write_csv(made[-1], labels, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        made.append(folder / f"odk{suffix}.csv")
        write_csv(made[-1], odk_rows(form, answers, groups), lineterminator="\n")
    return made


@pytest.mark.parametrize(("framework", "role"), [("wim", "team-leader"), ("bwise", "wsn-starter")])
def test_every_export_of_the_xlsform_scores_as_the_own_sheet(
    cli: Cli, tmp_path: Path, framework: str, role: str
) -> None:
    form = make_form(cli, tmp_path, framework, role)
    assert set(form.respondent.label) == set(SUPPORTED_LANGUAGES)  # labels in all seven
    answers = answers_of(form)
    expected = scored(cli, own_sheet(tmp_path, form, answers, role))
    assert [r["respondent"] for r in expected["respondents"]] == list(PEOPLE)
    made = exports(tmp_path, form, answers)
    assert len(made) == 2 * (3 + len(SUPPORTED_LANGUAGES))
    for path in made:
        assert scored(cli, path) == expected, path.name  # framework and role inferred


def test_the_easy_read_not_my_work_is_read_in_every_language(cli: Cli, tmp_path: Path) -> None:
    form = make_form(cli, tmp_path, "bwise", "wsn-starter")
    assert form.choices["na"]["en"] == "Not my work"
    assert form.choices["na"]["de"] == "Nicht meine Arbeit"
    answers = [["na"] * len(form.statements) for _ in PEOPLE]
    answers[0][0] = "0"  # someone answers something
    expected = scored(cli, own_sheet(tmp_path, form, answers, "wsn-starter"))
    for lang in SUPPORTED_LANGUAGES:
        path = tmp_path / f"na-{lang}.csv"
        rows = kobo_rows(form, answers, lang, groups=False)
        write_csv(path, rows, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        assert scored(cli, path) == expected, lang


# --- ids that start with a digit: ``_`` in front in the form, read back without it ------------


def digit_framework(folder: Path) -> Path:
    """mini.toml with statement ids that start with a digit, and texts the XLSForm must
    escape (Markdown, a reference, a tag, an entity, a link, a formula)."""
    data: dict[str, Any] = tomllib.loads((DATA / "frameworks" / "mini.toml").read_text("utf-8"))
    first = data["competences"][0]["statements"]
    first[0]["text"] = "I can *plan* a ${meeting} with <b>R&amp;D</b>, [notes](x) and #tags."
    first[1]["text"] = "=SUM(1) I can say_why we meet \\ and why not."
    renamed = {}
    for number, competence in enumerate(data["competences"], start=1):
        for statement in competence["statements"]:
            new = f"{number}.{statement['id'].rsplit('.', 1)[1]}"
            renamed[statement["id"]] = new
            statement["id"] = new
    for module in data.get("modules", []):
        if "statements" in module:
            module["statements"] = [renamed.get(s, s) for s in module["statements"]]
    path = folder / "digits.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def test_digit_led_ids_are_read_back(cli: Cli, tmp_path: Path) -> None:
    framework = digit_framework(tmp_path)
    form = make_form(cli, tmp_path, str(framework), "facilitator")
    names = [question.name for question in form.statements]
    assert names == ["_1.a", "_1.b", "_2.a", "_2.b", "_3.a"]
    assert form.statements[0].label["en"] == (
        "I can \\*plan\\* a $\u2060{meeting} with <\u2060b>R&\u2060amp;D<\u2060/b>, "
        "[notes]\u2060(x) and \\#tags."
    )
    assert form.statements[1].label["en"].startswith("\u2060=SUM(1)")
    answers = answers_of(form)
    options = ("--framework", str(framework), "--role", "facilitator")
    expected = scored(cli, own_sheet(tmp_path, form, answers, "facilitator"), *options)
    for path in exports(tmp_path, form, answers):
        assert scored(cli, path, *options) == expected, path.name
    mapping = cli("mapping", "show", str(tmp_path / "odk-groups.csv"), *options)
    columns = tomllib.loads(mapping.stdout)["columns"]
    assert columns == {
        "PREP-_1.a": "1.a",
        "PREP-_1.b": "1.b",
        "RUN-_2.a": "2.a",
        "RUN-_2.b": "2.b",
        "RUN-_3.a": "3.a",
    }


# --- roles asked the same statements: the form's role column tells them apart -------------------

DIGCOMP_SAME = ("citizen", "office-worker", "digital-champion")  # the same statements and scale


@pytest.mark.parametrize("role", DIGCOMP_SAME)
def test_digcomp_roles_come_back_as_the_role_of_their_form(
    cli: Cli, tmp_path: Path, role: str
) -> None:
    # digcomp's citizen, office worker and digital champion answer the same statements on
    # the same scale (only their targets differ): the form's wimcheck_role column says which
    form = make_form(cli, tmp_path, "digcomp", role)
    assert form.calculated == {"wimcheck_role": f"digcomp/{role}"}
    answers = answers_of(form)
    expected = scored(cli, own_sheet(tmp_path, form, answers, role))
    assert {r["role"] for r in expected["respondents"]} == {role}
    made = exports(tmp_path, form, answers)
    assert len(made) == 2 * (3 + len(SUPPORTED_LANGUAGES))  # Kobo XML and labels, ODK
    for path in made:
        assert scored(cli, path) == expected, path.name  # no --role
    mapping = tomllib.loads(cli("mapping", "show", str(tmp_path / "odk.csv")).stdout)
    assert (mapping["framework"], mapping["role"]) == ("digcomp", role)
    assert "wimcheck_role" not in mapping["columns"]  # metadata, not a column to map


def odk_export(folder: Path, form: Form, answers: list[list[str]], recorded: list[str]) -> Path:
    """ODK Central's export with ``recorded`` as each person's wimcheck_role cell, or without
    the column (a form made before it existed) when ``recorded`` is empty."""
    rows = odk_rows(form, answers, groups=True)
    at = rows[0].index("wimcheck_role")
    for row, value in zip(rows[1:], recorded or [""] * len(PEOPLE), strict=True):
        row[at] = value
    if not recorded:
        rows = [row[:at] + row[at + 1 :] for row in rows]
    path = folder / "odk.csv"
    write_csv(path, rows, lineterminator="\n")
    return path


def assert_refused(result: Result, first_line: str) -> None:
    assert result.exit_code == 1
    assert result.stdout == ""  # the message is no result: it goes to stderr
    assert result.stderr.splitlines()[:2] == ["No respondent could be scored.", first_line]


def test_an_export_without_the_role_column_is_not_guessed(cli: Cli, tmp_path: Path) -> None:
    form = make_form(cli, tmp_path, "digcomp", "office-worker")
    answers = answers_of(form)
    path = odk_export(tmp_path, form, answers, [])
    assert_refused(
        cli("score", str(path)),
        f"rejected: {path}: the statement columns fit several roles (citizen, office-worker, "
        "digital-champion); give --role or `role` in a mapping file",
    )
    expected = scored(cli, own_sheet(tmp_path, form, answers, "office-worker"))
    assert scored(cli, path, "--role", "office-worker") == expected


def test_role_option_and_mapping_file_win_over_the_role_column(cli: Cli, tmp_path: Path) -> None:
    form = make_form(cli, tmp_path, "digcomp", "office-worker")
    answers = answers_of(form)
    path = odk_export(tmp_path, form, answers, ["digcomp/office-worker"] * len(PEOPLE))
    as_citizen = scored(cli, own_sheet(tmp_path, form, answers, "citizen"))
    assert scored(cli, path, "--role", "citizen") == as_citizen
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('format_version = 1\nrole = "citizen"\n', encoding="utf-8")
    assert scored(cli, path, "--mapping", str(mapping)) == as_citizen
    # --role decides the role, so rows of one framework may name different roles
    mixed = ["digcomp/office-worker", "digcomp/citizen"] * (len(PEOPLE) // 2)
    path = odk_export(tmp_path, form, answers, mixed)
    assert scored(cli, path, "--role", "citizen") == as_citizen
    # framework and role both named: the column is not read at all
    path = odk_export(tmp_path, form, answers, ["nowhere/boss"] * len(PEOPLE))
    assert scored(cli, path, "--framework", "digcomp", "--role", "citizen") == as_citizen


COLUMN = "rejected: {path}: column 'wimcheck_role' "


@pytest.mark.parametrize(
    ("recorded", "message"),
    [
        (
            ["digcomp/office-worker", "", "digcomp/citizen", "digcomp/office-worker"],
            COLUMN + "names 'digcomp/office-worker' in row 2 and 'digcomp/citizen' in row 4: "
            "the rows come from forms made for different roles; score each form's export on "
            "its own, or give --framework and --role",
        ),
        (
            ["nowhere/citizen"],
            COLUMN + "names the framework 'nowhere', which is not installed; give the "
            "framework's file with --framework",
        ),
        (
            ["digcomp/boss"],
            COLUMN + "names the role 'boss', which framework 'digcomp' does not have (roles: "
            "citizen, frontline-worker, office-worker, digital-champion); give --role",
        ),
        (
            ["digcomp office-worker"],
            COLUMN + "holds 'digcomp office-worker', not FRAMEWORK/ROLE as a form made by "
            "`wimcheck template --format xlsform` records it; give --framework and --role",
        ),
    ],
)
def test_a_role_column_that_cannot_be_used_is_refused(
    cli: Cli, tmp_path: Path, recorded: list[str], message: str
) -> None:
    form = make_form(cli, tmp_path, "digcomp", "office-worker")
    cells = (recorded * len(PEOPLE))[: len(PEOPLE)]
    path = odk_export(tmp_path, form, answers_of(form), cells)
    assert_refused(cli("score", str(path)), message.format(path=path))


def test_an_export_cut_to_respondent_statements_and_role_is_still_an_export(
    cli: Cli, tmp_path: Path
) -> None:
    # a trainer deletes ODK Central's own columns: what is left has a respondent column, as
    # wimcheck's own sheets have, and the wimcheck_role column tells it is an export
    form = make_form(cli, tmp_path, "digcomp", "office-worker")
    answers = answers_of(form)
    rows = odk_rows(form, answers, groups=False)
    keep = [i for i, h in enumerate(rows[0]) if h in {"respondent", "wimcheck_role"}]
    keep += [i for i, h in enumerate(rows[0]) if h in {q.name for q in form.statements}]
    path = tmp_path / "cut.csv"
    write_csv(path, [[row[i] for i in sorted(keep)] for row in rows], lineterminator="\n")
    assert form.respondent.name == "respondent"
    expected = scored(cli, own_sheet(tmp_path, form, answers, "office-worker"))
    assert scored(cli, path) == expected
