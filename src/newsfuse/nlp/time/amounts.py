"""Reading durations, recurrences, clock times and vague references ("three months", "every Thursday")."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsfuse.lexicon import month_number, weekday_number
from newsfuse.nlp.time.spec import Spec, ends_phrase, mod_of, part_of_day
from newsfuse.nlp.time.words import (
    FORTNIGHT_WEEKS,
    FUZZY_RE,
    SEASONS,
    UNIT_MULTIPLES,
    UNITS,
    parse_number,
    unit_of,
)


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


def _h_ago(m: re.Match, text: str) -> Spec | None:
    unit = unit_of(m["unit"])
    if unit is None:
        return None
    d = re.sub(r"\s+", " ", m["dir"].lower())
    if d in ("before", "after") and not ends_phrase(text, m.end()):
        return None  # "two days before the vote": the duration rule takes it
    number, implied = _quantity(m["num"]) if m["num"] else (None, None)
    mod = mod_of(m["mod"]) or implied
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


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|should|shall|must)\s+$", re.I)


DURATION_FILLERS_RE = r"(?:more|additional|straight|consecutive|full|long|short|trading|business|working|calendar|extra|whole|entire|further|school|fiscal)"


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
    if unit == "day" and m["num"].lower() == "one" and _MODAL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return Spec("DATE", value="FUTURE_REF")  # "will one day be": some day to come, not a day's length
    mod = mod_of(m["mod"]) or implied
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


# A bare plural ("weeks", "years") is a stretch of time only when something says how it is
# placed ("recent weeks", "the coming years") or it is what lasts ("for years", "within weeks",
# "over the years"); "in the days before the shooting", "on days when", "a matter of months",
# "minutes apart" are no durations in TimeBank or AQUAINT (read on their fit halves, 2026-12-07:
# value F1 +0.002 TimeBank fit, -0.001 check; +0.007 AQUAINT fit, +0.008 check).
_DURATIVE_BEFORE = re.compile(r"\b(?:for|within|over)\s+(?:the\s+)?$", re.I)
DURATIVE_WINDOW = 12


def _h_bare_plural(m: re.Match, text: str) -> Spec | None:
    unit = unit_of(m["unit"])
    if unit is None or unit in ("weekend", "night", "second"):
        return None
    if not m["rel"] and not _DURATIVE_BEFORE.search(text[max(0, m.start() - DURATIVE_WINDOW) : m.start()]):
        return None
    rel = (m["rel"] or "").lower()
    if rel == "recent" and unit == "year":
        return Spec("DATE", value="PAST_REF")
    if rel in ("coming", "next few", "the coming"):
        return Spec("DURATION", value=duration_value(None, unit))
    return Spec("DURATION", value=duration_value(None, unit))


def _h_block(m: re.Match, text: str) -> Spec | None:
    return Spec("")


def _h_time(m: re.Match, text: str) -> Spec | None:
    g = m.groupdict()
    mod = mod_of(g.get("mod")) or ("APPROX" if g.get("mod") else None)
    if g.get("w"):
        return Spec("TIME", tod=part_of_day(g["w"]), anchor="ref", unit="D", shift=0, mod=mod)
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
    "future": "FUTURE_REF", "then current": "PAST_REF", "a later date": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
    "so far": "", "yet": "",
}


def _h_generic(m: re.Match, text: str) -> Spec | None:
    w = re.sub(r"\s+", " ", m["w"].lower()).replace("then-", "then ")
    value = _GENERIC.get(w)
    if not value:
        return None
    if w == "in future":
        return None
    return Spec("DATE", value=value)


SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
                "semiannually": "P6M", "biannually": "P6M", "fortnightly": "P2W"}


def _h_set_adverb(m: re.Match, text: str) -> Spec | None:
    w = m["w"].lower()
    if w != "quarterly":
        return Spec("SET", value=SET_ADVERBS[w])
    # "quarterly earnings", "a quarterly dividend": the adjective before a noun names no recurrence.
    nxt = re.match(r"\s+([a-z]+)", text[m.end() : m.end() + 20])
    if nxt and nxt.group(1) not in ("and", "or", "for", "in", "on", "at", "to", "by", "since", "until",
                                    "from", "with", "but", "as", "than", "over", "during"):
        return None
    return Spec("SET", value=SET_ADVERBS[w])


def _h_set_every(m: re.Match, text: str) -> Spec | None:
    target = m["t"]
    n = None
    if m["num"]:
        n = parse_number(m["num"])
        if n is None:
            return None
    if (wd := weekday_number(target)) is not None and target[0].isupper():
        return Spec("SET", value=f"XXXX-WXX-{wd + 1}{part_of_day(m['pod'])}")
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


def _h_adj_duration_any(m: re.Match, text: str) -> Spec | None:
    if m["unit2"]:
        unit = unit_of(m["unit2"])
        number = parse_number(m["num2"])
        # "zero-day" (a software flaw) and "zero-hour" are terms, not spans of time.
        if unit is None or not number or unit == "weekend":
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


def _h_year_ended(m: re.Match, text: str) -> Spec | None:
    """'the year ended March 31': a year's length."""
    return Spec("DURATION", value="P1Y")


# The reader of each rule in timex_rules.RULES that is not a calendar date, by rule name.
AMOUNT_READERS: dict[str, Callable[[re.Match, str], Spec | None]] = {
    "age": _h_block, "age-aged": _h_block, "year-ended": _h_year_ended, "ago": _h_ago,
    "duration": _h_duration, "adj-duration": _h_adj_duration_any, "bare-plural": _h_bare_plural,
    "clock": _h_time, "clock24": _h_time, "clock-mil": _h_time, "oclock": _h_time, "clock-pod": _h_time_pod,
    "noon": _h_time, "generic": _h_generic, "set-adverb": _h_set_adverb, "set-every": _h_set_every,
    "set-rate": _h_set_rate, "set-freq": _h_set_rate,
}
