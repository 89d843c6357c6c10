"""The micro-credential description, as a course designer meets it: the worked examples of the
workbook fill it, the completeness panel ticks every element, and the two download buttons give
files that the official Open Badges 3.0 schema and the European Learning Model shapes accept
(checked in Python, offline, against the standards' own files: tests/standards.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import Worksheets
from tests.standards import (
    achievement_problems,
    classes,
    credential_problems,
    graph,
    shacl_report,
    undefined_terms,
)

pytestmark = pytest.mark.browser

SHEET = "micro-credential"
LANGUAGES = ["en", "et"]
# The workbook's worked examples that feed the description, in the order a reader fills them.
FEEDING = ["learner-persona", "curriculum", "cost-structure"]
ELM_CLASSES = {
    "LearningOpportunity",
    "LearningAchievementSpecification",
    "Organisation",
    "LearningOutcome",
    "CreditPoint",
    "AwardingOpportunity",
    "WebResource",
}


def load_example(ws: Worksheets, page: Page, sheet: str, language: str) -> None:
    ws.open(page, sheet, language)
    ws.action(page, "example").click()
    expect(ws.status(page)).to_contain_text(
        {"en": "worked example", "et": "Näidisvastused"}[language]
    )
    ws.saved(page)
    assert ws.record(page, sheet)["answers"], f"the worked example of {sheet} was not stored"


def fill_workbook(ws: Worksheets, page: Page, language: str) -> None:
    """The worked examples of the feeding worksheets, then of the description itself."""
    for sheet in [*FEEDING, SHEET]:
        load_example(ws, page, sheet, language)


def download(page: Page, kind: str) -> Any:
    with page.expect_download() as event:
        page.locator(f'[data-ws-action="credential-{kind}"]').click()
    text = Path(event.value.path()).read_text("utf-8")
    return json.loads(text)


def panel(page: Page) -> Any:
    return page.locator('[data-field="completeness"]')


def missing_in_panel(page: Page) -> list[str]:
    items = panel(page).locator('li[data-ws-element="missing"] a')
    return [name.strip() for name in items.all_text_contents()]


def elm_document(file: dict[str, Any]) -> dict[str, Any]:
    """The JSON-LD document; a draft's note (a keyword-shaped key) is ignored by processors."""
    return {key: value for key, value in file.items() if key != "@comment"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_worked_example_leaves_no_mandatory_element_missing(ws: Worksheets, language):
    page = ws.tab()
    fill_workbook(ws, page, language)
    expect(panel(page).locator('li[data-ws-element="done"]')).to_have_count(18)
    assert missing_in_panel(page) == []
    expect(panel(page).locator(".ws-element-summary")).to_have_text(
        {
            "en": "Every mandatory element is there.",
            "et": "Kõik kohustuslikud elemendid on olemas.",
        }[language]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_open_badges_download_gives_an_achievement_per_language_the_schema_accepts(
    ws: Worksheets, language
):
    page = ws.tab()
    fill_workbook(ws, page, language)
    file = download(page, "ob3")
    assert "missing" not in file
    achievements = file["achievements"]
    assert [a["inLanguage"] for a in achievements] == [language, {"en": "et", "et": "en"}[language]]
    for achievement in achievements:
        assert achievement_problems(achievement) == []
        assert undefined_terms(achievement) == set()
        assert achievement["achievementType"] == "MicroCredential"
        assert achievement["creditsAvailable"] == 1.9
        assert achievement["alignment"][0]["targetUrl"] == "http://data.europa.eu/snb/eqf/4"
        assert "ECTS" in achievement["description"]
    first, second = achievements
    assert first["related"] == [
        {"id": second["id"], "type": ["Related"], "inLanguage": second["inLanguage"]}
    ]
    assert second["related"][0]["id"] == first["id"]
    names = {a["inLanguage"]: a["name"] for a in achievements}
    assert names == {
        "en": "Digital marketing for small salons",
        "et": "Digiturundus väikestele salongidele",
    }
    assert credential_problems(file["sampleCredential"]) == []
    assert file["sampleCredential"]["credentialSubject"]["achievement"]["id"] == first["id"]


def test_the_achievement_address_is_the_same_at_every_download(ws: Worksheets):
    page = ws.tab()
    fill_workbook(ws, page, "en")
    ids = [[a["id"] for a in download(page, "ob3")["achievements"]] for _ in range(2)]
    assert ids[0] == ids[1]
    assert (
        ids[0][0] == "https://kutsekool.example.ee/micro-credentials/DM-SALON-2026/en#achievement"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_europass_draft_conforms_to_the_learning_opportunity_shapes(ws: Worksheets, language):
    page = ws.tab()
    fill_workbook(ws, page, language)
    file = download(page, "elm")
    assert "@comment" not in file
    assert undefined_terms(file) == set()  # no term vanishes in JSON-LD processing
    data = graph(file)
    assert classes(data) >= ELM_CLASSES  # the shapes found their targets: the pass is not vacuous
    conforms, report = shacl_report(data)
    assert conforms, report
    assert set(file["title"]) == {"en", "et"}
    outcomes = file["learningAchievementSpecification"]["learningOutcome"]
    assert len(outcomes) == 5 and all(set(o["title"]) == {"en", "et"} for o in outcomes)
    assert page.locator(".ws-credential__note").is_visible()


def test_the_shapes_catch_what_the_export_must_not_do(ws: Worksheets):
    """Not vacuous: a coded value without its scheme, or a term no context knows, fails."""
    page = ws.tab()
    fill_workbook(ws, page, "en")
    file = download(page, "elm")
    broken = json.loads(json.dumps(file))
    del broken["learningAchievementSpecification"]["thematicArea"]["inScheme"]
    assert not shacl_report(graph(broken))[0]
    assert undefined_terms({**file, "defaultLanguage": "en"}) == {"defaultLanguage"}


def test_emptying_three_mandatory_answers_names_exactly_those_three(ws: Worksheets):
    page = ws.tab()
    fill_workbook(ws, page, "en")
    for name in ("awarding_body", "issuing", "quality_assurance"):
        ws.control(page, name).fill("")
    ws.saved(page)
    expected = ["Awarding body", "Date of issuing", "Type of quality assurance"]
    expect(panel(page).locator('li[data-ws-element="missing"]')).to_have_count(3)
    assert missing_in_panel(page) == expected
    expect(panel(page).locator(".ws-element-summary")).to_have_text("Missing: 3")
    badges = download(page, "ob3")
    assert badges["missing"] == expected
    assert all(achievement_problems(a) == [] for a in badges["achievements"])
    europass = download(page, "elm")
    assert europass["@comment"] == expected
    assert undefined_terms(elm_document(europass)) == set()
    assert classes(graph(elm_document(europass))) >= ELM_CLASSES
    expect(page.locator("[data-ws-credential-status]")).to_contain_text(
        "as a draft: missing Awarding body"
    )


ESTONIAN_RANGE = [(108, True), (135, False), (810, False), (837, True)]  # 4, 5, 30, 31 ECTS


@pytest.mark.parametrize(("hours", "warns"), ESTONIAN_RANGE)
def test_the_estonian_range_of_5_to_30_ects_warns_only_outside_it(ws: Worksheets, hours, warns):
    page = ws.open(ws.tab(), SHEET, "et")
    ws.fill(page, {"country": "ee", "hours": hours})
    warning = page.locator('[data-field="estonian_range"]')
    expect(warning).to_be_visible() if warns else expect(warning).to_be_hidden()


def test_the_estonian_range_is_not_asked_of_a_school_elsewhere(ws: Worksheets):
    page = ws.open(ws.tab(), SHEET, "en")
    ws.fill(page, {"country": "fi", "hours": 108})
    expect(page.locator('output[name="ects"]')).to_have_text("4.0")
    expect(page.locator('[data-field="estonian_range"]')).to_be_hidden()


HOSTILE = '</script><script>window.hacked=1</script> "quoted" \\ \u0000 \u2028 🧑‍🏫 ' + "x" * 5000


def test_hostile_answers_come_out_as_json_text(ws: Worksheets):
    page = ws.tab()
    ws.open(page, SHEET, "en")
    answers = {
        "title": HOSTILE,
        "summary": HOSTILE,
        "course_code": '"/><b>',
        "awarding_body": HOSTILE,
    }
    ws.seed(page, SHEET, {"format": 1, "worksheet": SHEET, "version": 1, "answers": answers})
    ws.open(page, SHEET, "en")
    badges = download(page, "ob3")
    assert badges["achievements"][0]["name"] == HOSTILE.strip()
    assert achievement_problems(badges["achievements"][0]) == []
    europass = download(page, "elm")
    assert europass["title"]["en"] == HOSTILE.strip()
    assert page.evaluate("window.hacked") is None


@pytest.mark.parametrize(("language", "scheme"), [("en", "light"), ("et", "dark")])
def test_the_description_in_use_has_no_axe_violations(ws: Worksheets, language, scheme):
    page = ws.tab()
    page.emulate_media(color_scheme=scheme)
    fill_workbook(ws, page, language)
    ws.fill(page, {"hours": 108, "awarding_body": ""})  # the Estonian warning, a missing element
    expect(page.locator('[data-field="estonian_range"]')).to_be_visible()
    expect(panel(page).locator('li[data-ws-element="missing"]')).to_have_count(1)
    ws.saved(page)
    assert axe_violations(page) == []
