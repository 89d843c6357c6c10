"""Download as Word and as Markdown: the page's blank template filled with the reader's answers,
taken as a person takes a download, then opened with python-docx and with LibreOffice."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DOWNLOAD_BUDGET, Worksheets, code_bytes, fetched_unpressed
from tests.word import body_text, control_text, ids, open_document, paragraphs, pdf_texts

pytestmark = pytest.mark.browser

NBSP = "\u00a0"
HOSTILE = "Kõrvits & <Šokk> \"žürii\" 'õun' ]]> <w:t>x</w:t>"


def take(page: Page, ws: Worksheets, action: str, folder: Path) -> Path:
    """Press a download button; the file as the browser saved it."""
    with page.expect_download() as download:
        ws.action(page, action).click()
    target = folder / download.value.suggested_filename
    download.value.save_as(target)
    return target


def test_word_download_holds_every_kind_of_answer(
    page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    ws.open(page)
    ws.fill(page, ws.SHOWCASE_ANSWERS)
    saved = take(page, ws, "word", tmp_path)
    assert re.fullmatch(r"showcase-\d{4}-\d{2}-\d{2}\.docx", saved.name)
    document = open_document(saved)
    answer = lambda tag: control_text(document, tag)  # noqa: E731
    assert answer("course_title") == ["Safe welding of thin sheet metal"]
    assert answer("description") == ["Line one of a description.\nLine two, after a line break."]
    assert answer("hours") == ["52"]
    assert answer("fee") == ["180.50"]
    assert answer("start_date") == ["March 1, 2027"]
    assert answer("participation")[0].split("\n")[:2] == ["☐ On site", "☒ Online"]
    assert "☒ Practical assessment" in answer("assessment")[0]
    assert "☒ Portfolio" in answer("assessment")[0]
    assert "☐ Written examination" in answer("assessment")[0]
    assert answer("modules.name") == ["Planning posts", "Photographing your work"]
    assert answer("modules.hours") == ["20", "26"]
    assert "☒ Online" in answer("modules.mode")[0] and "☒ On site" in answer("modules.mode")[1]
    assert answer("contacts.role") == ["Guest lecture\nand a visit"]
    assert answer("module_hours") == ["46"]
    assert re.fullmatch(r"Filled in on: \w+ \d+, \d{4}", paragraphs(document)[1])
    numbers = ids(document)
    assert len(numbers) == len(set(numbers))  # cloned rows got fresh ids
    assert "undefined" not in body_text(document) and "NaN" not in body_text(document)


@pytest.fixture
def estonian_costs(page: Page, ws: Worksheets) -> Page:
    """The Estonian cost structure as a person fills it: Estonian letters and XML's special
    characters, a control character pasted in, a row added and another removed, amounts typed
    the Estonian way, the required number of learners left empty; the curriculum filled before."""
    ws.open(page, "cost-structure", "et")
    ws.seed(page, "curriculum", {"version": 1, "answers": {"guided_hours": 40}})
    ws.open(page, "cost-structure", "et")
    rows = [
        {"item": HOSTILE, "amount": "1 200,5"},
        {"item": "Kustutatav rida", "amount": "999"},
        {"item": "Turundus\x01 ja\treklaam", "amount": "500"},
        {"item": "Ruumid", "amount": "300"},
    ]
    ws.fill(page, {"fixed_costs": rows, "margin": "20"})
    page.locator('[data-ws-op="remove"][data-ws-field="fixed_costs"][data-ws-index="1"]').click()
    expect(ws.row_locator(page, "fixed_costs")).to_have_count(3)
    ws.saved(page)
    return page


def test_an_estonian_word_file_keeps_every_character_and_the_estonian_number_style(
    estonian_costs: Page, ws: Worksheets, tmp_path: Path
) -> None:
    document = open_document(take(estonian_costs, ws, "word", tmp_path))
    answer = lambda tag: control_text(document, tag)  # noqa: E731
    assert answer("fixed_costs.item") == [HOSTILE, "Turundus ja\treklaam", "Ruumid"]
    assert answer("fixed_costs.amount") == [f"1{NBSP}200,50", "500,00", "300,00"]
    assert answer("total_fixed") == [f"2{NBSP}000,50"]
    assert answer("guided_hours") == ["40"]
    assert answer("learners") == [""]  # the required answer left empty stays a space to write in
    assert len(answer("variable_costs")) == 5  # no rows written: the blank rows stay
    assert re.fullmatch(r"Täidetud: \d+\. \w+ \d{4}", paragraphs(document)[1])
    text = body_text(document)
    assert "\x01" not in text and "undefined" not in text and "NaN" not in text
    assert "Kustutatav rida" not in text
    numbers = ids(document)
    assert len(numbers) == len(set(numbers))


def test_markdown_says_the_same_answers_with_its_marks_escaped(
    estonian_costs: Page, ws: Worksheets, tmp_path: Path
) -> None:
    saved = take(estonian_costs, ws, "markdown", tmp_path)
    assert re.fullmatch(r"cost-structure-\d{4}-\d{2}-\d{2}\.md", saved.name)
    text = saved.read_text("utf-8")
    assert text.startswith("# Kulude struktuur\n")
    assert "## Püsikulud" in text
    escaped = "Kõrvits & \\<Šokk\\> \"žürii\" 'õun' \\]\\]\\> \\<w:t\\>x\\</w:t\\>"
    assert f"| {escaped} | 1{NBSP}200,50 |" in text
    assert "| Kuluartikkel | Summa (EUR) |" in text
    assert f"**Püsikulud kokku (EUR)**\n\n2{NBSP}000,50" in text
    assert "**Kavandatud õppijate arv (õppijat) (kohustuslik)**\n\n—" in text
    assert "\x01" not in text and "undefined" not in text


def test_libreoffice_opens_the_filled_files(
    estonian_costs: Page, ws: Worksheets, tmp_path: Path
) -> None:
    estonian = take(estonian_costs, ws, "word", tmp_path)
    ws.open(estonian_costs)
    ws.fill(estonian_costs, ws.SHOWCASE_ANSWERS)
    english = take(estonian_costs, ws, "word", tmp_path)
    texts = pdf_texts([estonian, english], tmp_path)
    assert "Kõrvits & <Šokk>" in texts[estonian.stem]
    assert f"2{NBSP}000,50" in texts[estonian.stem] or "2 000,50" in texts[estonian.stem]
    assert "Safe welding of thin sheet metal" in texts[english.stem]
    assert "Photographing your work" in texts[english.stem]


def test_the_download_code_loads_only_when_pressed_within_its_budget(
    page: Page, ws: Worksheets, site: Path, tmp_path: Path
) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    ws.open(page)
    ws.action(page, "word").hover()  # the toolbar's code loads when a pointer nears it
    page.wait_for_load_state("networkidle")
    before_press = len(fetched)
    on_demand = ("word.js", "docx.js", "fflate.js", ".docx")
    assert not [url for url in fetched if url.endswith(on_demand)]
    take(page, ws, "word", tmp_path)
    anyway = fetched_unpressed(page, '[data-ws-action="word"]')
    pressed = code_bytes(site, [url for url in fetched[before_press:] if url not in anyway])
    assert {"worksheet/word.js", "worksheet/docx.js", "vendor/fflate.js"} <= pressed.keys()
    assert sum(pressed.values()) <= DOWNLOAD_BUDGET, pressed


def test_the_vendored_zip_library_sits_beside_its_licence(site: Path) -> None:
    vendor = site / "assets" / "javascripts" / "vendor"
    assert "fflate 0.8.3" in (vendor / "fflate.js").read_text("utf-8").splitlines()[0]
    assert "MIT License" in (vendor / "fflate.LICENSE").read_text("utf-8")


def test_the_offline_copy_fills_a_word_file_with_its_vendored_zip_library(
    site: Path, page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    with zipfile.ZipFile(site / "downloads" / "micro-credentials-toolkit.zip") as archive:
        archive.extractall(tmp_path)
    sheet = tmp_path / "micro-credentials-toolkit" / "worksheets" / "showcase" / "index.html"
    page.goto(sheet.as_uri())
    expect(page.locator("[data-ws-root].ws--live")).to_have_count(1)
    ws.fill(page, {"course_title": "Võrguta õpe & <kool>"})
    ws.saved(page)
    document = open_document(take(page, ws, "word", tmp_path))
    assert control_text(document, "course_title") == ["Võrguta õpe & <kool>"]
    assert "Field-type showcase" in body_text(document)


def test_each_worksheet_page_links_its_template_in_the_readers_language(site: Path) -> None:
    for prefix, language in (("", "en"), ("et/", "et")):
        html = (site / prefix / "worksheets" / "cost-structure" / "index.html").read_text("utf-8")
        link = re.search(r'<a href="([^"]+)" download="([^"]+)" data-ws-template>', html)
        assert link and link.group(2) == f"cost-structure-v1-{language}.docx"
        target = (site / prefix / "worksheets" / "cost-structure" / link.group(1)).resolve()
        assert target == (site / "downloads" / link.group(2)).resolve() and target.exists()


@pytest.mark.parametrize(("prefix", "language"), [("", "en"), ("et/", "et")])
def test_the_templates_page_lists_every_template_in_both_languages_and_the_zips(
    site: Path, prefix: str, language: str
) -> None:
    page = site / prefix / "downloads"
    html = (page / "index.html").read_text("utf-8")
    links = dict(re.findall(r'<a href="([^"]+)" download="([^"]+)">', html))
    names = sorted(links.values())
    assert {"worksheet-templates-en.zip", "worksheet-templates-et.zip"} <= set(names)
    plans = ["course-plan-en.docx", "course-plan-et.docx"]  # in a folder of their own
    templates = [name for name in names if name.endswith(".docx") and name not in plans]
    built = sorted(path.name for path in (site / "downloads").glob("*.docx"))
    assert templates == built and len(built) >= 24
    assert sorted(set(names) & set(plans)) == plans
    for href, name in links.items():
        folder = site / "downloads" / ("course-plan" if name in plans else "")
        assert (page / href).resolve() == (folder / name).resolve()
    assert re.search(r"Word \(\d+ KB\)", html)
    with zipfile.ZipFile(site / "downloads" / f"worksheet-templates-{language}.zip") as archive:
        assert sorted(archive.namelist()) == [n for n in built if n.endswith(f"-{language}.docx")]
