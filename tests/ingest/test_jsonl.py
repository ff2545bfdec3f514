"""JSONL records: fields, checks and errors."""

from __future__ import annotations

import json

import pytest

from newsfuse.errors import MalformedRecord
from newsfuse.ingest.jsonl import json_records, parse_line, record_document


def test_text_record():
    doc = record_document(
        {"id": 7, "title": " A  title ", "text": "Line one.\n\nLine two.", "url": "https://x.example/a", "outlet": "X", "published": "2024-01-02"},
        "f.jsonl:1",
        "f-1",
    )
    assert doc.id_hint == "7"
    assert doc.title == "A title"
    assert [b.text for b in doc.blocks] == ["Line one.", "Line two."]
    assert (doc.url, doc.outlet, doc.published, doc.source) == ("https://x.example/a", "X", "2024-01-02", "f.jsonl:1")


def test_html_record_takes_record_metadata_first():
    html = "<html><head><title>Page title</title><meta property='og:site_name' content='Site'></head><body><article><h1>Page title</h1><p>" + "Residents were allowed to return home on Monday after the river fell below the danger mark. " * 3 + "</p></article></body></html>"
    doc = record_document({"html": html, "outlet": "Record outlet"}, "f.jsonl:2", "f-2")
    assert doc.outlet == "Record outlet"
    assert doc.title == "Page title"
    assert doc.id_hint == "f-2"
    assert any("Residents were allowed" in b.text for b in doc.blocks)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"title": "no body"}, 'no "text" or "html"'),
        ({"text": "   "}, 'no "text" or "html"'),
        (["a", "list"], "not a list"),
        ("just a string", "not a string"),
        ({"text": 42}, 'field "text" must be a string, not a number'),
    ],
)
def test_malformed_records(value, message):
    with pytest.raises(MalformedRecord, match=message) as info:
        record_document(value, "f.jsonl:3", "f-3")
    assert info.value.input == "f.jsonl:3"


def test_parse_line():
    assert parse_line("  \n", "f:1") is None
    assert parse_line('{"text": "x"}', "f:1") == {"text": "x"}
    with pytest.raises(MalformedRecord, match="not valid JSON"):
        parse_line("{oops", "f:2")


def test_json_file_of_records():
    assert [s for s, _ in json_records('[{"text": "a"}, {"text": "b"}]', "f.json")] == ["f.json#1", "f.json#2"]
    assert list(json_records('{"text": "a"}', "f.json")) == [("f.json", {"text": "a"})]
    with pytest.raises(MalformedRecord):
        list(json_records("[", "f.json"))


@pytest.mark.parametrize(
    ("field", "bad", "kind"),
    [("outlet", 42, "a number"), ("published", 20240102, "a number"), ("title", ["x"], "a list"), ("url", {"u": 1}, "an object")],
)
def test_a_metadata_field_of_the_wrong_type_is_dropped_with_a_note(field, bad, kind):
    doc = record_document({"text": "Line one.", field: bad}, "f.jsonl:4", "f-4")
    assert getattr(doc, field) is None
    assert doc.dropped == ((json.dumps(bad), f'field "{field}" dropped: it must be a string, not {kind}'),)


def test_a_json_error_names_its_column_once():
    with pytest.raises(MalformedRecord) as info:
        parse_line('{"text": "unterminated', "f:3")
    assert " at at " not in info.value.reason
    assert info.value.reason == "not valid JSON (Unterminated string starting at column 10)"
