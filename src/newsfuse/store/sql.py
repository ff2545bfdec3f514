"""The store's tables and queries, once, over any SQL database; sqlite and postgres give the connection.

Schema changes are migrations: a database at version N runs migrations N+1 ... in order, each
in its own transaction, and a database newer than this newsfuse is refused. Every write is
one transaction, so a crash leaves the last good state; adds that race (two workers adding
the same article) settle on the table's unique keys, never on a read-then-write.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone

from newsfuse.errors import StoreError
from newsfuse.model import Article, ArticleAnalysis, FeedStatus, from_dict, to_dict

# Stands in a migration for the dialect's full-text index of the latest report (SEARCH_DDL).
SEARCH_INDEX = "{search index}"
# Each entry is one migration, in order; the store's version is how many it has run.
# ``{seq}`` is the dialect's auto-numbered primary key.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: articles, their analyses and cluster assignments
        """CREATE TABLE IF NOT EXISTS articles (
            seq {seq}, id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL UNIQUE, data TEXT NOT NULL)""",
        "CREATE TABLE IF NOT EXISTS analyses (article_id TEXT PRIMARY KEY REFERENCES articles(id), data TEXT NOT NULL)",
        """CREATE TABLE IF NOT EXISTS assignments (
            kind TEXT NOT NULL, article_id TEXT NOT NULL, cluster TEXT NOT NULL, PRIMARY KEY (kind, article_id))""",
    ),
    (  # 2: followed feeds and the pages fetched from them
        "CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, data TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS fetched (url TEXT PRIMARY KEY, article_id TEXT NOT NULL)",
    ),
    (  # 3: feeds followed from the desk, the latest report, when each article was first reported, search
        "CREATE TABLE IF NOT EXISTS followed (url TEXT PRIMARY KEY, added TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS report (id INTEGER PRIMARY KEY CHECK (id = 1), saved TEXT NOT NULL, data TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS reported (article_id TEXT PRIMARY KEY, first TEXT NOT NULL)",
        SEARCH_INDEX,
    ),
)
STORE_VERSION = len(MIGRATIONS)
# Parameters in one statement: SQLite's default limit is 999 in older builds.
_BATCH = 500
SEARCH_KINDS = ("article", "claim", "quote")
# Hits of each kind one search returns, and the words of context its snippet shows around them.
SEARCH_LIMIT = 50
SNIPPET_WORDS = 16
# The snippet's highlight marks: control characters no article text keeps, so the caller can
# escape the snippet and then turn them into tags.
MARK_START, MARK_END = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


class SQLStore:
    """A store in one SQL database. Subclasses open ``self._db`` and name the dialect's differences."""

    #: the dialect's auto-numbered primary key, for ``{seq}`` in MIGRATIONS
    SEQ = "INTEGER PRIMARY KEY AUTOINCREMENT"
    #: the DB-API parameter marker
    MARK = "?"
    #: the driver's error base class
    ERROR: type[Exception] = Exception
    #: the statements that create the search table (migration 3)
    SEARCH_DDL: tuple[str, ...] = ()

    def __init__(self, name: str):
        self.name = name  # how messages name this store (never a password)

    # --- the Store protocol -------------------------------------------------------------------------

    def add(self, articles: Sequence[Article], analyses: Sequence[ArticleAnalysis]) -> list[str]:
        by_id = {a.article_id: a for a in analyses}
        new: list[str] = []
        with self._write("cannot add articles") as cursor:
            for article in articles:
                # The same text under any id is the same article: adding it again changes nothing.
                cursor.execute(
                    self._sql("INSERT INTO articles (id, content_hash, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                    (article.id, article.content_hash, json.dumps(to_dict(article))),
                )
                if cursor.rowcount == 0:
                    cursor.execute(self._sql("SELECT 1 FROM articles WHERE content_hash = ?"), (article.content_hash,))
                    if cursor.fetchone() is None:
                        # Never lose an article silently: the whole add is rolled back.
                        raise StoreError(f"store {self.name}: id {article.id!r} is taken by a different article")
                    continue
                new.append(article.id)
                analysis = by_id.get(article.id)
                if analysis is not None:
                    cursor.execute(
                        self._sql(
                            "INSERT INTO analyses VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET data = excluded.data"
                        ),
                        (article.id, json.dumps(to_dict(analysis))),
                    )
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
        with self._write(f"cannot save {kind} assignments") as cursor:
            cursor.execute(self._sql("DELETE FROM assignments WHERE kind = ?"), (kind,))
            cursor.executemany(
                self._sql("INSERT INTO assignments VALUES (?, ?, ?)"), [(kind, a, c) for a, c in assignments.items()]
            )

    def assignments(self, kind: str) -> dict[str, str]:
        return dict(self._query("SELECT article_id, cluster FROM assignments WHERE kind = ?", (kind,)))

    def feeds(self) -> list[FeedStatus]:
        return [from_dict(FeedStatus, json.loads(row[0])) for row in self._query("SELECT data FROM feeds ORDER BY url")]

    def save_feed(self, status: FeedStatus) -> None:
        with self._write(f"cannot save the state of feed {status.url}") as cursor:
            cursor.execute(
                self._sql("INSERT INTO feeds VALUES (?, ?) ON CONFLICT (url) DO UPDATE SET data = excluded.data"),
                (status.url, json.dumps(to_dict(status))),
            )

    def fetched(self, urls: Sequence[str]) -> set[str]:
        known: set[str] = set()
        for start in range(0, len(urls), _BATCH):
            batch = tuple(urls[start : start + _BATCH])
            marks = ",".join("?" * len(batch))
            known |= {row[0] for row in self._query(f"SELECT url FROM fetched WHERE url IN ({marks})", batch)}
        return known

    def mark_fetched(self, url_article: Mapping[str, str]) -> None:
        with self._write("cannot record fetched pages") as cursor:
            cursor.executemany(
                self._sql("INSERT INTO fetched VALUES (?, ?) ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id"),
                list(url_article.items()),
            )

    def follow(self, url: str) -> bool:
        with self._write(f"cannot follow {url}") as cursor:
            cursor.execute(self._sql("INSERT INTO followed VALUES (?, ?) ON CONFLICT DO NOTHING"), (url, _now()))
            return cursor.rowcount == 1

    def followed(self) -> list[str]:
        return [row[0] for row in self._query("SELECT url FROM followed ORDER BY added, url")]

    def save_report(self, data: Mapping) -> None:
        """Keep ``data`` as the latest report and rebuild the search index from it, in one
        transaction: a reader sees the old report and index or the new ones, never a mix."""
        saved = _now()
        rows = list(search_rows(data))
        with self._write("cannot save the report") as cursor:
            cursor.execute(
                self._sql("INSERT INTO report VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET saved = excluded.saved, data = excluded.data"),
                (saved, json.dumps(data)),
            )
            cursor.executemany(
                self._sql("INSERT INTO reported VALUES (?, ?) ON CONFLICT DO NOTHING"),
                [(a["id"], saved) for a in data.get("articles") or ()],
            )
            cursor.execute("DELETE FROM search")
            self._index(cursor, rows)

    def latest_report(self) -> dict | None:
        rows = self._query("SELECT data FROM report WHERE id = 1")
        return json.loads(rows[0][0]) if rows else None

    def report_saved(self) -> str | None:
        rows = self._query("SELECT saved FROM report WHERE id = 1")
        return rows[0][0] if rows else None

    def first_reported(self) -> dict[str, str]:
        return dict(self._query("SELECT article_id, first FROM reported"))

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[dict[str, str]]:
        """Hits for all the words of ``query``, in any order: up to ``limit`` articles, then claims,
        then quotes, each kind best first (short claims would otherwise outrank every article). A
        hit has its kind, ref (its id), article, title and a snippet whose matches sit between
        MARK_START and MARK_END. Punctuation and search operators are plain words."""
        words = _WORD.findall(query)
        if not words:
            return []
        hits = []
        for kind in SEARCH_KINDS:
            rows = self._search_kind(words, kind, limit)
            hits += [dict(zip(("kind", "ref", "article", "title", "snippet"), row)) for row in rows]
        return hits

    def close(self) -> None:
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- for the backends ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Bring the database to STORE_VERSION, one transaction a migration; refuse a newer one.

        The connection is closed when this fails, since the store is never handed out.
        """
        try:
            self._run_migrations()
        except BaseException:
            self._db.close()
            raise

    def _run_migrations(self) -> None:
        with self._write("cannot create its tables") as cursor:
            self._lock_schema(cursor)
            cursor.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        version = self._version()
        if version > STORE_VERSION:
            raise StoreError(f"store {self.name}: version {version}, this newsfuse reads {STORE_VERSION}")
        for number in range(version + 1, STORE_VERSION + 1):
            with self._write(f"cannot migrate to version {number}") as cursor:
                self._lock_schema(cursor)
                if self._version(cursor) >= number:
                    continue  # another process migrated it meanwhile
                for statement in MIGRATIONS[number - 1]:
                    for sql in self.SEARCH_DDL if statement == SEARCH_INDEX else (statement.format(seq=self.SEQ),):
                        cursor.execute(sql)
                cursor.execute(
                    self._sql("INSERT INTO meta VALUES ('version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                    (str(number),),
                )

    def _version(self, cursor=None) -> int:
        sql = "SELECT value FROM meta WHERE key = 'version'"
        rows = cursor.execute(sql).fetchall() if cursor is not None else self._query(sql)
        return int(rows[0][0]) if rows else 0

    def _lock_schema(self, cursor) -> None:
        """Hold off other processes migrating the same database until this transaction ends."""

    @contextmanager
    def _write(self, what: str) -> Iterator:
        try:
            with self._transaction() as cursor:
                yield cursor
        except self.ERROR as exc:
            raise StoreError(f"store {self.name}: {what} ({exc})") from exc

    def _transaction(self):
        raise NotImplementedError

    def _index(self, cursor, rows: list[tuple[str, str, str, str, str]]) -> None:
        """Fill the search table with (kind, ref, article, title, body) rows."""
        raise NotImplementedError

    def _search_kind(self, words: list[str], kind: str, limit: int) -> list[tuple]:
        """(kind, ref, article, title, snippet) of the best rows of one kind holding every word."""
        raise NotImplementedError

    def _check_version(self) -> None:
        """For a read-only store, which cannot migrate: refuse any version but this newsfuse's."""
        try:
            version = self._version()
        except StoreError:
            version = 0
        if version != STORE_VERSION:
            self._db.close()
            raise StoreError(
                f"store {self.name}: version {version or 'unknown'}, this newsfuse reads {STORE_VERSION}"
                " (open it once with newsfuse analyze --store or watch to migrate it)"
            )

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return self._db.execute(self._sql(sql), params).fetchall()
        except self.ERROR as exc:
            raise StoreError(f"store {self.name}: {exc}") from exc

    def _sql(self, sql: str) -> str:
        return sql if self.MARK == "?" else sql.replace("?", self.MARK)


def search_rows(data: Mapping) -> Iterator[tuple[str, str, str, str, str]]:
    """The rows of the search index: each article (title, text), claim and quote (with its speaker)."""
    titles = {a["id"]: a.get("title") or a["id"] for a in data.get("articles") or ()}
    for a in data.get("articles") or ():
        yield "article", a["id"], a["id"], titles[a["id"]], a.get("text") or ""
    for c in data.get("claims") or ():
        sources = c.get("sources") or [{}]
        article = sources[0].get("article") or ""
        yield "claim", c.get("id") or "", article, titles.get(article, ""), c.get("text") or ""
    for n, q in enumerate(data.get("quotes") or ()):
        yield "quote", str(n), q.get("article") or "", q.get("speaker_name") or "", q.get("text") or ""


def fold(text: str) -> str:
    """``text`` without case or diacritics, as SQLite's unicode61 tokenizer (remove_diacritics 2) compares words."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def snippet(body: str, words: Iterable[str], size: int = SNIPPET_WORDS) -> str:
    """About ``size`` words of ``body`` around its first match of ``words``, matches marked."""
    wanted = {fold(w) for w in words}
    tokens = list(_WORD.finditer(body))
    first = next((i for i, t in enumerate(tokens) if fold(t.group()) in wanted), 0)
    start = max(0, min(first - size // 3, len(tokens) - size))
    shown = tokens[start : start + size]
    if not shown:
        return body
    out, at = [], shown[0].start()
    for t in shown:
        out.append(body[at : t.start()])
        out.append(MARK_START + t.group() + MARK_END if fold(t.group()) in wanted else t.group())
        at = t.end()
    return ("…" if start else "") + "".join(out) + ("…" if start + size < len(tokens) else "")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")
