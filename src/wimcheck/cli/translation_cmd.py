"""``wimcheck frameworks translation`` and ``translation-import``: the translator's round trip."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wimcheck.cli.output import ForceOption, FrameworkArgument, OutputOption

if TYPE_CHECKING:
    from wimcheck.frameworks.model import Framework


class SheetFormat(StrEnum):
    """Formats of a translator's sheet."""

    xlsx = "xlsx"
    po = "po"


TargetLangOption = Annotated[
    str, typer.Option("--lang", metavar="LANG", help="help.translation.lang")
]


def _target_language(lang: str) -> str:
    """``lang`` if it can name a translation file (``de``, ``pt_BR``; not English)."""
    from wimcheck.errors import UsageError
    from wimcheck.frameworks.translation_files import LANGUAGE_CODE
    from wimcheck.messages import t

    if lang == "en" or not LANGUAGE_CODE.fullmatch(lang):
        raise UsageError(
            t("translation.bad-language", lang=lang), hint=t("translation.bad-language.hint")
        )
    return lang


def _translation_file(framework: Framework, lang: str) -> Path | None:
    """The translation file of ``lang`` beside the framework's file (it may not exist yet)."""
    if framework.path is None:
        return None
    return framework.path.with_name(f"{framework.path.stem}.{lang}.po")


def export_sheet(
    framework: FrameworkArgument,
    lang: TargetLangOption,
    fmt: Annotated[SheetFormat, typer.Option("--format", help="help.translation.format")] = (
        SheetFormat.xlsx
    ),
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Write the translator's sheet of a framework for one language (XLSX or PO)."""
    from wimcheck.cli.output import output_file, write_binary_output, write_output
    from wimcheck.frameworks.catalog import load_framework
    from wimcheck.sheets.translation_sheet import translation_po, translation_xlsx
    from wimcheck.tomlio import refuse_overwrite

    lang = _target_language(lang)
    loaded = load_framework(framework)
    target = output_file(output)  # -o -: standard output
    if target is not None:
        refuse_overwrite(target, force)
    if fmt is SheetFormat.po:
        text = translation_po(loaded, lang, _translation_file(loaded, lang))
        write_output(text.decode("utf-8"), output, force)
        return
    write_binary_output(translation_xlsx(loaded, lang), output, force)


def _import_target(framework: Framework, lang: str, output: Path | None, name: str) -> Path:
    """Where the imported translation file goes: ``-o``, else beside a user's framework."""
    from wimcheck.errors import UsageError
    from wimcheck.messages import t
    from wimcheck.paths import bundled_frameworks_dir, user_frameworks_dir

    if output is not None:
        return output
    beside = _translation_file(framework, lang)
    bundled = bundled_frameworks_dir().resolve()
    if beside is None or beside.parent.resolve() == bundled:
        raise UsageError(
            t("translation.bundled", id=name),
            hint=t(
                "translation.bundled.hint",
                name=f"{framework.id}.{lang}.po",
                folder=user_frameworks_dir(),
            ),
        )
    return beside


def import_sheet(
    framework: FrameworkArgument,
    sheet: Annotated[Path, typer.Argument(help="help.translation.sheet")],
    lang: TargetLangOption,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Read a filled translator's sheet (XLSX or PO) into the framework's translation file."""
    from wimcheck.cli.output import echo, is_standard_output, message, terminal_safe, wrote
    from wimcheck.errors import RejectedInputError
    from wimcheck.frameworks.catalog import load_framework
    from wimcheck.messages import t
    from wimcheck.sheets.translation_sheet import import_translation, translation_file_bytes
    from wimcheck.tomlio import atomic_write_bytes, refuse_overwrite

    lang = _target_language(lang)
    loaded = load_framework(framework)
    target = _import_target(loaded, lang, output, framework)
    if not is_standard_output(target):
        refuse_overwrite(target, force)
    found = import_translation(sheet, loaded, lang)
    for refusal in found.refused:
        echo(terminal_safe(f"{sheet}: {refusal}"))
    if found.refused:
        raise RejectedInputError(
            t("translation.rejected", count=len(found.refused)),
            hint=t("translation.rejected.hint"),
            path=sheet,
        )
    current = _translation_file(loaded, lang)
    data = translation_file_bytes(loaded, lang, found.translations, current)
    to_stdout = is_standard_output(target)
    if to_stdout:  # -o -: the translation file on standard output
        sys.stdout.write(data.decode("utf-8"))
    else:
        atomic_write_bytes(target, data, replace=force)
    message(t("translation.imported", translated=len(found.translations), skipped=found.skipped))
    if not to_stdout:
        wrote(target)
