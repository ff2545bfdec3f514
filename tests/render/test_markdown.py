"""report.md: readable on its own, and article text never turns into markup."""

from __future__ import annotations

from newsfuse.render.json_report import report_dict
from newsfuse.render.markdown import render_markdown
from tests.render.test_json_report import _report


def test_markdown_lists_articles_entities_skips_and_removed():
    text = render_markdown(report_dict(_report()))
    assert "| a1 | Coastline Wire (dateline) | 2026-03-03 (dateline) | Bridge opens |" in text
    assert "| Ana Costa | PERSON | 1 | 1 |" in text
    assert "`bad.bin`: binary file (NUL bytes)" in text
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
