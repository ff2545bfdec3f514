"""Records as plain JSON-ready data and back: ``to_dict`` for report.json, ``from_dict`` for the cache and the store."""

from __future__ import annotations

import dataclasses
from typing import Any

from newsfuse.model.article import (
    Article,
    ArticleAnalysis,
    Claim,
    Dated,
    Mention,
    Number,
    QuoteSpan,
    Removed,
    Sentence,
    TimeValue,
)
from newsfuse.model.fused import (
    ClaimGroup,
    ClaimSource,
    Contradiction,
    ContradictionSide,
    DatedSentence,
    Dispute,
    Entity,
    EntityMention,
    SentenceRef,
    SummaryLine,
    TimelineEntry,
)


def to_dict(record: Any) -> Any:
    """Plain JSON-ready data from a record (tuples become lists)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a record from ``to_dict`` output (used by the cache and the store)."""
    kwargs: dict[str, Any] = {}
    hints = {f.name: f for f in dataclasses.fields(cls)}
    for name, value in data.items():
        if name not in hints:
            continue
        kwargs[name] = _rebuild(cls, name, value)
    return cls(**kwargs)


_NESTED: dict[tuple[type, str], type] = {}


def _rebuild(cls: type, name: str, value: Any) -> Any:
    inner = _NESTED.get((cls, name))
    if inner is not None:
        if isinstance(value, dict):  # one nested record, not a sequence of them
            return from_dict(inner, value)
        return tuple(from_dict(inner, v) for v in value)
    if isinstance(value, list):
        return tuple(_rebuild(cls, "", v) if isinstance(v, list) else v for v in value)
    return value


_NESTED.update(
    {
        (Article, "removed"): Removed,
        (ArticleAnalysis, "sentences"): Sentence,
        (ArticleAnalysis, "mentions"): Mention,
        (ArticleAnalysis, "times"): TimeValue,
        (Entity, "spans"): EntityMention,
        (ArticleAnalysis, "quotes"): QuoteSpan,
        (ArticleAnalysis, "claims"): Claim,
        (Claim, "numbers"): Number,
        (ArticleAnalysis, "dated"): Dated,
        # the fused records a store's latest report carries over to the next incremental run
        (ClaimGroup, "sources"): ClaimSource,
        (Contradiction, "sides"): ContradictionSide,
        (TimelineEntry, "sentences"): DatedSentence,
        (SummaryLine, "sources"): SentenceRef,
        (SummaryLine, "disputed"): Dispute,
        (Dispute, "sources"): SentenceRef,
    }
)
