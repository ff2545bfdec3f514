"""Typed records that flow through newsfuse: ingest → analyze → fuse → render.

Every record is a frozen, slotted dataclass. Spans are character offsets
``[start, end)`` into ``Article.text`` (the cleaned, normalised text), so any
report item can be traced back to the words it came from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1


def _frozen(cls):
    return dataclass(frozen=True, slots=True)(cls)


@_frozen
class Removed:
    """A block that cleaning cut from an article, kept so a user sees what was dropped."""

    text: str
    reason: str  # e.g. "label", "section header", "prompt", "related teaser", "comment form"


@_frozen
class Article:
    """One news report after ingest: clean text plus everything known about where it came from."""

    id: str
    text: str
    title: str = ""
    outlet: str | None = None
    outlet_basis: str | None = None  # metadata | masthead | self-reference | dateline | url
    url: str | None = None
    published: str | None = None  # ISO date at its precision, or None when unknown
    published_basis: str | None = None  # metadata | dateline | header | byline | url | text
    language: str | None = None
    source: str = ""  # the input path (and line for JSONL) it was read from
    removed: tuple[Removed, ...] = ()
    dateline: str | None = None  # place named in the dateline ("LISBON"), if any
    title_basis: str | None = None  # metadata | heading | lead (cut from the first sentence when there is no title)
    agency: str | None = None  # news agency whose copy this is, from the dateline ("Reuters"); may differ from outlet
    # Where the dateline ("MOSCOW, January 28. /TASS/.", "LISBON (Reuters) -", "(CNN) —") lies in
    # ``text``, found once at ingest; None when the story opens without one. Later steps ask
    # these rather than look for a dateline again.
    dateline_start: int | None = None
    dateline_end: int | None = None

    @property
    def dateline_span(self) -> tuple[int, int] | None:
        """``(dateline_start, dateline_end)``, or None when the story opens without a dateline."""
        if self.dateline_start is None or self.dateline_end is None:
            return None
        return self.dateline_start, self.dateline_end

    def after_dateline(self, start: int) -> int:
        """Where the words of a span that begins at ``start`` begin once the dateline is left out.

        A sentence or clause opening the story starts with the dateline ("LISBON (Reuters) - The
        union agreed"), whose place is where the report was filed, not part of what it says.
        """
        return skip_dateline(start, self.dateline_span)

    @property
    def content_hash(self) -> str:
        from newsfuse.util import content_hash

        return content_hash(self.title, self.text)


def skip_dateline(start: int, dateline: tuple[int, int] | None) -> int:
    """``start``, or the end of ``dateline`` (a span of ``Article.text``) when ``start`` lies inside it."""
    if dateline is not None and dateline[0] <= start < dateline[1]:
        return dateline[1]
    return start


@_frozen
class Skip:
    """An input that could not be used, with the reason shown to the user."""

    input: str
    reason: str


@_frozen
class Sentence:
    start: int
    end: int


@_frozen
class Mention:
    """A named-entity mention found by the NER model."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, ...
    sentence: int  # index into ArticleAnalysis.sentences


@_frozen
class TimeValue:
    """A time expression normalised to a TIMEX3 value (TimeML)."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # "2026-01-28", "2025-10", "P3M", "PRESENT_REF", ...
    mod: str | None = None  # START | MID | END | APPROX | BEFORE | AFTER ...
    sentence: int = -1


# The tense of a happening or of the clause that dates it (``Dated.tense``): from the parse in
# nlp (``nlp.time.anchor.tense_of``), from the words around a date in ingest (``ingest.tense``).
PAST, PRESENT, FUTURE = "past", "present", "future"


@_frozen
class Dated:
    """What a time expression dates: the happening its sentence ties to the date, in a few words.

    ``time`` indexes ``ArticleAnalysis.times``; -1 marks a date worked out from the text rather
    than written in it ("the day before he marks his first year in office"). ``text`` is the
    subject, verb and object of the governing verb (or the event noun with its complements);
    ``participants`` index the article's mentions inside those words.
    """

    time: int
    value: str  # TIMEX3 value of the date ("2026-01-28", "2025-10", "XXXX-10-15")
    sentence: int
    text: str
    trigger: str = ""  # lemma of the governing verb or event noun ("meet", "ousting")
    trigger_start: int = -1
    trigger_end: int = -1
    tense: str | None = None  # past | present | future of the governing verb
    mod: str | None = None
    participants: tuple[int, ...] = ()
    basis: str = "stated"  # stated | anniversary


@_frozen
class QuoteSpan:
    """Words an article attributes to someone: a direct quotation, or reported ("indirect") speech.

    ``start``/``end`` cover the quoted words without their quotation marks; for a quote running
    over paragraphs they span all of it and ``text`` drops the marks that reopen it. The speaker
    span is the name mention when the text has one; for "he noted" or "the German leader
    said" it is the antecedent named earlier, and ``speaker_ref`` keeps the words used.
    """

    start: int
    end: int
    text: str
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    kind: str = "direct"  # direct | indirect
    cue: str = ""  # speech verb lemma ("say", "note"), "according to", "in the words of", or ""
    sentence: int = -1
    speaker_ref: str | None = None  # the pronoun or description that named the speaker


@_frozen
class Number:
    """A number in a claim, with its value when it reads as one ("2.5 million" → 2500000.0)."""

    start: int
    end: int
    text: str
    value: float | None = None
    kind: str = "cardinal"  # cardinal | ordinal | money | percent | quantity | duration


@_frozen
class Claim:
    """A factual statement split from a sentence: one clause, who it is attributed to, and slots to compare."""

    start: int
    end: int
    text: str
    sentence: int = -1
    attribution: str | None = None  # "Reuters", "sources", a speaker; None when the outlet states it
    attribution_start: int | None = None
    attribution_end: int | None = None
    numbers: tuple[Number, ...] = ()
    negated: bool = False
    verb: str = ""  # lemma of the clause's main verb
    quoted: bool = False  # the clause is inside a direct quotation (the speaker's own words)


@_frozen
class ArticleAnalysis:
    """Everything the per-article step learns; pure data, no spaCy objects."""

    article_id: str
    content_hash: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeValue, ...] = ()
    # Lemmas of content words per sentence, for similarity without re-parsing.
    lemmas: tuple[str, ...] = ()
    quotes: tuple[QuoteSpan, ...] = ()
    claims: tuple[Claim, ...] = ()
    # What each dated expression dates, for the timeline and the report's own date.
    dated: tuple[Dated, ...] = ()
    # The report's date as its own text gives it (dateline or lead), when ingest found none;
    # relative times were anchored to it.
    text_date: str | None = None
    text_date_basis: str = ""  # dateline | text


@_frozen
class EntityMention:
    """Where a canonical entity was mentioned: (article, span)."""

    article: str
    start: int
    end: int
    text: str


@_frozen
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


@_frozen
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


@_frozen
class Story:
    """Events linked into one storyline by the people they share, a related kind and nearness in time."""

    id: str
    title: str = ""
    events: tuple[str, ...] = ()  # event ids, in date order
    articles: tuple[str, ...] = ()


@_frozen
class DatedSentence:
    """A sentence that dates a timeline entry: where it stands, its words and the date it gives."""

    article: str
    sentence: int
    text: str
    value: str  # TIMEX3 value


@_frozen
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


@_frozen
class ClaimSource:
    """One article's wording of a claim."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    outlet: str
    attribution: str | None = None


@_frozen
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


@_frozen
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


@_frozen
class Contradiction:
    """Two claims (or two sides of one) that cannot both be true, both sides cited."""

    id: str
    claims: tuple[str, ...]
    kind: str  # number | date | duration | ordinal | negation | role
    explanation: str
    sides: tuple[ContradictionSide, ...] = ()
    event: str | None = None
    entity: str | None = None  # a role's: the person given two offices (report.json omits it otherwise)


@_frozen
class SentenceRef:
    """A sentence of an article, by index."""

    article: str
    sentence: int


@_frozen
class Dispute:
    """The other side of a contradiction a summary line states: what it is and where it is said."""

    explanation: str
    sources: tuple[SentenceRef, ...] = ()


@_frozen
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


@_frozen
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


@_frozen
class FramedActor:
    """One of the most-reported people or organisations, with the titles each outlet gives them."""

    entity: str
    name: str
    sources: int  # independent sources that name it (``Corpus.source``)
    by_outlet: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@_frozen
class FramedHappening:
    """A timeline entry of a main event that two outlets or more word, with each outlet's words."""

    date: str
    text: str
    by_outlet: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@_frozen
class FramedEvent:
    """One of the most-reported events: each outlet's headlines, and its wordings of the happenings."""

    event: str
    title: str
    headlines: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    happenings: tuple[FramedHappening, ...] = ()


@_frozen
class CoverageRow:
    """A claim several outlets carry (or one disputes): for each outlet, carried | omitted | contradicted."""

    claim: str
    text: str
    event: str | None
    cells: Mapping[str, str] = field(default_factory=dict)


@_frozen
class Coverage:
    """Claims × outlets: an outlet's blind spots at a glance."""

    outlets: tuple[str, ...] = ()
    rows: tuple[CoverageRow, ...] = ()


@_frozen
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
        return tuple(from_dict(inner, v) for v in value)
    if isinstance(value, list):
        return tuple(value)
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
    }
)
