"""Lighthouse (pinned npm package, desktop preset, Debian's Chromium) scores 100 for accessibility,
best practices and SEO on every kind of page, in both languages (`lighthouse.mjs` runs it).

Performance is a timing, so it is not asserted here (timed tests are flaky on a shared
machine): `lighthouse.mjs` reports it, for a benchmark to follow."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, ROOT, tool

pytestmark = pytest.mark.browser

# The home page, a guidance chapter, a worksheet, the workbook page and the downloads page.
KINDS = ["", "guide/assessment/", "worksheets/cost-structure/", "worksheets/", "downloads/"]
PAGES = [prefix + path for prefix in ("", "et/") for path in KINDS]


@pytest.fixture(scope="module")
def scores(served: str) -> dict[str, dict]:
    """One Lighthouse run per page, all in one Chromium."""
    script = ROOT / "tests" / "browser" / "lighthouse.mjs"
    result = subprocess.run(
        [tool("node"), str(script), CHROMIUM, served, *PAGES],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1500,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.mark.parametrize("path", PAGES)
def test_accessibility_best_practices_and_seo_score_100(scores: dict[str, dict], path: str) -> None:
    page = scores[path]
    categories = {name: page[name] for name in ("accessibility", "best-practices", "seo")}
    assert categories == dict.fromkeys(categories, 1), page["failing"]


def test_the_lighthouse_package_is_pinned(root: Path) -> None:
    declared = json.loads((root / "package.json").read_text("utf-8"))["devDependencies"]
    locked = json.loads((root / "package-lock.json").read_text("utf-8"))["packages"]
    for name in ("lighthouse", "chrome-launcher"):
        assert declared[name] == locked[f"node_modules/{name}"]["version"]
