"""A rebuild with nothing changed takes the forms from the project's cache and writes the same
site as the build that rendered them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mctoolkit import cachedir
from tests.conftest import build_site


def written(site: Path) -> dict[str, bytes]:
    """Every page and search index of a built site, by its address."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.suffix == ".html" or path.name == "search_index.json"
    }


def test_a_rebuild_takes_the_forms_from_the_cache_and_writes_the_same_pages(
    project: Path,
) -> None:
    first = build_site(project / "first", config=project / "mkdocs.yml")
    assert first.returncode == 0, first.stderr
    forms = project / ".cache" / "mctoolkit" / "forms"
    kept = {entry.name: entry.stat().st_ino for entry in forms.iterdir()}
    pages_with_forms = [page for page in written(project / "first").values() if b"ws-form" in page]
    assert len(kept) == len(pages_with_forms) > 30
    scripts = project / ".cache" / "mctoolkit" / "scripts"  # answer shapes, course plan data
    made = {entry.name: entry.stat().st_ino for entry in scripts.iterdir()}
    assert len(made) == 2 * 3  # per language: the shapes, the plan's data and its example's

    second = build_site(project / "second", config=project / "mkdocs.yml")
    assert second.returncode == 0, second.stderr
    assert {entry.name: entry.stat().st_ino for entry in forms.iterdir()} == kept
    assert {entry.name: entry.stat().st_ino for entry in scripts.iterdir()} == made
    assert written(project / "second") == written(project / "first")


def test_dirty_rebuilds_under_serve_do_not_pile_up_search_entries(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As `mkdocs serve --dirty` does: the config is loaded again for each rebuild while the
    # plugins that keep state between rebuilds (Material's search) are kept; not strict, as
    # MkDocs warns of every dirty build.
    monkeypatch.chdir(project)
    monkeypatch.setattr(cachedir, "_root", [])  # the build points it at the project's cache
    monkeypatch.setattr(sys, "argv", ["mkdocs", "serve", "--dirty"])  # mkdocs-static-i18n reads it
    page = project / "docs" / "guide" / "course-design.md"
    counts = []
    for rebuild in range(3):
        config = load_config(
            str(project / "mkdocs.yml"), site_dir=str(project / "served"), strict=False
        )
        config.plugins.on_startup(command="serve", dirty=True)
        page.write_text(page.read_text("utf-8") + f"\n\nEdit {rebuild}.\n", "utf-8")
        build(config, dirty=rebuild > 0)
        counts.append(len(config.plugins["material/search"].search_index.entries))
    assert counts[2] <= counts[1] <= counts[0], counts
