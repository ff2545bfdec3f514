"""Reading years, decades and centuries ("1998", "fiscal 1989", "the 1990s", "the 20th century")."""

from __future__ import annotations

import re

from newsfuse.lexicon import month_number, ordinal_number
from newsfuse.nlp.time.spec import Spec, position_of, year_of
from newsfuse.nlp.time.words import parse_number


# A number after an identifier word or code is the thing's number, not its year: "SB 1062",
# "H.R. 1599", "Flight 1549", "Route 1776", "Section 1983", "Room 1204", "No. 1912", "Prop. 1066".
# Words of the kinds of things news numbers (bills, ballot measures, legal sections, transport,
# buildings, documents); abbreviations count with their dot only ("no 1990 law" is no code).
_IDENTIFIER_WORDS = (
    r"flight|route|highway|interstate|freeway|section|article|room|suite|model|case|bill|resolution|"
    r"proposition|measure|initiative|ordinance|amendment|chapter|title|rule|form|docket|exhibit|gate|exit|"
    r"pier|platform|apartment|precinct|ward|district|lot|unit|item|patent|number|version|volume|page|"
    r"bus|train|engine|ladder|locker|badge"
)
_IDENTIFIER_ABBREVIATIONS = r"no|nos|sec|art|rm|ste|apt|res|prop|ch|vol|pp|p|bldg|hwy|rte|reg|ord"
_IDENTIFIER_BEFORE_RE = re.compile(
    rf"(?:\b(?i:{_IDENTIFIER_WORDS})|\b(?i:{_IDENTIFIER_ABBREVIATIONS})\.|"
    r"(?<![\w.])(?P<code>(?-i:[A-Z]{2,3}|(?:[A-Z]\.){1,3})))\s*$"
)
# Capitals that are a word, an era or a country before a year, not a code: headlines in capitals
# ("SALES ROSE IN 1990"), "AD 1066", "FY 1990", "the U.S. 1990 census".
_NOT_CODES = frozenset(
    "IN ON OF BY TO AT AS IS IT OR AN BE DO GO IF NO SO UP US WE HE ME MY AD BC CE AH AM PM FY THE FOR AND NOR "
    "BUT WAS ARE NOT ALL MID END AGO OUT OFF VIA PER SET ITS HIS HER OUR NEW OLD TOP LOW SEE BCE YES TIL "
    "A.D. B.C. U.S. U.K. U.N. E.U.".split()
)
# How far back the identifier before a number is looked for.
IDENTIFIER_WINDOW = 16


def _after_identifier(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows an identifier word or code ("SB 1062", "Flight 1549")."""
    m = _IDENTIFIER_BEFORE_RE.search(text[max(0, start - IDENTIFIER_WINDOW) : start])
    return m is not None and (m["code"] is None or m["code"] not in _NOT_CODES)


def _h_year(m: re.Match, text: str) -> Spec | None:
    if not (m["pre"] or m["pre2"]) and _after_identifier(text, m.start()):
        return None
    year = year_of(m["year"])
    pre = (m["pre"] or "").lower()
    mod = position_of(pre)
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


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _h_decade(m: re.Match, text: str) -> Spec | None:
    """'the 1990s' is "199", the decade's first three digits, as the TimeML guidelines and TimeBank
    write it (AQUAINT writes "199X": cross-fit of 2026-12-07, TimeBank +5 right, AQUAINT -4)."""
    d = m["dec"].lower()
    mod = position_of(m["pre"])
    if d in DECADE_WORDS:
        return Spec("DATE", value=f"19{DECADE_WORDS[d]}", mod=mod)
    digits = d.rstrip("s").lstrip("'")
    if len(digits) == 2:
        century = "20" if int(digits) < 30 else "19"
        return Spec("DATE", value=f"{century}{digits[0]}", mod=mod)
    return Spec("DATE", value=f"{digits[:3]}", mod=mod)


def _h_century(m: re.Match, text: str) -> Spec | None:
    n = ordinal_number(m["ord"])
    if not n or n > 21:
        return None
    return Spec("DATE", value=f"{n - 1:02d}", mod=position_of(m["pre"]))


def _h_spoken_year(m: re.Match, text: str) -> Spec | None:
    head = {"nineteen": 19, "twenty": 20}[m["c"].lower()]
    rest = parse_number(m["r"]) if m["r"] else None
    if rest is None or not 0 <= rest < 100:
        return None
    value = f"{head}{int(rest):02d}"
    if m["mon"]:
        return Spec("DATE", value=f"{value}-{month_number(m['mon']):02d}")
    return Spec("DATE", value=value)


def _h_year_thousand(m: re.Match, text: str) -> Spec | None:
    """'the year two thousand (and five)', as broadcasts say it."""
    rest = parse_number(m["r"]) if m["r"] else 0
    if rest is None or not 0 <= rest < 100:
        return None
    return Spec("DATE", value=f"{2000 + int(rest):04d}")


# The reader of each year rule in rules.RULES, by rule name.
YEAR_READERS = {
    "spoken-year": _h_spoken_year, "year-thousand": _h_year_thousand, "year": _h_year,
    "decade": _h_decade, "decade-word": _h_decade, "century": _h_century,
}
