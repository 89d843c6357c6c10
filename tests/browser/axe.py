"""axe-core in a page, for any browser test: load it once, run the WCAG 2.1 A and AA rules.

axe-core is not vendored: the README's test command installs the version pinned in
package-lock.json into ./node_modules.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

AXE_VERSION = "4.14.1"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PLACES = (ROOT / "node_modules",)


@cache
def axe_source() -> str:
    for place in PLACES:
        script = place / "axe-core" / "axe.min.js"
        if script.exists():
            return script.read_text("utf-8")
    wanted = ", ".join(str(Path(p, "axe-core", "axe.min.js")) for p in PLACES)
    raise AssertionError(
        f"axe-core {AXE_VERSION} is missing (looked for {wanted}): run the README's test command"
    )


def axe_violations(page: Any, include: str | None = None) -> list[str]:
    """One line per violation: rule, impact and the first elements concerned.

    include: a CSS selector to check only part of the page (e.g. one worksheet).
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    result = page.evaluate(
        "([include, tags]) => axe.run(include ? {include: [include]} : document,"
        " {runOnly: {type: 'tag', values: tags}})",
        [include, AXE_TAGS],
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]
