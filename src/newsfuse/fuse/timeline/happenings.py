"""The dated happenings a timeline is built from (one per dated verb of a report) and which of their dates agree."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from newsfuse.model import ArticleAnalysis, Dated
from newsfuse.nlp.time import TimexValue

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


def description_words(text: str) -> set[str]:
    """The words of a description (three letters or digits or more, lower-cased)."""
    return set(_WORD.findall(text.lower()))


@dataclass(slots=True)
class Happening:
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
        return not self.who and len(description_words(self.text) - _FUNCTION_WORDS) <= GENERIC_WORDS

    @property
    def fields(self) -> int:
        """How many calendar fields are known: 3 day, 2 month, 1 year, 0 none (year-less or a weekday)."""
        if self.year is None:
            return 0
        return 1 + (self.month is not None) + (self.day is not None)


@dataclass(slots=True)
class HappeningGroup:
    """The happenings merged into one timeline entry."""

    items: list[Happening] = field(default_factory=list)

    @property
    def anchor(self) -> Happening:
        """The member with the finest date, which dates the entry."""
        return finest_dated(self.items)


class DateIndex:
    """Where to look for the dates one date can agree with."""

    def __init__(self, items: list[Happening]):
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

    def partners(self, item: Happening) -> list[int]:
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


def _weekday(item: Happening) -> int:
    return date(item.year, item.month, item.day).isoweekday()


def collect_happenings(articles, analyses, duplicate_of, mention_entity) -> list[Happening]:
    """The dated happenings of every original article (copies follow their original), one per verb."""
    by_id = {a.article_id: a for a in analyses}
    items: list[Happening] = []
    for article in articles:
        analysis = by_id.get(article.id)
        if analysis is None or article.id in duplicate_of:
            continue
        seen: dict[tuple[int, int], Happening] = {}
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


def _item(article_id: str, d: Dated, analysis: ArticleAnalysis, mention_entity) -> Happening | None:
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
    return Happening(article_id, d.sentence, year, month, day, weekday, d.mod, d.text, d.trigger, d.tense,
                 frozenset(who), value)


def finest_dated(items: list[Happening]) -> Happening:
    """The member with the finest date: a known year first, then the most calendar fields."""
    return max(items, key=lambda i: (i.year is not None, i.month is not None, i.day is not None))


def dates_agree(a: Happening, b: Happening) -> bool:
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
