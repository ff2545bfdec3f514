"""Time-expression patterns: find candidate spans in text and read what each one says, before anchoring."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from newsfuse.nlp.timex_words import (
    DAYNUM_RE,
    FORTNIGHT_WEEKS,
    FUZZY_RE,
    MONTH_ABBREVS,
    MONTH_FULL_RE,
    MONTHS,
    MONTH_RE,
    NUMBER_RE,
    NUMBER_WORD_RE,
    ORDINAL_RE,
    PARTS_OF_DAY,
    SEASON_RE,
    SEASONS,
    SMALL_NUMBERS,
    TENS,
    UNIT_MULTIPLES,
    UNIT_PLURAL_RE,
    UNIT_RE,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    month_number,
    ordinal_number,
    parse_number,
    unit_of,
    weekday_number,
)


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
    weekday: int | None = None
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
    # A bare weekday/month/holiday whose year or week the tense must decide.
    needs_tense: bool = False
    # Write the result at this grain instead ("the weekend": the week of the chosen Saturday).
    grain: str = ""
    # "a year earlier": counted from a date mentioned close by, else from the document date.
    near_ref: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    spec: Spec
    priority: int = 0
    rule: str = ""  # the pattern that found it, for diagnostics


_Handler = Callable[[re.Match, str], Spec | None]

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
_MOD_RE = "|".join(sorted((w.replace(" ", r"\s+") for w in _MOD_WORDS), key=len, reverse=True))
_POSITION_WORDS = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "the first half of": "START", "the dawn of": "START", "mid": "MID", "the middle of": "MID",
    "the mid": "MID", "late": "END", "later": "END", "the end of": "END", "the close of": "END",
    "the second half of": "END", "the latter half of": "END", "the last half of": "END",
}
_POS_RE = "|".join(sorted((w.replace(" ", r"\s+") for w in _POSITION_WORDS), key=len, reverse=True))
_POD_RE = r"morning|afternoon|evening|night|overnight"


def _mod(text: str | None) -> str | None:
    if not text:
        return None
    return _MOD_WORDS.get(re.sub(r"\s+", " ", text.lower()))


def _position(text: str | None) -> str | None:
    if not text:
        return None
    return _POSITION_WORDS.get(re.sub(r"[\s-]+", " ", text.lower()).strip())


def _pod(text: str | None) -> str:
    """TIMEX3 part-of-day suffix ("TMO", "T12:00") for a part-of-day word."""
    if not text:
        return ""
    code = PARTS_OF_DAY[text.lower()]
    return code if code.startswith("T") else "T" + code


def _year(text: str | None) -> int | None:
    if not text:
        return None
    t = text.strip().lstrip("'")
    if len(t) == 2:  # '98 → 1998; '05 → 2005 (news of the last century or this one)
        n = int(t)
        return 2000 + n if n < 50 else 1900 + n
    return int(t)


# ---------------------------------------------------------------- durations
def duration_value(number: float | None, unit: str) -> str:
    """TIMEX3 duration for ``number`` (None = unknown) of a UNITS key: "P3M", "PT2H", "PXY"."""
    letter, is_time = UNITS[unit]
    if unit == "fortnight":
        number = None if number is None else number * FORTNIGHT_WEEKS
    if letter in UNIT_MULTIPLES:
        factor, letter = UNIT_MULTIPLES[letter]
        number = None if number is None else number * factor
    if letter == "WE":
        return "PXWE" if number is None else f"P{_num(number)}WE"
    prefix = "PT" if is_time else "P"
    if number is None:
        return f"{prefix}X{letter}"
    whole = int(number)
    frac = number - whole
    if frac < 1e-9:
        return f"{prefix}{whole}{letter}"
    # A fraction goes down one unit: 2 1/2 years → P2Y6M, 5 1/2 hours → PT5H30M.
    sub = {"Y": (12, "M", False), "M": (30, "D", False), "W": (7, "D", False), "D": (24, "H", True),
           "H": (60, "M", True), "Q": (3, "M", False)}.get(letter)
    if sub is None or (letter == "M" and is_time):
        sub = (60, "S", True) if is_time else None
    if sub is None:
        return f"{prefix}{_num(number)}{letter}"
    n_sub, l_sub, sub_time = sub
    parts = round(frac * n_sub)
    head = f"{whole}{letter}" if whole else ""
    if sub_time and not is_time:
        return f"P{head}T{parts}{l_sub}"
    return f"{prefix}{head}{parts}{l_sub}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _quantity(text: str) -> tuple[float | None, str | None]:
    """(number or None when vague, mod implied) for a quantity phrase."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if re.fullmatch(FUZZY_RE, t, re.I):
        if "couple" in t:
            return 2, "APPROX"
        return None, None
    return parse_number(t), None


# ---------------------------------------------------------------- handlers
def _h_full_date(m: re.Match, text: str) -> Spec | None:
    month = month_number(m["mon"])
    day = int(re.match(r"\d+", m["day"]).group())
    year = _year(m["year"])
    if month is None or not 1 <= day <= 31:
        return None
    weekday = weekday_number(m["wd"]) if m["wd"] else None
    if year is not None:
        return Spec("DATE", value=f"{year:04d}-{month:02d}-{day:02d}")
    rel = (m.groupdict().get("rel") or "").lower()
    if rel:
        return Spec("DATE", month=month, day=day, weekday=weekday, anchor="dct",
                    direction=-1 if "last" in rel or "past" in rel else 1)
    return Spec("DATE", month=month, day=day, weekday=weekday, needs_tense=True)


def _h_numeric_date(m: re.Match, text: str) -> Spec | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
    # Slashes are month/day in US news, dots day.month elsewhere; an impossible month swaps them.
    month, day = (a, b) if m["sep"] == "/" else (b, a)
    if month > 12:
        month, day = day, month
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Spec("DATE", value=f"{year:04d}-{month:02d}-{day:02d}")


def _h_iso(m: re.Match, text: str) -> Spec | None:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if m["h"]:
        return Spec("TIME", value=f"{y:04d}-{mo:02d}-{d:02d}T{m['h']}:{m['mi']}")
    return Spec("DATE", value=f"{y:04d}-{mo:02d}-{d:02d}")


