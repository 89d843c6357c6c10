"""A rebuild with nothing changed takes the forms from the project's cache and writes the same
site as the build that rendered them."""

from __future__ import annotations

from pathlib import Path

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

    second = build_site(project / "second", config=project / "mkdocs.yml")
    assert second.returncode == 0, second.stderr
    assert {entry.name: entry.stat().st_ino for entry in forms.iterdir()} == kept
    assert written(project / "second") == written(project / "first")
