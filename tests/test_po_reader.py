"""The standard-library PO reader: what Babel reads, it reads the same (without importing Babel)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wimcheck.i18n.po import read_catalogue
from wimcheck.i18n.po_reader import PoSyntaxError, parse_po
from wimcheck.i18n.text_files import TextEntry, TextFile, read_text_file, text_file_bytes

ROOT = Path(__file__).parent.parent
PO_FILES = sorted((ROOT / "frameworks").glob("*.po")) + sorted(
    (ROOT / "src" / "wimcheck" / "locale").glob("*/LC_MESSAGES/wimcheck.po")
)


def _language(path: Path) -> str:
    return path.name.split(".")[-2] if path.parent.name == "frameworks" else path.parent.parent.name


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_po_file_of_the_project_reads_as_babel_reads_it(path: Path) -> None:
    lang = _language(path)
    ours = [
        (e.context, e.source, e.translation, e.line, e.flags)
        for e in read_text_file(path, lang).entries
    ]
    babel = [
        (
            m.context or "",
            m.id if isinstance(m.id, str) else m.id[0],
            (m.string if isinstance(m.string, str) else m.string[0]) or "",
            m.lineno,
            frozenset(m.flags) & {"easy-read", "official", "fuzzy"},
        )
        for m in list(read_catalogue(path, lang))[1:]
    ]
    assert ours == babel


TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=80
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.from_regex(r"[a-z]+\.[A-Za-z0-9.-]{1,20}\.[a-z_]+", fullmatch=True),
            TEXT.filter(bool),
            TEXT,
            st.booleans(),
        ),
        max_size=8,
        unique_by=lambda entry: entry[0],
    ),
    TEXT.filter(lambda s: "\n" not in s),
)
def test_what_wimcheck_writes_it_reads_back(
    entries: list[tuple[str, str, str, bool]], translator: str
) -> None:
    written = [
        TextEntry(c, s, tr, frozenset({"easy-read"} if easy else set()))
        for c, s, tr, easy in entries
    ]
    data = text_file_bytes("de", written, TextFile("de", (), translator.strip()), "# test\n#")
    header, messages = parse_po(data.decode("utf-8"))
    assert header["x-wimcheck-translated-by"] == translator.strip()
    assert [(m.context, m.msgid, m.msgstr, "easy-read" in m.flags) for m in messages] == entries


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('msgid "a"\nmsgstr "b\n', 2),
        ('msgid "a"\nnonsense\n', 2),
        ('"orphan"\n', 1),
        ('msgid "a "quoted" b"\nmsgstr ""\n', 1),
    ],
)
def test_a_line_that_is_not_po_is_named(text: str, line: int) -> None:
    with pytest.raises(PoSyntaxError) as caught:
        parse_po(text)
    assert caught.value.line == line


def test_obsolete_entries_and_other_plural_forms_are_left_out() -> None:
    text = (
        'msgctxt "a"\nmsgid "one"\nmsgid_plural "many"\nmsgstr[0] "eins"\nmsgstr[1] "viele"\n\n'
        '#~ msgctxt "old"\n#~ msgid "gone"\n#~ msgstr "weg"\n'
    )
    _, messages = parse_po(text)
    assert [(m.context, m.msgid, m.msgstr, m.line) for m in messages] == [("a", "one", "eins", 2)]


def test_loading_a_framework_with_translations_does_not_import_babel(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom wimcheck.frameworks.catalog import load_framework\n"
        "assert load_framework('wim').title.get('de')\n"
        "print('babel' in {m.split('.')[0] for m in sys.modules})"
    )
    env = {"WIMCHECK_CACHE_DIR": str(tmp_path / "cache"), "WIMCHECK_DATA_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
    )
    assert out.stdout == "False\n"


BABEL_PLACEHOLDERS = ("EMAIL@ADDRESS", "FULL NAME", "YEAR-MO-DA", "LL@li.org")


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_shipped_files_carry_no_placeholder_in_their_header(path: Path) -> None:
    """Who translated, the language's team and the file's date are filled in; no address."""
    header, _ = parse_po(path.read_text(encoding="utf-8"))
    assert not [v for v in header.values() if any(p in v for p in BABEL_PLACEHOLDERS)]
    assert header["last-translator"] == header["x-wimcheck-translated-by"]
    assert header["po-revision-date"][:4] == "2026" and header["report-msgid-bugs-to"] == ""


def test_a_written_translation_file_is_dated_and_names_its_translator() -> None:
    entry = TextEntry("framework.title", "Title", "Titel", frozenset())
    data = text_file_bytes("de", [entry], TextFile("de", (), "Ana (Graz)"), "# test\n#")
    header, _ = parse_po(data.decode("utf-8"))
    assert (header["last-translator"], header["language-team"]) == ("Ana (Graz)", "German")
    assert header["po-revision-date"] == header["pot-creation-date"]
    assert not any(p in data.decode("utf-8") for p in BABEL_PLACEHOLDERS)
