"""Polling rounds against a real local server into a real SQLite store, and the watch and feeds commands."""

from __future__ import annotations

import pytest

from newsfuse.cli import main
from newsfuse.store import open_store
from newsfuse.watch.fetch import Fetcher, Policy
from newsfuse.watch.poll import follow, poll
from newsfuse.watch.sources import FeedSource

pytestmark = pytest.mark.slow  # new pages are analysed with the spaCy model

LOCAL = ["127.0.0.1/32"]


def _sources(base: str) -> list[FeedSource]:
    return [FeedSource(base + p) for p in ("/feeds/world.rss", "/feeds/region.atom", "/feeds/broken.xml", "/redirect-private")]


def test_a_round_stores_each_new_article_once_and_keeps_every_feeds_state(feed_server, tmp_path, config):
    with open_store(str(tmp_path / "news.db")) as store, Fetcher(Policy(allow_private=LOCAL, host_delay_s=0)) as fetcher:
        result = poll(_sources(feed_server.base), store, config, fetcher)
        articles = store.articles()
        feeds = {f.url.removeprefix(feed_server.base): f for f in store.feeds()}
    # the strike story reached through two feeds (tracking tags, a fragment) is one article
    assert sorted(a.title for a in articles) == ["Dock workers strike over night shifts", "New bridge opens to traffic"]
    assert len(result.added) == 2 and {a.outlet for a in articles} == {"Harbour Gazette"}
    assert {a.url.removeprefix(feed_server.base) for a in articles} >= {"/articles/bridge-opens.html"}
    reasons = {s.input.removeprefix(feed_server.base): s.reason for s in result.skipped}
    assert reasons == {"/articles/missing.html": "HTTP 404", "/private/members.html": "disallowed by the site's robots.txt"}
    assert feeds["/feeds/world.rss"].last_error == "" and feeds["/feeds/world.rss"].etag
    assert feeds["/feeds/world.rss"].title == "Harbour Gazette - World"
    assert feeds["/feeds/world.rss"].articles_added + feeds["/feeds/region.atom"].articles_added == 2
    assert "not a readable feed" in feeds["/feeds/broken.xml"].last_error and not feeds["/feeds/broken.xml"].last_success
    assert "127.0.0.2" in feeds["/redirect-private"].last_error


def test_the_next_round_asks_conditionally_and_fetches_no_page_again(feed_server, tmp_path, config):
    rounds = []
    with open_store(str(tmp_path / "news.db")) as store, Fetcher(Policy(allow_private=LOCAL, host_delay_s=0)) as fetcher:
        follow(_sources(feed_server.base)[:2], store, config, fetcher, every_s=900, rounds=2,
               on_round=rounds.append, sleep=lambda s: None)
        assert len(store.articles()) == 2
    assert [len(r.added) for r in rounds] == [2, 0] and rounds[1].skipped == ()
    second = feed_server.requests[len(feed_server.requests) - 2 :]
    assert [path for path, _ in second] == ["/feeds/world.rss", "/feeds/region.atom"]
    assert all("If-None-Match" in headers for _, headers in second)


def test_watch_once_then_feeds_then_a_report_of_the_store(feed_server, tmp_path, capsys):
    sources = tmp_path / "feeds.txt"
    sources.write_text("\n".join(s.url for s in _sources(feed_server.base)) + "\nnot-a-url\n")
    store = tmp_path / "news.db"
    assert main(["watch", str(sources), "--store", str(store), "--once", "--allow-private", "127.0.0.1/32"]) == 0
    out, err = capsys.readouterr()
    assert "4 feeds polled (2 failed), 2 new articles, 2 pages skipped" in out
    with open_store(str(store), readonly=True) as held:  # the round added articles: the desk's report is new
        assert sorted(a["title"] for a in held.latest_report()["articles"]) == [
            "Dock workers strike over night shifts", "New bridge opens to traffic"]
        saved = held.report_saved()
    assert "not an http(s) URL" in err and "HTTP 404" in err and "127.0.0.2" in err
    assert main(["feeds", "--store", str(store)]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 4 and sum("error:" in line for line in listing) == 2
    assert main(["analyze", "--store", str(store), "--out", str(tmp_path / "out"), "--quiet", "--jobs", "1"]) == 0
    assert (tmp_path / "out" / "report.json").read_text().count('"Dock workers strike over night shifts"') >= 1
    with open_store(str(store), readonly=True) as held:  # analyze --store saves the desk's report too
        assert held.report_saved() > saved and len(held.latest_report()["articles"]) == 2


def test_watch_refuses_a_local_feed_without_allow_private(feed_server, tmp_path, capsys):
    sources = tmp_path / "feeds.txt"
    sources.write_text(feed_server.base + "/feeds/world.rss\n")
    assert main(["watch", str(sources), "--store", str(tmp_path / "news.db"), "--once"]) == 0
    assert "non-public address 127.0.0.1" in capsys.readouterr().err
    assert feed_server.requests == []


def test_watch_without_sources_polls_the_feeds_followed_in_the_store(feed_server, tmp_path, capsys):
    store = tmp_path / "news.db"
    with open_store(str(store)) as held:
        held.follow(feed_server.base + "/feeds/world.rss")
    assert main(["watch", "--store", str(store), "--once", "--allow-private", "127.0.0.1/32"]) == 0
    assert "1 feeds polled (0 failed), 2 new articles" in capsys.readouterr().out
    with open_store(str(store), readonly=True) as held:
        assert [f.url for f in held.feeds()] == [feed_server.base + "/feeds/world.rss"]
        assert len(held.latest_report()["articles"]) == 2
