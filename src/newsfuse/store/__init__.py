"""Stores keep articles, analyses and clusters between runs, so new articles can be added later."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from newsfuse.model import Article, ArticleAnalysis


class Store(Protocol):
    """What the pipeline needs from a store; ``SQLiteStore`` is the default implementation."""

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

    def close(self) -> None: ...

    def __enter__(self) -> "Store": ...

    def __exit__(self, *exc: object) -> None: ...


def open_store(path: str) -> Store:
    """The store at ``path`` (a SQLite file; created when missing)."""
    from newsfuse.store.sqlite import SQLiteStore

    return SQLiteStore(path)
