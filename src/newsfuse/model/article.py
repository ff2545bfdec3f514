"""Per-article records: an article as ingest leaves it, and everything the per-article analysis learns of it.

Spans are character offsets ``[start, end)`` into ``Article.text`` (the cleaned, normalised text).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Removed:
    """A block that cleaning cut from an article, kept so a user sees what was dropped."""

    text: str
    reason: str  # e.g. "label", "section header", "prompt", "related teaser", "comment form"


@dataclass(frozen=True, slots=True)
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
    # The character encoding the input was read in ("utf-8", "cp1252", "utf-8 (1 invalid byte
    # replaced)"); None when the input was text already.
    encoding: str | None = None

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


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that could not be used, with the reason shown to the user."""

    input: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention found by the NER model."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, ...
    sentence: int  # index into ArticleAnalysis.sentences


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Words an article attributes to someone: a direct quotation, or reported ("indirect") speech.

    ``start``/``end`` cover the quoted words without their quotation marks; for a quote running
    over paragraphs, or interrupted by its cue (`"A," she said. "B."`), they span all of it,
    ``pieces`` holds the (start, end) of each part and ``text`` joins the parts (an ellipsis
    stands for the cue between them). The speaker
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
    pieces: tuple[tuple[int, int], ...] = ()  # the parts of a quote in several pieces; empty for one

    @property
    def parts(self) -> tuple[tuple[int, int], ...]:
        """The (start, end) of each part of the quoted words: ``pieces``, or the whole span."""
        return self.pieces or ((self.start, self.end),)


@dataclass(frozen=True, slots=True)
class Number:
    """A number in a claim, with its value when it reads as one ("2.5 million" → 2500000.0)."""

    start: int
    end: int
    text: str
    value: float | None = None
    kind: str = "cardinal"  # cardinal | ordinal | money | percent | quantity | duration


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
