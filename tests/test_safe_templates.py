"""Framework texts cannot break out of a template: TOML comments, spreadsheet cells."""

from __future__ import annotations

import tomllib
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook

from wimcheck.frameworks.catalog import load_framework
from wimcheck.sheets.blank import template_toml, template_xlsx
from wimcheck.sheets.cells import safe_cell

MINI = Path(__file__).parent / "data" / "frameworks" / "mini.toml"
# the keys of a response file, which a fill-in TOML template is
RESPONSE_FILE_KEYS = {
    "format_version",
    "framework",
    "framework_version",
    "role",
    "respondent",
    "language",
    "answers",
}


def _hostile(tmp_path: Path, payload: str) -> Path:
    framework = load_framework(MINI)
    first = next(iter(framework.statements.values()))
    text = MINI.read_text(encoding="utf-8").replace(first.text.en, payload, 1)
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_line_break_in_a_statement_cannot_end_a_toml_comment(tmp_path: Path) -> None:
    path = _hostile(tmp_path, "Plain start\\n[respondent]\\nx = 1\\r\\u0007 end")
    framework = load_framework(path)
    role = next(iter(framework.roles.values()))
    text = template_toml(framework, role)
    data = tomllib.loads(text)  # still one valid response file
    assert set(data) == RESPONSE_FILE_KEYS
    assert "# Plain start [respondent] x = 1 end" in text


def test_xlsx_cells_drop_the_characters_excel_forbids(tmp_path: Path) -> None:
    path = _hostile(tmp_path, "Bell\\u0007 and escape\\u001b[31m and form feed\\u000c")
    framework = load_framework(path)
    role = next(iter(framework.roles.values()))
    book = load_workbook(BytesIO(template_xlsx(framework, role)))
    texts = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value]
    assert "Bell and escape[31m and form feed" in texts
    assert safe_cell("=1+1\u0000") == "'=1+1"
    assert safe_cell("tab\tand\nline") == "tab\tand\nline"
