"""The guarded HTTP client against a real local server: addresses, redirects, size, time, retries, robots.txt."""

from __future__ import annotations

import pytest

from newsfuse.errors import FetchError
from newsfuse.watch.fetch import Fetcher, Policy

LOCAL = ["127.0.0.1/32"]


def _fetcher(**policy) -> Fetcher:
    waits: list[float] = []
    fetcher = Fetcher(Policy(**{"allow_private": LOCAL, "host_delay_s": 0.0, "backoff_s": 0.01, **policy}), sleep=waits.append)
    fetcher.waits = waits
    return fetcher


def test_a_feed_is_fetched_and_refetched_conditionally(feed_server):
    with _fetcher() as fetcher:
        first = fetcher.fetch(feed_server.base + "/feeds/world.rss")
        again = fetcher.fetch(feed_server.base + "/feeds/world.rss", etag=first.etag)
    assert first.status == 200 and b"Dock workers" in first.body and first.etag
    assert again.status == 304 and again.body == b""
    sent = [headers for path, headers in feed_server.requests if path == "/feeds/world.rss"]
    assert sent[1]["If-None-Match"] == first.etag
    assert sent[0]["User-Agent"].startswith("newsfuse/")


def test_a_private_address_is_refused_unless_allowed(feed_server):
    with Fetcher(Policy(host_delay_s=0.0)) as fetcher, pytest.raises(FetchError, match="non-public address 127.0.0.1"):
        fetcher.fetch(feed_server.base + "/feeds/world.rss")
    assert feed_server.requests == []  # refused before any request left


def test_a_redirect_to_a_private_address_is_checked_again_and_refused(feed_server):
    with _fetcher() as fetcher, pytest.raises(FetchError, match="127.0.0.2"):
        fetcher.fetch(feed_server.base + "/redirect-private")
    with _fetcher(allow_private=True) as fetcher, pytest.raises(FetchError, match="cannot connect"):
        fetcher.fetch(feed_server.base + "/redirect-private")  # allowed: followed, and nothing listens there


def test_redirect_loops_stop_at_the_limit(feed_server):
    with _fetcher(max_redirects=3) as fetcher, pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.fetch(feed_server.base + "/loop")


def test_a_page_over_the_size_cap_is_refused(feed_server):
    with _fetcher(max_bytes=10_000) as fetcher, pytest.raises(FetchError, match="too large"):
        fetcher.fetch(feed_server.base + "/big")


def test_a_slow_page_times_out_after_its_retries(feed_server):
    feed_server.slow_s = 1.0
    with _fetcher(timeout_s=0.2, retries=1) as fetcher, pytest.raises(FetchError, match="timed out after 0.2 s"):
        fetcher.fetch(feed_server.base + "/slow")
    assert [p for p, _ in feed_server.requests].count("/slow") == 2


def test_a_busy_server_is_retried_with_backoff(feed_server):
    with _fetcher(retries=2) as fetcher:
        answer = fetcher.fetch(feed_server.base + "/flaky")
    assert answer.body == b"fine" and fetcher.waits == [0.01]


def test_a_missing_page_is_an_error_with_its_status(feed_server):
    with _fetcher() as fetcher, pytest.raises(FetchError, match="HTTP 404") as caught:
        fetcher.fetch(feed_server.base + "/articles/missing.html")
    assert caught.value.status == 404 and caught.value.input.endswith("/articles/missing.html")


def test_robots_txt_is_honoured_and_read_once_per_site(feed_server):
    with _fetcher() as fetcher:
        with pytest.raises(FetchError, match="robots.txt"):
            fetcher.fetch(feed_server.base + "/private/members.html")
        fetcher.fetch(feed_server.base + "/articles/bridge-opens.html")
    paths = [p for p, _ in feed_server.requests]
    assert paths.count("/robots.txt") == 1 and "/private/members.html" not in paths


def test_requests_to_one_host_are_spaced(feed_server):
    with _fetcher(host_delay_s=5.0) as fetcher:
        fetcher.fetch(feed_server.base + "/articles/bridge-opens.html")
        fetcher.fetch(feed_server.base + "/articles/harbour-strike.html")
    # robots.txt, then two pages: each request after the first waits for the host's delay
    assert len(fetcher.waits) == 2 and all(4.0 < w <= 5.0 for w in fetcher.waits)


def test_allow_private_takes_only_addresses_and_networks():
    with pytest.raises(FetchError, match="not an address or network"):
        Policy(allow_private=["intranet"])
