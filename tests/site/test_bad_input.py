"""A partner's mistake stops the build with one line naming the file, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import build_site


def build_fails(project: Path) -> list[str]:
    result = build_site(project / "site", config=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build should have stopped"
    assert "Traceback" not in output
    return [line for line in output.splitlines() if line.startswith(("ERROR", "WARNING"))]


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text("utf-8")), "utf-8")


def test_a_page_without_its_translation_stops_the_build(project: Path) -> None:
    (project / "docs" / "about" / "index.et.md").unlink()
    lines = build_fails(project)
    assert any("docs/about/index.md: no Estonian translation" in line for line in lines), lines


def test_a_page_marked_pending_is_published_with_a_notice(project: Path) -> None:
    (project / "docs" / "about" / "index.et.md").unlink()
    edit(
        project / "docs" / "about" / "index.md",
        lambda text: "---\ntranslation: pending\n---\n" + text,
    )
    result = build_site(project / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project / "site" / "et" / "about" / "index.html").read_text("utf-8")
    assert "Veel tõlkimata" in html


def test_a_broken_link_names_the_page(project: Path) -> None:
    edit(project / "docs" / "about" / "index.md", lambda text: text + "\n[gone](no-such-page.md)\n")
    lines = build_fails(project)
    assert any("about/index.md" in line and "no-such-page.md" in line for line in lines), lines


def test_an_unknown_front_matter_key_names_file_line_and_key(project: Path) -> None:
    edit(
        project / "docs" / "about" / "index.md",
        lambda text: "---\nrender_macro: true\n---\n" + text,
    )
    lines = build_fails(project)
    assert any(
        "docs/about/index.md:2: front matter.render_macro: unknown key" in line for line in lines
    ), lines


def test_front_matter_that_is_not_yaml_names_its_line(project: Path) -> None:
    edit(
        project / "docs" / "about" / "index.md", lambda text: "---\ntitle: [unclosed\n---\n" + text
    )
    lines = build_fails(project)
    assert any("docs/about/index.md:" in line and "not valid YAML" in line for line in lines), lines


def test_a_misspelt_macro_names_page_and_line(project: Path) -> None:
    edit(
        project / "docs" / "worksheets" / "showcase.md",
        lambda text: text + "\n{{ worksheeet('showcase') }}\n",
    )
    lines = build_fails(project)
    assert any(
        "docs/worksheets/showcase.md:" in line and "'worksheeet' is undefined" in line
        for line in lines
    )


def test_a_macro_naming_an_unknown_worksheet_stops_the_build(project: Path) -> None:
    edit(
        project / "docs" / "worksheets" / "showcase.md",
        lambda text: text.replace('"showcase"', '"no-such"'),
    )
    lines = build_fails(project)
    assert any("no worksheet 'no-such'" in line for line in lines), lines


def test_a_worksheet_mistake_names_file_line_and_key(project: Path) -> None:
    edit(
        project / "worksheets" / "showcase.yml",
        lambda text: text.replace("et: Kursuse nimetus", "fi: Kurssi"),
    )
    lines = build_fails(project)
    assert any(
        "worksheets/showcase.yml:" in line and "label: no Estonian text" in line for line in lines
    ), lines


def test_a_data_file_mistake_names_file_line_and_key(project: Path) -> None:
    edit(
        project / "data" / "glossary.yml",
        lambda text: text.replace("    term:\n      en:", "    term:\n      xx:", 1),
    )
    lines = build_fails(project)
    assert any(
        line.count("data/glossary.yml:") == 1 and "terms[0].term" in line for line in lines
    ), lines


def test_a_script_the_offline_copy_cannot_join_names_file_and_line(project: Path) -> None:
    edit(
        project / "docs" / "assets" / "javascripts" / "toolkit.js",
        lambda text: 'import { missing as renamed } from "./worksheet/form.js";\n' + text,
    )
    lines = build_fails(project)
    assert any(
        "docs/assets/javascripts/toolkit.js:1: 'missing' is not exported by ./worksheet/form.js"
        in line
        for line in lines
    ), lines


def test_a_wrong_toolkit_setting_in_mkdocs_yml_names_its_line_and_key(project: Path) -> None:
    config = project / "mkdocs.yml"
    edit(config, lambda text: text + "\nextra:\n  toolkit:\n    pages_without_acronym: []\n")
    line = len(config.read_text("utf-8").splitlines())
    lines = build_fails(project)
    expected = f"mkdocs.yml:{line}: extra.toolkit.pages_without_acronym: unknown setting"
    assert any(expected in found for found in lines), lines


LEAVE_OUT_PARTNERS = """
extra:
  toolkit:
    data_files: [eqf-levels, action-verbs, credits, standard-elements, principles, glossary]
"""


def test_a_data_file_the_settings_leave_out_is_neither_needed_nor_checked(project: Path) -> None:
    edit(project / "mkdocs.yml", lambda text: text + LEAVE_OUT_PARTNERS)
    (project / "data" / "partners.yml").write_text("partners: [not a partner]\n", "utf-8")
    for page in (project / "docs" / "guide").glob("case-studies*.md"):
        edit(page, lambda text: text.replace("{{ partners_table() }}", ""))
    result = build_site(project / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_page_showing_data_the_settings_leave_out_names_the_setting(project: Path) -> None:
    edit(project / "mkdocs.yml", lambda text: text + LEAVE_OUT_PARTNERS)
    (project / "data" / "partners.yml").unlink()
    lines = build_fails(project)
    expected = "docs/guide/case-studies.md:"
    message = "data/partners.yml is not among the site's data files"
    assert any(expected in line and message in line for line in lines), lines
