"""Validate the credential exports offline against the official files of the standards.

The files are read from `../shared/reference/standards/` beside the project (as CI has it; see
its README for their sources and licences), or from the folder `MCTOOLKIT_SHARED` names.
Nothing here goes to the network: pyld gets the two JSON-LD contexts from those files, and
rdflib reads N-Quads, never a remote context.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pyshacl
import pyshacl.constraints.core.string_based_constraints as string_constraints
import regex
from pyld import jsonld
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT201909

from tests.conftest import ROOT

SHARED = Path(os.environ.get("MCTOOLKIT_SHARED", ROOT.parent / "shared"))
STANDARDS = SHARED / "reference" / "standards"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
ELM_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap"
ELM = "http://data.europa.eu/snb/model/elm/"
SENTINEL = "urn:sentinel:undefined#"
_CONTEXT_FILES = {OB_CONTEXT: "context-3.0.3.json", ELM_CONTEXT: "edc-ap-context.jsonld"}
_BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

# The shapes' patterns use \p{L} and (?i): Python's `re` cannot read them.
string_constraints.re = regex


def standard(name: str) -> Path:
    path = STANDARDS / name
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the official files of the standards are expected here")
    return path


def _load_document(url: str, options: Any = None) -> dict[str, Any]:
    name = _CONTEXT_FILES.get(url.rstrip("/"))
    if name is None:
        raise jsonld.JsonLdError(f"no local copy of {url}", "loading document failed")
    document = json.loads(standard(name).read_text("utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


@cache
def _ob_schema() -> dict[str, Any]:
    return json.loads(standard("ob_v3p0_achievementcredential_schema.json").read_text("utf-8"))


def _validator(ref: str) -> jsonschema.Validator:
    schema = _ob_schema()
    resource = Resource.from_contents(schema, default_specification=DRAFT201909)
    registry = Registry().with_resource(schema["$id"], resource)
    return jsonschema.Draft201909Validator({"$ref": schema["$id"] + ref}, registry=registry)


def achievement_problems(achievement: dict[str, Any]) -> list[str]:
    """What the 1EdTech schema of an Achievement says, and what it does not check."""
    problems = [e.message for e in _validator("#/$defs/Achievement").iter_errors(achievement)]
    if not re.match(r"^https?://[^/\s]+/", str(achievement.get("id", ""))):
        problems.append(f"id is not an absolute address: {achievement.get('id')!r}")
    criteria = achievement.get("criteria") or {}
    if not (str(criteria.get("narrative", "")).strip() or criteria.get("id")):
        problems.append("criteria has neither a narrative nor an id")
    if not _BCP47.match(str(achievement.get("inLanguage", ""))):
        problems.append(f"inLanguage is not a language tag: {achievement.get('inLanguage')!r}")
    image = achievement.get("image")
    if image is not None and not (isinstance(image, dict) and image.get("type") == "Image"):
        problems.append("image is not an Image object")
    return problems


def credential_problems(credential: dict[str, Any]) -> list[str]:
    """The whole 1EdTech AchievementCredential schema, for the unsigned sample credential."""
    return [e.message for e in _validator("").iter_errors(credential)]


def expand(document: dict[str, Any], sentinel: bool = False) -> list[Any]:
    """JSON-LD expansion with the local contexts; `sentinel` catches terms no context defines."""
    if sentinel:
        document = {**document, "@context": [*_as_list(document["@context"]), {"@vocab": SENTINEL}]}
    return jsonld.expand(document, {"documentLoader": _load_document})


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def undefined_terms(document: dict[str, Any]) -> set[str]:
    """Keys of the document that no context defines (they would vanish in JSON-LD)."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key.startswith(SENTINEL):
                    found.add(key[len(SENTINEL) :])
                if key == "@type":
                    types = [str(t) for t in _as_list(value)]
                    found.update(t[len(SENTINEL) :] for t in types if t.startswith(SENTINEL))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(expand(document, sentinel=True))
    return found


def graph(document: dict[str, Any]) -> Graph:
    options = {"documentLoader": _load_document, "format": "application/n-quads"}
    quads = jsonld.to_rdf(document, options)
    return Graph().parse(data=quads, format="nquads")


@cache
def _shapes() -> Graph:
    shapes = Graph()
    for name in ("LOQ-constraints.ttl", "LOQ-constraints-mdr.ttl"):
        shapes.parse(standard(name), format="turtle")
    # The LearningAchievementSpecification shape ships switched off: switch it on to be strict.
    deactivated = URIRef("http://www.w3.org/ns/shacl#deactivated")
    for shape, _, _ in list(shapes.triples((None, deactivated, None))):
        shapes.remove((shape, deactivated, None))
    return shapes


def classes(data: Graph) -> set[str]:
    return {str(o).removeprefix(ELM) for o in data.objects(None, RDF.type)}


def shacl_report(data: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=_shapes(), advanced=True, allow_warnings=True
    )
    return bool(conforms), str(text)
