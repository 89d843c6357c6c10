"""The partners' guide (CONTRIBUTING.md and its twins) as a page of the site
(docs/about/contributing.md calls it in), so that the About page links to it on any server and
offline, not only where the source code is hosted.

The guide is written for GitHub: links to files of the source code and anchors made by
GitHub's rule. On the site a link to a source file becomes its text, the line pointing to the
other language's file goes (the site has its language menu), and anchors follow the site's rule.
"""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify

SOURCE = "CONTRIBUTING.md"

_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")
_OTHER_LANGUAGE = re.compile(r"^\*[^*\n]*\]\(CONTRIBUTING(?:\.\w+)?\.md\)\.?\*\n\n?", re.M)
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def source_name(language: str, default: str) -> str:
    """The guide's file in `language`: CONTRIBUTING.md, or CONTRIBUTING.et.md beside it."""
    return SOURCE if language == default else f"CONTRIBUTING.{language}.md"


def github_slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, letters of any script kept, spaces to '-'."""
    text = heading.replace("`", "").strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def site_slug(heading: str) -> str:
    """The site's anchor for the same heading (Python-Markdown's toc, as configured)."""
    return slugify(heading.replace("`", ""), "-")


def as_page(text: str) -> str:
    """The guide's Markdown as a page of the site."""
    anchors = {github_slug(h): site_slug(h) for h in _HEADING.findall(text)}
    text = _OTHER_LANGUAGE.sub("", text, count=1)
    code = [m.span() for m in _CODE.finditer(text)]

    def relink(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in code):
            return match.group(0)  # a link written as an example stays as it is
        label, target = match.groups()
        if target.startswith("#"):
            return f"[{label}](#{anchors.get(target[1:], target[1:])})"
        if re.match(r"[a-z][a-z0-9+.-]*:", target):
            return match.group(0)
        return label  # a file of the source code: the site does not carry it

    return _LINK.sub(relink, text)
