"""What an incremental run keeps of the store's latest report: the parts no new article touches.

An incremental run recomputes the timeline, claims, contradictions and summary of a *part* of
the corpus only: the events the new articles joined or opened, those whose stored records name an
entity the entity table no longer has, those holding a stored article whose outlet this run names
otherwise (the new reports taught that "HNT" is "Harlan News Today": claims, contradictions and
their support name and count outlets), and the events of their storylines within WINDOW_DAYS of
them. A storyline holding a part event is summarised again over its events in the part.
``carry`` takes the stored records outside that part as they were, and ``splice`` puts the
part's new records beside them, numbering new claims and contradictions past the kept ones so
that every id stays unique and every reference resolves. ``carry_titles`` keeps the titles the
stored framing gives its actors where the articles naming them are read as they were.
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newsfuse.fuse.events.assign import WINDOW_DAYS
from newsfuse.fuse.events.describe import period_start
from newsfuse.model import (
    Article,
    ClaimGroup,
    Contradiction,
    Entity,
    Event,
    Story,
    SummaryLine,
    TimelineEntry,
    from_dict,
)

_NUMBERED = re.compile(r"^(?:claim|contradiction)-(\d+)$")


@dataclass(frozen=True, slots=True)
class Carried:
    """The stored records an incremental run keeps, and the events and stories it recomputes."""

    events: frozenset[str] = frozenset()  # ids of the events recomputed (the part)
    stories: frozenset[str] = frozenset()  # ids of the stories holding one of them (summarised again over the part)
    timeline: tuple[TimelineEntry, ...] = ()
    claims: tuple[ClaimGroup, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    summary: tuple[SummaryLine, ...] = ()


def carry(
    data: Mapping,
    events: Sequence[Event],
    stories: Sequence[Story],
    article_event: Mapping[str, str],
    touched: Iterable[str],
    entity_ids: set[str],
    articles: Iterable[Article] = (),
) -> Carried:
    """What to keep of ``data`` (the stored report) when ``touched`` events were clustered again
    and ``events``, ``stories``, ``article_event``, ``entity_ids`` and ``articles`` are those of
    this run (an article's publication date places an event without a day of its own; its outlet,
    named otherwise than ``data`` names it, puts its event in the part)."""
    articles = list(articles)
    published = {a.id: a.published for a in articles}
    timeline = [from_dict(TimelineEntry, t) for t in data.get("timeline") or ()]
    contradictions = [from_dict(Contradiction, c) for c in data.get("contradictions") or ()]
    part = set(touched)
    # Stored records naming an entity that is gone are recomputed with their events.
    for entry in timeline:
        if any(w not in entity_ids for w in entry.who):
            part |= _events_of(entry.event, entry.sources, article_event)
    for c in contradictions:
        if c.entity is not None and c.entity not in entity_ids:
            part |= _events_of(c.event, (s.article for s in c.sides), article_event)
    claims = [from_dict(ClaimGroup, c) for c in data.get("claims") or ()]
    gone = {e["id"] for e in data.get("entities") or ()} - entity_ids  # attributed_to may also hold words
    for c in claims:
        if c.attributed_to in gone:
            part |= _events_of(c.event, (s.article for s in c.sources), article_event)
    # Records citing an article whose outlet is named otherwise now are recomputed with its event.
    outlet = {a.id: a.outlet for a in articles}
    part |= {
        article_event[a["id"]] for a in data.get("articles") or ()
        if a["id"] in outlet and a["id"] in article_event and a.get("outlet") != outlet[a["id"]]
    }
    known = {e.id for e in events}
    part &= known
    # Claims are compared across a storyline's events, so the events of a touched storyline join
    # the part: those within WINDOW_DAYS of a touched one (an event without a day of its own by the
    # first publication date of its reports; one without either too), which bounds the part
    # however long the storyline has run; its older events keep their records.
    # (days are read for the part's events and their storylines' only)
    by_id = {e.id: e for e in events}
    days: dict[str, date | None] = {}

    def day(event_id: str) -> date | None:
        if event_id not in days:
            event = by_id[event_id]
            days[event_id] = period_start(event.date) or _first_published(event, published)
        return days[event_id]

    anchors = sorted(d for e in part if (d := day(e)) is not None)
    in_stories = {s.id for s in stories if not part.isdisjoint(s.events)}
    part |= {
        e for s in stories if s.id in in_stories for e in s.events
        if day(e) is None or not anchors or _near(day(e), anchors, WINDOW_DAYS)
    }
    articles = {a for a, e in article_event.items() if e in part}

    def kept(event: str | None, sources: Iterable[str]) -> bool:
        # A record of no event (or of an event gone) is kept only while all its sources are outside the part.
        return (event is None or (event in known and event not in part)) and not articles.intersection(sources)

    claims = [c for c in claims if kept(c.event, (s.article for s in c.sources))]
    claim_ids = {c.id for c in claims}
    story_ids = {s.id for s in stories} - in_stories
    return Carried(
        events=frozenset(part),
        stories=frozenset(in_stories),
        timeline=tuple(t for t in timeline if kept(t.event, t.sources)),
        claims=tuple(claims),
        contradictions=tuple(
            c for c in contradictions
            if set(c.claims) <= claim_ids and kept(c.event, (s.article for s in c.sides))
        ),
        summary=tuple(
            line for line in (from_dict(SummaryLine, s) for s in data.get("summary") or ())
            if (line.story is None or line.story in story_ids)
            and kept(line.event, (ref.article for ref in line.sources))
        ),
    )


def carry_titles(
    data: Mapping,
    stored: Mapping[str, Entity],
    entities: Sequence[Entity],
    articles: Sequence[Article],
    fresh: Collection[str],
) -> dict[str, dict[str, tuple[str, ...]]]:
    """The titles each outlet gives each actor of ``data``'s framing (``FramingAnalyzer.fit``'s
    ``known``), for the actors whose titles outside the ``fresh`` articles are those the stored run
    read: ``stored`` (its entities by id) and ``entities`` (this run's) give them the same mentions
    there, their articles' outlets are named as ``data`` names them, and ``articles`` (this run's,
    in its order) hold every fresh one after the others, as titles are gathered in that order."""
    framed = (data.get("framing") or {}).get("entities") or ()
    fresh = set(fresh)
    tail = sum(1 for a in articles if a.id in fresh)
    if not framed or not all(a.id in fresh for a in articles[len(articles) - tail :]):
        return {}
    outlet = {a["id"]: a.get("outlet") for a in data.get("articles") or ()}
    now = {a.id: a.outlet for a in articles}
    wanted = {actor["entity"] for actor in framed}
    by_id = {e.id: e for e in entities if e.id in wanted}
    out = {}
    for actor in framed:
        was, entity = stored.get(actor["entity"]), by_id.get(actor["entity"])
        if was is None or entity is None:
            continue
        spans = {(m.article, m.start, m.end) for m in was.spans}
        if spans != {(m.article, m.start, m.end) for m in entity.spans if m.article not in fresh}:
            continue
        if any(a not in outlet or outlet[a] != now.get(a) for a in {m.article for m in was.spans}):
            continue
        out[entity.id] = {o: tuple(terms) for o, terms in (actor.get("by_outlet") or {}).items()}
    return out


def splice(
    carried: Carried,
    timeline: Sequence[TimelineEntry],
    claims: Sequence[ClaimGroup],
    contradictions: Sequence[Contradiction],
    summary: Sequence[SummaryLine],
    events: Sequence[Event],
    stories: Sequence[Story],
) -> tuple[list[TimelineEntry], list[ClaimGroup], list[Contradiction], list[SummaryLine]]:
    """The kept records with the part's new ones: new claims and contradictions numbered on from
    the highest kept number, the timeline by date, the summary in the order of events and stories."""
    if not (carried.timeline or carried.claims or carried.contradictions or carried.summary):
        return list(timeline), list(claims), list(contradictions), list(summary)
    claim_ids = _renumber("claim", (c.id for c in claims), (c.id for c in carried.claims))
    contradiction_ids = _renumber("contradiction", (c.id for c in contradictions), (c.id for c in carried.contradictions))
    claims = [replace(c, id=claim_ids[c.id]) for c in claims]
    contradictions = [
        replace(
            c,
            id=contradiction_ids[c.id],
            claims=tuple(claim_ids.get(x, x) for x in c.claims),
            sides=tuple(replace(s, claim=claim_ids.get(s.claim, s.claim)) for s in c.sides),
        )
        for c in contradictions
    ]
    order = {("event", e.id): n for n, e in enumerate(events)}
    order.update({("story", s.id): len(events) + n for n, s in enumerate(stories)})

    def place(line: SummaryLine) -> int:
        return order.get(("story", line.story) if line.story else ("event", line.event), len(order))

    return (
        sorted([*carried.timeline, *timeline], key=lambda t: t.date),
        [*carried.claims, *claims],
        [*carried.contradictions, *contradictions],
        sorted([*carried.summary, *summary], key=place),
    )


def _renumber(kind: str, new: Iterable[str], kept: Iterable[str]) -> dict[str, str]:
    """New ids ``kind-N`` for ``new``, N counting on from the highest number among ``kept``."""
    top = max((int(m.group(1)) for m in (_NUMBERED.match(i) for i in kept) if m), default=0)
    return {old: f"{kind}-{top + n}" for n, old in enumerate(new, 1)}


def _near(day, sorted_days, window: int) -> bool:
    k = bisect.bisect_left(sorted_days, day)
    return any(abs((sorted_days[m] - day).days) <= window for m in (k - 1, k) if 0 <= m < len(sorted_days))


def _first_published(event: Event, published: Mapping[str, str | None]) -> date | None:
    """The first day one of ``event``'s reports was published, or None."""
    days = [d for a in event.articles if (value := published.get(a)) and (d := period_start(value[:10]))]
    return min(days, default=None)


def _events_of(event: str | None, sources: Iterable[str], article_event: Mapping[str, str]) -> set[str]:
    return {event} if event else {article_event[a] for a in sources if a in article_event}
