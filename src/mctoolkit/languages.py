"""The site's languages in a partner's files: language names, and texts given in each language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mctoolkit.problems import KeyPath, Problem
from mctoolkit.source import Source

LANGUAGE_NAMES = {
    "en": "English",
    "et": "Estonian",
    "fi": "Finnish",
    "da": "Danish",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "ga": "Irish",
    "ca": "Catalan",
}

PLACEHOLDER = "TODO:"
"""How `mctoolkit new` marks a text still to be written or translated; `check` names each."""


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, f"'{code}'")


def language_maps(
    node: Any, path: KeyPath, languages: list[str]
) -> Iterator[tuple[KeyPath, dict[str, Any]]]:
    """Every language map in `node` (keys that look like language codes, one of them the site's),
    with its key path; a map with a misspelt or missing language is found too."""
    if isinstance(node, dict):
        codes = all(isinstance(key, str) and len(key) in (2, 3) for key in node)
        if node and codes and set(node) & set(languages):
            yield path, node
            return
        for key, value in node.items():
            yield from language_maps(value, (*path, key), languages)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from language_maps(value, (*path, index), languages)


def text_problems(
    text: Any, path: KeyPath, languages: list[str], source: Source
) -> Iterator[Problem]:
    """A language map must hold a non-empty text for exactly the site's languages."""
    if not isinstance(text, dict):
        return
    for language in languages:
        value = text.get(language)
        if value is None:
            yield source.problem(path, f"no {language_name(language)} text")
        elif not (value.strip() if isinstance(value, str) else value):
            yield source.problem((*path, language), f"empty {language_name(language)} text")
        elif isinstance(value, str) and value.startswith(PLACEHOLDER):
            message = f"{language_name(language)} text is still a '{PLACEHOLDER}' placeholder"
            yield source.problem((*path, language), message)
    for language in text:
        if language not in languages:
            yield source.problem(
                (*path, language),
                f"language '{language}' is not one of the "
                f"site's languages ({', '.join(languages)})",
            )
