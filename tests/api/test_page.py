"""GET /: the page, served without anything from outside, and driven in headless chromium."""
import os
import re
import shutil
from pathlib import Path

import httpx
import pytest

from service.api.schemas import STATIC_DIR

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
CHROMEDRIVER = Path(shutil.which("chromedriver") or "/usr/bin/chromedriver")
IN_CI = os.environ.get("CI", "").lower() == "true"

# Written for this test in the style of Turkish trade news (figures invented).
ARTICLE = ("İzmir'in ihracatı 2025 yılında yüzde 5 artarak 14 milyar 210 milyon dolara ulaştı. "
           "Kentin en büyük pazarı 1 milyar 650 milyon dolarla Almanya oldu.")


def test_page_is_served_with_its_assets(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert client.get(asset).status_code == 200, asset
    assert "<textarea" in page.text and 'id="facts"' in page.text


@pytest.mark.parametrize("name", ["index.html", "app.js", "style.css"])
def test_page_fetches_nothing_from_the_internet(name):
    source = (STATIC_DIR / name).read_text(encoding="utf-8")
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", source, re.I), name


def test_page_examples_list_articles(client):
    examples = client.get("/examples").json()
    assert len(examples) >= 2
    assert all(e["title"] and e["text"].strip() for e in examples)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Debian's chromium, headless, through chromium-driver; nothing is downloaded."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()) and not IN_CI:
        pytest.skip("chromium and chromium-driver are not installed (bash .ci/browser.sh installs "
                    "them from Debian); with CI=true this test runs and fails instead")
    if not IN_CI:
        pytest.importorskip("selenium", reason="selenium is a test extra: pip install -e '.[test]'")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never fetch a driver
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser, base):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(base + "/")
    WebDriverWait(browser, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#example option")) > 1)


def _severe_console_errors(browser) -> list:
    return [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def test_page_pasted_article_shows_highlighted_province_and_fact_row(browser, live_server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, _ = live_server
    _open(browser, base)
    browser.find_element(By.ID, "text").send_keys(ARTICLE)
    browser.find_element(By.ID, "date").send_keys("2026-01-06")
    browser.find_element(By.ID, "submit").click()
    wait = WebDriverWait(browser, 20)
    wait.until(lambda d: "entities" in d.find_element(By.ID, "status").text)

    provinces = browser.find_elements(By.CSS_SELECTOR, '#doc mark.entity[data-label="PROVINCE"]')
    assert any(m.text.startswith("İzmir") for m in provinces), browser.find_element(By.ID, "doc").text
    colour = provinces[0].value_of_css_property("background-color")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    rows = browser.find_elements(By.CSS_SELECTOR, "#facts tbody tr")
    assert rows and "export" in rows[0].text

    ActionChains(browser).move_to_element(rows[0]).perform()
    underlined = browser.find_elements(By.CSS_SELECTOR, "#doc .seg.evidence")
    assert underlined and "underline" in underlined[0].value_of_css_property("text-decoration")
    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    assert not browser.find_elements(By.CSS_SELECTOR, "#doc .seg.evidence")
    assert not _severe_console_errors(browser)


def test_page_example_pick_fills_the_text_and_reads_it(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    base, _ = live_server
    _open(browser, base)
    Select(browser.find_element(By.ID, "example")).select_by_index(1)
    WebDriverWait(browser, 20).until(lambda d: "entities" in d.find_element(By.ID, "status").text)
    text = browser.find_element(By.ID, "text").get_attribute("value")
    assert text.strip()
    # The highlighted text is the article itself, character for character.
    doc = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc .seg')).map(s => s.textContent).join('')")
    assert doc == text
    assert not _severe_console_errors(browser)


def test_page_shows_the_error_of_a_blank_text(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, _ = live_server
    _open(browser, base)
    browser.find_element(By.ID, "text").send_keys("   ")
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 10).until(lambda d: "E101" in d.find_element(By.ID, "status").text)
    assert "error" in browser.find_element(By.ID, "status").get_attribute("class")


def test_page_offsets_survive_emoji_and_rtl_text(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, _ = live_server
    _open(browser, base)
    text = "🚢📈 Mersin'in ihracatı 2025 yılında arttı. العراق 🇹🇷 2024 yılında azaldı."
    browser.execute_script("document.getElementById('text').value = arguments[0];", text)
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 20).until(lambda d: "entities" in d.find_element(By.ID, "status").text)
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('#doc mark.entity')).map("
        "m => Array.from(m.querySelectorAll('.seg')).map(s => s.textContent).join(''))")
    answer = httpx.post(f"{base}/extract", json={"text": text}, timeout=30).json()
    assert marks == [e["text"] for e in answer["entities"]]


def test_page_docs_render_offline_under_the_content_security_policy(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, _ = live_server
    browser.get_log("browser")  # start from an empty console
    browser.get(base + "/docs")
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock-summary-path"))
    paths = {e.text.replace("\u200b", "") for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/extract", "/extract/batch", "/version"} <= paths
    assert not _severe_console_errors(browser)  # a CSP violation is logged as SEVERE


def test_page_headers_forbid_framing_and_inline_script(live_server):
    base, _ = live_server
    r = httpx.get(base + "/", timeout=10)
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert httpx.head(base + "/", timeout=10).status_code == 200


@pytest.fixture(scope="module")
def db_page_server(explained_model, tmp_path_factory):
    """A real HTTP server (uvicorn, in a thread of this process) over an app that reads a
    database the bulk sink wrote and a pipeline whose facts carry `sources`."""
    import threading

    import uvicorn

    from service.api.app import create_app
    from service.api.settings import Settings

    from ..bulk.conftest import annotate, write_jsonl
    from .conftest import free_port, wait_until_ready
    from .test_query import ARTICLES

    tmp = tmp_path_factory.mktemp("page-db")
    url = f"sqlite:///{tmp / 'facts.db'}"
    assert annotate(write_jsonl(tmp / "in.jsonl", ARTICLES), "--db", url, "-o", tmp / "out.jsonl")[0] == 0
    port = free_port()
    app = create_app(Settings(model=explained_model[1], db=url))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    wait_until_ready(None, base, None, timeout=30)
    yield base
    server.should_exit = True
    thread.join(timeout=20)


PROVENANCE_ARTICLE = "Kocaeli'nin 2025 yılında Almanya'ya ihracatı yüzde 12 artarak 3 milyar 105 milyon dolar oldu."


def _extract_on_page(browser, base, text, date="2026-01-07"):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get_log("browser")  # earlier tests' messages are theirs
    _open(browser, base)
    browser.execute_script("document.getElementById('text').value = arguments[0];", text)
    browser.find_element(By.ID, "date").send_keys(date)
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 20).until(lambda d: "entities" in d.find_element(By.ID, "status").text)
    return browser.find_elements(By.CSS_SELECTOR, "#facts tbody tr")


def test_page_hover_and_click_show_where_each_field_came_from(browser, db_page_server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    rows = _extract_on_page(browser, db_page_server, PROVENANCE_ARTICLE)
    assert len(rows) == 1
    ActionChains(browser).move_to_element(rows[0]).perform()
    marked = browser.execute_script(
        "const out = {}; document.querySelectorAll('#doc .seg.source').forEach(s => {"
        " out[s.dataset.field] = (out[s.dataset.field] || '') + s.textContent; }); return out;")
    assert marked == {"province": "Kocaeli'nin", "period": "2025 yılında", "country": "Almanya'ya",
                      "change_pct": "yüzde 12", "value": "3 milyar 105 milyon dolar"}
    outline = browser.find_element(By.CSS_SELECTOR, "#doc .seg.source").value_of_css_property("outline-style")
    assert outline == "solid"
    rows[0].click()
    box = browser.find_element(By.ID, "provenance")
    assert box.is_displayed()
    country = box.find_element(By.CSS_SELECTOR, 'dd[data-field="country"]').text
    assert country == "DE ← “Almanya'ya” (its own clause)"
    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    assert not browser.find_elements(By.CSS_SELECTOR, "#doc .seg.source")
    assert not _severe_console_errors(browser)


def test_page_charts_stored_values_of_a_cell_by_period(browser, db_page_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    rows = _extract_on_page(browser, db_page_server,
                            "Bursa'nın nisan ayında Almanya'ya ihracatı 360 milyon dolar oldu.", "2025-05-05")
    history = browser.find_element(By.ID, "history")
    WebDriverWait(browser, 10).until(lambda d: history.is_displayed())
    rows[0].click()  # a fact's row chooses its cell for the chart
    assert browser.find_element(By.ID, "h-province").get_attribute("value") == "Bursa"
    assert browser.find_element(By.ID, "h-country").get_attribute("value") == "DE"
    browser.find_element(By.ID, "h-draw").click()
    WebDriverWait(browser, 10).until(lambda d: "values" in d.find_element(By.ID, "history-status").text)
    chart = browser.execute_script(
        "const c = window.historyChart; return {labels: c.data.labels, values: c.data.datasets[0].data,"
        " points: c.getDatasetMeta(0).data.map(p => [Math.round(p.x), Math.round(p.y)]), type: c.config.type};")
    assert chart["type"] == "line"
    assert chart["labels"] == ["2025-01", "2025-02", "2025-03"]
    assert chart["values"] == [310000000, 295000000, 342000000]
    xs = [x for x, _ in chart["points"]]
    ys = [y for _, y in chart["points"]]
    assert xs == sorted(xs) and ys[2] < ys[0] < ys[1]  # canvas y grows downwards: 342 highest, 295 lowest
    # The canvas really has ink on it.
    inked = browser.execute_script(
        "const c = document.getElementById('history-chart'); const d = c.getContext('2d')"
        ".getImageData(0, 0, c.width, c.height).data; let n = 0;"
        " for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;")
    assert inked > 500
    assert not _severe_console_errors(browser)
    # A bad sector id shows the API's error.
    browser.find_element(By.ID, "h-country").clear()
    browser.find_element(By.ID, "h-sector").send_keys("uzay")
    browser.find_element(By.ID, "h-draw").click()
    WebDriverWait(browser, 10).until(lambda d: "E160" in d.find_element(By.ID, "history-status").text)
    assert "uzay" in browser.find_element(By.ID, "history-status").text


def test_page_hides_the_chart_without_a_database(browser, live_server):
    from selenium.webdriver.common.by import By

    base, _ = live_server
    _open(browser, base)
    assert browser.execute_script("return fetch('/version').then(r => r.json()).then(v => v.database)") is False
    assert not browser.find_element(By.ID, "history").is_displayed()
