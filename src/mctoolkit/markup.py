"""Markdown from partners' YAML turned into safe HTML: rendered, then sanitised."""

from __future__ import annotations

from functools import lru_cache

import markdown
import nh3

_TAGS = {
    "p",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "ul",
    "ol",
    "li",
    "br",
    "blockquote",
    "abbr",
    "h3",
    "h4",
    "h5",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "kbd",
    "sup",
    "sub",
}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


_MARKDOWN = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


@lru_cache(maxsize=4096)
def render_markdown(text: str, *, inline: bool = False) -> str:
    """Markdown to HTML in which no script, handler or foreign element survives."""
    # One converter, reset between texts: building a new one per text cost more than converting.
    rendered = _MARKDOWN.reset().convert(text)
    clean = nh3.clean(
        rendered,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    if inline and clean.startswith("<p>") and clean.endswith("</p>") and clean.count("<p>") == 1:
        return clean[3:-4]
    return clean
