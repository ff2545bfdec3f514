"""Inferring a report's own date from its text when metadata gives none, conservatively."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from newsfuse.model import ArticleAnalysis, TimeValue
from newsfuse.lexicon import FUTURE_WORDS, WEEKDAY_NAMES
from newsfuse.nlp.time.anchor import FUTURE, PAST
from newsfuse.nlp.time.value import TimexValue

# A date this close to the start is a dateline or header ("MOSCOW, Jan. 28, 2026 (Reuters) -").
DATELINE_CHARS = 300
# A full date stated in one of the first sentences, in the past or present tense, and later
# than every other full date in the text, is the day being reported.
LEAD_SENTENCES = 3
# Words that make a date one still to come, so the report was written before it.
_FUTURE = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(FUTURE_WORDS)))}|to be held)\b", re.I)
# A date right after one of these words bounds the time reported rather than naming it
# ("no rain since a storm on Sept. 18, 2025", "closed until March 3, 2026", "the year ending
# June 30, 1990", "debentures due March 1, 2011"): it is not the day being reported.
_BOUND = re.compile(
    r"\b(?:since|until|till|before|after|from|through|between|by|due|ending|ended|expir(?:es|ing|ed)|"
    r"matur(?:es|ing|ed))\s+(?:(?:a|an|the|its|their|his|her)\s+)?"
    r"(?:\w+\s+){0,2}?(?:on\s+|of\s+)?$",
    re.I,
)


def _stamped(words: str) -> re.Pattern:
    """A page's stamp ending right before a date: one of ``words``, then at most three words."""
    return re.compile(rf"\b(?:{words})\b\W*(?:\w+\W+){{0,3}}$", re.I)


# A date a page marks as a revision ("Updated: Monday, July 7, 2014 6:44 PM") may lie long after
# publication (ingest's header dates skip it too, see ingest.meta.header_date).
_REVISION = _stamped("updated|modified|edited|revised|corrected")
# A lead date told in the past tense is an event's ("was shot on Tuesday, July 26, 2016"), which
# the report may follow by days, unless the page says it is the posting date.
_POSTED = _stamped("posted|published|released|issued|dated|filed")
# What stands before the date in a dateline: a place in capitals or a short capitalised name,
# then a comma ("MOSCOW, ", "New York, ").
_PLACE = re.compile(r"\s*(?:[A-Z][A-Z .'-]+|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s*")
# A weekday named without a date ("on Wednesday") is at most this many days before or after
# the report: the next or the last one.
WEEKDAY_WINDOW_DAYS = 6


def infer_published(text: str, times: Sequence[TimeValue],
                    tenses: Sequence[str | None] | None = None) -> tuple[str | None, str]:
    """The publication date the text itself gives, as (ISO date, basis), or (None, "").

    Two readings, both conservative:
    1. "dateline": a full date near the start, at the start of a line or after a place name;
    2. "text": the latest full date of the report, stated in one of its first sentences and
       not as something to come ("will meet on January 28, 2026") nor as a bound ("since a
       storm on Sept. 18, 2025") or a revision ("Updated: July 7, 2014"), and, when ``tenses``
       (the governing verb's tense of each time) are given, not as a past event ("was shot on
       Tuesday, July 26, 2016") unless the page marks it as the posting date ("Posted: ...").
    Anything less certain is undecided: (None, "").
    """
    day, basis = reference_date(text, times, tenses)
    return (day, basis) if basis in ("dateline", "text") else (None, "")


