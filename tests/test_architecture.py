"""The direction of imports, read from the source (every import, also inside functions).

Layers from the bottom: the base modules (``errors``, ``limits``, ``markdown_text``, ``messages``,
``numbers``, ``paths``, ``plaintext``, ``toml_errors``, ``tomlio``, ``tomlpos``, the package
``i18n`` and the package's ``__init__``), then ``frameworks``, ``assessment``, ``sheets``, ``batch``,
``reports``, ``web`` (the workshop server) and ``cli`` (with ``__main__``). A module
may import its own layer and the layers below it, never one above. The core (everything
outside ``cli`` and ``web``) imports neither typer nor rich (nor click, which typer is built
on); of the core, only ``reports`` imports jinja2 and markupsafe, and only ``i18n`` imports
babel. Only ``web`` imports the web stack (starlette, uvicorn, multipart, segno), and of
``cli`` only ``serve_cmd`` imports ``web``, so that no other command loads it.

From the package itself (``from wimcheck import ...``) a module may import only
``__version__``: the other names there are the lazily imported public API, which would
hide the module they come from.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src"

LAYERS = ("base", "frameworks", "assessment", "sheets", "batch", "reports", "web", "cli")
BASE_MODULES = {
    "errors",
    "limits",
    "markdown_text",
    "messages",
    "numbers",
    "paths",
    "plaintext",
    "records",
    "toml_errors",
    "tomlio",
    "tomlpos",
}
BASE_PACKAGES = {"i18n"}  # every module of these packages is a base module
TERMINAL_PACKAGES = {"typer", "rich", "click"}  # for cli only
TEMPLATE_PACKAGES = {"jinja2", "markupsafe"}  # of the core, for reports only
LOCALE_PACKAGES = {"babel"}  # for wimcheck.i18n only
WEB_PACKAGES = {"starlette", "uvicorn", "multipart", "python_multipart", "segno"}  # web only
WEB_IMPORTER = "wimcheck.cli.serve_cmd"  # the one module outside web that may import it
VERSION = "wimcheck.__version__"  # the one name a module may import from the package

# Known violations as (module, imported), in modules other branches are changing now.
# Remove an entry when its import is gone: an entry that no longer happens fails
# test_known_violations_still_happen, so the list cannot go stale.
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Import:
    """What one import statement of ``module`` imports, and on which line."""

    module: str
    imported: str
    line: int

    def __str__(self) -> str:
        return f"{self.module} -> {self.imported} (line {self.line})"


def layer_of(module: str) -> str | None:
    """The layer of one of wimcheck's modules (None: it belongs to no layer)."""
    parts = module.split(".")
    if parts[0] != "wimcheck":
        return None
    if len(parts) == 1 or (len(parts) == 2 and parts[1] in BASE_MODULES):
        return "base"
    if parts[1] in BASE_PACKAGES:
        return "base"
    if parts[1] == "__main__":
        return "cli" if len(parts) == 2 else None
    return parts[1] if parts[1] in LAYERS[1:] else None


def source_files() -> dict[str, tuple[Path, bool]]:
    """Every module under ``src/wimcheck``: its dotted name, file, and whether a package."""
    modules = {}
    for path in sorted((SRC / "wimcheck").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        modules[".".join(parts)] = (path, is_package)
    return modules


MODULES = source_files()


def imports_in(module: str, source: str, is_package: bool = False) -> Iterator[Import]:
    """Every import in ``source`` at any depth (functions, ``TYPE_CHECKING``), in line order.

    ``from a.b import c`` imports the module ``a.b.c`` when there is one, else ``a.b``;
    ``from wimcheck import name`` of a name that is no module imports ``wimcheck.name``.
    """
    package = module if is_package else module.rpartition(".")[0]
    nodes = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Import | ast.ImportFrom)]
    for node in sorted(nodes, key=lambda n: (n.lineno, n.col_offset)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: package.count(".") + 2 - node.level]
                base = ".".join([*anchor, base] if base else anchor)
            targets = {}  # one per imported module, in the order named
            for alias in node.names:
                full = f"{base}.{alias.name}"
                targets[full if full in MODULES or base == "wimcheck" else base] = None
            for imported in targets:
                yield Import(module, imported, node.lineno)


