"""Incremental event assignment: new articles join the stored events they link to, or open new ones.

Steps of :meth:`EventAssigner.fit`, bounded by what the new articles touch rather than by the store:

1. window: the stored original articles dated within WINDOW_DAYS of a new article or of a date
   its text gives (and the undated ones, which no window can place);
2. candidates: profiles and vectors of the new articles and the window, their nearest
   neighbours (``cluster.candidate_pairs``), and the link model of ``cluster`` on the pairs of a
   new and a stored article; a stored event is a candidate when one of its articles links to a
   new one with at least the clusterer's lower threshold;
3. local clustering: the new articles with every article of the candidate events (and of the
   events whose description names an entity the entity table no longer has) are clustered again
   by ``EventClusterer``, with TF-IDF weights fitted on them and the window together; new
   articles that join no candidate open events among themselves;
4. ids: each local event keeps the stored id most of its articles had (``keep_event_ids``);
   a local event holding articles of two stored events merges them under that id, and a stored
   event split in two keeps its id on the larger part; both are logged and listed in ``notes_``.

Events no new article touches are carried over as they were.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta

import numpy as np

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.events.cluster import ATTACH_THRESHOLD, MERGE_THRESHOLD, EventClusterer, candidate_pairs, link_probability
from newsfuse.fuse.events.features import FAR_APART_DAYS, vectorize
from newsfuse.fuse.events.profile import build_profiles
from newsfuse.model import Article, ArticleAnalysis, Event

log = logging.getLogger(__name__)

# Stored articles further than this from every new article (and every date it gives) are not
# candidates. On GVC train 92% of same-event pairs of reports lie within 31 days, 96% within 93
# (GVC dev: all within 14). Streaming GVC train into a store 50 reports at a time
# (bench/bench_incremental.py), B³ F1 against one batch run on the union (0.976), window around
# the reports' own dates only: 31 days 0.967, 93 days 0.970, ten years 0.971, 2026-12-07. Three
# link-model months (FAR_APART_DAYS), since the cost grows with the reports a window holds.
# Checked on the GVA train sample (/work/cmp/gvasample.jsonl, 301 reports over four years):
# 0.889 against 0.917, its misses mostly trial and plea reports months after the shooting, hence
# the window around the dates a text gives: GVA 0.907, GVC train 0.970 (docs/benchmarks.md).
WINDOW_DAYS = 3 * FAR_APART_DAYS
# A new article is a candidate for a stored event when it links to one of its articles at least
# this strongly: the lower of the two thresholds at which the clusterer joins articles.
CANDIDATE_LINK = min(MERGE_THRESHOLD, ATTACH_THRESHOLD)


class EventAssigner:
    """Adds new articles to stored events (see the module docstring).

    After ``fit``:
    ``events_`` every event, the carried ones as they were, in date order;
    ``article_event_`` article id → event id (every article, stored and new);
    ``touched_`` ids of the events clustered again (joined, opened, merged or split);
    ``notes_`` one line for each merge or split of stored events (also logged as a warning).
    """

    def __init__(
        self,
        clusterer: Callable[[], EventClusterer] = EventClusterer,
        window_days: int | None = None,
        candidate_link: float | None = None,
    ):
        self.clusterer = clusterer
        self.window_days = window_days
        self.candidate_link = candidate_link

    def fit(
        self, corpus: Corpus, new: Iterable[str], previous: Mapping[str, str], stored: Sequence[Event]
    ) -> EventAssigner:
        """``corpus``: the stored and new articles (copies and entities marked); ``new``: the ids of
        the new ones; ``previous``: stored article → event id; ``stored``: the stored events."""
        new = set(new)
        duplicate_of = dict(corpus.duplicate_of)
        # Stored articles that now turn out to be copies of a new one, or whose original is new,
        # change their event's membership: their events are candidates too.
        candidates = {previous[a] for a, o in duplicate_of.items() if (a in new) != (o in new) and a in previous}
        candidates |= {previous[o] for a, o in duplicate_of.items() if a in new and o in previous}
        linked, window = self._linked(corpus, new, previous)
        candidates |= linked
        candidates |= _stale(stored, {e.id for e in corpus.entities})
        members: dict[str, list[str]] = {}
        for article, event in previous.items():
            members.setdefault(event, []).append(article)
        local = new | {a for e in candidates for a in members.get(e, ())}
        local |= {a for a, o in duplicate_of.items() if o in local} | {duplicate_of[a] for a in local if a in duplicate_of}
        before = {a: previous[a] for a in local if a in previous}
        # The window's reports give the TF-IDF spaces their weights, as the whole corpus does in a batch run.
        clusterer = self.clusterer().fit(corpus.part(local | window), among=local)
        events, article_event = keep_event_ids(clusterer.events_, clusterer.article_event_, before)
        notes = _changes(article_event, before)
        for note in notes:
            log.warning("%s", note)
        touched = {e.id for e in events}
        gone = set(before.values())
        kept = [e for e in stored if e.id not in gone and e.id not in touched]
        events, article_event = _unique_ids(events, article_event, {e.id for e in kept})
        merged = {a: e for a, e in previous.items() if a not in local}
        merged.update(article_event)
        ordered = sorted([*kept, *events], key=lambda e: (e.date or "9999", min(e.articles, default=""), e.id))
        self.events_ = ordered
        self.article_event_ = merged
        self.touched_ = frozenset(e.id for e in events)
        self.notes_ = notes
        return self

    def _linked(self, corpus: Corpus, new: set[str], previous: Mapping[str, str]) -> tuple[set[str], set[str]]:
        """Stored events one of whose articles in the window links to a new article, and the ids
        of the window's articles, new ones included (steps 1-2)."""
        by_id = corpus.analysis_by_id
        copies = corpus.duplicate_of
        originals = [a for a in corpus.articles if a.id not in copies and a.id in by_id]
        days = {a.id: _day(a.published) for a in originals}
        fresh = [a for a in originals if a.id in new]
        if not fresh:
            return set(), set()
        dated = _window_days(fresh, [by_id[a.id] for a in fresh], corpus.mention_entity)
        days_apart = WINDOW_DAYS if self.window_days is None else self.window_days
        near = _days_near(dated, days_apart)
        window = [a for a in originals if a.id in new or (a.id in previous and (days[a.id] is None or days[a.id] in near))]
        ids = {a.id for a in window}
        if not ids - new:
            return set(), ids
        clusterer = self.clusterer()
        profiles = build_profiles(window, [by_id[a.id] for a in window], corpus.mention_entity)
        vectors = vectorize(profiles, clusterer.embed(profiles))
        weights, bias = clusterer.link_model()
        i, j = candidate_pairs(vectors, clusterer.neighbours)
        is_new = np.array([a.id in new for a in window])
        mixed = is_new[i] != is_new[j]
        i, j = i[mixed], j[mixed]
        p = link_probability(vectors, i, j, weights, bias)
        stored_rows = np.where(is_new[i], j, i)[p >= (CANDIDATE_LINK if self.candidate_link is None else self.candidate_link)]
        return {previous[window[int(r)].id] for r in stored_rows}, ids


