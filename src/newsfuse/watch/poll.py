"""One polling round: fetch each followed feed, fetch and analyse its new articles, keep them in the store.

A feed that fails (refused, unreachable, malformed) keeps its error in the store and the round
goes on; a page that fails is skipped with its reason. New articles are added in one
transaction after the round's fetching, so an interrupted round loses nothing already stored
and the next round fetches again what it had not stored.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from newsfuse.config import Config
from newsfuse.errors import FetchError, InputError
from newsfuse.ingest.build import build_article
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.html import html_document
from newsfuse.model import Article, FeedStatus, Skip
from newsfuse.pipeline import analyze_corpus, progress_bar
from newsfuse.store import Store
from newsfuse.watch.entries import Entry, parse_feed
from newsfuse.watch.fetch import Fetcher
from newsfuse.watch.sources import FeedSource
from newsfuse.watch.urls import canonical_url, url_id

# Pages fetched from one feed in one round: a feed that suddenly lists thousands of links
# (a site's archive) is read over several rounds instead of stalling all other feeds.
MAX_NEW_PER_FEED = 50
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class RoundResult:
    """What one round did: each feed's state after it, the ids of articles added, and every skip."""

    feeds: tuple[FeedStatus, ...]
    added: tuple[str, ...]
    skipped: tuple[Skip, ...]


def poll(sources: Sequence[FeedSource], store: Store, config: Config, fetcher: Fetcher) -> RoundResult:
    """Poll each source once and add its new articles, analysed, to ``store``."""
    known = {status.url: status for status in store.feeds()}
    articles: list[Article] = []
    fetched: dict[str, str] = {}
    from_feed: dict[str, str] = {}
    skipped: list[Skip] = []
    states: dict[str, FeedStatus] = {}
    with progress_bar(len(sources), "polling feeds", config.progress, unit="feed") as bar:
        for source in sources:
            status = known.get(source.url) or FeedStatus(source.url, source.title)
            try:
                page_items = _poll_feed(source, status, store, fetcher, config, skipped)
            except InputError as exc:
                states[source.url] = dataclasses.replace(status, last_checked=_now(), last_error=exc.reason)
                bar.update()
                continue
            status, items = page_items
            states[source.url] = status
            for url, article in items:
                if article is None:
                    fetched[url] = ""  # a page that will not change its answer: not fetched again
                    continue
                fetched[url] = article.id
                if article.url:
                    fetched[canonical_url(article.url)] = article.id
                articles.append(article)
                from_feed[article.id] = source.url
            bar.update()
    added = _add(articles, store, config)
    store.mark_fetched(fetched)
    for url, status in states.items():
        count = sum(1 for article_id in added if from_feed.get(article_id) == url)
        status = dataclasses.replace(status, articles_added=status.articles_added + count)
        store.save_feed(status)
        states[url] = status
    return RoundResult(tuple(states.values()), tuple(added), tuple(skipped))


def _poll_feed(
    source: FeedSource, status: FeedStatus, store: Store, fetcher: Fetcher, config: Config, skipped: list[Skip]
) -> tuple[FeedStatus, list[tuple[str, Article | None]]]:
    """The feed's new state and its new pages: an Article, or None for a page that failed for good."""
    now = _now()
    answer = fetcher.fetch(source.url, status.etag, status.last_modified)
    if answer.status == 304:
        return dataclasses.replace(status, last_checked=now, last_success=now, last_error=""), []
    feed = parse_feed(answer.body, answer.url)
    entries: dict[str, Entry] = {}
    for entry in feed.entries:
        entries.setdefault(canonical_url(entry.url), entry)
    seen = store.fetched(list(entries))
    items = []
    for url, entry in [(u, e) for u, e in entries.items() if u not in seen][:MAX_NEW_PER_FEED]:
        try:
            items.append((url, _article(url, entry, fetcher, config)))
        except InputError as exc:
            skipped.append(Skip(exc.input, exc.reason))
            transient = isinstance(exc, FetchError) and (exc.status == 0 or exc.status >= 500)
            if not transient:
                items.append((url, None))
    status = dataclasses.replace(
        status,
        title=status.title or feed.title,
        etag=answer.etag,
        last_modified=answer.last_modified,
        last_checked=now,
        last_success=now,
        last_error="",
    )
    return status, items


def _article(url: str, entry: Entry, fetcher: Fetcher, config: Config) -> Article:
    answer = fetcher.fetch(url)
    kind = answer.content_type.split(";", 1)[0].strip().lower()
    if kind and kind not in _HTML_TYPES:
        raise FetchError(url, f"not an HTML page ({kind})")
    html = _decode(answer.body, answer.content_type, url)
    raw = html_document(html, source=url, id_hint=url_id(url), url=answer.url)
    raw = dataclasses.replace(raw, title=raw.title or entry.title or None, published=raw.published or entry.published or None)
    # The id is the page's address in words plus a short hash of it: readable, and unique per URL.
    suffix = hashlib.sha1(url.encode("utf-8")).hexdigest()[:6]
    return build_article(raw, f"{url_id(url)[:80]}-{suffix}", config.min_text_chars)


def _decode(body: bytes, content_type: str, url: str) -> str:
    charset = next(
        (p.split("=", 1)[1].strip().strip('"') for p in content_type.split(";")[1:] if p.strip().lower().startswith("charset=")),
        "",
    )
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown header charset: tell from the bytes, as browsers do
    return decode_bytes(body, url)


def _add(articles: list[Article], store: Store, config: Config) -> list[str]:
    known = store.known_hashes()
    fresh, hashes = [], set()
    for article in articles:
        if article.content_hash not in known and article.content_hash not in hashes:
            hashes.add(article.content_hash)
            fresh.append(article)
    if not fresh:
        return []
    return store.add(fresh, analyze_corpus(fresh, config))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def follow(
    sources: Sequence[FeedSource],
    store: Store,
    config: Config,
    fetcher: Fetcher,
    every_s: float,
    rounds: int | None = None,
    on_round=None,
    sleep=None,
) -> None:
    """Poll ``rounds`` times (forever when None), ``every_s`` seconds apart; ``on_round`` sees each result."""
    import time

    sleep = sleep or time.sleep
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        result = poll(sources, store, config, fetcher)
        done += 1
        if on_round is not None:
            on_round(result)
        if rounds is None or done < rounds:
            sleep(max(0.0, every_s - (time.monotonic() - started)))
