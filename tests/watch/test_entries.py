"""Reading entries out of RSS and Atom documents."""

import pytest

from newsfuse.errors import FetchError
from newsfuse.watch.entries import parse_feed
from tests.conftest import TEST_DATA

FEEDS = TEST_DATA / "feeds"


def test_rss_items_give_absolute_links_titles_and_times():
    page = parse_feed((FEEDS / "world.rss").read_bytes().replace(b"{base}", b"https://g.example"), "https://g.example/rss")
    assert page.title == "Harbour Gazette - World"
    assert [e.url for e in page.entries][:2] == [
        "https://g.example/articles/harbour-strike.html?utm_source=rss&utm_medium=feed",
        "https://g.example/articles/bridge-opens.html",
    ]
    assert page.entries[0].published == "2026-12-07T08:10:00+00:00" and page.entries[2].published == ""


def test_atom_entries_are_read_too():
    page = parse_feed((FEEDS / "region.atom").read_bytes().replace(b"{base}", b"https://c.example"), "https://c.example/atom")
    assert page.title == "Coast Courier" and page.entries[0].title == "Dock workers walk out at the harbour"


@pytest.mark.parametrize("body", [(FEEDS / "broken.xml").read_bytes(), b"<html><body>a web page</body></html>", b""])
def test_a_document_that_is_no_usable_feed_is_refused_with_the_reason(body):
    with pytest.raises(FetchError, match="not a (readable )?feed") as caught:
        parse_feed(body, "https://x.example/feed")
    assert caught.value.input == "https://x.example/feed"
