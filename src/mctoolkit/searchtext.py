"""A worksheet form as the site's search reads it, without the markup search ignores.

Material's search plugin parses every page's HTML with Python's `HTMLParser` to index it, and a
form is most of its page's tags: inputs, labels, options, buttons, each with attributes search
never reads. The build hands search this stand-in instead and puts the form itself in its place
once search has read the page, so the index is the same for a fraction of the parsing.

What search keeps, and so what the stand-in keeps: every heading as it is (its `id` starts an
entry, its content is the entry's title); the tags search copies into the index (`p`, `li`, ...);
every element that holds a heading (an entry ends where such an element closes); all the text.
What it drops: subtrees search skips (`data-search-exclude`, scripts, styles), and all other
tags, each run of them replaced by an empty comment so the text stays cut where it was cut.
"""

from __future__ import annotations

import re

_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
# The tags Material's search copies into the index, and the elements whose text it skips.
_COPIED = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_SKIPPED = frozenset({"script", "style", "object"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)
_RAW = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_TOKEN = re.compile(
    r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S
)
_CUT = "<!---->"


class _Unmatched(Exception):
    """The markup is not nested the simple way this reader assumes: give search all of it."""


def _tokens(html: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, tag, attributes) of every tag and comment; kind `open`, `close`,
    `void` or `comment`."""
    found = []
    for match in _TOKEN.finditer(html):
        closing, tag, attributes = match.group(1), (match.group(2) or "").lower(), match.group(3)
        if not tag:
            kind = "comment"
        elif closing:
            kind = "close"
        elif tag in _VOID or (attributes or "").rstrip().endswith("/"):
            kind = "void"
        else:
            kind = "open"
        found.append((match.start(), match.end(), kind, tag, attributes or ""))
    return found


def _pairs(tokens: list[tuple[int, int, str, str, str]]) -> dict[int, int]:
    """Each opening tag's index mapped to its closing tag's."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for index, (_, _, kind, tag, _) in enumerate(tokens):
        if kind == "open":
            stack.append(index)
        elif kind == "close":
            if not stack or tokens[stack[-1]][3] != tag:
                raise _Unmatched
            pairs[stack.pop()] = index
    if stack:
        raise _Unmatched
    return pairs


def _kept(tokens: list[tuple[int, int, str, str, str]]) -> set[int]:
    """The opening tags search needs: headings' ancestors, headings and copied tags."""
    kept: set[int] = set()
    stack: list[int] = []
    for index, (_, _, kind, tag, _) in enumerate(tokens):
        if kind == "open":
            if tag in _HEADINGS:
                kept.update(stack)
                kept.add(index)
            elif tag in _COPIED:
                kept.add(index)
            stack.append(index)
        elif kind == "close":
            stack.pop()
    return kept


def _excluded(tag: str, attributes: str) -> bool:
    return tag in _SKIPPED or re.search(r"(?:^|\s)data-search-exclude\b", attributes) is not None


def stand_in(html: str) -> str:
    """The part of `html` search reads, which it indexes exactly as it would `html`."""
    html = _RAW.sub(_CUT, html)
    tokens = _tokens(html)
    try:
        pairs = _pairs(tokens)
    except _Unmatched:
        return html
    kept = _kept(tokens)
    closing = {pairs[index] for index in kept}
    out: list[str] = []

    def cut() -> None:
        if not out or out[-1] != _CUT:
            out.append(_CUT)

    at = index = 0
    in_heading = 0  # a heading's content goes as it is: search reads its links' classes
    while index < len(tokens):
        start, end, kind, tag, attributes = tokens[index]
        if start > at:
            out.append(html[at:start])
        at = end
        if kind == "open" and not in_heading and _excluded(tag, attributes):
            at = tokens[pairs[index]][1]  # the whole subtree, as search skips it
            index = pairs[index] + 1
            cut()
            continue
        if in_heading or tag in _HEADINGS:
            out.append(html[start:end])
            if tag in _HEADINGS and kind in ("open", "close"):
                in_heading += 1 if kind == "open" else -1
        elif index in kept:
            out.append(f"<{tag}>")
        elif index in closing:
            out.append(f"</{tag}>")
        else:
            cut()
        index += 1
    out.append(html[at:])
    return "".join(out)
