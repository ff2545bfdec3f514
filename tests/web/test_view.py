"""What the desk's pages show: citations, sentence segments, search snippets."""

from __future__ import annotations

from newsfuse.store.sql import MARK_END, MARK_START
from newsfuse.web.view import Desk


def test_segments_cover_the_text_and_number_each_sentence():
    text = "First one. Second one.\n\nThird."
    desk = Desk({"articles": [{"id": "a", "text": text, "sentences": [[0, 10], [11, 24], [24, 30]]}]})
    parts = desk.segments(desk.article["a"])
    assert "".join(t for t, _ in parts) == text
    assert [(t, n) for t, n in parts if n is not None] == [("First one.", 0), ("Second one.", 1), ("Third.", 2)]


def test_citations_name_the_outlet_and_link_the_sentence():
    desk = Desk({"articles": [{"id": "a/1", "outlet": "The Iberia Post", "text": "It rained.", "sentences": [[0, 10]]}]})
    [cite] = desk.cites([{"article": "a/1", "sentence": 0}, {"article": "a/1", "sentence": 0}])
    assert cite == {"label": "Iberia", "href": "/articles/a%2F1#s-0", "title": "The Iberia Post: “It rained.”", "sentence": True}
    assert desk.cites([{"article": "a/1", "sentence": 7}])[0]["href"] == "/articles/a%2F1"


def test_snippets_split_into_plain_and_matched_parts():
    snippet = f"the {MARK_START}strike{MARK_END} began {MARK_START}today{MARK_END}"
    assert Desk.snippet_parts(snippet) == [("the ", False), ("strike", True), (" began ", False), ("today", True)]


def test_two_articles_of_one_outlet_get_two_labels():
    text, spans = "A.", [[0, 2]]
    desk = Desk({"articles": [{"id": i, "outlet": "Coastline Wire", "text": text, "sentences": spans} for i in ("a", "b")]})
    assert [c["label"] for c in desk.cites([{"article": "a", "sentence": 0}, {"article": "b", "sentence": 0}])] == [
        "Coastline", "Coastline 2"]
