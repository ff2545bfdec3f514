"""Framing: the words each outlet uses for the main actors and events, and which claims each outlet carries.

Three views, each by outlet:

* actors: the titles and descriptions an outlet gives the most-reported people and
  organisations — before the name ("interim leader X"), or in apposition on either side
  ("the country's acting president, X", "X, the interim President of Peru,");
* events: for each main event, the outlets' headlines and how each words the dated happenings
  the timeline merged ("rebel offensive" against "armed opposition forces entered");
* coverage: for each claim several outlets carry (or one disputes), whether each outlet carried
  it, omitted it, or carried a contradicting claim — an outlet's blind spots at a glance.

Titles are read by fuse.entities.titles (``entity_titles``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.entities.titles import Title, entity_titles
from newsfuse.model import (
    Article, ClaimGroup, Contradiction, Coverage, CoverageRow, Event, FramedActor, FramedEvent, FramedHappening, Framing,
    TimelineEntry,
)

# How many actors and events the framing shows: the most-reported ones (actors by independent
# sources, ``Corpus.source``; events by articles).
MAX_ACTORS = 8
MAX_EVENTS = 5
# Claims shown in the coverage matrix, most supported first (a claim only one outlet carries
# and nobody disputes says nothing about the others' blind spots, so it is left out).
MAX_COVERAGE_ROWS = 60


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
        known: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
        fresh: Collection[str] = (),
    ) -> FramingAnalyzer:
        """Steps:
        1. titles of every entity mention, by outlet, for the most-reported actors;
        2. headlines and the timeline's wordings of each main event, by outlet;
        3. the coverage matrix of the claims several outlets carry or dispute.

        ``known`` (adding to a store, ``fuse.carry.carry_titles``): actor id → outlet → the titles
        an earlier run read in every article naming it but the ``fresh`` ones, which all come
        after those in the corpus; such an actor's titles are read in its fresh articles only.
        """
        outlet = {a.id: outlet_name(a) for a in corpus.articles}
        # 1. actors (titles read only where they are named, and not again where known: the cost
        # follows their reach, or what was added, not the corpus)
        actors = _main_actors(corpus, self.max_actors)
        known = {e: known[e] for e in actors if e in known} if known else {}
        fresh = set(fresh)
        named = {a for e in corpus.entities if e.id in actors for a in e.articles if e.id not in known or a in fresh}
        titles = entity_titles(
            [a for a in corpus.articles if a.id in named], [x for x in corpus.analyses if x.article_id in named],
            corpus.mention_entity, corpus.entities, only=actors,
        )
        if known:  # an article naming a known actor and another is read for both: keep the unknown one's titles
            titles = [t for t in titles if t.entity not in known or t.article in fresh]
        self.framing_ = Framing(
            entities=_actors(titles, corpus, outlet, actors, known),
            # 2. events
            events=_events(corpus.articles, events, timeline, outlet, self.max_events),
            # 3. coverage
            coverage=_coverage(claims, contradictions, outlet, self.max_rows),
        )
        return self


def outlet_name(article: Article) -> str:
    """The name an article's outlet goes by in the report: its outlet, or its id when unknown."""
    return article.outlet or article.id


def _main_actors(corpus: Corpus, limit: int) -> dict[str, int]:
    """The ``limit`` most-reported people and organisations (by independent sources, then name),
    most reported first: entity id → sources."""
    # An entity has at most as many sources as articles: counted from the most articles down, the
    # count stops once no entity left could reach the last place (the cost follows the few large
    # entities, not the table). Ties keep the table's order, as a sort of them all would.
    actors = sorted(
        (e for e in enumerate(corpus.entities) if e[1].type in ("PERSON", "ORG")), key=lambda e: -len(e[1].articles)
    )
    counted: list[tuple[int, str, int, str]] = []
    for k, entity in actors:
        if len(counted) >= max(limit, 1) and len(entity.articles) < -counted[limit - 1][0]:
            break
        counted.append((-len(corpus.sources(entity.articles)), entity.name, k, entity.id))
        counted.sort()
    return {entity_id: -reach for reach, _, _, entity_id in counted[:limit]}


def _actors(titles: list[Title], corpus: Corpus, outlet: Mapping[str, str], actors: Mapping[str, int],
            known: Mapping[str, Mapping[str, Sequence[str]]] | None = None) -> tuple[FramedActor, ...]:
    """The main ``actors`` with the titles each outlet gives them (after those ``known`` already)."""
    by_entity: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for entity, by_outlet in (known or {}).items():
        for o, terms in by_outlet.items():
            by_entity[entity][o] = list(terms)
    names = {e.id: e.name for e in corpus.entities}
    for t in titles:
        terms = by_entity[t.entity][outlet.get(t.article, t.article)]
        if t.words.lower() not in {x.lower() for x in terms}:
            terms.append(t.words)
    out = []
    for entity, sources in actors.items():
        by_outlet = {o: tuple(terms) for o, terms in sorted(by_entity.get(entity, {}).items())}
        out.append(FramedActor(entity=entity, name=names.get(entity, entity), sources=sources, by_outlet=by_outlet))
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
