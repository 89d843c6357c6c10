"""The whole site, built once, asserted on in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

LANGUAGES = ("en", "et")


def pages(site: Path, language: str) -> list[Path]:
    """Every built page of one language (the default language lives at the root)."""
    found = sorted(site.rglob("index.html"))
    if language == "et":
        return [p for p in found if p.relative_to(site).parts[0] == "et"]
    return [p for p in found if p.relative_to(site).parts[0] != "et"]


def url_of(site: Path, page: Path) -> str:
    return (
        "/" + page.parent.relative_to(site).as_posix().strip(".") + "/"
        if page.parent != site
        else "/"
    )


def switcher_links(html: str) -> dict[str, str]:
    return dict(
        (lang, href)
        for href, lang in re.findall(
            r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link"', html
        )
    )


def test_both_languages_are_built_with_the_same_pages(site: Path) -> None:
    english = {url_of(site, p) for p in pages(site, "en")}
    estonian = {url_of(site, p).removeprefix("/et") or "/" for p in pages(site, "et")}
    assert len(english) > 20
    assert english == estonian


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_declares_its_language(site: Path, language: str) -> None:
    for page in pages(site, language):
        assert f'<html lang="{language}"' in page.read_text("utf-8"), page


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_menu_leads_to_the_same_page_in_the_other_language(
    site: Path, language: str
) -> None:
    other = "et" if language == "en" else "en"
    for page in pages(site, language):
        here = url_of(site, page)
        target = urljoin(here, switcher_links(page.read_text("utf-8"))[other])
        expected = "/et" + here if other == "et" else here.removeprefix("/et") or "/"
        assert target == expected, f"{here}: the {other} link goes to {target}"


def test_estonian_pages_have_estonian_chrome(site: Path) -> None:
    html = (site / "et" / "guide" / "assessment" / "index.html").read_text("utf-8")
    assert 'placeholder="Otsi"' in html
    assert ">Juhend<" in html or "Juhend\n" in html
    assert "Type to start searching" not in html


@pytest.mark.parametrize(
    ("path", "language", "text"), [("404.html", "en", "Search"), ("et/404.html", "et", "Otsi")]
)
def test_each_language_has_its_own_not_found_page(
    site: Path, path: str, language: str, text: str
) -> None:
    html = (site / path).read_text("utf-8")
    assert f'<html lang="{language}"' in html
    assert f'placeholder="{text}"' in html


def test_each_language_searches_only_its_own_pages(site: Path) -> None:
    english = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    estonian = json.loads((site / "et" / "search" / "search_index.json").read_text("utf-8"))
    assert english["docs"] and estonian["docs"]
    assert not any(doc["location"].startswith("et/") for doc in english["docs"])
    assert any(doc["title"] == "Juhtumiuuringud" for doc in estonian["docs"])
    assert not any(doc["title"] == "Case studies" for doc in estonian["docs"])
    assert estonian["config"]["lang"] == ["et"] and "stemmer" in estonian["config"]["pipeline"]


def test_translated_pages_point_search_at_their_own_index(site: Path) -> None:
    html = (site / "et" / "guide" / "assessment" / "index.html").read_text("utf-8")
    config = json.loads(
        re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1]
    )
    assert urljoin("http://x/et/guide/assessment/", config["base"]) == "http://x/et/"


def test_no_page_links_an_alternate_whose_sitemap_would_be_missing(site: Path) -> None:
    for page in pages(site, "en") + pages(site, "et"):
        assert '<link rel="alternate"' not in page.read_text("utf-8"), page


def test_worksheet_is_rendered_in_the_page_language(site: Path) -> None:
    english = (site / "worksheets" / "cost-structure" / "index.html").read_text("utf-8")
    estonian = (site / "et" / "worksheets" / "cost-structure" / "index.html").read_text("utf-8")
    for html, label in (
        (english, "Planned number of learners"),
        (estonian, "Kavandatud õppijate arv"),
    ):
        assert '<form class="ws-form" id="ws-cost-structure"' in html
        assert f'<label for="ws-cost-structure-learners">{label}' in html
        assert 'name="learners"' in html


@pytest.mark.parametrize(
    ("prefix", "text"),
    [("", "Designing the course"), ("et/", "Kursuse kavandamine")],
)
def test_a_link_in_a_worksheet_text_leads_to_the_heading_in_the_pages_language(
    site: Path, prefix: str, text: str
) -> None:
    here = f"/{prefix}worksheets/curriculum/"
    html = (site / here.strip("/") / "index.html").read_text("utf-8")
    info = html[html.index('data-field="verbs_info"') :]
    href = re.search(rf'<a href="([^"]+)"[^>]*>{text}</a>', info)
    assert href, f"no link '{text}' on {here}"
    target, fragment = urljoin(here, href[1]).split("#")
    assert target == f"/{prefix}guide/course-design/"
    assert f'id="{fragment}"' in (site / target.strip("/") / "index.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("", "EQF (European Qualifications Framework): "),
        ("et/", "Euroopa kvalifikatsiooniraamistik (EQF): "),
    ],
)
def test_acronyms_on_a_guidance_page_explain_themselves_in_its_language(
    site: Path, prefix: str, title: str
) -> None:
    html = (site / prefix / "guide" / "course-design" / "index.html").read_text("utf-8")
    assert re.search(rf'<abbr title="{re.escape(title)}[^"]+">EQF</abbr>', html)
    glossary = (site / prefix / "guide" / "glossary" / "index.html").read_text("utf-8")
    assert "<abbr" not in glossary  # the glossary explains them in full


def test_reference_tables_come_from_data_in_each_language(site: Path) -> None:
    english = (site / "guide" / "course-design" / "index.html").read_text("utf-8")
    estonian = (site / "et" / "guide" / "course-design" / "index.html").read_text("utf-8")
    assert "<th>Responsibility and autonomy</th>" in english
    assert "<th>Vastutuse ja iseseisva tegutsemise ulatus</th>" in estonian


def test_pages_load_no_web_fonts_or_third_party_scripts(site: Path) -> None:
    for page in pages(site, "en") + pages(site, "et"):
        html = page.read_text("utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        assert not re.search(r'<script[^>]+src="(?:https?:)?//', html), page
        assert not re.search(
            r'<link rel="(?:stylesheet|preload|preconnect|icon)"[^>]+href="(?:https?:)?//', html
        ), page


def root_absolute_references(html: str) -> list[str]:
    """Links and asset references that start at the server's root (`/x`, not `//host/x`)."""
    return re.findall(r'\s(?:href|src)="(/(?!/)[^"]*)"', html)


