"""Framing: the words each outlet uses for the main actors and events, and which claims each outlet carries.

Three views, each by outlet:

* actors: the titles and descriptions an outlet gives the most-reported people and
  organisations — before the name ("interim leader X"), or in apposition on either side
  ("the country's acting president, X", "X, the interim President of Peru,");
* events: for each main event, the outlets' headlines and how each words the dated happenings
  the timeline merged ("rebel offensive" against "armed opposition forces entered");
* coverage: for each claim several outlets carry (or one disputes), whether each outlet carried
  it, omitted it, or carried a contradicting claim — an outlet's blind spots at a glance.

Titles are read from the text around each mention, without a parse: a title ends in a role
word (the lexicon's ROLE_NOUNS) and runs back over capitalised words, organisation names and
the lexicon's TITLE_WORDS; nationalities and places in it are dropped ("Peruvian interim
leader" → "interim leader"), since they say where, not how the outlet frames the person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsfuse.fuse.corpus import Corpus
from newsfuse.lexicon import ROLE_NOUNS, TITLE_WORDS
from newsfuse.model import (
    Article, ArticleAnalysis, ClaimGroup, Contradiction, Coverage, CoverageRow, Entity, Event, FramedActor, FramedEvent,
    FramedHappening, Framing, TimelineEntry,
)

# How many actors and events the framing shows: the most-reported ones (actors by independent
# sources, ``Corpus.source``; events by articles).
MAX_ACTORS = 8
MAX_EVENTS = 5
# Claims shown in the coverage matrix, most supported first (a claim only one outlet carries
# and nobody disputes says nothing about the others' blind spots, so it is left out).
MAX_COVERAGE_ROWS = 60
# Words in a title, at most ("Russian Presidential Press Secretary").
MAX_TITLE_WORDS = 5
_PLACE_OR_PEOPLE = frozenset({"NORP", "GPE", "LOC"})
_ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP"})
# Words, and every other mark on its own (a slash, a digit, a dash stops a title).
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*\.?|\S")
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})


@dataclass(frozen=True, slots=True)
class Title:
    """A title or description one article gives one entity, where it stands in the text."""

    article: str
    entity: str
    name: str  # the entity's canonical name
    words: str  # the title as written, without determiners, nationalities and places
    start: int
    end: int
    sentence: int


class FramingAnalyzer:
    """How each outlet words the main actors and events, and which claims it carries.

    After ``fit``: ``framing_`` a ``Framing``: entities (a ``FramedActor`` each: the titles each
    outlet gives it), events (a ``FramedEvent`` each: headlines and the happenings' wordings by
    outlet), coverage (outlets, and a ``CoverageRow`` per claim: outlet → carried | omitted |
    contradicted).
    """

    def __init__(self, max_actors: int = MAX_ACTORS, max_events: int = MAX_EVENTS,
                 max_rows: int = MAX_COVERAGE_ROWS):
        self.max_actors = max_actors
        self.max_events = max_events
        self.max_rows = max_rows

    def fit(
        self,
        corpus: Corpus,
        events: Sequence[Event] = (),
        timeline: Sequence[TimelineEntry] = (),
        claims: Sequence[ClaimGroup] = (),
        contradictions: Sequence[Contradiction] = (),
    ) -> FramingAnalyzer:
        """Steps:
        1. titles of every entity mention, by outlet, for the most-reported actors;
        2. headlines and the timeline's wordings of each main event, by outlet;
        3. the coverage matrix of the claims several outlets carry or dispute.
        """
        outlet = {a.id: outlet_name(a) for a in corpus.articles}
        # 1. actors
        titles = entity_titles(corpus.articles, corpus.analyses, corpus.mention_entity, corpus.entities)
        self.framing_ = Framing(
            entities=_actors(titles, corpus, outlet, self.max_actors),
            # 2. events
            events=_events(corpus.articles, events, timeline, outlet, self.max_events),
            # 3. coverage
            coverage=_coverage(claims, contradictions, outlet, self.max_rows),
        )
        return self


def outlet_name(article: Article) -> str:
    """The name an article's outlet goes by in the report: its outlet, or its id when unknown."""
    return article.outlet or article.id


# -- 1. titles -----------------------------------------------------------------------------------


