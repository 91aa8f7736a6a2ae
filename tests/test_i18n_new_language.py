"""Adding an eighth language is a file drop plus one line in a list (docs/translating.md).

A dry run with Croatian (``hr``), which wimcheck does not have: each step runs in its own
Python process, where the code ``hr`` is added to ``SUPPORTED_LANGUAGES`` before anything
else reads it, as editing that one line of ``wimcheck/i18n/language.py`` does. The
catalogues live in a temporary folder; the repository's are left alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wimcheck.i18n.catalogues import LOCALE_ROOT, TRANSLATED_BY, catalogue_path
from wimcheck.i18n.checks import COMPLETENESS, template_path
from wimcheck.i18n.language import SUPPORTED_LANGUAGES
from wimcheck.i18n.po import plural_forms, po_text, read_catalogue

NEW = "hr"

# What a Croatian translator writes for a few texts (three plural forms).
CROATIAN = {
    "cli.error.at": "{where}: greška: {message}",
    "cli.hint": "  savjet: {hint}",
    "input.not-found": "datoteka nije pronađena",
    "input.not-found.hint": "provjerite putanju i pravopis",
    "count.files": ("{count} datoteka", "{count} datoteke", "{count} datoteka"),
}


def _run(root: Path, tmp_path: Path, code: str, *, one_line: bool = True) -> str:
    """Run ``code`` in a new Python, with ``hr`` added to the list when ``one_line``."""
    prelude = "import sys\nfrom pathlib import Path\n"
    if one_line:
        prelude += (
            "import wimcheck.i18n.language as language\n"
            f"language.SUPPORTED_LANGUAGES = (*language.SUPPORTED_LANGUAGES, {NEW!r})\n"
        )
    prelude += f"import wimcheck.i18n.catalogues as c\nc.LOCALE_ROOT = Path({str(root)!r})\n"
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in ("WIMCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    environ.update(
        HOME=str(tmp_path),
        WIMCHECK_DATA_DIR=str(tmp_path / "data"),
        WIMCHECK_CACHE_DIR=str(tmp_path / "cache"),
    )
    done = subprocess.run(
        [sys.executable, "-c", prelude + code],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )
    return f"{done.returncode}\n{done.stdout}{done.stderr}"


def _cli(root: Path, tmp_path: Path, *argv: str, one_line: bool = True) -> str:
    code = (
        f"sys.argv = ['wimcheck', *{list(argv)!r}]\nfrom wimcheck.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    sys.stdout.flush()\n"
        "    sys.stderr.write(f'exit {exit.code}\\n')\n"
    )
    return _run(root, tmp_path, code, one_line=one_line)


def _tools_command(command: str, root: Path) -> str:
    """``python -m wimcheck.i18n.tools COMMAND --lang hr`` on the catalogues in ``root``."""
    argv = [command, "--lang", NEW, "--root", str(root)]
    return f"from wimcheck.i18n.tools import main\nsys.exit(main({argv!r}))\n"


def _translate(root: Path) -> None:
    """What the translator does: fill in some entries and name themselves."""
    path = catalogue_path(NEW, root, ".po")
    catalog = read_catalogue(path, NEW)
    for message in list(catalog)[1:]:
        if message.context in CROATIAN:
            message.string = CROATIAN[message.context]
    catalog.provenance[TRANSLATED_BY] = "a test translator"
    path.write_bytes(po_text(catalog))


def test_an_eighth_language_is_a_file_drop_plus_one_line(tmp_path: Path) -> None:
    assert NEW not in SUPPORTED_LANGUAGES
    root = tmp_path / "locale"
    root.mkdir()
    shutil.copyfile(template_path(LOCALE_ROOT), template_path(root))
    missing = tmp_path / "gone.toml"

    # without the line, wimcheck does not know the language
    refused = _cli(root, tmp_path, "--lang", NEW, "frameworks", "list", one_line=False)
    assert refused.endswith("exit 2\n") and f"'{NEW}' is not a language of wimcheck" in refused

    # the catalogue is made from the template, with Babel's plural rule for the language
    made = _run(root, tmp_path, _tools_command("update", root))
    assert made.startswith("0\n"), made
    catalog = read_catalogue(catalogue_path(NEW, root, ".po"), NEW)
    assert catalog.plural_forms == plural_forms(NEW)
    assert catalog.num_plurals == 3

    _translate(root)
    compiled = _run(root, tmp_path, _tools_command("compile", root))
    assert compiled.startswith("0\n"), compiled
    # what is left is only that the catalogue is not finished (checked in a process of
    # its own, as CI runs it: other tests change the order of the English in this one)
    checked = _run(root, tmp_path, _tools_command("check", root))
    codes = {line.split(": ")[1] for line in checked.splitlines() if f"/{NEW}/LC_MESSAGES/" in line}
    assert checked.startswith("1\n") and codes and codes <= COMPLETENESS, checked

    # wimcheck speaks it: messages, plural forms, and English for the texts not translated
    said = _cli(root, tmp_path, "--lang", NEW, "frameworks", "validate", str(missing))
    assert said == (
        f"0\n{missing}: greška: datoteka nije pronađena\n"
        "  savjet: provjerite putanju i pravopis\nexit 2\n"
    )
    counts = _run(
        root,
        tmp_path,
        "from wimcheck.messages import t, tn\n"
        f"print([tn('count.files', n, {NEW!r}) for n in (1, 2, 5, 21)])\n"
        f"print(t('cli.validate.none', {NEW!r}))\n",
    )
    assert counts == (
        "0\n['1 datoteka', '2 datoteke', '5 datoteka', '21 datoteka']\n"
        "no framework files to check\n"
    )


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_every_language_of_the_list_has_its_catalogue(lang: str) -> None:
    assert catalogue_path(lang, None, ".po").is_file()
    if lang != "en":
        assert catalogue_path(lang).is_file()
