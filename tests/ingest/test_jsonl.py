"""JSONL records: fields, checks and errors."""

from __future__ import annotations

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
        ({"text": "ok", "title": ["x"]}, 'field "title" must be a string'),
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
