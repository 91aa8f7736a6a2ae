"""A mapping file written from what was inferred, ready to edit (``wimcheck mapping show``).

Everything found is a line of TOML with a comment saying how it was found; what could not
be found or read safely is a commented line to complete, and each problem a comment: an
unedited file never makes an export score differently from what inference does.
"""

from __future__ import annotations

from pathlib import Path

from wimcheck import __version__
from wimcheck.messages import t
from wimcheck.sheets.surveys.answers import NOT_ANSWERED, NOT_APPLICABLE
from wimcheck.sheets.surveys.mapping_file import MAPPING_FORMAT_VERSION, SurveyMapping
from wimcheck.sheets.surveys.normal import normal_text
from wimcheck.sheets.surveys.reading import SurveyReading
from wimcheck.sheets.surveys.tools import ALL_METADATA
from wimcheck.sheets.toml_text import toml_comment, toml_string

__all__ = ["mapping_text"]

_BY = {
    "id": "mapping.text.by-id",
    "text": "mapping.text.by-text",
    "mapping": "mapping.text.by-mapping",
}


def _line(key: str, value: str, note: str) -> str:
    return f"{key} = {value}  {toml_comment(note)}"


def _toml_value(answer: str) -> str:
    return answer if answer not in (NOT_APPLICABLE, NOT_ANSWERED) else toml_string(answer)


def _head(reading: SurveyReading, source: Path, mapping: SurveyMapping) -> list[str]:
    lines = [
        toml_comment(t("mapping.text.title", file=source.name, version=__version__)),
        toml_comment(t("mapping.text.use", file=source.name)),
        *(toml_comment(t("mapping.text.problem", problem=p)) for p in reading.problems),
        f"format_version = {MAPPING_FORMAT_VERSION}",
        _line("tool", toml_string(reading.tool.id), t("mapping.text.tool")),
    ]
    if reading.framework is not None:
        lines.append(f"framework = {toml_string(reading.framework.id)}")
    if reading.role is not None:
        lines.append(f"role = {toml_string(reading.role.id)}")
    lines.append(_line("header_rows", str(reading.header_rows), t("mapping.text.header-rows")))
    if reading.respondent is not None:
        name = toml_string(reading.respondent.name)
        lines.append(_line("respondent", name, t("mapping.text.respondent")))
    else:
        lines.append(toml_comment(f'respondent = ""  {t("mapping.text.no-respondent")}'))
    ignore = ", ".join(toml_string(name) for name in sorted(mapping.ignore))
    lines.append(f"ignore = [{ignore}]")
    return lines


def _columns(reading: SurveyReading, mapping: SurveyMapping) -> list[str]:
    lines = ["", "[columns]  " + toml_comment(t("mapping.text.columns"))]
    used = {match.index for match in reading.statements}
    if reading.respondent is not None:
        used.add(reading.respondent.index)
    for match in reading.statements:
        name = toml_string(reading.headings[match.index].name)
        lines.append(_line(name, toml_string(match.statement_id), t(_BY[match.by])))
    metadata = ALL_METADATA | reading.tool.metadata
    for heading in reading.headings:
        texts = [text for text in heading.texts if text]
        if heading.index in used or not texts or any(text in mapping.ignore for text in texts):
            continue
        if any(normal_text(text) in metadata for text in texts):
            continue
        note = t("mapping.text.unmatched")
        lines.append(toml_comment(f'{toml_string(heading.name)} = ""  {note}'))
    return lines


def _answers(reading: SurveyReading, mapping: SurveyMapping) -> list[str]:
    lines = ["", "[answers]  " + toml_comment(t("mapping.text.answers"))]
    for answer, value in mapping.answers.items():
        lines.append(f"{toml_string(answer)} = {_toml_value(value)}")
    for answer, read in sorted(reading.seen.items(), key=lambda pair: (len(pair[0]), pair[0])):
        if read is None and answer not in mapping.answers:
            lines.append(toml_comment(f"{toml_string(answer)} = ?  {t('mapping.text.unsafe')}"))
    return lines


def _drops(mapping: SurveyMapping) -> list[str]:
    lines: list[str] = []
    for column, values in mapping.drop:
        listed = ", ".join(toml_string(value) for value in values)
        lines += ["", "[[drop]]  " + toml_comment(t("mapping.text.drop"))]
        lines += [f"column = {toml_string(column)}", f"values = [{listed}]"]
    return lines


def mapping_text(reading: SurveyReading, source: Path, mapping: SurveyMapping) -> str:
    """The mapping file of ``reading`` (an export read with ``mapping``, maybe empty)."""
    lines = _head(reading, source, mapping) + _columns(reading, mapping)
    lines += _answers(reading, mapping) + _drops(mapping)
    return "\n".join(lines) + "\n"
