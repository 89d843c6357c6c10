"""What the package needs from the site's configuration, read without MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even where it holds tags such as `!!python/name:` or `!ENV`."""


def _unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    del suffix
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _unknown)


def languages(config_file: Path) -> list[str]:
    """The site's languages, default first, as the i18n plugin in `mkdocs.yml` lists them."""
    config = yaml.load(config_file.read_text("utf-8"), Loader=_TolerantLoader) or {}
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"].get("languages", [])
            ordered = sorted(entries, key=lambda entry: not entry.get("default", False))
            return [entry["locale"] for entry in ordered]
    theme = config.get("theme", {})
    return [theme.get("language", "en")] if isinstance(theme, dict) else ["en"]
