"""Statements to align: every claim candidate of every article, and figures no candidate covers.

A ``ClaimUnit`` is one statement in one article with what alignment and contradiction finding
compare: its figures (claim_slots), the dates it writes, the canonical entities it names, its
words, whether it denies, who it is attributed to, the event it belongs to, and the source it
counts as — copies of one article, agency copy, and claims attributed to a news agency count
as that one source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsfuse.fuse.claims import slots as claim_slots
from newsfuse.fuse.claims.slots import Amount
from newsfuse.fuse.corpus import Corpus, source_key
from newsfuse.ingest.outlets import canonical_outlet
from newsfuse.lexicon import MONTH_WORDS, WEEKDAY_WORDS
from newsfuse.model import Article, ArticleAnalysis
from newsfuse.nlp.time import TimexValue

# A month and day in the dateline of an undated report ("SETUBAL, Oct 12 (Agency) —"), else in
# its first sentences (a standfirst, the lead), is its day.
LEAD_DAY_SENTENCES = 3
# A place named in at least this share of an event's articles is its setting, not a detail that
# tells two statements apart (Moscow and Russia in every report of a summit). Seeds and fixtures, 2026-11.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
SETTING_SHARE = 0.5
# Sentence pieces shorter than this many words say too little to align.
MIN_PIECE_WORDS = 4
# Wire services whose copy many outlets carry; a claim attributed to one of them counts it once.
NEWS_AGENCIES = (
    "Reuters", "Associated Press", "AP", "Agence France-Presse", "AFP", "TASS", "RIA Novosti", "Interfax",
    "Xinhua", "Kyodo", "Yonhap", "dpa", "Deutsche Presse-Agentur", "EFE", "ANSA", "Anadolu", "Anadolu Agency",
    "Press Trust of India", "PTI", "ANI", "UPI", "United Press International", "Bloomberg", "IRNA", "Bernama",
    "Antara", "PA Media", "Press Association", "Canadian Press", "AAP", "Australian Associated Press",
    "Europa Press", "Agencia EFE", "APA", "Belga", "ANP", "TT", "NTB", "Ritzau", "CTK", "PAP", "MTI",
    "Ukrinform", "SANA", "WAFA", "MENA", "KUNA", "WAM", "SPA", "QNA", "BSS", "APP", "KCNA",
)

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_ACTOR_TYPES = frozenset({"PERSON"})
_PIECE_CUT = re.compile(r"\s*(?:[;:]|,\s+(?:while|whereas|but)\b)\s*")
_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|yet to)\b|n't\b", re.I)
# "no" after a determiner names a side, not a denial: "the lone no vote", "the no campaign".
_NO_AS_NAME = re.compile(r"\b(?:the|a|an|lone|one|his|her|their|its|our|single)\s+no\b(?!-)", re.I)
# Curly apostrophes and quotes read as straight ones: "didn’t" and "didn't" are one word.
_PLAIN_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,]*(?:,|$)", re.I)
_CONTENT_WORD = re.compile(r"[a-z][a-z'’-]{2,}|\d[\d,.]*")
_STOP_WORDS = ENGLISH_STOP_WORDS | {"said", "says", "say", "told", "according", "reported", "also"}
# Words of a calendar date: a piece holding nothing else ("Wednesday, July 29, 2015 6", a page's
# time stamp) states nothing.
_CALENDAR = frozenset(claim_slots.lemma(w) for w in [*MONTH_WORDS, *WEEKDAY_WORDS])


@dataclass(slots=True)
class ClaimUnit:
    """One statement in one article: a claim candidate or a sentence piece with figures."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    attribution: str | None
    attributed_entity: str | None
    amounts: tuple[Amount, ...]
    dates: tuple[str, ...]  # calendar dates written in the statement
    date_spans: tuple[Amount, ...]  # the same dates where they stand, as amounts of kind "date"
    report_date: str | None  # the article's date (published, else its text's own)
    entities: frozenset[str]
    words: frozenset[str]  # content words, crudely singular
    actors: frozenset[str]
    places: frozenset[str]  # places other than the event's setting (see _keep_distinctive_places)
    negated: bool
    verb: str
    quoted: bool
    block: str  # the event it is compared within
    source: str  # independence key: agency, outlet or article
    outlet: str  # outlet name, or the article id when the outlet is unknown
    claim: int  # index into the analysis' claims, -1 for a sentence piece

    @property
    def day(self) -> int | None:
        """The day number the statement is about: its own date when it has one, else its report's."""
        return claim_slots.day_number(self.when)

    @property
    def when(self) -> str | None:
        """The day the statement gives, else its report's date (which may lack the year: "XXXX-10-12")."""
        for value in self.dates:
            v = TimexValue.parse(value)
            if v is not None and v.precision in ("day", "time") and claim_slots.day_number(value) is not None:
                return value
        return self.report_date