def test_every_page_links_and_loads_only_relative_addresses(site: Path) -> None:
    found = {
        page.relative_to(site).as_posix(): root_absolute_references(page.read_text("utf-8"))
        for page in sorted(site.rglob("*.html"))
    }
    assert {"index.html", "et/index.html", "404.html", "et/404.html"} <= set(found)
    assert {page: refs for page, refs in found.items() if refs} == {}


def test_the_worksheet_schema_is_published_with_the_site(site: Path) -> None:
    schema = json.loads((site / "schema" / "worksheet.schema.json").read_text("utf-8"))
    assert schema["title"] == "E-toolkit worksheet"


def test_every_worksheet_names_its_schema_for_editors(root: Path) -> None:
    schema = "src/mctoolkit/schema/worksheet.schema.json"
    for sheet in (root / "worksheets").glob("*.yml"):
        first = sheet.read_text("utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../{schema}", sheet
    settings = json.loads((root / ".vscode" / "settings.json").read_text("utf-8"))
    assert settings["yaml.schemas"][f"./{schema}"] == "worksheets/*.yml"


def test_estonian_pages_link_only_to_estonian_pages(site: Path) -> None:
    wrong = []
    for page in pages(site, "et"):
        here = url_of(site, page)
        html = page.read_text("utf-8")
        for tag in re.findall(r"<a [^>]*>", html):
            href = re.search(r'href="([^"#?:]*/)"', tag)
            if href is None or "hreflang=" in tag:
                continue
            target = urljoin(here, href[1])
            if not target.startswith("/et/"):
                wrong.append(f"{here} -> {target}")
    assert wrong == []


def test_the_workbook_page_lists_the_worksheets_in_order_in_both_languages(site: Path) -> None:
    for prefix, first in (("", "2. Learner persona"), ("et/", "2. Õppija persoona")):
        html = (site / prefix / "worksheets" / "index.html").read_text("utf-8")
        order = re.findall(r'<tr data-ws-sheet="([^"]+)">', html)
        assert order == [
            "readiness",
            "learner-persona",
            "value-proposition",
            "channels",
            "learner-relationships",
            "learner-journey",
            "curriculum",
            "key-activities",
            "key-resources",
            "key-partners",
            "cost-structure",
            "revenue-streams",
            "recognition",
            "assessment-plan",
            "quality-assurance",
            "pilot-evaluation",
            "micro-credential",
        ]
        assert f'<a href="learner-persona/">{first}</a>' in html


@pytest.mark.parametrize(
    ("prefix", "title", "size"),
    [
        ("", "The whole toolkit, for use without internet", "MB)"),
        ("et/", "Kogu tööriistakast", ","),
    ],
)
def test_the_downloads_page_lists_the_offline_copy_with_its_size(
    site: Path, prefix: str, title: str, size: str
) -> None:
    html = (site / prefix / "downloads" / "index.html").read_text("utf-8")
    listed = re.search(r'<ul class="toolkit-downloads">(.*?)</ul>', html, re.S)
    assert listed is not None
    link = re.search(
        r'<a href="([^"]+)" download>([^<]+)</a> <span data-size="[^"]+">([^<]+)<', listed[1]
    )
    assert link is not None and link[2].startswith(title)
    zip_path = site / "downloads" / "micro-credentials-toolkit.zip"
    assert (site / prefix / "downloads" / link[1]).resolve() == zip_path.resolve()
    megabytes = zip_path.stat().st_size / 1_000_000
    shown = f"{megabytes:.1f}".replace(".", "," if prefix else ".")
    assert link[3] == f"({shown} MB)" and size in link[3]


@pytest.mark.parametrize("prefix", ["", "et/"])
def test_the_about_page_links_the_downloads_page(site: Path, prefix: str) -> None:
    html = (site / prefix / "about" / "index.html").read_text("utf-8")
    assert 'href="../downloads/"' in html


def test_pages_carry_their_forms_and_search_finds_the_forms_questions(site: Path) -> None:
    page = (site / "et" / "worksheets" / "cost-structure" / "index.html").read_text("utf-8")
    assert 'data-worksheet="cost-structure"' in page and 'name="learners"' in page
    assert not any("<!--ws-form" in p.read_text("utf-8") for p in site.rglob("*.html"))
    index = json.loads((site / "et" / "search" / "search_index.json").read_text("utf-8"))
    fixed = next(
        d for d in index["docs"] if d["location"].endswith("#ws-cost-structure--fixed-title")
    )
    assert fixed["title"] == "Püsikulud" and "Püsikulud kokku" in fixed["text"]
