"""The partners' guide is a page of the site in each language, linked from About, so that a
partner finds it on a school's server and in the offline copy, not only in the source code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

GUIDES = {  # a heading of the guide in each language, by the language's folder in the site
    "": "Fix a typo without installing anything",
    "et/": "Paranda trükiviga ilma midagi paigaldamata",
}


def article(site: Path, page: str) -> str:
    html = (site / page).read_text("utf-8")
    return html[html.index("<article") : html.index("</article>")]


@pytest.mark.parametrize("prefix", GUIDES)
def test_the_guide_is_a_page_in_each_language(site: Path, prefix: str) -> None:
    page = article(site, f"{prefix}about/contributing/index.html")
    heading = GUIDES[prefix]
    assert re.search(rf"<h2 id=\"[^\"]+\">{heading}<a", page)


@pytest.mark.parametrize("prefix", GUIDES)
@pytest.mark.parametrize("page", ["about/index.html", "about/translations/index.html"])
def test_about_and_the_translation_status_link_to_the_guide(
    site: Path, prefix: str, page: str
) -> None:
    assert re.search(r'href="(\.\./)?contributing/"', article(site, f"{prefix}{page}"))


@pytest.mark.parametrize("prefix", GUIDES)
def test_every_anchor_of_the_guide_reaches_a_heading_of_it(site: Path, prefix: str) -> None:
    page = article(site, f"{prefix}about/contributing/index.html")
    anchors = set(re.findall(r'href="#([^"]+)"', page))
    ids = set(re.findall(r' id="([^"]+)"', page))
    assert anchors and anchors <= ids, anchors - ids


@pytest.mark.parametrize("prefix", GUIDES)
def test_the_guide_links_to_no_file_of_the_source_code(site: Path, prefix: str) -> None:
    page = article(site, f"{prefix}about/contributing/index.html")
    assert not re.search(r'href="[^"#]*\.md"', page)
    assert "CONTRIBUTING.et.md</a>" not in page and "CONTRIBUTING.md</a>" not in page
