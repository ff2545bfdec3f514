"""What is SQLite's own: a file that is no database, a version and migrations written in the file."""

from __future__ import annotations

import sqlite3

import pytest

from newsfuse.errors import StoreError
from newsfuse.store.sqlite import STORE_VERSION, SQLiteStore


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



def test_a_store_of_the_first_version_is_migrated_in_place(tmp_path):
    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as db:
        db.executescript(
            """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO meta VALUES ('version', '1');
            CREATE TABLE articles (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
                content_hash TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
            CREATE TABLE analyses (article_id TEXT PRIMARY KEY REFERENCES articles(id), data TEXT NOT NULL);
            CREATE TABLE assignments (kind TEXT NOT NULL, article_id TEXT NOT NULL, cluster TEXT NOT NULL,
                PRIMARY KEY (kind, article_id));
            INSERT INTO assignments VALUES ('event', 'a1', 'e1');"""
        )
    with SQLiteStore(path) as store:
        assert store.assignments("event") == {"a1": "e1"} and store.feeds() == []
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key='version'").fetchone() == (str(STORE_VERSION),)


def test_a_read_only_store_needs_the_file_and_its_version(tmp_path):
    path = tmp_path / "news.db"
    with pytest.raises(StoreError, match="no such file"):
        SQLiteStore(path, readonly=True)
    assert not path.exists()
    SQLiteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value='2' WHERE key='version'")
    with pytest.raises(StoreError, match="version 2, .* to migrate it"):
        SQLiteStore(path, readonly=True)
