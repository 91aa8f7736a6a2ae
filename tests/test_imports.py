"""Import boundaries: the core needs neither typer nor rich; --version needs only typer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CORE = [
    "wimcheck",
    "wimcheck.errors",
    "wimcheck.messages",
    "wimcheck.i18n.language",
    "wimcheck.i18n.catalogues",
    "wimcheck.i18n.formats",
    "wimcheck.i18n.template",
    "wimcheck.i18n.po",
    "wimcheck.i18n.checks",
    "wimcheck.i18n.tools",
    "wimcheck.frameworks.model",
    "wimcheck.frameworks.schema",
    "wimcheck.tomlio",
    "wimcheck.tomlpos",
    "wimcheck.frameworks.validation",
    "wimcheck.frameworks.catalog",
    "wimcheck.paths",
    "wimcheck.markdown_text",
    "wimcheck.frameworks.outline",
    "wimcheck.frameworks.export",
    "wimcheck.assessment.scoring",
    "wimcheck.assessment.planning",
    "wimcheck.assessment.questionnaire",
    "wimcheck.assessment.sessions",
    "wimcheck.assessment.responses",
    "wimcheck.assessment.result",
    "wimcheck.assessment.result_json",
    "wimcheck.batch.fastscore",
    "wimcheck.sheets.reader",
    "wimcheck.sheets.blank",
    "wimcheck.batch.inputs",
    "wimcheck.batch.csv_output",
    "wimcheck.batch.cohort",
    "wimcheck.batch.compare",
    "wimcheck.reports.charts",
    "wimcheck.sheets.cells",
    "wimcheck.sheets.toml_text",
    "wimcheck.sheets.template_info",
    "wimcheck.plaintext",
    "wimcheck.reports.html_common",
    "wimcheck.reports.markdown_common",
    "wimcheck.reports.person",
    "wimcheck.reports.person_markdown",
    "wimcheck.reports.view_parts",
    "wimcheck.reports.group",
    "wimcheck.reports.comparison",
    "wimcheck.limits",
    "wimcheck.sheets.encoding",
    "wimcheck.sheets.legacy",
    "wimcheck.sheets.alphabets",
    "wimcheck.sheets.xlsx",
    "wimcheck.batch.files",
    "wimcheck.batch.sheet_inputs",
    "wimcheck.batch.response_inputs",
]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_core_imports_neither_typer_nor_rich() -> None:
    loaded = _modules_after(
        "import "
        + ", ".join(CORE)
        + "\nfrom wimcheck.frameworks.catalog import discover\ndiscover()"
    )
    top = {name.split(".")[0] for name in loaded}
    assert "typer" not in top
    assert "rich" not in top
    assert "click" not in top


def test_version_imports_only_typer_and_the_standard_library() -> None:
    loaded = _modules_after(
        "import sys\nsys.argv = ['wimcheck', '--version']\n"
        "from wimcheck.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    top = {name.split(".")[0] for name in loaded}
    typer_and_its_dependencies = {
        "typer",
        "click",
        "shellingham",
        "typing_extensions",
        "annotated_doc",
        "certifi",
        "_distutils_hack",
        "wimcheck",
        "__main__",
    }
    foreign = {
        name for name in top - typer_and_its_dependencies if name not in sys.stdlib_module_names
    }
    assert foreign == set()
    ours = {name for name in loaded if name.startswith("wimcheck")}
    # only the command modules (which import typer and the standard library), errors and
    # records (the command table is a record; standard library only)
    assert {n for n in ours if not n.startswith("wimcheck.cli")} == {
        "wimcheck",
        "wimcheck.errors",
        "wimcheck.records",
    }
    assert "pydantic" not in top and "rich" not in top and "tomli_w" not in top
    # no command is built for --version: none of their modules is imported
    assert ours == {
        "wimcheck",
        "wimcheck.errors",
        "wimcheck.records",
        "wimcheck.cli",
        "wimcheck.cli.app",
        "wimcheck.cli.help_text",
        "wimcheck.cli.language",
        "wimcheck.cli.lazy",
    }
    assert "importlib.metadata" not in loaded


WEB_STACK = {
    "starlette",
    "uvicorn",
    "multipart",
    "python_multipart",
    "segno",
    "httpx",
    "anyio",
    "httptools",
    "uvloop",
}


def test_version_and_frameworks_list_do_not_load_the_web_server() -> None:
    """``wimcheck serve``'s stack is in the default install but loaded only by serve."""
    for argv in (["wimcheck", "--version"], ["wimcheck", "frameworks", "list"]):
        loaded = _modules_after(
            f"import sys\nsys.argv = {argv!r}\n"
            "from wimcheck.cli.app import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass"
        )
        top = {name.split(".")[0] for name in loaded}
        assert top & WEB_STACK == set(), argv
        assert not any(name.startswith("wimcheck.web") for name in loaded), argv
    loaded = _modules_after("import wimcheck.cli.serve_cmd")
    assert not any(name.startswith("wimcheck.web") for name in loaded)
    served = _modules_after("import wimcheck.web.server")
    assert "starlette" in {name.split(".")[0] for name in served}