def entity_titles(
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    mention_entity: Mapping[tuple[str, int, int], str],
    entities: Sequence[Entity] = (),
) -> list[Title]:
    """Every title an article gives an entity it names, before the name or in apposition."""
    names = {e.id: e.name for e in entities}
    texts = {a.id: a.text for a in articles}
    out = []
    for analysis in analyses:
        text = texts.get(analysis.article_id)
        if text is None:
            continue
        drop = [(m.start, m.end) for m in analysis.mentions if m.label in _PLACE_OR_PEOPLE]
        persons = [(m.start, m.end) for m in analysis.mentions if m.label == "PERSON"]
        for m in analysis.mentions:
            entity = mention_entity.get((analysis.article_id, m.start, m.end))
            if entity is None or m.label not in _ACTOR_TYPES - {"NORP"}:
                continue
            for span in (_before(text, m.start, persons), _apposition_after(text, m.end), _apposition_before(text, m.start)):
                if span is None:
                    continue
                words = _clean(text, span, drop)
                if words:
                    out.append(Title(analysis.article_id, entity, names.get(entity, m.text), words, span[0], span[1],
                                     m.sentence))
    return out


def _tokens(piece: str, offset: int) -> list[tuple[str, int, int]]:
    return [(t.group(0), offset + t.start(), offset + t.end()) for t in _TOKEN.finditer(piece)]


