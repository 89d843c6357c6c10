"""The guidance is real reading: every chapter, in both languages, has substance and sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.wordcount import CHAPTERS, counts

MINIMUM_WORDS = 600


def test_every_chapter_has_at_least_600_words_in_each_language(site: Path) -> None:
    short = {
        chapter: words for chapter, words in counts(site).items() if min(words) < MINIMUM_WORDS
    }
    assert short == {}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_ends_by_pointing_to_practice(root: Path, chapter: str) -> None:
    for suffix, heading in ((".md", "## Put it into practice"), (".et.md", "## Rakenda praktikas")):
        text = (root / "docs" / "guide" / f"{chapter}{suffix}").read_text("utf-8")
        assert heading in text, f"{chapter}{suffix}"


def test_the_canvas_chapter_credits_the_business_model_canvas(root: Path) -> None:
    for suffix in (".md", ".et.md"):
        text = (root / "docs" / "guide" / f"business-model-canvas{suffix}").read_text("utf-8")
        assert "Osterwalder" in text and "CC BY-SA" in text