def _h_month_year(m: re.Match, text: str) -> Spec | None:
    month = month_number(m["mon"])
    mod = _position(m["pre"])
    if m["year"]:
        return Spec("DATE", value=f"{_year(m['year']):04d}-{month:02d}", mod=mod)
    rel = re.sub(r"\s+", " ", m["yrel"].lower())
    shift = {"this": 0, "last": -1, "next": 1}[rel]
    return Spec("DATE", month=month, anchor="dct", unit="Y", shift=shift, mod=mod)


_MONTH_CONTEXT_RE = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|from|to|of|during|before|after|between|and|or|each|every|"
    r"last|next|this|late|early|mid|end|around|for|on|until|starting|ending|as of|in early|in late)"
    r"[\s-]+|[-–])$",
    re.I,
)


def _h_month(m: re.Match, text: str) -> Spec | None:
    month = month_number(m["mon"])
    mod = _position(m["pre"])
    rel = m["rel"].lower().split()[-1] if m["rel"] else ""
    if not (m["pre"] or m["rel"]) and re.search(r"\bthe\s+$", text[max(0, m.start() - 5) : m.start()]):
        return None  # "the March for Life": a name
    # "May" is also a verb: alone it needs a preposition or a modifier before it.
    if m["mon"].lower() == "may" and not (m["pre"] or m["rel"]):
        if not _MONTH_CONTEXT_RE.search(text[max(0, m.start() - 12) : m.start()]):
            return None
    if rel in ("last", "past"):
        return Spec("DATE", month=month, anchor="dct", direction=-1, mod=mod)
    if rel in ("next", "coming"):
        return Spec("DATE", month=month, anchor="dct", direction=1, mod=mod)
    if rel == "this":
        return Spec("DATE", month=month, anchor="dct", unit="Y", shift=0, mod=mod)
    return Spec("DATE", month=month, needs_tense=True, mod=mod)


def _h_year(m: re.Match, text: str) -> Spec | None:
    year = _year(m["year"])
    pre = (m["pre"] or "").lower()
    mod = _position(pre)
    if pre.startswith("post"):
        mod = "AFTER"
    elif pre.startswith("pre"):
        mod = "BEFORE"
    tail = (m["tail"] or "").lower()
    if "beyond" in tail or "later" in tail or "after" in tail:
        mod = "ON_OR_AFTER"
    elif "earlier" in tail or "before" in tail:
        mod = "ON_OR_BEFORE"
    return Spec("DATE", value=f"{year:04d}", mod=mod)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _h_decade(m: re.Match, text: str) -> Spec | None:
    d = m["dec"].lower()
    mod = _position(m["pre"])
    if d in _DECADE_WORDS:
        return Spec("DATE", value=f"19{_DECADE_WORDS[d]}X", mod=mod)
    digits = d.rstrip("s").lstrip("'")
    if len(digits) == 2:
        century = "20" if int(digits) < 30 else "19"
        return Spec("DATE", value=f"{century}{digits[0]}X", mod=mod)
    return Spec("DATE", value=f"{digits[:3]}X", mod=mod)


def _h_century(m: re.Match, text: str) -> Spec | None:
    n = ordinal_number(m["ord"])
    if not n or n > 21:
        return None
    return Spec("DATE", value=f"{n - 1:02d}", mod=_position(m["pre"]))


def _h_spoken_year(m: re.Match, text: str) -> Spec | None:
    head = {"nineteen": 19, "twenty": 20}[m["c"].lower()]
    rest = parse_number(m["r"]) if m["r"] else None
    if rest is None or not 0 <= rest < 100:
        return None
    value = f"{head}{int(rest):02d}"
    if m["mon"]:
        return Spec("DATE", value=f"{value}-{month_number(m['mon']):02d}")
    return Spec("DATE", value=value)


_QUARTER_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _h_quarter(m: re.Match, text: str) -> Spec | None:
    words = re.sub(r"[\s-]+", " ", m.group().lower().replace("'s", " 's")).split()
    unit_word = m["unit"].lower()
    unit = "H" if unit_word == "half" else "Q"
    if m["pl"]:
        return None
    if unit_word == "period":
        return _period(words)
    n = next((_QUARTER_ORD[w] for w in words if w in _QUARTER_ORD), None)
    if unit == "H":
        if n is None and ("last" in words or "latter" in words or "back" in words):
            n = 2
        if n is None or n > 2:
            return None
    years = [int(w) for w in words if re.fullmatch(YEAR_RE, w)]
    field = {"quarter": n} if unit == "Q" else {"half": n}
    joined = " ".join(words)
    if years:
        if n is None:
            return None
        return Spec("DATE", year=years[0], **field)
    year_back = any(k in joined for k in ("year ago", "year earlier", "year-ago", "comparable", "corresponding",
                                           "last year", "prior year", "previous year", "year before"))
    this_year = "this year" in joined or "current year" in joined
    next_year = "next year" in joined
    if n is not None:
        if this_year:
            return Spec("DATE", anchor="dct", unit="Y", shift=0, **field)
        if next_year:
            return Spec("DATE", anchor="dct", unit="Y", shift=1, **field)
        if year_back and ("last year" in joined or "previous year" in joined or "prior year" in joined):
            return Spec("DATE", anchor="dct", unit="Y", shift=-1, **field)
        if year_back:
            return Spec("DATE", anchor="ref", unit="Y", shift=-1, **field)
        if "fiscal" in words:
            # Fiscal quarters are not calendar ones; reports label them with the current year.
            return Spec("DATE", anchor="dct", unit="Y", shift=0, **field)
        return Spec("DATE", needs_tense=True, **field)
    # No ordinal: the quarter the text is talking about ("the latest quarter"), or one a year before it.
    per_year = 4 if unit == "Q" else 2
    first = words[0]
    if year_back:
        return Spec("DATE", anchor="ref", unit=unit, shift=-per_year)
    if first in ("this", "current") or "current" in words:
        return Spec("DATE", anchor="dct", unit=unit, shift=0)
    if first in ("next", "coming") or "coming" in words or "next" in words:
        return Spec("DATE", anchor="dct", unit=unit, shift=1)
    if first in ("the", "that", "its", "their", "same", "latest", "last", "past", "previous", "preceding",
                 "recent", "most"):
        return Spec("DATE", anchor="ref", unit=unit, shift=0)
    return None