def days_apart(a: ClaimUnit, b: ClaimUnit) -> int | None:
    """Days between what two statements are about; a report date without its year takes the year
    that brings it closest to the other's date. None when either is unknown."""
    return claim_slots.days_between(a.when, b.when)



def collect_units(corpus: Corpus, article_event: Mapping[str, str]) -> list[ClaimUnit]:
    """Every statement to align, in article order."""
    types = {e.id: e.type for e in corpus.entities}
    mention_entity = corpus.mention_entity
    agencies = _agency_keys(corpus.articles)
    units: list[ClaimUnit] = []
    for analysis in corpus.analyses:
        article = corpus.article(analysis.article_id)
        if article is None:
            continue
        source = corpus.source(article.id)
        block = article_event.get(article.id) or f"article:{article.id}"
        report_date = article.published or analysis.text_date or _top_day(article, analysis)
        outlet = article.outlet or article.id

        def unit(start, end, text, sentence, attribution=None, attr_span=(None, None), numbers=(), negated=False,
                 verb="", quoted=False, claim=-1):
            ids = _entities_in(analysis, mention_entity, start, end)
            attributed = _entity_at(analysis, mention_entity, *attr_span) if attr_span[0] is not None else None
            # Who says it is part of the claim: the same words from two people are two claims.
            speakers = [attributed] if attributed and types.get(attributed) in _ACTOR_TYPES else []
            own_source = source
            if attribution and source_key(attribution) in agencies:
                own_source = agencies[source_key(attribution)]
            if claim >= 0:
                # The extractor's flag marks any negative word; what counts is whether the statement
                # denies, and "guaranteed that there will be no …" asserts as much as "there will be no …".
                negated = negation_count(text) % 2 == 1
            return ClaimUnit(
                article=article.id, sentence=sentence, start=start, end=end, text=text,
                attribution=attribution, attributed_entity=attributed,
                amounts=claim_slots.amounts(numbers, article.text),
                dates=claim_slots.calendar_values(analysis.times, start, end),
                date_spans=claim_slots.date_amounts(analysis.times, start, end), report_date=report_date,
                entities=frozenset(ids), words=content_words(text),
                actors=frozenset([*(i for i in ids if types.get(i) in _ACTOR_TYPES), *speakers]),
                places=frozenset(i for i in ids if types.get(i) in _PLACE_TYPES),
                negated=negated, verb=verb, quoted=quoted, block=block, source=own_source, outlet=outlet,
                claim=claim,
            )

        covered = [(c.start, c.end) for c in analysis.claims]
        for k, c in enumerate(analysis.claims):
            sentence = c.sentence if c.sentence >= 0 else _sentence_at(analysis, c.start)
            units.append(unit(c.start, c.end, c.text, sentence, c.attribution,
                              (c.attribution_start, c.attribution_end), c.numbers, c.negated, c.verb, c.quoted, k))
        for s, (start, end) in enumerate((x.start, x.end) for x in analysis.sentences):
            for ps, pe in _pieces(article.text, start, end):
                # Only a piece no claim touches: the clause splitter missed it (a parse gone wrong).
                if any(cs < pe and ps < ce for cs, ce in covered):
                    continue
                numbers = claim_slots.find_numbers(article.text, ps, pe)
                text = article.text[ps:pe]
                if not numbers or len(text.split()) < MIN_PIECE_WORDS or not _states_something(text):
                    continue
                attribution, span = _according_to(article.text, ps, pe)
                units.append(unit(ps, pe, text, s, attribution, span, numbers, negated=negation_count(text) % 2 == 1))
    _keep_distinctive_places(units)
    return units


def _states_something(text: str) -> bool:
    """A word besides numbers and the words of a date."""
    return any(not w[0].isdigit() for w in content_words(text) - _CALENDAR)


def _keep_distinctive_places(units: list[ClaimUnit]) -> None:
    """Drop from each statement the places of its event's setting (named in at least SETTING_SHARE of
    the event's articles: "Moscow", "Russia" in every report of a summit), keeping the places that
    tell statements apart ("firefighters from Bradford" / "from Wakefield")."""
    articles: dict[str, set[str]] = defaultdict(set)
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for u in units:
        articles[u.block].add(u.article)
        for place in u.places:
            named[(u.block, place)].add(u.article)
    for u in units:
        n = len(articles[u.block])
        u.places = frozenset(p for p in u.places if len(named[(u.block, p)]) < SETTING_SHARE * n)


