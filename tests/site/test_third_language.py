"""A third language needs texts, not code: the project with Finnish added to `mkdocs.yml` and
Finnish texts filled in by the fixture builds every page, worksheet, search index, language menu
and download in Finnish too."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import build_site
from tests.site.conftest import copy_project
from tests.site.test_build import switcher_links

MARK = "(fi) "  # on every Finnish text, so a page shows which language its texts came from
FINNISH = """        - locale: fi
          name: Suomi
          build: true
          site_name: Mikrotutkintojen työkalupakki
"""


class _WrittenOut(yaml.SafeDumper):
    """YAML without anchors: the project's reader refuses them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def with_finnish(node: Any) -> None:
    """Give every language map a Finnish text: the Estonian one marked (short marks as they are,
    as Finnish writes numbers the Estonian way)."""
    if isinstance(node, dict):
        if {"en", "et"} <= set(node) and all(len(str(key)) == 2 for key in node):
            text = node["et"]
            node["fi"] = MARK + text if isinstance(text, str) and len(text) > 2 else text
            return
        for value in node.values():
            with_finnish(value)
    elif isinstance(node, list):
        for value in node:
            with_finnish(value)


def finnish_page(english: str) -> str:
    """An English page as its Finnish twin: every heading marked, so that search does not take
    its sections for the English ones (mkdocs-static-i18n drops such duplicates)."""
    return re.sub(r"^(#{1,6}) ", lambda match: f"{match.group(1)} {MARK}", english, flags=re.M)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("three-languages"))
    for path in [*(root / "worksheets").glob("*.yml"), *(root / "data").glob("*.yml")]:
        data = yaml.safe_load(path.read_text("utf-8"))
        with_finnish(data)
        path.write_text(yaml.dump(data, Dumper=_WrittenOut, allow_unicode=True), "utf-8")
    for page in (root / "docs").rglob("*.md"):
        if page.name.count(".") == 1:
            page.with_suffix(".fi.md").write_text(finnish_page(page.read_text("utf-8")), "utf-8")
    shutil.copy(root / "CONTRIBUTING.md", root / "CONTRIBUTING.fi.md")
    config = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(config.replace("  - macros:\n", FINNISH + "  - macros:\n"))
    return root


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    result = build_site(project / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def english_pages(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("index.html")
        if path.relative_to(site).parts[0] not in ("et", "fi")
    )


def test_every_page_is_built_in_finnish_and_says_so(site: Path) -> None:
    pages = english_pages(site)
    assert len(pages) > 30
    for page in pages:
        html = (site / "fi" / page).read_text("utf-8")
        assert '<html lang="fi"' in html, page
        assert "<h1 id=" in html and MARK.strip() in html, page


def test_the_language_menu_of_every_page_offers_all_three_languages(site: Path) -> None:
    for page in english_pages(site):
        for prefix in ("", "et/", "fi/"):
            html = (site / prefix / page).read_text("utf-8")
            assert sorted(switcher_links(html)) == ["en", "et", "fi"], page


def test_the_finnish_search_index_holds_only_finnish_pages_with_finnish_stemming(
    site: Path,
) -> None:
    index = json.loads((site / "fi" / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["fi"]
    titles = [doc["title"] for doc in index["docs"] if doc["location"].startswith("guide/")]
    assert len(titles) > 40 and all(title.startswith(MARK.strip()) for title in titles)
    english = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert english["config"]["lang"] == ["en"]
    assert not any(doc["title"].startswith(MARK.strip()) for doc in english["docs"])
    assert (site / "assets" / "javascripts" / "lunr" / "min" / "lunr.fi.min.js").exists()


def test_a_finnish_worksheet_speaks_finnish_in_its_form_and_its_spec(site: Path) -> None:
    html = (site / "fi" / "worksheets" / "cost-structure" / "index.html").read_text("utf-8")
    labels = re.findall(r'<label for="ws-cost-structure-[^"]*">([^<]*)', html)
    assert len(labels) >= 3 and all(label.startswith(MARK.strip()) for label in labels)
    assert '"language":"fi"' in html


def test_each_worksheet_has_its_finnish_word_template(site: Path) -> None:
    downloads = site / "downloads"
    english = sorted(p.name for p in downloads.glob("*-en.docx"))
    assert english and all((downloads / name.replace("-en.", "-fi.")).exists() for name in english)
