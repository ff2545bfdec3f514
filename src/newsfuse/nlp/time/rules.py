"""Time-expression patterns: find candidate spans in a text and choose among overlapping ones."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, replace

from newsfuse.lexicon import MONTH_WORDS, SMALL_NUMBERS, WEEKDAY_NAMES
from newsfuse.nlp.time.amounts import AMOUNT_READERS, DURATION_FILLERS_RE, SET_ADVERBS
from newsfuse.nlp.time.read import DATE_READERS
from newsfuse.nlp.time.spec import MOD_RE, PART_OF_DAY_RE, POSITION_RE, Spec
from newsfuse.nlp.time.years import DECADE_WORDS
from newsfuse.nlp.time.words import (
    DAYNUM_RE,
    FUZZY_RE,
    MONTH_FULL_RE,
    MONTH_RE,
    NUMBER_RE,
    NUMBER_WORD_RE,
    ORDINAL_RE,
    SEASON_RE,
    SEASONS,
    UNIT_PLURAL_RE,
    UNIT_RE,
    UNITS,
    WEEKDAY_NAME_RE,
    WEEKDAY_RE,
    YEAR_RE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span some rule matched, with what it says."""

    start: int
    end: int
    spec: Spec
    priority: int = 0
    rule: str = ""  # the name of the pattern that found it



# ---------------------------------------------------------------- the rule table
_B = r"(?<![\w'’$£€.#/-])"  # no word, number or currency glued on the left
_E = r"(?![\w-])"
_TZ = r"(?:[ECMPA][SD]T|(?-i:[ECMP]T)|GMT|UTC|BST|CET|CEST|MSK|local\s+time)"
_PRE = rf"(?:(?P<pre>{POSITION_RE})(?:\s+|-))"
_HOL = (
    r"(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|"
    r"Independence\s+Day|Halloween|Valentine['’]s\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|"
    r"Labou?r\s+Day|Memorial\s+Day|Election\s+Day|Veterans\s+Day|Boxing\s+Day|May\s+Day|Armistice\s+Day|"
    r"Bastille\s+Day|Mother['’]s\s+Day|Father['’]s\s+Day|Martin\s+Luther\s+King\s+Day|Presidents['’]?\s+Day|"
    r"Columbus\s+Day|Guy\s+Fawkes\s+Night)"
)
_DAY_DIRS = r"before|after|earlier|later|prior"
# A house number, not a year: "1249 Bells Ferry Road".
_STREET = (r"(?-i:\s+(?:[A-Z][a-z]+\s+){0,3}(?:Road|Rd|Street|St|Avenue|Ave|Drive|Dr|Lane|Ln|Boulevard|Blvd|"
           r"Way|Court|Ct|Place|Pl|Highway|Hwy|Route|Parkway|Pkwy|Terrace|Circle)\b)")

# Things counted, not dated, after a bare number: "1500 passengers", "1200 votes".
_COUNTED = (r"(?:passengers|employees|workers|students|residents|homes|houses|votes|jobs|pages|rooms|vehicles|"
            r"members|delegates|officers|victims|deaths)\b")

