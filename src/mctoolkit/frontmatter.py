"""Front matter of a Markdown page, checked: MkDocs ignores a broken one without a word."""

from __future__ import annotations

from mctoolkit.problems import Problem
from mctoolkit.source import read_text

# The keys pages of this site use, and what each must hold.
KEYS: dict[str, type] = {
    "title": str,
    "description": str,
    "render_macros": bool,
    "translation": str,
    "hide": list,
    "search": dict,
    "status": str,
    "icon": str,
    "template": str,
    "source_hash": str,  # a translation's source when it was confirmed (see `status`)
}
TRANSLATION_STATES = ("pending",)


def block(text: str) -> str | None:
    """The YAML between a page's opening `---` and its closing line; "" when there is none."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return ""
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
    return None if end is None else "\n".join(lines[1:end])


def check(text: str, file: str) -> list[Problem]:
    """Problems of the page's front matter (none when it has none)."""
    yaml_text = block(text)
    if yaml_text == "":
        return []
    if yaml_text is None:
        return [Problem(file, 1, "", "front matter opened with '---' is never closed")]
    source = read_text(yaml_text, file)
    for index, problem in enumerate(source.problems):
        source.problems[index] = Problem(file, problem.line + 1, problem.path, problem.message)
    if source.problems:
        return [Problem(p.file, p.line, "front matter", p.message) for p in source.problems]
    if not isinstance(source.data, dict):
        return [Problem(file, 2, "front matter", "should be a mapping of keys to values")]
    problems: list[Problem] = []
    for key, value in source.data.items():
        line = source.lines.get((key,), 1) + 1
        expected = KEYS.get(key)
        if expected is None:
            known = ", ".join(sorted(KEYS))
            problems.append(
                Problem(file, line, f"front matter.{key}", f"unknown key (known: {known})")
            )
        elif not isinstance(value, expected):
            problems.append(
                Problem(file, line, f"front matter.{key}", f"should be a {expected.__name__}")
            )
        elif key == "translation" and value not in TRANSLATION_STATES:
            problems.append(
                Problem(file, line, "front matter.translation", "the only value is 'pending'")
            )
    return problems