_PERIOD_MARKERS = ("latest", "year ago", "year earlier", "comparable", "corresponding", "same", "year-ago",
                   "year-earlier")


def _period(words: list[str]) -> Spec | None:
    """'the latest period', 'the year-earlier period', 'the 1988 period': the quarter being reported."""
    joined = " ".join(words)
    if any(k in joined for k in ("year ago", "year earlier", "comparable", "corresponding")):
        return Spec("DATE", anchor="ref", unit="Q", shift=-4)
    years = [int(w) for w in words if re.fullmatch(YEAR_RE, w)]
    if years:
        return Spec("DATE", anchor="ref", unit="Q", shift=0, year=years[0])
    if "latest" in words or "same" in words:
        return Spec("DATE", anchor="ref", unit="Q", shift=0)
    return None


def _h_season(m: re.Match, text: str) -> Spec | None:
    season = SEASONS[m["s"].lower()]
    mod = _position(m["pre"])
    year = _year(m["y1"] or m["y2"])
    if year is not None:
        return Spec("DATE", value=f"{year:04d}-{season}", mod=mod)
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if not rel and not mod:
        if not re.search(r"\b(?:in|during|by|until|through|since|this|last|next|early|late)\s+$",
                         text[max(0, m.start() - 10) : m.start()], re.I):
            return None
    if rel == "the" and re.match(r"\s+of\s+(?!\d)", text[m.end() : m.end() + 6]):
        return None  # "the fall of the wall"
    if rel in ("last", "this past", "past"):
        return Spec("DATE", season=season, anchor="dct", direction=-1, mod=mod)
    if rel in ("next", "this coming", "coming"):
        return Spec("DATE", season=season, anchor="dct", direction=1, mod=mod)
    if rel == "this":
        return Spec("DATE", season=season, anchor="dct", unit="Y", shift=0, mod=mod)
    if rel == "that":
        return Spec("DATE", season=season, anchor="ref", unit="Y", shift=0, mod=mod)
    return Spec("DATE", season=season, needs_tense=True, mod=mod)


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _h_day_word(m: re.Match, text: str) -> Spec | None:
    w = m["w"].lower()
    shift = _DAY_WORDS[w]
    if m["both"]:
        shift = -2 if "yesterday" in m["both"].lower() else 2
    mod = _position(m["pre"])
    tod = _pod(m["pod"]) if m["pod"] else ("TNI" if w == "tonight" else "")
    return Spec("TIME" if tod else "DATE", anchor="dct", unit="D", shift=shift, tod=tod, mod=mod)


_DCT_RELS = {"this": 0, "current": 0, "last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1,
             "this coming": 1, "the coming": 1, "the past": -1, "the last": -1, "the current": 0,
             "the present": 0, "the upcoming": 1, "upcoming": 1}
_REF_RELS = {"previous": -1, "preceding": -1, "prior": -1, "following": 1, "next": 1, "same": 0, "that": 0,
             "the previous": -1, "the preceding": -1, "the prior": -1, "the following": 1, "the next": 1,
             "the same": 0, "that same": 0, "the very same": 0, "this same": 0, "the ensuing": 1, "the subsequent": 1}
_UNIT_LETTER = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
                "day": "D", "quarter": "Q", "fiscal year": "Y", "morning": "D", "afternoon": "D",
                "evening": "D", "night": "D", "season": "SE"}


def _h_rel_unit(m: re.Match, text: str) -> Spec | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit_word = re.sub(r"\s+", " ", m["unit"].lower())
    unit = _UNIT_LETTER[unit_word]
    mod = _position(m["pre"])
    tod = _pod(unit_word) if unit_word in PARTS_OF_DAY else ""
    if unit == "DE" and rel in ("the past", "the last", "past", "last"):
        return Spec("DURATION", value="P10Y", mod=mod)
    if rel in _DCT_RELS and not (rel in ("next",) and m["the"]):
        shift = _DCT_RELS[rel]
        if unit == "D":
            if rel not in ("this", "last") or not tod:
                return None
            # "this morning" is today's; "last night" yesterday's.
            shift = -1 if rel == "last" else 0
        return Spec("TIME" if tod else "DATE", anchor="dct", unit=unit, shift=shift, tod=tod, mod=mod)
    key = ("the " + rel) if m["the"] else rel
    shift = _REF_RELS.get(key, _REF_RELS.get(rel))
    if shift is None:
        return None
    return Spec("TIME" if tod else "DATE", anchor="ref", unit=unit, shift=shift, tod=tod, mod=mod)


def _h_pos_unit(m: re.Match, text: str) -> Spec | None:
    """'the end of the year': a position in the current unit."""
    unit = _UNIT_LETTER[re.sub(r"\s+", " ", m["unit"].lower())]
    return Spec("DATE", anchor="dct", unit=unit, shift=0, mod=_position(m["pre"]))


def _h_unit_before(m: re.Match, text: str) -> Spec | None:
    """'the day before', 'a week later' without a number: one unit from the reference date."""
    unit = _UNIT_LETTER[m["unit"].lower()]
    d = m["dir"].lower()
    shift = -1 if d in ("before", "earlier", "prior") else 1
    if d in ("before", "after") and not _ends_phrase(text, m.end()):
        return None  # "the day before the vote" is anchored to an event, not to a date we know
    return Spec("DATE", anchor="ref", unit=unit, shift=shift)


_PHRASE_END = re.compile(r"\s*(?:[.,;:)!?\"'”’—–]|$|\n|(?:and|but|or|when|as|while)\b)")


def _ends_phrase(text: str, pos: int) -> bool:
    """Whether "before"/"after" at ``pos`` stands alone ("two days later", not "two days before the vote")."""
    return bool(_PHRASE_END.match(text, pos))


