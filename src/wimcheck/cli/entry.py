"""The ``wimcheck`` console script and ``python -m wimcheck``: the command line, loaded fast.

Loading typer and the command line creates over 20,000 objects that the garbage collector
tracks and that live as long as the process. While they load, Python's cyclic collector
would go through them again and again: about a tenth of the instructions of a short
command (``frameworks show``, ``report``; benchmarks/startup.py). So the collector is
paused while the command line loads; then what was loaded is frozen (``gc.freeze``:
moved where collections do not look) and the collector resumes, for long commands
(``score``, ``serve``) as for short ones.
"""

from __future__ import annotations

import gc

__all__ = ["main"]


def main() -> None:
    """Load the command line with the collector paused, then run it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from wimcheck.cli.app import main as run_command_line  # typer and every module it needs
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    run_command_line()
