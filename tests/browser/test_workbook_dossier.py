"""Download the course plan: five worksheets filled as a person fills them, then the workbook
page's button makes one Word document of them, taken as a person takes a download and opened
with python-docx and with LibreOffice."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from playwright.sync_api import Page, expect

from mctoolkit.contentcontrol import controls
from tests.browser.conftest import DOWNLOAD_BUDGET, Worksheets, code_bytes, fetched_unpressed
from tests.browser.test_workbook_page import open_workbook
from tests.word import body_text, control_text, ids, open_document, pdf_texts

pytestmark = pytest.mark.browser

NBSP = "\u00a0"
COURSE = {
    "en": "Safe welding of thin sheet metal & <Šokk>",
    "et": "Õhukese lehtmetalli ohutu keevitamine & <Šokk>",
}
# What a person types in each language: the decimal and thousands marks of her language.
TYPED = {
    "en": {"hours": "24.5", "amount": "1,200", "fee": "250"},
    "et": {"hours": "24,5", "amount": "1 200", "fee": "250"},
}
STARTED = [
    "learner-persona",
    "value-proposition",
    "curriculum",
    "cost-structure",
    "revenue-streams",
]
# The figures the summary shows: 1,500 € fixed, 50 € per learner, 12 learners, a 20 % margin
# (a fee of 210 € that would break even at 10 learners), and a fee charged of 250 €, which
# breaks even at 8 (1,500 € ÷ 200 € a learner, rounded up): the summary's break-even is the
# fee's it shows.
FIGURES = {
    "en": {
        "learners": "12",
        "hours": "24.5",
        "ekap": "0.9",
        "total_cost": "2,100.00 EUR",
        "fee": "250.00 EUR",
        "break_even": "8",
        "surplus": "900.00 EUR",
    },
    "et": {
        "learners": "12",
        "hours": "24,5",
        "ekap": "0,9",
        "total_cost": f"2{NBSP}100,00 EUR",
        "fee": "250,00 EUR",
        "break_even": "8",
        "surplus": "900,00 EUR",
    },
}


def fill_five(page: Page, ws: Worksheets, language: str) -> None:
    typed = TYPED[language]
    answers: dict[str, dict[str, Any]] = {
        "learner-persona": {"course_idea": "Keevitus õhukesele plekile: <b>ära</b> põleta läbi"},
        "value-proposition": {"job_to_be_done": "Teha õmblus, mis peab & ei lekki"},
        "curriculum": {"course_title": COURSE[language], "guided_hours": typed["hours"]},
        "cost-structure": {
            "fixed_costs": [
                {"item": "Õpetaja tasu", "amount": typed["amount"]},
                {"item": "Ruumid & seadmed", "amount": "300"},
            ],
            "variable_costs": [{"item": "Elektroodid", "amount": "50"}],
            "learners": "12",
            "margin": "20",
        },
        "revenue-streams": {"fee": typed["fee"], "learners": "12"},
    }
    for sheet in STARTED:  # in the workbook's order: costs are filled before revenues read them
        ws.open(page, sheet, language)
        ws.fill(page, answers[sheet])
        ws.saved(page)


def take_plan(page: Page, folder: Path) -> Path:
    with page.expect_download() as download:
        page.locator('[data-ws-action="dossier"]').click()
    target = folder / download.value.suggested_filename
    download.value.save_as(target)
    return target


def chapter_tags(document: Any) -> list[str]:
    found = [tag for tag, _ in controls(document.element.body)]
    return [tag.removeprefix("dossier:sheet:") for tag in found if tag.startswith("dossier:sheet:")]


def chapter_text(document: Any, sheet: str) -> str:
    sdt = next(s for t, s in controls(document.element.body) if t == f"dossier:sheet:{sheet}")
    return "".join(node.text or "" for node in sdt.iter(qn("w:t")))


@pytest.mark.parametrize("language", ["en", "et"])
def test_the_course_plan_holds_the_started_worksheets_and_their_figures(
    page: Page, ws: Worksheets, tmp_path: Path, language: str
) -> None:
    fill_five(page, ws, language)
    open_workbook(page, ws, language)
    saved = take_plan(page, tmp_path)
    name = {"en": "course-plan", "et": "kursuse-kavand"}[language]
    assert re.fullmatch(rf"{name}-\d{{4}}-\d{{2}}-\d{{2}}\.docx", saved.name)
    expect(ws.status(page)).to_have_text(
        {
            "en": "The course plan was made: look for it where your browser keeps downloads.",
            "et": "Kursuse kavand on loodud: otsi seda kaustast, kuhu brauser allalaaditud failid"
            " salvestab.",
        }[language]
    )
    document = open_document(saved)
    assert control_text(document, "dossier:course") == [COURSE[language]]
    for key, shown in FIGURES[language].items():
        assert control_text(document, f"dossier:figure:{key}") == [shown], key
    assert chapter_tags(document) == STARTED
    costs = chapter_text(document, "cost-structure")
    assert "Ruumid & seadmed" in costs and f"1{NBSP if language == 'et' else ','}200" in costs
    assert "<b>ära</b>" in chapter_text(document, "learner-persona")
    assert "peab & ei lekki" in chapter_text(document, "value-proposition")
    assert COURSE[language] in chapter_text(document, "curriculum")
    contents = next(s for t, s in controls(document.element.body) if t == "dossier:contents")
    lines = [
        "".join(t.text or "" for t in p.iter(qn("w:t")))
        for p in contents.iter(qn("w:p"))
        if p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}[@{qn('w:val')}='TOC1']") is not None
    ]
    assert len(lines) == len(STARTED)
    text = body_text(document)
    assert not re.search(r"\b(undefined|null|NaN)\b", text)
    numbers = ids(document)
    assert len(numbers) == len(set(numbers))
    pdf = re.sub(r"\s+", " ", pdf_texts([saved], tmp_path)[saved.stem])
    assert COURSE[language] in pdf
    assert {"en": "Course plan", "et": "Kursuse kavand"}[language] in pdf
    assert {"en": "Revenue streams", "et": "Tulude allikad"}[language] in pdf
    readiness = {"en": "Institutional readiness", "et": "Kooli valmisoleku"}[language]
    assert readiness not in pdf  # a worksheet not started


def test_with_no_worksheet_started_the_button_says_so_and_makes_no_file(
    page: Page, ws: Worksheets
) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_workbook(page, ws, "et")
    page.locator('[data-ws-action="dossier"]').click()
    expect(ws.status(page)).to_have_text(
        "Kursuse kavandit pole veel midagi alla laadida: alusta kõigepealt mõnda töölehte,"
        " siis tuleb see kavandisse."
    )
    assert [url for url in fetched if "dossier" in url or "course-plan" in url] == []


def test_the_worked_example_gives_its_whole_course_plan(
    page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    open_workbook(page, ws)
    ws.action(page, "example-open").click()
    expect(page.locator('[data-ws-action="dossier"]')).to_be_visible()
    document = open_document(take_plan(page, tmp_path))
    assert control_text(document, "dossier:course") == ["Digital marketing for small salons"]
    assert control_text(document, "dossier:figure:learners") == ["20"]
    # The fee charged and the learners it needs, with the grant and the licence (not the cost
    # structure's suggested fee, which would need 16).
    assert control_text(document, "dossier:figure:fee") == ["160.00 EUR"]
    assert control_text(document, "dossier:figure:break_even") == ["19"]
    assert len(chapter_tags(document)) >= 15


def test_the_course_plan_code_loads_only_when_pressed_within_its_budget(
    page: Page, ws: Worksheets, site: Path, tmp_path: Path
) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_workbook(page, ws)
    ws.seed(page, "curriculum", {"version": 1, "answers": {"course_title": "Keevitus"}})
    page.reload()
    page.locator('[data-ws-action="dossier"]').hover()
    page.wait_for_load_state("networkidle")
    before_press = len(fetched)
    on_demand = ("dossier.js", "docx.js", "fflate.js", "course-plan.en.js", ".docx")
    assert not [url for url in fetched if url.endswith(on_demand)]
    take_plan(page, tmp_path)
    after_press = [url.rsplit("/", 1)[-1] for url in fetched[before_press:]]
    assert {"course-plan-en.docx", "course-plan.en.js"} <= set(after_press)
    # Every script of code the press fetched counts (the data script and template do not), but
    # not what the page fetches on its own.
    anyway = fetched_unpressed(page, '[data-ws-action="dossier"]')
    pressed = code_bytes(site, [url for url in fetched[before_press:] if url not in anyway])
    assert {"worksheet/dossier.js", "worksheet/docx.js", "vendor/fflate.js"} <= pressed.keys()
    assert sum(pressed.values()) <= DOWNLOAD_BUDGET, pressed


def test_the_offline_copy_makes_the_course_plan_from_its_files(
    site: Path, page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    with zipfile.ZipFile(site / "downloads" / "micro-credentials-toolkit.zip") as archive:
        archive.extractall(tmp_path)
    book = tmp_path / "micro-credentials-toolkit" / "et" / "worksheets" / "index.html"
    page.goto(book.as_uri())
    expect(page.locator("[data-ws-workbook].ws-workbook--live")).to_have_count(1)
    ws.action(page, "example-open").click()
    document = open_document(take_plan(page, tmp_path))
    assert control_text(document, "dossier:course") == ["Digiturundus väikestele salongidele"]
    assert control_text(document, "dossier:figure:learners") == ["20"]
