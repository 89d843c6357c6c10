"""Links from partners' Markdown in YAML to the site's own pages.

A partner writes such a link as the page's file under `docs/`, as in a guidance page's front
matter: `[Designing the course](guide/course-design.md#credits)`. The checks make sure the page
exists; the renderer turns the link into the page's address in the reader's language, relative
to the page the worksheet is on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

PageLinker = Callable[[str], str]
"""Returns the link, relative to the current page, of a page given by its file under `docs/`."""

# The target of an inline Markdown link or image: `](target)` or `](<target>)`.
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
# A link the sanitised HTML still carries to a Markdown file of the site.
_HREF = re.compile(r'href="([^":?#]+\.md)(#[^"]*)?"')


def local_targets(text: str) -> Iterator[str]:
    """Targets in `text` that point into the site, not elsewhere and not within the page."""
    for target in _TARGET.findall(text):
        if not target.startswith("#") and ":" not in target.split("/", 1)[0]:
            yield target


def page_file(target: str) -> str:
    """`guide/costs.md#fees` -> `guide/costs.md`."""
    return target.split("#", 1)[0].split("?", 1)[0]


def page_url(file: str) -> str:
    """A page's address under the site's root: `guide/costs.md` -> `guide/costs/`."""
    stem = file[: -len(".md")]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else f"{stem}/"


def rewrite(html: str, link: PageLinker) -> str:
    """Point every link to a page's file at that page, as `link` addresses it."""
    return _HREF.sub(lambda m: f'href="{link(m.group(1))}{m.group(2) or ""}"', html)
