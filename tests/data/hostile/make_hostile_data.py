"""Regenerates the hostile input files of tests/data/hostile/ (deterministic).

    python tests/data/hostile/make_hostile_data.py

Sheets for the mini framework (tests/data/frameworks/mini.toml, role facilitator) as
European trainers' programs write them, in every encoding wimcheck reads; sheets and
workbooks a careless or hostile tool writes; response files beyond wimcheck's bounds.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
IDS = ["MINI.PREP.1.a", "MINI.PREP.1.b", "MINI.RUN.1.a", "MINI.RUN.1.b", "MINI.RUN.2.a"]
HEADER = ["respondent", "role", *IDS]
ANSWERS = [["1", "3", "1", "1", "1"], ["2", "2", "2", "1", "0"], ["0", "3", "1", "2", "2"]]

# file name -> (encoding, delimiter, names): each sheet as a program of that country writes it
ENCODED = {
    "cp1250_central.csv": ("cp1250", ";", ["Jiří Dvořák", "Łukasz Wójcik", "Ľubica Šťastná"]),
    "cp1251_bulgarian.csv": ("cp1251", ";", ["Иван Петров", "Мария Георгиева", "Димитър Стоянов"]),
    "cp1252_western.csv": ("cp1252", ";", ["Jürgen Müller", "René Français", "José Núñez"]),
    "cp1253_greek.csv": ("cp1253", ";", ["Γιώργος Παπαδόπουλος", "Ελένη Νικολάου", "Νίκος Ρήγας"]),
    "cp1257_baltic.csv": ("cp1257", ";", ["Rūta Šimkutė", "Jānis Bērziņš", "Jonas Žemaitis"]),
    "iso8859_2_hungarian.csv": ("iso8859_2", ",", ["Győző Kőrösi", "Éva Szabó", "Ákos Tóth"]),
    "iso8859_7_greek.csv": ("iso8859_7", ",", ["Σοφία Αλεξίου", "Κώστας Δήμου", "Μαρία Λάμπρου"]),
    "mac_roman_french.csv": ("mac_roman", ";", ["Zoë Noël", "Amélie Bérubé", "François Lefèvre"]),
    "utf8.csv": ("utf-8", ",", ["Ana Kovač", "Ōta Ewa", "Zoë Brontë"]),
    "utf8_bom.csv": ("utf-8-sig", ";", ["Søren Kjær", "Åse Ørsted", "Þórður Guðmundsson"]),
}


def _sheet_text(names: list[str], delimiter: str) -> str:
    rows = [HEADER] + [
        [name, "facilitator", *answers] for name, answers in zip(names, ANSWERS, strict=False)
    ]
    return "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"


def encodings() -> None:
    folder = HERE / "encodings"
    folder.mkdir(exist_ok=True)
    for name, (encoding, delimiter, names) in ENCODED.items():
        (folder / name).write_bytes(_sheet_text(names, delimiter).encode(encoding))
    # Excel's "Unicode text": UTF-16 little endian with BOM, tab-separated
    names = ["Αθηνά Κ.", "Đorđe Đukić", "Oğuz Çelik"]
    (folder / "excel_unicode_text.txt").write_bytes(_sheet_text(names, "\t").encode("utf-16"))
    # too little text to tell: Győző in Windows-1250 reads as Gyõzõ in Windows-1252, a
    # Portuguese or Estonian spelling
    ambiguous = HERE / "ambiguous"
    ambiguous.mkdir(exist_ok=True)
    text = _sheet_text(["Győző", "Anna", "Bert"], ";")
    (ambiguous / "gyozo_cp1250.csv").write_bytes(text.encode("cp1250"))


def _response(respondent: str, answers: list[str]) -> str:
    lines = [
        "format_version = 1",
        'framework = "mini"',
        'framework_version = "1.0.0"',
        'role = "facilitator"',
        f'respondent = "{respondent}"',
        "[answers]",
        *(f'"{sid}" = {value}' for sid, value in zip(IDS, answers, strict=True)),
    ]
    return "\n".join(lines) + "\n"


def names() -> None:
    folder = HERE / "names"
    folder.mkdir(exist_ok=True)
    # as `assess` named the file of a respondent whose name starts with a dot
    (folder / ".anna-mini-facilitator-20261124-101500.toml").write_text(
        _response(".anna", ANSWERS[0]), encoding="utf-8"
    )
    zoe_nfc = unicodedata.normalize("NFC", "Zoë")
    zoe_nfd = unicodedata.normalize("NFD", "Zoë")
    (folder / "zoe-windows.toml").write_text(_response(zoe_nfc, ANSWERS[1]), encoding="utf-8")
    (folder / "zoe-mac.toml").write_text(_response(zoe_nfd, ANSWERS[2]), encoding="utf-8")
    pairing = HERE / "pairing"
    pairing.mkdir(exist_ok=True)
    before = _sheet_text([zoe_nfc, "Ana", "Bo"], ";")
    after = _sheet_text([zoe_nfd, "Ana", "Bo"], ";").replace(";1;3;1;1;1", ";2;1;2;2;2")
    (pairing / "before.csv").write_text(before, encoding="utf-8")
    (pairing / "after.csv").write_text(after, encoding="utf-8")


def _workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Responses"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, part: str, edit: object) -> bytes:
    """The workbook ``data`` with the text of ``part`` changed by ``edit``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                content = edit(content.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


SHEET_PART = "xl/worksheets/sheet1.xml"


def sheets() -> None:
    folder = HERE / "sheets"
    folder.mkdir(exist_ok=True)
    (folder / "repeated_respondent.csv").write_text(
        "respondent;role;respondent;MINI.PREP.1.a\nAna;facilitator;Bo;1\n", encoding="utf-8"
    )
    (folder / "repeated_statement.csv").write_text(
        "respondent;role;MINI.RUN.1.a;MINI.PREP.1.a;MINI.RUN.1.a\nAna;facilitator;1;2;3\n",
        encoding="utf-8",
    )
    # text that would drive a terminal, and a name too long for one line of a message
    long_name = "Anna " + "von und zu " * 40 + "Berg"
    (folder / "escapes.csv").write_text(
        "respondent;role;MINI.PREP.1.a;\x1b]0;owned\x07\n"
        "Ana\u202eevil;facilitator;\x1b[31m7;\n"
        f"{long_name};facilitator;1;\n{long_name};facilitator;2;\n",
        encoding="utf-8",
    )
    # row 3: a formula without a saved value (openpyxl never calculates); row 4: a
    # formula with the value a spreadsheet program saved
    data = _workbook(
        [
            HEADER,
            ["Ana", "facilitator", 1, 3, 1, 1, 1],
            ["Bo", "facilitator", 2, 2, "=1+1", 1, 0],
            ["Cy", "facilitator", 0, 3, "=2+1", 2, 2],
        ]
    )
    data = _rewrite(
        data,
        SHEET_PART,
        lambda xml: xml.replace("<f>2+1</f><v />", "<f>2+1</f><v>3</v>").replace(
            "<f>2+1</f><v></v>", "<f>2+1</f><v>3</v>"
        ),
    )
    (folder / "formulas.xlsx").write_bytes(data)
    unsupported = HERE / "unsupported"
    unsupported.mkdir(exist_ok=True)
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (unsupported / "workshop.xls").write_bytes(ole2)
    (unsupported / "renamed.csv").write_bytes(ole2)  # an .xls someone renamed
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    (unsupported / "calc.ods").write_bytes(ods.getvalue())
    (unsupported / "good.csv").write_text(_sheet_text(["Ana"], ";"), encoding="utf-8")


def _declare_size(data: bytes, part: str, size: int) -> bytes:
    """``data`` with the zip directory claiming ``part`` unpacks to ``size`` bytes."""
    name = part.encode()
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        name_length = int.from_bytes(data[position + 28 : position + 30], "little")
        if data[position + 46 : position + 46 + name_length] == name:
            size_bytes = size.to_bytes(4, "little")
            return data[: position + 24] + size_bytes + data[position + 28 :]
        position = data.find(b"PK\x01\x02", position + 4)
    raise ValueError(part)


def limits() -> None:
    folder = HERE / "limits"
    folder.mkdir(exist_ok=True)
    good = _workbook([HEADER, ["Ana", "facilitator", 1, 3, 1, 1, 1]])
    (folder / "declared_huge.xlsx").write_bytes(_declare_size(good, SHEET_PART, 300 << 20))
    (folder / "dimension_huge.xlsx").write_bytes(
        _rewrite(good, SHEET_PART, lambda xml: xml.replace('ref="A1:G2"', 'ref="A1:XFD1048576"'))
    )
    far = '<row r="2000000"><c r="A2000000" t="inlineStr"><is><t>Far</t></is></c></row>'
    (folder / "row_far_away.xlsx").write_bytes(
        _rewrite(good, SHEET_PART, lambda xml: xml.replace("</sheetData>", far + "</sheetData>"))
    )
    response = _response("Deep", ANSWERS[0])
    (folder / "deep.toml").write_text(
        response.replace("[answers]", "nest = " + "[" * 40 + "]" * 40 + "\n[answers]"),
        encoding="utf-8",
    )
    (folder / "long_number.toml").write_text(
        response.replace('"MINI.RUN.2.a" = 1', '"MINI.RUN.2.a" = ' + "9" * 5000), encoding="utf-8"
    )
    json_answers = ", ".join(
        f'"{sid}": {value}' for sid, value in zip(IDS, ANSWERS[0], strict=True)
    )
    base = (
        '{"format_version": 1, "framework": "mini", "framework_version": "1.0.0", '
        f'"role": "facilitator", "respondent": "Jay", "answers": {{{json_answers}}}}}'
    )
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "long_number.json").write_text(
        base.replace('"MINI.RUN.2.a": 1', '"MINI.RUN.2.a": ' + "9" * 5000), encoding="utf-8"
    )


def main() -> None:
    encodings()
    names()
    sheets()
    limits()


if __name__ == "__main__":
    main()
