"""``wimcheck serve``'s options: mistakes are one line and exit code 2, before listening."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any


def test_an_unknown_role_is_named_with_the_known_ones(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    done = cli("serve", "wim", "--role", "boss", "--port", "0", "--workshop", str(tmp_path / "w"))
    assert done.exit_code == 2
    assert done.stderr == (
        "error: framework 'wim' has no role 'boss'\n"
        "  hint: roles: wim, owner-manager, team-leader, innovation-champion\n"
    )


def test_a_port_in_use_is_a_usage_error_with_a_hint(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = cli(
            "serve",
            "wim",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workshop",
            str(tmp_path / "w"),
        )
    assert done.exit_code == 2
    assert done.stderr.startswith(f"error: cannot listen on 127.0.0.1 port {port}: ")
    assert "--port 0 for a free one" in done.stderr


def test_a_folder_of_another_frameworks_workshop_is_refused(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    from wimcheck.web.workshop_files import STATE_FOLDER, load_or_create_keys

    state = tmp_path / "w" / STATE_FOLDER
    state.mkdir(parents=True)
    load_or_create_keys(state, "bwise")
    done = cli(
        "serve", "wim", "--host", "127.0.0.1", "--port", "0", "--workshop", str(tmp_path / "w")
    )
    assert done.exit_code == 2
    assert "belongs to a workshop with framework 'bwise'" in done.stderr


def test_a_file_is_not_a_workshop_folder(cli: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    done = cli("serve", "wim", "--port", "0", "--workshop", str(tmp_path / "f"))
    assert done.exit_code == 2
    assert "the workshop folder cannot be used" in done.stderr


def test_serve_help_is_translated(cli: Callable[..., Any]) -> None:
    done = cli("--lang", "de", "serve", "--help")
    assert done.exit_code == 0
    assert "Einen Workshop durchführen" in done.stdout


def test_the_addresses_announced() -> None:
    from wimcheck.web.server import addresses, qr_text

    every = addresses("0.0.0.0")
    assert every[-1] == "127.0.0.1" and len(set(every)) == len(every)
    assert all(a.count(".") == 3 for a in every)
    assert addresses("127.0.0.1") == ("127.0.0.1",)
    assert addresses("::1") == ("[::1]",)
    code = qr_text("http://192.0.2.7:8000/?code=ABC234")
    lines = code.splitlines()
    assert len(lines) > 10 and len({len(line) for line in lines}) == 1  # a square of blocks
    assert set(code) <= {"█", "▀", "▄", " ", "\n"}