def _h_ago(m: re.Match, text: str) -> Spec | None:
    unit = unit_of(m["unit"])
    if unit is None:
        return None
    d = re.sub(r"\s+", " ", m["dir"].lower())
    if d in ("before", "after") and not _ends_phrase(text, m.end()):
        return None  # "two days before the vote": the duration rule takes it
    number, implied = _quantity(m["num"]) if m["num"] else (None, None)
    mod = _mod(m["mod"]) or implied
    if m["orso"]:
        mod = "APPROX"
    if mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        mod = "BEFORE" if d in ("ago", "earlier", "before", "back", "prior") else "AFTER"
    letter, is_time = UNITS[unit]
    sign = -1 if d in ("ago", "earlier", "before", "back", "prior") else 1
    anchor = "dct" if d in ("ago", "back", "from now", "hence") else "ref"
    if number is None:
        return Spec("DATE", value="PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod)
    n = number
    if letter in UNIT_MULTIPLES:
        factor, letter = UNIT_MULTIPLES[letter]
        n = number * factor
    if unit == "fortnight":
        n = number * FORTNIGHT_WEEKS
    if not float(n).is_integer():
        return Spec("DATE", value="PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod)
    if is_time:
        return Spec("TIME", anchor=anchor, unit="T" + letter, shift=sign * int(n), mod=mod)
    return Spec("DATE", anchor=anchor, unit=letter, shift=sign * int(n), mod=mod,
                follow_ref_grain=(letter == "Y" and int(n) == 1), near_ref=anchor == "ref")


_DURATION_FILLERS = r"(?:more|additional|straight|consecutive|full|long|short|trading|business|working|calendar|extra|whole|entire|further|school|fiscal)"


def _h_duration(m: re.Match, text: str) -> Spec | None:
    unit = unit_of(m["unit"])
    if unit is None:
        return None
    number, implied = _quantity(m["num"])
    if number is not None and number <= 0:
        return None
    if m["half"] and number is not None:
        number += 0.5
    if unit == "quarter" and "-" in m.group():
        return None  # "three-quarters" is a fraction
    if unit == "second" and m["num"].lower() in ("a", "an") and re.match(r"\s+[a-z]", text[m.end() : m.end() + 3]):
        return None  # "a second term": the ordinal
    mod = _mod(m["mod"]) or implied
    if m["orso"]:
        mod = "APPROX"
    if unit == "weekend":
        return None
    rel = (m["rel"] or "").lower()
    if rel in ("recent", "past", "last") and number is None and unit == "year":
        return Spec("DATE", value="PAST_REF", mod=mod)
    if unit == "night" and number is None:
        return None
    return Spec("DURATION", value=duration_value(number, unit), mod=mod)


def _h_adj_duration(m: re.Match, text: str) -> Spec | None:
    unit = unit_of(m["unit"])
    if unit is None or unit == "weekend":
        return None
    number = parse_number(m["num"]) if m["num"] else (None if m["long"] and m["unit"].endswith("s") else 1)
    if m["num"] and number is None:
        return None
    return Spec("DURATION", value=duration_value(number, unit))


def _h_bare_plural(m: re.Match, text: str) -> Spec | None:
    unit = unit_of(m["unit"])
    if unit is None or unit in ("weekend", "night", "second"):
        return None
    rel = (m["rel"] or "").lower()
    if rel == "recent" and unit == "year":
        return Spec("DATE", value="PAST_REF")
    if rel in ("coming", "next few", "the coming"):
        return Spec("DURATION", value=duration_value(None, unit))
    return Spec("DURATION", value=duration_value(None, unit))


def _h_block(m: re.Match, text: str) -> Spec | None:
    return Spec("")


def _h_weekday(m: re.Match, text: str) -> Spec | None:
    wd = weekday_number(m["wd"])
    mod = _position(m["pre"])
    tod = _pod(m["pod"])
    kind = "TIME" if tod else "DATE"
    if m["pl"] or m["pl2"]:
        return Spec("SET", value=f"XXXX-WXX-{wd}{tod}")
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if rel in ("last", "this past", "the previous", "the preceding", "past"):
        return Spec(kind, weekday=wd, anchor="dct" if not rel.startswith("the") else "ref", direction=-1,
                    tod=tod, mod=mod)
    if rel in ("next", "this coming", "the following", "the next", "coming"):
        return Spec(kind, weekday=wd, anchor="dct" if not rel.startswith("the") else "ref", direction=1,
                    tod=tod, mod=mod)
    return Spec(kind, weekday=wd, tod=tod, needs_tense=True, mod=mod)


def _h_time(m: re.Match, text: str) -> Spec | None:
    g = m.groupdict()
    mod = _mod(g.get("mod")) or ("APPROX" if g.get("mod") else None)
    if g.get("w"):
        return Spec("TIME", tod=_pod(g["w"]), anchor="ref", unit="D", shift=0, mod=mod)
    if g.get("hm"):
        h, mi = int(g["hm"][:2]), int(g["hm"][2:])
    else:
        h_text = g["h"]
        h = int(h_text) if h_text.isdigit() else int(parse_number(h_text) or -1)
        mi = int(g["mi"]) if g.get("mi") else 0
    ap = (g.get("ap") or "").lower().replace(".", "").replace(" ", "")
    pod = (g.get("pod") or "").lower()
    if ap == "pm" or pod in ("afternoon", "evening") or (pod == "night" and h < 12 and h > 4):
        if h < 12:
            h += 12
    elif (ap == "am" or pod == "morning") and h == 12:
        h = 0
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return None
    # A clock time belongs to the day the text is talking about, which is usually the report's own.
    return Spec("TIME", tod=f"T{h:02d}:{mi:02d}", anchor="ref", unit="D", shift=0, mod=mod)


_GENERIC = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF", "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "the present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "for the time being": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "the immediate future": "FUTURE_REF", "the distant future": "FUTURE_REF", "the distant past": "PAST_REF",
    "the recent past": "PAST_REF", "in future": "FUTURE_REF", "current": "PRESENT_REF", "recent": "PAST_REF",
    "future": "FUTURE_REF", "a later date": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
    "so far": "", "yet": "",
}


def _h_generic(m: re.Match, text: str) -> Spec | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    value = _GENERIC.get(w)
    if not value:
        return None
    if w == "in future":
        return None
    return Spec("DATE", value=value)


_SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
                "semiannually": "P6M", "biannually": "P6M", "fortnightly": "P2W"}


