"""What a claim says that another report can confirm or deny: amounts with units and bounds, dates, ordinals.

Alignment uses these slots to keep paraphrases with different figures apart; contradiction
finding compares them. An amount is read as an interval, because news writes bounds and
approximations: "about 1,200" is 1,080-1,320, "fewer than 900" is 450-900, and "at least 14"
is 14-21 (an open bound in news is a count as far as it is known, not "any number above").
Two amounts agree when their intervals meet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from dataclasses import dataclass

from newsfuse.model import Number, TimeValue
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsfuse.fuse.claims.measures import measure, unit
from newsfuse.lexicon import MONTH_NAMES, ORDINALS, SCALE_ABBREVIATIONS, SCALE_WORDS, SMALL_NUMBERS, TENS, read_number
from newsfuse.nlp.time import TimexValue
from newsfuse.nlp.time.anchor import year_of_undated
from newsfuse.nlp.time.words import DIGITS_RE, NUMBER_WORD_RE

# Half-width of "about"/"some"/"around" as a share of the value. GVA train (reports of one
# shooting; bench/fit_contradiction_constants.py): of 92 approximate counts against the nearest
# count of the same noun in another report of the incident, 0.39 meet it exactly, 0.435 within a
# tenth, and no more until a fifth (0.446) and a half (0.489): past a tenth lie other things.
APPROX_SHARE = 0.1
# How far an open bound reaches when alignment tells statements apart: "at least 14" covers 14-21,
# "fewer than 900" 450-900. GVA train: the counts other reports of one shooting give for an "at
# least N" victim count lie at N (median) or up to half above it (25 of the 29 pairs at or above N:
# "at least eight" / "12", "at least four" / "five"); beyond are other counts ("at least two" /
# "12"). Contradictions read an open bound as open (``compatible``).
OPEN_BOUND_SHARE = 0.5
# Whole numbers from this size up that end in two or more zeros read as rounded ("1,200 workers"
# may be 1,150-1,299); below it "300" is as often exact as not, and stays exact.
ROUND_MIN = 1000
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Exact figures written differently ("6.5%" and "6.50%", "€4m" and "€4.0 million") still agree
# within this share; "6%" and "6.5%" do not.
EXACT_SHARE = 0.01
# Length of each time unit in days, to compare "72 hours" with "three days".
UNIT_DAYS = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "night": 1.0, "week": 7.0,
    "fortnight": 14.0, "month": 30.44, "quarter": 91.3, "year": 365.25, "decade": 3652.5,
}
# Content words after a count that say what it counts ("14 ships", "seven of the nine members";
# one word before is kept too: "magnitude 6.1"). Two words after let "first official visit"
# meet "second visit" (examples/setubal and tests/data/align, 2026-11).
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
UNIT_WORDS_AFTER = 2
# Fractions written as words, read as percentages ("fell by about a tenth" is about 10%).
FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}

_APPROX = ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "circa",
           "nearly", "almost", "close to", "just under", "just over", "or so")
_AT_LEAST = ("at least", "more than", "over", "upwards of", "in excess of", "well over", "no fewer than",
             "no less than", "above", "exceeding")
_AT_MOST = ("at most", "fewer than", "less than", "under", "up to", "no more than", "below", "as many as")
# Words between a number and the noun it counts ("900 of its staff", "14 more ships").
_UNIT_SKIP = frozenset({"of", "the", "its", "their", "his", "her", "our", "more", "other", "additional",
                        "extra", "new", "further", "-", "a", "an", "per", "cent", "percent", "percentage"})
# A month's first three letters begin every spelling of it ("Sept.", "September").
_MONTH_START = "|".join(name[:3] for name in MONTH_NAMES)
_MONTH_NAME = re.compile(rf"(?i)\b(?:{_MONTH_START})[a-z]*\.?\s*\d|\d\s+(?:{_MONTH_START})")
_MODIFIER_BEFORE = re.compile(
    r"(?i)\b(" + "|".join(sorted((re.escape(w) for w in _APPROX + _AT_LEAST + _AT_MOST), key=len, reverse=True))
    + r")\s+$"
)
_RATE = re.compile(r"^\s*(?:a|an|per|each|every)\s+(second|minute|hour|day|night|week|month|quarter|year)\b", re.I)
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z-]*[A-Za-z])?")
_SCALED = re.compile(r"(\d+(?:\.\d+)?)\s*(million|billion|trillion|thousand|bn|m|k)\b", re.I)
_CLAUSE_END = re.compile(r"[.,;:!?()\"“”—–]")
_NUMBER_WORDS = frozenset(SMALL_NUMBERS) | frozenset(TENS) | frozenset(ORDINALS) | {
    "hundred", "thousand", "million", "billion", "dozen", "dozens", "hundreds", "thousands", "percent", "cent"}
# A length of time that places a moment relative to another happening ("10 minutes before he
# realized", "two days later", "20 minutes into the game"): an offset, not how long a thing lasted.
_OFFSET = re.compile(r"\s*(?:before|after|earlier|later|ago|into|prior)\b", re.I)
# A North American phone number as news prints it ("(615) 862-8600", "615-862- 8600", "615.862.8600").
_PHONE = re.compile(r"\(?\d{3}\)?[-.\s]\s?\d{3}[-.]\s?\d{4}\b")
# A distance from a landmark ("three doors down", "two blocks away", "five miles from the school")
# places a happening; two reports' numbers there are positions of different things as often as not.
_POSITION = re.compile(
    r"\s*(?:doors?|houses?|blocks?|streets?|miles?|feet|foot|yards?|met(?:er|re)s?|kilomet(?:er|re)s?|km)"
    r"\s+(?:down|up|away|from|off|north|south|east|west|over)\b",
    re.I,
)
_DURATION = re.compile(
    r"^(?P<n>.*?)[\s-]*(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?"
    r"|years?|decades?)\b",
    re.I,
)
# "a quarter of a percentage point" is a size in other units, not a share: only a bare fraction is.
_FRACTION = re.compile(r"\b(?:a|one|an)\s+(half|third|quarter|fifth|tenth)\b(?!\s+of\s+an?\b)", re.I)
_CURRENCY_WORDS = r"euros?|dollars?|pounds?|yen|rupees?|roubles?|rubles?|yuan"
_CURRENCY = re.compile(rf"[€$£¥₹]|\b(?:{_CURRENCY_WORDS})\b", re.I)
_NUMBER = re.compile(
    rf"(?<![\w.,])(?:[€$£¥₹]\s?)?(?:{DIGITS_RE})(?:\s?%|\s+(?:percent|per cent|million|billion|trillion|m|bn)\b)?"
    rf"|\b(?:{NUMBER_WORD_RE})\b(?:\s+(?:percent|per cent|million|billion))?",
    re.I,
)
# A currency amount then an opening bracket: the bracketed amount converts it.
_CONVERTED = re.compile(rf"(?:[€$£¥₹]|\b(?:{_CURRENCY_WORDS}))\s?\d[\d,.]*"
                        r"(?:\s*(?:million|billion|trillion|bn|m))?\s*\(\s*$", re.I)
# Two whole numbers joined by a dash ("a 5-19 start", "won 88-72", "10-15 people"): a score or a
# record unless a plural noun follows, which makes it a range of a count.
_PAIRED_BEFORE = re.compile(r"(\d[\d,]*)\s?[-–]\s?$")
# The lower end of a range written apart from its upper one: "10-", "between 40 and", "40 percent to",
# "from $140 to".
_LOWER_END = re.compile(
    r"(?:\bbetween\s+[$€£]?(?P<between>\d[\d,.]*)\s*(?:%|percent|per cent)?\s+and"
    r"|[$€£]?(?P<to>\d[\d,.]*)\s*(?:%|percent|per cent)?\s*(?:[-–]|\bto\b))\s*$", re.I)
_PAIRED_AFTER = re.compile(r"\s?[-–]\s?\d[\d,]*")
_PAIR_INSIDE = re.compile(r"(\d[\d,.]*)\s?(?:[-–]|\bto\b)\s?(\d[\d,.]*)")
_PLURAL_PEOPLE = frozenset({"people", "men", "women", "children", "police", "staff", "personnel", "crew"})
# Capitals just before a number make it a model's or a thing's name ("AK-47", "an F-16", "MH17").
_CODE_BEFORE = re.compile(r"(?<![\w-])(?:[A-Z]{2,5}[-\s]?|[A-Z]-)$")
# A digit group split by a space after its point or comma ("a magnitude-5. 9 quake", "with 2, 129
# points", tokenised text as ECB+ holds it): the figure is "5.9" or "2,129" or two numbers, and the
# text cannot say which, so neither piece is read (English number form, not a fit).
_SPLIT_HEAD = re.compile(r"(?<![\d,.])\d{1,3}$")
_SPLIT_AFTER = re.compile(r"(?:\.\s\d|,\s\d{3}(?![\d,.]))")
_SPLIT_BEFORE = re.compile(r"(?<![\d,.])\d{1,3}(?P<mark>[.,])\s$")
# Three or more bare numbers in a list ("Internet Explorer versions 6, 7, 8 and 9", "Routes 1, 9 and
# 17"): items named by number, not counts (English number form, not a fit).
_NUMBER_LIST = re.compile(r"(?<![\d.,])\d+(?:(?:\s*,\s*|,?\s+(?:and|or)\s+)\d+(?![\d.]|,\d)){2,}")
# Letters glued to a number that keep it a number: ordinal endings, decades, scales.
_NUMBER_ENDINGS = frozenset({"st", "nd", "rd", "th", "s", "am", "pm"}) | frozenset(SCALE_ABBREVIATIONS)
_ORDINAL_WORD = re.compile(rf"\b(?:{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th))\b", re.I)
_PART_MONTHS = {"Q1": range(1, 4), "Q2": range(4, 7), "Q3": range(7, 10), "Q4": range(10, 13), "H1": range(1, 7),
                "H2": range(7, 13), "SP": range(3, 6), "SU": range(6, 9), "FA": range(9, 12), "WI": range(12, 13)}


@dataclass(frozen=True, slots=True)
class Amount:
    """A number in a claim, as an interval in comparable units, with the noun it counts."""

    text: str
    kind: str  # cardinal | ordinal | money | percent | quantity | duration
    value: float
    lo: float
    hi: float
    unit: str  # counts: content words around it ("magnitude earthquake"); "%", a currency (and rate), "time"
    start: int
    end: int
    noun: str = ""  # the first content word after a count: what it counts ("vessel")

    def meets(self, other: Amount) -> bool:
        """True when the two intervals overlap, i.e. both figures can be true at once."""
        return self.lo <= other.hi and other.lo <= self.hi


def compatible(x: Amount, y: Amount) -> bool:
    """Whether two figures can both be true, read as a reader would: an open bound is open ("at least
    14" allows 17, "fewer than 900" allows 500), and a figure rounded at the precision it is written
    covers what it rounds ("$43 million" covers $43,885,310, "1,200" covers 1,150-1,299)."""
    (xl, xh), (yl, yh) = reach(x), reach(y)
    return xl <= yh and yl <= xh


def reach(x: Amount) -> tuple[float, float]:
    """The values a figure allows: its interval, widened by its rounding (half a step down, a whole
    step up, since news both rounds and truncates) and opened on the side an open bound leaves open."""
    low = x.text.lower()
    lo, hi = x.lo, x.hi
    step = rounding_step(x)
    if step:
        lo, hi = min(lo, x.value - step / 2), max(hi, x.value + step)
    if any(low.startswith(w + " ") for w in _AT_LEAST):
        hi = float("inf")
    elif any(low.startswith(w + " ") for w in _AT_MOST):
        lo = 0.0
    return lo, hi


def rounding_step(x: Amount) -> float:
    """The last place a figure is written to, when it reads as rounded: a figure with a scale word
    (``written_step``: "43 million" → a million, "4.5bn" → 0.1 billion) or a whole number of at least
    ROUND_MIN ending in two or more zeros ("1,200" → 100); 0 for any other (exact) figure, and for
    shares and times."""
    if x.kind not in ("cardinal", "money", "quantity"):
        return 0.0
    step = written_step(x.text)
    if step:
        # "$80 million" is as often $82 million rounded as exactly 80: one trailing zero of the
        # figure before its scale word widens the step tenfold (more would let "$100 million" meet 150).
        mantissa = _SCALED.search(x.text).group(1)
        return step * 10 if "." not in mantissa and len(mantissa) > 1 and mantissa.endswith("0") else step
    m = _DIGITS.search(x.text)
    if m is None:
        return 0.0
    digits = m.group().replace(",", "")
    if "." in digits or x.value is None or x.value < ROUND_MIN:
        return 0.0
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** zeros if zeros >= 2 else 0.0


def amounts(numbers: Sequence[Number], text: str) -> tuple[Amount, ...]:
    """The amounts of a claim's numbers; ``text`` is the article text the spans point into."""
    out = []
    for number in numbers:
        amount = read_amount(number, text)
        if amount is not None:
            out.append(amount)
    return tuple(out)


def read_amount(number: Number, text: str) -> Amount | None:
    """One number as an interval with its unit, or None when it has no value ("dozens")."""
    before = text[max(0, number.start - 24) : number.start].lower()
    written = number.text
    low = written.lower()
    kind = number.kind
    value = number.value
    fraction = _FRACTION.search(low)
    if fraction and re.match(r"\s+of\s+an?\b", text[number.end : number.end + 8]):
        return None  # "a quarter of a percentage point": a size in units we do not read
    if fraction:  # "about a tenth" is a share, not the cardinal 10
        kind, value = "percent", FRACTIONS[fraction.group(1).lower()]
    elif kind == "duration" or (kind in ("cardinal", "quantity") and _DURATION.match(low)):
        if re.match(r"[\s-]*old\b", text[number.end : number.end + 6]):
            return None  # "a 32-year-old": an age
        m = _DURATION.match(low)
        if m is None:
            return None
        n = read_number(m.group("n")) if m.group("n").strip(" -") else 1.0
        if n is None:
            return None
        unit = m.group("unit").lower().rstrip("s")
        if _OFFSET.match(text[number.end : number.end + 12]):
            return None  # "10 minutes before he realized", "two days later": when, not how long
        kind, value = "duration", n * UNIT_DAYS[unit]
    elif kind == "cardinal" and (_CURRENCY.search(low) or _CURRENCY.search(before[-3:])):
        kind = "money"
    if kind == "money" and _CONVERTED.search(text[max(0, number.start - 40) : number.start]):
        return None  # "euro110 billion ($141 billion)": a conversion at some rate, not a second figure
    elif kind == "cardinal" and ("%" in low or "percent" in low or "per cent" in low):
        kind = "percent"
    if value is None or _not_a_quantity(text, number.start, number.end):
        return None
    if kind == "cardinal" and _score(text, number.start, number.end):
        return None
    lo, hi = bounds(value, low + " ", before)
    pair = _PAIR_INSIDE.search(low)
    if pair and kind in ("cardinal", "quantity") and value > 0 and (last := read_number(pair.group(2))) and last > value:
        hi = max(hi, hi * last / value)  # "10-15 people", "about 10 to 15 miles"
    elif kind in ("cardinal", "percent", "money") and (
            m := _LOWER_END.search(text[max(0, number.start - 30) : number.start])):
        first = read_number(m.group("between") or m.group("to"))  # the upper end of a range read apart
        scale = _SCALED.search(low)
        if first and scale and first * value / float(scale.group(1)) <= value:
            first *= value / float(scale.group(1))  # "$140-$150 million": both ends in millions
        lo = min(lo, lo * first / value) if first and value else lo
    lead = _MODIFIER_BEFORE.search(text[max(0, number.start - 24) : number.start])
    if lead and not any(low.startswith(w) for w in _APPROX + _AT_LEAST + _AT_MOST):
        written = lead.group(1) + text[number.start - len(lead.group(0)) + len(lead.group(1)) : number.start] + written
    if kind == "cardinal" and low in ("one", "a", "an") and (
            re.search(r"\b(?:no|any|every|some|each|which|the|that|this)\s*$", before) or
            re.match(r"\s+(?:of|another|by|or)\b", text[number.end : number.end + 9])):
        return None  # "no one", "one of the", "one by one": a pronoun, not a count
    if kind in ("cardinal", "ordinal") and text[number.end : number.end + 1] == "-" and not _DURATION.match(
            text[number.end + 1 : number.end + 12]):
        return None  # "a one-off", "a two-thirds majority": part of a word, not a count
    after = _CLAUSE_END.split(text[number.end : number.end + 60])[0]
    nouns = [lemma(w) for w in _WORD.findall(after) if _is_content(w)]
    noun = nouns[0] if nouns and kind in ("cardinal", "ordinal") else ""
    if kind == "quantity":  # in its dimension's base unit: "about 15 miles" meets "about 24km"
        noun, size = measure(number.text, text[number.end : number.end + 20])
        value, lo, hi = value * size, lo * size, hi * size
    return Amount(written, kind, value, lo, hi, _unit(kind, written, text, number.start, number.end), number.start,
                  number.end, noun)


def _split_digit_group(number: str, before: str, after: str) -> bool:
    """Whether ``number`` is a piece of a digit group split by a space ("5. 9", "2, 129"): it holds
    the split, its head is followed by the rest, or it is the rest after a split point or comma."""
    if re.search(r"\d[.,]\s\d", number) or _SPLIT_HEAD.search(number) and _SPLIT_AFTER.match(after):
        return True
    split = _SPLIT_BEFORE.search(before)
    return bool(split and (split.group("mark") == "." or re.fullmatch(r"\d{3}", number)))


def _listed(text: str, start: int, end: int) -> bool:
    """Whether the bare number at ``start``–``end`` is one of three or more listed ("6, 7, 8 and 9")."""
    if not re.fullmatch(r"\d+", text[start:end]):
        return False
    window = max(0, start - 40)
    return any(m.start() + window <= start and end <= m.end() + window
               for m in _NUMBER_LIST.finditer(text[window : end + 40]))


def _not_a_quantity(text: str, start: int, end: int) -> bool:
    """A number that names rather than counts: an age ("a 32-year-old", "Smith, 30,"), an address
    ("the 800 block of", "Highway 5"), a position ("three doors down"), a phone number, a time of day
    ("5 p.m.")."""
    after = text[end : end + 12].lower()
    before = text[max(0, start - 30) : start]
    if re.match(r"[\s-]*(?:years?[\s-]*old|-year-old|block\b|p\.?\s?m\b|a\.?\s?m\b|o'clock)", after):
        return True
    if re.search(r"\d\s*[ap]\.?\s?m\b", text[start:end].lower()) or re.match(r"\s?:\s?\d\d", after) or re.search(
            r"\d\s?:\s?$", before):
        return True  # "3:33 a.m.": a time of day
    if re.match(r"-years?\b", after) and "old" in after:
        return True
    window = max(0, start - 12)
    if any(m.start() + window <= start and end <= m.end() + window for m in _PHONE.finditer(text[window : end + 12])):
        return True  # "615-862-8600": a phone number, not a count
    if re.match(r"0\d", text[start:end]) or re.search(r"\b0\d{2,}[\s-]+(?:\d+[\s-]+)?$", before):
        return True  # "0800 555 111": a number written with a leading zero is a code
    tail = re.search(r"[A-Za-z]+$", text[start:end])
    if _POSITION.match(text[end : end + 30]) or tail and _POSITION.match(" " + tail.group(0) + text[end : end + 30]):
        return True  # "three doors down", "two miles from the school", "24km north of": where, not how many
    glued = re.match(r"\D*?\d[\d,.]*([A-Za-z]+)", text[start : end + 12])
    if glued and start + glued.start(1) <= end and _named_by(glued.group(1)):
        return True  # "the 76ers", "3D": letters glued to the digits make a name
    if re.match(r"\d+(?i:st|nd|rd|th)\s+[A-Z]", text[start : end + 6]):
        return True  # "101st Ave", "117th Street", "the 82nd Airborne": a name's ordinal
    if _CODE_BEFORE.search(before):
        return True  # "AK-47", "an F-16": a name's number
    if re.search(r"\w-(?:by|on|in|to|and)-\s?$", before):
        return True  # "a four-by-four", "one-on-one", "two-to-one": the end of a compound word, not a count
    if _split_digit_group(text[start:end], before, after):
        return True  # "5. 9", "2, 129": a split digit group, unreadable (not "Since 2005, 14 cases")
    if _listed(text, start, end):
        return True  # "versions 6, 7, 8 and 9": numbered items
    if re.search(r"\d+\s+of\s+$", before) or re.match(r"\s+of\s+\d", after):
        return True  # "Image 2 of 3": a position in a list
    if re.search(r"[A-Z][a-z]+\s+(?:No\.\s*)?$", before) and not re.search(r"(?:^|[.!?]\s+)[A-Z][a-z]+\s+$", before):
        return True  # "Highway 5", "Flight 370", "Room 101": a name's number (not a sentence's first word)
    return bool(re.search(r"[A-Z][\w'’-]+,\s*$", before) and re.match(r"\s*,", after))  # "Smith, 30,"


def _named_by(letters: str) -> bool:
    """Letters glued to a number that make it a name ("76ers", "3D"), not a unit or an ending ("24km", "5th")."""
    low = letters.lower()
    return low not in _NUMBER_ENDINGS and low not in SCALE_WORDS and unit(low) is None


def _score(text: str, start: int, end: int) -> bool:
    """A number of two joined by a dash with no plural noun after them: a score or a record ("a 5-19
    start", "an 88-72 setback", "a record of 9-14"), not a count of anything ("10-15 people" is)."""
    if _PAIRED_BEFORE.search(text[max(0, start - 3) : start]):
        pair_end = end
    elif m := _PAIRED_AFTER.match(text, end):
        pair_end = m.end()
    elif _PAIR_INSIDE.search(text[start:end]) and "to" not in text[start:end].lower().split():
        pair_end = end
    else:
        return False
    word = re.match(r"\s+([A-Za-z]+)", text[pair_end : pair_end + 30])
    if word is None:
        return True
    low = word.group(1).lower()
    return not (low in _PLURAL_PEOPLE or lemma(low) != low or low in ("percent", "per"))


def bounds(value: float, written: str, before: str = "") -> tuple[float, float]:
    """The interval a figure stands for, from the words written with it or just before it."""
    context = " " + before.lower().split(".")[-1][-16:] + " " + written.lower()
    if any(f" {w} " in context for w in _AT_LEAST):
        return value, value * (1 + OPEN_BOUND_SHARE)
    if any(f" {w} " in context for w in _AT_MOST):
        return value * (1 - OPEN_BOUND_SHARE), value
    if any(f" {w} " in context for w in _APPROX):
        return value * (1 - APPROX_SHARE), value * (1 + APPROX_SHARE)
    step = written_step(written)
    # A value read without its scale ("€4m" read as 4) keeps the exact share. Just under half a step,
    # so that neighbouring roundings ("1.2 billion", "1.3 billion") do not touch.
    half = max(EXACT_SHARE * value, step / 2 * (1 - EXACT_SHARE) if step <= value else 0.0)
    return value - half, value + half


def written_step(written: str) -> float:
    """The step of a figure's last written digit when a scale word follows it: "$43 million" 1e6,
    "1.2 billion" 1e8; 0 for a figure written in full ("$43,885,310"), whose trailing zeros may
    be exact. A figure stands for any value that rounds to it ("1.2 billion" for 1.15-1.25 billion)."""
    m = _SCALED.search(written)
    if not m:
        return 0.0
    word = m.group(2).lower()  # _SCALED ignores case: "$5M", "2 Million"
    scale = SCALE_WORDS.get(word) or SCALE_ABBREVIATIONS[word]
    decimals = len(m.group(1).partition(".")[2])
    return scale * 10.0 ** -decimals


def _unit(kind: str, written: str, text: str, start: int, end: int) -> str:
    """What the amount counts: for counts and ordinals the content words around it ("magnitude 6.1
    earthquake" → "magnitude earthquake"); a currency sign (and rate) for money; "%" or "time" otherwise."""
    if kind == "duration":
        return "time"
    if kind == "percent":
        return "%"  # what the share is of is said anywhere in the clause; the claims' likeness decides
    if kind == "money":
        sign = _CURRENCY.search(written) or _CURRENCY.search(text[max(0, start - 3) : end])
        rate = _RATE.match(text[end : end + 20])
        return (sign.group(0).lower() if sign else "money") + (f"/{rate.group(1).lower()}" if rate else "")
    after = _CLAUSE_END.split(text[end : end + 60])[0]
    before = _CLAUSE_END.split(text[max(0, start - 40) : start])[-1]
    nxt = [lemma(w) for w in _WORD.findall(after) if _is_content(w)][:UNIT_WORDS_AFTER]
    prev = [lemma(w) for w in _WORD.findall(before) if _is_content(w)][-1:]
    return " ".join(prev + nxt)


def _is_content(word: str) -> bool:
    low = word.lower()
    return (len(low) > 2 and low not in _UNIT_SKIP and low not in ENGLISH_STOP_WORDS and low not in _NUMBER_WORDS
            and not any(f" {low} " in f" {w} " for w in _APPROX + _AT_LEAST + _AT_MOST))


def lemma(word: str) -> str:
    """A crude singular ("vessels" → "vessel", "staff" stays), enough to compare counted nouns."""
    word = word.lower().strip("'’")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def find_numbers(text: str, start: int, end: int) -> tuple[Number, ...]:
    """Numbers in ``text[start:end]`` read without a parse, for sentences no claim covers.

    Years and day numbers of dates are left out: they are dates, compared as times.
    """
    piece = text[start:end]
    out = []
    for m in _NUMBER.finditer(piece):
        written = m.group(0)
        if re.fullmatch(r"(?:1[89]|20)\d\d", written) or _is_date_part(piece, m.start(), m.end()):
            continue
        s, e = start + m.start(), start + m.end()
        duration = _DURATION.match(written + text[e : e + 12])
        if duration and duration.group("n").strip() == written.strip():
            e = s + duration.end()
            written = text[s:e]
            out.append(Number(s, e, written, read_number(duration.group("n")), "duration"))
            continue
        kind = "percent" if "%" in written or "cent" in written.lower() else "cardinal"
        if _CURRENCY.search(written):
            kind = "money"
        if written.lower() in ("one", "a", "an"):
            continue  # "one of the …" counts nothing
        out.append(Number(s, e, written, read_number(written), kind))
    fractions = [(start + m.start(), start + m.end(), m) for m in _FRACTION.finditer(piece)]
    for s, e, m in fractions:
        out.append(Number(s, e, m.group(0), FRACTIONS[m.group(1).lower()], "percent"))
    for m in _ORDINAL_WORD.finditer(piece):
        s, e = start + m.start(), start + m.end()
        if not any(fs <= s and e <= fe for fs, fe, _ in fractions):  # "a tenth" is a share
            out.append(Number(s, e, m.group(0), read_number(m.group(0), ordinal=True), "ordinal"))
    return tuple(sorted(out, key=lambda n: n.start))


def _is_date_part(piece: str, s: int, e: int) -> bool:
    """A day number beside a month name ("January 29", "29 January"): part of a date."""
    around = piece[max(0, s - 10) : e + 10]
    return bool(re.search(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b", around)
                or re.search(r"(?i)\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", around))


def calendar_values(times: Sequence[TimeValue], start: int, end: int) -> tuple[str, ...]:
    """Calendar dates (a year, a part of one, a month or a day) of the time expressions inside ``[start, end)``."""
    out = []
    for t in times:
        value = _without_time(t.value)  # the day of a time ("2025-10-17T06:00")
        if t.type in ("DATE", "TIME") and start <= t.start and t.end <= end and _is_period(value):
            out.append(str(value))
    return tuple(dict.fromkeys(out))


def _without_time(value: str) -> TimexValue | None:
    v = TimexValue.parse(value)
    return v.coarsen("day") if v is not None else None


def _is_period(v: TimexValue | None) -> bool:
    """A year, or a month, day, quarter, half or season of a known year, every field given, without a time."""
    return v is not None and v.known and not v.by_week and v.time is None


def date_amounts(times: Sequence[TimeValue], start: int, end: int) -> tuple[Amount, ...]:
    """The days written out inside ``[start, end)`` ("March 12", "12/03/2025") as amounts of kind
    "date" (value: the day number). A weekday ("on Tuesday") is left out: its day is worked out
    from each report's own date, and two reports' anchors differ more often than their accounts."""
    out = []
    for t in times:
        value = _without_time(t.value)
        written = _MONTH_NAME.search(t.text) or re.search(r"\d{1,4}[/.-]\d{1,2}", t.text)
        if t.type in ("DATE", "TIME") and start <= t.start and t.end <= end and value is not None and written:
            day = _day_number(value) if value.precision == "day" else None
            if day is not None:
                out.append(Amount(str(value), "date", float(day), float(day), float(day), "", t.start, t.end))
    return tuple(out)


def months(value: str) -> tuple[int, range] | None:
    """(year, months) a calendar value covers: "2025-Q4" → (2025, 10-12), "2025-10-15" → (2025, 10)."""
    v = TimexValue.parse(value)
    if not _is_period(v):
        return None
    if v.month is not None:
        return v.year, range(v.month, v.month + 1)
    part = {"quarter": f"Q{v.quarter}", "half": f"H{v.half}", "season": v.season}.get(v.precision)
    return v.year, _PART_MONTHS[part] if part else range(1, 13)


def dates_meet(a: str, b: str) -> bool:
    """Two calendar values can name the same time: the same months, and the same day when both give one."""
    ma, mb = months(a), months(b)
    if ma is None or mb is None:
        return False
    if ma[0] != mb[0] or not set(ma[1]) & set(mb[1]):
        return False
    da, db = TimexValue.parse(a).day, TimexValue.parse(b).day
    return not (da is not None and db is not None and da != db)


def dates_clash(a: Sequence[str], b: Sequence[str]) -> tuple[str, str] | None:
    """A pair of dates, one from each side, that cannot be the same time while no other pair meets."""
    if not a or not b:
        return None
    if any(dates_meet(x, y) for x in a for y in b):
        return None
    return a[0], b[0]


def days_between(a: str | None, b: str | None) -> int | None:
    """Days between two day values; one without its year ("XXXX-10-12") takes the year closest to the other."""
    signed = days_from(a, b)
    return abs(signed) if signed is not None else None


def days_from(a: str | None, b: str | None) -> int | None:
    """Days from ``a`` to ``b`` (positive when ``b`` is later), a year-less value taking the year
    closest to the other's; None when either is unknown or both lack a year."""
    if not a or not b:
        return None
    da, db = day_number(a), day_number(b)
    if da is not None and db is not None:
        return db - da
    if da is None and db is None:
        return None
    full, partial = (da, TimexValue.parse(b)) if da is not None else (db, TimexValue.parse(a))
    if partial is None or partial.year is not None or not partial.has_calendar_day:
        return None
    year = year_of_undated(partial.month, partial.day, date.fromordinal(full))
    if year is None:
        return None
    nearest = date(year, partial.month, partial.day).toordinal()
    return nearest - full if da is not None else full - nearest


def day_number(value: str | None) -> int | None:
    """Days since 0001-01-01 of a calendar value, taking the middle of a month or year; None if not a date."""
    v = TimexValue.parse(value)
    # A time on a day counts as its day; a month or year with a part of the day is no date.
    return _day_number(v) if v is not None and (v.time is None or v.precision == "time") else None


def _day_number(v: TimexValue) -> int | None:
    if not (v.known and v.by_month):
        return None
    month, day = v.month or 7, v.day or (15 if v.month else 1)
    try:
        return date(v.year, month, day).toordinal()
    except ValueError:
        return None
