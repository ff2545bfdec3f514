"""The report as Markdown, readable on its own; rendered from the same data as report.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsfuse.util import write_atomic

# Removed blocks longer than this are shown shortened in the Markdown; the JSON keeps them whole.
REMOVED_PREVIEW_CHARS = 120


def render_markdown(data: dict[str, Any]) -> str:
    """Markdown text of a report dict (the output of ``json_report.report_dict``)."""
    articles = data["articles"]
    titles = {a["id"]: a["title"] or a["id"] for a in articles}
    lines = ["# newsfuse report", ""]
    outlets = sorted({a["outlet"] for a in articles if a["outlet"]})
    lines.append(
        f"{len(articles)} article(s) from {len(outlets)} known outlet(s)"
        f"{' (' + ', '.join(outlets) + ')' if outlets else ''}; "
        f"{len(data['entities'])} entities; {len(data['skipped'])} input(s) skipped."
    )
    lines += ["", "## Summary", ""]
    lines += _summary(data)
    lines += ["", "## Articles", "", "| id | outlet | published | title |", "|---|---|---|---|"]
    for a in articles:
        date = a["published"] or "unknown"
        if a["published"] and a["published_basis"]:
            date += f" ({a['published_basis']})"
        outlet = a["outlet"] or "unknown"
        if a["outlet"] and a.get("outlet_basis"):
            outlet += f" ({a['outlet_basis']})"
        lines.append(f"| {_cell(a['id'])} | {_cell(outlet)} | {_cell(date)} | {_cell(a['title'])} |")

    lines += ["", "## Timeline", ""]
    if data.get("timeline"):
        lines += ["| date | what | sources |", "|---|---|---|"]
        names = {a["id"]: a["outlet"] or a["id"] for a in articles}
        for entry in data["timeline"]:
            what = entry["text"] + (" (planned)" if entry.get("status") == "planned" else "")
            sources = ", ".join(dict.fromkeys(names.get(s, s) for s in entry["sources"]))
            lines.append(f"| {entry['date']} | {_cell(what)} | {_cell(sources)} |")
    else:
        lines.append("No dated happenings found.")

    lines += ["", "## Entities", ""]
    if data["entities"]:
        lines += ["| name | type | mentions | articles | also written as |", "|---|---|---|---|---|"]
        for e in sorted(data["entities"], key=lambda e: (-e["mentions"], e["name"])):
            others = [x for x in e["aliases"] if x != e["name"]]
            lines.append(
                f"| {_cell(e['name'])} | {e['type']} | {e['mentions']} | {len(e['articles'])} | "
                f"{_cell(', '.join(others))} |"
            )
    else:
        lines.append("No named entities found.")

    if data["skipped"]:
        lines += ["", "## Skipped inputs", ""]
        lines += [f"- `{_cell(s['input'])}`: {_cell(s['reason'])}" for s in data["skipped"]]

    lines += ["", "## What cleaning removed", ""]
    any_removed = False
    for a in articles:
        if not a["removed"]:
            continue
        any_removed = True
        lines.append(f"### {_cell(titles[a['id']])} (`{a['id']}`)")
        lines.append("")
        for block in a["removed"]:
            text = " ".join(block["text"].split())
            if len(text) > REMOVED_PREVIEW_CHARS:
                text = text[: REMOVED_PREVIEW_CHARS - 1] + "…"
            lines.append(f"- *{block['reason']}*: {_inline(text)}")
        lines.append("")
    if not any_removed:
        lines.append("Nothing was removed.")
    return "\n".join(lines).rstrip() + "\n"


def _summary(data: dict[str, Any]) -> list[str]:
    """Each event's (and story's) headline and lines, every line with its sources as [outlet, article id]."""
    outlets = {a["id"]: a["outlet"] or "unknown outlet" for a in data["articles"]}

    def cites(sources: list[Any]) -> str:
        seen = dict.fromkeys(s["article"] if isinstance(s, dict) else s for s in sources)
        return " ".join(f"[{_inline(outlets.get(a, 'unknown outlet'))}, {_inline(a)}]" for a in seen)

    lines: list[str] = []
    for item in data.get("summary") or ():
        text = _inline(" ".join(item["text"].split()))
        if item.get("kind") == "headline":
            lines += [*([""] if lines else []), f"### {text}", ""]
        else:
            lines.append(f"- {text} {cites(item['sources'])}")
    return lines or ["No summary was made."]


def write_markdown(data: dict[str, Any], path: str | Path) -> None:
    write_atomic(path, render_markdown(data))


def _cell(text: str | None) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    return _inline(" ".join((text or "").split())).replace("|", "\\|")


def _inline(text: str) -> str:
    # Article text is untrusted: keep it from becoming markup (links, HTML, emphasis).
    for ch in ("\\", "`", "*", "_", "[", "]", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    return text
