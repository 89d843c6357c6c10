"""`mctoolkit new page` and `mctoolkit new worksheet`: every language's file, placeholders that
`check` names, a nav entry, and never an overwritten file."""

from __future__ import annotations

from pathlib import Path

import pytest

from mctoolkit.cli import main

CONFIG = """\
site_name: Fixture
plugins:
  - i18n:
      languages:
        - {locale: en, default: true}
        - {locale: et}
nav:
  - Home: index.md
  - Guidance:
      - guide/start.md
  - Worksheets:
      - worksheets/index.md

# a comment the partners wrote
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, "utf-8")
    return tmp_path


def test_new_page_writes_every_language_and_a_nav_entry_in_its_folder(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "page", "guide/funding", "--root", str(root)]) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "wrote docs/guide/funding.md",
        "wrote docs/guide/funding.et.md",
        "added the page to the nav in mkdocs.yml",
    ]
    assert (
        (root / "docs/guide/funding.md")
        .read_text("utf-8")
        .startswith("# TODO: the title of the page\n")
    )
    assert (
        (root / "docs/guide/funding.et.md")
        .read_text("utf-8")
        .startswith("# TODO: Estonian for: the title of the page\n")
    )
    config = (root / "mkdocs.yml").read_text("utf-8")
    assert "      - guide/start.md\n      - guide/funding.md\n  - Worksheets:" in config
    assert config.endswith("\n# a comment the partners wrote\n")


def test_a_page_in_a_new_folder_goes_to_the_end_of_the_nav(root: Path) -> None:
    assert main(["new", "page", "partners/ireland", "--root", str(root)]) == 0
    config = (root / "mkdocs.yml").read_text("utf-8")
    assert "      - worksheets/index.md\n  - partners/ireland.md\n\n# a comment" in config


def test_new_worksheet_writes_the_yaml_with_its_schema_line_and_its_pages(root: Path) -> None:
    assert main(["new", "worksheet", "funding-plan", "--root", str(root)]) == 0
    sheet = (root / "worksheets/funding-plan.yml").read_text("utf-8")
    assert sheet.startswith(
        "# yaml-language-server: $schema=../src/mctoolkit/schema/worksheet.schema.json\n"
        "id: funding-plan\nversion: 1\n"
    )
    assert '  et: "TODO: Estonian for: the title of the worksheet"\n' in sheet
    for page in ("funding-plan.md", "funding-plan.et.md"):
        text = (root / "docs/worksheets" / page).read_text("utf-8")
        assert text.startswith("---\nrender_macros: true\n---\n")
        assert '{{ worksheet("funding-plan") }}' in text
    config = (root / "mkdocs.yml").read_text("utf-8")
    assert "      - worksheets/index.md\n      - worksheets/funding-plan.md\n" in config


def test_new_refuses_to_overwrite_and_writes_nothing(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (root / "docs/guide").mkdir(parents=True)
    (root / "docs/guide/funding.et.md").write_text("# Rahastus\n", "utf-8")
    assert main(["new", "page", "guide/funding", "--root", str(root)]) == 1
    assert capsys.readouterr().out == (
        "docs/guide/funding.et.md already exist(s): nothing was written\n"
    )
    assert not (root / "docs/guide/funding.md").exists()
    assert (root / "docs/guide/funding.et.md").read_text("utf-8") == "# Rahastus\n"
    assert (root / "mkdocs.yml").read_text("utf-8") == CONFIG


def test_new_refuses_a_name_that_cannot_be_a_page_or_an_id(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "worksheet", "Funding Plan", "--root", str(root)]) == 1
    assert "'Funding Plan' is not a worksheet id" in capsys.readouterr().out
    assert not (root / "worksheets").exists()
