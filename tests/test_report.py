"""Reports: Markdown content, and the HTML report rendered in headless Chromium."""
from pathlib import Path
from urllib.parse import urlparse

import pytest

from chromium import headless

from orbitwatch.indicators.bundled import bundled
from orbitwatch.pipeline import ingest_paths
from orbitwatch.report import build
from orbitwatch.store import DuckDBStore

PARADOX = Path(__file__).parent / "fixtures" / "paradox"


@pytest.fixture
def store(tmp_path):
    s = DuckDBStore(tmp_path / "r.duckdb")
    ingest_paths([str(PARADOX)], s)
    for name, rows in bundled().items():
        s.replace_indicators(name, rows)
    yield s
    s.close()


def test_markdown_report_has_the_matrix_verdicts_and_evidence(store, tmp_path):
    text = build(store, tmp_path / "md", "md").read_text()
    assert "| KAZ |" in text and "mixed" in text
    assert "## KAZ and RUS" in text and "Strongest evidence away:" in text
    assert "Kazakhstan refused to recognise Russia's annexation" in text
    assert "claimed in" in text  # the trade claim of the fixture


def test_html_report_is_self_contained(store, tmp_path):
    page = build(store, tmp_path / "h", "html").read_text()
    assert "<script src=" not in page and "cdn." not in page.split("</style>", 1)[0]
    assert "chart-matrix" in page and "chart-series-KAZ-RUS" in page and "chart-structure-KAZ" in page


def test_html_report_draws_its_charts_and_links_resolve_in_chromium(store, tmp_path):
    driver = headless("1280,2400")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    index = build(store, tmp_path / "h", "html")
    try:
        driver.get(index.as_uri())
        charts = WebDriverWait(driver, 30).until(  # a 5 MB page: wait for it rather than race it
            lambda d: d.find_elements(By.CSS_SELECTOR, "div.plotly-graph-div"))
        assert len(charts) >= 3
        WebDriverWait(driver, 20).until(lambda d: all(
            c.find_elements(By.CSS_SELECTOR, "svg.main-svg") for c in d.find_elements(By.CSS_SELECTOR,
                                                                                     "div.plotly-graph-div")))
        for chart in charts:  # drawn: an SVG with marks in it, not an empty frame
            marks = chart.find_elements(By.CSS_SELECTOR, "svg.main-svg .trace, svg.main-svg .hm, svg.main-svg image")
            assert marks, chart.get_attribute("id")
        driver.save_screenshot(str(tmp_path / "report.png"))
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.evidence")]
        assert links
        for href in links:
            url = urlparse(href)
            target = Path(url.path)
            assert target.exists(), href
            assert f'id="{url.fragment}"' in target.read_text(), href
        driver.get(links[0])
        mark = driver.find_element(By.CSS_SELECTOR, f"mark#{urlparse(links[0]).fragment}")
        assert mark.text.strip()
    finally:
        driver.quit()