def _h_set_adverb(m: re.Match, text: str) -> Spec | None:
    w = m["w"].lower()
    if w != "quarterly":
        return Spec("SET", value=_SET_ADVERBS[w])
    # "quarterly earnings", "a quarterly dividend": the adjective before a noun names no recurrence.
    nxt = re.match(r"\s+([a-z]+)", text[m.end() : m.end() + 20])
    if nxt and nxt.group(1) not in ("and", "or", "for", "in", "on", "at", "to", "by", "since", "until",
                                    "from", "with", "but", "as", "than", "over", "during"):
        return None
    return Spec("SET", value=_SET_ADVERBS[w])


def _h_set_every(m: re.Match, text: str) -> Spec | None:
    target = m["t"]
    n = None
    if m["num"]:
        n = parse_number(m["num"])
        if n is None:
            return None
    if (wd := weekday_number(target)) and target[0].isupper():
        return Spec("SET", value=f"XXXX-WXX-{wd}{_pod(m['pod'])}")
    if (mo := month_number(target)) and target[0].isupper():
        return Spec("SET", value=f"XXXX-{mo:02d}")
    if target.lower() in SEASONS:
        return Spec("SET", value=f"XXXX-{SEASONS[target.lower()]}")
    unit = unit_of(target)
    if unit is None or unit == "weekend":
        return Spec("SET", value="XXXX-WXX-WE") if unit == "weekend" else None
    if m["other"]:
        n = 2
    return Spec("SET", value=duration_value(n if n else 1, unit))


def _h_set_rate(m: re.Match, text: str) -> Spec | None:
    unit = unit_of(m["unit"])
    if unit is None:
        return None
    return Spec("SET", value=duration_value(1, unit))


_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "new year's": (1, 1), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "veterans day": (11, 11), "boxing day": (12, 26), "may day": (5, 1),
    "armistice day": (11, 11), "bastille day": (7, 14), "guy fawkes night": (11, 5),
}
MOVABLE_HOLIDAYS = ("easter", "easter sunday", "easter monday", "good friday", "thanksgiving",
                    "thanksgiving day", "labor day", "memorial day", "election day", "mother's day",
                    "father's day", "martin luther king day", "presidents day", "columbus day")


def _h_holiday(m: re.Match, text: str) -> Spec | None:
    name = re.sub(r"\s+", " ", m["hol"].lower()).replace("’", "'")
    year = _year(m["year"])
    rel = (m["rel"] or "").lower()
    direction = -1 if rel == "last" else (1 if rel == "next" else 0)
    if name in _FIXED_HOLIDAYS:
        mo, d = _FIXED_HOLIDAYS[name]
        if year:
            return Spec("DATE", value=f"{year:04d}-{mo:02d}-{d:02d}")
        if direction:
            return Spec("DATE", month=mo, day=d, anchor="dct", direction=direction)
        return Spec("DATE", month=mo, day=d, needs_tense=True)
    if year:
        return Spec("DATE", holiday=name, year=year)
    if direction:
        return Spec("DATE", holiday=name, anchor="dct", direction=direction)
    return Spec("DATE", holiday=name, needs_tense=True)


# ---------------------------------------------------------------- the rule table
_B = r"(?<![\w'’$£€.#/-])"  # no word, number or currency glued on the left
_E = r"(?![\w-])"
_TZ = r"(?:[ECMPA][SD]T|GMT|UTC|BST|CET|CEST|MSK|local\s+time)"
_PRE = rf"(?:(?P<pre>{_POS_RE})(?:\s+|-))"
_HOL = (
    r"(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|"
    r"Independence\s+Day|Halloween|Valentine['’]s\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|"
    r"Labou?r\s+Day|Memorial\s+Day|Election\s+Day|Veterans\s+Day|Boxing\s+Day|May\s+Day|Armistice\s+Day|"
    r"Bastille\s+Day|Mother['’]s\s+Day|Father['’]s\s+Day|Martin\s+Luther\s+King\s+Day|Presidents['’]?\s+Day|"
    r"Columbus\s+Day|Guy\s+Fawkes\s+Night)"
)
_DAY_DIRS = r"before|after|earlier|later|prior"

