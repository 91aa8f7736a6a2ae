"""``wimcheck serve`` in a real browser: headless Chromium at 390 px, driven by Selenium.

A participant answers a whole questionnaire by tapping (with back, n/a, a skip offered
again before the end and a reload in the middle), sees the result; two more finish over
HTTP, and the facilitator's page shows the group. axe-core (from npm: ``npm install
--no-save --prefix .ci-node axe-core@4``, as ``.ci/run`` does) checks the pages of both
(the result, the group profile, the resume and an error page too): no serious or
critical violation. Nothing is wider than the phone. Screenshots go to the folder named
by WIMCHECK_SCREENSHOTS (default: the test's tmp_path).

Without chromium, chromedriver or axe-core the test is skipped, unless CI is set: then
it fails, so CI cannot pass it silently.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import httpx
import pytest

from browser import chromium_driver
from serve_process import Server
from test_serve_process import STATEMENTS, _fields, _join

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
AXE = ROOT / ".ci-node" / "node_modules" / "axe-core" / "axe.min.js"
WIDTH, HEIGHT = 390, 844


@pytest.fixture
def axe_source() -> str:
    if not AXE.is_file():
        message = (
            f"axe-core is not installed ({AXE}): npm install --no-save --prefix .ci-node axe-core@4"
        )
        if os.environ.get("CI"):
            pytest.fail(message + " but CI is set")
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("WIMCHECK_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Phone:
    """The browser, with the checks every page gets."""

    def __init__(self, driver: Any, axe: str, shots: Path) -> None:
        self.driver, self.axe, self.shots = driver, axe, shots
        self.checked: list[str] = []

    def css(self, selector: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def text(self) -> str:
        return str(self.css("main").text)

    def check(self, name: str) -> None:
        """No serious or critical accessibility violation, nothing wider than the phone."""
        self.driver.save_screenshot(str(self.shots / f"serve-{name}.png"))
        width = self.driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= WIDTH, (name, width)
        self.driver.execute_script(self.axe)
        found = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done(JSON.stringify(r.violations)))"
            ".catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e)}])));"
        )
        bad = [
            f"{v['id']} ({v['impact']}): {v.get('help', '')} at "
            + ", ".join(str(n.get("target")) for n in v.get("nodes", []))
            for v in json.loads(found)
            if v.get("impact") in ("serious", "critical")
        ]
        assert bad == [], (name, bad)
        self.checked.append(name)

    def choose(self, value: str) -> None:
        self.css(f"input[name='answer'][value='{value}']").find_element("xpath", "..").click()

    def press(self, label: str) -> None:
        """Tap the button ``label`` and wait for the next page."""
        from selenium.webdriver.common.by import By

        page = self.css("main")
        buttons = self.driver.find_elements(By.CSS_SELECTOR, "button")
        next(b for b in buttons if b.text.strip() == label).click()
        self.wait_for_next(page)

    def wait_for_next(self, page: Any) -> None:
        """Wait until ``page`` (an element of the page before) is gone and the next one is
        loaded. While the page changes, chromedriver may say so with one error or another."""
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.wait import WebDriverWait

        def gone(_: Any) -> bool:
            try:
                page.is_enabled()
            except WebDriverException:
                return True
            return False

        def loaded(driver: Any) -> bool:
            try:
                ready = driver.execute_script("return document.readyState") == "complete"
                return bool(ready and driver.find_elements("css selector", "main"))
            except WebDriverException:
                return False

        WebDriverWait(self.driver, 20).until(gone)
        WebDriverWait(self.driver, 20).until(loaded)


def _finish_over_http(base: str, code: str, name: str) -> None:
    with httpx.Client(base_url=base, timeout=10) as http:
        _join(http, code, name)
        while int((form := _fields(http.get("/q").text))["pos"]) < len(STATEMENTS):
            http.post("/q", data={**form, "do": "answer", "answer": "3"})
        assert http.post("/finish", data={"csrf": form["csrf"]}).status_code == 303


def test_a_phone_answers_everything_and_the_facilitator_sees_the_group(
    tmp_path: Path, axe_source: str, shots: Path
) -> None:
    total = len(STATEMENTS)
    with (
        Server(tmp_path / "ws") as server,
        chromium_driver(tmp_path / "profile", WIDTH, HEIGHT) as driver,
    ):
        driver.set_script_timeout(60)
        # a desktop window cannot be narrower than about 500 px: emulate the phone's screen
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 2, "mobile": True},
        )
        phone = Phone(driver, axe_source, shots)
        driver.get(f"{server.base}/?code={server.code}")
        phone.check("join")
        phone.css("#name").send_keys("Mira")
        phone.press("Start")
        assert f"Statement 1 of {total}" in phone.text()
        phone.check("statement")
        for index in range(total):
            assert f"Statement {index + 1} of {total}" in phone.text()
            if index == 3:  # back to the third, whose answer is still checked
                phone.press("Back")
                assert f"Statement 3 of {total}" in phone.text()
                assert phone.css("input[name='answer'][value='2']").is_selected()
                phone.press("Next")
            if index == 10:  # a reload in the middle keeps the place
                driver.refresh()
                assert f"Statement 11 of {total}" in phone.text()
            if index == 7:  # skipped: offered again before the end
                phone.press("Skip")
                continue
            phone.choose("na" if index == 5 else str(index % 5))
            phone.press("Next")
        assert f"Statement 8 of {total}, skipped before" in phone.text()
        assert "You skipped 1 statement. It comes again now" in phone.text()
        phone.check("review")
        phone.choose("2")
        phone.press("Next")
        assert f"You answered {total} of {total} statements." in phone.text()
        phone.check("done")
        phone.press("Show my result")
        assert "Mira" in driver.page_source and "Download this result" in driver.page_source
        phone.check("result")
        driver.get(f"{server.base}/resume")
        phone.check("resume")
        driver.get(f"{server.base}/nowhere")
        assert "Page not found" in phone.text()
        phone.check("not-found")
        for name in ("Nia", "Ola"):
            _finish_over_http(server.base, server.code, name)
        facilitator = Phone(driver, axe_source, shots)
        driver.get(server.facilitator)
        assert "3 finished" in facilitator.text().replace("\n", " ")
        facilitator.check("facilitator")
        page = facilitator.css("main")
        facilitator.css("a.button.primary").click()
        facilitator.wait_for_next(page)
        assert driver.find_elements("css selector", "svg")
        facilitator.check("group")
    answers = sorted((tmp_path / "ws").glob("Mira-*.toml"))
    assert len(answers) == 1
    import tomllib

    data = tomllib.loads(answers[0].read_text(encoding="utf-8"))
    expected: dict[str, object] = {sid: i % 5 for i, sid in enumerate(STATEMENTS)}
    expected[STATEMENTS[5]] = "n/a"
    expected[STATEMENTS[7]] = 2
    assert data["answers"] == expected
    assert phone.checked == ["join", "statement", "review", "done", "result", "resume", "not-found"]
    assert facilitator.checked == ["facilitator", "group"]
