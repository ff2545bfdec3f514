"""Describing clustered events: title, date at its precision, place, participants, roles and background mentions."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np

from newsfuse.fuse.events.counts import event_ordinals
from newsfuse.fuse.events.features import Vectors
from newsfuse.fuse.events.profile import LEAD_SENTENCES, WHERE_LABELS, Profile, mention_key
from newsfuse.model import Article, ArticleAnalysis, Entity, Event
from newsfuse.nlp.time import TimexValue
from newsfuse.nlp.time.anchor import year_of_undated

# Participants listed for an event: named by at least this share of its articles
# (at least one), most named first, at most WHO_MAX of them.
WHO_SHARE = 0.5
WHO_MAX = 8
# A date is given to the day when more than this share of the dated articles agree
# on the day, else to the month or the year on the same rule, else not at all.
DATE_AGREEMENT = 0.5
# When at least this many of an event's reports give its day in their leads, only those
# days vote on the event's date (set by hand on examples/setubal, 2026-11-22).
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
EVENT_DAY_QUORUM = 2
# An article published more than this many days after the event day follows it up.
FOLLOW_UP_DAYS = 2
# Title and lead words that announce a coming event in news English.
FUTURE_CUES = re.compile(
    r"\b(will|to be held|(?:is|are) (?:set|due|expected|scheduled) to|plans? to|preview|ahead of)\b",
    re.IGNORECASE,
)
# A sentence of another article mentions an event when it shares at least this many
# of the event's SIGNATURE_TERMS strongest lead terms and names one of its
# participants or places. Chosen on the example corpus (examples/setubal), 2026-11.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
SIGNATURE_TERMS = 15
MENTION_MIN_TERMS = 2
# An article written more than this many days before an event began may announce
# it but is not counted as mentioning it in passing.
MENTION_AHEAD_DAYS = 7
TITLE_MAX_CHARS = 160

_SLUG = re.compile(r"[^a-z0-9]+")


def describe_events(
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    profiles: Sequence[Profile],
    vectors: Vectors,
    labels: np.ndarray,
    entities: Sequence[Entity] = (),
    mention_entity: Mapping[tuple[str, int, int], str] | None = None,
    duplicate_of: Mapping[str, str] | None = None,
    link: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
) -> tuple[dict[str, str], list[Event], dict[str, str]]:
    """(article → event id, events, article → role) for clustered original articles.

    Duplicates join their original's event with the original's role.
    """
    duplicate_of = dict(duplicate_of or {})
    copies: dict[str, list[str]] = defaultdict(list)
    for copy, original in duplicate_of.items():
        copies[original].append(copy)
    names = _display_names(articles, analyses, mention_entity, entities)
    within = _within(articles, analyses, profiles, mention_entity)
    groups: dict[int, list[int]] = defaultdict(list)
    for row, label in enumerate(labels):
        groups[int(label)].append(row)
    events: list[dict[str, Any]] = []
    for rows in groups.values():
        events.append(_describe(rows, articles, profiles, vectors, names, link, within))
    events.sort(key=lambda e: (e["date"] or "9999", e["_first"]))
    article_event: dict[str, str] = {}
    roles: dict[str, str] = {}
    for event in events:
        members = []
        for row in event.pop("_rows"):
            aid = articles[row].id
            members.append(aid)
            role = _role(profiles[row], event["_day"], articles[row])
            event["roles"][aid] = role
            for copy in sorted(copies.get(aid, ())):
                members.append(copy)
                event["roles"][copy] = role
        event["articles"] = members
        for aid in members:
            article_event[aid] = event["id"]
            roles[aid] = event["roles"][aid]
    _mentions(events, articles, analyses, profiles, vectors, mention_entity, article_event, copies)
    # An event its own reports leave undated may have been dated by reports that recall it.
    for event in events:
        if event["date_basis"] == "background":
            event["id"] = _event_id(event["date"], event["title"], event["_first"])
            for aid in event["articles"]:
                article_event[aid] = event["id"]
    events.sort(key=lambda e: (e["date"] or "9999", e["_first"]))
    return article_event, [_event_record(event) for event in events], roles


def _event_record(event: Mapping[str, Any]) -> Event:
    """The ``Event`` of an event built up as a dict here."""
    return Event(
        id=event["id"], title=event["title"], date=event["date"], date_basis=event["date_basis"],
        where=event["where"], who=tuple(event["who"]), articles=tuple(event["articles"]),
        mentioned_in=tuple(event["mentioned_in"]), roles=dict(event["roles"]),
    )


def _describe(rows, articles, profiles, vectors, names, link, within=frozenset()) -> dict[str, Any]:
    rows = sorted(rows, key=lambda r: (profiles[r].anchor or date.max, articles[r].id))
    central = _central(rows, link)
    # Articles that announce the event do not date it, unless nothing else does.
    voters = [r for r in rows if not _announces(articles[r], profiles[r])] or rows
    days = [profiles[r].event_day or profiles[r].anchor for r in voters]
    # The day a lead gives for the event outweighs a publication day: a report written two
    # days in ("the walkout, which began on Tuesday" far down) must not split the vote.
    told = [profiles[r].event_day for r in voters if profiles[r].event_day is not None]
    when = event_date(told) if len(told) >= EVENT_DAY_QUORUM else event_date(days)
    known = [d for d in days if d is not None]
    # Roles compare each article's date with the day most articles give, even when too few agree to report it.
    day = date.fromisoformat(_commonest(d.isoformat() for d in known)[0]) if known else None
    who, where = _participants(rows, profiles, names, within)
    title = articles[central].title or profiles[central].lead
    title = " ".join(title.split())[:TITLE_MAX_CHARS]
    first = articles[rows[0]].id
    return {
        "id": _event_id(when, title, first),
        "title": title,
        "date": when,
        "date_basis": "reports" if when else None,  # reports: its own articles; background: reports recalling it
        "where": where,
        "who": who,
        "articles": [],
        "mentioned_in": [],
        "roles": {},
        "_rows": rows,
        "_first": first,
        "_day": day,
    }


def _central(rows: list[int], link) -> int:
    """The member most linked to the others: its title stands for the event."""
    if len(rows) <= 2 or link is None:
        return rows[0]
    idx = np.asarray(rows)
    a, b = np.triu_indices(len(rows), 1)
    p = link(idx[a], idx[b])
    total = np.zeros(len(rows))
    np.add.at(total, a, p)
    np.add.at(total, b, p)
    return rows[int(np.argmax(total))]


def event_date(days: Sequence[date | None]) -> str | None:
    """The ISO date the articles agree on, at the finest precision that DATE_AGREEMENT of them share."""
    known = [d for d in days if d is not None]
    if not known:
        return None
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        value, count = _commonest(d.strftime(fmt) for d in known)
        if count > DATE_AGREEMENT * len(known) or len(known) == 1:
            return value
    return None


def _commonest(values) -> tuple[str, int]:
    """The most frequent value, the earliest among equals."""
    counts = Counter(values)
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _participants(rows, profiles, names, within=frozenset()) -> tuple[list[str], str | None]:
    """(ids of the people and organisations most of the articles name, the place their leads name most).

    The place is the most specific one: a place whose leads or datelines name one
    inside it ("Setúbal, Portugal", pairs in ``within``) gives way to that one, so the
    event is in the city, not its country. Ties go to the alphabetically first key.
    """
    who: Counter[str] = Counter()
    places: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        p = profiles[r]
        who.update(k for k in set(p.who.split()) if names.get(k, ("", ""))[1] in ("PERSON", "ORG"))
        for k in set(p.where.split()):
            places[k][0] += k in p.lead_places or k in p.dateline_places[:1]
            places[k][1] += 1
    need = max(1.0, WHO_SHARE * len(rows))
    # ties by key, so two runs of one corpus agree (Counter keeps first-seen order, and the
    # keys come from sets, whose order follows the per-process string hash)
    chosen = [names[k][2] for k, c in sorted(who.items(), key=lambda kv: (-kv[1], kv[0])) if c >= need][:WHO_MAX]
    if not places:
        return chosen, None
    led = {k for k, (lead, _) in places.items() if lead}
    broader = {outer for inner, outer in within if inner in led and inner != outer}
    candidates = sorted(k for k in places if k not in broader) or sorted(places)
    best = max(candidates, key=lambda k: tuple(places[k]))
    return chosen, names[best][0] if best in names else best.replace("_", " ").title()


def _within(articles, analyses, profiles, mention_entity) -> frozenset[tuple[str, str]]:
    """(inner, outer) place keys the corpus writes as "Inner, Outer": in datelines and in the text."""
    pairs = set()
    for p in profiles:
        pairs.update(zip(p.dateline_places[:1], p.dateline_places[1:2]))
    for article, analysis in zip(articles, analyses):
        places = [m for m in analysis.mentions if m.label in WHERE_LABELS]
        for a, b in zip(places, places[1:]):
            if article.text[a.end : b.start].strip() == ",":
                inner, outer = mention_key(article.id, a, mention_entity), mention_key(article.id, b, mention_entity)
                if inner and outer:
                    pairs.add((inner, outer))
    return frozenset(pairs)


def _display_names(articles, analyses, mention_entity, entities) -> dict[str, tuple[str, str, str]]:
    """key → (display name, label, id to report): the entity's canonical name, else the commonest surface form."""
    by_entity = {e.id: e for e in entities}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for article, analysis in zip(articles, analyses):
        for m in analysis.mentions:
            key = mention_key(article.id, m, mention_entity)
            if key:
                forms[key][" ".join(m.text.split())] += 1
                labels[key][m.label] += 1
    out = {}
    for key, counter in forms.items():
        entity = by_entity.get(key)
        label = labels[key].most_common(1)[0][0]
        if entity is not None:
            out[key] = (entity.name, entity.type, entity.id)
        else:
            name = counter.most_common(1)[0][0]
            out[key] = (name, label, name)
    return out


