"""Headless Chromium for the browser tests, driven by Selenium through chromium-driver.

Without the Debian packages ``chromium`` and ``chromium-driver`` the tests that use
:func:`chromium_driver` are skipped, unless the environment variable CI is set, in which
case they fail. Chromium gets no network beyond this machine and a fresh profile.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def _require(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (Debian: apt-get install -y {package})"
        if os.environ.get("CI"):
            pytest.fail(message + " but CI is set")
        pytest.skip(message)
    return path


@contextmanager
def chromium_driver(profile: Path, width: int, height: int) -> Iterator[Any]:
    """A Selenium WebDriver for headless Chromium with a window of ``width`` x ``height``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary = _require("chromium", "chromium")
    driver_path = _require("chromedriver", "chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in [*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()
