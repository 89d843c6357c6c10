"""What every page must pass in a real browser: axe-core, and no request to another origin."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from tests.conftest import ROOT

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def axe_source() -> str:
    path = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists():
        raise AssertionError(
            "axe-core is missing: run the README's test command, which installs it"
        )
    return path.read_text("utf-8")


def axe_violations(page: object) -> list[str]:
    """One line per violation: rule, impact and the first elements concerned."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):  # type: ignore[attr-defined]
        page.add_script_tag(content=axe_source())  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]


@dataclass
class Traffic:
    """Requests a page made that it should not have."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def watch(self, page: object) -> Traffic:
        page.on("request", self._request)  # type: ignore[attr-defined]
        page.on("response", self._response)  # type: ignore[attr-defined]
        page.on("requestfailed", lambda r: self.failed.append(f"failed {r.url}"))  # type: ignore[attr-defined]
        return self

    def _request(self, request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin and parts.scheme != "file":
            self.foreign.append(url)

    def _response(self, response: object) -> None:
        if response.status >= 400:  # type: ignore[attr-defined]
            self.failed.append(f"{response.status} {response.url}")  # type: ignore[attr-defined]
