"""Each kind of field in the model has exactly the keys the worksheet schema allows that kind:
an attribute no YAML can set is not in the model, and a key the schema allows is read."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from mctoolkit.fields import FIELD_KINDS, Column
from mctoolkit.shape import schema


def yaml_keys(kind: type[Any]) -> set[str]:
    """The attributes the loader reads from the YAML (not those worked out after)."""
    return {
        attribute.name
        for attribute in dataclasses.fields(kind)
        if not attribute.metadata.get("worked_out")
    }


def schema_rule(field_type: str) -> dict[str, object]:
    """The schema's rule for fields of `field_type` (the `then` of its `if`)."""
    rules = schema("worksheet")["$defs"]
    for case in rules["field"]["allOf"]:
        if case["if"]["properties"]["type"]["const"] == field_type:
            name = case["then"]["$ref"].rsplit("/", 1)[-1]
            rule: dict[str, object] = rules[name]
            return rule
    raise KeyError(field_type)


def test_every_type_of_the_schema_has_a_kind() -> None:
    types = schema("worksheet")["$defs"]["field"]["properties"]["type"]["enum"]
    assert sorted(types) == sorted(FIELD_KINDS)


@pytest.mark.parametrize("field_type", sorted(FIELD_KINDS))
def test_a_kind_has_the_keys_the_schema_allows_its_type(field_type: str) -> None:
    properties = schema_rule(field_type)["properties"]
    assert isinstance(properties, dict)
    assert yaml_keys(FIELD_KINDS[field_type]) == set(properties)


def test_a_column_has_the_keys_the_schema_allows_a_column() -> None:
    properties = schema("worksheet")["$defs"]["column"]["properties"]
    assert yaml_keys(Column) == set(properties)
