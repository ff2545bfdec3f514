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
