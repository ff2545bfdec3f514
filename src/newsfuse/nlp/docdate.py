"""Inferring a report's own date from its text when metadata gives none, conservatively."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from newsfuse.model import TimeValue

# A date this close to the start is a dateline or header ("MOSCOW, Jan. 28, 2026 (Reuters) -").
DATELINE_CHARS = 300
# A full date stated in one of the first sentences, in the past or present tense, and later
# than every other full date in the text, is the day being reported.
LEAD_SENTENCES = 3
_DAY = re.compile(r"\d{4}-\d\d-\d\d$")
# Words that make a date one still to come, so the report was written before it.
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|to be held|is set to|are set to|is due to|are due to|scheduled|plans? to|"
    r"expected to|upcoming|next)\b",
    re.I,
)
# What stands before the date in a dateline: a place in capitals or a short capitalised name,
# then a comma ("MOSCOW, ", "New York, ").
_PLACE = re.compile(r"\s*(?:[A-Z][A-Z .'-]+|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s*")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def infer_published(text: str, times: Sequence[TimeValue]) -> tuple[str | None, str]:
    """The publication date the text itself gives, as (ISO date, basis), or (None, "").

    Two readings, both conservative:
    1. "dateline": a full date near the start, at the start of a line or after a place name;
    2. "text": the latest full date of the report, stated in one of its first sentences and
       not as something to come ("met ... on Wednesday, January 28, 2026").
    Anything less certain is undecided: (None, "").
    """
    full = [t for t in times if t.type in ("DATE", "TIME") and _DAY.match(t.value[:10]) and _valid(t)]
    if not full:
        return None, ""
    latest = max(t.value[:10] for t in full)
    # 1. dateline
    for t in full:
        if t.start >= DATELINE_CHARS:
            continue
        before = text[text.rfind("\n", 0, t.start) + 1 : t.start]
        if t.value[:10] == latest and (not before.strip() or _PLACE.fullmatch(before)):
            return t.value[:10], "dateline"
    # 2. the lead's latest date
    for t in full:
        if t.value[:10] != latest or not (0 <= t.sentence < LEAD_SENTENCES):
            continue
        start = max(text.rfind(".", 0, t.start), text.rfind("\n", 0, t.start)) + 1
        if _FUTURE.search(text[start : t.start]):
            continue
        return t.value[:10], "text"
    return None, ""


def _valid(t: TimeValue) -> bool:
    """A real calendar day whose weekday, if the text names one, agrees with it."""
    try:
        d = date.fromisoformat(t.value[:10])
    except ValueError:
        return False
    named = next((i for i, w in enumerate(_WEEKDAYS) if w in t.text.lower()), None)
    return named is None or named == d.weekday()
