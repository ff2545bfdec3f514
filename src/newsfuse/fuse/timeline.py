"""The timeline: dated happenings across the reports, one entry per happening with all its sources."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from newsfuse.errors import ModelError
from newsfuse.fuse.corpus import Corpus
from newsfuse.model import ArticleAnalysis, Dated, DatedSentence, Event, TimelineEntry
from newsfuse.nlp.time import TimexValue
from newsfuse.util import jaccard

# Two descriptions are linked when their score (cosine of their sentence embeddings, plus the
# bonuses below) reaches SAME_DAY_SCORE for two dates of the same day, COARSE_SCORE otherwise
# ("in 2024" or "in October" fits many more happenings). Linked groups merge while the mean
# score between them stays at least MEAN_SCORE, so one close pair cannot chain two different
# happenings together. Chosen by hand on the seed reports and the example corpus
# (examples/setubal), 2026-11 (no annotated timeline to fit them on): there the same happening
# in other words scores 0.68-1.1 (0.59-0.74 for one-word lines such as "the walkout began"),
# while the closest different happenings of one month, which share a person, score 0.75 without
# the same-event bonus.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
SAME_DAY_SCORE = 0.6
COARSE_SCORE = 0.76
MEAN_SCORE = 0.45
# Added to the cosine when the two name a common person or organisation, when they hang on the
# same verb or event noun ("met" and "met"), and when their articles report the same clustered
# event: evidence the embedding of a short line misses.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
SHARED_PARTICIPANT_BONUS = 0.15
SAME_TRIGGER_BONUS = 0.1
SAME_EVENT_BONUS = 0.15
# Without the embedding model, word overlap (Jaccard) stands in for the cosine.
JACCARD_SCALE = 1.5
# A sentence among an article's first LEAD_SENTENCES tells what the article is about: an
# entry dated there, on the day of the article's event, is that event.
LEAD_SENTENCES = 3
# A line naming nobody with at most this many content words ("The meeting will be held") is
# linked to the happening its own article dates the same day, whatever the words say.
GENERIC_WORDS = 2
_FUNCTION_WORDS = frozenset({"the", "will", "would", "was", "were", "has", "have", "had", "been", "being", "are",
                             "this", "that", "these", "those", "its", "his", "her", "their", "our", "and", "for",
                             "with", "from", "into", "not", "can", "could", "may", "might", "shall", "should"})
# The months a part of a year covers ("late 2024" holds December, not March).
_PART_MONTHS = {"START": range(1, 7), "END": range(7, 13), "MID": range(4, 10)}
_PARTICIPANT_LABELS = frozenset({"PERSON", "ORG"})
_WORD = re.compile(r"[a-z0-9]{3,}")
_PRECISION = {3: "day", 2: "month", 1: "year"}


@dataclass(slots=True)
class _Item:
    """One dated happening in one sentence of one article."""

    article: str
    sentence: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    mod: str | None
    text: str
    trigger: str
    tense: str | None
    who: frozenset[str]
    value: str
    row: int = -1  # row of its embedding

    @property
    def generic(self) -> bool:
        """A line naming nobody, with at most GENERIC_WORDS content words ("The meeting will be
        held"): only its article tells which happening it is."""
        return not self.who and len(set(_WORD.findall(self.text.lower())) - _FUNCTION_WORDS) <= GENERIC_WORDS

    @property
    def fields(self) -> int:
        """How many calendar fields are known: 3 day, 2 month, 1 year, 0 none (year-less or a weekday)."""
        if self.year is None:
            return 0
        return 1 + (self.month is not None) + (self.day is not None)


@dataclass(slots=True)
class _Entry:
    items: list[_Item] = field(default_factory=list)

    @property
    def anchor(self) -> _Item:
        """The member with the finest date, which dates the entry."""
        return _finest(self.items)


class TimelineBuilder:
    """Orders the happenings the reports date, merging those several sources tell.

    After ``fit``:
    ``timeline_`` one ``TimelineEntry`` per happening, ordered by date: date (ISO at its precision),
    text, event (the clustered event it is, or None), sources (article ids), status (planned when
    every source tells it as still to come, else reported), precision, mod, who (entity ids),
    sentences (a ``DatedSentence`` for each sentence that dates it);
    ``embedding_used_`` whether sentence embeddings compared the descriptions.
    """

    def __init__(self, same_day_score: float = SAME_DAY_SCORE, coarse_score: float = COARSE_SCORE,
                 use_embeddings: bool = True):
        self.same_day_score = same_day_score
        self.coarse_score = coarse_score
        self.use_embeddings = use_embeddings

    def fit(
        self,
        corpus: Corpus,
        events: Sequence[Event] = (),
        article_event: Mapping[str, str] | None = None,
    ) -> TimelineBuilder:
        """Steps:
        1. collect each original article's dated happenings (copies follow their original);
        2. compare descriptions: sentence embeddings, shared participants, same trigger;
        3. merge, finest dates first: each happening joins the best entry with a compatible
           date whose members it matches well enough, or starts one (year-less dates only join);
        4. describe each entry: date, line, event, sources, status;
        5. an article that reports a clustered event as its main one but dates nothing on that
           event's entry's date joins the entry's sources, unless its lead dates something else.
        """
        duplicate_of = dict(corpus.duplicate_of)
        article_event = dict(article_event or {})
        # 1. happenings
        items = _collect(corpus.articles, corpus.analyses, duplicate_of, corpus.mention_entity)
        # 2. similarity
        self.embedding_used_ = False
        sim = self._similarity(items, article_event)
        # 3. merging
        entries = self._merge(items, sim)
        # 4. entries
        copies: dict[str, list[str]] = defaultdict(list)
        for copy, original in duplicate_of.items():
            copies[original].append(copy)
        recalled_by = recall_index(events)
        described = [(_describe(e, sim, article_event, events, copies, recalled_by), e) for e in entries]
        # 5. reports of an event that date nothing of it
        analysed = {b.article_id for b in corpus.analyses}
        reported = [a.id for a in corpus.articles if a.id not in duplicate_of and a.id in analysed]
        _join_event_reporters(described, items, reported, article_event, events, copies)
        described.sort(key=lambda pair: (pair[0]["date"], pair[0]["_order"]))
        self.timeline_ = [_entry_record(d) for d, _ in described]
        return self

    def _similarity(self, items: list[_Item], article_event: Mapping[str, str] | None = None) -> _Scores:
        """Description vectors (sentence embeddings, or word sets without the model)."""
        for row, item in enumerate(items):
            item.row = row
        vectors = None
        # Only dates with another date to be compared with need a vector: most stand alone.
        index = _Index(items)
        rows = [r for r, item in enumerate(items) if any(j != r for j in index.partners(item))]
        if self.use_embeddings and rows:
            try:
                from newsfuse.nlp.encoder import DIMENSION, embed_texts

                vectors = np.zeros((len(items), DIMENSION), dtype=np.float32)
                vectors[rows] = embed_texts([items[r].text for r in rows])
                self.embedding_used_ = True
            except ModelError:
                vectors = None
        return _Scores(items, vectors, article_event or {})

    def _merge(self, items: list[_Item], sim: _Scores) -> list[_Entry]:
        """Single-link merging over the linked pairs, strongest first, kept consistent: every
        member agrees with the cluster's finest date, and the mean score between two groups
        (a line without participants excepted) is at least MEAN_SCORE."""
        parent = list(range(len(items)))
        members: dict[int, list[_Item]] = {i: [item] for i, item in enumerate(items)}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for score, i, j, by_article in sorted(self._pairs(items, sim), key=lambda p: (-p[0], p[1], p[2])):
            a, b = find(i), find(j)
            if a == b:
                continue
            union = members[a] + members[b]
            anchor = _finest(union)
            if not all(_agree(x, anchor) for x in union):
                continue
            if not by_article and sim.mean(members[a], members[b]) < MEAN_SCORE:
                continue
            parent[b] = a
            members[a] = union
            del members[b]
        return [_Entry(group) for root, group in sorted(members.items()) if _finest(group).year is not None]

    def _pairs(self, items: list[_Item], sim: _Scores) -> list[tuple[float, int, int, bool]]:
        """Linked pairs (score, row, row, linked only by being a generic line of the same article).
        Each date is compared only with those it could agree with (see
        :func:`_partners`): a day with its day and coarser dates, never all pairs."""
        index = _Index(items)
        low = min(self.same_day_score, self.coarse_score) - SHARED_PARTICIPANT_BONUS - SAME_TRIGGER_BONUS - SAME_EVENT_BONUS
        out = []
        for i, a in enumerate(items):
            rows = [j for j in index.partners(a) if j > i]
            if not rows:
                continue
            for j, base in zip(rows, sim.base(a, rows)):
                b = items[j]
                same_article_generic = a.article == b.article and (a.generic or b.generic)
                if (base < low and not same_article_generic) or not _agree(a, b):
                    continue
                need = self.same_day_score if a.fields == 3 and b.fields == 3 else self.coarse_score
                score = sim.score(a, b)
                if score >= need:
                    out.append((score, i, j, False))
                elif same_article_generic:
                    out.append((need, i, j, True))
        return out


class _Index:
    """Where to look for the dates one date can agree with."""

    def __init__(self, items: list[_Item]):
        self.by: dict[tuple, list[int]] = defaultdict(list)
        for row, item in enumerate(items):
            if item.weekday is not None:
                self.by["weekday", item.weekday].append(row)
                continue
            if item.year is None:
                self.by["x-month", item.month].append(row)
            else:
                self.by["year", item.year].append(row)
                if item.month is None:
                    self.by["year only", item.year].append(row)
                else:
                    self.by["month", item.year, item.month].append(row)
                    if item.day is None:
                        self.by["month only", item.year, item.month].append(row)
                    else:
                        self.by["day", item.year, item.month, item.day].append(row)
                        self.by["weekday of day", _weekday(item)].append(row)
            if item.month is not None:
                self.by["any month", item.month].append(row)

    def partners(self, item: _Item) -> list[int]:
        """A day: its day, its month and year alone, year-less dates of its month, bare weekdays
        of its weekday. A month: everything in it. A year alone: everything in it. A year-less
        month: that month of any year. A bare weekday: days falling on it."""
        by = self.by
        if item.weekday is not None:
            return by.get(("weekday of day", item.weekday), [])
        if item.year is None:
            return by.get(("any month", item.month), [])
        if item.month is None:
            return by.get(("year", item.year), [])
        coarse = by.get(("year only", item.year), []) + by.get(("x-month", item.month), [])
        if item.day is None:
            return by.get(("month", item.year, item.month), []) + coarse
        return (by.get(("day", item.year, item.month, item.day), []) + by.get(("month only", item.year, item.month), [])
                + coarse + by.get(("weekday", _weekday(item)), []))


def _weekday(item: _Item) -> int:
    return date(item.year, item.month, item.day).isoweekday()


class _Scores:
    """How alike two descriptions are: cosine (or scaled word overlap) plus the bonuses."""

    def __init__(self, items: list[_Item], vectors: np.ndarray | None, article_event: Mapping[str, str]):
        self.vectors = vectors
        self.article_event = article_event
        self.words = None if vectors is not None else [set(_WORD.findall(i.text.lower())) for i in items]

    def base(self, a: _Item, rows: list[int]) -> np.ndarray:
        """Cosines (or scaled word overlaps) of ``a`` with the items at ``rows``, without bonuses."""
        if self.vectors is not None:
            return self.vectors[rows] @ self.vectors[a.row]
        return np.array([jaccard(self.words[a.row], self.words[r]) * JACCARD_SCALE for r in rows])

    def score(self, a: _Item, b: _Item) -> float:
        if self.vectors is not None:
            base = float(self.vectors[a.row] @ self.vectors[b.row])
        else:
            base = jaccard(self.words[a.row], self.words[b.row]) * JACCARD_SCALE
        if a.who & b.who:
            base += SHARED_PARTICIPANT_BONUS
        if a.trigger == b.trigger:
            base += SAME_TRIGGER_BONUS
        event = self.article_event.get(a.article)
        if event is not None and a.article != b.article and event == self.article_event.get(b.article):
            base += SAME_EVENT_BONUS
        return base

    def mean(self, first: list[_Item], second: list[_Item]) -> float:
        return float(np.mean([self.score(a, b) for a in first for b in second]))


# ---------------------------------------------------------------- collecting
def _collect(articles, analyses, duplicate_of, mention_entity) -> list[_Item]:
    by_id = {a.article_id: a for a in analyses}
    items: list[_Item] = []
    for article in articles:
        analysis = by_id.get(article.id)
        if analysis is None or article.id in duplicate_of:
            continue
        seen: dict[tuple[int, int], _Item] = {}
        for d in analysis.dated:
            item = _item(article.id, d, analysis, mention_entity)
            if item is None:
                continue
            # "three months ago, in mid-October" on one verb is one happening.
            key = (d.sentence, d.trigger_start)
            other = seen.get(key)
            if other is not None and (other.year, other.month) == (item.year, item.month):
                if item.fields > other.fields:
                    items[items.index(other)] = item
                    seen[key] = item
                continue
            seen[key] = item
            items.append(item)
    return items


def _item(article_id: str, d: Dated, analysis: ArticleAnalysis, mention_entity) -> _Item | None:
    v = TimexValue.parse(d.value)
    if v is None or not (v.by_month or (v.bare_weekday and v.precision == "day")):
        return None
    if v.by_month and v.year is None and v.month is None:
        return None  # "XXXX": no year, no month
    year, month, day, weekday = v.year, v.month, v.day, v.weekday
    if not d.text:
        return None
    who = set()
    for k in d.participants:
        if 0 <= k < len(analysis.mentions):
            mention = analysis.mentions[k]
            if mention.label not in _PARTICIPANT_LABELS:
                continue
            who.add(mention_entity.get((article_id, mention.start, mention.end)) or "name:" + mention.text.lower())
    value = str(v.coarsen("day")) if day is not None else d.value
    return _Item(article_id, d.sentence, year, month, day, weekday, d.mod, d.text, d.trigger, d.tense,
                 frozenset(who), value)


def _finest(items: list[_Item]) -> _Item:
    """The member with the finest date: a known year first, then the most calendar fields."""
    return max(items, key=lambda i: (i.year is not None, i.month is not None, i.day is not None))


def _agree(a: _Item, b: _Item) -> bool:
    """Whether two dates can name the same happening: the calendar fields both give are equal,
    a bare weekday falls on the other's day, and a part of a year ("late 2024") holds the
    other's month."""
    if a.weekday is not None or b.weekday is not None:
        if a.weekday is not None and b.weekday is not None:
            return False
        w, d = (a, b) if a.weekday is not None else (b, a)
        return d.day is not None and d.year is not None and date(d.year, d.month, d.day).isoweekday() == w.weekday
    if (a.year is None and b.month is None) or (b.year is None and a.month is None):
        return False  # "in October" cannot be placed in a year
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if x is not None and y is not None and x != y:
            return False
    for x, y in ((a, b), (b, a)):
        if x.month is None and y.month is not None and x.mod in _PART_MONTHS:
            if y.month not in _PART_MONTHS[x.mod]:
                return False
    return True


# ---------------------------------------------------------------- entries
def _describe(entry: _Entry, sim: _Scores, article_event, events, copies, recalled_by) -> dict[str, Any]:
    anchor = entry.anchor
    value = _iso(anchor)

    def central(i: _Item) -> tuple[bool, bool, float, int]:
        # A line telling what happened reads better than the plan, one that says who or what
        # better than a bare "being shot", then the most typical one.
        return (i.tense != "future", not i.generic, sum(sim.score(i, o) for o in entry.items if o is not i),
                len(i.who))

    line = max(entry.items, key=central)
    sources: list[str] = []
    for i in sorted(entry.items, key=lambda i: (i.article, i.sentence)):
        for aid in [i.article, *sorted(copies.get(i.article, ()))]:
            if aid not in sources:
                sources.append(aid)
    who = Counter(w for i in entry.items for w in i.who if not w.startswith("name:"))
    planned = all(i.tense == "future" for i in entry.items)
    return {
        "date": value,
        "text": line.text,
        "event": _event_of(entry, value, article_event, events, recalled_by),
        "sources": sources,
        "status": "planned" if planned else "reported",
        "precision": _PRECISION[anchor.fields],
        "mod": anchor.mod if anchor.fields < 3 else None,
        "who": [w for w, _ in sorted(who.items(), key=lambda kv: (-kv[1], kv[0]))],  # ties by id: runs agree
        "sentences": [
            {"article": i.article, "sentence": i.sentence, "text": i.text, "value": i.value}
            for i in sorted(entry.items, key=lambda i: (i.article, i.sentence))
        ],
        "_order": min((i.article, i.sentence) for i in entry.items),
    }


def _entry_record(entry: Mapping[str, Any]) -> TimelineEntry:
    """The ``TimelineEntry`` of an entry described (and joined) as a dict here."""
    return TimelineEntry(
        date=entry["date"], text=entry["text"], event=entry["event"], sources=tuple(entry["sources"]),
        status=entry["status"], precision=entry["precision"], mod=entry["mod"], who=tuple(entry["who"]),
        sentences=tuple(DatedSentence(**s) for s in entry["sentences"]),
    )


def _join_event_reporters(described: list[tuple[dict[str, Any], _Entry]], items: list[_Item], reported: list[str],
                          article_event: Mapping[str, str], events: Sequence[Event],
                          copies: Mapping[str, list[str]]) -> None:
    """Add to each event's own entry the articles that report that event as their main one and
    date nothing on its date ("the visit", with no day): the entry is the happening they report.
    An article whose lead dates something that cannot be that day (another visit "in October")
    may report another happening the clusterer joined to the event, so it is left out; an article
    that dates something on that day was already placed by its own lines."""
    when = {e.id: e.date for e in events}
    by_event: dict[str, list[tuple[dict[str, Any], _Entry]]] = defaultdict(list)
    for pair in described:
        if pair[0]["event"] is not None:
            by_event[pair[0]["event"]].append(pair)
    own: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        own[item.article].append(item)
    for event_id, pairs in by_event.items():
        # The entry on the event's own date; else the finest, then the best sourced.
        record, entry = max(pairs, key=lambda p: (p[0]["date"] == when.get(event_id), len(p[0]["date"]),
                                                   len(p[0]["sources"])))
        anchor = entry.anchor
        joined = False
        for aid in reported:
            if article_event.get(aid) != event_id or aid in record["sources"]:
                continue
            if any(_agree(i, anchor) and (i.month is not None or i.weekday is not None) for i in own[aid]):
                continue  # it dates something in that month or on that day: its lines placed it
            if any(i.sentence < LEAD_SENTENCES and not _agree(i, anchor) for i in own[aid]):
                continue
            record["sources"].extend(x for x in [aid, *sorted(copies.get(aid, ()))] if x not in record["sources"])
            joined = True
        if joined:
            record["sources"] = _in_article_order(record["sources"], copies)


def _in_article_order(sources: list[str], copies: Mapping[str, list[str]]) -> list[str]:
    """Originals in id order, each followed by its copies (the order :func:`_describe` gives)."""
    copy_ids = {c for cs in copies.values() for c in cs}
    out: list[str] = []
    for aid in sorted(a for a in sources if a not in copy_ids):
        out.extend(x for x in [aid, *sorted(copies.get(aid, ()))] if x in sources and x not in out)
    out.extend(x for x in sources if x not in out)
    return out


def _iso(item: _Item) -> str:
    precision = "day" if item.day is not None else "month" if item.month is not None else "year"
    return str(TimexValue(precision, item.year, item.month, item.day))


def _event_of(entry: _Entry, value: str, article_event, events, recalled_by=None) -> str | None:
    """The clustered event this entry is: most of its sources report that event as their main
    one, and the event's date agrees with the entry's (an undated event needs a lead sentence);
    failing that, an event most of its sources recall in passing (``mentioned_in``), on that
    event's date: "her first visit, in October", told by reports of the second."""
    if recalled_by is None:
        recalled_by = recall_index(events)
    return _reported_event(entry, value, article_event, events) or _recalled_event(entry, value, recalled_by)


def _reported_event(entry: _Entry, value: str, article_event, events) -> str | None:
    votes = Counter(article_event.get(i.article) for i in entry.items)
    votes.pop(None, None)
    if not votes:
        return None
    event_id, count = votes.most_common(1)[0]
    if count * 2 <= len({i.article for i in entry.items}):
        return None
    event = next((e for e in events if e.id == event_id), None)
    if event is None:
        return None
    when = event.date
    if when:
        return event_id if _values_agree(when, value) else None
    lead = any(i.sentence < LEAD_SENTENCES and article_event.get(i.article) == event_id for i in entry.items)
    return event_id if lead else None


def recall_index(events: Sequence[Event]) -> dict[str, list[Event]]:
    """Article id → the events it recalls in passing (their ``mentioned_in``), built once per fit."""
    index: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for aid in dict.fromkeys(event.mentioned_in):
            index[aid].append(event)
    return index


def _recalled_event(entry: _Entry, value: str, recalled_by) -> str | None:
    articles = {i.article for i in entry.items}
    counts: Counter[str] = Counter()
    dated: dict[str, str] = {}
    for aid in articles:
        for event in recalled_by.get(aid, ()):
            counts[event.id or ""] += 1
            dated[event.id or ""] = event.date or ""
    best, best_count = None, 0
    for eid, count in counts.items():
        when = dated[eid]
        if not when or not _values_agree(when, value):
            continue
        if count * 2 > len(articles) and (count, eid) > (best_count, best or ""):
            best, best_count = eid, count
    return best


def _values_agree(a: str, b: str) -> bool:
    """Two calendar values agree when one holds the other (2025-10 and 2025-10-15)."""
    va, vb = TimexValue.parse(a), TimexValue.parse(b)
    return va is not None and vb is not None and va.agrees(vb)
