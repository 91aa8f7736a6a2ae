"""Run the README's first command as written, against the system Python, in a terminal.

The command must install wimcheck where the system Python refuses `pip install` outside a
virtual environment (PEP 668, as on a current Debian or Ubuntu) and start the
questionnaire. This script takes the command from the README's quick start, runs it in a
pseudo-terminal with pipx's folders in a temporary directory, waits for the first menu,
presses Ctrl-C and expects wimcheck's exit code for an interruption (130).
"""

from __future__ import annotations

import os
import re
import signal
import sys
import sysconfig
import tempfile
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parent.parent


def first_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1]
    match = re.search(r"```sh\n(.+?)\n```", quick_start, re.DOTALL)
    if match is None:
        sys.exit("quickstart: no sh block in the README's quick start")
    return match.group(1).strip()


def system_python_is_externally_managed() -> bool:
    """True where Debian's Python refuses pip installs outside a venv (PEP 668)."""
    system_stdlib = Path("/usr/lib") / f"python3.{sys.version_info.minor}"
    candidates = [system_stdlib, *Path("/usr/lib").glob("python3.*")]
    return any((folder / "EXTERNALLY-MANAGED").exists() for folder in candidates) or bool(
        sysconfig.get_config_var("EXTERNALLY_MANAGED")
    )


def main() -> int:
    command = first_command()
    print(f"quickstart: {command}")
    if not system_python_is_externally_managed():
        print("quickstart: this system Python is not externally managed; running anyway")
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "HOME": home,
            "PIPX_HOME": str(Path(home) / "pipx"),
            "PIPX_BIN_DIR": str(Path(home) / "bin"),
            "WIMCHECK_DATA_DIR": str(Path(home) / "data"),
            "TERM": "xterm",
            # the system's pipx, not the CI venv's tools
            "PATH": "/usr/bin:/bin",
        }
        env.pop("VIRTUAL_ENV", None)
        child = pexpect.spawn(
            "/bin/sh", ["-c", command], cwd=str(ROOT), env=env, encoding="utf-8", timeout=600
        )
        child.logfile_read = sys.stdout
        child.expect(r"Choose 1 to \d+")
        child.sendintr()
        child.expect(pexpect.EOF, timeout=30)
        child.close()
    # pipx may pass the interruption on as its own death by SIGINT, which a shell
    # reports as 130 as well.
    status = child.exitstatus if child.exitstatus is not None else 128 + (child.signalstatus or 0)
    print(f"\nquickstart: exit status {status}")
    return 0 if status == 128 + signal.SIGINT else 1


if __name__ == "__main__":
    sys.exit(main())