_READERS = {**DATE_READERS, **AMOUNT_READERS}
RULES: tuple[tuple[str, re.Pattern, int], ...] = tuple(
    (name, re.compile(pattern, re.I), priority)
    for name, pattern, priority in (
        # Ages and similar are not time expressions; matching them blocks "six-year" inside "six-year-old".
        ("age", rf"{_B}(?:{NUMBER_RE}|\d+)[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old{_E}", 5),
        ("age-aged", rf"{_B}(?:aged|age)\s+\d+{_E}", 5),
        ("iso", r"(?<![\w/-])(?P<y>(?:1[0-9]|20)\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)(?:[T\s](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d)?Z?)?(?![\w-])", 3),
        ("numeric", r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:1[0-9]|20)\d\d|\d\d)(?![\w/.-]|\.\d)", 3),
        ("mdy", rf"(?:(?P<weekof>the\s+week\s+of)\s+)?(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<mon>{MONTH_RE})\s+(?P<day>{DAYNUM_RE})(?!\d|\s*:\d|,\d)(?:(?:,\s*|\s+)(?P<year>{YEAR_RE}|'\d\d))?{_E}", 4),
        ("dmy", rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?{_B}(?P<day>{DAYNUM_RE})(?:\s+of)?\s+(?P<mon>{MONTH_RE})(?:,?\s+(?P<year>{YEAR_RE}))?{_E}", 4),
        ("month-year", rf"{_PRE}?(?P<mon>{MONTH_RE})(?:(?:,\s*|\s+)(?:of\s+)?(?P<year>{YEAR_RE}|'\d\d)|\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)(?:\s+(?:and|or)\s+(?:beyond|later|earlier|after|before))?{_E}", 3),
        ("month", rf"{_PRE}?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+)?(?P<mon>{MONTH_RE})(?!\s*\d){_E}", 2),
        ("year-thousand", rf"{_B}the\s+year\s+two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?P<r>{NUMBER_WORD_RE}))?(?<!hundred)(?<!thousand){_E}|{_B}the\s+year\s+two[\s-]+thousand{_E}", 3),
        ("spoken-year", rf"(?:(?P<mon>{MONTH_FULL_RE})\s+)?(?:the\s+year\s+)?{_B}(?P<c>nineteen)[\s-]+(?P<r>(?:{NUMBER_WORD_RE}))(?<!hundred)(?<!thousand){_E}", 2),
        ("year", rf"{_B}(?:{_PRE}|(?P<pre2>fiscal|calendar|the\s+year|model\s+year|FY|post|pre)(?:\s+|-))?(?P<year>{YEAR_RE})(?P<tail>\s+(?:and|or)\s+(?:beyond|later|earlier|after|before))?(?!\d|%|,\d|\.\d|-\d|\s*(?:percent|per\s+cent|acres|feet|metres|meters|miles|troops|people|soldiers|blocks?\b|{_COUNTED})|{_STREET})(?:['’]s)?{_E}", 2),
        ("decade", rf"(?:the\s+)?(?:{_PRE})?(?P<dec>(?:1[0-9]|20)\d0s|['’]\d0s|(?<=the\s)\d0s|(?<=the\searly\s)\d0s|(?<=the\slate\s)\d0s){_E}", 3),
        ("decade-word", rf"the\s+(?:{_PRE})?(?P<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties){_E}", 3),
        ("century", rf"(?:the\s+)?(?:{_PRE})?(?P<ord>{ORDINAL_RE})[\s-]+century{_E}", 3),
        ("quarter", rf"{_B}(?:(?:{YEAR_RE}|this\s+year|last\s+year|next\s+year)['’]s\s+)?(?:(?:the|this|that|its|their|his|her|our|a|last|next)\s+)?(?:(?:{YEAR_RE}|year[\s-]ago|year[\s-]earlier|fiscal|latest|past|current|previous|preceding|prior|same|comparable|corresponding|final|flat|coming|recent|most\s+recent|first|second|third|fourth|1st|2nd|3rd|4th|last|next|calendar|latter|back)[\s-]+){{0,4}}(?P<unit>quarter|half|period)(?P<pl>s)?(?:\s+of\s+(?:fiscal\s+|calendar\s+)?(?:{YEAR_RE}|this\s+year|last\s+year|next\s+year|the\s+(?:current|previous|prior)\s+year)|,?\s+(?:fiscal\s+)?{YEAR_RE}|\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|this\s+year|next\s+year))?{_E}", 3),
        ("season", rf"{_PRE}?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the|that|past|coming)\s+)?(?P<s>{SEASON_RE})(?:\s+of\s+(?P<y1>{YEAR_RE})|,?\s+(?P<y2>{YEAR_RE}))?{_E}", 2),
        ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<hol>{_HOL})(?:,?\s+(?P<year>{YEAR_RE}))?{_E}", 3),
        ("day-word", rf"{_B}(?:{_PRE})?(?:(?P<pod0>{PART_OF_DAY_RE})\s+)?(?:(?P<both>the\s+day\s+(?:before|after))\s+)?(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>{PART_OF_DAY_RE}))?(?![\w-]|['’]s\s+{PART_OF_DAY_RE})", 3),
        ("rel-unit", rf"{_B}(?:{_PRE})?(?P<the>the\s+)?(?P<rel>this\s+past|this\s+coming|(?:very\s+)?same|that\s+same|this|last|next|past|coming|previous|preceding|prior|following|current|that|upcoming|ensuing|subsequent|present)\s+(?P<unit>week|weekend|month|year|fiscal\s+year|decade|century|day|quarter|morning|afternoon|evening|night){_E}", 2),
        ("pos-unit", rf"{_B}{_PRE}the\s+(?P<unit>week|month|year|fiscal\s+year|decade|century|quarter){_E}", 2),
        ("weekend", rf"{_B}the\s+weekend{_E}", 2),
        ("year-back", rf"{_B}year[\s-](?:earlier|ago)(?=\s+(?!quarter|period|half)\w|[,.;]){_E}", 2),
        ("year-ended", rf"{_B}the\s+(?:fiscal\s+)?year(?=\s+(?:ended|ending|to\s+date|through)){_E}", 2),
        ("for-the-year", rf"(?<=\bfor\s)the\s+(?:full\s+|whole\s+|entire\s+|fiscal\s+)?year(?=\s*[,.;]|\s+(?:were|was|is|are|of\s+\$)){_E}|(?:(?<=\bof\s)|(?<=\bthroughout\s))the\s+(?:full\s+|whole\s+|entire\s+|fiscal\s+)?year(?=\s*[,.;]){_E}", 2),
        ("year-end", rf"{_B}(?:(?P<mod>around|about)\s+)?(?:year[\s-]end|year['’]s\s+end){_E}", 2),
        ("in-the-unit", rf"{_B}(?P<pre>earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year){_E}", 3),
        ("unit-before", rf"{_B}(?:the|a|one)\s+(?P<unit>day|week|month|year)\s+(?P<dir>{_DAY_DIRS}){_E}", 3),
        ("ago", rf"{_B}(?:(?P<mod>{MOD_RE})\s+(?!the\b))?(?P<num>{NUMBER_RE}|{FUZZY_RE})?\s*(?:more\s+)?(?P<unit>{UNIT_RE}|{UNIT_PLURAL_RE})(?P<orso>\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|back|from\s+now|hence|prior){_E}", 4),
        ("duration", rf"{_B}(?:(?P<mod>{MOD_RE})\s+(?!the\b))?(?:(?:the|each\s+of\s+the|all\s+of\s+the|another|an\s+additional|an\s+extra)\s+)?(?:(?P<rel>past|last|next|first|coming|previous|following|latest|final|remaining|initial|recent|preceding|subsequent|ensuing|other)\s+)?(?P<num>{NUMBER_RE}|{FUZZY_RE})(?:\s+to\s+(?:{NUMBER_RE}))?[\s-]+(?:{DURATION_FILLERS_RE}\s+)?(?P<unit>{UNIT_RE}|{UNIT_PLURAL_RE})(?P<half>\s+and\s+an?\s+half)?(?P<orso>\s+or\s+so)?{_E}", 2),
        ("adj-duration", rf"{_B}(?:(?P<num>{NUMBER_RE})-)?(?P<unit>{UNIT_RE}|{UNIT_PLURAL_RE})(?P<long>-long){_E}|{_B}(?P<num2>{NUMBER_WORD_RE}|\d+)-(?P<unit2>(?!quarter){UNIT_RE}){_E}", 2),
        ("bare-plural", rf"{_B}(?:(?P<rel>recent|coming|the\s+coming|next\s+few|past)\s+)?(?P<unit>years|months|weeks|decades|centuries|days|hours|minutes|quarters){_E}", 1),
        ("weekday", rf"(?:{_PRE})?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+previous|the\s+preceding|the\s+following|the\s+next|past|coming)\s+)?(?P<wd>{WEEKDAY_NAME_RE})(?P<pl>s)?(?:\s+(?P<pod>{PART_OF_DAY_RE})(?P<pl2>s)?)?{_E}", 2),
        ("clock", rf"{_B}(?:(?P<mod>around|approximately|roughly)\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b)(?:\s+(?P<tz>{_TZ}))?", 3),
        ("clock24", rf"{_B}(?:(?P<mod>around|approximately|roughly)\s+)?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?:\s+(?P<tz>{_TZ}))?(?![\w:])", 2),
        ("clock-mil", rf"{_B}(?P<hm>[01]\d[0-5]\d|2[0-3][0-5]\d)\s+(?P<tz>{_TZ}|hours?){_E}", 3),
        ("oclock", rf"{_B}(?:(?P<mod>around|approximately|roughly)\s+)?(?P<h>\d{{1,2}}|{'|'.join(w for w in SMALL_NUMBERS if 0 < SMALL_NUMBERS[w] <= 12)})\s+o['’]clock(?:\s+in\s+the\s+(?P<pod>morning|afternoon|evening))?{_E}", 3),
        ("clock-pod", rf"{_B}(?P<h>\d{{1,2}}|{'|'.join(w for w in SMALL_NUMBERS if 0 < SMALL_NUMBERS[w] <= 12)})\s+(?:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<pod2>night)){_E}", 3),
        ("noon", rf"{_B}(?:(?P<mod>around|approximately|roughly)\s+)?(?P<w>noon|midnight|midday){_E}", 2),
        ("generic", rf"{_B}(?P<w>right\s+now|just\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|the\s+present(?!\s+(?!day|time)\w)|at\s+the\s+moment|for\s+the\s+time\s+being|recently|lately|the\s+(?:distant\s+|recent\s+)?past(?!\s+\w)|the\s+(?:near\s+|foreseeable\s+|immediate\s+|distant\s+)?future(?!\s+of\b)|the\s+(?:near|short|long)\s+term(?![\w-])|a\s+later\s+date|as\s+soon\s+as\s+possible|(?:then[\s-]+)?current|recent){_E}", 1),
        ("set-adverb", rf"{_B}(?P<w>{'|'.join(SET_ADVERBS)}){_E}", 2),
        ("set-every", rf"{_B}(?:every|each|per)\s+(?P<other>other\s+)?(?:(?P<num>{NUMBER_RE})\s+)?(?P<t>{UNIT_RE}|{UNIT_PLURAL_RE}|{WEEKDAY_RE}|{MONTH_RE}|{SEASON_RE})(?:\s+(?P<pod>{PART_OF_DAY_RE}))?{_E}", 3),
        ("set-rate", rf"(?:(?<=\d\s)|(?<=\d%\s)|(?<=(?:ion|nts|ars|nds|ros|les|ons|ice|nce|ent)\s))(?:a|an|per)\s+(?P<unit>year|month|week|day|hour|minute|second){_E}", 3),
        ("set-freq", rf"{_B}(?:once|twice|thrice|(?:{NUMBER_RE})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>year|month|week|day|hour|minute|quarter|decade){_E}", 3),
    )
)


