"""Fused records: what fusion makes of all the articles, one record per item of the report, and the Report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from newsfuse.model.article import Article, ArticleAnalysis, Skip

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class EntityMention:
    """Where a canonical entity was mentioned: (article, span)."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world person, organisation or place across all articles."""

    id: str
    name: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | FAC | ...
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int
    spans: tuple[EntityMention, ...] = ()


# -- what fusion produces: one record per item of the report (render/json_report.py writes them) --


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world happening, as the articles reporting it were clustered.

    ``articles`` report it as their main event (copies included); ``mentioned_in`` recall it in
    passing; ``roles`` gives each of them its role (e.g. "report", "preview", "background").
    """

    id: str
    title: str = ""
    date: str | None = None  # ISO 8601 at its precision: "2026-01-28", "2025-10", "2024"
    date_basis: str | None = None  # reports (its own articles) | background (reports recalling it)
    where: str | None = None  # entity id (or name) of the place
    who: tuple[str, ...] = ()  # entity ids (or names) of the participants
    articles: tuple[str, ...] = ()
    mentioned_in: tuple[str, ...] = ()
    roles: Mapping[str, str] = field(default_factory=dict)  # article id → role


@dataclass(frozen=True, slots=True)
class Story:
    """Events linked into one storyline by the people they share, a related kind and nearness in time."""

    id: str
    title: str = ""
    events: tuple[str, ...] = ()  # event ids, in date order
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """A sentence that dates a timeline entry: where it stands, its words and the date it gives."""

    article: str
    sentence: int
    text: str
    value: str  # TIMEX3 value


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated happening across reports."""

    date: str  # ISO at its precision
    text: str
    event: str | None = None  # the clustered event it is, if any
    sources: tuple[str, ...] = ()  # article ids
    status: str = "reported"  # planned (every source tells it as still to come) | reported
    precision: str = "day"
    mod: str | None = None
    who: tuple[str, ...] = ()  # entity ids
    sentences: tuple[DatedSentence, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimSource:
    """One article's wording of a claim."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    outlet: str
    attribution: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """One statement across outlets: a representative wording, every source, and how many independent ones."""

    id: str
    text: str
    sources: tuple[ClaimSource, ...] = ()
    attributed_to: str | None = None  # entity id or the attribution's words; None: the outlets' own statement
    support: int = 0  # independent sources (``Corpus.source``)
    status: str = "single-source"  # corroborated | single-source | disputed
    outlets: tuple[str, ...] = ()
    event: str | None = None


@dataclass(frozen=True, slots=True)
class ContradictionSide:
    """One side of a contradiction: the claim, where it is said, and the value it gives."""

    claim: str
    article: str
    outlet: str
    sentence: int
    start: int
    end: int
    text: str
    value: str


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims (or two sides of one) that cannot both be true, both sides cited."""

    id: str
    claims: tuple[str, ...]
    kind: str  # number | date | duration | ordinal | negation | role
    explanation: str
    sides: tuple[ContradictionSide, ...] = ()
    event: str | None = None
    entity: str | None = None  # a role's: the person given two offices (report.json omits it otherwise)


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """A sentence of an article, by index."""

    article: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Dispute:
    """The other side of a contradiction a summary line states: what it is and where it is said."""

    explanation: str
    sources: tuple[SentenceRef, ...] = ()


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """A headline or sentence of an event's (or story's) summary, citing every sentence that says it.

    ``event`` or ``story`` names the group it summarises; ``disputed`` and ``rewritten`` are set
    only on lines that have them (report.json leaves the key out otherwise).
    """

    kind: str  # headline | sentence
    text: str
    sources: tuple[SentenceRef, ...] = ()  # the line's own sentence first
    support: int = 0  # independent sources among them (``Corpus.source``)
    event: str | None = None
    story: str | None = None
    disputed: Dispute | None = None
    rewritten: bool | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation (or reported speech) across the corpus, with its canonical speaker."""

    speaker: str | None  # entity id
    speaker_name: str | None
    speaker_ref: str | None  # the pronoun or description that named the speaker, if any
    text: str
    article: str
    outlet: str
    sentence: int
    start: int
    end: int
    kind: str = "direct"  # direct | indirect
    cue: str = ""


@dataclass(frozen=True, slots=True)
class FramedActor:
    """One of the most-reported people or organisations, with the titles each outlet gives them."""

    entity: str
    name: str
    sources: int  # independent sources that name it (``Corpus.source``)
    by_outlet: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FramedHappening:
    """A timeline entry of a main event that two outlets or more word, with each outlet's words."""

    date: str
    text: str
    by_outlet: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FramedEvent:
    """One of the most-reported events: each outlet's headlines, and its wordings of the happenings."""

    event: str
    title: str
    headlines: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    happenings: tuple[FramedHappening, ...] = ()


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """A claim several outlets carry (or one disputes): for each outlet, carried | omitted | contradicted."""

    claim: str
    text: str
    event: str | None
    cells: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Coverage:
    """Claims × outlets: an outlet's blind spots at a glance."""

    outlets: tuple[str, ...] = ()
    rows: tuple[CoverageRow, ...] = ()


@dataclass(frozen=True, slots=True)
class Framing:
    """How each outlet frames the story: its words for the main actors and events, and its coverage."""

    entities: tuple[FramedActor, ...] = ()
    events: tuple[FramedEvent, ...] = ()
    coverage: Coverage = field(default_factory=Coverage)


@dataclass(slots=True)
class Report:
    """The fused account; render.json_report turns it into the schema-v1 contract.

    Per-article results of cross-document steps (event, story, duplicate) are
    kept as maps from article id, so each step owns its own output.
    """

    articles: list[Article] = field(default_factory=list)
    analyses: list[ArticleAnalysis] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mention_entity: dict[tuple[str, int, int], str] = field(default_factory=dict)
    article_event: dict[str, str] = field(default_factory=dict)
    article_story: dict[str, str] = field(default_factory=dict)
    duplicate_of: dict[str, str] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    claims: list[ClaimGroup] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    framing: Framing = field(default_factory=Framing)
    summary: list[SummaryLine] = field(default_factory=list)
    generated: str = ""
    version: str = ""