RULES: tuple[tuple[str, re.Pattern, _Handler, int], ...] = tuple(
    (name, re.compile(pattern, re.I), handler, priority)
    for name, pattern, handler, priority in (
        # Ages and similar are not time expressions; matching them blocks "six-year" inside "six-year-old".
        ("age", rf"{_B}(?:{NUMBER_RE}|\d+)[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old{_E}", _h_block, 5),
        ("age-aged", rf"{_B}(?:aged|age)\s+\d+{_E}", _h_block, 5),
        ("iso", r"(?<![\w/-])(?P<y>(?:1[0-9]|20)\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)(?:[T\s](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d)?Z?)?(?![\w-])", _h_iso, 3),
        ("numeric", r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:1[0-9]|20)\d\d|\d\d)(?![\w/.-]|\.\d)", _h_numeric_date, 3),
        ("mdy", rf"(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<mon>{MONTH_RE})\s+(?P<day>{DAYNUM_RE})(?!\d|\s*:\d|,\d)(?:(?:,\s*|\s+)(?P<year>{YEAR_RE}|'\d\d))?{_E}", _h_full_date, 4),
        ("dmy", rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?{_B}(?P<day>{DAYNUM_RE})(?:\s+of)?\s+(?P<mon>{MONTH_RE})(?:,?\s+(?P<year>{YEAR_RE}))?{_E}", _h_full_date, 4),
        ("month-year", rf"{_PRE}?(?P<mon>{MONTH_RE})(?:(?:,\s*|\s+)(?:of\s+)?(?P<year>{YEAR_RE}|'\d\d)|\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)(?:\s+(?:and|or)\s+(?:beyond|later|earlier|after|before))?{_E}", _h_month_year, 3),
        ("month", rf"{_PRE}?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+)?(?P<mon>{MONTH_RE})(?!\s*\d){_E}", _h_month, 2),
        ("spoken-year", rf"(?:(?P<mon>{MONTH_FULL_RE})\s+)?(?:the\s+year\s+)?{_B}(?P<c>nineteen)[\s-]+(?P<r>(?:{NUMBER_WORD_RE}))(?<!hundred)(?<!thousand){_E}", _h_spoken_year, 2),
        ("year", rf"{_B}(?:{_PRE}|(?P<pre2>fiscal|calendar|the\s+year|model\s+year|FY|post|pre)(?:\s+|-))?(?P<year>{YEAR_RE})(?P<tail>\s+(?:and|or)\s+(?:beyond|later|earlier|after|before))?(?!\d|%|,\d|\.\d|-\d|\s*(?:percent|per\s+cent|acres|feet|metres|meters|miles|troops|people|soldiers))(?:['’]s)?{_E}", _h_year, 2),
        ("decade", rf"(?:the\s+)?(?:{_PRE})?(?P<dec>(?:1[0-9]|20)\d0s|['’]\d0s|(?<=the\s)\d0s|(?<=the\searly\s)\d0s|(?<=the\slate\s)\d0s){_E}", _h_decade, 3),
        ("decade-word", rf"the\s+(?:{_PRE})?(?P<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties){_E}", _h_decade, 3),
        ("century", rf"(?:the\s+)?(?:{_PRE})?(?P<ord>{ORDINAL_RE})[\s-]+century{_E}", _h_century, 3),
        ("quarter", rf"{_B}(?:(?:{YEAR_RE}|this\s+year|last\s+year|next\s+year)['’]s\s+)?(?:(?:the|this|that|its|their|his|her|our|a|last|next)\s+)?(?:(?:{YEAR_RE}|year[\s-]ago|year[\s-]earlier|fiscal|latest|past|current|previous|preceding|prior|same|comparable|corresponding|final|flat|coming|recent|most\s+recent|first|second|third|fourth|1st|2nd|3rd|4th|last|next|calendar|latter|back)[\s-]+){{0,4}}(?P<unit>quarter|half|period)(?P<pl>s)?(?:\s+of\s+(?:fiscal\s+|calendar\s+)?(?:{YEAR_RE}|this\s+year|last\s+year|next\s+year|the\s+(?:current|previous|prior)\s+year)|,?\s+(?:fiscal\s+)?{YEAR_RE}|\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|this\s+year|next\s+year))?{_E}", _h_quarter, 3),
        ("season", rf"{_PRE}?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the|that|past|coming)\s+)?(?P<s>{SEASON_RE})(?:\s+of\s+(?P<y1>{YEAR_RE})|,?\s+(?P<y2>{YEAR_RE}))?{_E}", _h_season, 2),
        ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<hol>{_HOL})(?:,?\s+(?P<year>{YEAR_RE}))?{_E}", _h_holiday, 3),
        ("day-word", rf"{_B}(?:{_PRE})?(?:(?P<both>the\s+day\s+(?:before|after))\s+)?(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>{_POD_RE}))?(?![\w-]|['’]s\s+{_POD_RE})", _h_day_word, 3),
        ("rel-unit", rf"{_B}(?:{_PRE})?(?P<the>the\s+)?(?P<rel>this\s+past|this\s+coming|(?:very\s+)?same|that\s+same|this|last|next|past|coming|previous|preceding|prior|following|current|that|upcoming|ensuing|subsequent|present)\s+(?P<unit>week|weekend|month|year|fiscal\s+year|decade|century|day|quarter|morning|afternoon|evening|night){_E}", _h_rel_unit, 2),
        ("pos-unit", rf"{_B}{_PRE}the\s+(?P<unit>week|month|year|fiscal\s+year|decade|century|quarter){_E}", _h_pos_unit, 2),
        ("weekend", rf"{_B}the\s+weekend{_E}", lambda m, t: Spec("DATE", weekday=6, grain="WE", needs_tense=True), 2),
        ("year-back", rf"{_B}year[\s-](?:earlier|ago)(?=\s+(?!quarter|period|half)\w|[,.;]){_E}", lambda m, t: Spec("DATE", anchor="dct", unit="Y", shift=-1, follow_ref_grain=True), 2),
        ("year-ended", rf"{_B}the\s+(?:fiscal\s+)?year(?=\s+(?:ended|ending|to\s+date|through)){_E}", lambda m, t: Spec("DURATION", value="P1Y"), 2),
        ("for-the-year", rf"(?<=\bfor\s)the\s+(?:full\s+|whole\s+|entire\s+)?year(?=\s*[,.;]){_E}", lambda m, t: Spec("DATE", anchor="dct", unit="Y", shift=0), 2),
        ("year-end", rf"{_B}(?:(?P<mod>around|about)\s+)?(?:year[\s-]end|year['’]s\s+end){_E}", lambda m, t: Spec("DATE", anchor="dct", unit="Y", shift=0, mod="END"), 2),
        ("in-the-unit", rf"{_B}(?P<pre>earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year){_E}", lambda m, t: Spec("DATE", anchor="ref", unit=_UNIT_LETTER[m["unit"].lower()], shift=0, mod=_position(m["pre"])), 3),
        ("unit-before", rf"{_B}(?:the|a|one)\s+(?P<unit>day|week|month|year)\s+(?P<dir>{_DAY_DIRS}){_E}", _h_unit_before, 3),
        ("ago", rf"{_B}(?:(?P<mod>{_MOD_RE})\s+(?!the\b))?(?P<num>{NUMBER_RE}|{FUZZY_RE})?\s*(?:more\s+)?(?P<unit>{UNIT_RE}|{UNIT_PLURAL_RE})(?P<orso>\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|back|from\s+now|hence|prior){_E}", _h_ago, 4),
        ("duration", rf"{_B}(?:(?P<mod>{_MOD_RE})\s+(?!the\b))?(?:(?:the|each\s+of\s+the|all\s+of\s+the|another|an\s+additional|an\s+extra)\s+)?(?:(?P<rel>past|last|next|first|coming|previous|following|latest|final|remaining|initial|recent|preceding|subsequent|ensuing|other)\s+)?(?P<num>{NUMBER_RE}|{FUZZY_RE})(?:\s+to\s+(?:{NUMBER_RE}))?[\s-]+(?:{_DURATION_FILLERS}\s+)?(?P<unit>{UNIT_RE}|{UNIT_PLURAL_RE})(?P<half>\s+and\s+an?\s+half)?(?P<orso>\s+or\s+so)?{_E}", _h_duration, 2),
        ("adj-duration", rf"{_B}(?:(?P<num>{NUMBER_RE})-)?(?P<unit>{UNIT_RE}|{UNIT_PLURAL_RE})(?P<long>-long){_E}|{_B}(?P<num2>{NUMBER_WORD_RE}|\d+)-(?P<unit2>(?!quarter){UNIT_RE}){_E}", lambda m, t: _h_adj_duration_any(m, t), 2),
        ("bare-plural", rf"{_B}(?:(?P<rel>recent|coming|the\s+coming|next\s+few|past)\s+)?(?P<unit>years|months|weeks|decades|centuries|days|hours|minutes|quarters){_E}", _h_bare_plural, 1),
        ("weekday", rf"(?:{_PRE})?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+previous|the\s+preceding|the\s+following|the\s+next|past|coming)\s+)?(?P<wd>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY))(?P<pl>s)?(?:\s+(?P<pod>{_POD_RE})(?P<pl2>s)?)?{_E}", _h_weekday, 2),
        ("clock", rf"{_B}(?:(?P<mod>about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b)(?:\s+(?P<tz>{_TZ}))?", _h_time, 3),
        ("clock24", rf"{_B}(?:(?P<mod>about|around|approximately|roughly|shortly\s+(?:before|after))\s+)?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s+(?P<tz>{_TZ}))?(?![\w:])", _h_time, 2),
        ("clock-mil", rf"{_B}(?P<hm>[01]\d[0-5]\d|2[0-3][0-5]\d)\s+(?P<tz>{_TZ}|hours?){_E}", _h_time, 3),
        ("oclock", rf"{_B}(?:(?P<mod>about|around)\s+)?(?P<h>\d{{1,2}}|{'|'.join(w for w in SMALL_NUMBERS if 0 < SMALL_NUMBERS[w] <= 12)})\s+o['’]clock(?:\s+in\s+the\s+(?P<pod>morning|afternoon|evening))?{_E}", _h_time, 3),
        ("clock-pod", rf"{_B}(?P<h>\d{{1,2}}|{'|'.join(w for w in SMALL_NUMBERS if 0 < SMALL_NUMBERS[w] <= 12)})\s+(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<pod2>night)){_E}", lambda m, t: _h_time_pod(m, t), 3),
        ("noon", rf"{_B}(?:(?P<mod>about|around|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?P<w>noon|midnight|midday){_E}", _h_time, 2),
        ("generic", rf"{_B}(?P<w>right\s+now|just\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|the\s+present(?!\s+(?!day|time)\w)|at\s+the\s+moment|for\s+the\s+time\s+being|recently|lately|the\s+(?:distant\s+|recent\s+)?past(?!\s+\w)|the\s+(?:near\s+|foreseeable\s+|immediate\s+|distant\s+)?future(?!\s+of\b)|the\s+(?:near|short|long)\s+term(?![\w-])|a\s+later\s+date|as\s+soon\s+as\s+possible|current|recent){_E}", _h_generic, 1),
        ("set-adverb", rf"{_B}(?P<w>{'|'.join(_SET_ADVERBS)}){_E}", _h_set_adverb, 2),
        ("set-every", rf"{_B}(?:every|each|per)\s+(?P<other>other\s+)?(?:(?P<num>{NUMBER_RE})\s+)?(?P<t>{UNIT_RE}|{UNIT_PLURAL_RE}|{WEEKDAY_RE}|{MONTH_RE}|{SEASON_RE})(?:\s+(?P<pod>{_POD_RE}))?{_E}", _h_set_every, 3),
        ("set-rate", rf"(?:(?<=\d\s)|(?<=\d%\s)|(?<=(?:ion|nts|ars|nds|ros|les|ons|ice|nce|ent)\s))(?:a|an|per)\s+(?P<unit>year|month|week|day|hour|minute|second){_E}", _h_set_rate, 3),
        ("set-freq", rf"{_B}(?:once|twice|thrice|(?:{NUMBER_RE})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>year|month|week|day|hour|minute|quarter|decade){_E}", _h_set_rate, 3),
    )
)