def _before(text: str, start: int, persons: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A title right before a name: "Peruvian interim leader [Ana Ruiz]"."""
    lo = max(0, start - 80)
    line_start = text.rfind("\n", lo, start) + 1
    toks = _tokens(text[max(lo, line_start) : start], max(lo, line_start))
    if not toks or text[toks[-1][2] : start].strip():
        return None
    return _title_ending_at(toks, len(toks) - 1, persons)


def _apposition_before(text: str, start: int) -> tuple[int, int] | None:
    """A title set off before a name: "the country's acting president, [Ana Ruiz]"."""
    lo = max(0, start - 80)
    line_start = text.rfind("\n", lo, start) + 1
    toks = _tokens(text[max(lo, line_start) : start], max(lo, line_start))
    if len(toks) < 2 or toks[-1][0] != ",":
        return None
    return _title_ending_at(toks, len(toks) - 2, [], need_determiner=True)


def _apposition_after(text: str, end: int) -> tuple[int, int] | None:
    """A title set off after a name: "[Ana Ruiz], the interim President of Peru,"."""
    line_end = text.find("\n", end)
    hi = min(len(text), end + 80, line_end if line_end >= 0 else len(text))
    toks = _tokens(text[end:hi], end)
    if len(toks) < 3 or toks[0][0] != "," or toks[1][0].lower() not in ("the", "a", "an"):
        return None
    # The role word is the last title word before "of", a comma or the end of the aside.
    k = 2
    while k < len(toks) and k < 2 + MAX_TITLE_WORDS and toks[k][0] not in (",", "of", ";", ":", ")", "—", "–"):
        k += 1
    if k >= len(toks) or toks[k][0] not in (",", "of"):
        return None
    head = toks[k - 1][0].lower()
    if head not in ROLE_NOUNS or k - 1 < 2:
        return None
    return toks[2][1], toks[k - 1][2]


def _title_ending_at(toks, last: int, persons, need_determiner: bool = False) -> tuple[int, int] | None:
    word, s, e = toks[last]
    if word.lower() not in ROLE_NOUNS:
        return None
    first = last
    k = last - 1
    while k >= 0 and last - k < MAX_TITLE_WORDS:
        w, ws, we = toks[k]
        low = w.lower()
        if not w[0].isalpha() or low in _DETERMINERS or any(ps <= ws < pe for ps, pe in persons):
            break
        if not (w[0].isupper() or low in TITLE_WORDS or low.endswith(("'s", "’s"))):
            break
        if low.endswith(("'s", "’s")):  # "the country's acting president": the owner is not the title
            break
        first = k
        k -= 1
    if need_determiner and not (k >= 0 and toks[k][0].lower() in _DETERMINERS | {"'s", "’s"} or
                                k >= 0 and toks[k][0].lower().endswith(("'s", "’s"))):
        return None
    return toks[first][1], e


def _clean(text: str, span: tuple[int, int], drop: list[tuple[int, int]]) -> str:
    """The title's words without nationalities and places; "" when only they are left."""
    words = []
    for w, s, e in _tokens(text[span[0] : span[1]], span[0]):
        if not w[0].isalpha() or any(ds <= s < de for ds, de in drop) or w.lower() in _DETERMINERS:
            continue
        words.append(w)
    if not words or words[-1].lower() not in ROLE_NOUNS:
        return ""
    return " ".join(words)


def _actors(titles: list[Title], corpus: Corpus, outlet: Mapping[str, str], limit: int) -> tuple[FramedActor, ...]:
    """The most-reported people and organisations with the titles each outlet gives them."""
    entities = corpus.entities
    reach = {e.id: len(corpus.sources(e.articles)) for e in entities
             if e.type in ("PERSON", "ORG")}
    by_entity: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    names = {e.id: e.name for e in entities}
    for t in titles:
        terms = by_entity[t.entity][outlet.get(t.article, t.article)]
        if t.words.lower() not in {x.lower() for x in terms}:
            terms.append(t.words)
    ranked = sorted(reach, key=lambda e: (-reach[e], names.get(e, e)))
    out = []
    for entity in ranked[:limit]:
        by_outlet = {o: tuple(terms) for o, terms in sorted(by_entity.get(entity, {}).items())}
        out.append(FramedActor(entity=entity, name=names.get(entity, entity), sources=reach[entity],
                               by_outlet=by_outlet))
    return tuple(out)


# -- 2. events -----------------------------------------------------------------------------------


def _events(articles: Sequence[Article], events: Sequence[Event], timeline: Sequence[TimelineEntry],
            outlet: Mapping[str, str], limit: int) -> tuple[FramedEvent, ...]:
    """Headlines and the timeline's wordings of the most-reported events, by outlet."""
    titles = {a.id: a.title for a in articles}
    main = sorted((e for e in events if len(e.articles) >= 2), key=lambda e: (-len(e.articles), e.id))[:limit]
    out = []
    for event in main:
        headlines: dict[str, list[str]] = defaultdict(list)
        for a in event.articles:
            if titles.get(a) and titles[a] not in headlines[outlet.get(a, a)]:
                headlines[outlet.get(a, a)].append(titles[a])
        happenings = []
        members = set(event.articles)
        for entry in timeline:
            sentences = [s for s in entry.sentences if s.article in members]
            wording: dict[str, list[str]] = defaultdict(list)
            for s in sentences:
                o = outlet.get(s.article, s.article)
                if s.text not in wording[o]:
                    wording[o].append(s.text)
            if len(wording) >= 2:
                happenings.append(FramedHappening(
                    date=entry.date, text=entry.text, by_outlet={o: tuple(w) for o, w in sorted(wording.items())}))
        out.append(FramedEvent(event=event.id, title=event.title,
                               headlines={o: tuple(h) for o, h in sorted(headlines.items())},
                               happenings=tuple(happenings)))
    return tuple(out)


# -- 3. coverage ---------------------------------------------------------------------------------


def _coverage(claims: Sequence[ClaimGroup], contradictions: Sequence[Contradiction],
              outlet: Mapping[str, str], limit: int) -> Coverage:
    """Claims × outlets: carried, omitted, or contradicted (the outlet carries a claim against it)."""
    outlets = sorted(set(outlet.values()))
    carried = {c.id: {s.outlet or outlet.get(s.article, s.article) for s in c.sources} for c in claims}
    against: dict[str, set[str]] = defaultdict(set)
    for c in contradictions:
        ids = [i for i in c.claims if i in carried]
        for a in ids:
            for b in ids:
                if a != b:
                    against[a] |= carried[b] - carried[a]
    shown = [c for c in claims if len(carried[c.id]) >= 2 or c.id in against]
    shown.sort(key=lambda c: (-c.support, -len(carried[c.id])))
    rows = []
    for c in shown[:limit]:
        cells = {}
        for o in outlets:
            cells[o] = "carried" if o in carried[c.id] else "contradicted" if o in against[c.id] else "omitted"
        rows.append(CoverageRow(claim=c.id, text=c.text, event=c.event, cells=cells))
    return Coverage(outlets=tuple(outlets), rows=tuple(rows))
