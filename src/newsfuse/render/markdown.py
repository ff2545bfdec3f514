"""The report as Markdown, readable on its own; rendered from the same data as report.json."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from newsfuse.util import write_atomic

# Claims, quotes and framing rows shown in the Markdown (most supported first); the JSON keeps all.
MAX_CLAIM_ROWS = 40
MAX_QUOTE_ROWS = 60
# Removed blocks longer than this are shown shortened in the Markdown; the JSON keeps them whole.
REMOVED_PREVIEW_CHARS = 120
# Characters that make markup in CommonMark (HTML, links, images, code, emphasis, entities) or in
# its common extensions (table cells, strikethrough); each is backslash-escaped in untrusted text.
_MARKUP_RE = re.compile(r"([\\`*_\[\]<>&|~])")


def render_markdown(data: dict[str, Any]) -> str:
    """Markdown text of a report dict (the output of ``json_report.report_dict``)."""
    articles = data["articles"]
    titles = {a["id"]: a["title"] or a["id"] for a in articles}
    lines = ["# newsfuse report", ""]
    outlets = sorted({a["outlet"] for a in articles if a["outlet"]})
    lines.append(
        f"{len(articles)} article(s) from {len(outlets)} known outlet(s)"
        f"{' (' + ', '.join(_md(o) for o in outlets) + ')' if outlets else ''}; "
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
        lines.append(f"| {_md(a['id'])} | {_md(outlet)} | {_md(date)} | {_md(a['title'])} |")

    lines += ["", "## Timeline", ""]
    if data.get("timeline"):
        lines += ["| date | what | sources |", "|---|---|---|"]
        names = {a["id"]: a["outlet"] or a["id"] for a in articles}
        for entry in data["timeline"]:
            what = entry["text"] + (" (planned)" if entry.get("status") == "planned" else "")
            sources = ", ".join(dict.fromkeys(names.get(s, s) for s in entry["sources"]))
            lines.append(f"| {_md(entry['date'])} | {_md(what)} | {_md(sources)} |")
    else:
        lines.append("No dated happenings found.")

    lines += _claims_sections(data)

    lines += ["", "## Entities", ""]
    if data["entities"]:
        lines += ["| name | type | mentions | articles | also written as |", "|---|---|---|---|---|"]
        for e in sorted(data["entities"], key=lambda e: (-e["mentions"], e["name"])):
            others = [x for x in e["aliases"] if x != e["name"]]
            lines.append(
                f"| {_md(e['name'])} | {_md(e['type'])} | {e['mentions']} | {len(e['articles'])} | "
                f"{_md(', '.join(others))} |"
            )
    else:
        lines.append("No named entities found.")

    if data["skipped"]:
        lines += ["", "## Skipped inputs", ""]
        lines += [f"- {_md(s['input'])}: {_md(s['reason'])}" for s in data["skipped"]]

    lines += ["", "## What cleaning removed", ""]
    any_removed = False
    for a in articles:
        if not a["removed"]:
            continue
        any_removed = True
        lines.append(f"### {_md(titles[a['id']])} ({_md(a['id'])})")
        lines.append("")
        for block in a["removed"]:
            text = " ".join(block["text"].split())
            if len(text) > REMOVED_PREVIEW_CHARS:
                text = text[: REMOVED_PREVIEW_CHARS - 1] + "…"
            lines.append(f"- *{_md(block['reason'])}*: {_md(text)}")
        lines.append("")
    if not any_removed:
        lines.append("Nothing was removed.")
    return "\n".join(lines).rstrip() + "\n"


def _summary(data: dict[str, Any]) -> list[str]:
    """Each event's (and story's) headline and lines, every line with its sources as [outlet, article id]."""
    outlets = {a["id"]: a["outlet"] or "unknown outlet" for a in data["articles"]}

    def cites(sources: list[Any]) -> str:
        seen = dict.fromkeys(s["article"] if isinstance(s, dict) else s for s in sources)
        return " ".join(f"[{_md(outlets.get(a, 'unknown outlet'))}, {_md(a)}]" for a in seen)

    lines: list[str] = []
    for item in data.get("summary") or ():
        text = _md(item["text"])
        if item.get("kind") == "headline":
            lines += [*([""] if lines else []), f"### {text}", ""]
        else:
            line = f"- {text} {cites(item['sources'])}"
            if item.get("rewritten"):
                line += " *(reworded)*"
            disputed = item.get("disputed")
            if disputed:
                line += f" — *disputed*: {_md(disputed.get('explanation') or 'other reports differ')}"
                line += f" {cites(disputed.get('sources') or [])}".rstrip()
            lines.append(line)
    return lines or ["No summary was made."]


def _claims_sections(data: dict[str, Any]) -> list[str]:
    """The "## Claims", "## Contradictions", "## Quotes" and "## Framing" sections."""
    outlets = {a["id"]: a["outlet"] or a["id"] for a in data["articles"]}
    names = {e["id"]: e["name"] for e in data["entities"]}
    claims = data.get("claims") or []
    lines = ["", "## Claims", ""]
    shown = [c for c in claims if len(c["sources"]) >= 2 or c["status"] == "disputed"]
    if shown:
        lines += ["| claim | support | status | attributed to | sources |", "|---|---|---|---|---|"]
        for c in shown[:MAX_CLAIM_ROWS]:
            who = c["attributed_to"]
            who = ", ".join(names.get(w, w) for w in who) if isinstance(who, list) else names.get(who, who) if who else ""
            sources = ", ".join(dict.fromkeys(outlets.get(s["article"], s["article"]) for s in c["sources"]))
            lines.append(f"| {_md(c['text'])} | {c['support']} | {_md(c['status'])} | {_md(who)} | {_md(sources)} |")
        rest = len(claims) - min(len(shown), MAX_CLAIM_ROWS)
        if rest:
            lines += ["", f"{rest} more claim(s), most told by one source only, are in report.json."]
    else:
        lines.append("No claim is told by more than one report." if claims else "No claims found.")

    lines += ["", "## Contradictions", ""]
    if data.get("contradictions"):
        lines += [f"- **{_md(c['kind'])}**: {_md(c['explanation'])}" for c in data["contradictions"]]
    else:
        lines.append("No contradictions found.")

    lines += ["", "## Quotes", ""]
    quotes = data.get("quotes") or []
    if quotes:
        lines += ["| speaker | quote | outlet | kind |", "|---|---|---|---|"]
        for q in quotes[:MAX_QUOTE_ROWS]:
            speaker = names.get(q["speaker"], q.get("speaker_name") or "") if q["speaker"] else q.get("speaker_name") or ""
            lines.append(f"| {_md(speaker or 'unknown')} | {_md(q['text'])} | "
                         f"{_md(outlets.get(q['article'], q['article']))} | {_md(q.get('kind', ''))} |")
        if len(quotes) > MAX_QUOTE_ROWS:
            lines += ["", f"{len(quotes) - MAX_QUOTE_ROWS} more quote(s) are in report.json."]
    else:
        lines.append("No quotes found.")

    lines += ["", "## Framing", ""]
    framing = data.get("framing") or {}
    actors = [a for a in framing.get("entities", ()) if a["by_outlet"]]
    if actors:
        lines += ["How each outlet names the main actors:", "", "| actor | outlet | words used |", "|---|---|---|"]
        for actor in actors:
            for outlet, terms in actor["by_outlet"].items():
                lines.append(f"| {_md(actor['name'])} | {_md(outlet)} | {_md('; '.join(terms))} |")
    for event in framing.get("events", ()):
        if not event.get("happenings"):
            continue
        lines += ["", f"How outlets word what happened ({_md(event.get('title') or event['event'])}):", "",
                  "| date | outlet | words used |", "|---|---|---|"]
        for h in event["happenings"]:
            for outlet, words in h["by_outlet"].items():
                lines.append(f"| {_md(h['date'])} | {_md(outlet)} | {_md('; '.join(words))} |")
    coverage = framing.get("coverage") or {}
    if coverage.get("rows"):
        cols = coverage["outlets"]
        lines += ["", "Coverage: which outlet carries each claim (omitted: not in its reports; "
                  "contradicted: it carries a claim against it):", "",
                  "| claim | " + " | ".join(_md(o) for o in cols) + " |", "|---|" + "---|" * len(cols)]
        for row in coverage["rows"]:
            lines.append(f"| {_md(row['text'])} | " + " | ".join(_md(row["cells"][o]) for o in cols) + " |")
    if not actors and not coverage.get("rows"):
        lines.append("Not enough overlap between outlets to compare their framing.")
    return lines


def write_markdown(data: dict[str, Any], path: str | Path) -> None:
    write_atomic(path, render_markdown(data))


def _md(text: Any) -> str:
    """Untrusted text (any string a user or an article sets) as Markdown that shows exactly this
    text on one line: never HTML, a link, an image, code, emphasis or a table cell break. Every
    string that goes into report.md goes through here."""
    return _MARKUP_RE.sub(r"\\\1", " ".join(str(text if text is not None else "").split()))
