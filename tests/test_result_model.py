"""The typed result of one person: built once, written as JSON, read back through one edge."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Result
from wimcheck.assessment.responses import read_response_file
from wimcheck.assessment.result import PersonResult, person_result
from wimcheck.assessment.result_json import (
    ResultFileError,
    person_result_data,
    person_result_from_data,
    person_result_to_json,
    read_person_result,
)
from wimcheck.errors import ExitCode, InputFileError
from wimcheck.frameworks.catalog import load_framework

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
REPORTS = DATA / "reports"
PERSON_SAMPLES = ["person_wim", "person_wim_nogaps", "person_bwise_worker", "person_org"]


def wim_result(name: str = "P05", hours: float | None = None) -> PersonResult:
    framework = load_framework("wim")
    responses = read_response_file(DATA / "trainer" / f"{name}.toml")
    return person_result(framework, framework.roles[responses.role_id], responses, hours)


@pytest.mark.parametrize("name", PERSON_SAMPLES)
def test_sample_reads_and_writes_back_byte_for_byte(name: str) -> None:
    path = REPORTS / f"{name}.json"
    result = read_person_result(path)
    assert person_result_to_json(result) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "hours"), [("P05", None), ("P12", 12.0), ("P30", 0.0)])
def test_result_to_json_and_back_is_equal(tmp_path: Path, name: str, hours: float | None) -> None:
    result = wim_result(name, hours)
    path = tmp_path / "result.json"
    path.write_text(person_result_to_json(result), encoding="utf-8")
    again = read_person_result(path)
    assert again == result
    assert person_result_to_json(again) == path.read_text(encoding="utf-8")


def test_the_model_holds_rounded_numbers_and_json_drops_zero_decimals() -> None:
    result = read_person_result(REPORTS / "person_org.json")
    first = result.competences[0]
    assert (first.id, first.level, first.target, first.gap, first.priority) == (
        "DSU.PLN.1",
        1.67,
        3.0,
        1.33,
        4.0,
    )
    assert result.readiness == 63.8
    assert result.hours_budget == 40.0
    missing = result.competences[1]
    assert (missing.level, missing.gap, missing.status, missing.scored) == (
        None,
        None,
        "not enough answers",
        False,
    )
    data = person_result_data(result)
    assert data["hours_budget"] == 40 and isinstance(data["hours_budget"], int)
    assert result.scale.labels == {
        0: "Not yet",
        1: "First steps",
        2: "Sometimes",
        3: "Regular practice",
        4: "Systematic",
    }
    assert result.started is not None and result.started.isoformat() == "2026-03-02T09:00:00+00:00"


def test_source_is_written_last_and_only_when_set() -> None:
    result = wim_result()
    assert "source" not in person_result_data(result)
    data = person_result_data(replace(result, source="answers.csv:row 3"))
    assert list(data)[-1] == "source"
    assert data["source"] == "answers.csv:row 3"
    assert person_result_from_data(data).source == "answers.csv:row 3"


def load(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def rejected(data: object) -> str:
    with pytest.raises(ResultFileError) as caught:
        person_result_from_data(data, path="result.json")
    error = caught.value
    assert error.exit_code is ExitCode.FINDINGS
    assert error.hint == "give a file written by `wimcheck report FILE --format json`, unchanged"
    return str(error)


def test_a_malformed_result_is_rejected_with_the_place_in_the_json() -> None:
    data = load("person_wim")
    competences = data["competences"]
    assert isinstance(competences, list)
    competences[2]["level"] = "high"
    assert rejected(data) == (
        "result.json: not a wimcheck result: competences.2.level: Input should be a valid number"
    )
    competences[3]["answered"] = -1
    assert rejected(data) == (
        "result.json: not a wimcheck result: competences.2.level: "
        "Input should be a valid number (and 1 more)"
    )


def test_missing_unknown_and_wrongly_typed_keys_are_rejected() -> None:
    data = load("person_wim")
    del data["readiness"]
    assert rejected(data) == "result.json: not a wimcheck result: readiness: Field required"
    data = load("person_wim")
    data["extra"] = 1
    assert rejected(data) == (
        "result.json: not a wimcheck result: extra: Extra inputs are not permitted"
    )
    data = load("person_wim")
    data["format_version"] = 2
    assert rejected(data) == (
        "result.json: not a wimcheck result: format_version: Input should be 1"
    )
    data = load("person_wim")
    data["scored_competences"] = "7"
    assert rejected(data) == (
        "result.json: not a wimcheck result: scored_competences: Input should be a valid integer"
    )
    assert rejected([]) == (
        "result.json: not a wimcheck result: (top level): "
        "Input should be a valid dictionary or instance of PersonResultModel"
    )


def test_times_and_scale_values_are_checked() -> None:
    data = load("person_wim")
    data["started"] = "yesterday"
    assert rejected(data) == (
        "result.json: not a wimcheck result: started: "
        "Value error, Invalid isoformat string: 'yesterday'"
    )
    data = load("person_wim")
    scale = data["scale"]
    assert isinstance(scale, dict)
    scale["labels"] = {"one": "One"}
    assert rejected(data).startswith("result.json: not a wimcheck result: scale.labels: ")
    data = load("person_wim")
    scale = data["scale"]
    assert isinstance(scale, dict)
    del scale["descriptors"]["1"]
    assert rejected(data) == (
        "result.json: not a wimcheck result: scale: "
        "Value error, labels and descriptors must name the same scale values"
    )


def test_a_file_that_is_not_json_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{\n  "respondent": \n}\n', encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        read_person_result(path)
    assert caught.value.exit_code is ExitCode.USAGE
    assert str(caught.value) == f"{path}:3:1: not valid JSON: Expecting value"
    with pytest.raises(InputFileError):
        read_person_result(tmp_path / "missing.json")


@settings(max_examples=60, deadline=None)
@given(
    key=st.sampled_from(sorted(load("person_org"))),
    value=st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5)
    ),
)
def test_any_changed_top_level_value_is_read_or_rejected_never_crashes(
    key: str, value: object
) -> None:
    data = load("person_org")
    data[key] = value
    try:
        result = person_result_from_data(data)
    except ResultFileError as error:
        assert str(error).startswith(f"not a wimcheck result: {key}")
    else:
        assert person_result_from_data(person_result_data(result)) == result


# --- report on a saved JSON result --------------------------------------------------------


def test_report_shows_a_saved_json_result_as_it_was(cli: Cli, tmp_path: Path) -> None:
    toml = str(DATA / "trainer" / "P05.toml")
    saved = tmp_path / "p05.json"
    assert cli("report", toml, "--hours", "12", "--format", "json", "-o", str(saved)).exit_code == 0
    for fmt in ("json", "text", "html", "markdown"):
        again = cli("report", str(saved), "--format", fmt)
        direct = cli("report", toml, "--hours", "12", "--format", fmt)
        assert again.exit_code == 0, again.stderr
        assert again.stdout == direct.stdout, fmt
    assert cli("report", str(saved), "--format", "json").stdout == saved.read_text(encoding="utf-8")
    plain = cli("report", str(saved), "--plain")
    assert plain.stdout == cli("report", toml, "--hours", "12", "--plain").stdout


def test_report_on_a_malformed_json_result_says_where_and_what(cli: Cli, tmp_path: Path) -> None:
    saved = tmp_path / "broken.json"
    data = load("person_wim")
    data["readiness"] = "high"
    saved.write_text(json.dumps(data), encoding="utf-8")
    result = cli("report", str(saved))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{saved}: error: not a wimcheck result: readiness: Input should be a valid number\n"
        "  hint: give a file written by `wimcheck report FILE --format json`, unchanged; "
        f"answers in JSON are scored with `wimcheck score {saved}`\n"
    )
    saved.write_text("[1, 2,]", encoding="utf-8")
    result = cli("report", str(saved))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{saved}:1:7: error: not valid JSON: Expecting value\n")
    assert "Traceback" not in result.stderr


def test_report_on_a_saved_result_refuses_hours_and_framework(cli: Cli) -> None:
    saved = str(REPORTS / "person_wim.json")
    for option in (["--hours", "5"], ["--framework", "wim"]):
        result = cli("report", saved, *option)
        assert result.exit_code == 2
        assert result.stderr.startswith(
            f"{saved}: error: --framework and --hours do not apply to a saved result\n"
        )


# --- the renderers are typed --------------------------------------------------------------

PERSON_RENDERER_MODULES = [
    "wimcheck.cli.render",
    "wimcheck.reports.person",
    "wimcheck.reports.person_markdown",
]


@pytest.mark.parametrize("module_name", PERSON_RENDERER_MODULES)
def test_no_person_renderer_takes_untyped_data(module_name: str) -> None:
    module = importlib.import_module(module_name)
    functions = [
        f for f in vars(module).values() if inspect.isfunction(f) and f.__module__ == module_name
    ]
    assert len(functions) >= 5
    for function in functions:
        for name, annotation in function.__annotations__.items():
            assert "Any" not in str(annotation), (function.__name__, name, annotation)
            assert "dict[" not in str(annotation) or name == "return", (function.__name__, name)


@pytest.mark.slow
def test_mypy_rejects_a_dict_handed_to_a_person_renderer(tmp_path: Path) -> None:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "from wimcheck.cli.render import report_lines\n"
        "from wimcheck.reports.person import person_html, person_markdown\n"
        'data = {"respondent": "P05"}\n'
        "person_html(data)\n"
        "person_markdown(data)\n"
        "report_lines(data)\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert checked.returncode == 1, checked.stdout
    errors = [line for line in checked.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 3, checked.stdout
    assert all('expected "PersonResult"' in line for line in errors), errors
