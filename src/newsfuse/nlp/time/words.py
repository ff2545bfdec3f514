"""The words of time expressions (units, seasons, parts of the day) and the regex pieces built from them and the lexicon."""

from __future__ import annotations

import re

from newsfuse.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    ORDINALS,
    SMALL_NUMBERS,
    TENS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
    read_number_words,
)

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# First month of each season (northern hemisphere, as TimeML assumes).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "T12:00", "noon": "T12:00", "midnight": "T24:00", "dawn": "MO", "daybreak": "MO",
}

# Quantities that say "some number of" without the number: TIMEX3 writes X.
FUZZY_QUANTITIES = (
    "several", "a few", "few", "some", "many", "a number of", "numerous", "dozens of", "hundreds of",
    "thousands of", "a couple of", "couple of", "a couple", "countless", "a handful of",
)

# Unit word → (TIMEX3 unit letter, is it a time-of-day unit written after "PT").
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "millennium": ("ML", False),
    "weekend": ("WE", False),
}
# Units not written directly in TIMEX3 durations, as multiples of one that is.
UNIT_MULTIPLES = {"DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y")}
FORTNIGHT_WEEKS = 2


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first so the longest spelling wins."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _cased(words) -> str:
    """Capitalised or all-caps spellings only: lower-case "may", "march", "sun" are other words."""
    forms = set()
    for w in words:
        forms.add(w.capitalize())
        forms.add(w.upper())
    return f"(?-i:{_alt(forms)})"


# ---------------------------------------------------------------- regex pieces
_B = r"(?<![\w'])"  # left word boundary that also refuses "'s" glue
_E = r"(?![\w])"

MONTH_FULL_RE = _cased(MONTH_NAMES)
# An abbreviation needs its period or a following day number ("Jan 5"), so "Mar" the name is not a month.
MONTH_RE = rf"(?:{MONTH_FULL_RE}|{_cased(MONTH_ABBREVIATIONS)}\.|{_cased(MONTH_ABBREVIATIONS)}(?=\s+\d))"
WEEKDAY_NAME_RE = _cased(WEEKDAY_NAMES)
WEEKDAY_RE = rf"(?:{WEEKDAY_NAME_RE}|{_cased(WEEKDAY_ABBREVIATIONS)}\.)"
DAYNUM_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[0-9]\d\d|20\d\d)"
SHORT_YEAR_RE = r"'\d\d"
SEASON_RE = _alt(SEASONS)

_UNIT_WORDS = [w for w in UNITS if w != "night"]
UNIT_RE = rf"(?:{_alt(_UNIT_WORDS)}|centuries|millennia)"
UNIT_PLURAL_RE = rf"(?:{_alt(w + 's' for w in _UNIT_WORDS if w not in ('century', 'millennium'))}|centuries|millennia)"

_SMALL = _alt(SMALL_NUMBERS)
_TENS = _alt(TENS)
NUMBER_WORD_RE = (
    rf"(?:(?:{_TENS})(?:[- ](?:{_alt(k for k in SMALL_NUMBERS if SMALL_NUMBERS[k] < 10 and k != 'zero')}))?|{_SMALL})"
    rf"(?:[- ]hundred(?:[- ](?:and[- ])?(?:{_TENS}|{_SMALL}))?|[- ]thousand)?"
)
DIGITS_RE = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
FRACTION_RE = r"(?:\d+\s+)?(?:1/2|1/4|3/4|1/3|2/3|½|¼|¾)"
NUMBER_RE = (
    rf"(?:{FRACTION_RE}|{DIGITS_RE}|(?:a\s+)?(?:{NUMBER_WORD_RE})|a\s+hundred|a\s+thousand|a\s+dozen|dozen|"
    rf"half\s+an?|an?)(?:\s+and\s+an?\s+half)?"
)
FUZZY_RE = _alt(FUZZY_QUANTITIES)
ORDINAL_RE = rf"(?:{_alt(ORDINALS)}|\d+(?:st|nd|rd|th))"


def parse_number(text: str) -> float | None:
    """The number a quantity phrase says ("two", "twenty-four", "2 1/2", "a", "half an"), or None."""
    t = text.lower().replace(",", "").strip()
    t = re.sub(r"\s+", " ", t)
    half = 0.0
    if t.endswith("and a half") or t.endswith("and an half"):
        half = 0.5
        t = t.rsplit(" and ", 1)[0].strip()
    if t in ("a", "an"):
        return 1 + half
    if t in ("half a", "half an"):
        return 0.5
    fractions = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "1/3": 1 / 3, "2/3": 2 / 3, "½": 0.5, "¼": 0.25, "¾": 0.75}
    parts = t.split()
    if parts and parts[-1] in fractions:
        whole = float(parts[0]) if len(parts) == 2 and parts[0].isdigit() else 0.0
        return whole + fractions[parts[-1]] + half
    try:
        return float(t) + half
    except ValueError:
        pass
    if t.startswith("a "):
        t = t[2:]
    words = [w for w in re.split(r"[- ]", t) if w]
    value, used = read_number_words(words)
    return None if value is None or used < len(words) else value + half


def unit_of(word: str) -> str | None:
    """The UNITS key for a unit word in any number ("centuries" → "century")."""
    w = word.lower()
    if w == "centuries":
        return "century"
    if w == "millennia":
        return "millennium"
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    return w if w in UNITS else None
