"""The translation status page for partners: what `mctoolkit status` says, in the site."""

from __future__ import annotations

from collections import Counter
from html import escape

from mctoolkit.model import Text
from mctoolkit.status import STATES, Status


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def render(report: Status, ui: dict[str, Text], language: str, names: dict[str, str]) -> str:
    """Markdown: per translation language, the pages not yet done and each file's counts."""

    def say(key: str) -> str:
        return escape(ui[key][language], quote=False)

    lines = [say("status_intro"), ""]
    states = [say(f"status_{state}") for state in STATES]
    for target in report.languages[1:]:
        lines += [f"## {escape(names.get(target, target))} ({target})", ""]
        pages = [e for e in report.entries if e.language == target and e.kind == "page"]
        done = sum(e.state == "translated" for e in pages)
        lines += [f"### {say('status_pages')}: {done}/{len(pages)}", ""]
        waiting = [e for e in pages if e.state != "translated"]
        if waiting:
            lines += _table(
                [say("status_file"), say("status_state")],
                [[f"`{e.key}`", say(f"status_{e.state}")] for e in waiting],
            )
        else:
            lines.append(say("status_all_current"))
        texts = [e for e in report.entries if e.language == target and e.kind == "text"]
        lines += ["", f"### {say('status_texts')}", ""]
        rows = []
        tally = Counter((e.file, e.state) for e in texts)
        for file in dict.fromkeys(e.file for e in texts):
            rows.append([f"`{file}`", *(str(tally[file, state]) for state in STATES)])
        lines += [*_table([say("status_file"), *states], rows), ""]
    return "\n".join(lines) + "\n"
