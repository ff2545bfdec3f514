"""Readers and a writer at once: the desk answers every request while articles are added to its store."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from newsfuse.config import load_config
from newsfuse.model import Article, ArticleAnalysis, Sentence
from newsfuse.store import open_store
from newsfuse.web.app import create_app
from tests.web.conftest import live_server

pytestmark = pytest.mark.slow  # ten seconds of load
READERS = 10
SECONDS = 8.0
PATHS = ("/", "/api/articles", "/api/events", "/search?q=harbour", "/api/search?q=cranes", "/feeds")


def _article(n: int) -> tuple[Article, ArticleAnalysis]:
    text = f"Report {n}: cranes at the harbour stood idle for day {n}."
    article = Article(id=f"load-{n}", text=text, title=f"Harbour report {n}", outlet=f"Outlet {n % 7}")
    return article, ArticleAnalysis(article.id, article.content_hash, sentences=(Sentence(0, len(text)),))


def _report(articles: list[Article]) -> dict:
    return {"articles": [{"id": a.id, "title": a.title, "outlet": a.outlet, "text": a.text,
                          "sentences": [[0, len(a.text)]]} for a in articles],
            "events": [], "claims": [], "quotes": [], "contradictions": [], "summary": [], "timeline": []}


def test_readers_see_no_error_and_no_article_is_lost_while_a_writer_adds(tmp_path):
    path = str(tmp_path / "news.db")
    added: list[Article] = []
    errors: list[str] = []
    answered = [0] * READERS
    slowest = [0.0] * READERS
    stop = threading.Event()

    def write() -> None:
        n = 0
        with open_store(path) as store:
            while not stop.is_set():
                batch = [_article(n + i) for i in range(5)]
                store.add([a for a, _ in batch], [b for _, b in batch])
                added.extend(a for a, _ in batch)
                store.save_report(_report(added))
                n += 5
                time.sleep(0.05)

    def read(k: int, base: str) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            i = k
            while not stop.is_set():
                started = time.monotonic()
                answer = client.get(PATHS[i % len(PATHS)])
                slowest[k] = max(slowest[k], time.monotonic() - started)
                if answer.status_code != 200:
                    errors.append(f"{PATHS[i % len(PATHS)]}: {answer.status_code} {answer.text[:200]}")
                answered[k] += 1
                i += 1

    with live_server(create_app(path, load_config(progress="never"))) as base:
        threads = [threading.Thread(target=write)] + [threading.Thread(target=read, args=(k, base)) for k in range(READERS)]
        for t in threads:
            t.start()
        time.sleep(SECONDS)
        stop.set()
        for t in threads:
            t.join(timeout=60)
        listed = httpx.get(base + "/api/articles").json()["articles"]
    # `pytest -s` shows the figures docs/reliability.md quotes
    print(f"\nload: {READERS} readers for {SECONDS:.0f} s: {sum(answered)} requests answered "
          f"(slowest {max(slowest) * 1000:.0f} ms), {len(added)} articles added, {len(errors)} errors")
    assert errors == []
    assert min(answered) > 0 and len(added) >= 50
    with open_store(path, readonly=True) as store:
        assert [a.id for a in store.articles()] == [a.id for a in added]
    assert [a["id"] for a in listed] == [a.id for a in added]
