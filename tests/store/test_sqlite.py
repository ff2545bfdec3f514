"""The SQLite store over a real file: lossless round-trips, idempotent adds, clear errors."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.errors import StoreError
from newsfuse.model import Article, ArticleAnalysis, FeedStatus, Mention, Removed, Sentence
from newsfuse.store import open_store
from newsfuse.store.sqlite import MARK_END, MARK_START, SQLiteStore

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


def _pair(i, text):
    article = Article(
        id=f"a{i}", text=f"{i}:{text}", title=text[:10], outlet="Wire", removed=(Removed("Share this", "prompt"),)
    )
    analysis = ArticleAnalysis(
        article.id, article.content_hash, sentences=(Sentence(0, len(article.text)),), mentions=(Mention(0, 1, "x", "ORG", 0),)
    )
    return article, analysis


@settings(max_examples=25, deadline=None)
@given(st.lists(texts, max_size=6))
def test_round_trip_is_lossless_and_re_adding_changes_nothing(tmp_path_factory, bodies):
    path = tmp_path_factory.mktemp("s") / "store.db"
    pairs = [_pair(i, t) for i, t in enumerate(bodies)]
    with open_store(str(path)) as store:
        assert store.add([p[0] for p in pairs], [p[1] for p in pairs]) == [p[0].id for p in pairs]
        store.save_assignments("event", {p[0].id: "e1" for p in pairs})
    with SQLiteStore(path) as store:
        assert store.articles() == [p[0] for p in pairs]
        assert store.analyses() == [p[1] for p in pairs]
        assert store.add([p[0] for p in pairs], [p[1] for p in pairs]) == []
        assert store.articles() == [p[0] for p in pairs]
        assert store.assignments("event") == {p[0].id: "e1" for p in pairs}
        assert store.assignments("story") == {}


def test_same_text_under_another_id_is_not_added_twice(tmp_path):
    article, analysis = _pair(1, "same")
    with SQLiteStore(tmp_path / "s.db") as store:
        store.add([article], [analysis])
        copy = Article(id="other", text=article.text, title=article.title)
        assert store.add([copy], []) == []
        assert len(store.articles()) == 1


def test_not_a_database_is_a_store_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="bad.db"):
        SQLiteStore(bad)


def test_newer_store_version_is_refused(tmp_path):
    path = tmp_path / "s.db"
    SQLiteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value='99' WHERE key='version'")
    with pytest.raises(StoreError, match="version 99"):
        SQLiteStore(path)


def test_feed_states_and_fetched_pages_survive_reopening(tmp_path):
    path = tmp_path / "news.db"
    status = FeedStatus("https://g.example/rss", "Gazette", etag='"v1"', last_success="2026-12-07T08:00:00+00:00",
                        articles_added=3)
    with open_store(str(path)) as store:
        store.save_feed(status)
        store.save_feed(FeedStatus("https://a.example/atom", last_error="HTTP 404"))
        store.mark_fetched({"https://g.example/a": "g-a", "https://g.example/gone": ""})
    with open_store(str(path)) as store:
        assert store.feeds() == [FeedStatus("https://a.example/atom", last_error="HTTP 404"), status]
        urls = ["https://g.example/a", "https://g.example/b", "https://g.example/gone"] + [f"u{n}" for n in range(1200)]
        assert store.fetched(urls) == {"https://g.example/a", "https://g.example/gone"}


def _report(*articles: tuple[str, str]) -> dict:
    """A report dict with these (id, text) articles, one claim and one quote: what save_report indexes."""
    return {
        "articles": [{"id": aid, "title": f"Title of {aid}", "text": text} for aid, text in articles],
        "claims": [{"id": "claim-1", "text": "Dockers walked out over crane automation",
                    "sources": [{"article": articles[0][0], "sentence": 0}]}],
        "quotes": [{"article": articles[0][0], "text": "We will not be replaced by machines", "speaker_name": "Ana Rita"}],
    }


def test_the_latest_report_replaces_the_one_before_and_is_searchable(tmp_path):
    path = tmp_path / "news.db"
    with open_store(str(path)) as store:
        assert store.latest_report() is None and store.report_saved() is None
        store.save_report(_report(("a1", "The port of Setúbal stood idle.")))
        first = store.report_saved()
        store.save_report(_report(("a1", "The port of Setúbal stood idle."), ("a2", "Ships were diverted to Sines.")))
        assert store.report_saved() > first
    with open_store(str(path), readonly=True) as store:
        assert [a["id"] for a in store.latest_report()["articles"]] == ["a1", "a2"]
        reported = store.first_reported()
        assert reported["a1"] == first < reported["a2"]
        hits = store.search("setubal")  # diacritics folded
        assert [(h["kind"], h["ref"]) for h in hits] == [("article", "a1")]
        assert MARK_START + "Setúbal" + MARK_END in hits[0]["snippet"]
        assert {h["kind"] for h in store.search("machines")} == {"quote"}
        assert [h["ref"] for h in store.search("crane dockers")] == ["claim-1"]
        assert store.search("Sines") and not store.search("Rotterdam")


@pytest.mark.parametrize("query", ['"unbalanced', "a OR", "NEAR(", "*", "col:value", "-x", "()"])
def test_search_reads_operators_as_words_never_as_syntax(tmp_path, query):
    with open_store(str(tmp_path / "news.db")) as store:
        store.save_report(_report(("a1", "value of the x deal")))
        assert isinstance(store.search(query), list)


def test_followed_feeds_are_kept_once_in_the_order_added(tmp_path):
    with open_store(str(tmp_path / "news.db")) as store:
        assert store.follow("https://b.example/rss") is True
        assert store.follow("https://a.example/atom") is True
        assert store.follow("https://b.example/rss") is False
        assert store.followed() == ["https://b.example/rss", "https://a.example/atom"]


def test_a_read_only_store_writes_nothing_and_needs_the_file(tmp_path):
    path = tmp_path / "news.db"
    with pytest.raises(StoreError, match="no such file"):
        SQLiteStore(path, readonly=True)
    assert not path.exists()
    SQLiteStore(path).close()
    with SQLiteStore(path, readonly=True) as store:
        with pytest.raises(StoreError, match="readonly"):
            store.follow("https://a.example/rss")
