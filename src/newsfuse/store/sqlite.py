"""The SQLite store: one file holding articles, analyses and cluster assignments."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.model import Article, ArticleAnalysis, from_dict, to_dict

# Bump on an incompatible change of the tables below; an older file is refused with a clear message.
STORE_VERSION = 1

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS assignments (
    kind TEXT NOT NULL,
    article_id TEXT NOT NULL,
    cluster TEXT NOT NULL,
    PRIMARY KEY (kind, article_id)
);
"""


class SQLiteStore:
    """A store in one SQLite file. Every write is one transaction: a crash leaves the last good state."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            with self._db:
                self._db.executescript(_TABLES)
                row = self._db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
                if row is None:
                    self._db.execute("INSERT INTO meta VALUES ('version', ?)", (str(STORE_VERSION),))
                elif row[0] != str(STORE_VERSION):
                    raise StoreError(f"store {self.path}: version {row[0]}, this newsfuse reads {STORE_VERSION}")
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: {exc}") from exc

    def add(self, articles: Sequence[Article], analyses: Sequence[ArticleAnalysis]) -> list[str]:
        by_id = {a.article_id: a for a in analyses}
        new: list[str] = []
        try:
            with self._db:
                for article in articles:
                    # The same text under any id is the same article: adding it again changes nothing.
                    cursor = self._db.execute(
                        "INSERT OR IGNORE INTO articles (id, content_hash, data) VALUES (?, ?, ?)",
                        (article.id, article.content_hash, json.dumps(to_dict(article))),
                    )
                    if cursor.rowcount == 0:
                        if self._db.execute(
                            "SELECT 1 FROM articles WHERE content_hash = ?", (article.content_hash,)
                        ).fetchone() is None:
                            # Never lose an article silently: the whole add is rolled back.
                            raise StoreError(
                                f"store {self.path}: id {article.id!r} is taken by a different article"
                            )
                        continue
                    new.append(article.id)
                    analysis = by_id.get(article.id)
                    if analysis is not None:
                        self._db.execute(
                            "INSERT OR REPLACE INTO analyses VALUES (?, ?)",
                            (article.id, json.dumps(to_dict(analysis))),
                        )
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: cannot add articles ({exc})") from exc
        return new

    def ids(self) -> set[str]:
        return {row[0] for row in self._query("SELECT id FROM articles")}

    def known_hashes(self) -> set[str]:
        return {row[0] for row in self._query("SELECT content_hash FROM articles")}

    def articles(self) -> list[Article]:
        return [from_dict(Article, json.loads(row[0])) for row in self._query("SELECT data FROM articles ORDER BY seq")]

    def analyses(self) -> list[ArticleAnalysis]:
        rows = self._query(
            "SELECT analyses.data FROM analyses JOIN articles ON articles.id = analyses.article_id ORDER BY seq"
        )
        return [from_dict(ArticleAnalysis, json.loads(row[0])) for row in rows]

    def save_assignments(self, kind: str, assignments: Mapping[str, str]) -> None:
        try:
            with self._db:
                self._db.execute("DELETE FROM assignments WHERE kind = ?", (kind,))
                self._db.executemany(
                    "INSERT INTO assignments VALUES (?, ?, ?)", [(kind, a, c) for a, c in assignments.items()]
                )
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: cannot save {kind} assignments ({exc})") from exc

    def assignments(self, kind: str) -> dict[str, str]:
        return dict(self._query("SELECT article_id, cluster FROM assignments WHERE kind = ?", (kind,)))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: {exc}") from exc