def near_new(corpus: Corpus, new: Iterable[str], window_days: int = WINDOW_DAYS) -> set[str]:
    """The ids of the ``new`` articles of ``corpus`` and of the others published within
    ``window_days`` of one of them or of a full date its text gives, or undated: the stored
    articles the new ones are compared with when added to a store (near-duplicates and entities;
    step 1 of ``EventAssigner.fit`` takes the same window, of originals only)."""
    new = set(new)
    fresh = [a for a in corpus.articles if a.id in new and corpus.analysis(a.id) is not None]
    dated = _window_days(fresh, [corpus.analysis(a.id) for a in fresh])
    near = _days_near(dated, window_days)
    return {a.id for a in corpus.articles if a.id in new or (day := _day(a.published)) is None or day in near}


def _window_days(
    articles: Sequence[Article], analyses: Sequence[ArticleAnalysis], mention_entity: Mapping | None = None
) -> list[date]:
    """The days around which stored reports are candidates for new ones: each new report's own,
    and every full date its text gives (a trial report recalls the day of the shooting, months before)."""
    return sorted({
        d for p in build_profiles(articles, analyses, mention_entity)
        for d in (p.anchor, p.event_day, *p.mentioned) if d is not None
    })


def keep_event_ids(
    events: Sequence[Event], article_event: Mapping[str, str], previous: Mapping[str, str]
) -> tuple[list[Event], dict[str, str]]:
    """The events and the article → event map again, each event under the id it had in an earlier
    run (``previous``: article → event id then) when it continues that event.

    An event continues the earlier event most of its articles belonged to; each
    earlier id goes to one event at most, so a split keeps the id on its larger part.
    """
    members: dict[str, list[str]] = {}
    for article, event in article_event.items():
        members.setdefault(event, []).append(article)
    rename: dict[str, str] = {}
    taken: set[str] = set()
    for event, articles in sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        votes: dict[str, int] = {}
        for article in articles:
            if article in previous:
                votes[previous[article]] = votes.get(previous[article], 0) + 1
        for old, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if old not in taken:
                rename[event] = old
                taken.add(old)
                break
    renamed = [dataclasses.replace(e, id=rename[e.id]) if e.id in rename else e for e in events]
    return renamed, {a: rename.get(e, e) for a, e in article_event.items()}


