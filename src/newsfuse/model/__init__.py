"""Typed records that flow through newsfuse: ingest → analyze → fuse → render.

Every record is a frozen, slotted dataclass; spans are character offsets ``[start, end)`` into
``Article.text``, so any report item traces back to its words. ``from newsfuse.model import X``
reaches every record: per-article ones (``article``), fused ones and the Report (``fused``),
a followed feed's state (``feed``), and ``to_dict``/``from_dict`` (``serial``).
"""

from __future__ import annotations

from newsfuse.model.article import (
    FUTURE,
    PAST,
    PRESENT,
    Article,
    ArticleAnalysis,
    Claim,
    Dated,
    Mention,
    Number,
    QuoteSpan,
    Removed,
    Sentence,
    Skip,
    TimeValue,
    skip_dateline,
)
from newsfuse.model.feed import FeedStatus
from newsfuse.model.fused import (
    SCHEMA_VERSION,
    ClaimGroup,
    ClaimSource,
    Contradiction,
    ContradictionSide,
    Coverage,
    CoverageRow,
    DatedSentence,
    Dispute,
    Entity,
    EntityMention,
    Event,
    FramedActor,
    FramedEvent,
    FramedHappening,
    Framing,
    Quote,
    Report,
    SentenceRef,
    Story,
    SummaryLine,
    TimelineEntry,
)
from newsfuse.model.serial import (
    from_dict,
    to_dict,
)

__all__ = [
    "Article",
    "ArticleAnalysis",
    "Claim",
    "ClaimGroup",
    "ClaimSource",
    "Contradiction",
    "ContradictionSide",
    "Coverage",
    "CoverageRow",
    "Dated",
    "DatedSentence",
    "Dispute",
    "Entity",
    "EntityMention",
    "Event",
    "FUTURE",
    "FeedStatus",
    "FramedActor",
    "FramedEvent",
    "FramedHappening",
    "Framing",
    "Mention",
    "Number",
    "PAST",
    "PRESENT",
    "Quote",
    "QuoteSpan",
    "Removed",
    "Report",
    "SCHEMA_VERSION",
    "Sentence",
    "SentenceRef",
    "Skip",
    "Story",
    "SummaryLine",
    "TimeValue",
    "TimelineEntry",
    "from_dict",
    "skip_dateline",
    "to_dict",
]
