"""The partners' guide as a site page: GitHub's links and anchors made the site's."""

from __future__ import annotations

from mctoolkit.contributing import as_page

GUIDE = """\
# Kaastöö

*In English: [CONTRIBUTING.md](CONTRIBUTING.md).*

See [Tõlked](#tõlked-mida-status-ütleb) and the [schema](src/mctoolkit/schema/x.json).
Write `[Costs](../worksheets/cost-structure.md)` in a page. [Site](https://example.org/a.md)

## Tõlked: mida `status` ütleb
"""


def test_the_line_to_the_other_languages_file_goes() -> None:
    assert "In English" not in as_page(GUIDE)


def test_an_anchor_follows_the_sites_rule_for_the_same_heading() -> None:
    assert "[Tõlked](#tolked-mida-status-utleb)" in as_page(GUIDE)


def test_a_link_to_a_source_file_becomes_its_text() -> None:
    assert "the schema." in as_page(GUIDE)


def test_a_link_written_as_an_example_and_a_web_address_stay() -> None:
    page = as_page(GUIDE)
    assert "`[Costs](../worksheets/cost-structure.md)`" in page
    assert "[Site](https://example.org/a.md)" in page
