"""The SQLite store: one file holding articles, analyses, cluster assignments, followed feeds and the latest report."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timezone
from collections.abc import Mapping, Sequence
from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.model import Article, ArticleAnalysis, FeedStatus, from_dict, to_dict

# SQLite's default limit on the parameters of one statement is 999 in older builds.
_SQL_BATCH = 500
# A writer waits this long for another writer's transaction (the watcher, an upload) to end.
_BUSY_TIMEOUT_S = 30.0
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
CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fetched (url TEXT PRIMARY KEY, article_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS followed (url TEXT PRIMARY KEY, added TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS report (id INTEGER PRIMARY KEY CHECK (id = 1), saved TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reported (article_id TEXT PRIMARY KEY, first TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    kind UNINDEXED, ref UNINDEXED, article UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
);
"""
SEARCH_KINDS = ("article", "claim", "quote")
# Hits of each kind one search returns, and the words of context its snippet shows around them.
SEARCH_LIMIT = 50
_SNIPPET_WORDS = 16
# The snippet's highlight marks: control characters no article text keeps, so the caller can
# escape the snippet and then turn them into tags.
MARK_START, MARK_END = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


class SQLiteStore:
    """A store in one SQLite file. Every write is one transaction: a crash leaves the last good state."""

    def __init__(self, path: str | Path, readonly: bool = False):
        """Open (and create, unless ``readonly``) the store at ``path``. A read-only store writes
        nothing, not even the tables, so readers never wait on the writer (WAL lets both run)."""
        self.path = str(path)
        if readonly:
            self._open_readonly()
            return
        try:
            self._db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S)
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

    def feeds(self) -> list[FeedStatus]:
        return [from_dict(FeedStatus, json.loads(row[0])) for row in self._query("SELECT data FROM feeds ORDER BY url")]

    def save_feed(self, status: FeedStatus) -> None:
        self._write(
            f"cannot save the state of feed {status.url}",
            "INSERT OR REPLACE INTO feeds VALUES (?, ?)",
            [(status.url, json.dumps(to_dict(status)))],
        )

    def fetched(self, urls: Sequence[str]) -> set[str]:
        known = set()
        for start in range(0, len(urls), _SQL_BATCH):
            batch = list(urls[start : start + _SQL_BATCH])
            marks = ",".join("?" * len(batch))
            known |= {row[0] for row in self._query(f"SELECT url FROM fetched WHERE url IN ({marks})", tuple(batch))}
        return known

    def mark_fetched(self, url_article: Mapping[str, str]) -> None:
        self._write("cannot record fetched pages", "INSERT OR REPLACE INTO fetched VALUES (?, ?)", list(url_article.items()))

    def follow(self, url: str) -> bool:
        """Add ``url`` to the followed feeds; False when it was followed already."""
        try:
            with self._db:
                cursor = self._db.execute("INSERT OR IGNORE INTO followed VALUES (?, ?)", (url, _now()))
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: cannot follow {url} ({exc})") from exc
        return cursor.rowcount == 1

    def followed(self) -> list[str]:
        """The feed URLs followed through the store (the desk's feed form), in the order added."""
        return [row[0] for row in self._query("SELECT url FROM followed ORDER BY added, url")]

    def save_report(self, data: Mapping) -> None:
        """Keep ``data`` (a report dict) as the latest report and rebuild the search index from it,
        in one transaction: a reader sees the old report and index or the new ones, never a mix."""
        saved = _now()
        rows = list(_search_rows(data))
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO report VALUES (1, ?, ?)", (saved, json.dumps(data)))
                self._db.executemany(
                    "INSERT OR IGNORE INTO reported VALUES (?, ?)",
                    [(a["id"], saved) for a in data.get("articles") or ()],
                )
                self._db.execute("DELETE FROM search")
                self._db.executemany("INSERT INTO search VALUES (?, ?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: cannot save the report ({exc})") from exc

    def latest_report(self) -> dict | None:
        """The report saved last, or None when none was."""
        rows = self._query("SELECT data FROM report WHERE id = 1")
        return json.loads(rows[0][0]) if rows else None

    def report_saved(self) -> str | None:
        """When the latest report was saved (ISO 8601, UTC): a cheap check of whether it changed."""
        rows = self._query("SELECT saved FROM report WHERE id = 1")
        return rows[0][0] if rows else None

    def first_reported(self) -> dict[str, str]:
        """Article id → when a saved report first held it (ISO 8601, UTC)."""
        return dict(self._query("SELECT article_id, first FROM reported"))

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[dict[str, str]]:
        """Full-text hits for the words of ``query`` (all of them, any order): up to ``limit``
        articles, then claims, then quotes, each kind best first (short claims would otherwise
        outrank every article). A hit has its kind, ref (its id), article, title and a snippet whose
        matches sit between MARK_START and MARK_END. Punctuation and FTS operators are plain words."""
        words = _WORD.findall(query)
        if not words:
            return []
        match = " ".join('"' + w + '"' for w in words)
        hits = []
        for kind in SEARCH_KINDS:
            rows = self._query(
                "SELECT kind, ref, article, title, snippet(search, 4, ?, ?, '…', ?) FROM search "
                "WHERE search MATCH ? AND kind = ? ORDER BY rank LIMIT ?",
                (MARK_START, MARK_END, _SNIPPET_WORDS, match, kind, limit),
            )
            hits += [dict(zip(("kind", "ref", "article", "title", "snippet"), row)) for row in rows]
        return hits

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open_readonly(self) -> None:
        if not Path(self.path).is_file():
            raise StoreError(f"store {self.path}: no such file")
        try:
            self._db = sqlite3.connect(f"{Path(self.path).resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_TIMEOUT_S)
            row = self._db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: {exc}") from exc
        if row is None or row[0] != str(STORE_VERSION):
            self._db.close()
            raise StoreError(f"store {self.path}: version {row[0] if row else 'unknown'}, this newsfuse reads {STORE_VERSION}")

    def _write(self, what: str, sql: str, rows: list[tuple]) -> None:
        try:
            with self._db:
                self._db.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: {what} ({exc})") from exc

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: {exc}") from exc


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _search_rows(data: Mapping):
    """The rows of the search index: each article (title, text), claim and quote (with its speaker)."""
    titles = {a["id"]: a.get("title") or a["id"] for a in data.get("articles") or ()}
    for a in data.get("articles") or ():
        yield "article", a["id"], a["id"], titles[a["id"]], a.get("text") or ""
    for c in data.get("claims") or ():
        sources = c.get("sources") or [{}]
        article = sources[0].get("article") or ""
        yield "claim", c.get("id") or "", article, titles.get(article, ""), c.get("text") or ""
    for n, q in enumerate(data.get("quotes") or ()):
        speaker = q.get("speaker_name") or ""
        yield "quote", str(n), q.get("article") or "", speaker, q.get("text") or ""
