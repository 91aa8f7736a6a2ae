"""A role's questionnaire as an XLSForm, the form format of KoboToolbox and ODK Collect.

The workbook has the three sheets of the XLSForm standard:

- ``survey``: first ``respondent`` (text, required), then one group per competence area
  (``begin_group`` … ``end_group``, the area's title as label) holding a ``select_one``
  question per statement, named by the statement's id (see
  :mod:`~wimcheck.sheets.xlsform_text` for ids that are not XLSForm names), labelled with
  the statement as the role reads it (easy-read wording for easy-read roles), with the
  scale's question as ``hint`` and what each answer means as ``guidance_hint``;
- ``choices``: the role's scale as one list named by the scale's id, each value's number as
  the choice name (so that exports carry the scale values), then the choice ``na``, "not
  applicable", which no scale value can be;
- at the end of ``survey``, the ``calculate`` field ``wimcheck_role``
  (:data:`~wimcheck.sheets.xlsform_text.FORM_ROLE`), whose value is ``FRAMEWORK/ROLE``: no
  one sees it, and every submission, so every export, records the framework and role;
- ``settings``: ``form_title``, ``form_id`` (framework and role), ``version`` (the
  framework's version) and ``default_language``.

Labels and hints come in every language of the framework (``label::Deutsch (de)``), taken
from its texts (:class:`~wimcheck.frameworks.model.LocalText`), so that a language the
framework gains appears here without a change; a text without a translation is given in
English, as everywhere else.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from wimcheck.frameworks.model import Area, Framework, LocalText, Role, Scale, Statement
from wimcheck.i18n.language_names import native_name
from wimcheck.messages import t
from wimcheck.records import field, record
from wimcheck.sheets.xlsform_text import FORM_ROLE, form_name, form_role_value, form_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "NOT_APPLICABLE",
    "RESPONDENT",
    "Choice",
    "FormSettings",
    "Question",
    "XlsForm",
    "build_xlsform",
    "language_column",
    "template_xlsform",
    "xlsform_bytes",
]

RESPONDENT = "respondent"  # the name of the first question: the respondent's name or code
NOT_APPLICABLE = "na"  # the choice name of "not applicable": never a scale value
_TOP_LEVEL_TAKEN = {RESPONDENT, FORM_ROLE, "meta"}  # names a group at the top may not have

Texts = Mapping[str, str]  # a text by language code


@record
class Question:
    """One row of the ``survey`` sheet: a question, or the start or end of a group."""

    type: str
    name: str = ""
    label: Texts = field(default_factory=dict)
    hint: Texts = field(default_factory=dict)
    guidance: Texts = field(default_factory=dict)
    required: bool = False
    calculation: str = ""


@record
class Choice:
    """One row of the ``choices`` sheet."""

    list_name: str
    name: str
    label: Texts


@record
class FormSettings:
    """The ``settings`` sheet."""

    form_title: str
    form_id: str
    version: str
    default_language: str


@record
class XlsForm:
    """A whole XLSForm: its languages (codes, the default first) and its three sheets."""

    languages: tuple[str, ...]
    survey: tuple[Question, ...]
    choices: tuple[Choice, ...]
    settings: FormSettings


def language_column(column: str, lang: str) -> str:
    """The heading of ``column`` in ``lang``, as XLSForm has it: ``label::Deutsch (de)``."""
    return f"{column}::{native_name(lang)} ({lang})"


def _languages(framework: Framework, lang: str) -> tuple[str, ...]:
    """The form's languages: the framework's, English always; ``lang`` first if it has it."""
    known = tuple(dict.fromkeys(("en", *framework.languages)))
    first = lang if lang in known else "en"
    return (first, *(code for code in known if code != first))


def _texts(languages: Iterable[str], text: LocalText) -> Texts:
    return {lang: form_text(text.get(lang)) for lang in languages}


def _messages(languages: Iterable[str], key: str, **values: LocalText) -> Texts:
    """wimcheck's own message ``key`` in each language, filled with framework texts."""
    return {
        lang: form_text(t(key, lang, **{k: v.get(lang) for k, v in values.items()}))
        for lang in languages
    }


def _form_title(framework: Framework, role: Role) -> LocalText:
    """The framework's and the role's titles, in every language either has."""
    title = f"{framework.title.en}: {role.title.en}"
    codes = set(framework.title.other) | set(role.title.other)
    other = {c: f"{framework.title.get(c)}: {role.title.get(c)}" for c in codes}
    return LocalText(title, other)


def _respondent(framework: Framework, role: Role, languages: Sequence[str]) -> Question:
    easy = ".easy-read" if role.easy_read else ""
    return Question(
        type="text",
        name=RESPONDENT,
        label=_messages(languages, "xlsform.respondent" + easy),
        hint=_messages(
            languages, "xlsform.respondent.hint" + easy, form=_form_title(framework, role)
        ),
        required=True,
    )


def _form_role(framework: Framework, role: Role) -> Question:
    """The hidden field that records the framework and role in every submission (an XPath
    string literal: ids hold no quote)."""
    value = form_role_value(framework.id, role.id)
    return Question(type="calculate", name=FORM_ROLE, calculation=f"'{value}'")