def reference_date(text: str, times: Sequence[TimeValue],
                   tenses: Sequence[str | None] | None = None) -> tuple[str | None, str]:
    """The day the report's relative times count from, as (ISO date, basis), or (None, "").

    The publication date of :func:`infer_published` ("dateline" or "text"), else the lead's
    latest full date told as a past event (basis "event"): the report follows it by days, which
    leaves "in October" or "last year" unchanged, but it is not the report's date.
    """
    tense_at = {id(t): tense for t, tense in zip(times, tenses)} if tenses is not None else {}
    full = [(t, day) for t in times if t.type in ("DATE", "TIME") and (day := _valid_day(t))]
    if not full:
        return None, ""
    latest = max(day for _, day in full)
    # 1. dateline
    for t, day in full:
        if t.start >= DATELINE_CHARS:
            continue
        before = text[text.rfind("\n", 0, t.start) + 1 : t.start]
        if day == latest and (not before.strip() or _PLACE.fullmatch(before)):
            return day.isoformat(), "dateline"
    # 2. the lead's latest date
    for t, day in full:
        if day != latest or not (0 <= t.sentence < LEAD_SENTENCES):
            continue
        start = max(text.rfind(".", 0, t.start), text.rfind("\n", 0, t.start)) + 1
        before = text[start : t.start]
        if _FUTURE.search(before) or _BOUND.search(before) or _REVISION.search(before):
            continue
        if tense_at.get(id(t)) == PAST and not _POSTED.search(before):
            return day.isoformat(), "event"
        return day.isoformat(), "text"
    return None, ""


def _valid_day(t: TimeValue) -> date | None:
    """The real calendar day ``t`` names, written by month, when the weekday the text may name agrees with it."""
    v = TimexValue.parse(t.value)
    if v is None or v.year is None or not v.has_calendar_day or (d := v.date) is None:
        return None
    named = next((n for w, n in WEEKDAY_NAMES.items() if w in t.text.lower()), None)
    return d if named is None or named == d.weekday() else None


def published_from_analysis(analysis: ArticleAnalysis) -> tuple[str | None, str]:
    """The report's date from what its analysis found, as (ISO date at its precision, basis).

    1. the date its text gives itself (:func:`infer_published`, found while anchoring its
       times, so its relative times are already anchored to it);
    2. else the month a lead weekday pins it to: "will hold talks on Wednesday" when the
       latest day the text gives (written or worked out, such as "the day before he marks
       his first year in office") is a Wednesday in the same tense. A report is written at
       most WEEKDAY_WINDOW_DAYS before a coming weekday, or after a past one, so the month is
       given when that week does not straddle two months; the day is not.
    Anything less certain is (None, "").
    """
    if analysis.text_date:
        return analysis.text_date, analysis.text_date_basis or "text"
    return _month_from_weekday(analysis)


def _month_from_weekday(analysis: ArticleAnalysis) -> tuple[str | None, str]:
    days = [(day, d) for d in analysis.dated if (day := _calendar_day(d.value)) is not None]
    stated = [day for t in analysis.times if (day := _valid_day(t)) is not None]
    if not days:
        return None, ""
    latest = max(day for day, _ in days)
    if stated and max(stated) > latest:
        return None, ""
    tenses = {d.tense for day, d in days if day == latest}
    if len(tenses) != 1 or tenses <= {None, "present"}:
        return None, ""
    tense = tenses.pop()
    weekdays = [
        d for d in analysis.dated
        if d.time >= 0 and 0 <= d.sentence < LEAD_SENTENCES and (v := TimexValue.parse(d.value)) is not None
        and v.bare_weekday and v.precision == "day" and v.weekday == latest.isoweekday() and d.tense == tense
    ]
    if not weekdays:
        return None, ""
    first, last = (latest - timedelta(days=WEEKDAY_WINDOW_DAYS), latest) if tense == FUTURE else (
        latest, latest + timedelta(days=WEEKDAY_WINDOW_DAYS))
    if (first.year, first.month) != (last.year, last.month):
        return None, ""
    return f"{latest.year:04d}-{latest.month:02d}", "text"


def _calendar_day(value: str) -> date | None:
    """The real day a value writes by year, month and day ("2026-01-28", "2026-01-28T15:00"), else None."""
    v = TimexValue.parse(value)
    return v.date if v is not None and v.has_calendar_day else None
