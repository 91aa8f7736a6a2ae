"""The HTML reports in a real browser: headless Chromium, at desktop and phone width.

For each report (a WIM person, the easy-read B-WISE worker, the group of 40) this
checks that the page loads without a console message (the pages have no script, so any
message, such as a Content-Security-Policy violation, is a fault), that the charts are in
the DOM, and that nothing is wider than the window: at 375 px the page must not scroll
sideways (wide tables turn into one block per row, or scroll inside their own box).
Screenshots (window-sized and tall ones), the rendered pages and a printed PDF are saved
for a human to look at, in the folder named by WIMCHECK_SCREENSHOTS (default: a folder in
the test's tmp_path).

Needs the Debian package ``chromium``; without it the tests are skipped, unless the
environment variable CI is set, in which case they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wimcheck.assessment.result_json import person_result_from_data, read_person_result
from wimcheck.batch.group_file import group_result_from_data
from wimcheck.reports.group import group_html
from wimcheck.reports.person import person_html

pytestmark = pytest.mark.slow

REPORTS = Path(__file__).parent / "data" / "reports"
HOSTILE = Path(__file__).parent / "data" / "hostile" / "payloads.json"
TIMEOUT = 60
SIZES = {"desktop": (1280, 900), "phone": (375, 812)}
BASE_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))
    return data


PAGES: dict[str, Callable[[], str]] = {
    "person-wim": lambda: person_html(read_person_result(REPORTS / "person_wim.json")),
    "person-bwise-worker": lambda: person_html(
        read_person_result(REPORTS / "person_bwise_worker.json")
    ),
    "group-wim-40": lambda: group_html(group_result_from_data(_load("group_wim"))),
}


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed but CI is set: apt-get install -y chromium")
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium)")
    return path


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """Where screenshots and the rendered pages go: WIMCHECK_SCREENSHOTS or tmp_path."""
    folder = Path(os.environ.get("WIMCHECK_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Browser:
    """Runs headless Chromium once per call, each with its own fresh profile."""

    def __init__(self, executable: str, workdir: Path) -> None:
        self.executable = executable
        self.workdir = workdir
        self.runs = 0

    def run(self, *flags: str, url: str) -> subprocess.CompletedProcess[str]:
        self.runs += 1
        profile = self.workdir / f"profile-{self.runs}"
        command = [
            self.executable,
            *BASE_FLAGS,
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *flags,
            url,
        ]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
        shutil.rmtree(profile, ignore_errors=True)
        assert result.returncode == 0, result.stderr[-2000:]
        console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
        assert console == [], "\n".join(console)
        assert "Uncaught" not in result.stderr
        return result


@pytest.fixture
def browser(chromium: str, tmp_path: Path) -> Browser:
    return Browser(chromium, tmp_path)


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


# A page that loads a report into iframes of the given widths and writes what it measured
# into the DOM; --dump-dom prints it. The report itself stays without any script.
MEASURE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body style="margin:0">
<pre id="result">pending</pre>
{frames}
<script>
var frames = Array.from(document.querySelectorAll("iframe"));
var results = {{}};
function measure(frame) {{
  var doc = frame.contentDocument;
  var root = doc.documentElement;
  var widest = 0;
  doc.querySelectorAll("svg.chart, svg.gapbar, table, figure, p, h1, h2, li").forEach(
    function (el) {{
      if (el.closest(".table-wrap") && el.tagName !== "TABLE") return;
      var box = el.getBoundingClientRect();
      if (el.tagName === "TABLE" && el.closest(".table-wrap")) {{
        box = el.closest(".table-wrap").getBoundingClientRect();
      }}
      widest = Math.max(widest, box.right);
    }});
  results[frame.dataset.name] = {{
    width: frame.clientWidth,
    clientWidth: root.clientWidth,
    scrollWidth: root.scrollWidth,
    widest: Math.ceil(widest),
    charts: doc.querySelectorAll("svg.chart").length,
    chartHeights: Array.from(doc.querySelectorAll("svg.chart")).map(
      function (s) {{ return Math.round(s.getBoundingClientRect().height); }}),
    scripts: doc.querySelectorAll("script, img, iframe, object, embed").length,
    text: doc.body.innerText
  }};
  if (Object.keys(results).length === frames.length) {{
    document.getElementById("result").textContent = JSON.stringify(results);
  }}
}}
frames.forEach(function (frame) {{
  if (frame.contentDocument && frame.contentDocument.readyState === "complete" &&
      frame.contentDocument.URL !== "about:blank") {{
    measure(frame);
  }} else {{
    frame.addEventListener("load", function () {{ measure(frame); }});
  }}
}});
</script>
</body></html>
"""


