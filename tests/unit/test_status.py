"""`mctoolkit status`: which translations are done, missing, or outdated since their source
changed, for every language of the site; `--mark-current` confirms one after checking it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mctoolkit import status
from mctoolkit.cli import main
from tests.conftest import ROOT

CONFIG = """\
site_name: Fixture
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, name: English, default: true}
        - {locale: et, name: Eesti}
        - {locale: fi, name: Suomi}
"""

SHEET = """\
id: plan
version: 1
title: {en: Plan, et: Plaan, fi: Suunnitelma}
intro: {en: Intro, et: Sissejuhatus}
sections:
  - id: main
    title: {en: Main, et: Põhiosa}
    fields:
      - id: name
        type: text
        label: {en: Name, et: Nimi}
"""


def write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, "utf-8")


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Pages and a worksheet translated and confirmed, then: a source page changed, a label
    changed, a page never translated, and a third language (Finnish) half done."""
    write(tmp_path, "mkdocs.yml", CONFIG)
    write(tmp_path, "docs/changed.md", "# Changed\n\nThe first words.\n")
    write(tmp_path, "docs/changed.et.md", "---\ntitle: Muudetud\n---\n# Muudetud\n")
    write(tmp_path, "docs/kept.md", "# Kept\n")
    write(tmp_path, "docs/kept.et.md", "# Hoitud\n")
    write(tmp_path, "docs/kept.fi.md", "# Säilytetty\n")
    write(tmp_path, "worksheets/plan.yml", SHEET)
    assert main(["status", "--root", str(tmp_path), "--mark-current", str(tmp_path)]) == 0
    write(tmp_path, "docs/changed.md", "# Changed\n\nThe first words, and more.\n")
    write(tmp_path, "docs/never.md", "# Never translated\n")
    sheet = SHEET.replace("{en: Name, et: Nimi}", "{en: Full name, et: Nimi}")
    write(tmp_path, "worksheets/plan.yml", sheet)
    capsys.readouterr()
    return tmp_path


def status_lines(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[str]:
    assert main(["status", "--root", str(root), *extra]) == 0
    return capsys.readouterr().out.splitlines()


def test_status_names_what_is_outdated_and_missing_in_each_language(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert status_lines(project, capsys) == [
        "Source language: English (en)",
        "",
        "Estonian (et)",
        "  pages: 1 translated, 1 missing, 1 outdated, 0 unconfirmed",
        "    missing     docs/never.md",
        "    outdated    docs/changed.et.md",
        "  texts in worksheets and data: 3 translated, 0 missing, 1 outdated, 0 unconfirmed",
        "    outdated    worksheets/plan.yml:11: sections[main].fields[name].label",
        "",
        "Finnish (fi)",
        "  pages: 1 translated, 2 missing, 0 outdated, 0 unconfirmed",
        "    missing     docs/changed.md",
        "    missing     docs/never.md",
        "  texts in worksheets and data: 1 translated, 3 missing, 0 outdated, 0 unconfirmed",
        "    missing     worksheets/plan.yml:4: intro",
        "    missing     worksheets/plan.yml:7: sections[main].title",
        "    missing     worksheets/plan.yml:11: sections[main].fields[name].label",
    ]


def test_status_as_json_gives_every_translation_its_state(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = json.loads("\n".join(status_lines(project, capsys, "--json")))
    assert report["source"] == "en"
    assert report["languages"]["et"]["pages"] == [
        {"page": "docs/changed.md", "translation": "docs/changed.et.md", "state": "outdated"},
        {"page": "docs/kept.md", "translation": "docs/kept.et.md", "state": "translated"},
        {"page": "docs/never.md", "translation": "docs/never.et.md", "state": "missing"},
    ]
    states = {text["key"]: text["state"] for text in report["languages"]["fi"]["texts"]}
    assert states == {
        "title": "translated",
        "intro": "missing",
        "sections[main].title": "missing",
        "sections[main].fields[name].label": "missing",
    }
    label = report["languages"]["et"]["texts"][-1]
    assert label == {
        "file": "worksheets/plan.yml",
        "line": 11,
        "key": "sections[main].fields[name].label",
        "state": "outdated",
    }


def test_the_state_of_each_page_translation_is_looked_up_by_its_file(project: Path) -> None:
    report = status.status(project, ["en", "et", "fi"])
    assert report.state_of_page("docs/changed.et.md") == "outdated"
    assert report.state_of_page("docs/kept.fi.md") == "translated"
    assert report.state_of_page("docs/never.fi.md") == "missing"
    assert report.state_of_page("docs/changed.md") is None  # a source page, no translation
    assert report.state_of_page("worksheets/plan.yml") is None  # texts are not pages


def test_mark_current_confirms_one_page_and_leaves_the_others(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twin = project / "docs" / "changed.et.md"
    assert main(["status", "--root", str(project), "--mark-current", str(twin)]) == 0
    assert capsys.readouterr().out.endswith(": 1 translation(s) confirmed as current\n")
    lines = status_lines(project, capsys)
    assert "    outdated    docs/changed.et.md" not in lines
    assert "  pages: 2 translated, 1 missing, 0 outdated, 0 unconfirmed" in lines
    assert "    outdated    worksheets/plan.yml:11: sections[main].fields[name].label" in lines
    # The twin keeps its front matter and text; only the confirmation is new.
    assert twin.read_text("utf-8").startswith('---\nsource_hash: "')
    assert twin.read_text("utf-8").endswith("title: Muudetud\n---\n# Muudetud\n")


def test_mark_current_confirms_a_worksheet_text_in_the_lock_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = project / "worksheets" / "plan.yml"
    before = sheet.read_text("utf-8")
    main(["status", "--root", str(project), "--mark-current", str(sheet), "--language", "et"])
    lines = status_lines(project, capsys)
    assert "  texts in worksheets and data: 4 translated, 0 missing, 0 outdated, 0 unconfirmed" in (
        lines
    )
    assert sheet.read_text("utf-8") == before, "the partner's YAML is not touched"
    assert "sections[main].fields[name].label: {et: " in (
        (project / "translations.lock.yml").read_text("utf-8")
    )


def test_a_translation_never_confirmed_is_unconfirmed_not_translated(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs" / "never.et.md").write_text("# Ei tõlgitud\n", "utf-8")
    lines = status_lines(project, capsys)
    assert "  pages: 1 translated, 0 missing, 1 outdated, 1 unconfirmed" in lines
    assert "    unconfirmed docs/never.et.md" in lines


def test_a_lock_file_broken_by_a_merge_is_named_by_check_and_status(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = project / "translations.lock.yml"
    lock.write_text(lock.read_text("utf-8") + "<<<<<<< HEAD\n", "utf-8")
    lines = status_lines(project, capsys)
    assert lines[0].startswith("translations.lock.yml:")
    assert (
        "(resolve the merge, or delete the file and confirm again with --mark-current)"
        in (lines[0])
    )
    shutil.copytree(ROOT / "data", project / "data")  # the shared data `check` reads
    assert main(["check", "--root", str(project)]) == 1
    assert lines[0] in capsys.readouterr().out.splitlines()
