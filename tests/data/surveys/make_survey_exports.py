"""Regenerates tests/data/surveys/ (deterministic): python tests/data/surveys/make_survey_exports.py

Each file is a survey tool's export laid out as docs/formats.md describes it (from the tools'
own export code, see there), holding the answers of tests/data/trainer/workshop.csv; some
add rows the tool exports that are not answers (previews, unfinished responses), under
other respondents' codes, so that reading them by mistake changes the result.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from wimcheck.frameworks.catalog import load_framework

HERE = Path(__file__).parent
WORKSHOP = HERE.parent / "trainer" / "workshop.csv"
FRAMEWORK = load_framework("wim")
ROLE = FRAMEWORK.roles["team-leader"]
SCALE = FRAMEWORK.scale_for(ROLE)
ASK_EN = "How well can you do this?"
ASK_DE = "Wie gut können Sie das?"
NA_LABEL = {"en": "Not applicable", "de": "Nicht zutreffend"}


def workshop() -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Statement ids and each respondent's answers ("3", "n/a" or "") of the workshop sheet."""
    with WORKSHOP.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    return rows[0][2:], [(row[0], row[2:]) for row in rows[1:]]


IDS, PEOPLE = workshop()
TEXT_STATEMENTS = FRAMEWORK.questionnaire(ROLE)
TEXT = {s.id: s.text for s in TEXT_STATEMENTS}


def label(answer: str, lang: str = "en") -> str:
    if answer == "":
        return ""
    if answer == "n/a":
        return NA_LABEL[lang]
    return next(v.label.get(lang) for v in SCALE.values if str(v.value) == answer)


def write_csv(name: str, rows: list[list[str]], **options: object) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, **options)  # type: ignore[arg-type]
    writer.writerows(rows)
    encoding = "utf-8-sig" if name.startswith("limesurvey") else "utf-8"
    (HERE / name).write_bytes(buffer.getvalue().encode(encoding))


