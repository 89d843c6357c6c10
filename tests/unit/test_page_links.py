"""A link from a page to another page of the site is checked against the pages under `docs/`."""

from __future__ import annotations

from pathlib import Path

from mctoolkit.project import page_problems


def test_links_reach_pages_their_twins_sources_and_files_beside_docs(tmp_path: Path) -> None:
    pages = {
        "docs/index.md": "[Guide](guide/costs.md#fees) [Twin](guide/costs.et.md)",
        "docs/index.et.md": "[Juhend](guide/./costs.md)",
        "docs/guide/costs.md": "[Home](../index.md) [Partners](../../CONTRIBUTING.md)",
        "docs/guide/costs.et.md": "[Avaleht](../index.md) [Puudub](../none.md) [Kood](`x.md`)",
        "CONTRIBUTING.md": "# Partners",
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    problems = page_problems(tmp_path, ["en", "et"])
    assert [(p.file, p.message) for p in problems] == [
        ("docs/guide/costs.et.md", "link '../none.md': no such page")
    ]
