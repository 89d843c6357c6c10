"""What every page must pass in a real browser: no request to another origin (and axe-core)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.browser.axe import axe_violations

__all__ = ["Traffic", "axe_violations", "search"]


def search(page: object, word: str) -> list[str]:
    """Type `word` into the site's search as a reader would; the links of the results."""
    page.keyboard.press("/")  # type: ignore[attr-defined]
    page.keyboard.type(word, delay=5)  # type: ignore[attr-defined]
    page.wait_for_selector(".md-search-result__item")  # type: ignore[attr-defined]
    return page.eval_on_selector_all(  # type: ignore[attr-defined]
        ".md-search-result__item > a", "items => items.map(a => a.href)"
    )


@dataclass
class Traffic:
    """Requests a page made that it should not have."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def watch(self, page: object) -> Traffic:
        page.on("request", self._request)  # type: ignore[attr-defined]
        page.on("response", self._response)  # type: ignore[attr-defined]
        page.on("requestfailed", self._failed)  # type: ignore[attr-defined]
        return self

    def _failed(self, request: object) -> None:
        # A request still loading when the test goes to the next page is aborted by the
        # browser (a busy machine leaves the search worker or the favicon pending): not a fault.
        if request.failure != "net::ERR_ABORTED":  # type: ignore[attr-defined]
            self.failed.append(f"failed {request.url} {request.failure}")  # type: ignore[attr-defined]

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
