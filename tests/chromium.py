"""Headless Chromium for the browser tests: Debian's chromium and chromium-driver."""
import shutil

import pytest


def find_chromium() -> str | None:
    for browser in ("chromium", "chromium-browser"):
        path = shutil.which(browser)
        if path and shutil.which("chromedriver"):
            return path
    return None


def headless(size: str = "1280,1600"):
    """A selenium driver, or a skip when Chromium or selenium is missing."""
    if find_chromium() is None:
        pytest.skip("Debian chromium and chromium-driver are not installed")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = find_chromium()
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", f"--window-size={size}"):
        opts.add_argument(arg)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)
