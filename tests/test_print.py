"""Printed reports keep every heading with what follows it (issue 11, point 7).

The person, group and comparison reports are printed to PDF by headless Chromium on
pages of several heights (the report's own CSS, only the page height changed, so that
the page breaks fall in many places), and the text of each page is read with pdftotext.
No page but the last may end with a heading, or with a heading and only (part of) the
paragraph that introduces what follows.
"""

from __future__ import annotations

import base64
import html
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import chromium_driver
from wimcheck.assessment.result_json import read_person_result
from wimcheck.batch.comparison_file import comparison_from_data
from wimcheck.batch.group_file import group_result_from_data
from wimcheck.reports.comparison import compare_html
from wimcheck.reports.group import group_html
from wimcheck.reports.person import person_html

pytestmark = pytest.mark.slow

REPORTS = Path(__file__).parent / "data" / "reports"
# page heights in mm: A4 (297), US Letter (279), and heights at which the reports' breaks
# fell right after a heading before headings were kept with what follows them
HEIGHTS = (297, 279, 270, 258, 240, 228, 210)


def _plain(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def headings_and_intros(page: str) -> dict[str, str]:
    """Each heading's text, and the text of the paragraph right after it (or "")."""
    found = re.finditer(
        r"<h([1-4])[^>]*>(.*?)</h\1>\s*(?:<p[^>]*>(.*?)</p>)?", page, flags=re.DOTALL
    )
    return {_plain(m.group(2)): _plain(m.group(3) or "") for m in found}


def stranded_headings(pdf: bytes, page: str, folder: Path) -> list[str]:
    """The headings that end a page (alone or with only their introduction)."""
    headings = headings_and_intros(page)
    path = folder / "printed.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    stranded = []
    for number, sheet in enumerate(text.split("\f")[:-2], start=1):  # not the last page
        lines = [" ".join(line.split()) for line in sheet.splitlines() if line.strip()]
        for back in range(1, min(len(lines), 6) + 1):
            heading = lines[-back]
            if heading not in headings:
                continue
            after = " ".join(lines[len(lines) - back + 1 :])
            if headings[heading].startswith(after):
                stranded.append(f"page {number}: {heading!r}")
    return stranded


def _reports() -> Iterator[tuple[str, str]]:
    yield "person", person_html(read_person_result(REPORTS / "person_bwise_worker.json"))
    yield "person-wim", person_html(read_person_result(REPORTS / "person_wim.json"))
    group = group_result_from_data(_json(REPORTS / "group_wim.json"))
    yield "group", group_html(group)
    comparison = comparison_from_data(_json(REPORTS / "compare_group.json"))
    yield "comparison", compare_html(comparison)


def _json(path: Path) -> Any:
    import json

    return json.loads(path.read_text(encoding="utf-8"))


def test_no_printed_page_ends_with_a_heading(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (Debian: apt-get install -y poppler-utils)")
    problems = []
    with chromium_driver(tmp_path / "profile", 1000, 1000) as driver:
        for name, page in _reports():
            assert "@page { size: A4;" in page
            for height in HEIGHTS:
                sized = page.replace("@page { size: A4;", f"@page {{ size: 210mm {height}mm;")
                file = tmp_path / f"{name}-{height}.html"
                file.write_text(sized, encoding="utf-8")
                driver.get(file.as_uri())
                printed = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
                pdf = base64.b64decode(printed["data"])
                for where in stranded_headings(pdf, page, tmp_path):
                    problems.append(f"{name} at {height} mm, {where}")
    assert problems == []