def write_xlsx(name: str, title: str, rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(HERE / name)


def limesurvey() -> None:
    meta = ["Response ID", "Date submitted", "Last page", "Start language", "Seed"]
    header = [*meta, "Participant code", *(f"{ASK_EN} [{TEXT[i].en}]" for i in IDS)]
    rows = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        rows.append([str(n), "2026-03-04 10:22:19", "3", "en", "1234", who])
        rows[-1] += [label(a) for a in answers]
    rows.append(["6", "", "2", "en", "99", "Excel 99", *["Expert"] * len(IDS)])  # incomplete
    write_csv("limesurvey-full.csv", rows, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    codes = ["id", "submitdate", "lastpage", "startlanguage", "seed", "G01Q01"]
    header = [*codes, *(f"G02Q01[{i.replace('.', '')}]" for i in IDS)]
    rows = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        cells = ["NA" if a == "n/a" else a for a in answers]
        rows.append([str(n), "2026-03-04 10:22:19", "3", "en", "1234", who, *cells])
    write_csv(
        "limesurvey-codes.csv", rows, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n"
    )
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "G01Q01. Participant code"]
    header += [f"G02Q01[SQ{k:03}]. {ASK_EN} [{TEXT[i].en}]" for k, i in enumerate(IDS, 1)]
    book_rows: list[list[object]] = [header]
    codes_of = {str(v.value): f"AO{v.value + 1:02}" for v in SCALE.values} | {"n/a": "AO07"}
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        book_rows.append([n, "2026-03-04 10:22:19", 3, "en", 1234, who])
        book_rows[-1] += [codes_of[a] if a else None for a in answers]
    write_xlsx("limesurvey-codetext.xlsx", "WIN self-assessment", book_rows)


KOBO_OWN = [
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
]


def kobo_own(n: int) -> list[str]:
    uuid = f"5c3a1e2b-0000-4000-8000-00000000000{n}"
    return [str(1000 + n), uuid, "2026-03-04T09:22:22", "", "", "submitted_via_web", ""]


def kobotoolbox() -> None:
    header = ["start", "end", "Teilnehmercode", *(TEXT[i].get("de") for i in IDS), *KOBO_OWN]
    rows = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        times = ["2026-03-04T10:02:17.000+01:00", "2026-03-04T10:12:40.000+01:00"]
        rows.append([*times, who, *(label(a, "de") for a in answers)])
        rows[-1] += [*kobo_own(n), "vGdZ8Kq3", "", str(n)]
    write_csv(
        "kobo-labels-de.csv", rows, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n"
    )
    header = ["start", "end", "respondent", *(i.replace(".", "_") for i in IDS), *KOBO_OWN]
    book_rows: list[list[object]] = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        times: list[object] = [datetime(2026, 3, 4, 10, 2), datetime(2026, 3, 4, 10, 12)]
        cells: list[object] = [int(a) if a.isdigit() else ("na" if a else None) for a in answers]
        book_rows.append([*times, who, *cells, 1000 + n, f"uuid-{n}", datetime(2026, 3, 4, 9)])
        book_rows[-1] += [None, None, "submitted_via_web", None, "vGdZ8Kq3", None, n]
    write_xlsx("kobo-xml.xlsx", "WIN self-assessment - team l...", book_rows)


ODK_OWN = ["KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected"]
ODK_OWN += ["Status", "ReviewState", "DeviceID", "Edits", "FormVersion"]


def odk(name: str, groups: bool) -> None:
    def path(statement: str) -> str:
        bare = statement.replace(".", "_")
        return f"{statement.split('.')[1].lower()}-{bare}" if groups else bare

    header = ["SubmissionDate", "start", "end", "respondent", *(path(i) for i in IDS)]
    header += ["meta-instanceID" if groups else "instanceID", *ODK_OWN]
    rows = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        key = f"uuid:0b7f1c2e-1111-4222-8333-44444444444{n}"
        times = ["2026-03-04T09:22:21.000Z", "2026-03-04T10:02:17.000+01:00"]
        rows.append([*times, "2026-03-04T10:12:40.000+01:00", who])
        rows[-1] += ["na" if a == "n/a" else a for a in answers]
        rows[-1] += [key, key, "5", "Workshop tablet", "0", "0", "", "", "collect:abc", "0", "1"]
    write_csv(name, rows, lineterminator="\n")


def microsoft_forms() -> None:
    meta = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    header = [*meta, "Your participant code", *(TEXT[i].en for i in IDS)]
    book_rows: list[list[object]] = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        start, end = datetime(2026, 3, 4, 10, 2, 17), datetime(2026, 3, 4, 10, 12, 40)
        book_rows.append([n, start, end, "anonymous", None, None, who])
        book_rows[-1] += [label(a) or None for a in answers]
    write_xlsx("msforms.xlsx", "Sheet1", book_rows)


def google_forms(name: str, lang: str) -> None:
    ask = ASK_EN if lang == "en" else ASK_DE
    first = ["Timestamp", "Participant code"] if lang == "en" else ["Zeitstempel", "Teilnehmercode"]
    header = [*first, *(f"{ask} [{TEXT[i].get(lang)}]" for i in IDS)]
    rows = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        rows.append([f"2026/03/04 10:2{n}:19 AM GMT+1", who, *(label(a, lang) for a in answers)])
    write_csv(name, rows, lineterminator="\r\n")


QUALTRICS_OWN = ["StartDate", "EndDate", "Status", "IPAddress", "Progress"]
QUALTRICS_OWN += ["Duration (in seconds)", "Finished", "RecordedDate", "ResponseId"]
QUALTRICS_OWN += ["ExternalReference", "DistributionChannel", "UserLanguage"]
QUALTRICS_TEXT = ["Start Date", "End Date", "Response Type", "IP Address", "Progress"]
QUALTRICS_TEXT += ["Duration (in seconds)", "Finished", "Recorded Date", "Response ID"]
QUALTRICS_TEXT += ["External Data Reference", "Distribution Channel", "User Language"]


def qualtrics_row(n: int, status: str, finished: str) -> list[str]:
    times = ["2026-03-04 10:02:17", "2026-03-04 10:12:40", status, "", "100", "623"]
    return [*times, finished, "2026-03-04 10:12:41", f"R_1abcDEF{n}", "", "anonymous", "EN"]


def qualtrics(name: str, numeric: bool) -> None:
    def answer(a: str) -> str:
        if not numeric:
            return label(a)
        return "" if a == "" else "7" if a == "n/a" else str(int(a) + 1)

    ids = [f"Q2_{k}" for k in range(1, len(IDS) + 1)]
    rows = [
        [*QUALTRICS_OWN, "Q1", *ids],
        [*QUALTRICS_TEXT, "Participant code", *(f"{ASK_EN} - {TEXT[i].en}" for i in IDS)],
        [
            json.dumps({"ImportId": c[0].lower() + c[1:]}, separators=(",", ":"))
            for c in QUALTRICS_OWN
        ]
        + [json.dumps({"ImportId": "QID1_TEXT"}, separators=(",", ":"))]
        + [json.dumps({"ImportId": f"QID{c[1:]}"}, separators=(",", ":")) for c in ids],
    ]
    rows.append([*qualtrics_row(0, "Survey Preview", "True"), "Preview", *[answer("5")] * len(IDS)])
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        rows.append([*qualtrics_row(n, "IP Address", "True"), who, *map(answer, answers)])
    rows.append([*qualtrics_row(9, "IP Address", "False"), "Excel 99", answer("1")])
    write_csv(name, rows, lineterminator="\r\n")


def limesurvey_expression_codes() -> None:
    """ExpressionScript codes (``G02Q01_WIMFND1a``), full answers in German, ``;``, one
    unfinished response."""
    codes = ["id", "submitdate", "lastpage", "startlanguage", "seed", "token", "G01Q01"]
    rows = [[*codes, *(f"G02Q01_{i.replace('.', '')}" for i in IDS)]]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        rows.append([str(n), "2026-03-04 10:22:19", "3", "de", "1234", f"tok{n}", who])
        rows[-1] += [label(a, "de") for a in answers]
    rows.append(["6", "", "1", "de", "99", "tok6", "Excel 99", *["Experte"] * len(IDS)])
    write_csv(
        "limesurvey-exprcodes.csv",
        rows,
        delimiter=";",
        quoting=csv.QUOTE_ALL,
        lineterminator="\r\n",
    )


def cut(text: str, length: int) -> str:
    """A text as LimeSurvey's "abbreviated" headings cut it: its first characters and ".. "."""
    return text if len(text) <= length else text[:length] + ".. "


def limesurvey_abbreviated(name: str, length: int) -> None:
    """Abbreviated headings: question and subquestion texts cut to ``length`` characters
    (LimeSurvey's default is 15)."""
    meta = ["Response ID", "Date submitted", "Last page", "Start language", "Seed"]
    header = [*meta, cut("Participant code", length)]
    header += [f"{cut(ASK_EN, length)} [{cut(TEXT[i].en, length)}]" for i in IDS]
    rows = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        rows.append([str(n), "2026-03-04 10:22:19", "3", "en", "1234", who])
        rows[-1] += [label(a) for a in answers]
    write_csv(name, rows, quoting=csv.QUOTE_ALL, lineterminator="\r\n")


def kobotoolbox_groups() -> None:
    """English labels with "Include groups in headers" (XLSX), and XML names with group
    paths (CSV)."""
    area = {s.id: FRAMEWORK.competences[s.competence_id].area_id for s in TEXT_STATEMENTS}
    title = {i: FRAMEWORK.areas[area[i]].title.en for i in IDS}
    header = ["start", "end", "Participant code", *(f"{title[i]}/{TEXT[i].en}" for i in IDS)]
    book_rows: list[list[object]] = [[*header, *KOBO_OWN]]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        times: list[object] = [datetime(2026, 3, 4, 10, 2), datetime(2026, 3, 4, 10, 12)]
        book_rows.append([*times, who, *(label(a) or None for a in answers)])
        book_rows[-1] += [1000 + n, f"uuid-{n}", datetime(2026, 3, 4, 9), None, None]
        book_rows[-1] += ["submitted_via_web", None, "vGdZ8Kq3", None, n]
    write_xlsx("kobo-labels-en-groups.xlsx", "WIN self-assessment - team l...", book_rows)
    paths = [f"{area[i].lower()}/{i.replace('.', '_')}" for i in IDS]
    rows = [["start", "end", "respondent", *paths, "meta/instanceID", *KOBO_OWN]]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        times_text = ["2026-03-04T10:02:17.000+01:00", "2026-03-04T10:12:40.000+01:00"]
        rows.append([*times_text, who, *("na" if a == "n/a" else a for a in answers)])
        rows[-1] += [f"uuid:{n}", *kobo_own(n), "vGdZ8Kq3", "", str(n)]
    write_csv(
        "kobo-xml-groups.csv", rows, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n"
    )


def microsoft_forms_more() -> None:
    """A form inside an organisation (people named in ``Name``, no code question), and a
    form written in German (statements and options in German)."""
    meta = ["ID", "Start time", "Completion time", "Email", "Name"]
    header = [*meta, *(TEXT[i].en for i in IDS)]
    book_rows: list[list[object]] = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        start, end = datetime(2026, 3, 4, 10, 2, 17), datetime(2026, 3, 4, 10, 12, 40)
        email = who.lower().replace(" ", ".") + "@example.org"
        book_rows.append([n, start, end, email, who, *(label(a) or None for a in answers)])
    write_xlsx("msforms-names.xlsx", "Sheet1", book_rows)
    meta = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    header = [*meta, "Teilnehmercode", *(TEXT[i].get("de") for i in IDS)]
    book_rows = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        start, end = datetime(2026, 3, 4, 10, 2, 17), datetime(2026, 3, 4, 10, 12, 40)
        book_rows.append([n, start, end, "anonymous", None, None, who])
        book_rows[-1] += [label(a, "de") or None for a in answers]
    write_xlsx("msforms-de.xlsx", "Sheet1", book_rows)


def google_forms_email() -> None:
    """E-mails collected, a quiz's ``Score``, options written with their value
    (``3 - Independent``) and another question."""
    header = ["Timestamp", "Email Address", "Score", "Participant code", "Department"]
    header += [f"{ASK_EN} [{TEXT[i].en}]" for i in IDS]
    rows = [header]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        email = f"p{n}@example.org"
        first = [f"2026/03/04 10:2{n}:19 AM GMT+1", email, "0 / 0", who, "Sales"]
        rows.append([*first, *(f"{a} - {label(a)}" if a.isdigit() else label(a) for a in answers)])
    write_csv("google-email.csv", rows, lineterminator="\r\n")


def qualtrics_legacy() -> None:
    """An export made before 2017: two header rows, no import ids; choice text."""
    ids = [f"Q2_{k}" for k in range(1, len(IDS) + 1)]
    rows = [
        [*QUALTRICS_OWN, "Q1", *ids],
        [*QUALTRICS_TEXT, "Participant code", *(f"{ASK_EN} - {TEXT[i].en}" for i in IDS)],
    ]
    for n, (who, answers) in enumerate(PEOPLE, start=1):
        rows.append([*qualtrics_row(n, "IP Address", "True"), who, *map(label, answers)])
    rows.append([*qualtrics_row(9, "Survey Test", "True"), "Excel 98", *["Expert"] * len(IDS)])
    write_csv("qualtrics-legacy.csv", rows, lineterminator="\r\n")


def more() -> None:
    """The second set of variants (issue 15, "several variants per tool")."""
    limesurvey_expression_codes()
    limesurvey_abbreviated("limesurvey-abbreviated.csv", 30)
    limesurvey_abbreviated("limesurvey-abbreviated-15.csv", 15)
    kobotoolbox_groups()
    microsoft_forms_more()
    google_forms_email()
    qualtrics_legacy()


def main() -> None:
    limesurvey()
    kobotoolbox()
    odk("odk-groups.csv", groups=True)
    odk("odk-bare.csv", groups=False)
    microsoft_forms()
    google_forms("google.csv", "en")
    google_forms("google-de.csv", "de")
    qualtrics("qualtrics-text.csv", numeric=False)
    qualtrics("qualtrics-numeric.csv", numeric=True)
    more()


if __name__ == "__main__":
    main()
