"""One search index per language, so that a reader searches only the pages of their language.

mkdocs-static-i18n writes one index holding every language; Material's search reads the index
under `config.base`. The hook points each non-default language's pages at its own folder, and
this module gives that folder an index of its own pages, with Estonian word forms reduced to
their stems by `assets/javascripts/lunr/min/lunr.et.min.js` (lunr.js has no Estonian stemmer).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"

# Languages for which the site ships its own lunr plugin, and the pipeline that plugin needs.
OWN_LUNR_LANGUAGES = {"et": ["stemmer", "trimmer"]}


def lunr_languages(language: str, supported: list[str]) -> list[str]:
    """The lunr.js languages of one language's index: its own where lunr.js or this site can
    stem it, else English (lunr.js' built-in); never another language, whose stemmer would
    turn this one's words into wrong stems."""
    return [language] if language in supported or language in OWN_LUNR_LANGUAGES else ["en"]


def split(site_dir: Path, default: str, others: list[str]) -> bool:
    """Move every non-default language's entries into `<language>/search/search_index.json`.

    Returns False when the index holds no other language (nothing to do yet).
    """
    path = site_dir / INDEX
    if not path.exists():
        return False
    index: dict[str, Any] = json.loads(path.read_text("utf-8"))
    docs: list[dict[str, Any]] = index["docs"]
    prefixes = {language: f"{language}/" for language in others}
    supported = index["config"]["lang"]  # mkdocs-static-i18n lists those lunr.js can stem
    if not any(doc["location"].startswith(tuple(prefixes.values())) for doc in docs):
        return False
    for language, prefix in prefixes.items():
        own = [
            {**doc, "location": doc["location"][len(prefix) :]}
            for doc in docs
            if doc["location"].startswith(prefix)
        ]
        config = {**index["config"], "lang": lunr_languages(language, supported)}
        if language in OWN_LUNR_LANGUAGES:
            config["pipeline"] = OWN_LUNR_LANGUAGES[language]
        target = site_dir / language / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": config, "docs": own}, ensure_ascii=False), "utf-8")
    index["docs"] = [d for d in docs if not d["location"].startswith(tuple(prefixes.values()))]
    index["config"]["lang"] = lunr_languages(default, supported)
    path.write_text(json.dumps(index, ensure_ascii=False), "utf-8")
    return True


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def rebase_config(html: str, language: str) -> str:
    """Make Material's `config.base` of a page the root of its language's folder."""

    def rebase(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        base = config["base"].rstrip("/")
        config["base"] = f"{language}/" if base in ("", ".") else f"{base}/{language}/"
        text = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
        return match.group(1) + text + match.group(3)

    return _CONFIG.sub(rebase, html, count=1)
