"""Regenerates tests/data/typos/ (deterministic): python tests/data/make_typo_sheets.py

Trainers' sheets filled in by hand, from the templates ``wimcheck template wim --role
team-leader`` makes: the role cells are left empty (the template records the role) and
some answers have typos. ``before.xlsx`` has 30 people (one typed the role), ``after.xlsx``
28 of them, 2 new ones and one whose role has a typo; ``workshop.csv`` is the CSV template as a German Excel saves it (semicolons,
a byte order mark, CRLF, the first line padded with empty cells) with 10 people.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import datetime
from pathlib import Path

from make_trainer_data import FRAMEWORK, IDS, ROLE, answers  # the same random answers
from openpyxl import load_workbook

from wimcheck.sheets.blank import template_csv, template_xlsx

HERE = Path(__file__).parent / "typos"
SAVED = datetime(2026, 11, 23, 9, 0, 0)

# (person number, statement id, what was typed) in before.xlsx: every one is a typo except
# the numbers and the spaces a spreadsheet keeps around a value ("\xa05 ", 3.0)
BEFORE_TYPOS = [
    (2, "WIM.FND.1.a", "3,0"),
    (5, "WIM.IDM.2.b", "three"),
    (7, "WIM.IDM.3.a", "5 5"),
    (7, "WIM.IDM.3.b", "\xa05 "),
    (9, "WIM.DTH.2.a", 7),
    (11, "WIM.CAP.1.a", -1),
    (12, "WIM.CAP.2.c", 2.5),
    (12, "WIM.CAP.2.d", 3.0),
    (15, "WIM.DIG.1.a", "n.a"),
    (18, "WIM.HUB.3.a", "x"),
    (18, "WIM.HUB.3.b", "4/5"),
    (18, "WIM.HUB.3.c", "?"),
    (18, "WIM.HUB.3.d", "3\u200b"),
    (22, "WIM.FND.1.b", True),
    (27, "WIM.DIG.2.a", "4+"),
    (30, "WIM.IDM.2.a", "  2  "),
]
AFTER_TYPOS = [
    (3, "WIM.FND.1.c", "4,5"),
    (8, "WIM.CAP.3.a", "vier"),
    (14, "WIM.DIG.1.b", 6),
    (31, "WIM.IDM.2.c", "3.3"),
]
# role cells typed in (all others are left empty)
BEFORE_ROLES = {1: "team-leader"}
AFTER_ROLES = {33: "teamleader"}
CSV_TYPOS = [(2, "WIM.FND.1.a", "3 ,"), (4, "WIM.IDM.3.c", "drei"), (6, "WIM.HUB.3.d", "-")]


def name(number: int) -> str:
    return f"Participant {number:02d}"


def with_typos(number: int, values: list[object], typos: list[tuple[int, str, object]]) -> None:
    for person, statement, typed in typos:
        if person == number:
            values[IDS.index(statement)] = typed


def filled_xlsx(
    path: Path, people: list[int], typos: list[tuple[int, str, object]], roles: dict[int, str]
) -> None:
    """The XLSX template with one row per person (the role cell mostly left empty)."""
    blank = io.BytesIO(template_xlsx(FRAMEWORK, ROLE))
    book = load_workbook(blank)
    sheet = book["Responses"]
    rng = random.Random(path.stem)
    for row, number in enumerate(people, start=2):
        values = answers(rng)
        with_typos(number, values, typos)
        sheet.cell(row=row, column=1, value=name(number))
        sheet.cell(row=row, column=2, value=roles.get(number))
        for column, value in enumerate(values, start=3):
            sheet.cell(row=row, column=column, value=value)
    book.properties.created = book.properties.modified = SAVED
    book.save(path)


def filled_csv(path: Path, people: list[int], typos: list[tuple[int, str, object]]) -> None:
    """The CSV template as a German Excel saves it after filling it in."""
    lines = list(csv.reader(io.StringIO(template_csv(FRAMEWORK, ROLE))))
    width = len(lines[1])
    lines[0] += [""] * (width - len(lines[0]))
    rng = random.Random(path.stem)
    for number in people:
        values = answers(rng)
        with_typos(number, values, typos)
        lines.append([name(number), "", *("" if v is None else str(v) for v in values)])
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(lines)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def main() -> None:
    HERE.mkdir(exist_ok=True)
    filled_xlsx(HERE / "before.xlsx", list(range(1, 31)), BEFORE_TYPOS, BEFORE_ROLES)
    filled_xlsx(HERE / "after.xlsx", [*range(1, 29), 31, 32, 33], AFTER_TYPOS, AFTER_ROLES)
    filled_csv(HERE / "workshop.csv", list(range(1, 11)), CSV_TYPOS)


if __name__ == "__main__":
    main()
