"""What the package needs from the site's configuration, read without MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from mctoolkit.problems import Problem, ProblemError


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


def _read(config_file: Path) -> dict[str, Any]:
    try:
        config = yaml.load(config_file.read_text("utf-8"), Loader=_TolerantLoader) or {}
    except OSError as error:
        raise ProblemError(
            [Problem(config_file.name, 0, "", f"cannot be read ({error.strerror})")]
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else 0
        raise ProblemError(
            [Problem(config_file.name, line, "", f"not valid YAML: {error.problem}")]
        ) from None
    return config if isinstance(config, dict) else {}


def languages(config_file: Path) -> list[str]:
    """The site's languages, default first, as the i18n plugin in `mkdocs.yml` lists them."""
    config = _read(config_file)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            entries = plugin["i18n"].get("languages", [])
            if not all(isinstance(e, dict) and isinstance(e.get("locale"), str) for e in entries):
                where = "plugins.i18n.languages"
                raise ProblemError([Problem(config_file.name, 0, where, "each needs a 'locale'")])
            ordered = sorted(entries, key=lambda entry: not entry.get("default", False))
            return [entry["locale"] for entry in ordered]
    theme = config.get("theme", {})
    return [theme.get("language", "en")] if isinstance(theme, dict) else ["en"]
