"""Every page of the built site, in both languages, in a real browser."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.audit import Traffic, axe_violations, search

pytestmark = pytest.mark.browser


def page_paths(site: Path) -> list[str]:
    return sorted(
        p.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        for p in site.rglob("index.html")
    )


def test_every_page_passes_axe_and_requests_nothing_from_elsewhere(
    site: Path, served: str, context
) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(served))
    page = context.new_page()
    traffic = Traffic(origin).watch(page)
    console: list[str] = []
    page.on("console", lambda m: m.type == "error" and console.append(f"{page.url}: {m.text}"))
    problems: dict[str, list[str]] = {}
    paths = [p.lstrip("/") for p in page_paths(site)] + ["404.html", "et/404.html"]
    for path in paths:
        page.goto(served + path, wait_until="networkidle")
        found = axe_violations(page)
        if found:
            problems[path] = found
    assert len(paths) > 40
    assert problems == {}, "\n".join(f"{path}: {found}" for path, found in problems.items())
    assert traffic.foreign == []
    assert traffic.failed == []
    assert console == []


def test_skip_link_is_the_first_stop_of_the_keyboard(served: str, page) -> None:
    page.goto(served + "guide/assessment/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.classList.contains('md-skip'), document.activeElement.hash]"
    )
    assert focused[0] is True and focused[1].startswith("#")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == focused[1]


@pytest.mark.parametrize(
    ("start", "target", "label"),
    [
        ("guide/assessment/", "et/guide/assessment/", "Eesti"),
        ("et/guide/assessment/", "guide/assessment/", "English"),
    ],
)
def test_language_menu_works_by_keyboard_and_keeps_the_page(
    served: str, page, start: str, target: str, label: str
) -> None:
    page.goto(served + start)
    page.focus(".md-select button, .md-header__option .md-select")
    page.keyboard.press("Enter")
    link = page.get_by_role("link", name=label)
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(served + target)
    assert page.url == served + target


def test_search_is_reachable_by_keyboard_and_finds_inflected_estonian_words(
    served: str, page
) -> None:
    page.goto(served + "et/guide/assessment/")
    hrefs = search(page, "õpiväljundite")
    assert hrefs and all("/et/" in href for href in hrefs)
    assert any("/et/guide/course-design/" in href for href in hrefs)


@pytest.mark.parametrize(
    "word",
    ["õpiväljund", "õpiväljundid", "õpiväljundeid", "hindamisel", "kursuste", "tööandjatega"],
)
def test_estonian_search_matches_inflected_forms(served: str, page, word: str) -> None:
    page.goto(served + "et/")
    hrefs = search(page, word)
    assert hrefs


def test_english_search_shows_only_english_pages(served: str, page) -> None:
    page.goto(served + "guide/assessment/")
    hrefs = search(page, "assessment")
    assert hrefs and not any("/et/" in href for href in hrefs)
