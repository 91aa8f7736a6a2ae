"""Regenerates tests/data/trainer*/ (deterministic): python tests/data/make_trainer_data.py"""

from __future__ import annotations

import random
from pathlib import Path

import tomli_w
from openpyxl import Workbook

from wimcheck.frameworks.catalog import load_framework

HERE = Path(__file__).parent
FRAMEWORK = load_framework("wim")
ROLE = FRAMEWORK.roles["team-leader"]
IDS = [s.id for s in FRAMEWORK.questionnaire(ROLE)]


def answers(rng: random.Random) -> list[object]:
    base = rng.randint(1, 4)
    out: list[object] = []
    for _ in IDS:
        roll = rng.random()
        if roll < 0.04:
            out.append("n/a")
        elif roll < 0.08:
            out.append(None)
        else:
            out.append(max(0, min(5, base + rng.choice([-1, 0, 0, 1]))))
    return out


def main() -> None:
    rng = random.Random(20261123)
    folder = HERE / "trainer"
    for number in range(1, 31):
        values = answers(rng)
        data = {
            "format_version": 1,
            "framework": "wim",
            "framework_version": FRAMEWORK.version,
            "role": ROLE.id,
            "respondent": f"P{number:02d}",
            "language": "en",
            "answers": {sid: v for sid, v in zip(IDS, values, strict=True) if v is not None},
        }
        (folder / f"P{number:02d}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    # a semicolon CSV with BOM and CRLF, as Excel writes it in European locales
    lines = [";".join(["respondent", "role", *IDS])]
    for number in range(31, 36):
        values = answers(rng)
        cells = ["" if v is None else str(v) for v in values]
        lines.append(";".join([f"Excel {number}", ROLE.id, *cells]))
    (folder / "workshop.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    # an XLSX sheet
    book = Workbook()
    sheet = book.active
    sheet.title = "Responses"
    sheet.append(["respondent", "role", *IDS])
    for number in range(36, 41):
        values = answers(rng)
        sheet.append([f"Sheet {number}", ROLE.id, *values])
    book.save(folder / "online.xlsx")


if __name__ == "__main__":
    main()
