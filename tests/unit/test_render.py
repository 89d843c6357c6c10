"""The renderer, held to golden files, and to safety: text from YAML never becomes markup.

Golden files: each `golden/<name>.yml` beside its expected `<name>.en.html` and `<name>.et.html`.
After an intended change of the templates, rewrite them with

    UPDATE_GOLDEN=1 python -m pytest tests/unit/test_render.py

and read the diff before committing it.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mctoolkit.overview import render_workbook
from mctoolkit.render import render_worksheet
from mctoolkit.workbook import Workbook, load_workbook
from tests.unit.project import Project

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(path.stem for path in GOLDEN.glob("*.yml"))


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    project = Project(tmp_path_factory.mktemp("golden"))
    for path in GOLDEN.glob("*.yml"):
        shutil.copy(path, project.root / "worksheets" / path.name)
    return project.load()


def link(sheet_id: str) -> str:
    return f"../{sheet_id}/"


@pytest.mark.parametrize("language", ["en", "et"])
@pytest.mark.parametrize("case", CASES)
def test_rendered_html_matches_its_golden_file(
    workbook: Workbook, case: str, language: str
) -> None:
    html = render_worksheet(workbook.worksheets[case], workbook, language, link)
    expected_file = GOLDEN / f"{case}.{language}.html"
    if os.environ.get("UPDATE_GOLDEN") or not expected_file.exists():
        expected_file.write_text(html, "utf-8")
    expected = expected_file.read_text("utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(True),
            html.splitlines(True),
            f"{case}.{language}.html (expected)",
            "rendered",
        )
    )
    assert html == expected, f"the rendering changed; if intended, run UPDATE_GOLDEN=1:\n{diff}"


class _Elements(HTMLParser):
    """Every element and attribute of a fragment, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


@pytest.mark.parametrize("language", ["en", "et"])
def test_text_from_yaml_never_becomes_markup(workbook: Workbook, language: str) -> None:
    parser = _Elements()
    parser.feed(render_worksheet(workbook.worksheets["hostile"], workbook, language, link))
    assert not {"img", "iframe", "svg", "style"} & set(parser.tags)
    assert parser.tags.count("script") == 2  # the spec and the texts, both JSON
    assert not [name for name, _ in parser.attributes if name.startswith("on")]
    assert not [
        value
        for name, value in parser.attributes
        if name in ("href", "src") and "javascript:" in value
    ]


def test_json_in_the_page_cannot_close_its_script_element(workbook: Workbook) -> None:
    html = render_worksheet(workbook.worksheets["hostile"], workbook, "en", link)
    for block in re.findall(
        r'<script type="application/json" class="ws-[a-z]+">(.*?)</script>', html, flags=re.S
    ):
        assert "<" not in block and ">" not in block


@pytest.mark.parametrize(("language", "shown"), [("en", "1.5"), ("et", "1,5")])
def test_a_number_default_is_shown_as_the_placeholder_as_the_language_writes_it(
    workbook: Workbook, language: str, shown: str
) -> None:
    html = render_worksheet(workbook.worksheets["fields"], workbook, language, link)
    number = r'<input type="text" id="[^"]*-rate" [^>]*inputmode="decimal"'
    assert re.search(rf'{number}[^>]*placeholder="{shown}"', html)
    assert '"default":1.5' in html


def test_a_link_to_a_page_file_points_at_that_page_from_the_worksheet(workbook: Workbook) -> None:
    html = render_worksheet(workbook.worksheets["fields"], workbook, "en", link)
    assert re.search(r'<a href="../../guide/costs/#fees"[^>]*>the fees</a>', html)


def test_a_link_to_a_page_file_is_addressed_by_the_site_in_the_pages_language(
    workbook: Workbook,
) -> None:
    def page(file: str) -> str:
        return f"../../{file.removesuffix('.md')}.et/"

    html = render_worksheet(workbook.worksheets["fields"], workbook, "et", link, page)
    assert re.search(r'<a href="../../guide/costs.et/#tasud"[^>]*>tasusid</a>', html)


def test_the_workbook_page_points_a_summarys_page_link_at_that_page(workbook: Workbook) -> None:
    html = render_workbook(workbook, "et", link)
    assert re.search(r'<a href="../guide/costs/"[^>]*>kulud</a>', html)


def test_every_control_has_a_label_and_a_stable_name(workbook: Workbook) -> None:
    english = render_worksheet(workbook.worksheets["fields"], workbook, "en", link)
    estonian = render_worksheet(workbook.worksheets["fields"], workbook, "et", link)
    names = lambda html: re.findall(r'name="([^"]+)"', html)  # noqa: E731
    assert names(english) == names(estonian)
    for control_id in re.findall(r'<(?:input|select|textarea)[^>]* id="([^"]+)"', english):
        labelled = f'for="{control_id}"' in english
        inside_label = re.search(
            rf'<label[^>]*>\s*<input[^>]* id="{re.escape(control_id)}"', english
        )
        aria = re.search(rf'id="{re.escape(control_id)}"[^>]* aria-label="', english) or re.search(
            rf'aria-label="[^"]+"[^>]* id="{re.escape(control_id)}"', english
        )
        assert labelled or inside_label or aria or "__index__" in control_id, control_id


def test_a_table_of_many_text_columns_shows_cards_and_a_short_one_stays_a_table(
    root: Path,
) -> None:
    real = load_workbook(root, ["en", "et"])
    journey = render_worksheet(real.worksheets["learner-journey"], real, "en", link)
    costs = render_worksheet(real.worksheets["cost-structure"], real, "en", link)
    assert re.search(r'<table class="ws-table" id="ws-learner-journey-journey">', journey)
    assert re.search(r'<table class="ws-table ws-table--fits" id="ws-cost-structure-fixed', costs)
