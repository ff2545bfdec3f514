"""Every store backend over a real database (a SQLite file, a PostgreSQL server): one behaviour."""

from __future__ import annotations

import multiprocessing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.errors import StoreError
from newsfuse.model import Article, ArticleAnalysis, FeedStatus, Mention, Removed, Sentence
from newsfuse.store import open_store
from newsfuse.store.sql import MARK_END, MARK_START

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


def _pair(i, text):
    article = Article(
        id=f"a{i}", text=f"{i}:{text}", title=text[:10], outlet="Wire", removed=(Removed("Share this", "prompt"),)
    )
    analysis = ArticleAnalysis(
        article.id, article.content_hash, sentences=(Sentence(0, len(article.text)),), mentions=(Mention(0, 1, "x", "ORG", 0),)
    )
    return article, analysis


def _empty(store) -> None:
    """Hypothesis reuses a test's store across examples: start each from empty tables."""
    with store._write("test reset") as cursor:
        for table in ("analyses", "assignments", "articles", "feeds", "fetched", "followed", "report", "reported", "search"):
            cursor.execute(f"DELETE FROM {table}")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bodies=st.lists(texts, max_size=6))
def test_round_trip_is_lossless_and_re_adding_changes_nothing(store_location, bodies):
    pairs = [_pair(i, t) for i, t in enumerate(bodies)]
    with open_store(store_location) as store:
        _empty(store)
        assert store.add([p[0] for p in pairs], [p[1] for p in pairs]) == [p[0].id for p in pairs]
        store.save_assignments("event", {p[0].id: "e1" for p in pairs})
    with open_store(store_location) as store:
        assert store.articles() == [p[0] for p in pairs]
        assert store.analyses() == [p[1] for p in pairs]
        assert store.add([p[0] for p in pairs], [p[1] for p in pairs]) == []
        assert store.articles() == [p[0] for p in pairs]
        assert store.assignments("event") == {p[0].id: "e1" for p in pairs}
        assert store.assignments("story") == {}


def test_same_text_under_another_id_is_not_added_twice(store_location):
    article, analysis = _pair(1, "same")
    with open_store(store_location) as store:
        store.add([article], [analysis])
        copy = Article(id="other", text=article.text, title=article.title)
        assert store.add([copy], []) == []
        assert len(store.articles()) == 1 and store.known_hashes() == {article.content_hash}


def test_assignments_of_one_kind_are_replaced_whole(store_location):
    with open_store(store_location) as store:
        store.save_assignments("event", {"a": "e1", "b": "e1"})
        store.save_assignments("story", {"a": "s1"})
        store.save_assignments("event", {"b": "e2"})
        assert store.assignments("event") == {"b": "e2"} and store.assignments("story") == {"a": "s1"}


def test_feed_states_and_fetched_pages_survive_reopening(store_location):
    status = FeedStatus("https://g.example/rss", "Gazette", etag='"v1"', last_success="2026-12-07T08:00:00+00:00",
                        articles_added=3)
    with open_store(store_location) as store:
        store.save_feed(FeedStatus("https://g.example/rss", last_error="HTTP 503"))
        store.save_feed(status)
        store.save_feed(FeedStatus("https://a.example/atom", last_error="HTTP 404"))
        store.mark_fetched({"https://g.example/a": "g-a", "https://g.example/gone": ""})
    with open_store(store_location) as store:
        assert store.feeds() == [FeedStatus("https://a.example/atom", last_error="HTTP 404"), status]
        urls = ["https://g.example/a", "https://g.example/b", "https://g.example/gone"] + [f"u{n}" for n in range(1200)]
        assert store.fetched(urls) == {"https://g.example/a", "https://g.example/gone"}


def _add_from_worker(location: str, worker: int, queue) -> None:
    # Each worker adds 20 articles of its own and the same 10 shared ones, in one store, at once.
    own = [_pair(1000 * worker + n, f"own {worker} {n}") for n in range(20)]
    shared = [_pair(n, f"shared {n}") for n in range(10)]
    try:
        with open_store(location) as store:
            added = []
            for article, analysis in own + shared:
                added += store.add([article], [analysis])
        queue.put(added)
    except Exception as exc:  # reported to the test, which fails on it
        queue.put(repr(exc))


def test_concurrent_writers_lose_nothing_and_add_each_article_once(store_location):
    open_store(store_location).close()  # created (and migrated) before the race
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_add_from_worker, args=(store_location, w, queue)) for w in range(1, 4)]
    for process in workers:
        process.start()
    results = [queue.get(timeout=120) for _ in workers]
    for process in workers:
        process.join(timeout=60)
    assert all(isinstance(r, list) for r in results), results
    with open_store(store_location) as store:
        ids = [a.id for a in store.articles()]
    assert len(ids) == len(set(ids)) == 3 * 20 + 10
    assert sorted(sum(results, [])) == sorted(ids)  # each article was new to exactly one writer


