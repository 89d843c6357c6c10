"""The zip linked from the site, unpacked and opened from disk (`file://`) in Chromium."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.audit import search

pytestmark = pytest.mark.browser

ZIP = "downloads/micro-credentials-toolkit.zip"


@pytest.fixture(scope="module")
def unpacked(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / ZIP) as archive:
        archive.extractall(target)
    return target / "micro-credentials-toolkit"


def open_page(page, folder: Path, path: str) -> None:
    page.goto((folder / path).as_uri())


def test_the_site_links_to_the_zip_in_both_languages(site: Path) -> None:
    assert (site / ZIP).stat().st_size > 100_000
    for path in ("about/offline/index.html", "et/about/offline/index.html"):
        html = (site / path).read_text("utf-8")
        assert 'downloads/micro-credentials-toolkit.zip"' in html


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("about/offline/index.html", "You are reading the offline copy"),
        ("et/about/offline/index.html", "Sa loed võrguühenduseta koopiat"),
        ("et/downloads/index.html", "Sa loed võrguühenduseta koopiat"),
    ],
)
def test_the_offline_copy_says_what_it_is_instead_of_linking_to_itself(
    unpacked: Path, page, path: str, text: str
) -> None:
    open_page(page, unpacked, path)
    expect(page.get_by_text(text)).to_be_visible()
    expect(page.locator("a[href$='.zip']")).to_have_count(0)


def test_pages_and_navigation_work_from_disk(unpacked: Path, page) -> None:
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    open_page(page, unpacked, "index.html")
    page.click("a[href='guide/start-here/index.html'] >> nth=0")
    assert page.url.endswith("/guide/start-here/index.html")
    page.locator(".md-footer__link--next").click()
    assert page.url.endswith("/guide/micro-credentials/index.html")
    assert page.locator("h1").first.inner_text().strip() != ""
    assert failed == []


def test_language_menu_keeps_the_page_from_disk(unpacked: Path, page) -> None:
    open_page(page, unpacked, "guide/strategy/index.html")
    page.click(".md-header__option .md-select")
    page.click("a[hreflang=et]")
    assert page.url.endswith("/et/guide/strategy/index.html")
    assert page.locator("html").get_attribute("lang") == "et"


@pytest.mark.parametrize(
    ("path", "word", "expected"),
    [
        ("guide/assessment/index.html", "outcomes", "/guide/course-design/index.html"),
        ("et/guide/assessment/index.html", "õpiväljundite", "/et/guide/course-design/index.html"),
    ],
)
def test_search_works_from_disk(unpacked: Path, page, path: str, word: str, expected: str) -> None:
    open_page(page, unpacked, path)
    hrefs = search(page, word)
    assert any(expected in href for href in hrefs), hrefs
    page.locator(".md-search-result__item > a").first.click()
    assert page.url.startswith("file://") and ".html" in page.url


def test_a_worksheet_saves_and_computes_from_disk(unpacked: Path, page) -> None:
    open_page(page, unpacked, "worksheets/cost-structure/index.html")
    page.wait_for_selector("[data-ws-root].ws--live", state="attached")
    page.fill("input[name='fixed_costs.0.amount']", "3500")
    page.fill("input[name='learners']", "20")
    page.wait_for_timeout(600)
    page.reload()
    assert page.input_value("input[name='learners']") == "20"
    assert "3" in page.locator("output[name='total_fixed']").inner_text()


def test_the_workbook_page_shows_progress_and_exports_from_disk(unpacked: Path, page) -> None:
    open_page(page, unpacked, "worksheets/cost-structure/index.html")
    page.wait_for_selector("[data-ws-root].ws--live", state="attached")
    page.fill("input[name='learners']", "20")
    page.wait_for_selector("[data-ws-root][data-ws-state='saved']", state="attached")
    open_page(page, unpacked, "et/worksheets/index.html")
    page.wait_for_selector("[data-ws-workbook].ws-workbook--live", state="attached")
    cell = page.locator("[data-ws-sheet='cost-structure'] [data-ws-sheet-progress]")
    # One answer of several: started, and counted (the workbook page read it from disk).
    assert cell.inner_text().split("\n") == ["Alustatud", "Vastatud küsimusi: 1/5"]
    with page.expect_download() as download:
        page.click("[data-ws-action='export-workbook']")
    exported = json.loads(Path(download.value.path()).read_text("utf-8"))
    assert exported["worksheets"]["cost-structure"]["answers"] == {"learners": 20}