def _run_modules(argv: list[str]) -> set[str]:
    return _modules_after(
        f"import sys\nsys.argv = {argv!r}\n"
        "from wimcheck.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )


def test_a_command_imports_its_own_module_and_no_other_commands() -> None:
    commands = {
        "wimcheck.cli.assess_cmd",
        "wimcheck.cli.report_cmd",
        "wimcheck.cli.score_cmd",
        "wimcheck.cli.compare_cmd",
        "wimcheck.cli.template_cmd",
        "wimcheck.cli.serve_cmd",
        "wimcheck.cli.frameworks_cmd",
        "wimcheck.cli.sessions_cmd",
        "wimcheck.cli.mapping_cmd",
    }
    listed = _run_modules(["wimcheck", "frameworks", "list"])
    assert listed & commands == {"wimcheck.cli.frameworks_cmd"}
    sessions = _run_modules(["wimcheck", "sessions", "list"])
    assert sessions & commands == {"wimcheck.cli.sessions_cmd"}
    sheet = str(Path(__file__).parent / "data" / "trainer" / "P05.toml")
    reported = _run_modules(["wimcheck", "report", sheet])
    assert reported & commands == {"wimcheck.cli.report_cmd"}
    helped = _run_modules(["wimcheck", "--help"])
    assert helped & commands == commands  # help lists every command, so builds them all


def test_frameworks_list_and_show_need_no_validation_and_no_other_framework() -> None:
    """``frameworks list`` reads the frameworks' cached or pre-built entries; ``show`` and
    every command about one framework read that one only (neither pydantic nor TOML)."""
    for argv in (["wimcheck", "frameworks", "list"], ["wimcheck", "frameworks", "show", "wim"]):
        loaded = _run_modules(argv)
        assert {"pydantic", "tomllib", "wimcheck.frameworks.validation"}.isdisjoint(loaded), argv
    listed = _run_modules(["wimcheck", "frameworks", "list"])
    # summaries only: neither the framework model nor the codec of whole frameworks
    assert {"wimcheck.frameworks.model", "wimcheck.frameworks.cache_codec"}.isdisjoint(listed)


def test_report_of_a_response_file_needs_no_pydantic() -> None:
    """A plainly valid response file is checked without pydantic (tests/test_plain_response.py
    shows that check accepts nothing the model refuses); a doubtful one goes to the model."""
    from pathlib import Path

    trainer = Path(__file__).parent / "data" / "trainer"
    loaded = _run_modules(["wimcheck", "report", str(trainer / "P05.toml")])
    assert "wimcheck.assessment.responses" in loaded
    assert {"pydantic", "wimcheck.assessment.response_file"}.isdisjoint(loaded)
    assert {"wimcheck.frameworks.validation", "tomli_w"}.isdisjoint(loaded)
    # numbers of wimcheck's languages need neither Babel nor decimal (compared with Babel
    # in test_i18n_formats)
    assert {"babel", "decimal"}.isdisjoint(loaded)
    # piped, the report's lines are written without rich (test_report_plain compares them)
    assert "rich" not in {name.split(".")[0] for name in loaded}


def test_showing_a_framework_needs_no_babel() -> None:
    """Language names of wimcheck's languages come from a table (test_i18n_formats)."""
    loaded = _run_modules(["wimcheck", "frameworks", "show", "wim"])
    assert "wimcheck.frameworks.outline" in loaded
    assert "babel" not in loaded


def _entry_state(before: str) -> list[str]:
    code = (
        f"import gc, sys\n{before}\nsys.argv = ['wimcheck', '--version']\n"
        "from wimcheck.cli.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.split()[-2:]


def test_the_entry_point_freezes_what_the_command_line_loaded() -> None:
    """The console script pauses the collector while typer and the command line load, then
    freezes what they made and collects again (benchmarks/startup.py measures the gain)."""
    enabled, frozen = _entry_state("")
    assert enabled == "True"
    assert int(frozen) > 10_000  # typer, click and wimcheck's command line
    # a process that turned the collector off keeps it off, and nothing is frozen
    assert _entry_state("gc.disable()") == ["False", "0"]
