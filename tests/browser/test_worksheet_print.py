"""A worksheet printed to PDF by Chromium, read back with pdftotext: the answers come first, the
guidance after them or not at all, and every page names the course, the worksheet and the day."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Worksheets, printed_pages
from tests.browser.test_workbooks import name_workbook

pytestmark = pytest.mark.browser

COURSE = "Digital marketing for small salons"
ET_MONTHS = [
    "jaanuar",
    "veebruar",
    "märts",
    "aprill",
    "mai",
    "juuni",
    "juuli",
    "august",
    "september",
    "oktoober",
    "november",
    "detsember",
]


def today(language: str) -> str:
    day = datetime.date.today()
    if language == "et":
        return f"{day.day}. {ET_MONTHS[day.month - 1]} {day.year}"
    return f"{day:%B} {day.day}, {day.year}"


def test_a_printout_starts_with_the_worksheet_and_its_answers_and_ends_with_the_guidance(
    page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    ws.open(page, "learner-persona")
    ws.fill(page, {"course_idea": "A short course on booking systems"})
    ws.saved(page)
    flat = " ".join(printed_pages(page, tmp_path))
    title = flat.index("Learner persona")
    answer = flat.index("A short course on booking systems")
    guidance = flat.index("What this worksheet helps you answer")
    assert title < answer < guidance
    assert flat.index("Talking to real learners") < guidance  # the form's last section


def test_the_reader_can_leave_the_guidance_out_of_the_printout(
    page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    ws.open(page, "learner-persona")
    page.get_by_label("Print the guidance after the worksheet").uncheck()
    flat = " ".join(printed_pages(page, tmp_path))
    assert "Talking to real learners" in flat
    for guidance in ("What this worksheet helps you answer", "How to use it", "Tips"):
        assert guidance not in flat


@pytest.mark.parametrize(
    ("language", "title"), [("en", "Cost structure"), ("et", "Kulude struktuur")]
)
def test_every_printed_page_names_the_course_the_worksheet_and_the_day(
    page: Page, ws: Worksheets, tmp_path: Path, language: str, title: str
) -> None:
    ws.open(page, "curriculum", language)
    ws.fill(page, {"course_title": COURSE})
    ws.saved(page)
    ws.open(page, "cost-structure", language)
    ws.fill(page, ws.COST_ANSWERS)
    ws.saved(page)
    pages = printed_pages(page, tmp_path)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"{COURSE} · {title} · {today(language)}" in text, f"page {number}: {text[:200]}"


def test_a_named_workbooks_name_heads_every_printed_page(
    page: Page, ws: Worksheets, tmp_path: Path
) -> None:
    ws.open(page, "curriculum")
    ws.fill(page, {"course_title": COURSE})
    ws.saved(page)
    name_workbook(page, ws, "Salon marketing 2027")
    ws.open(page, "cost-structure")
    for number, text in enumerate(printed_pages(page, tmp_path), start=1):
        heading = f"Salon marketing 2027 · Cost structure · {today('en')}"
        assert heading in text, f"page {number}: {text[:200]}"