def _h_adj_duration_any(m: re.Match, text: str) -> Spec | None:
    if m["unit2"]:
        unit = unit_of(m["unit2"])
        number = parse_number(m["num2"])
        if unit is None or number is None or unit == "weekend":
            return None
        return Spec("DURATION", value=duration_value(number, unit))
    return _h_adj_duration(m, text)


def _h_time_pod(m: re.Match, text: str) -> Spec | None:
    h_text = m["h"]
    h = int(h_text) if h_text.isdigit() else int(parse_number(h_text) or -1)
    pod = (m["pod"] or m["pod2"] or "").lower()
    if not 1 <= h <= 12:
        return None
    if pod in ("afternoon", "evening") or (pod == "night" and h >= 5):
        h = h % 12 + 12
    elif pod == "morning" and h == 12:
        h = 0
    return Spec("TIME", tod=f"T{h:02d}:00", anchor="ref", unit="D", shift=0)


# ---------------------------------------------------------------- triggers
# Scanning the whole text with every pattern is slow (each starts with optional words), so a
# pattern only runs in a window around a word it cannot match without: its trigger.
_UNIT_WORDS = frozenset(
    [w for u in UNITS for w in (u, u + "s")] + ["centuries", "millennia", "morning", "afternoon", "evening",
                                                 "night", "nights", "fiscal", "period"]
)
_FAMILIES: dict[str, frozenset[str]] = {
    "month": frozenset(list(MONTHS) + list(MONTH_ABBREVS)),
    "weekday": frozenset(WEEKDAYS),
    "unit": _UNIT_WORDS,
    "season": frozenset(SEASONS),
    "day": frozenset({"today", "tonight", "yesterday", "tomorrow"}),
    "old": frozenset({"old", "aged", "age"}),
    "nineteen": frozenset({"nineteen"}),
    "decade": frozenset(_DECADE_WORDS),  # "the fifties"; "1950s" and "'50s" are found by their digits
    "century": frozenset({"century"}),
    "quarter": frozenset({"quarter", "half", "period"}),
    "holiday": frozenset({"christmas", "new", "thanksgiving", "independence", "halloween", "valentine",
                          "easter", "good", "labor", "labour", "memorial", "election", "veterans", "boxing",
                          "may", "armistice", "bastille", "mother", "father", "martin", "presidents",
                          "columbus", "guy"}),
    "clock": frozenset({"clock", "noon", "midnight", "midday"}),
    "generic": frozenset({"now", "currently", "nowadays", "days", "present", "presently", "moment", "being",
                          "recently", "lately", "past", "future", "term", "date", "possible", "current",
                          "recent"}),
    "set": frozenset(list(_SET_ADVERBS) + ["every", "each", "per", "once", "twice", "thrice", "times"]),
}
_RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "age": ("old",), "age-aged": ("old",), "iso": ("year",), "numeric": ("digit",), "mdy": ("month",),
    "dmy": ("month",), "month-year": ("month",), "month": ("month",), "spoken-year": ("nineteen",),
    "year": ("year",), "decade": ("decade",), "decade-word": ("decade",), "century": ("century",),
    "quarter": ("quarter",), "season": ("season",), "holiday": ("holiday", "month"), "day-word": ("day",),
    "rel-unit": ("unit",), "pos-unit": ("unit",), "weekend": ("unit",), "year-back": ("unit",),
    "year-ended": ("unit",), "year-end": ("unit",), "in-the-unit": ("unit",), "for-the-year": ("unit",), "unit-before": ("unit",), "ago": ("unit",),
    "duration": ("unit",), "adj-duration": ("unit",), "bare-plural": ("unit",), "weekday": ("weekday",),
    "clock": ("digit",), "clock24": ("digit",), "clock-mil": ("digit",), "oclock": ("clock",),
    "clock-pod": ("unit",), "noon": ("clock",), "generic": ("generic",), "set-adverb": ("set",),
    "set-every": ("set",), "set-rate": ("unit",), "set-freq": ("set",),
}
# A time expression reaches at most this far before and after its trigger word
# ("slightly more than three months ago", "each of the past twenty-four months").
WINDOW_BEFORE = 80
WINDOW_AFTER = 60
_FAMILY_OF: dict[str, tuple[str, ...]] = {}
for _fam, _words in _FAMILIES.items():
    for _w in _words:
        _FAMILY_OF[_w] = _FAMILY_OF.get(_w, ()) + (_fam,)