def _role(profile: Profile, day: date | None, article: Article) -> str:
    """announcement (before the event), report, or follow-up (well after it)."""
    if day is not None and profile.anchor is not None:
        gap = (profile.anchor - day).days
        if gap < 0:
            return "announcement"
        if gap > FOLLOW_UP_DAYS:
            return "follow-up"
        return "report"
    return "announcement" if _announces(article, profile) else "report"


def _announces(article: Article, profile: Profile) -> bool:
    """Whether the headline or the first sentence speaks of the event as still to come."""
    first = profile.lead[len(article.title) + 2 :] if article.title else profile.lead
    return bool(FUTURE_CUES.search(article.title) or FUTURE_CUES.search(first.split(". ")[0]))


def _agree(value: str, when: str) -> bool:
    """Whether a TIMEX3 calendar value and an event date agree to the month (or to the year, if one is a year)."""
    a, b = TimexValue.parse(value), TimexValue.parse(when)
    return a is not None and b is not None and a.agrees(b, finest="month")


def period_start(value: str | None) -> date | None:
    """The first day of an ISO date, month or year."""
    v = TimexValue.parse(value)
    return v.start() if v is not None and v.by_month and v.time is None else None


def slug_words(title: str, n: int = 6) -> list[str]:
    """The first ``n`` words of a title in lower-case ASCII ("Setúbal" → "setubal", not "set-bal")."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return _SLUG.sub("-", ascii_title.lower()).strip("-").split("-")[:n]


def _event_id(when: str | None, title: str, first: str) -> str:
    words = slug_words(title)
    slug = "-".join([when or "undated", *words]).strip("-")[:60].strip("-")
    return f"{slug}-{hashlib.sha1(first.encode()).hexdigest()[:6]}"


def _mentions(events, articles, analyses, profiles, vectors, mention_entity, article_event, copies) -> None:
    """Fill ``mentioned_in`` (and the background role) with articles that recall an event in passing.

    Only events that share a participant or place with the article are checked,
    through an index from entity keys to events, so the work grows with the
    number of shared names, not with articles × events.
    """
    row_of = {a.id: r for r, a in enumerate(articles)}
    by_id = {event["id"]: event for event in events}
    recalled: dict[int, list[str]] = defaultdict(list)
    lead = vectors.lead
    index: dict[str, set[int]] = defaultdict(set)
    signature: list[set[str]] = []
    keys_of: list[set[str]] = []
    counted: list[set[tuple[str, int]]] = []
    for e, event in enumerate(events):
        rows = [row_of[a] for a in event["articles"] if a in row_of]
        counted.append({(kind, n) for r in rows for kind, n, own in profiles[r].ordinals if own})
        weight = np.asarray(lead[rows].sum(axis=0)).ravel()
        top = np.argsort(-weight)[:SIGNATURE_TERMS]
        signature.append({str(vectors.terms[t]) for t in top if weight[t] > 0})
        keys: Counter[str] = Counter()
        for r in rows:
            keys.update(set(profiles[r].who.split()) | set(profiles[r].where.split()))
        shared = {k for k, c in keys.items() if c >= max(1.0, WHO_SHARE * len(rows))}
        keys_of.append(shared)
        for k in shared:
            index[k].add(e)
    for row, (article, analysis) in enumerate(zip(articles, analyses)):
        own = article_event.get(article.id)
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for m in analysis.mentions:
            key = mention_key(article.id, m, mention_entity)
            if key:
                by_sentence[m.sentence].add(key)
        candidates = set().union(*(index.get(k, set()) for keys in by_sentence.values() for k in keys))
        written = profiles[row].anchor
        own_counts = {(kind, n) for kind, n, mine in profiles[row].ordinals if mine}
        for e in sorted(candidates):
            event = events[e]
            if event["id"] == own:
                continue
            start = period_start(event["date"])
            if written is not None and start is not None and (start - written).days > MENTION_AHEAD_DAYS:
                continue  # written well before the event began: it cannot look back on it
            if counts_an_earlier_one(own_counts, counted[e]):
                continue  # it reports "her first visit": undated or not, it cannot look back on the second
            found, sentences = _recalls(
                analysis, by_sentence, signature[e], keys_of[e], event["date"], article.text, counted[e]
            )
            if found:
                for aid in [article.id, *sorted(copies.get(article.id, ()))]:
                    event["mentioned_in"].append(aid)
                    event["roles"][aid] = "background"
                if event["date"] is None and counted[e]:
                    own_date = by_id[own]["date"] if own in by_id else None
                    reference = written or period_start(own_date)
                    recalled[e].extend(
                        _recalled_dates(article, analysis, sentences, counted[e], reference, own_date)
                    )
    for e, event in enumerate(events):
        if event["date"] is None and recalled[e]:
            event["date"] = event_date_values(recalled[e])
            event["date_basis"] = "background" if event["date"] else None


def counts_an_earlier_one(own: set[tuple[str, int]], counted: set[tuple[str, int]]) -> bool:
    """Whether an article whose own event counts ``own`` ("her first visit": ("visit", 1)) reports an
    earlier occurrence of a kind than every count ``counted`` an event's reports give it ("second visit").

    Only the later can recall the earlier: the second visit's reports may look back on the
    first, a report of the first cannot mention the second.
    """
    for kind in {k for k, _ in own} & {k for k, _ in counted}:
        if max(n for k, n in own if k == kind) < min(n for k, n in counted if k == kind):
            return True
    return False


def event_date_values(values: Sequence[str]) -> str | None:
    """The ISO date, month or year that more than DATE_AGREEMENT of the calendar ``values`` agree on."""
    for width in (10, 7, 4):
        fine = [v[:width] for v in values if len(v) >= width]
        if fine:
            value, count = _commonest(fine)
            if count > DATE_AGREEMENT * len(values):
                return value
    return None


def _recalls(
    analysis: ArticleAnalysis, by_sentence, signature: set[str], keys: set[str], when: str | None,
    text: str = "", counted: set[tuple[str, int]] | frozenset = frozenset(),
) -> tuple[bool, list[str]]:
    """(whether a sentence of the article names the event's people or place, shares its words, and not
    another date; the calendar dates of those sentences).

    A sentence that counts the event as its reports do ("her first visit" for the first visit)
    needs only one of its words: the count says which occurrence it means.
    """
    times_by_sentence: dict[int, list[str]] = defaultdict(list)
    for t in analysis.times:
        if t.type == "DATE" and (calendar := _calendar(t.value)):
            times_by_sentence[t.sentence].append(calendar)
    found: list[int] = []
    for s, lemmas in enumerate(analysis.lemmas):
        if s < LEAD_SENTENCES and not by_sentence.get(s):
            continue
        if not by_sentence.get(s, set()) & keys:
            continue
        shared = len(set(lemmas.split()) & signature)
        if shared < MENTION_MIN_TERMS and not (shared and counted and _counts(analysis, s, text) & counted):
            continue
        here = times_by_sentence.get(s, [])
        if when and here and not any(_agree(d, when) for d in here):
            continue  # every date of the sentence is another month or year: it tells of another event
        found.append(s)
    return bool(found), found


def _counts(analysis: ArticleAnalysis, sentence: int, text: str) -> set[tuple[str, int]]:
    """The (kind, count) pairs a sentence of the article gives ("his first visit" → ("visit", 1))."""
    if not text or not 0 <= sentence < len(analysis.sentences):
        return set()
    span = analysis.sentences[sentence]
    return {(kind, n) for kind, n, _ in event_ordinals(text[span.start : span.end])}


def _recalled_dates(article, analysis, sentences, counted, reference: date | None, own_date: str | None) -> list[str]:
    """Calendar dates of the recalling ``sentences`` that count the event as its reports do ("his first visit").

    Only a sentence that counts the event is trusted to date it: another recalling
    sentence may date something else it names ("since the old government fell in December 2024").
    A yearless date ("October 15") takes the latest year that puts it before
    ``reference``: the article's date, else its own event's. Dates of the article's own
    event and dates after the reference are left out.
    """
    out = []
    for t in analysis.times:
        if t.type != "DATE" or t.sentence not in sentences or not 0 <= t.sentence < len(analysis.sentences):
            continue
        if not _counts(analysis, t.sentence, article.text) & counted:
            continue
        value = _placed(t.value, reference)
        if value and not (own_date and _agree(value, own_date)) and (reference is None or period_start(value) <= reference):
            out.append(value)
    return out


def _placed(value: str, reference: date | None) -> str | None:
    """A calendar value, a yearless one placed in the latest year before ``reference``, or None."""
    if calendar := _calendar(value):
        return calendar
    v = TimexValue.parse(value)
    if v is None or not v.by_month or v.year is not None or v.precision not in ("month", "day") or reference is None:
        return None  # not a yearless month or day ("XXXX-10", "XXXX-10-15")
    year = year_of_undated(v.month, v.day, reference, not_after=True)
    return None if year is None else str(v.with_year(year))


def _calendar(value: str) -> str | None:
    """The year, month and day a value writes, as far as it gives them ("2026-01-28T15:00" → "2026-01-28",
    "2025-Q1" → "2025"), or None without a year."""
    v = TimexValue.parse(value)
    calendar = v.calendar() if v is not None else None
    return str(calendar) if calendar is not None else None