def is_violation(item: Import) -> bool:
    """Whether an import breaks a rule of this file's docstring."""
    layer = layer_of(item.module)
    assert layer is not None, f"{item.module} belongs to no layer"
    top = item.imported.partition(".")[0]
    if top != "wimcheck":
        if top in TERMINAL_PACKAGES:
            return layer != "cli"
        if top in LOCALE_PACKAGES:
            return not item.module.startswith("wimcheck.i18n.")
        if top in WEB_PACKAGES:
            return layer != "web"
        return top in TEMPLATE_PACKAGES and layer not in ("reports", "web", "cli")
    if item.imported == VERSION:
        return False  # the package's __init__ is a base module: every layer may import it
    target = layer_of(item.imported)
    if item.imported not in MODULES or target is None:
        return True  # a name of the public API, or no module of any layer
    if target == "web" and layer != "web":
        return item.module != WEB_IMPORTER
    return LAYERS.index(target) > LAYERS.index(layer)


def violations(module: str, source: str, is_package: bool = False) -> list[str]:
    """The offending imports of one module, as ``module -> imported (line N)``."""
    return [str(i) for i in imports_in(module, source, is_package) if is_violation(i)]


def all_violations() -> list[Import]:
    found = []
    for module, (path, is_package) in MODULES.items():
        source = path.read_text(encoding="utf-8")
        found.extend(i for i in imports_in(module, source, is_package) if is_violation(i))
    return found


# --- the rules, on the real source --------------------------------------------------------


def test_every_module_belongs_to_a_layer() -> None:
    assert len(MODULES) > 40
    assert [m for m in MODULES if layer_of(m) is None] == []


def test_imports_point_down() -> None:
    found = [i for i in all_violations() if (i.module, i.imported) not in KNOWN_VIOLATIONS]
    assert not found, "imports against the layers:\n" + "\n".join(map(str, found))


def test_known_violations_still_happen() -> None:
    happening = {(i.module, i.imported) for i in all_violations()}
    gone = sorted(KNOWN_VIOLATIONS - happening)
    assert not gone, f"no longer happen, remove from KNOWN_VIOLATIONS: {gone}"


# --- the checker, on made-up sources ------------------------------------------------------


def test_an_import_from_a_layer_above_is_reported_with_its_line() -> None:
    source = (
        "from __future__ import annotations\n"
        "import json\n"
        "from wimcheck.frameworks.model import Framework\n"
        "def load():\n"
        "    from wimcheck.reports.charts import radar_svg\n"
        "    import wimcheck.cli.app\n"
    )
    assert violations("wimcheck.assessment.scoring", source) == [
        "wimcheck.assessment.scoring -> wimcheck.reports.charts (line 5)",
        "wimcheck.assessment.scoring -> wimcheck.cli.app (line 6)",
    ]
    assert violations("wimcheck.cli.made_up", source) == []


def test_type_checking_and_relative_imports_count() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from ..batch.cohort import CohortProfile\n"
        "from . import planning, scoring\n"
        "from ..batch import cohort, inputs\n"
        "from .. import errors\n"
    )
    assert violations("wimcheck.assessment.made_up", source) == [
        "wimcheck.assessment.made_up -> wimcheck.batch.cohort (line 3)",
        "wimcheck.assessment.made_up -> wimcheck.batch.cohort (line 5)",
        "wimcheck.assessment.made_up -> wimcheck.batch.inputs (line 5)",
    ]
    one_line = "from wimcheck.batch.cohort import CohortProfile, cohort_profile\n"
    assert violations("wimcheck.sheets.made_up", one_line) == [
        "wimcheck.sheets.made_up -> wimcheck.batch.cohort (line 1)"
    ]
    # from a package's __init__, one dot is the package itself
    assert violations("wimcheck.frameworks", "from .catalog import discover\n", True) == []
    assert violations("wimcheck.frameworks", "from ..sheets import blank\n", True) == [
        "wimcheck.frameworks -> wimcheck.sheets.blank (line 1)"
    ]


def test_base_modules_import_only_base_modules_and_the_version() -> None:
    assert violations("wimcheck.paths", "from wimcheck import __version__\n") == []
    assert violations("wimcheck.paths", "from wimcheck import errors, messages\n") == []
    assert violations("wimcheck.paths", "from wimcheck import load_framework\n") == [
        "wimcheck.paths -> wimcheck.load_framework (line 1)"
    ]
    assert violations("wimcheck.errors", "\n\nimport wimcheck.frameworks.catalog\n") == [
        "wimcheck.errors -> wimcheck.frameworks.catalog (line 3)"
    ]
    assert violations("wimcheck", "from wimcheck.cli.app import main\n", True) == [
        "wimcheck -> wimcheck.cli.app (line 1)"
    ]
    assert violations("wimcheck.tomlio", "from wimcheck.nowhere import x\n") == [
        "wimcheck.tomlio -> wimcheck.nowhere (line 1)"
    ]


