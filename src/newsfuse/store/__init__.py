"""Stores keep articles, analyses, clusters, followed feeds and the latest report between runs, so new articles can be added later."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from newsfuse.model import Article, ArticleAnalysis, FeedStatus


class Store(Protocol):
    """What the pipeline needs from a store: ``SQLiteStore`` (the default) or ``PostgresStore``."""

    def add(self, articles: Sequence[Article], analyses: Sequence[ArticleAnalysis]) -> list[str]:
        """Keep new articles with their analyses; returns the ids that were new.

        An article whose text the store holds already is not added again; one whose id is taken
        by a different article raises StoreError (the caller gives new articles free ids)."""
        ...

    def ids(self) -> set[str]:
        """Ids of the articles held: a new article never takes one of them."""
        ...

    def known_hashes(self) -> set[str]:
        """Content hashes of the articles held, to skip re-analysing them."""
        ...

    def articles(self) -> list[Article]: ...

    def analyses(self) -> list[ArticleAnalysis]: ...

    def save_assignments(self, kind: str, assignments: Mapping[str, str]) -> None:
        """Replace the article → cluster map of one kind ("event", "story", "duplicate")."""
        ...

    def assignments(self, kind: str) -> dict[str, str]: ...

    def feeds(self) -> list[FeedStatus]:
        """The followed feeds, by URL."""
        ...

    def save_feed(self, status: FeedStatus) -> None:
        """Keep one feed's state (validators, last success or error, articles added)."""
        ...

    def fetched(self, urls: Sequence[str]) -> set[str]:
        """Those of ``urls`` whose page was fetched and stored before."""
        ...

    def mark_fetched(self, url_article: Mapping[str, str]) -> None:
        """Record fetched page URLs with the id of the article each became."""
        ...

    def follow(self, url: str) -> bool:
        """Add a feed URL to those followed through the store; False when it was already."""
        ...

    def followed(self) -> list[str]:
        """The feed URLs followed through the store (the desk's feed form), in the order added."""
        ...

    def save_report(self, data: Mapping) -> None:
        """Keep a report dict as the latest report and index it for search, in one transaction."""
        ...

    def latest_report(self) -> dict | None:
        """The report saved last, or None when none was."""
        ...

    def report_saved(self) -> str | None:
        """When the latest report was saved (ISO 8601, UTC), None when none was: a cheap check of whether it changed."""
        ...

    def first_reported(self) -> dict[str, str]:
        """Article id → when a saved report first held it."""
        ...

    def search(self, query: str, limit: int = 50) -> list[dict[str, str]]:
        """Full-text hits over the latest report: articles, then claims, then quotes, each best first."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> "Store": ...

    def __exit__(self, *exc: object) -> None: ...


def open_store(path: str, readonly: bool = False) -> Store:
    """The store at ``path``: a ``postgresql://`` URL, else a SQLite file (created when missing
    unless ``readonly``; a read-only store writes nothing, not even its tables)."""
    if is_postgres_url(path):
        from newsfuse.store.postgres import PostgresStore

        return PostgresStore(path, readonly=readonly)
    from newsfuse.store.sqlite import SQLiteStore

    return SQLiteStore(path, readonly=readonly)


def is_postgres_url(path: str) -> bool:
    """Whether ``path`` names a PostgreSQL database rather than a file."""
    return str(path).startswith(("postgresql://", "postgres://"))
