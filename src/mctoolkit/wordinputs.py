"""What a Word document is written from besides its worksheet: the page it belongs to and the
interface texts it uses. Both are part of the documents' cache keys (`wordfiles`), which are
worked out on every build, so they are kept apart from the writers, which need python-docx.
"""

from __future__ import annotations

from dataclasses import dataclass

from mctoolkit.model import Text

# The interface texts a template uses (data/ui.yml): these and every `doc_` key. Only they are
# part of a template's cache key, so an edit of another text rewrites no template.
UI_KEYS = frozenset({"required", "show_only_when", "linked_from", "ws_number_marks"})


def interface_texts(ui: dict[str, Text]) -> dict[str, Text]:
    return {key: text for key, text in ui.items() if key.startswith("doc_") or key in UI_KEYS}


@dataclass(frozen=True)
class Page:
    """Where a worksheet stands on the site, for the document's header and footer."""

    site_name: str
    url: str
