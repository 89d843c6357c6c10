"""The search stand-in of a form: search indexes it as it would the form, for less parsing."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from material.plugins.search.plugin import Parser

from mctoolkit.render import render_worksheet
from mctoolkit.searchtext import stand_in
from mctoolkit.workbook import Workbook, load_workbook

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def real() -> Workbook:
    return load_workbook(ROOT, ["en", "et"])


def indexed(html: str) -> list[tuple[str, str | None, str, str]]:
    """What Material's search makes of `html`: each section's heading, id, title and text."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [
        (repr(s), s.id, "".join(s.title), "".join(s.text))
        for s in parser.data
        if not s.is_excluded()
    ]


def meant(html: str) -> str:
    """`html` without what search is told to skip. Material's own reader loses count inside a
    skipped element that holds another of its kind and indexes the rest (buttons' words):
    the stand-in leaves out all of it, as `data-search-exclude` asks."""
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in wrapper.xpath("//*[@data-search-exclude] | //script | //style"):
        element.drop_tree()
    return lxml.html.tostring(wrapper, encoding="unicode")


@pytest.mark.parametrize("language", ["en", "et"])
def test_search_indexes_every_forms_stand_in_as_the_form_itself(
    real: Workbook, language: str
) -> None:
    for sheet in real.ordered():
        html = render_worksheet(sheet, real, language, lambda sheet_id: f"../{sheet_id}/")
        assert indexed(stand_in(html)) == indexed(meant(html)), sheet.id


def test_the_stand_in_keeps_a_fraction_of_the_forms_tags(real: Workbook) -> None:
    html = render_worksheet(real.worksheets["cost-structure"], real, "en", lambda s: s)
    assert stand_in(html).count("<") < html.count("<") / 2


def test_headings_keep_their_ids_and_the_elements_that_hold_them() -> None:
    html = (
        '<form class="f" id="x"><section class="s"><h2 id="a" class="t">Costs <a class="headerlink"'
        ' href="#a">¶</a></h2><div class="field"><label for="i">Fee</label><input id="i"></div>'
        '<p class="help">In euros</p></section></form>'
    )
    assert stand_in(html) == (
        '<form><section><h2 id="a" class="t">Costs <a class="headerlink" href="#a">¶</a></h2>'
        "<!---->Fee<!----><p>In euros</p></section></form>"
    )


def test_what_search_skips_is_left_out_whole() -> None:
    html = (
        '<div><div data-search-exclude><div>Undo</div> Progress</div><script>var a = "<p>";'
        "</script><p>Kept</p></div>"
    )
    assert stand_in(html) == "<!----><p>Kept</p><!---->"


def test_markup_nested_another_way_is_given_to_search_whole() -> None:
    html = "<div><p>One<p>Two</div>"
    assert stand_in(html) == html
