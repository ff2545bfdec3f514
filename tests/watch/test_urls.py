"""Canonical URLs and the ids made from them."""

from newsfuse.watch.urls import canonical_url, url_id


def test_tracking_keys_fragments_host_case_and_default_ports_do_not_make_another_page():
    a = canonical_url("HTTPS://News.Example.org:443/2026/12/story.html?utm_source=rss&utm_medium=feed#comments")
    b = canonical_url("https://news.example.org/2026/12/story.html?fbclid=abc")
    assert a == b == "https://news.example.org/2026/12/story.html"


def test_the_path_and_real_query_keys_are_kept():
    assert canonical_url("http://example.org:8080/a/B?id=7&utm_campaign=x") == "http://example.org:8080/a/B?id=7"
    assert canonical_url("http://example.org/a?id=7") != canonical_url("http://example.org/a?id=8")


def test_an_id_reads_the_host_and_path():
    assert url_id("https://news.example.org/2026/12/Harbour_strike.html") == "news-example-org-2026-12-harbour-strike-html"
