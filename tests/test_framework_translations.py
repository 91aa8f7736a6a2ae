"""Issue 17's checks over every bundled translation file (frameworks/<id>.<lang>.po).

For every *translated* entry: it differs from its English source (but for the names in
SAME_AS_ENGLISH), Bulgarian is written in Cyrillic with no Latin word but names and codes,
Greek in Greek script, ``{placeholders}`` and line breaks are those of the English, and for
every entry the ``easy-read`` flag follows the framework (the generator's rule). Then one
completeness test per framework and language: the pairs in INCOMPLETE are expected to fail
(strict), so each pair must leave the set in the commit that completes it.
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path

import pytest

from wimcheck.frameworks.catalog import load_framework_file
from wimcheck.frameworks.texts import FrameworkText, framework_texts
from wimcheck.frameworks.validation.translations import entry_issues
from wimcheck.i18n.text_files import TextEntry, TextFile, read_text_file

ROOT = Path(__file__).parent.parent / "frameworks"
FRAMEWORKS = sorted(p.stem for p in ROOT.glob("*.toml"))
LANGUAGES = ("de", "it", "el", "sl", "hu", "bg")

# English texts a translation may keep as they are, and why.
SAME_AS_ENGLISH = {
    "Workplace Innovation Manager (WIN)": (
        "the role's name as the WIN project uses it; German workplace-innovation practice keeps "
        "the English term"
    ),
    "Workplace Innovation Manager": "the role's name as the WIN project uses it in Italian too",
    "Design thinking": "the method's name, used as it is in Italian",
    "Netiquette": "the official German and Italian title of DigComp 2.2 competence 2.5",
    "Vision": "the official German title of EntreComp competence 1.3",
}

# Latin-script names a Bulgarian text may contain (acronyms and codes, all in capitals or
# with digits, are allowed by LATIN_CODE; an English term in brackets right after its
# Bulgarian translation, such as "трудов наставник (job coach)", is a gloss and allowed).
LATIN_NAMES = {
    "DigComp": "the European Commission's framework, cited by its name",
    "EntreComp": "the European Commission's framework, cited by its name",
    "InnoTraiN": "the Erasmus+ project's name",
    "WIN4SMEs": "the Erasmus+ project's name",
    "Digital SkillUp": "the project's name",
    "CoVE": "Centres of Vocational Excellence, the EU programme's code",
    "WISEs": "the plural of the code WISE",
    "SMEs": "the plural of the code SME, where quoted",
    "IoT": "Internet of Things, a code",
    "Erasmus": "the EU programme's name",
    "Europass": "the EU's name for its CV and skills documents",
    "Creative Commons": "the name of the licences",
    "Elements of AI": "the name of an online course",
    "Digital Skills & Jobs Platform": "the name of the EU's platform",
}
LATIN_CODE = re.compile(r"[A-Z0-9][A-Z0-9-]*")  # WIN, B-WISE, EQF, M6
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
LATIN_GLOSS = re.compile(r"\((?:[A-Za-z][A-Za-z -]*)\)")

# Pairs (framework, language) not complete yet: expected to fail. Empty it as they land.
INCOMPLETE: set[tuple[str, str]] = set()


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def has_greek(text: str) -> bool:
    return any("\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff" for ch in text)


def foreign_latin_words(text: str) -> list[str]:
    """The Latin-script words of ``text`` that are neither codes, names nor glosses."""
    for name in sorted(LATIN_NAMES, key=len, reverse=True):
        text = text.replace(name, " ")
    text = LATIN_GLOSS.sub(" ", text)
    return [word for word in LATIN_WORD.findall(text) if not LATIN_CODE.fullmatch(word)]


def placeholders(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


@cache
def _texts(framework: str) -> dict[str, FrameworkText]:
    loaded = load_framework_file(ROOT / f"{framework}.toml")
    return {text.context: text for text in framework_texts(loaded)}


@cache
def _file(framework: str, lang: str) -> TextFile:
    return read_text_file(ROOT / f"{framework}.{lang}.po", lang)


def _translated(framework: str, lang: str) -> list[TextEntry]:
    return [entry for entry in _file(framework, lang).entries if entry.translation]


def entry_problems(entry: TextEntry, lang: str) -> list[str]:
    """What is wrong with one translated entry of ``lang`` (empty when nothing)."""
    problems = []
    text, english = entry.translation, entry.source
    if text == english and english not in SAME_AS_ENGLISH:
        problems.append("same as the English")
    if lang == "bg" and not has_cyrillic(text):
        problems.append("not in Cyrillic")
    # provenance statements cite works, authors and organisations by their own names
    citing = entry.context.startswith("framework.provenance.")
    if lang == "bg" and not citing and foreign_latin_words(text):
        problems.append(f"Latin words {foreign_latin_words(text)}")
    if lang == "el" and not has_greek(text):
        problems.append("not in Greek script")
    try:
        if placeholders(text) != placeholders(english):
            problems.append("placeholders differ")
    except ValueError:
        problems.append("unbalanced braces")
    if text.count("\n") != english.count("\n"):
        problems.append("line breaks differ")
    return problems


PAIRS = [(framework, lang) for framework in FRAMEWORKS for lang in LANGUAGES]


def test_every_framework_has_a_file_per_language() -> None:
    assert FRAMEWORKS == [
        "bwise",
        "digcomp",
        "digital-skillup",
        "entrecomp",
        "innotrain",
        "wim",
        "win4smes",
    ]
    assert all((ROOT / f"{f}.{lang}.po").is_file() for f, lang in PAIRS)


@pytest.mark.parametrize(("framework", "lang"), PAIRS)
def test_translated_entries_are_real_translations(framework: str, lang: str) -> None:
    found = {
        f"{entry.context} (line {entry.line})": problems
        for entry in _translated(framework, lang)
        if (problems := entry_problems(entry, lang))
    }
    assert found == {}


@pytest.mark.parametrize(("framework", "lang"), PAIRS)
def test_entries_match_the_framework_and_its_easy_read_flags(framework: str, lang: str) -> None:
    path = str(ROOT / f"{framework}.{lang}.po")
    _, issues, _ = entry_issues(_file(framework, lang).entries, _texts(framework), path)
    assert [issue.format() for issue in issues] == []
    entries = _file(framework, lang).entries
    assert [e.context for e in entries] == list(_texts(framework))  # every text, in order


@pytest.mark.parametrize(
    ("framework", "lang"),
    [
        pytest.param(f, lang, marks=pytest.mark.xfail(strict=True, reason="not translated yet"))
        if (f, lang) in INCOMPLETE
        else (f, lang)
        for f, lang in PAIRS
    ],
)
def test_complete(framework: str, lang: str) -> None:
    usable, _, _ = entry_issues(_file(framework, lang).entries, _texts(framework), "")
    missing = [context for context in _texts(framework) if context not in usable]
    assert missing == []
    assert _file(framework, lang).translated_by


def test_the_official_flag_is_only_on_digcomp_and_entrecomp_titles() -> None:
    for framework, lang in PAIRS:
        for entry in _file(framework, lang).entries:
            if entry.official:
                assert framework in ("digcomp", "entrecomp"), entry.context
                kind, *_, field = entry.context.split(".")
                assert kind in ("framework", "area", "competence"), entry.context
                assert field == "title", entry.context


# ------------------------------------------------------------------ the checks can fail


@pytest.mark.parametrize(
    ("lang", "source", "text", "expected"),
    [
        ("bg", "I can plan.", "Мога да планирам.", []),
        (
            "bg",
            "I can plan.",
            "I can plan.",
            ["same as the English", "not in Cyrillic", "Latin words ['can', 'plan']"],
        ),
        ("bg", "Use DigComp.", "Използвам DigComp и EQF ниво M6.", []),
        ("bg", "Use a tool.", "Използвам tool.", ["Latin words ['tool']"]),
        ("bg", "a job coach", "трудов наставник (job coach)", []),
        ("bg", "a job coach", "job coach наставник", ["Latin words ['job', 'coach']"]),
        ("bg", "Elements of AI", "курсът Elements of AI", []),
        ("el", "I can plan.", "Μπορώ να σχεδιάσω.", []),
        ("el", "I can plan.", "Posso pianificare.", ["not in Greek script"]),
        ("de", "{n} people", "{m} Personen", ["placeholders differ"]),
        ("de", "One\nTwo", "Eins Zwei", ["line breaks differ"]),
        ("de", "Workplace Innovation Manager (WIN)", "Workplace Innovation Manager (WIN)", []),
    ],
)
def test_the_entry_checks(lang: str, source: str, text: str, expected: list[str]) -> None:
    assert entry_problems(TextEntry("x", source, text), lang) == expected