def _sentence_at(analysis: ArticleAnalysis, offset: int) -> int:
    """The index of the sentence holding ``offset`` (0 when the analysis has none)."""
    for k, s in enumerate(analysis.sentences):
        if s.start <= offset < s.end:
            return k
    return 0


def _top_day(article: Article, analysis: ArticleAnalysis) -> str | None:
    """A day written at the top of an undated report, year unknown: in its dateline ("SETUBAL, Oct 12
    (Agency) —"), else in its first sentences."""
    span = article.dateline_span
    if span is not None:
        for t in analysis.times:
            if span[0] <= t.start < span[1] and _yearless_day(t):
                return t.value
    for t in analysis.times:
        if t.sentence >= LEAD_DAY_SENTENCES:
            break
        if _yearless_day(t):
            return t.value
    return None


def _yearless_day(t) -> bool:
    """A date written to the day without its year ("XXXX-10-12")."""
    v = TimexValue.parse(t.value)
    return t.type == "DATE" and v is not None and v.year is None and v.precision == "day" and v.has_calendar_day


def _agency_keys(articles: Sequence[Article]) -> dict[str, str]:
    """Name key → source key of every news agency: the well-known wires and the corpus' own agencies.

    An outlet of the corpus that also writes agency copy (one whose name is some article's
    agency) is keyed as that agency, so "X reported" and X's own report count once.
    """
    # Each wire by its one canonical name (ingest's outlet table), as ``Corpus.source`` keys a
    # dateline's agency: "AP reported" and an "(AP) —" dateline are one source.
    keys = {source_key(name): "agency:" + source_key(canonical_outlet(name) or name) for name in NEWS_AGENCIES}
    for a in articles:
        if a.agency:
            keys[source_key(a.agency)] = "agency:" + source_key(a.agency)
    for a in articles:
        if a.outlet and source_key(a.outlet) not in keys:
            keys[source_key(a.outlet)] = "outlet:" + source_key(a.outlet)
    return keys


def _pieces(text: str, start: int, end: int):
    """A sentence cut where one statement ends and another begins (";", ":", ", while …"), trimmed."""
    pos = start
    cuts = [(m.start(), m.end()) for m in _PIECE_CUT.finditer(text, start, end)] + [(end, end)]
    for cut_start, cut_end in cuts:
        piece = text[pos:cut_start]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip().rstrip(".")
        if body:
            yield pos + lead, pos + lead + len(body)
        pos = cut_end


def negation_count(text: str) -> int:
    """How many negating words a statement holds outside its relative clauses ("the child, who has
    not been identified, was taken to hospital" asserts); an odd count denies, an even one asserts."""
    plain = _NO_AS_NAME.sub(" ", _RELATIVE_CLAUSE.sub(",", plain_quotes(text)))
    return len(_NEGATION.findall(plain))


def plain_quotes(text: str) -> str:
    """The text with curly apostrophes and quotes made straight, for comparing words (same length)."""
    return text.translate(_PLAIN_QUOTES)


def _according_to(text: str, start: int, end: int) -> tuple[str | None, tuple[int | None, int | None]]:
    m = re.search(r"\baccording to (?:the )?(?P<who>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)", text[start:end])
    if not m:
        return None, (None, None)
    s = start + m.start("who")
    return m.group("who"), (s, s + len(m.group("who")))


def _entities_in(analysis: ArticleAnalysis, mention_entity, start: int, end: int) -> list[str]:
    out = []
    for m in analysis.mentions:
        if start <= m.start and m.end <= end:
            e = mention_entity.get((analysis.article_id, m.start, m.end))
            if e:
                out.append(e)
    return out


def _entity_at(analysis: ArticleAnalysis, mention_entity, start: int | None, end: int | None) -> str | None:
    if start is None or end is None:
        return None
    for m in analysis.mentions:
        if m.start < end and start < m.end:
            e = mention_entity.get((analysis.article_id, m.start, m.end))
            if e:
                return e
    return None


def content_words(text: str) -> frozenset[str]:
    """The words of a statement that carry its content: no function words, crudely singular."""
    return frozenset(claim_slots.lemma(w) for w in _CONTENT_WORD.findall(plain_quotes(text).lower()) if w not in _STOP_WORDS)
