"""Feed entries: the article links an RSS, Atom or RDF feed lists, with what the feed says of each."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin

from newsfuse.errors import FetchError


@dataclass(frozen=True, slots=True)
class Entry:
    """One linked article: its URL (absolute), title and publication time as the feed gives them."""

    url: str
    title: str = ""
    published: str = ""


@dataclass(frozen=True, slots=True)
class FeedPage:
    """A parsed feed: its own title and entries, newest as listed."""

    title: str
    entries: tuple[Entry, ...]


def parse_feed(body: bytes, url: str) -> FeedPage:
    """The entries of a feed document. Raises FetchError when it is no feed a reader can use.

    Slightly broken XML that still yields entries is read as browsers and feed readers do;
    a document with no entries and a parse error is refused with the parser's reason.
    """
    import feedparser

    # feedparser fetches nothing itself when handed bytes; the response headers were checked already.
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    entries = []
    for item in parsed.entries:
        link = (item.get("link") or "").strip()
        if not link:
            continue
        entries.append(Entry(urljoin(url, link), (item.get("title") or "").strip(), _time(item)))
    if not entries and parsed.get("bozo"):
        reason = parsed.get("bozo_exception")
        raise FetchError(url, f"not a readable feed ({type(reason).__name__}: {reason})")
    if not entries and not parsed.get("version"):
        raise FetchError(url, "not a feed (no RSS, Atom or RDF document)")
    return FeedPage((parsed.feed.get("title") or "").strip(), tuple(entries))


def _time(item) -> str:
    for key in ("published_parsed", "updated_parsed"):
        value = item.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), timezone.utc).isoformat(timespec="seconds")
    return ""
