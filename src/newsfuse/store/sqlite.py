"""The SQLite store: one file holding articles, analyses, cluster assignments and followed feeds."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.store.sql import STORE_VERSION, SQLStore

__all__ = ["SQLiteStore", "STORE_VERSION"]


class SQLiteStore(SQLStore):
    """A store in one SQLite file (WAL: readers never wait for the writer)."""

    ERROR = sqlite3.Error

    def __init__(self, path: str | Path):
        super().__init__(str(path))
        self.path = str(path)
        try:
            # Transactions are opened explicitly (BEGIN IMMEDIATE), so two writers queue instead of failing late.
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
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
