"""JSONL (and JSON) inputs: one article record per line, checked field by field.

A record is ``{"id", "title", "text" or "html", "url", "outlet", "published"}``;
only a non-empty ``text`` or ``html`` is required. A line that is not such a
record raises MalformedRecord naming the line and what is wrong with it; the
caller turns that into a Skip and goes on with the next line. A metadata field
that cannot be used (``"outlet": 42``, ``"published": "soon"``) is dropped, the
record kept, and the document's ``dropped`` says which field and why.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsfuse.errors import MalformedRecord
from newsfuse.ingest.document import RawDoc
from newsfuse.ingest.meta import normalize_published
from newsfuse.ingest.normalize import collapse_spaces, normalize_text
from newsfuse.ingest.text import text_blocks
from newsfuse.util import safe_text

_META_FIELDS = ("title", "url", "outlet", "published")
# Characters of a dropped field's value shown in its note.
DROPPED_PREVIEW_CHARS = 200


def parse_line(line: str, source: str) -> dict[str, Any] | None:
    """The JSON object on one line; None for a blank line. Raises MalformedRecord."""
    if not line.strip():
        return None
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(source, f"not valid JSON ({_at(exc.msg)} column {exc.colno})") from exc
    return value


def json_records(text: str, source: str) -> Iterator[tuple[str, Any]]:
    """(source, value) of each record in a whole-file JSON input: an object, or a list of objects."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(source, f"not valid JSON ({_at(exc.msg)} line {exc.lineno}, column {exc.colno})") from exc
    if isinstance(value, list):
        for i, item in enumerate(value, 1):
            yield f"{source}#{i}", item
    else:
        yield source, value


def record_document(value: Any, source: str, fallback_id: str) -> RawDoc:
    """Turn one decoded record into a RawDoc. Raises MalformedRecord with the reason."""
    if not isinstance(value, dict):
        reason = f'a record must be a JSON object with a "text" or "html" field, not {_kind(value)}'
        raise MalformedRecord(source, reason)
    text, html = value.get("text"), value.get("html")
    for name, field_value in (("text", text), ("html", html)):
        if field_value is not None and not isinstance(field_value, str):
            raise MalformedRecord(source, f"field \"{name}\" must be a string, not {_kind(field_value)}")
    value, dropped = _usable_meta(value)
    if not (text and text.strip()) and not (html and html.strip()):
        raise MalformedRecord(source, "record has no \"text\" or \"html\" (one of them is required and must not be empty)")
    rid = value.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or not str(rid).strip():
        rid = fallback_id
    rid = safe_text(str(rid)).strip()
    title = _meta(value.get("title"))
    url = _meta(value.get("url"))
    if html and html.strip() and not (text and text.strip()):
        from newsfuse.ingest.html import html_document

        doc = html_document(html, source, rid, url=url)
        return RawDoc(
            blocks=doc.blocks,
            source=source,
            id_hint=rid,
            title=title or doc.title,
            outlet=_meta(value.get("outlet")) or doc.outlet,
            url=url or doc.url,
            published=_published(value.get("published")) or doc.published,
            removed=doc.removed,
            dropped=dropped,
        )
    return RawDoc(
        blocks=tuple(text_blocks(normalize_text(text or ""))),
        source=source,
        id_hint=rid,
        title=title,
        outlet=_meta(value.get("outlet")),
        url=url,
        published=_published(value.get("published")),
        dropped=dropped,
    )


def _usable_meta(record: dict[str, Any]) -> tuple[dict[str, Any], tuple[tuple[str, str], ...]]:
    """``record`` without the metadata fields it cannot use, and a (value, reason) note for each.

    A wrong type and a date that cannot be read are treated alike: the article is worth more
    than one bad field, and the note tells the user what was left out.
    """
    dropped: dict[str, tuple[str, str]] = {}
    for name in _META_FIELDS:
        field_value = record.get(name)
        if field_value is None:
            continue
        if not isinstance(field_value, str):
            reason = f"it must be a string, not {_kind(field_value)}"
            shown = json.dumps(field_value, ensure_ascii=False)
        elif name == "published" and field_value.strip() and normalize_published(field_value) is None:
            reason, shown = "not a date", collapse_spaces(safe_text(field_value))
        else:
            continue
        preview = shown[:DROPPED_PREVIEW_CHARS] + ("…" if len(shown) > DROPPED_PREVIEW_CHARS else "")
        dropped[name] = (preview, f'field "{name}" dropped: {reason}')
    if not dropped:
        return record, ()
    return {k: v for k, v in record.items() if k not in dropped}, tuple(dropped.values())


def _at(message: str) -> str:
    """The JSON error message, ending in "at" to go before a place ("Unterminated string starting at")."""
    return message if message.endswith(" at") else f"{message} at"


def _meta(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = collapse_spaces(normalize_text(value))
    return value or None


def _published(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}.get(
        type(value), "a number"
    )
