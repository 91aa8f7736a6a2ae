"""The pre-built cache entries of the bundled frameworks, shipped with wimcheck.

After changing a bundled framework or one of its translation files, run::

    python -m wimcheck.frameworks.prebuilt

It validates every bundled framework and writes its entry to ``frameworks/prebuilt/``
(removing entries of frameworks that are gone), printing each file written. An entry
left stale is never used (:func:`wimcheck.frameworks.cache.load_prebuilt` checks it), it
only costs speed; ``tests/test_framework_cache.py`` fails until the entries are current.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wimcheck.errors import FrameworkInvalidError
from wimcheck.frameworks.cache import PREBUILT_DIR, encode_entry, prebuilt_entry, write_entry
from wimcheck.frameworks.translation_files import source_digest
from wimcheck.messages import tn
from wimcheck.paths import bundled_frameworks_dir

__all__ = ["write_prebuilt"]


def write_prebuilt(folder: Path | None = None) -> list[Path]:
    """Validate every framework of ``folder`` (the bundled one) and write its entry.

    Raises:
        FrameworkInvalidError: a framework breaks the format's rules.
    """
    from wimcheck.frameworks.validation import check_framework_file  # noqa: PLC0415

    folder = folder or bundled_frameworks_dir()
    frameworks = sorted(folder.glob("*.toml"))
    written = []
    for path in frameworks:
        source = source_digest(path)
        report = check_framework_file(path)
        if report.framework is None:
            raise FrameworkInvalidError(
                tn("error.framework-invalid", len(report.issues), first=report.issues[0].message),
                issues=list(report.issues),
                path=path,
            )
        entry = prebuilt_entry(path)
        data = encode_entry(source, report.framework)
        if not entry.is_file() or entry.read_bytes() != data:
            write_entry(entry, data)
            entry.chmod(0o644)  # shipped in the wheel: readable by everyone
            written.append(entry)
    names = {prebuilt_entry(path).name for path in frameworks}
    for old in (folder / PREBUILT_DIR).glob("*.json"):
        if old.name not in names:
            old.unlink()
            written.append(old)
    return written


if __name__ == "__main__":
    for changed in write_prebuilt():
        sys.stdout.write(f"{changed}\n")
