"""wimcheck: offline competence self-assessment for workplace innovation.

The core library (framework loading and validation, scoring, training plans, response
files) is usable from Python without the command line::

    from wimcheck import load_framework
    framework = load_framework("wim")

Public names are imported lazily so that ``import wimcheck`` stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Framework",
    "WimcheckError",
    "__version__",
    "check_framework_file",
    "load_framework",
]

_LAZY = {
    "Framework": ("wimcheck.frameworks.model", "Framework"),
    "WimcheckError": ("wimcheck.errors", "WimcheckError"),
    "check_framework_file": ("wimcheck.frameworks.validation", "check_framework_file"),
    "load_framework": ("wimcheck.frameworks.catalog", "load_framework"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        return getattr(importlib.import_module(module_name), attr)
    raise AttributeError(f"module 'wimcheck' has no attribute {name!r}")
