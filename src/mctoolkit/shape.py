"""Shape checks against the package's JSON Schemas, reported as problems with lines."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from mctoolkit import cachedir
from mctoolkit.problems import Problem
from mctoolkit.source import Source

if TYPE_CHECKING:  # jsonschema is imported only when data was not seen valid before
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


@cache
def schema(name: str) -> dict[str, Any]:
    text = resources.files("mctoolkit.schema").joinpath(f"{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator(schema_text: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(schema_text))


def _describe(value: Any) -> str:
    for kind, python in (("boolean", bool), ("object", dict), ("array", list), ("string", str)):
        if isinstance(value, python):
            return _TYPE_NAMES[kind]
    if isinstance(value, int | float):
        return "a number"
    return "empty" if value is None else type(value).__name__


def _message(error: ValidationError) -> tuple[tuple[str | int, ...], str]:
    path = tuple(error.absolute_path)
    validator = error.validator
    # A failed check always carries its JSON values (the stubs allow them to be unset).
    value: Any = error.validator_value
    instance: Any = error.instance
    rule = error.schema if isinstance(error.schema, Mapping) else {}
    if validator == "required":
        missing = [key for key in value if key not in (instance or {})]
        return path, f"missing '{missing[0]}'" if missing else error.message
    if validator == "additionalProperties":
        extra = sorted(set(instance) - set(rule.get("properties", {})))
        if extra:
            return (*path, extra[0]), "unknown key (check its spelling)"
    if validator == "type":
        expected = value if isinstance(value, str) else value[0]
        return (
            path,
            f"should be {_TYPE_NAMES.get(expected, expected)}, not {_describe(instance)}",
        )
    if validator == "enum":
        return path, "should be one of: " + ", ".join(map(str, value))
    if validator == "pattern":
        if value == "^[a-z]{2,3}$":
            return path, f"'{instance}' is not a language code such as en or et"
        if "a-z" in value and "." in value:
            return path, f"'{instance}' should be 'worksheet-id.field_id'"
        if value.startswith("^[a-z]"):
            return (
                path,
                f"'{instance}' is not a valid id: use lowercase letters, digits and "
                + ("'-'" if "0-9-" in value else "'_'")
                + ", starting with a letter",
            )
        return path, f"'{instance}' does not have the expected form"
    if validator == "propertyNames":
        return path, f"'{instance}' is not allowed as a key here"
    if validator in ("minItems", "minProperties"):
        return path, "should not be empty"
    if validator == "maxLength":
        return path, f"longer than {value} characters"
    if validator in ("minimum", "maximum", "exclusiveMinimum"):
        return path, f"{instance} is out of range ({validator} {value})"
    if (
        validator == "oneOf"
        and rule.get("oneOf")
        and all("required" in option for option in rule["oneOf"])
    ):
        keys = [option["required"][0] for option in rule["oneOf"]]
        return path, f"needs exactly one of: {', '.join(keys)}"
    return path, error.message


def _leaves(errors: list[ValidationError]) -> list[ValidationError]:
    from jsonschema.exceptions import best_match

    # `allOf` and `if`/`then` wrap the real errors: report each of them. Of the alternatives
    # of `anyOf`, report the one that fits best.
    result: list[ValidationError] = []
    for error in errors:
        if error.context and error.validator in ("allOf", "if", "then", "$ref"):
            result += _leaves(list(error.context))
        elif error.context and error.validator == "anyOf":
            result.append(best_match(error.context))
        else:
            result.append(error)
    return result


def check_shape(source: Source, against: dict[str, Any]) -> list[Problem]:
    """Every shape problem of `source.data` against the schema `against`, one per place."""
    problems: dict[tuple[str | int, ...], Problem] = {}
    schema_text = json.dumps(against, sort_keys=True)
    # Validation is the slowest step of a build's checks; data seen valid before is skipped.
    folder = cachedir.folder("valid")
    marker = None
    if folder:
        text = json.dumps([schema_text, source.data], sort_keys=True, default=str)
        marker = folder / hashlib.sha256(text.encode("utf-8")).hexdigest()
        if marker.exists():
            marker.touch()  # in use: `cachedir.prune` keeps it
            return []
    validator = _validator(schema_text)
    errors = sorted(
        validator.iter_errors(source.data), key=lambda e: [str(part) for part in e.path]
    )
    for error in _leaves(errors):
        path, message = _message(error)
        problems.setdefault(path, source.problem(path, message))
    if marker is not None and not problems:
        marker.touch()
    return sorted(problems.values())
