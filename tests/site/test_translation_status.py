"""In the site: a notice on a translation whose original changed, and the status page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mctoolkit.cli import main
from tests.conftest import ROOT, build_site
from tests.site.conftest import PROJECT


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with two Estonian pages confirmed, then the original of one changed."""
    project = tmp_path_factory.mktemp("project")
    for name in PROJECT:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, project / name)
    about = project / "docs" / "about"
    twins = [str(about / "offline.et.md"), str(about / "index.et.md")]
    assert main(["status", "--root", str(project), "--mark-current", *twins]) == 0
    original = about / "offline.md"
    original.write_text(original.read_text("utf-8") + "\nA new paragraph.\n", "utf-8")
    result = build_site(project / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def notice(html: str) -> str | None:
    start = html.find('<div class="admonition note">')
    return None if start < 0 else html[start : html.index("</div>", start)]


def test_an_outdated_translation_tells_the_reader_and_links_the_original(site: Path) -> None:
    found = notice((site / "et" / "about" / "offline" / "index.html").read_text("utf-8"))
    assert found is not None
    assert "Originaali on muudetud" in found
    assert "Selle lehe originaali on pärast tõlkimist muudetud." in found
    assert (
        '<a href="../../../about/offline/" hreflang="en">Loe uusimat versiooni originaalist</a>'
        in found
    )


def test_a_confirmed_translation_and_the_original_carry_no_notice(site: Path) -> None:
    for page in ("et/about/index.html", "about/offline/index.html", "about/index.html"):
        assert notice((site / page).read_text("utf-8")) is None, page


def test_the_status_page_lists_the_outdated_translation(site: Path) -> None:
    html = (site / "et" / "about" / "translations" / "index.html").read_text("utf-8")
    assert "<td><code>docs/about/offline.et.md</code></td>\n<td>aegunud</td>" in html
    assert "<td><code>docs/about/index.et.md</code></td>" not in html
    english = (site / "about" / "translations" / "index.html").read_text("utf-8")
    assert "<td><code>docs/about/offline.et.md</code></td>\n<td>outdated</td>" in english
