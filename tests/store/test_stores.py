"""Every store backend over a real database (a SQLite file, a PostgreSQL server): one behaviour."""

from __future__ import annotations

import multiprocessing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.errors import StoreError
from newsfuse.model import Article, ArticleAnalysis, FeedStatus, Mention, Removed, Sentence
from newsfuse.store import open_store

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
        for table in ("analyses", "assignments", "articles", "feeds", "fetched"):
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
