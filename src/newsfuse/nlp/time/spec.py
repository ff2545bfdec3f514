"""What a time expression says before it is anchored (Spec), and the modifier words read inside its span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.nlp.time.words import PARTS_OF_DAY


@dataclass(frozen=True, slots=True)
class Spec:
    """What a time expression says, before it is anchored to a date.

    ``value`` holds the TIMEX3 value when the words alone fix it ("P3M",
    "1998-08-07", "PRESENT_REF"). Otherwise the calendar fields the text gives
    are set and ``anchor`` says what the rest is read against: "" (the year is
    chosen from tense and the document date), "dct" (shift ``shift`` units of
    ``unit`` from the document date), or "ref" (shift from the last date the
    text mentioned). ``direction`` −1/+1 forces the past/next occurrence
    ("last April", "next Friday"); 0 lets the governing verb's tense decide.
    ``type`` "" marks a span that is *not* a time expression (an age) and
    blocks shorter matches inside it.
    """

    type: str
    value: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO, as TIMEX3 writes it: 1 (Monday) – 7 (Sunday)
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    holiday: str | None = None
    anchor: str = ""
    unit: str = ""
    shift: int = 0
    direction: int = 0
    tod: str = ""
    mod: str | None = None
    # "a year ago" in a report of quarterly results means the same quarter a year before.
    follow_ref_grain: bool = False
    # Write the result at this grain instead ("the weekend": the week of the chosen Saturday).
    grain: str = ""
    # "a year earlier": counted from a date mentioned close by, else from the document date.
    near_ref: bool = False



# ---------------------------------------------------------------- modifiers
# Quantity modifiers written inside the TIMEX3 span. "about", "over", "under" and "within" stay
# outside, as TimeBank and AQUAINT annotate them (they are as often prepositions).
_MOD_WORDS = {
    "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "an estimated": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "barely": "LESS_THAN", "more than": "MORE_THAN",
    "slightly more than": "MORE_THAN", "slightly less than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}
MOD_RE = "|".join(sorted((w.replace(" ", r"\s+") for w in _MOD_WORDS), key=len, reverse=True))
_POSITION_WORDS = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "the first half of": "START", "the dawn of": "START", "mid": "MID", "the middle of": "MID",
    "the mid": "MID", "late": "END", "later": "END", "the end of": "END", "the close of": "END",
    "the second half of": "END", "the latter half of": "END", "the last half of": "END",
}
POSITION_RE = "|".join(sorted((w.replace(" ", r"\s+") for w in _POSITION_WORDS), key=len, reverse=True))
PART_OF_DAY_RE = r"morning|afternoon|evening|night|overnight"


def mod_of(text: str | None) -> str | None:
    if not text:
        return None
    return _MOD_WORDS.get(re.sub(r"\s+", " ", text.lower()))


def position_of(text: str | None) -> str | None:
    if not text:
        return None
    return _POSITION_WORDS.get(re.sub(r"[\s-]+", " ", text.lower()).strip())


def part_of_day(text: str | None) -> str:
    """TIMEX3 part-of-day suffix ("TMO", "T12:00") for a part-of-day word."""
    if not text:
        return ""
    code = PARTS_OF_DAY[text.lower()]
    return code if code.startswith("T") else "T" + code


def year_of(text: str | None) -> int | None:
    if not text:
        return None
    t = text.strip().lstrip("'")
    if len(t) == 2:  # '98 → 1998; '05 → 2005 (news of the last century or this one)
        n = int(t)
        return 2000 + n if n < 50 else 1900 + n
    return int(t)


_PHRASE_END = re.compile(r"\s*(?:[.,;:)!?\"'”’—–]|$|\n|(?:and|but|or|when|as|while)\b)")


def ends_phrase(text: str, pos: int) -> bool:
    """Whether "before"/"after" at ``pos`` stands alone ("two days later", not "two days before the vote")."""
    return bool(_PHRASE_END.match(text, pos))
