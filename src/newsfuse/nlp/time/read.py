"""Reading calendar dates: what a pattern's match says, as a Spec still to be anchored."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from newsfuse.lexicon import month_number, weekday_number
from newsfuse.nlp.time.spec import Spec, ends_phrase, part_of_day, position_of, year_of
from newsfuse.nlp.time.words import PARTS_OF_DAY, SEASONS, YEAR_RE
from newsfuse.nlp.time.years import YEAR_READERS


# ---------------------------------------------------------------- handlers
def _h_full_date(m: re.Match, text: str) -> Spec | None:
    month = month_number(m["mon"])
    day = int(re.match(r"\d+", m["day"]).group())
    year = year_of(m["year"])
    if month is None or not 1 <= day <= 31:
        return None
    weekday = weekday_number(m["wd"]) + 1 if m["wd"] else None  # ISO
    grain = "W" if m.groupdict().get("weekof") else ""  # "the week of March 6": that week
    if year is not None:
        if grain:
            try:
                iso_year, week, _ = date(year, month, day).isocalendar()
            except ValueError:
                return None
            return Spec("DATE", value=f"{iso_year:04d}-W{week:02d}")
        return Spec("DATE", value=f"{year:04d}-{month:02d}-{day:02d}")
    rel = (m.groupdict().get("rel") or "").lower()
    if rel:
        return Spec("DATE", month=month, day=day, weekday=weekday, anchor="dct",
                    direction=-1 if "last" in rel or "past" in rel else 1, grain=grain)
    return Spec("DATE", month=month, day=day, weekday=weekday, grain=grain)


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
    mod = position_of(m["pre"])
    if m["year"]:
        return Spec("DATE", value=f"{year_of(m['year']):04d}-{month:02d}", mod=mod)
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
    mod = position_of(m["pre"])
    rel = m["rel"].lower().split()[-1] if m["rel"] else ""
    if (not (m["pre"] or m["rel"])
            and re.search(r"\bthe\s+(?:[a-z]+\s+|[`'\"“‘]+\s*)?$", text[max(0, m.start() - 20) : m.start()], re.I)
            and re.match(r"\s+(?:(?:for|of|on|to|against)\s+(?:the\s+)?)?[A-Z]", text[m.end() : m.end() + 16])):
        # "the March for Life", "the annual March for Life", "the ``March of the Combatant
        # Mothers'": a name ("the October slaying" is not).
        return None
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
    return Spec("DATE", month=month, mod=mod)


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
            # "the 1988 quarter": the quarter the report is about, in that year (as "the 1988 period").
            return Spec("DATE", anchor="ref", unit=unit, shift=0, year=years[0])
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
        return Spec("DATE", **field)
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
    mod = position_of(m["pre"])
    year = year_of(m["y1"] or m["y2"])
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
    return Spec("DATE", season=season, mod=mod)


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _h_day_word(m: re.Match, text: str) -> Spec | None:
    w = m["w"].lower()
    shift = _DAY_WORDS[w]
    if m["both"]:
        shift = -2 if "yesterday" in m["both"].lower() else 2
    mod = position_of(m["pre"])
    pod = m["pod"] or m["pod0"]
    tod = part_of_day(pod) if pod else ("TNI" if w == "tonight" else "")
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
    mod = position_of(m["pre"])
    tod = part_of_day(unit_word) if unit_word in PARTS_OF_DAY else ""
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
    return Spec("DATE", anchor="dct", unit=unit, shift=0, mod=position_of(m["pre"]))


def _h_unit_before(m: re.Match, text: str) -> Spec | None:
    """'the day before', 'a week later' without a number: one unit from the reference date."""
    unit = _UNIT_LETTER[m["unit"].lower()]
    d = m["dir"].lower()
    shift = -1 if d in ("before", "earlier", "prior") else 1
    if d in ("before", "after") and not ends_phrase(text, m.end()):
        return None  # "the day before the vote" is anchored to an event, not to a date we know
    return Spec("DATE", anchor="ref", unit=unit, shift=shift)


def _h_weekday(m: re.Match, text: str) -> Spec | None:
    wd = weekday_number(m["wd"]) + 1  # ISO
    mod = position_of(m["pre"])
    tod = part_of_day(m["pod"])
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
    return Spec(kind, weekday=wd, tod=tod, mod=mod)


_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "new year's": (1, 1), "independence day": (7, 4), "halloween": (10, 31),
    "valentine's day": (2, 14), "veterans day": (11, 11), "boxing day": (12, 26), "may day": (5, 1),
    "armistice day": (11, 11), "bastille day": (7, 14), "guy fawkes night": (11, 5),
}
def _h_holiday(m: re.Match, text: str) -> Spec | None:
    name = re.sub(r"\s+", " ", m["hol"].lower()).replace("’", "'")
    year = year_of(m["year"])
    rel = (m["rel"] or "").lower()
    direction = -1 if rel == "last" else (1 if rel == "next" else 0)
    if name in _FIXED_HOLIDAYS:
        mo, d = _FIXED_HOLIDAYS[name]
        if year:
            return Spec("DATE", value=f"{year:04d}-{mo:02d}-{d:02d}")
        if direction:
            return Spec("DATE", month=mo, day=d, anchor="dct", direction=direction)
        return Spec("DATE", month=mo, day=d)
    if year:
        return Spec("DATE", holiday=name, year=year)
    if direction:
        return Spec("DATE", holiday=name, anchor="dct", direction=direction)
    return Spec("DATE", holiday=name)


def _h_weekend(m: re.Match, text: str) -> Spec | None:
    """'the weekend': the week of the Saturday the tense points at."""
    return Spec("DATE", weekday=6, grain="WE")


def _h_year_back(m: re.Match, text: str) -> Spec | None:
    """'year-earlier results': a year before the period being reported."""
    return Spec("DATE", anchor="dct", unit="Y", shift=-1, follow_ref_grain=True)


def _h_this_year(m: re.Match, text: str) -> Spec | None:
    """'for the year.', 'year-end': the current year, at its end for the latter."""
    return Spec("DATE", anchor="dct", unit="Y", shift=0, mod="END" if "end" in m.group().lower() else None)


def _h_in_the_unit(m: re.Match, text: str) -> Spec | None:
    """'later in the day': the unit the text is talking about."""
    return Spec("DATE", anchor="ref", unit=_UNIT_LETTER[m["unit"].lower()], shift=0, mod=position_of(m["pre"]))


# The reader of each date rule in rules.RULES, by rule name.
DATE_READERS: dict[str, Callable[[re.Match, str], Spec | None]] = {
    "iso": _h_iso, "numeric": _h_numeric_date, "mdy": _h_full_date, "dmy": _h_full_date,
    "month-year": _h_month_year, "month": _h_month, **YEAR_READERS, "quarter": _h_quarter,
    "season": _h_season, "holiday": _h_holiday, "day-word": _h_day_word, "rel-unit": _h_rel_unit,
    "pos-unit": _h_pos_unit, "weekend": _h_weekend, "year-back": _h_year_back, "for-the-year": _h_this_year,
    "year-end": _h_this_year, "in-the-unit": _h_in_the_unit, "unit-before": _h_unit_before,
    "weekday": _h_weekday,
}
