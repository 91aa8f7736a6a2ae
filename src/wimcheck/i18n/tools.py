"""The translators' and developers' commands: ``python -m wimcheck.i18n.tools COMMAND``.

``extract``  write the template ``locale/wimcheck.pot`` from :mod:`wimcheck.messages`
``update``   extract, then bring every language's PO file up to date with the template
             (a new language gets its file), then compile
``compile``  compile every PO file into the ``.mo`` file wimcheck reads
``check``    list every problem of the catalogues (exit status 1 when there is one)

``--lang`` limits ``update``, ``compile`` and ``check`` to some languages. When an English
text changes, ``update`` keeps its translation but marks it fuzzy (with the English it was
made from), so a translator looks at it again; texts whose key is gone are dropped.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Message

from wimcheck.i18n.catalogues import LOCALE_ROOT, catalogue_path
from wimcheck.i18n.checks import check_all, template_path
from wimcheck.i18n.language import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES
from wimcheck.i18n.po import (
    WimcheckCatalog,
    compiled,
    new_catalogue,
    po_text,
    read_catalogue,
    write_if_changed,
)
from wimcheck.i18n.template import SourceMessage, source_messages
from wimcheck.messages import t, tn

__all__ = ["compile_catalogues", "extract", "main", "update"]


def _now() -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` (for files that are the same on every run)."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH")
    if fixed and fixed.isdigit():
        return datetime.fromtimestamp(int(fixed), UTC)
    return datetime.now(UTC).replace(second=0, microsecond=0)


def _say(path: Path, written: bool) -> None:
    if written:
        sys.stderr.write(t("i18n.wrote", path=path) + "\n")


def template_catalogue(root: Path | None = None) -> WimcheckCatalog:
    """The template from :mod:`wimcheck.messages`.

    Its date stays the one of the first template, so that two branches that each add
    texts change only the entries of their texts (fewer conflicts when they are merged).
    """
    path = template_path(root)
    created = read_catalogue(path, None).creation_date if path.is_file() else _now()
    catalog = new_catalogue(None, creation_date=created)
    for source in source_messages():
        catalog.add(source.msgid, context=source.context, auto_comments=source.notes)
    return catalog


def extract(root: Path | None = None) -> WimcheckCatalog:
    """Write the template (only when its texts changed); return it."""
    catalog = template_catalogue(root)
    path = template_path(root)
    _say(path, write_if_changed(path, po_text(catalog)))
    return catalog


def _blank(source: SourceMessage, plurals: int) -> str | tuple[str, ...]:
    return "" if source.english_plural is None else ("",) * plurals


def _carried(source: SourceMessage, prior: Message | None, plurals: int) -> Message:
    """The entry of ``source`` in a language, with what ``prior`` (the old entry) holds."""
    msgid, notes = source.msgid, source.notes
    string = _blank(source, plurals)
    if prior is None or isinstance(prior.id, str) != isinstance(msgid, str):
        return Message(msgid, string, auto_comments=notes, context=source.context)
    kept = prior.string
    if isinstance(kept, list | tuple):
        kept = tuple(kept[:plurals]) + ("",) * (plurals - len(kept))
    changed = prior.id != msgid and any(kept if isinstance(kept, tuple) else (kept,))
    flags = {"fuzzy"} if prior.fuzzy or changed else set()
    previous = prior.id if changed else prior.previous_id
    return Message(
        msgid,
        kept,
        flags=flags,
        auto_comments=notes,
        user_comments=prior.user_comments,
        previous_id=previous,
        context=source.context,
    )


def updated_catalogue(
    lang: str, template: WimcheckCatalog, root: Path | None = None
) -> WimcheckCatalog:
    """The catalogue of ``lang`` brought up to date with ``template``."""
    path = catalogue_path(lang, root, ".po")
    old = read_catalogue(path, lang) if path.is_file() else None
    new = new_catalogue(lang, creation_date=template.creation_date)
    if old is not None:
        new.provenance = dict(old.provenance)
        new.header_comment = old.header_comment
        for name in ("last_translator", "language_team", "revision_date"):
            setattr(new, name, getattr(old, name))
    prior = {m.context: m for m in list(old or [])[1:]}
    for source in source_messages():
        if lang == SOURCE_LANGUAGE:
            entry = Message(
                source.msgid, source.msgid, auto_comments=source.notes, context=source.context
            )
        else:
            entry = _carried(source, prior.get(source.context), new.num_plurals)
        new[entry.id] = entry
    return new


def update(languages: Sequence[str], root: Path | None = None) -> None:
    """Extract the template, bring the languages' PO files up to date, compile them."""
    template = extract(root)
    for lang in languages:
        path = catalogue_path(lang, root, ".po")
        _say(path, write_if_changed(path, po_text(updated_catalogue(lang, template, root))))
    compile_catalogues(languages, root)


def compile_catalogues(languages: Sequence[str], root: Path | None = None) -> None:
    """Compile the PO file of each language (but English, the source) into its ``.mo``."""
    for lang in languages:
        source = catalogue_path(lang, root, ".po")
        if lang == SOURCE_LANGUAGE or not source.is_file():
            continue
        path = catalogue_path(lang, root)
        _say(path, write_if_changed(path, compiled(read_catalogue(source, lang))))


def check(languages: Sequence[str], root: Path | None = None) -> int:
    """Print every problem of the catalogues; 1 when there is one, else 0."""
    problems = check_all(languages, root)
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
        if problem.hint:
            sys.stdout.write(t("cli.hint", hint=problem.hint) + "\n")
    for lang in languages:
        count = sum(1 for p in problems if p.path.is_relative_to((root or LOCALE_ROOT) / lang))
        line = tn("i18n.found", count, lang=lang) if count else t("i18n.ok", lang=lang)
        sys.stderr.write(line + "\n")
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one of the commands; the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m wimcheck.i18n.tools", description=t("i18n.tools.description")
    )
    parser.add_argument("command", choices=("extract", "update", "compile", "check"))
    parser.add_argument(
        "--lang", action="append", choices=SUPPORTED_LANGUAGES, help=t("i18n.tools.lang")
    )
    parser.add_argument("--root", type=Path, default=LOCALE_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    languages = args.lang or list(SUPPORTED_LANGUAGES)
    if args.command == "extract":
        extract(args.root)
    elif args.command == "update":
        update(languages, args.root)
    elif args.command == "compile":
        compile_catalogues(languages, args.root)
    else:
        return check(languages, args.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
