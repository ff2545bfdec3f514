"""The timeline's entries: the date, line, event, sources and status that describe each merged happening."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from newsfuse.fuse.timeline.happenings import Happening, HappeningGroup, dates_agree
from newsfuse.fuse.timeline.similarity import DescriptionScores
from newsfuse.model import DatedSentence, Event, TimelineEntry
from newsfuse.nlp.time import TimexValue

# A sentence among an article's first LEAD_SENTENCES tells what the article is about: an
# entry dated there, on the day of the article's event, is that event.
LEAD_SENTENCES = 3
_PRECISION = {3: "day", 2: "month", 1: "year"}


def describe_entry(entry: HappeningGroup, sim: DescriptionScores, article_event, events, copies,
                   recalled_by) -> dict[str, Any]:
    """An entry as a dict: its finest date, its most central line, event, sources (copies after their own
    original), status."""
    anchor = entry.anchor
    value = _iso(anchor)

    def central(i: Happening) -> tuple[bool, bool, float, int]:
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


def entry_record(entry: Mapping[str, Any]) -> TimelineEntry:
    """The ``TimelineEntry`` of an entry described (and joined) as a dict here."""
    return TimelineEntry(
        date=entry["date"], text=entry["text"], event=entry["event"], sources=tuple(entry["sources"]),
        status=entry["status"], precision=entry["precision"], mod=entry["mod"], who=tuple(entry["who"]),
        sentences=tuple(DatedSentence(**s) for s in entry["sentences"]),
    )


def join_event_reporters(described: list[tuple[dict[str, Any], HappeningGroup]], items: list[Happening],
                         reported: list[str], article_event: Mapping[str, str], events: Sequence[Event],
                         copies: Mapping[str, list[str]]) -> None:
    """Add to each event's own entry the articles that report that event as their main one and
    date nothing on its date ("the visit", with no day): the entry is the happening they report.
    An article whose lead dates something that cannot be that day (another visit "in October")
    may report another happening the clusterer joined to the event, so it is left out; an article
    that dates something on that day was already placed by its own lines."""
    when = {e.id: e.date for e in events}
    by_event: dict[str, list[tuple[dict[str, Any], HappeningGroup]]] = defaultdict(list)
    for pair in described:
        if pair[0]["event"] is not None:
            by_event[pair[0]["event"]].append(pair)
    own: dict[str, list[Happening]] = defaultdict(list)
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
            if any(dates_agree(i, anchor) and (i.month is not None or i.weekday is not None) for i in own[aid]):
                continue  # it dates something in that month or on that day: its lines placed it
            if any(i.sentence < LEAD_SENTENCES and not dates_agree(i, anchor) for i in own[aid]):
                continue
            record["sources"].extend(x for x in [aid, *sorted(copies.get(aid, ()))] if x not in record["sources"])
            joined = True
        if joined:
            record["sources"] = _in_article_order(record["sources"], copies)


def _in_article_order(sources: list[str], copies: Mapping[str, list[str]]) -> list[str]:
    """Originals in id order, each followed by its copies (the order :func:`describe_entry` gives)."""
    copy_ids = {c for cs in copies.values() for c in cs}
    out: list[str] = []
    for aid in sorted(a for a in sources if a not in copy_ids):
        out.extend(x for x in [aid, *sorted(copies.get(aid, ()))] if x in sources and x not in out)
    out.extend(x for x in sources if x not in out)
    return out


def _iso(item: Happening) -> str:
    precision = "day" if item.day is not None else "month" if item.month is not None else "year"
    return str(TimexValue(precision, item.year, item.month, item.day))


def _event_of(entry: HappeningGroup, value: str, article_event, events, recalled_by=None) -> str | None:
    """The clustered event this entry is: most of its sources report that event as their main
    one, and the event's date agrees with the entry's (an undated event needs a lead sentence);
    failing that, an event most of its sources recall in passing (``mentioned_in``), on that
    event's date: "her first visit, in October", told by reports of the second."""
    if recalled_by is None:
        recalled_by = recall_index(events)
    return _reported_event(entry, value, article_event, events) or _recalled_event(entry, value, recalled_by)


def _reported_event(entry: HappeningGroup, value: str, article_event, events) -> str | None:
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


def _recalled_event(entry: HappeningGroup, value: str, recalled_by) -> str | None:
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
