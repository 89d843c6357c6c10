"""Reference data kept once in `data/` and shown on pages as tables in the page's language."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mctoolkit.model import Text
from mctoolkit.problems import KeyPath, Problem
from mctoolkit.shape import check_shape, schema
from mctoolkit.source import Source, read_file_shared
from mctoolkit.workbook import independent_problems

KINDS = (
    "eqf-levels",
    "action-verbs",
    "credits",
    "standard-elements",
    "principles",
    "partners",
    "glossary",
)
"""The kinds of reference data the pages can show: each is `data/<kind>.yml`, checked against
the schema's definition of that name, and has its macro (`eqf_table`, `glossary_list` …)."""


def _schema_of(name: str) -> dict[str, Any]:
    return {"$defs": schema("reference")["$defs"], "$ref": f"#/$defs/{name}"}


def _unique_ids(node: Any, path: KeyPath, source: Source) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(node, list):
        seen: set[Any] = set()
        for index, item in enumerate(node):
            key = item.get("id", item.get("level")) if isinstance(item, dict) else None
            if key is not None and key in seen:
                problems.append(source.problem((*path, index), f"duplicate '{key}'"))
            seen.add(key)
            problems += _unique_ids(item, (*path, index), source)
    elif isinstance(node, dict):
        for key, value in node.items():
            problems += _unique_ids(value, (*path, key), source)
    return problems


@dataclass
class ReferenceData:
    data: dict[str, Any]
    ui: dict[str, Text]

    def of(self, kind: str) -> Any:
        """The data of one kind; a page that shows a kind the site left out is told so."""
        if kind not in self.data:
            raise ValueError(
                f"data/{kind}.yml is not among the site's data files "
                "(extra: toolkit: data_files: in mkdocs.yml)"
            )
        return self.data[kind]

    def macros(self, language: Callable[[], str]) -> dict[str, Callable[..., str]]:
        def t(text: Text | None) -> str:
            return _cell(text.get(language(), "")) if text else ""

        def ui(key: str) -> str:
            return _cell(self.ui[key][language()])

        def table(headers: list[str], rows: list[list[str]]) -> str:
            lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
            lines += ["| " + " | ".join(row) + " |" for row in rows]
            return "\n" + "\n".join(lines) + "\n"

        def eqf_table() -> str:
            levels = self.of("eqf-levels")["levels"]
            return table(
                [ui("level"), ui("knowledge"), ui("skills"), ui("responsibility")],
                [
                    [f"**{e['level']}**", t(e["knowledge"]), t(e["skills"]), t(e["responsibility"])]
                    for e in levels
                ],
            )

        def action_verbs_table() -> str:
            return table(
                [ui("level"), ui("action_verbs")],
                [
                    [f"**{e['level']}**", _cell(", ".join(e["verbs"][language()]))]
                    for e in self.of("action-verbs")["levels"]
                ],
            )

        def credit_table() -> str:
            rows = []
            for system in self.of("credits")["systems"]:
                low, high = system.get("hours_per_credit_min"), system.get("hours_per_credit_max")
                hours = "—" if low is None else (f"{low:g}" if low == high else f"{low:g}–{high:g}")
                rows.append(
                    [
                        t(system["name"]),
                        hours,
                        f"{system['credits_per_year']:g}",
                        t(system.get("source")),
                    ]
                )
            return table(
                [ui("credit_system"), ui("hours_per_credit"), ui("credits_per_year"), ui("source")],
                rows,
            )

        def standard_elements_table(kind: str = "mandatory") -> str:
            if kind not in ("mandatory", "optional"):
                raise ValueError("standard_elements_table() takes 'mandatory' or 'optional'")
            elements = self.of("standard-elements")[kind]
            return table(
                ["#", ui("element"), ui("description"), ui("vet_example")],
                [
                    [str(i), f"**{t(e['name'])}**", t(e["description"]), t(e.get("vet_example"))]
                    for i, e in enumerate(elements, 1)
                ],
            )

        def principles_table() -> str:
            return table(
                ["#", ui("principle"), ui("description"), ui("check_question")],
                [
                    [str(i), f"**{t(p['name'])}**", t(p["description"]), t(p["check"])]
                    for i, p in enumerate(self.of("principles")["principles"], 1)
                ],
            )

        def partners_table() -> str:
            return table(
                [ui("partner"), ui("country"), ui("city"), ui("role")],
                [
                    [_cell(p["name"]), t(p["country"]), _cell(p.get("city") or "—"), t(p["role"])]
                    for p in self.of("partners")["partners"]
                ],
            )

        def glossary_list() -> str:
            terms = sorted(
                self.of("glossary")["terms"], key=lambda term: term["term"][language()].casefold()
            )
            return (
                "\n"
                + "\n\n".join(
                    f'<span id="term-{term["id"]}"></span>**{t(term["term"])}**\n:   '
                    f"{t(term['definition'])}"
                    for term in terms
                )
                + "\n"
            )

        return {
            f.__name__: f
            for f in (
                eqf_table,
                action_verbs_table,
                credit_table,
                standard_elements_table,
                principles_table,
                partners_table,
                glossary_list,
            )
        }


_SHORT_WORD = re.compile(r"\b\w{2,6}\b")


def acronyms(name: str) -> list[str]:
    """The acronyms in a glossary term's name: short words all in capitals, in any alphabet."""
    return [word for word in _SHORT_WORD.findall(name) if word.isalpha() and word.isupper()]


def abbreviations(data: ReferenceData, language: str) -> list[tuple[str, str]]:
    """Glossary acronyms (EQF, EKAP, HARNO …) with their definitions, for hover and tap hints."""
    found: dict[str, str] = {}
    for term in data.data.get("glossary", {}).get("terms", []):
        name, definition = term["term"][language], " ".join(term["definition"][language].split())
        for acronym in acronyms(name):
            found.setdefault(acronym, f"{name}: {definition}")
    return sorted(found.items())


def _cell(text: str) -> str:
    """Data text as a table cell: markup escaped, pipes and line breaks kept from the table."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "&#124;")


def load_reference(
    root: Path, languages: list[str], ui: dict[str, Text], names: tuple[str, ...] = KINDS
) -> tuple[ReferenceData, list[Problem]]:
    """The data files `names` (the site's setting `data_files`), checked."""
    problems: list[Problem] = []
    data: dict[str, Any] = {}
    for name in names:
        path = root / "data" / f"{name}.yml"
        display = f"data/{name}.yml"
        if not path.exists():
            problems.append(Problem(display, 0, "", "missing: the pages need this file"))
            continue
        source = read_file_shared(path, display)
        if not source.problems:
            source.problems += check_shape(source, _schema_of(name))
        # Every language map in a data file must speak every language of the site, and
        # that is checked even when the file's shape is wrong: one run lists every problem.
        problems += independent_problems(source, languages)
        if source.problems:
            problems += source.problems
            continue
        problems += _unique_ids(source.data, (), source)
        data[name] = source.data
    return ReferenceData(data, ui), problems