def _measure(browser: Browser, page: Path, folder: Path) -> dict[str, Any]:
    frames = "\n".join(
        f'<iframe data-name="{name}" src="{page.as_uri()}" '
        f'style="width:{w}px;height:{h}px;border:0;display:block"></iframe>'
        for name, (w, h) in SIZES.items()
    )
    wrapper = folder / f"measure-{page.stem}.html"
    wrapper.write_text(MEASURE.format(frames=frames), encoding="utf-8")
    result = browser.run(
        "--allow-file-access-from-files",
        "--virtual-time-budget=10000",
        "--dump-dom",
        url=wrapper.as_uri(),
    )
    wrapper.unlink()
    match = re.search(r'<pre id="result">(.*?)</pre>', result.stdout, flags=re.DOTALL)
    assert match, result.stdout[-2000:]
    raw = match.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    raw = raw.replace("&amp;", "&")
    assert raw != "pending", "the report did not load in the frames"
    measured: dict[str, Any] = json.loads(raw)
    return measured


@pytest.mark.parametrize("name", list(PAGES))
def test_report_in_chromium(name: str, browser: Browser, out_dir: Path) -> None:
    page = out_dir / f"{name}.html"
    page.write_text(PAGES[name](), encoding="utf-8")

    # the page parses, and the charts are in the DOM
    dom = browser.run("--dump-dom", url=page.as_uri()).stdout
    assert "<svg" in dom
    assert 'class="chart radar"' in dom
    assert "<script" not in dom.lower()

    # screenshots at desktop and phone width, for a human to look at
    for size, (width, height) in SIZES.items():
        shot = out_dir / f"{name}-{size}.png"
        shot.unlink(missing_ok=True)
        browser.run(f"--window-size={width},{height}", f"--screenshot={shot}", url=page.as_uri())
        assert shot.is_file()
        assert _png_size(shot) == (width, height)
        assert shot.stat().st_size > 10_000  # not a blank page

    # tall screenshots show the whole page (or most of it) for a human to look at
    for size, (width, _) in SIZES.items():
        shot = out_dir / f"{name}-{size}-long.png"
        browser.run(f"--window-size={width},4000", f"--screenshot={shot}", url=page.as_uri())
        assert _png_size(shot) == (width, 4000)

    # printing works (A4, print stylesheet); the PDF is kept for a human to look at
    pdf = out_dir / f"{name}.pdf"
    pdf.unlink(missing_ok=True)
    browser.run("--no-pdf-header-footer", f"--print-to-pdf={pdf}", url=page.as_uri())
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert pdf.stat().st_size > 20_000

    # nothing is wider than the window; the charts are drawn with a real height
    measured = _measure(browser, page, out_dir)
    for size, (width, _) in SIZES.items():
        m = measured[size]
        assert m["scrollWidth"] <= m["clientWidth"], (size, m["scrollWidth"], m["clientWidth"])
        assert m["widest"] <= m["clientWidth"], (size, m["widest"], m["clientWidth"])
        assert m["charts"] >= 2
        assert all(h > 100 for h in m["chartHeights"]), m["chartHeights"]
        assert m["scripts"] == 0
        assert m["clientWidth"] <= width


def test_hostile_report_runs_nothing_in_chromium(browser: Browser, out_dir: Path) -> None:
    payloads = json.loads(HOSTILE.read_text(encoding="utf-8"))
    result = _load("person_bwise_worker")
    result["respondent"] = payloads["respondent"]
    result["role_title"] = payloads["texts"][0]
    result["assisted_by"] = payloads["texts"][3]
    for area, text in zip(result["areas"], payloads["texts"], strict=False):
        area["title"] = text
    for answer, text in zip(result["answers"], payloads["texts"], strict=False):
        answer["text"] = text
    result["provenance"]["sources"] = [
        {"title": text, "url": url}
        for text, url in zip(payloads["texts"], payloads["urls"], strict=False)
    ]
    page = out_dir / "person-hostile.html"
    page.write_text(person_html(person_result_from_data(result)), encoding="utf-8")
    measured = _measure(browser, page, out_dir)
    for size in SIZES:
        m = measured[size]
        assert m["scripts"] == 0  # no <script>, <img> or <iframe> came out of the data
        assert payloads["respondent"] in m["text"]
        assert "<script>alert(1)</script>" in m["text"]
        assert m["scrollWidth"] <= m["clientWidth"]
