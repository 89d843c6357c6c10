"""What the package needs from the site's configuration, read without MkDocs."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from mctoolkit.problems import Problem, ProblemError
from mctoolkit.refdata import KINDS


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


# mkdocs-static-i18n's suffix structure: `glossary.et.md` is the Estonian `glossary.md`.
_TRANSLATION = re.compile(r"\.[a-z]{2,3}(?:_[A-Za-z]{2,4})?(?=\.md$)")


@dataclass(frozen=True)
class Settings:
    """The toolkit's settings, under `extra: toolkit:` in `mkdocs.yml`; each may be left out."""

    # Pages that get no explanations of acronyms (the glossary explains them in its text), as
    # paths under the docs folder; a page's translations (`glossary.et.md`) go with it.
    pages_without_acronyms: tuple[str, ...] = ("guide/glossary.md",)
    # The reference data files the pages show, by kind (`eqf-levels` is `data/eqf-levels.yml`);
    # a site leaves out those it has no use for, and the build neither needs nor checks them.
    data_files: tuple[str, ...] = KINDS

    def explains_acronyms(self, page: str) -> bool:
        """True unless `page` (a path under the docs folder) or its original is listed."""
        return _TRANSLATION.sub("", page) not in self.pages_without_acronyms


_SETTINGS = "extra.toolkit"


def settings_problems(config_file: Path) -> list[Problem]:
    """What is wrong with the settings in `config_file` (what `settings` would stop on)."""
    try:
        settings(config_file)
    except ProblemError as error:
        return list(error.problems)
    return []


def settings(config_file: Path) -> Settings:
    """The settings in `config_file`; a problem line for each wrong one (the build stops)."""
    config = _read(config_file)
    extra = config.get("extra")
    given = extra.get("toolkit") if isinstance(extra, dict) else None
    if given is None:
        return Settings()
    lines = _setting_lines(config_file)
    docs = config_file.parent / str(config.get("docs_dir", "docs"))
    problems, values = _read_settings(given, config_file.name, lines, docs)
    if problems:
        raise ProblemError(problems)
    return Settings(**values)


def _read_settings(
    given: Any, file: str, lines: dict[str, int], docs: Path
) -> tuple[list[Problem], dict[str, Any]]:
    def problem(key: str, message: str) -> Problem:
        where = f"{_SETTINGS}.{key}" if key else _SETTINGS
        return Problem(file, lines.get(key, lines.get("", 0)), where, message)

    if not isinstance(given, dict):
        return [problem("", "must be a mapping of settings")], {}
    known = [setting.name for setting in fields(Settings)]
    problems = [
        problem(key, f"unknown setting; known: {', '.join(known)}")
        for key in given
        if key not in known
    ]
    values: dict[str, Any] = {}
    pages = given.get("pages_without_acronyms")
    if pages is not None:
        if not isinstance(pages, list) or not all(isinstance(page, str) for page in pages):
            problems.append(problem("pages_without_acronyms", "must be a list of page paths"))
        else:
            missing = [page for page in pages if not (docs / page).is_file()]
            problems += [
                problem("pages_without_acronyms", f"no page {docs.name}/{page}") for page in missing
            ]
            values["pages_without_acronyms"] = tuple(pages)
    files = given.get("data_files")
    if files is not None:
        if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
            problems.append(problem("data_files", f"must be a list of names: {', '.join(KINDS)}"))
        else:
            problems += [
                problem("data_files", f"no kind of data '{name}'; known: {', '.join(KINDS)}")
                for name in files
                if name not in KINDS
            ]
            problems += [
                problem("data_files", f"'{name}' is listed twice")
                for index, name in enumerate(files)
                if name in files[:index]
            ]
            values["data_files"] = tuple(files)
    return problems, values


def _setting_lines(config_file: Path) -> dict[str, int]:
    """The line of `extra.toolkit` (key "") and of each setting under it."""
    try:
        root = yaml.compose(config_file.read_text("utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return {}
    lines: dict[str, int] = {}
    node = root
    for name in ("extra", "toolkit"):
        found = _value_of(node, name)
        if found is None:
            return lines
        key, node = found
        lines[""] = key.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            lines[str(key.value)] = key.start_mark.line + 1
    return lines


def _value_of(node: yaml.Node | None, name: str) -> tuple[yaml.Node, yaml.Node] | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next(((key, value) for key, value in node.value if key.value == name), None)