def test_another_article_under_a_taken_id_is_refused_never_dropped(store_location):
    article, analysis = _pair(1, "first")
    other = Article(id=article.id, text="A different report under the same file name.")
    with open_store(store_location) as store:
        _empty(store)
        store.add([article], [analysis])
        with pytest.raises(StoreError, match=f"id {article.id!r} .* different article"):
            store.add([other], [])
        assert store.articles() == [article]
        assert store.ids() == {article.id}


def _report(*articles: tuple[str, str]) -> dict:
    """A report dict with these (id, text) articles, one claim and one quote: what save_report indexes."""
    return {
        "articles": [{"id": aid, "title": f"Title of {aid}", "text": text} for aid, text in articles],
        "claims": [{"id": "claim-1", "text": "Dockers walked out over crane automation",
                    "sources": [{"article": articles[0][0], "sentence": 0}]}],
        "quotes": [{"article": articles[0][0], "text": "We will not be replaced by machines", "speaker_name": "Ana Rita"}],
    }


def test_the_latest_report_replaces_the_one_before_and_is_searchable(store_location):
    with open_store(store_location) as store:
        _empty(store)
        assert store.latest_report() is None and store.report_saved() is None
        store.save_report(_report(("a1", "The port of Setúbal stood idle.")))
        first = store.report_saved()
        store.save_report(_report(("a1", "The port of Setúbal stood idle."), ("a2", "Ships were diverted to Sines.")))
        assert store.report_saved() > first
    with open_store(store_location, readonly=True) as store:
        assert [a["id"] for a in store.latest_report()["articles"]] == ["a1", "a2"]
        reported = store.first_reported()
        assert reported["a1"] == first < reported["a2"]
        hits = store.search("setubal")  # diacritics folded
        assert [(h["kind"], h["ref"]) for h in hits] == [("article", "a1")]
        assert MARK_START + "Setúbal" + MARK_END in hits[0]["snippet"]
        assert {h["kind"] for h in store.search("machines")} == {"quote"}
        assert [h["ref"] for h in store.search("crane dockers")] == ["claim-1"]
        assert store.search("Sines") and not store.search("Rotterdam")


@pytest.mark.parametrize("query", ['"unbalanced', "a OR", "NEAR(", "*", "col:value", "-x", "()", "!& |"])
def test_search_reads_operators_as_words_never_as_syntax(store_location, query):
    with open_store(store_location) as store:
        _empty(store)
        store.save_report(_report(("a1", "value of the x deal")))
        assert isinstance(store.search(query), list)


def test_followed_feeds_are_kept_once_in_the_order_added(store_location):
    with open_store(store_location) as store:
        _empty(store)
        assert store.follow("https://b.example/rss") is True
        assert store.follow("https://a.example/atom") is True
        assert store.follow("https://b.example/rss") is False
        assert store.followed() == ["https://b.example/rss", "https://a.example/atom"]


def test_a_read_only_store_writes_nothing(store_location):
    open_store(store_location).close()
    with open_store(store_location, readonly=True) as store:
        with pytest.raises(StoreError, match="read"):
            store.follow("https://a.example/rss")
        assert store.followed() == []


_WRITER = """
import sys
from newsfuse.model import Article, ArticleAnalysis, Sentence
from newsfuse.store import open_store

with open_store(sys.argv[1]) as store:
    for batch in range(10_000):
        articles = [Article(id=f"b{batch}-{i}", text=f"Batch {batch} article {i}. " * 40) for i in range(5)]
        analyses = [ArticleAnalysis(a.id, a.content_hash, sentences=(Sentence(0, 10),)) for a in articles]
        store.add(articles, analyses)
        store.save_assignments("event", {a.id: f"e{batch}" for a in articles})
        print(batch, flush=True)  # committed
"""


@pytest.mark.parametrize("delay", [0.0, 0.003, 0.02, 0.1])
def test_a_writer_killed_at_any_point_loses_no_committed_article(store_location, delay):
    import os
    import signal
    import subprocess
    import sys
    import time

    from newsfuse.store import is_postgres_url

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, store_location], stdout=subprocess.PIPE, text=True, env=env)
    first = writer.stdout.readline()  # it is writing now: kill it somewhere in what follows
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    out, _ = writer.communicate()
    committed = [int(line) for line in (first + out).split()]
    assert committed
    with open_store(store_location) as store:
        if not is_postgres_url(store_location):
            assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = store.ids()
        batches = {int(i.split("-")[0][1:]) for i in ids}
        # Every batch the writer saw committed is there whole; at most the one in flight after it.
        assert all({f"b{b}-{i}" for i in range(5)} <= ids for b in committed)
        assert batches <= set(committed) | {max(committed, default=-1) + 1}
        assert all(len([i for i in ids if i.startswith(f"b{b}-")]) == 5 for b in batches)
        assert len(store.analyses()) == len(ids)
        assert set(store.assignments("event")) <= ids
