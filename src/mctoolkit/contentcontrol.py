"""Word content controls (`w:sdt`): the answer places of a template, found again by their tag.

python-docx has no API for content controls (python-openxml/python-docx issue #155), so the few
elements are written here with its `OxmlElement`. A control's tag is the answer's address:

- `field` for a field's answer (a block of paragraphs; a table cell's paragraph for a column),
- `table` on each row of a table, `table.column` on each cell of that row,
- `group` on each item of a group, `group.field` on each answer place inside it.

Bookmarks, comments and content controls share one `w:id` space per document: `Ids` hands out
each number once (the browser gives cloned rows fresh ones above the highest it finds).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

# XML 1.0 refuses these characters (C0 controls but tab, newline and carriage return, and
# the non-characters U+FFFE, U+FFFF); Word would call the file corrupt.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ALIAS_LENGTH = 120


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (lxml refuses them, Word too)."""
    return _NOT_XML.sub("", text)


class Ids:
    """The document's `w:id` numbers, each handed out once."""

    def __init__(self, start: int = 1) -> None:
        self._next = start

    def take(self) -> str:
        number = self._next
        self._next += 1
        return str(number)


def content_control(
    tag: str, alias: str, content: Iterable[BaseOxmlElement], ids: Ids
) -> BaseOxmlElement:
    """A `w:sdt` tagged `tag` whose content is `content` (paragraphs, runs, a row or a cell)."""
    sdt = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    title = xml_text(alias).strip()
    if len(title) > ALIAS_LENGTH:
        title = title[: ALIAS_LENGTH - 1] + "…"
    for name, value in (("w:alias", title), ("w:tag", tag), ("w:id", ids.take())):
        element = OxmlElement(name)
        element.set(qn("w:val"), value)
        properties.append(element)
    holder = OxmlElement("w:sdtContent")
    for element in content:
        holder.append(element)
    sdt.append(properties)
    sdt.append(holder)
    return sdt


def wrap(element: BaseOxmlElement, tag: str, alias: str, ids: Ids) -> BaseOxmlElement:
    """Put `element` (where it stands) inside a new content control tagged `tag`."""
    parent = element.getparent()
    index = parent.index(element)
    sdt = content_control(tag, alias, [element], ids)  # appending moves the element
    parent.insert(index, sdt)
    return sdt


def controls(root: BaseOxmlElement) -> Iterator[tuple[str, BaseOxmlElement]]:
    """Every content control under `root` with its tag, in document order."""
    for sdt in root.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        yield (tag.get(qn("w:val")) if tag is not None else ""), sdt


def content(sdt: BaseOxmlElement) -> BaseOxmlElement:
    """The `w:sdtContent` of a content control."""
    found: BaseOxmlElement = sdt.find(qn("w:sdtContent"))
    return found
