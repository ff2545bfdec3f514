"""The SQLite store over a real file: lossless round-trips, idempotent adds, clear errors."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.errors import StoreError
from newsfuse.model import Article, ArticleAnalysis, Mention, Removed, Sentence
from newsfuse.store import open_store
from newsfuse.store.sqlite import SQLiteStore

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


def test_another_article_under_a_taken_id_is_refused_never_dropped(tmp_path):
    article, analysis = _pair(1, "first")
    other = Article(id=article.id, text="A different report under the same file name.")
    with SQLiteStore(tmp_path / "s.db") as store:
        store.add([article], [analysis])
        with pytest.raises(StoreError, match=f"id {article.id!r} .* different article"):
            store.add([other], [])
        assert store.articles() == [article]
        assert store.ids() == {article.id}


_WRITER = """
import sys
from newsfuse.model import Article, ArticleAnalysis, Sentence
from newsfuse.store.sqlite import SQLiteStore

with SQLiteStore(sys.argv[1]) as store:
    for batch in range(10_000):
        articles = [Article(id=f"b{batch}-{i}", text=f"Batch {batch} article {i}. " * 40) for i in range(5)]
        analyses = [ArticleAnalysis(a.id, a.content_hash, sentences=(Sentence(0, 10),)) for a in articles]
        store.add(articles, analyses)
        store.save_assignments("event", {a.id: f"e{batch}" for a in articles})
        print(batch, flush=True)  # committed
"""


@pytest.mark.parametrize("delay", [0.0, 0.003, 0.02, 0.1])
def test_a_writer_killed_at_any_point_loses_no_committed_article(tmp_path, delay):
    import os
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / "s.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env)
    first = writer.stdout.readline()  # it is writing now: kill it somewhere in what follows
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    out, _ = writer.communicate()
    committed = [int(line) for line in (first + out).split()]
    assert committed
    with SQLiteStore(path) as store:
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = store.ids()
        batches = {int(i.split("-")[0][1:]) for i in ids}
        # Every batch the writer saw committed is there whole; at most the one in flight after it.
        assert all({f"b{b}-{i}" for i in range(5)} <= ids for b in committed)
        assert batches <= set(committed) | {max(committed, default=-1) + 1}
        assert all(len([i for i in ids if i.startswith(f"b{b}-")]) == 5 for b in batches)
        assert len(store.analyses()) == len(ids)
