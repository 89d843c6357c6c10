"""The kinds of field a worksheet holds, one class a kind: each has the attributes its YAML
`type` allows (as the worksheet schema says) and no other. The loader reads each class's own
attributes from the YAML, so an attribute is named once, here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mctoolkit.problems import KeyPath

Text = dict[str, str]
"""A human text in every language of the site: {"en": ..., "et": ...}."""

WORKED_OUT = {"worked_out": True}
"""The metadata of an attribute the YAML never gives: where a part stands in its file, or what
`resolve` works out from what the YAML gives. The loader gives every other attribute from the
YAML key of its name."""

NUMERIC_TYPES = frozenset({"number", "money", "scale"})


@dataclass
class Option:
    id: str
    label: Text
    help: Text | None = None
    uri: str | None = None
    """The entry's concept in an EU vocabulary, for the credential exports."""


@dataclass
class Point:
    value: int
    label: Text


# The parts that a kind of field and a table's column share: code that needs one asks
# `isinstance(x, Range)` and so on, whichever of the two `x` is.


@dataclass(kw_only=True)
class Range:
    """A number's bounds."""

    min: float | None = None
    max: float | None = None


@dataclass(kw_only=True)
class Choices:
    """A choice among options: given, named in data/options.yml, or the rows of a table (or
    group) of another worksheet."""

    options: list[Option] = field(default_factory=list)
    options_from: str | None = None
    options_from_answers: str | None = None
    """worksheet-id.table: the rows of another worksheet's table (or group) are the options."""
    option_label: str | None = None
    """The column (or member) of those rows whose answer names an option."""


@dataclass(kw_only=True)
class Link:
    """A value shown from another worksheet, never answered here."""

    source: str | None = None
    """worksheet-id.field; with `via`: worksheet-id.table.column, that column of a row."""
    via: str | None = None
    """The column of this table (or member of this group) that chooses the row shown."""

    def linked_from(self) -> tuple[str, str, str]:
        """A linked column's (or group member's) source as (worksheet id, table id, column id)."""
        assert self.source
        sheet_id, table_id, column_id = self.source.split(".", 2)
        return sheet_id, table_id, column_id


@dataclass(kw_only=True)
class Column(Range, Choices, Link):
    """A column of a table. The schema gives every column the same keys whatever its type, and
    the checks name one that does not fit its type: so a column keeps them all."""

    id: str
    type: str
    label: Text
    path: KeyPath = field(metadata=WORKED_OUT)
    help: Text | None = None
    required: bool = False
    unit: Text | None = None
    currency: str | None = None
    step: float | None = None

    @property
    def stores_answer(self) -> bool:
        return self.type != "linked"


@dataclass(kw_only=True)
class Field:
    """What every kind of field has; `type` keeps the YAML's word for the kind (text and
    textarea, say, are one kind)."""

    id: str
    type: str
    path: KeyPath = field(metadata=WORKED_OUT)
    show_if: str | None = None
    condition: dict[str, Any] | None = field(default=None, metadata=WORKED_OUT)

    @property
    def stores_answer(self) -> bool:
        return False


@dataclass(kw_only=True)
class InfoField(Field):
    """A block of information between the fields."""

    text: Text
    title: Text | None = None


@dataclass(kw_only=True)
class LabelledField(Field):
    """A field under a label: every kind but an information block."""

    label: Text
    help: Text | None = None


@dataclass(kw_only=True)
class ComputedField(LabelledField):
    expr: str
    formula: dict[str, Any] | None = field(default=None, metadata=WORKED_OUT)
    format: str | None = None
    decimals: int | None = None
    unit: Text | None = None
    currency: str | None = None


@dataclass(kw_only=True)
class LinkedField(Link, LabelledField):
    """A value of another worksheet's field; in a group, with `via`, a column of the row that
    a member of the group chose."""


@dataclass(kw_only=True)
class AnswerField(LabelledField):
    """A field the reader answers."""

    required: bool = False

    @property
    def stores_answer(self) -> bool:
        return True


@dataclass(kw_only=True)
class GroupField(AnswerField):
    """Fields answered again for each item."""

    fields: list[Field]
    item_label: Text | None = None
    min_items: int | None = None
    max_items: int | None = None


@dataclass(kw_only=True)
class ExampledField(AnswerField):
    """An answered field that may show an example answer."""

    example: Text | None = None


@dataclass(kw_only=True)
class ChoiceField(Choices, ExampledField):
    """choice, multichoice or checklist."""

    display: str | None = None


@dataclass(kw_only=True)
class ScaleField(ExampledField):
    points: list[Point]


@dataclass(kw_only=True)
class TableField(ExampledField):
    columns: list[Column]
    min_rows: int | None = None
    max_rows: int | None = None


@dataclass(kw_only=True)
class InputField(ExampledField):
    """An answer typed into a box, which may hold a placeholder."""

    placeholder: Text | None = None


@dataclass(kw_only=True)
class TextField(InputField):
    """text or textarea."""

    max_length: int | None = None


@dataclass(kw_only=True)
class DateField(InputField):
    not_before: str | None = None
    """Another date field of the worksheet that this date should not come before."""


@dataclass(kw_only=True)
class NumberField(Range, InputField):
    unit: Text | None = None
    step: float | None = None
    default: float | None = None


@dataclass(kw_only=True)
class MoneyField(Range, InputField):
    currency: str | None = None


FIELD_KINDS: dict[str, type[Field]] = {
    "text": TextField,
    "textarea": TextField,
    "number": NumberField,
    "money": MoneyField,
    "date": DateField,
    "choice": ChoiceField,
    "multichoice": ChoiceField,
    "checklist": ChoiceField,
    "scale": ScaleField,
    "table": TableField,
    "group": GroupField,
    "computed": ComputedField,
    "linked": LinkedField,
    "info": InfoField,
}
"""The class of each field `type` of the YAML."""


def parts(holder: Field | Column) -> list[Column] | list[Field]:
    """A table's columns or a group's members; none of anything else."""
    if isinstance(holder, TableField):
        return holder.columns
    if isinstance(holder, GroupField):
        return holder.fields
    return []


def options_of(holder: Field | Column) -> list[Option]:
    """What a choice offers: its options, or a scale's points as options."""
    if isinstance(holder, Choices):
        return holder.options
    if isinstance(holder, ScaleField):
        return [Option(str(p.value), p.label) for p in holder.points]
    return []


def label_of(item: Field | None) -> Text | None:
    """A field's label; an information block (or no field) has none."""
    return item.label if isinstance(item, LabelledField) else None


def unit_of(holder: Field | Column) -> Text | None:
    return holder.unit if isinstance(holder, NumberField | ComputedField | Column) else None


def currency_of(holder: Field | Column) -> str | None:
    return holder.currency if isinstance(holder, MoneyField | ComputedField | Column) else None