def _changes(article_event: Mapping[str, str], before: Mapping[str, str]) -> list[str]:
    """One line for each event that now holds articles of two stored events (a merge), and for
    each stored event whose articles now lie in two events (a split)."""
    now: dict[str, set[str]] = {}
    then: dict[str, set[str]] = {}
    for article, old in before.items():
        now.setdefault(article_event[article], set()).add(old)
        then.setdefault(old, set()).add(article_event[article])
    notes = [
        f"events {', '.join(sorted(olds - {event}))} merged into {event}: a new report links them"
        for event, olds in sorted(now.items()) if len(olds) > 1
    ]
    notes += [
        f"event {old} split: its reports now lie in {', '.join(sorted(events))}"
        for old, events in sorted(then.items()) if len(events) > 1
    ]
    return notes


def _stale(events: Sequence[Event], entity_ids: set[str]) -> set[str]:
    """Stored events whose participants or place name an entity id the entity table no longer has
    (a canonical name changed as new mentions came in): they are described again."""
    stale = set()
    for event in events:
        named = [*event.who, *([event.where] if event.where else [])]
        if any(_looks_like_id(n) and n not in entity_ids for n in named):
            stale.add(event.id)
    return stale


def _looks_like_id(name: str) -> bool:
    # Event.who/where hold entity ids, or a plain name when no entity was found ("or name"); ids are slugs.
    return bool(name) and " " not in name and name == name.lower()


def _unique_ids(events: list[Event], article_event: dict[str, str], taken: set[str]):
    """New events whose generated id an untouched stored event holds get a numbered one."""
    rename = {}
    for event in events:
        if event.id in taken:
            n = 2
            while f"{event.id}-{n}" in taken:
                n += 1
            rename[event.id] = f"{event.id}-{n}"
            taken.add(rename[event.id])
    if not rename:
        return events, article_event
    return (
        [dataclasses.replace(e, id=rename.get(e.id, e.id)) for e in events],
        {a: rename.get(e, e) for a, e in article_event.items()},
    )


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _days_near(dated: Sequence[date], window: int) -> set[date]:
    """Every day within ``window`` days of one of ``dated``: a stored report is near when its day
    is one of them (or it has none), a set look-up per stored report rather than a search."""
    near: set[date] = set()
    for d in set(dated):
        for k in range(-window, window + 1):
            try:
                near.add(d + timedelta(days=k))
            except OverflowError:  # past date.min or date.max: no report falls there
                pass
    return near