# ---------------------------------------------------------------- triggers
# Scanning the whole text with every pattern is slow (each starts with optional words), so a
# pattern only runs in a window around a word it cannot match without: its trigger.
_UNIT_WORDS = frozenset(
    [w for u in UNITS for w in (u, u + "s")] + ["centuries", "millennia", "morning", "afternoon", "evening",
                                                 "night", "nights", "fiscal", "period"]
)
_FAMILIES: dict[str, frozenset[str]] = {
    "month": frozenset(MONTH_WORDS),
    "weekday": frozenset(WEEKDAY_NAMES),
    "unit": _UNIT_WORDS,
    "season": frozenset(SEASONS),
    "day": frozenset({"today", "tonight", "yesterday", "tomorrow"}),
    "old": frozenset({"old", "aged", "age"}),
    "nineteen": frozenset({"nineteen"}),
    "decade": frozenset(DECADE_WORDS),  # "the fifties"; "1950s" and "'50s" are found by their digits
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
    "set": frozenset(list(SET_ADVERBS) + ["every", "each", "per", "once", "twice", "thrice", "times"]),
}
_RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "age": ("old",), "age-aged": ("old",), "iso": ("year",), "numeric": ("digit",), "mdy": ("month",),
    "dmy": ("month",), "month-year": ("month",), "month": ("month",), "spoken-year": ("nineteen",), "year-thousand": ("unit",),
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
    for name, pattern, priority in RULES:
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
                    spec = _READERS[name](m, text)
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
    # The chosen spans never overlap, so sorted by start their ends rise too: a new span can only
    # overlap the last one starting before its end (a scan of all made long texts quadratic).
    taken: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        k = bisect_left(taken, (c.end,))
        if k and taken[k - 1][1] > c.start:
            continue
        insort(taken, (c.start, c.end))
        chosen.append(c)
    return sorted((c for c in chosen if c.spec.type), key=lambda c: c.start)
