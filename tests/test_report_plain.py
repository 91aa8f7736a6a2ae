"""``report FILE`` piped: its lines written without rich, exactly as rich writes them."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from wimcheck.assessment.responses import ResponseFileError, read_response_file
from wimcheck.cli.output import plain_stdout

DATA = Path(__file__).parent / "data"


def _reports() -> list[Path]:
    found = []
    for path in sorted(DATA.rglob("*.toml")):
        try:
            read_response_file(path)
        except (ResponseFileError, OSError, ValueError, Exception):  # not a response file
            continue
        found.append(path)
    return found


REPORTS = _reports()


def test_there_are_reports_to_compare() -> None:
    assert len(REPORTS) >= 30
    assert any("hostile" in str(p) for p in REPORTS)  # control characters, odd names


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: str(p.relative_to(DATA)))
@pytest.mark.parametrize("args", [[], ["--plain"], ["--lang", "de"], ["--lang", "el", "--plain"]])
def test_piped_report_is_what_rich_writes(
    path: Path, args: list[str], cli: Callable[..., object], monkeypatch: pytest.MonkeyPatch
) -> None:
    written = cli("report", str(path), *args)
    monkeypatch.setattr("wimcheck.cli.output.plain_stdout", lambda: False)
    through_rich = cli("report", str(path), *args)
    assert _seen(written) == _seen(through_rich)


def _seen(result: object) -> tuple[object, object, object]:
    return (
        getattr(result, "exit_code", None),
        getattr(result, "stdout", None),
        getattr(result, "stderr", None),
    )


def test_plain_stdout_only_when_rich_would_write_plain_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert plain_stdout()
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "DATABRICKS_RUNTIME_VERSION"):
        monkeypatch.setenv(name, "1")
        assert not plain_stdout(), name
        monkeypatch.delenv(name)
    monkeypatch.setattr("sys.stdout", Terminal())
    assert not plain_stdout()


@pytest.mark.parametrize("args", [[], ["--plain"], ["--lang", "bg"]])
def test_escaped_control_characters_are_written_alike(
    args: list[str], cli: Callable[..., object], monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = DATA / "hostile"
    run = ("report", str(hostile / "control-answers.toml"), "--framework")
    written = cli(*run, str(hostile / "control.toml"), *args)
    assert "Eve\\x1b]0;pwned\\x07" in getattr(written, "stdout", "")
    monkeypatch.setattr("wimcheck.cli.output.plain_stdout", lambda: False)
    assert _seen(written) == _seen(cli(*run, str(hostile / "control.toml"), *args))
