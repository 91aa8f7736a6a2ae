"""``frameworks validate`` puts no English word into a translated sentence: the kinds of
entries ("competence 'X'"), pydantic's words on a value, a PO file's syntax, "(none)"."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from conftest import Result
from wimcheck.frameworks.validation import check_framework_file
from wimcheck.frameworks.validation.value_errors import value_error_text
from wimcheck.i18n.language import use_language
from wimcheck.messages import EN, t

Cli = Callable[..., Result]
DATA = Path(__file__).parent / "data"
BROKEN = DATA / "broken"
MINI = DATA / "frameworks" / "mini.toml"

DANGLING = {
    "en": [
        "competence 'MINI.RUN.1' names area 'RNU', which is not defined",
        "  hint: did you mean 'RUN'? Known ids of this kind: PREP, RUN",
    ],
    "de": [
        "Kompetenz 'MINI.RUN.1' verweist auf Bereich 'RNU'; dieser Eintrag ist nicht definiert",
        "  Hinweis: Meinten Sie 'RUN'? Bekannte IDs dieser Art: PREP, RUN",
    ],
    "bg": [
        "компетентност „MINI.RUN.1“ посочва област „RNU“, но такъв запис не е дефиниран",
        "  подсказка: имахте предвид „RUN“? Известни идентификатори от този вид: PREP, RUN",
    ],
}
ERROR_WORD = {"en": "error", "de": "Fehler", "bg": "грешка"}


@pytest.mark.parametrize("lang", ["en", "de", "bg"])
def test_an_unknown_reference_names_both_kinds_in_the_language(lang: str, cli: Cli) -> None:
    result = cli("--lang", lang, "frameworks", "validate", str(BROKEN / "dangling.toml"))
    assert result.exit_code == 1
    first, hint = DANGLING[lang]
    lines = result.stdout.splitlines()
    prefix = f"{BROKEN / 'dangling.toml'}:113:8: {ERROR_WORD[lang]}[unknown-reference]: "
    assert lines[:2] == [prefix + first, hint]


DELIVERY = {
    "en": "module 'MINI.M1' (delivery): must be one of 'face-to-face', 'online', 'blended', "
    "'workshop', 'work-based', 'self-paced' (found 'classroom')",
    "de": "Modul 'MINI.M1' (delivery): muss einer dieser Werte sein: 'face-to-face', 'online', "
    "'blended', 'workshop', 'work-based', 'self-paced' (gefunden: 'classroom')",
    "bg": "модул „MINI.M1“ (delivery): трябва да е една от стойностите: 'face-to-face', "
    "'online', 'blended', 'workshop', 'work-based', 'self-paced' (намерено: 'classroom')",
}


@pytest.mark.parametrize("lang", ["en", "de", "bg"])
def test_a_value_not_among_the_choices_is_told_in_the_language(lang: str) -> None:
    with use_language(lang):
        report = check_framework_file(BROKEN / "several.toml")
    found = [i.message for i in report.issues if i.code == "invalid-value"]
    assert found == [DELIVERY[lang]]


WRONG_VALUES = {
    "en": [
        "role 'facilitator' (targets.MINI.RUN.2.weight): must be more than 0 (found 0)",
        "module 'MINI.M1' (hours): must be a number (found 'three')",
        "module 'MINI.M1' (eqf): must be at most 8 (found 9)",
    ],
    "de": [
        "Rolle 'facilitator' (targets.MINI.RUN.2.weight): muss größer als 0 sein (gefunden: 0)",
        "Modul 'MINI.M1' (hours): muss eine Zahl sein (gefunden: 'three')",
        "Modul 'MINI.M1' (eqf): darf höchstens 8 sein (gefunden: 9)",
    ],
    "bg": [
        "роля „facilitator“ (targets.MINI.RUN.2.weight): трябва да е повече от 0 (намерено: 0)",
        "модул „MINI.M1“ (hours): трябва да е число (намерено: 'three')",
        "модул „MINI.M1“ (eqf): трябва да е най-много 8 (намерено: 9)",
    ],
}


@pytest.mark.parametrize("lang", ["en", "de", "bg"])
def test_wrong_values_are_told_in_the_language(lang: str, tmp_path: Path) -> None:
    lines = MINI.read_text(encoding="utf-8").splitlines(keepends=True)
    assert (lines[155], lines[175], lines[176]) == (
        '"MINI.RUN.2" = { level = 2, weight = 3 }\n',
        "hours = 3\n",
        "eqf = 3\n",
    )
    lines[155] = lines[155].replace("weight = 3", "weight = 0")
    lines[175], lines[176] = 'hours = "three"\n', "eqf = 9\n"
    path = tmp_path / "mini.toml"
    path.write_text("".join(lines), encoding="utf-8")
    with use_language(lang):
        report = check_framework_file(path)
    assert [(i.line, i.message) for i in report.issues] == list(
        zip([156, 176, 177], WRONG_VALUES[lang], strict=True)
    )


def test_references_to_a_missing_group_and_audience_are_told_in_the_language(
    tmp_path: Path,
) -> None:
    """A role names a group in a file without groups (the hint says there is none: no
    English "(none)"); a module names an audience that is neither group nor role."""
    text = MINI.read_text(encoding="utf-8")
    assert text.count('covers = ["MINI.PREP.1"]\n') == 1
    assert text.count('id = "facilitator"\n') == 1 and "[[groups]]" not in text
    text = text.replace(
        'covers = ["MINI.PREP.1"]\n', 'covers = ["MINI.PREP.1"]\naudience = ["nobody"]\n'
    )
    text = text.replace('id = "facilitator"\n', 'id = "facilitator"\ngroup = "leaders"\n')
    path = tmp_path / "mini.toml"
    path.write_text(text, "utf-8")
    said = {}
    for lang in ("en", "de", "bg"):
        with use_language(lang):
            issues = check_framework_file(path).issues
        said[lang] = [(i.message, i.hint) for i in issues if i.code == "unknown-reference"]
    assert said == {
        "en": [
            (
                "role 'facilitator' names group 'leaders', which is not defined",
                "the file defines none of this kind yet; add one first",
            ),
            (
                "module 'MINI.M1' names group or role 'nobody', which is not defined",
                "known ids of this kind: facilitator, participant",
            ),
        ],
        "de": [
            (
                "Rolle 'facilitator' verweist auf Gruppe 'leaders'; dieser Eintrag ist nicht "
                "definiert",
                "die Datei definiert noch keinen Eintrag dieser Art; ergänzen Sie zuerst einen",
            ),
            (
                "Modul 'MINI.M1' verweist auf Gruppe oder Rolle 'nobody'; dieser Eintrag ist "
                "nicht definiert",
                "bekannte IDs dieser Art: facilitator, participant",
            ),
        ],
        "bg": [
            (
                "роля „facilitator“ посочва група „leaders“, но такъв запис не е дефиниран",
                "файлът още не дефинира нито един запис от този вид; първо добавете такъв",
            ),
            (
                "модул „MINI.M1“ посочва група или роля „nobody“, но такъв запис не е дефиниран",
                "известни идентификатори от този вид: facilitator, participant",
            ),
        ],
    }


PO_LINE = {
    "en": "the 'de' translation cannot be read: not a PO file: not a PO line: msgid Mini",
    "de": "die Übersetzung „de“ kann nicht gelesen werden: keine PO-Datei: keine PO-Zeile: "
    "msgid Mini",
    "bg": "преводът „de“ не може да бъде прочетен: не е PO файл: не е ред от PO: msgid Mini",
}


@pytest.mark.parametrize("lang", ["en", "de", "bg"])
def test_a_broken_translation_file_is_told_in_the_language(
    lang: str, cli: Cli, tmp_path: Path
) -> None:
    framework = Path(shutil.copyfile(MINI, tmp_path / "mini.toml"))
    po = tmp_path / "mini.de.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgctxt "framework.title"\nmsgid Mini\n',
        encoding="utf-8",
    )
    result = cli("--lang", lang, "frameworks", "validate", str(framework))
    assert result.exit_code == 1
    assert f"{po}:6: {ERROR_WORD[lang]}[translation-unreadable]: {PO_LINE[lang]}" in (
        result.stdout.splitlines()
    )


KINDS = ("group", "scale", "scale-value", "area", "competence", "statement", "role", "module")


def _english_kinds(lang: str) -> re.Pattern[str]:
    """An English kind of entry as wimcheck wrote it before ("competence 'X'"), of the kinds
    whose word ``lang`` does not share with English (Italian "area")."""
    words = [
        EN[f"validate.named.{kind}"].split(" '")[0]
        for kind in KINDS
        if t(f"validate.named.{kind}", lang, id="X") != t(f"validate.named.{kind}", "en", id="X")
    ]
    assert len(words) >= 6
    return re.compile(rf"\b({'|'.join(words)}) '")


@pytest.mark.parametrize("lang", ["de", "it", "el", "sl", "hu", "bg"])
def test_no_english_kind_or_pydantic_word_in_any_language(lang: str, cli: Cli) -> None:
    result = cli("--lang", lang, "frameworks", "validate", str(BROKEN))
    assert result.exit_code == 1
    said = result.stdout + result.stderr
    assert len(said.splitlines()) >= 30
    assert _english_kinds(lang).findall(said) == []
    for english in ("Input should", "(found ", "(none)", "Known ", " names "):
        assert english not in said, english


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12),
        min_size=2,
        max_size=6,
        unique=True,
    ),
    st.sampled_from(["en", "de", "bg"]),
)
def test_every_choice_of_a_literal_is_named_whatever_it_is(choices: list[str], lang: str) -> None:
    adapter: TypeAdapter[str] = TypeAdapter(Literal[tuple(choices)])  # type: ignore[misc]
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python("not one of them!")
    with use_language(lang):
        text = value_error_text(caught.value.errors()[0])
    named = ", ".join(f"'{choice}'" for choice in choices)
    assert named in text
    assert "Input should" not in text
