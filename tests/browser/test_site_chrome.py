"""What the site around the worksheets says and finds: the footer in the page's language, the
authors' showcase kept out of the readers' way, and search that finds questions, not buttons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.audit import search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "path", ["et/guide/assessment/", "et/worksheets/curriculum/", "et/404.html"]
)
def test_the_estonian_footer_is_in_estonian(served: str, page: Page, path: str) -> None:
    page.goto(served + path)
    footer = page.locator(".md-copyright")
    expect(footer).to_contain_text("litsentsiga CC BY-SA 4.0")
    expect(footer).to_contain_text("Tehtud tööriistaga Material for MkDocs")
    expect(footer).not_to_contain_text("Made with")
    expect(footer).not_to_contain_text("own text")


@pytest.mark.parametrize("language", ["", "et/"])
def test_the_showcase_is_built_but_in_no_readers_menu_and_no_search(
    served: str, site: Path, page: Page, language: str
) -> None:
    page.goto(served + f"{language}worksheets/showcase/")
    expect(page.locator("form.ws-form")).to_have_count(1)
    page.goto(served + f"{language}worksheets/curriculum/")
    links = page.locator(".md-sidebar--primary a").evaluate_all("a => a.map(l => l.href)")
    assert links and not [link for link in links if "showcase" in link]
    docs = json.loads((site / language / "search" / "search_index.json").read_text("utf-8"))
    assert not [doc for doc in docs["docs"] if "showcase" in doc["location"]]


def worksheet_text(site: Path, language: str, sheet: str) -> str:
    docs = json.loads((site / language / "search" / "search_index.json").read_text("utf-8"))
    return " ".join(
        doc["title"] + " " + doc["text"]
        for doc in docs["docs"]
        if doc["location"].startswith(f"worksheets/{sheet}/")
    )


@pytest.mark.parametrize(
    ("language", "question", "mechanics"),
    [
        ("", "Fixed costs", ["Worked out from your answers", "Export this worksheet", "Add a row"]),
        ("et/", "Püsikulud", ["Arvutatakse sinu vastuste põhjal", "Ekspordi see tööleht"]),
    ],
)
def test_search_indexes_a_worksheets_questions_not_its_form_mechanics(
    served: str, site: Path, page: Page, language: str, question: str, mechanics: list[str]
) -> None:
    text = worksheet_text(site, language, "cost-structure")
    assert question in text
    for noise in [*mechanics, "—", "Choose…", "Vali…"]:
        assert noise not in text
    page.goto(served + f"{language}worksheets/curriculum/")
    hrefs = search(page, question.split()[0].lower())
    assert any("worksheets/cost-structure/" in href for href in hrefs)