def _meanings(scale: Scale, role: Role, languages: Sequence[str]) -> Texts:
    """What each answer means, one line each, "not applicable" last."""
    na_key = "paper.na.easy-read.long" if role.easy_read else "template.xlsx.na.meaning"
    out = {}
    for lang in languages:
        lines = [f"{v.value} {v.label.get(lang)}: {v.descriptor.get(lang)}" for v in scale.values]
        lines.append(f"{_na_label(role, lang)}: {t(na_key, lang)}")
        out[lang] = "\n".join(form_text(line) for line in lines)
    return out


def _na_label(role: Role, lang: str) -> str:
    return t("paper.na.easy-read" if role.easy_read else "template.xlsx.na", lang)


def _statement(
    framework: Framework, role: Role, statement: Statement, languages: Sequence[str]
) -> Question:
    scale = framework.scale_for(role)
    return Question(
        type=f"select_one {form_name(scale.id)}",
        name=form_name(statement.id),
        label={lang: form_text(framework.wording(statement, role, lang)) for lang in languages},
        hint=_texts(languages, scale.title),
        guidance=_meanings(scale, role, languages),
    )


def _group_name(area: Area, taken: set[str]) -> str:
    """An area's group name: its id, unless the top of the form has that name already
    (``respondent``, ``meta``, or another area's in other case): then ``_area`` and a
    number are added. Group names are not read back: answers are found by statement id."""
    base = name = form_name(area.id)
    number = 1
    while name.lower() in taken:
        name = f"{base}_area" + (str(number) if number > 1 else "")
        number += 1
    taken.add(name.lower())
    return name


def _area_title(area: Area, role: Role) -> LocalText:
    if role.easy_read and area.easy_read_title is not None:
        return area.easy_read_title
    return area.title


def _survey(framework: Framework, role: Role, languages: Sequence[str]) -> Iterator[Question]:
    """The survey sheet's rows: the respondent, each area's group of statements, then the
    field recording the framework and role."""
    yield _respondent(framework, role, languages)
    taken = set(_TOP_LEVEL_TAKEN)
    area_id = None
    for statement in framework.questionnaire(role):
        competence = framework.competences[statement.competence_id]
        if competence.area_id != area_id:
            if area_id is not None:
                yield Question(type="end_group")
            area_id = competence.area_id
            area = framework.areas[area_id]
            label = _texts(languages, _area_title(area, role))
            yield Question(type="begin_group", name=_group_name(area, taken), label=label)
        yield _statement(framework, role, statement, languages)
    if area_id is not None:
        yield Question(type="end_group")
    yield _form_role(framework, role)


def _choices(role: Role, scale: Scale, languages: Sequence[str]) -> Iterator[Choice]:
    list_name = form_name(scale.id)
    for value in scale.values:
        yield Choice(list_name, str(value.value), _texts(languages, value.label))
    na = {lang: form_text(_na_label(role, lang)) for lang in languages}
    yield Choice(list_name, NOT_APPLICABLE, na)


def build_xlsform(framework: Framework, role: Role, lang: str = "en") -> XlsForm:
    """The XLSForm of ``role``'s questionnaire, ``lang`` its default language when the
    framework has it (else English)."""
    languages = _languages(framework, lang)
    default = languages[0]
    settings = FormSettings(
        form_title=form_text(_form_title(framework, role).get(default)),
        form_id=form_name(f"{framework.id}-{role.id}"),
        version=form_text(framework.version),
        default_language=f"{native_name(default)} ({default})",
    )
    return XlsForm(
        languages=languages,
        survey=tuple(_survey(framework, role, languages)),
        choices=tuple(_choices(role, framework.scale_for(role), languages)),
        settings=settings,
    )


def _write_rows(sheet: Worksheet, rows: Iterable[Sequence[str]]) -> None:
    """Rows of text, every cell a text cell: nothing in it is read as a formula."""
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def _survey_rows(form: XlsForm) -> Iterator[list[str]]:
    columns = ("label", "hint", "guidance_hint")
    yield [
        "type",
        "name",
        *(language_column(c, lang) for c in columns for lang in form.languages),
        "required",
        "calculation",
    ]
    for q in form.survey:
        texts = (q.label, q.hint, q.guidance)
        cells = [texts_of.get(lang, "") for texts_of in texts for lang in form.languages]
        yield [q.type, q.name, *cells, "yes" if q.required else "", q.calculation]


def _choice_rows(form: XlsForm) -> Iterator[list[str]]:
    yield ["list_name", "name", *(language_column("label", lang) for lang in form.languages)]
    for choice in form.choices:
        yield [choice.list_name, choice.name, *(choice.label[lang] for lang in form.languages)]


def xlsform_bytes(form: XlsForm) -> bytes:
    """``form`` as an XLSX workbook."""
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    _write_rows(survey, _survey_rows(form))
    _write_rows(book.create_sheet("choices"), _choice_rows(form))
    s = form.settings
    _write_rows(
        book.create_sheet("settings"),
        [
            ["form_title", "form_id", "version", "default_language"],
            [s.form_title, s.form_id, s.version, s.default_language],
        ],
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_xlsform(framework: Framework, role: Role, lang: str = "en") -> bytes:
    """The XLSForm of ``role``'s questionnaire as an XLSX workbook."""
    return xlsform_bytes(build_xlsform(framework, role, lang))
