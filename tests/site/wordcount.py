"""Words of body text in each built guidance chapter, per language.

    python -m tests.site.wordcount site/       (after `mkdocs build`)

Counts the words of the page's article (headings, paragraphs, lists, tables, admonitions),
leaving out the permalink signs, the abbreviation hints and any code.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

CHAPTERS = (
    "start-here",
    "micro-credentials",
    "strategy",
    "business-model-canvas",
    "course-design",
    "assessment",
    "quality-assurance",
    "recognition",
    "digital-credentials",
    "piloting",
    "case-studies",
    "glossary",
)
WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


SKIPPED = frozenset({"script", "style", "code", "pre"})
VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col"})


class _Article(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if self.depth:
            self.depth += tag not in VOID
            if tag in SKIPPED or "headerlink" in classes:
                self.skipping += 1
        elif tag == "article":
            self.depth = 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<img ... />`: an element without content, opening nothing."""

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            if self.skipping and (tag in SKIPPED or tag == "a"):
                self.skipping -= 1
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipping:
            self.parts.append(data)


def article_words(html: str) -> int:
    parser = _Article()
    parser.feed(html)
    return len(WORD.findall(" ".join(parser.parts)))


def counts(site: Path) -> dict[str, tuple[int, int]]:
    result = {}
    for chapter in CHAPTERS:
        english = (site / "guide" / chapter / "index.html").read_text("utf-8")
        estonian = (site / "et" / "guide" / chapter / "index.html").read_text("utf-8")
        result[chapter] = (article_words(english), article_words(estonian))
    return result


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    print(f"{'chapter':24} {'en':>6} {'et':>6}")
    for chapter, (english, estonian) in counts(site).items():
        print(f"{chapter:24} {english:6} {estonian:6}")


if __name__ == "__main__":
    main()
