"""Which guidance pages still wait for a translation: the partners' to-do list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mctoolkit import frontmatter
from mctoolkit.source import read_text


@dataclass(frozen=True)
class Gap:
    page: str
    language: str
    marked_pending: bool


def _pending(path: Path) -> bool:
    data = read_text(frontmatter.block(path.read_text("utf-8")) or "{}", path.name).data
    return isinstance(data, dict) and data.get("translation") == "pending"


def gaps(docs: Path, languages: list[str]) -> list[Gap]:
    """Every default-language page without its twin in another language."""
    others = languages[1:]
    found = []
    for page in sorted(docs.rglob("*.md")):
        if any(page.name.endswith(f".{language}.md") for language in others):
            continue
        for language in others:
            twin = page.with_name(f"{page.stem}.{language}.md")
            if not twin.exists():
                found.append(Gap(page.relative_to(docs).as_posix(), language, _pending(page)))
    return found
