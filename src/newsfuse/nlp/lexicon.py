"""The English words newsfuse reads by: months, weekdays, titles and roles, status words and numbers.

Every word list the pipeline matches text against that only holds for English
lives here, and so does the one reader of numbers written in words; the rest of
the code imports these names instead of spelling the words again. Another
language would get a module of its own with the same names (its months, its
weekdays numbered Monday = 0, its titles, its number words and reader), chosen
by the article's language where the lists are used. The vocabulary of time
expressions that is not a calendar name (units, seasons, parts of the day)
stays beside its regexes in ``nlp/time/words.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# ---------------------------------------------------------------- calendar
MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# "May" has no shorter spelling.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Every spelling of a month, name or abbreviation, and its number (January = 1).
MONTH_WORDS = {**MONTH_NAMES, **MONTH_ABBREVIATIONS}

# Weekdays numbered as ``datetime.date.weekday()`` does: Monday = 0 … Sunday = 6. TIMEX3 values
# write ISO numbers (Monday = 1); code that reads or writes those adds one where it does.
WEEKDAY_NAMES = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
WEEKDAY_WORDS = {**WEEKDAY_NAMES, **WEEKDAY_ABBREVIATIONS}

# ---------------------------------------------------------------- numbers
SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}
DOZEN = 12
# Words that add their value where they stand ("twenty" "five"); "dozen" multiplies the count
# before it ("two dozen" 24, "a dozen" 12).
NUMBER_WORDS = {**SMALL_NUMBERS, **TENS, "dozen": DOZEN, "half": 0.5}
# Words that multiply what comes before them ("five hundred", "2.5 million"); first, they are
# the number itself ("a thousand").
SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Short scales written after digits ("€4m", "$3bn", "10k").
SCALE_ABBREVIATIONS = {"m": 1e6, "bn": 1e9, "k": 1e3}
_MULTIPLIERS = {**SCALE_WORDS, **SCALE_ABBREVIATIONS}
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)


def month_number(word: str) -> int | None:
    """1–12 for a month name or abbreviation ("Sept." → 9), or None."""
    return MONTH_WORDS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """0 (Monday) – 6 (Sunday) for a weekday name, abbreviation or plural ("Tuesdays", "Thurs."), or None."""
    w = word.lower().rstrip(".")
    w = w[:-2] if w.endswith("'s") else w
    w = w[:-1] if w.endswith("s") and w[:-1] in WEEKDAY_NAMES else w
    return WEEKDAY_WORDS.get(w)


def ordinal_number(word: str) -> int | None:
    """The number an ordinal says ("twentieth" → 20, "21st" → 21), or None."""
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w)
    return int(m.group(1)) if m else None


def read_number_words(words: Sequence[str]) -> tuple[float | None, int]:
    """The number the lower-case ``words`` spell from their first one, and how many words it took.

    "twenty four", "two hundred and five", "three million"; (None, 0) when the first word is no
    number word (an article before it is the caller's to skip). A scale word first ("thousand") is that number alone; "and" joins
    only after a scale ("two hundred and five"), so "two and three" stops after "two".
    """
    if not words:
        return None, 0
    if words[0] in SCALE_WORDS:
        return SCALE_WORDS[words[0]], 1
    if words[0] not in NUMBER_WORDS:
        return None, 0
    total = current = 0.0
    k = 0
    while k < len(words):
        w = words[k]
        if w == "dozen":
            current = max(current, 1) * DOZEN
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
        elif w == "hundred":
            current *= SCALE_WORDS[w]
        elif w in SCALE_WORDS:
            total += current * SCALE_WORDS[w]
            current = 0.0
        elif (w == "and" and words[k - 1] in SCALE_WORDS and k + 1 < len(words)
              and (words[k + 1] in SMALL_NUMBERS or words[k + 1] in TENS)):
            pass
        else:
            break
        k += 1
    return total + current, k


def read_number(text: str, ordinal: bool = False) -> float | None:
    """The value of a written number: "12,400", "4.2 million", "two million", "a dozen", "second", "3rd",
    "68 percent", or None when it holds none ("several").

    Words before the number are passed over ("some two million"); after it, any scale word or
    abbreviation multiplies it ("2.5 million", "€4m"). With ``ordinal``, or when its last word
    is an ordinal, it is read as one.
    """
    low = text.lower().replace("-", " ")
    words = low.split()
    if ordinal or (words and (words[-1] in ORDINALS or _ORDINAL_DIGITS.match(words[-1]))):
        last = words[-1] if words else ""
        m = _ORDINAL_DIGITS.match(last)
        if m:
            return float(m.group(1))
        return float(ORDINALS[last]) if last in ORDINALS else None
    value: float | None = None
    rest: list[str] = []
    if m := _DIGITS.search(low):
        value = float(m.group(0).replace(",", ""))
        rest = low[m.end() :].split()
    else:
        for k, w in enumerate(words):
            if w in NUMBER_WORDS or w in SCALE_WORDS:
                value, n = read_number_words(words[k:])
                rest = words[k + n :]
                break
    if value is None:
        return None
    for w in rest:
        if w in _MULTIPLIERS:
            value *= _MULTIPLIERS[w]
    return value