_WORD_RE = re.compile(r"[^\W\d_]+|\d+")


_CAPITALISED = frozenset({"month", "weekday", "holiday"})


def _digit_families(w: str, text: str, end: int) -> tuple[str, ...]:
    fams: tuple[str, ...] = ("digit",)
    if len(w) == 4 and w[:2] in ("10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"):
        fams += ("year",)
    if text.startswith("s", end) or text.startswith("'s", end) or text.startswith("’s", end):
        fams += ("decade",)
    return fams


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Merged character windows around each trigger family's words."""
    spans: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for m in _WORD_RE.finditer(text):
        w = m.group()
        if w[0].isdigit():
            fams = _digit_families(w, text, m.end())
        else:
            fams = _FAMILY_OF.get(w.lower())
            if fams and not w[0].isupper():
                # Month, weekday and holiday names are capitalised; "may", "new", "good" are other words.
                fams = tuple(f for f in fams if f not in _CAPITALISED)
        if not fams:
            continue
        lo, hi = max(0, m.start() - WINDOW_BEFORE), min(n, m.end() + WINDOW_AFTER)
        for fam in fams:
            lst = spans.setdefault(fam, [])
            if lst and lo <= lst[-1][1]:
                lst[-1] = (lst[-1][0], hi)
            else:
                lst.append((lo, hi))
    return spans


def candidates(text: str) -> list[Candidate]:
    """Every span some rule reads as a time expression (overlapping; choose with :func:`select`)."""
    found: dict[tuple[int, int, str], Candidate] = {}
    windows = _windows(text)
    for name, pattern, handler, priority in RULES:
        for family in _RULE_TRIGGERS[name]:
            for lo, hi in windows.get(family, ()):
                # Widen to whitespace so no window cuts a word in two.
                while lo > 0 and not text[lo - 1].isspace():
                    lo -= 1
                while hi < len(text) and not text[hi].isspace():
                    hi += 1
                for m in pattern.finditer(text, lo, hi):
                    if m.end() <= m.start() or (m.start(), m.end(), name) in found:
                        continue
                    spec = handler(m, text)
                    if spec is None:
                        continue
                    found[m.start(), m.end(), name] = Candidate(m.start(), m.end(), spec, priority, name)
    return list(found.values())


_DETERMINER = re.compile(r"(?:(?:its|their|his|her|our|my|your)\s+|(?:a|an|the|that|this)\s+(?=\S+-\S+$))", re.I)


def trim(c: Candidate, text: str) -> Candidate:
    """TimeML extents: no possessive before the expression, and no article before an adjective
    such as "third-quarter" or "five-hour" ("a five-hour visit" → "five-hour")."""
    m = _DETERMINER.match(text, c.start, c.end)
    if m and m.end() < c.end:
        return replace(c, start=m.end())
    return c


def select(found: list[Candidate]) -> list[Candidate]:
    """Longest match first, then higher priority; a chosen span blocks everything it overlaps."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        chosen.append(c)
    return sorted((c for c in chosen if c.spec.type), key=lambda c: c.start)


def with_spec(c: Candidate, **changes) -> Candidate:
    return replace(c, spec=replace(c.spec, **changes))


__all__ = ["Candidate", "Spec", "candidates", "select", "duration_value", "MOVABLE_HOLIDAYS", "TENS"]
