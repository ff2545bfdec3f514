"""report.md: readable on its own, and article text never turns into markup."""

from __future__ import annotations

import re

from newsfuse.render.json_report import report_dict
from newsfuse.render.markdown import render_markdown
from tests.render.test_json_report import _report


def test_markdown_lists_articles_entities_skips_and_removed():
    text = render_markdown(report_dict(_report()))
    assert "| a1 | Coastline Wire (dateline) | 2026-03-03 (dateline) | Bridge opens |" in text
    assert "| Ana Costa | PERSON | 1 | 1 |" in text
    assert "- bad.bin: binary file (NUL bytes)" in text
    assert "*prompt*: Follow us on Telegram" in text


def test_untrusted_text_is_escaped():
    data = report_dict(_report())
    data["articles"][0]["title"] = "Evil | <script>alert(1)</script> [x](http://e.invalid)"
    text = render_markdown(data)
    assert "<script>" not in text
    assert "\\|" in text
    assert "[x](http" not in text


def test_timeline_section_lists_entries_with_their_outlets():
    data = report_dict(_report())
    assert "No dated happenings found." in render_markdown(data)
    data["timeline"] = [
        {"date": "2026-03-03", "text": "The bridge | opened", "event": None, "sources": ["a1"], "status": "reported"},
        {"date": "2026-04", "text": "Tolls will start", "event": None, "sources": ["a1", "zz"], "status": "planned"},
    ]
    text = render_markdown(data)
    assert "## Timeline" in text
    assert "| 2026-03-03 | The bridge \\| opened | Coastline Wire |" in text
    assert "| 2026-04 | Tolls will start (planned) | Coastline Wire, zz |" in text


def test_summary_section_cites_outlet_and_article():
    data = report_dict(_report())
    data["summary"] = [
        {"kind": "headline", "text": "Bridge opens", "event": "e1", "sources": [{"article": "a1", "sentence": 0}]},
        {"kind": "sentence", "text": "Ana Costa opened the [bridge]", "event": "e1", "sources": [{"article": "a1", "sentence": 0}]},
    ]
    text = render_markdown(data)
    assert "## Summary\n\n### Bridge opens\n\n- Ana Costa opened the \\[bridge\\] [Coastline Wire, a1]" in text
    assert "No summary was made." in render_markdown(report_dict(_report()))


_HOSTILE = (
    "<svg onload=alert(1)>",
    "[x](javascript:alert(1))",
    "![i](javascript:alert(2))",
    "<javascript:alert(3)>",
    "`<svg onload=alert(4)>`",
    "x\\<img src=x onerror=alert(5)>",
    "line\n\n<script>alert(6)</script>\n[r]: javascript:alert(7)\n\n[r]",
    "&lt;b&gt; | *bold* _it_ ~~gone~~",
)


def _hostile_report() -> dict:
    """A report whose every string a user or an article can set holds a payload."""
    data = report_dict(_report())
    n = iter(range(10_000))

    def bad() -> str:
        return _HOSTILE[next(n) % len(_HOSTILE)]

    old = data["articles"][0]["id"]
    article = data["articles"][0]
    article.update(id=bad(), title=bad(), outlet=bad(), outlet_basis=bad(), published="2026-03-03", published_basis=bad())
    article["removed"] = [{"text": bad(), "reason": bad()}]
    aid = article["id"]
    data["skipped"] = [{"input": bad(), "reason": bad()} for _ in range(len(_HOSTILE))]
    data["entities"] = [{"id": "E1", "name": bad(), "type": bad(), "aliases": [bad(), bad()], "articles": [aid], "mentions": 2, "spans": []}]
    data["timeline"] = [{"date": bad(), "text": bad(), "event": None, "sources": [aid, bad()], "status": "planned"}]
    data["summary"] = [
        {"kind": "headline", "text": bad(), "event": "e1", "sources": [{"article": aid, "sentence": 0}]},
        {"kind": "sentence", "text": bad(), "event": "e1", "sources": [{"article": aid, "sentence": 0}],
         "disputed": {"explanation": bad(), "sources": [{"article": bad(), "sentence": 0}]}},
    ]
    data["claims"] = [{"id": "c1", "text": bad(), "sources": [{"article": aid, "sentence": 0}, {"article": bad(), "sentence": 1}],
                       "attributed_to": bad(), "support": 2, "status": "disputed"}]
    data["contradictions"] = [{"claims": ["c1"], "kind": bad(), "explanation": bad()}]
    data["quotes"] = [{"speaker": None, "speaker_name": bad(), "text": bad(), "article": aid, "kind": bad()}]
    data["framing"] = {
        "entities": [{"name": bad(), "by_outlet": {bad(): [bad(), bad()]}}],
        "events": [{"event": bad(), "title": bad(), "happenings": [{"date": bad(), "by_outlet": {bad(): [bad()]}}]}],
        "coverage": {"outlets": [bad()], "rows": [{"text": bad(), "cells": {}}]},
    }
    data["framing"]["coverage"]["rows"][0]["cells"] = {data["framing"]["coverage"]["outlets"][0]: bad()}
    assert old != aid
    return data


def test_no_user_supplied_string_becomes_live_markup_in_a_commonmark_renderer():
    from markdown_it import MarkdownIt

    text = render_markdown(_hostile_report())
    for renderer in (MarkdownIt("commonmark"), MarkdownIt("commonmark").enable("table").enable("strikethrough")):
        html = renderer.render(text)
        tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))
        assert tags <= {"h1", "h2", "h3", "p", "ul", "li", "em", "strong", "table", "thead", "tbody", "tr", "th", "td"}, tags
        assert "javascript:" not in " ".join(re.findall(r"(?:href|src)=\"[^\"]*\"", html))
        assert "<a " not in html and "<img" not in html and "<svg" not in html and "<script" not in html
        assert "&lt;svg onload=alert(1)&gt;" in html  # shown as text, not dropped
