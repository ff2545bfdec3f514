"""Reading the list of feeds to follow."""

import pytest

from newsfuse.errors import ConfigError
from newsfuse.watch.sources import FeedSource, read_sources


def test_a_text_file_lists_one_url_a_line_with_comments_and_a_warning_for_anything_else(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# my feeds\nhttps://a.example/rss\n\nftp://b.example/feed\nnot a url\nhttps://a.example/rss\n")
    sources, warnings = read_sources(path)
    assert sources == [FeedSource("https://a.example/rss")]
    assert len(warnings) == 2 and f"{path}:4" in warnings[0] and "not an http(s) URL" in warnings[0]


def test_an_opml_file_gives_each_outline_with_a_feed_url_and_its_title(tmp_path):
    path = tmp_path / "feeds.opml"
    path.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="News"><outline text="Gazette" type="rss" xmlUrl="https://g.example/rss"/>'
        '<outline text="Courier" title="The Courier" xmlUrl="http://c.example/atom"/></outline></body></opml>'
    )
    sources, warnings = read_sources(path)
    assert sources == [FeedSource("https://g.example/rss", "Gazette"), FeedSource("http://c.example/atom", "The Courier")]
    assert warnings == []


@pytest.mark.parametrize(
    "text, reason",
    [("# nothing\n", "no feed URL found"), ("<opml><body><outline", "not well-formed OPML")],
)
def test_a_sources_file_without_feeds_is_refused_naming_the_file(tmp_path, text, reason):
    path = tmp_path / "feeds.txt"
    path.write_text(text)
    with pytest.raises(ConfigError, match=reason) as caught:
        read_sources(path)
    assert str(path) in str(caught.value)
