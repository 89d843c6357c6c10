"""What the build does with a language's words holds for any language of the site, not only
for English and Estonian."""

from __future__ import annotations

import pytest

from mctoolkit.refdata import acronyms
from mctoolkit.searchindex import lunr_languages


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Euroopa kvalifikatsiooniraamistik (EKR, EQF)", ["EKR", "EQF"]),
        ("Eurooppalainen tutkintojen viitekehys (EQF), ÄÅ-malli", ["EQF", "ÄÅ"]),
        ("Zintegrowany System Kwalifikacji (ZSK, ŁÓDŹ)", ["ZSK", "ŁÓDŹ"]),
        ("Level 4 (L4), a word in Capitals, and CAPITALISED", []),
    ],
)
def test_acronyms_are_short_words_in_capitals_of_any_alphabet(name: str, found: list[str]) -> None:
    assert acronyms(name) == found


def test_a_language_lunr_can_stem_searches_with_its_own_stemmer_only() -> None:
    assert lunr_languages("fi", ["en", "fi"]) == ["fi"]


def test_estonian_searches_with_the_sites_own_stemmer() -> None:
    assert lunr_languages("et", ["en"]) == ["et"]


def test_a_language_no_stemmer_knows_searches_with_lunrs_built_in_english() -> None:
    assert lunr_languages("ga", ["en", "fi"]) == ["en"]
