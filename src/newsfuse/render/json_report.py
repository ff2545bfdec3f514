"""The report as JSON (schema version 1), validated against the schema shipped in the package."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from newsfuse.errors import NewsfuseError
from newsfuse.model import SCHEMA_VERSION, Contradiction, Report, SummaryLine, to_dict
from newsfuse.util import write_atomic

# Pieces of the JSON encoder's output joined into one write: it yields a few characters at a time
# (millions for a report of 1,000 articles), and json.dumps keeps them all in a list, then the
# whole text, before a byte is written (+90 MiB at the peak of a 1,000-article run, 2026-12-07).
JOIN_PIECES = 8192
# Keys report.json leaves out, rather than writing null, when a record has no value for them.
_OMITTED_WHEN_NONE: dict[type, frozenset[str]] = {
    SummaryLine: frozenset({"event", "story", "disputed", "rewritten"}),
    Contradiction: frozenset({"entity"}),
}


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of report.json, as shipped in the package."""
    text = resources.files("newsfuse.render").joinpath("report.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def report_dict(report: Report) -> dict[str, Any]:
    """Plain data in the schema-v1 layout."""
    analyses = {a.article_id: a for a in report.analyses}
    articles = []
    for article in report.articles:
        analysis = analyses.get(article.id)
        articles.append(
            {
                "id": article.id,
                "title": article.title,
                "title_basis": article.title_basis,
                "outlet": article.outlet,
                "outlet_basis": article.outlet_basis,
                "agency": article.agency,
                "url": article.url,
                "published": article.published,
                "published_basis": article.published_basis,
                "language": article.language,
                "encoding": article.encoding,
                "source": article.source,
                "dateline": article.dateline,
                "event": report.article_event.get(article.id),
                "story": report.article_story.get(article.id),
                "duplicate_of": report.duplicate_of.get(article.id),
                "removed": to_dict(article.removed),
                "text": article.text,
                "sentences": [[s.start, s.end] for s in analysis.sentences] if analysis else [],
                "times": [
                    {"text": t.text, "start": t.start, "end": t.end, "type": t.type, "value": t.value, "mod": t.mod}
                    for t in (analysis.times if analysis else ())
                ],
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "newsfuse", "version": report.version, "generated": report.generated},
        "articles": articles,
        "skipped": to_dict(report.skipped),
        "events": [to_dict(e) for e in report.events],
        "stories": [to_dict(s) for s in report.stories],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "articles": list(e.articles),
                "mentions": e.mentions,
                "spans": to_dict(e.spans),
            }
            for e in report.entities
        ],
        "timeline": [to_dict(t) for t in report.timeline],
        "claims": [to_dict(c) for c in report.claims],
        "contradictions": [record_dict(c) for c in report.contradictions],
        "quotes": [to_dict(q) for q in report.quotes],
        "framing": to_dict(report.framing),
        "summary": [record_dict(line) for line in report.summary],
    }


def record_dict(record: Any) -> dict[str, Any]:
    """A fused record as report.json has it: its fields in order, those of ``_OMITTED_WHEN_NONE``
    only when set (a summary line's ``event`` or ``story``, ``disputed``, ``rewritten``; a
    contradiction's ``entity``)."""
    omitted = _OMITTED_WHEN_NONE.get(type(record), frozenset())
    return {k: v for k, v in to_dict(record).items() if v is not None or k not in omitted}



def validate(data: dict[str, Any]) -> None:
    """Raise NewsfuseError when ``data`` breaks the report contract."""
    import jsonschema

    try:
        jsonschema.validate(data, schema())
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(top)"
        raise NewsfuseError(f"report does not match schema v{SCHEMA_VERSION} at {where}: {exc.message}") from exc


def json_text(data: dict[str, Any]) -> Iterator[str]:
    """report.json's text in pieces of JOIN_PIECES encoder pieces, together the same characters as
    ``json.dumps(data, ensure_ascii=False, indent=1) + "\n"``, so that the whole is never in memory."""
    pieces: list[str] = []
    for piece in json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(data):
        pieces.append(piece)
        if len(pieces) >= JOIN_PIECES:
            yield "".join(pieces)
            pieces.clear()
    pieces.append("\n")
    yield "".join(pieces)


def write_json(report: Report, path: str | Path) -> dict[str, Any]:
    """Validate and write report.json atomically; returns the data written."""
    data = report_dict(report)
    validate(data)
    write_atomic(path, json_text(data))
    return data
