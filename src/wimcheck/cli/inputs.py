"""Checking the input paths a command was given, before it reads any of them.

A path that does not exist is a usage mistake (exit code 2) for every command, as the
README documents: a typo in a file name should not look like rejected content.
"""

from __future__ import annotations

from pathlib import Path


def require_existing(paths: list[Path]) -> None:
    """Refuse the command when any of ``paths`` does not exist; every missing one is named.

    Raises:
        InputFileError: the first missing path, the others in the hint.
    """
    from wimcheck.errors import InputFileError
    from wimcheck.messages import t

    missing = [path for path in paths if not path.exists()]
    if not missing:
        return
    hint = t("input.not-found.hint")
    if len(missing) > 1:
        hint = t("input.also-missing", hint=hint, paths=", ".join(map(str, missing[1:])))
    raise InputFileError(t("input.not-found"), path=missing[0], hint=hint)


def require_file(path: Path) -> None:
    """Refuse the command when ``path`` is missing or a folder.

    Raises:
        InputFileError: it is missing or a folder.
    """
    from wimcheck.errors import InputFileError
    from wimcheck.messages import t

    require_existing([path])
    if path.is_dir():
        raise InputFileError(t("input.folder"), path=path, hint=t("input.folder.hint"))
