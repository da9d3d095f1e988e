"""The workbench in headless Chromium: from the overview to a state, to an
event and its document, then a rejection with the token moves the verdict."""
import socket
import threading
import time
from pathlib import Path

import pytest

from chromium import headless

from orbitwatch.indicators.bundled import bundled
from orbitwatch.pipeline import ingest_paths
from orbitwatch.serve import create_app
from orbitwatch.store import DuckDBStore

PARADOX = Path(__file__).parent / "fixtures" / "paradox"
TOKEN = "browser-token"
SHOTS = Path(__file__).parent.parent / "test-screenshots"


@pytest.fixture()
def server(tmp_path):
    uvicorn = pytest.importorskip("uvicorn")
    path = tmp_path / "b.duckdb"
    with DuckDBStore(path) as store:
        ingest_paths([str(PARADOX)], store)
        for name, rows in bundled().items():
            store.replace_indicators(name, rows)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(str(path), TOKEN), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.fixture()
def driver():
    d = headless()
    yield d
    d.quit()


def _overall_events(driver):
    from selenium.webdriver.common.by import By
    rows = driver.find_elements(By.CSS_SELECTOR, "#RUS + table.verdicts tr")
    return int(next(r for r in rows if r.text.startswith("overall")).find_element(
        By.CSS_SELECTOR, ".events-count").text)


def test_click_through_and_reject_a_record(server, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    SHOTS.mkdir(exist_ok=True)
    wait = WebDriverWait(driver, 10)

    driver.get(server + "/")
    driver.save_screenshot(str(SHOTS / "1-overview.png"))
    driver.find_element(By.LINK_TEXT, "KAZ").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".chart .main-svg"))  # Plotly drew
    assert driver.find_elements(By.CSS_SELECTOR, "#RUS")
    before = _overall_events(driver)
    driver.save_screenshot(str(SHOTS / "2-state.png"))

    link = driver.find_element(By.CSS_SELECTOR, "table.evidence a.evidence-link")
    sentence = link.text
    link.click()
    mark = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "mark:target"))
    assert mark.text == sentence
    driver.save_screenshot(str(SHOTS / "3-document.png"))

    driver.find_element(By.ID, "author").send_keys("tester")
    token = driver.find_element(By.ID, "token")
    token.send_keys(TOKEN)
    driver.execute_script("for (const id of ['author','token']) document.getElementById(id)"
                          ".dispatchEvent(new Event('change'))")
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "#records tr[data-index]")
               if "RUS" in r.text and "machine" in r.text)
    row.find_element(By.CSS_SELECTOR, "button.reject").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#log tr td"))  # the page reloaded with the log
    assert "reject" in driver.find_element(By.ID, "log").text and "tester" in driver.find_element(By.ID, "log").text

    driver.get(server + "/state/KAZ")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".chart .main-svg"))
    assert _overall_events(driver) == before - 1
    driver.save_screenshot(str(SHOTS / "4-state-after.png"))


def test_events_page_leads_to_the_document_and_review_keys_confirm(server, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    wait = WebDriverWait(driver, 10)
    driver.get(server + "/events?state=KAZ")
    total = int(driver.find_element(By.ID, "total").text)
    assert total >= 4
    driver.find_element(By.CSS_SELECTOR, "#events a.evidence-link").click()
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "mark:target"))

    driver.get(server + "/review")
    driver.execute_script(f"sessionStorage.setItem('orbitwatch-token', '{TOKEN}');"
                          "sessionStorage.setItem('orbitwatch-author', 'reviewer')")
    driver.get(server + "/review")
    first = driver.find_element(By.CSS_SELECTOR, "#queue tr.selected").text
    driver.find_element(By.TAG_NAME, "body").send_keys("c")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#queue tr.selected").text != first)
    SHOTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(SHOTS / "5-review.png"))
