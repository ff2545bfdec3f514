"""The SQLite store: one file holding articles, analyses, cluster assignments, followed feeds and the latest report."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.store.sql import MARK_END, MARK_START, SNIPPET_WORDS, STORE_VERSION, SQLStore

__all__ = ["SQLiteStore", "STORE_VERSION"]

# A writer waits this long for another writer's transaction (the watcher, an upload) to end.
_BUSY_TIMEOUT_S = 30.0


class SQLiteStore(SQLStore):
    """A store in one SQLite file (WAL: readers never wait for the writer)."""

    ERROR = sqlite3.Error
    SEARCH_DDL = (
        """CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
            kind UNINDEXED, ref UNINDEXED, article UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')""",
    )

    def __init__(self, path: str | Path, readonly: bool = False):
        """Open (and create, unless ``readonly``) the store at ``path``. A read-only store writes
        nothing, not even its tables, so readers never wait on the writer (WAL lets both run)."""
        super().__init__(str(path))
        self.path = str(path)
        if readonly:
            self._open_readonly()
            return
        try:
            # Transactions are opened explicitly (BEGIN IMMEDIATE), so two writers queue instead of failing late.
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_TIMEOUT_S)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: {exc}") from exc
        self._migrate()

    @contextmanager
    def _transaction(self):
        cursor = self._db.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:
            yield cursor
        except BaseException:
            self._db.rollback()
            raise
        else:
            self._db.commit()
        finally:
            cursor.close()

    def _open_readonly(self) -> None:
        if not Path(self.path).is_file():
            raise StoreError(f"store {self.path}: no such file")
        try:
            uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=_BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: {exc}") from exc
        self._check_version()

    def _index(self, cursor, rows) -> None:
        cursor.executemany("INSERT INTO search (kind, ref, article, title, body) VALUES (?, ?, ?, ?, ?)", rows)

    def _search_kind(self, words, kind, limit):
        match = " ".join('"' + w + '"' for w in words)  # each word a phrase: FTS5 operators are words too
        return self._query(
            "SELECT kind, ref, article, title, snippet(search, 4, ?, ?, '…', ?) FROM search "
            "WHERE search MATCH ? AND kind = ? ORDER BY rank LIMIT ?",
            (MARK_START, MARK_END, SNIPPET_WORDS, match, kind, limit),
        )