@pytest.mark.parametrize(
    ("module", "allowed"),
    [
        ("wimcheck.cli.made_up", {"typer", "rich.text", "click", "jinja2", "markupsafe"}),
        ("wimcheck.__main__", {"typer", "rich.text", "click", "jinja2", "markupsafe"}),
        ("wimcheck.reports.made_up", {"jinja2", "markupsafe"}),
        ("wimcheck.batch.made_up", set()),
        ("wimcheck.messages", set()),
    ],
)
def test_terminal_and_template_packages(module: str, allowed: set[str]) -> None:
    names = ["typer", "rich.text", "click", "jinja2", "markupsafe"]
    source = "".join(f"import {name}\n" for name in names)
    assert violations(module, source) == [
        f"{module} -> {name} (line {line})"
        for line, name in enumerate(names, start=1)
        if name not in allowed
    ]
    assert violations(module, "from rich.console import Console as C\nimport openpyxl\n") == (
        [] if "rich.text" in allowed else [f"{module} -> rich.console (line 1)"]
    )


def test_only_the_i18n_package_imports_babel() -> None:
    source = "def f():\n    from babel.numbers import format_decimal\n"
    assert violations("wimcheck.i18n.formats", source) == []
    assert violations("wimcheck.reports.made_up", source) == [
        "wimcheck.reports.made_up -> babel.numbers (line 2)"
    ]
    assert violations("wimcheck.i18n.made_up", "from wimcheck.messages import t\n") == []
    assert violations("wimcheck.i18n.made_up", "from wimcheck.frameworks import model\n") == [
        "wimcheck.i18n.made_up -> wimcheck.frameworks.model (line 1)"
    ]


def test_the_python_example_in_the_architecture_page_runs() -> None:
    """docs/architecture.md shows the core used from Python; the example must keep working."""
    import re
    import subprocess
    import sys

    root = Path(__file__).parent.parent
    page = (root / "docs" / "architecture.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.+?)```", page, re.DOTALL)
    assert example is not None
    done = subprocess.run(
        [sys.executable, "-c", example.group(1)], cwd=root, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    readiness, _, gaps = done.stdout.strip().partition(" ")
    assert float(readiness) > 0 and gaps.startswith("['WIM.")


def test_only_web_imports_the_web_stack_and_only_serve_cmd_imports_web() -> None:
    stack = "import starlette.routing\nimport uvicorn\nimport segno\nfrom multipart import parse\n"
    assert violations("wimcheck.web.made_up", stack) == []
    assert violations("wimcheck.cli.made_up", stack) == [
        "wimcheck.cli.made_up -> starlette.routing (line 1)",
        "wimcheck.cli.made_up -> uvicorn (line 2)",
        "wimcheck.cli.made_up -> segno (line 3)",
        "wimcheck.cli.made_up -> multipart (line 4)",
    ]
    assert violations("wimcheck.reports.made_up", "import uvicorn\n") == [
        "wimcheck.reports.made_up -> uvicorn (line 1)"
    ]
    web = "def run():\n    from wimcheck.web.server import run\n"
    assert violations("wimcheck.cli.serve_cmd", web) == []
    assert violations("wimcheck.cli.assess_cmd", web) == [
        "wimcheck.cli.assess_cmd -> wimcheck.web.server (line 2)"
    ]
    assert violations("wimcheck.reports.person", web) == [
        "wimcheck.reports.person -> wimcheck.web.server (line 2)"
    ]
    # web is a front end: it imports the core and jinja2, never the terminal or cli
    assert (
        violations("wimcheck.web.made_up", "import jinja2\nfrom wimcheck.reports import group\n")
        == []
    )
    assert violations("wimcheck.web.made_up", "import rich\nfrom wimcheck.cli import app\n") == [
        "wimcheck.web.made_up -> rich (line 1)",
        "wimcheck.web.made_up -> wimcheck.cli.app (line 2)",
    ]
