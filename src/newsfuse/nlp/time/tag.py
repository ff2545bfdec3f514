"""Time expressions: find them in a parsed document and normalise them to TIMEX3 values."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newsfuse.model import TimeValue
from newsfuse.nlp.time.docdate import reference_date
from newsfuse.nlp.time.anchor import (
    FUTURE,
    PAST,
    PRESENT,
    Point,
    choose,
    fill,
    finer,
    floor,
    future_event,
    occurrences,
    parse_point,
    present_plan,
    shift,
    tense_of,
    unknown_shift_value,
    unknown_year_value,
)
from newsfuse.nlp.time.rules import Candidate, Spec, candidates, select, trim
from newsfuse.nlp.time.value import TimexValue

# A quarter named this many sentences back still sets the grain of "a year ago" (earnings
# reports compare a quarter with the same quarter a year before; TimeBank train, 2026-05).
QUARTER_CONTEXT_SENTENCES = 2
# "Two days later" counts from a date named this many sentences back at most; further back
# the report's own date is the likelier anchor (TBAQ, 2026-05).
NEAR_REF_SENTENCES = 1
# How many days further away an occurrence on the wrong side of the governing verb's tense
# counts when choosing the year of "Dec. 7" or "in April". A past verb is weak evidence
# (reports in the past tense announce dates to come: "declared a dividend, payable Dec. 7"),
# so a date up to a month ahead of a past-tense report stays ahead; a future verb ("will")
# is decisive. (Value F1 on TBAQ, 2026-05: within 0.001 for 250-300 days, 0.003 lower at 180.)
PAST_TENSE_PENALTY_DAYS = 300
FUTURE_TENSE_PENALTY_DAYS = 366
# For weekdays the tense decides outright (a week is the most a weekday can be off).
WEEKDAY_TENSE_PENALTY_DAYS = 14
# How far after a clock time the day it belongs to may be named in its sentence ("at around
# 3 p.m. local time (1300 GMT) on Wednesday").
CLOCK_DAY_CHARS = 60
_JOIN_TIME_DAY = re.compile(r"(?:,\s*|\s+)(?:on\s+)?")


def find_times(doc, dct: date | None, sent_of_token: dict[int, int] | None = None) -> tuple[TimeValue, ...]:
    """Every time expression in ``doc`` with its TIMEX3 type and value, anchored to ``dct``."""
    return find_times_and_date(doc, dct, sent_of_token)[0]


def find_times_and_date(
    doc, dct: date | None, sent_of_token: dict[int, int] | None = None
) -> tuple[tuple[TimeValue, ...], str | None, str]:
    """(time expressions, the report's date as its text gives it, its basis) for ``doc``.

    The date and basis are (None, "") when ``dct`` is given or the text does not say; otherwise
    every relative expression was anchored to that date, so a caller that adopts it as the
    publication date gets the same values as a run with it as ``dct``.

    Steps:
    1. match the patterns over the text and keep the longest non-overlapping spans;
    2. drop bare numbers the parser reads as counts and titles ("ABC's This Week"), and join
       a clock time to its day;
    3. anchor each expression in reading order: to ``dct`` (or, without one, the date the text
       itself gives for the report, or the day of the past event its lead dates, see
       :func:`newsfuse.nlp.time.docdate.reference_date`; failing that, what no anchor can give stays
       X: "XXXX-10-15"), to the last date mentioned, or by the governing verb's tense;
    4. return the spans with their sentence index.
    """
    text = doc.text
    # 1. patterns
    chosen = [trim(c, text) for c in select(candidates(text))]
    # 2. parser checks and joins
    chosen = _join_time_and_day([c for c in chosen if _plausible(c, doc, text)], text)
    # 3. anchoring
    sentence_of = _sentence_index(doc, sent_of_token) if chosen else None
    own, basis = (None, "") if dct is not None or not chosen else _date_from_text(chosen, doc, sentence_of)
    anchor = dct if dct is not None else (date.fromisoformat(own) if own else None)
    if basis == "event":  # an event's day anchors the relative times, but it is not the report's date
        own, basis = None, ""
    state = _State(anchor=anchor)
    sentences = [_sentence_of(doc, c.start, c.end, sentence_of) for c in chosen]
    out = []
    for i, c in enumerate(chosen):
        sent = sentences[i]
        value = _clock_on_later_day(i, chosen, sentences, doc, state) or _resolve(c, doc, state, sent)
        if not value:
            continue
        point = parse_point(value) if c.spec.type in ("DATE", "TIME") else None
        if (point is not None and i > 0 and state.last is not None and state.last_sentence == sent
                and _ends_range(chosen[i - 1], c, text)):
            later = _after_range_start(c.spec, point, state.last)
            if later != point:
                point, value = later, later.value() + c.spec.tod
        if point is not None and not value.startswith("X"):
            state.remember(point, sent, _names_period(c.spec) and (anchor is None or point.end() < anchor))
        # 4. records
        out.append(TimeValue(c.start, c.end, text[c.start : c.end], c.spec.type, value, c.spec.mod, sent))
    return tuple(out), own, basis


@dataclass(slots=True)
class _State:
    """What anchoring has learnt so far in one document."""

    anchor: date | None  # the document date, or the one its text gives
    last: Point | None = None
    last_sentence: int = -1
    # The last quarter or half-year the text talked about, and where.
    period: Point | None = None
    period_sentence: int = -10**6

    def remember(self, point: Point, sentence: int, names_period: bool) -> None:
        self.last = point
        self.last_sentence = sentence
        if names_period and point.grain in ("Q", "H"):
            self.period = point
            self.period_sentence = sentence


_RANGE_START = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|and|-|–|—)\s*", re.I)


def _ends_range(first: Candidate, second: Candidate, text: str) -> bool:
    """'from late April to early October', 'between December and March'."""
    return bool(_RANGE_JOIN.fullmatch(text[first.end : second.start])
                and _RANGE_START.search(text[max(0, first.start - 16) : first.start]))


def _after_range_start(spec: Spec, point: Point, start: Point) -> Point:
    """The end of a range is not before its start: a month or month-day whose year the text
    leaves open moves a year on ("from December to March" → the March after that December)."""
    if spec.year is not None or spec.anchor or spec.month is None or point.end() >= start.start_of_grain():
        return point
    later = fill(spec, point.day.year + 1)
    return later if later is not None and later.end() >= start.start_of_grain() else point


def _is_bare_clock(spec: Spec) -> bool:
    """A clock time that names no day of its own ("3 p.m.", "1300 GMT")."""
    return (spec.type == "TIME" and spec.anchor == "ref" and spec.unit == "D" and spec.shift == 0
            and spec.tod[1:2].isdigit() and spec.day is None and spec.weekday is None)


def _clock_on_later_day(i: int, chosen: list[Candidate], sentences: list[int], doc, state: _State) -> str:
    """'at around 3 p.m. local time (1300 GMT) on Wednesday': a clock time takes the day that
    its own sentence names after it, unless that sentence named a day before it. '' otherwise."""
    c = chosen[i]
    sent = sentences[i]
    if not _is_bare_clock(c.spec) or sent < 0 or (state.last is not None and state.last_sentence == sent):
        return ""
    for j in range(i + 1, len(chosen)):
        nxt = chosen[j]
        if sentences[j] != sent or nxt.start - c.end > CLOCK_DAY_CHARS:
            return ""
        if _is_bare_clock(nxt.spec):
            continue
        if not _names_a_day(nxt.spec):
            return ""
        day = parse_point(_resolve(nxt, doc, state, sent) or "")
        return day.value() + c.spec.tod if day is not None and day.grain == "D" else ""
    return ""


def _names_period(spec: Spec) -> bool:
    """Whether an expression names the quarter a report is about ("the third quarter", "the
    quarter"), rather than one a year before it for comparison ("the 1988 period")."""
    if spec.anchor == "ref" and spec.year is not None:
        return False
    if spec.quarter is not None or spec.half is not None:
        return not (spec.anchor and spec.shift < 0)
    return spec.unit in ("Q", "H") and spec.shift >= 0


def _resolve(c: Candidate, doc, state: _State, sent: int) -> str:
    spec = c.spec
    calendar = any(v is not None for v in (spec.month, spec.day, spec.weekday, spec.quarter, spec.half,
                                           spec.season, spec.holiday))
    if spec.value and not calendar and not spec.anchor:
        return spec.value
    if calendar:
        value = _resolve_calendar(c, doc, state)
    elif spec.anchor:
        value = _resolve_shift(spec, state, sent)
    else:
        return ""
    if spec.tod and not value.startswith("P"):
        value += spec.tod
    return value


def _resolve_calendar(c: Candidate, doc, state: _State) -> str:
    spec = c.spec
    if spec.year is not None:
        p = fill(spec, spec.year)
        return p.value() if p else unknown_year_value(spec)
    base = _base_day(spec.anchor, state)
    if base is None:
        return unknown_year_value(spec)
    if spec.anchor and spec.unit == "Y":
        p = fill(spec, base.year + spec.shift)
        return p.value() if p else unknown_year_value(spec)
    options = occurrences(spec, base)
    if spec.weekday is not None and spec.month is not None:
        # "Monday, Oct. 26": the year in which that day is a Monday.
        options = [p for p in options if p.day.isoweekday() == spec.weekday] or options
    if spec.direction:
        p = choose(options, base, None, spec.direction)
    elif spec.quarter is not None or spec.half is not None:
        # The nearest quarter, whatever the tense: reports look back on a quarter just ended in
        # the future tense ("expects to report a third-quarter loss") and in the past tense on
        # fiscal quarters still running (TBAQ: any tense rule costs 10 quarters, 2026-05). Only
        # a quarter that has not begun cannot be told in the past ("third-quarter profit rose"
        # in May is last year's third quarter).
        # Nor can one that has ended be what something will do in it ("plans to lend more in the
        # second half" in March is this year's second half), unless the verb tells results.
        tense = tense_of(doc, c.start, c.end)
        p = choose(options, base, None)
        if p is not None and tense == PAST and p.start_of_grain() > base:
            p = choose([o for o in options if o.start_of_grain() <= base], base, None) or p
        elif p is not None and p.end() < base and future_event(doc, c.start, c.end):
            p = choose([o for o in options if o.end() >= base], base, None) or p
    elif spec.weekday is not None and spec.month is None:
        # A bare weekday is a past one unless a future verb governs it: news reports what
        # happened, and even its present tense mostly does (TBAQ: 8 of 9 present-tense weekdays).
        tense = tense_of(doc, c.start, c.end)
        tense = FUTURE if tense == FUTURE or (tense == PRESENT and present_plan(doc, c.start, c.end)) else PAST
        p = choose(options, base, tense, past_penalty=WEEKDAY_TENSE_PENALTY_DAYS,
                   future_penalty=WEEKDAY_TENSE_PENALTY_DAYS)
    else:
        tense = tense_of(doc, c.start, c.end)
        if tense == PRESENT and present_plan(doc, c.start, c.end):
            tense = FUTURE  # "the law takes effect in July": news writes coming events in the present
        p = choose(options, base, tense, past_penalty=PAST_TENSE_PENALTY_DAYS,
                   future_penalty=FUTURE_TENSE_PENALTY_DAYS)
    if p is None:
        return unknown_year_value(spec)
    if spec.grain:
        p = Point(spec.grain, floor(p.day, spec.grain))
    return p.value()


def _base_day(anchor: str, state: _State) -> date | None:
    if anchor == "ref" and state.last is not None and state.last.grain == "D":
        return state.last.day
    return state.anchor


def _resolve_shift(spec: Spec, state: _State, sent: int) -> str:
    unit = spec.unit
    if unit.startswith("T"):  # "three hours ago": the day it falls on
        if state.anchor is None:
            return "XXXX-XX-XX"
        seconds = {"TH": 3600, "TM": 60, "TS": 1}[unit] * spec.shift
        return (state.anchor + timedelta(days=int(seconds / 86400))).isoformat()
    if (unit == "D" and spec.anchor == "ref" and spec.shift == 0 and state.last is not None
            and state.last.grain in ("M", "Y") and sent - state.last_sentence <= NEAR_REF_SENTENCES):
        # "last October when he was shot ... crossed out that same day": a day of that month,
        # which the text does not name (TimeML writes the day it leaves open as XX).
        return state.last.value() + ("-XX" if state.last.grain == "M" else "-XX-XX")
    found = _shift_base(spec, state, sent)
    if found is None:
        return unknown_shift_value(unit)
    base, grain = found
    if spec.year is not None:  # "the 1988 period": the reported quarter, in 1988
        base = Point(base.grain, base.day.replace(year=spec.year, day=1))
    return Point(grain, floor(shift(base.day, unit, spec.shift), grain)).value()


def _shift_base(spec: Spec, state: _State, sent: int) -> tuple[Point, str] | None:
    """The point a shift starts from, and the grain of the result."""
    unit = spec.unit
    if unit in ("Q", "H") and spec.anchor == "ref":
        # "the quarter", "the year-ago quarter": the period the report is about, else the last one ended.
        if state.period is not None and state.period.grain == unit:
            return state.period, unit
        if state.anchor is None:
            return None
        return Point(unit, shift(floor(state.anchor, unit), unit, -1)), unit
    if spec.follow_ref_grain and state.period is not None and sent - state.period_sentence <= QUARTER_CONTEXT_SENTENCES:
        return state.period, state.period.grain
    if (spec.anchor == "ref" and state.last is not None and finer(state.last.grain, _coarse(unit))
            and (not spec.near_ref or sent - state.last_sentence <= NEAR_REF_SENTENCES)):
        # "a year earlier" after a day keeps the day ("Aug. 7, 1998 ... a year earlier" →
        # 1997-08-07); "later that year", "the following month" name the unit itself.
        return state.last, state.last.grain if spec.near_ref else unit
    if state.anchor is None:
        return None
    return Point("D", state.anchor), unit


def _coarse(unit: str) -> str:
    return {"WE": "W", "SE": "M"}.get(unit, unit)


def _plausible(c: Candidate, doc, text: str) -> bool:
    """Whether a span is a time expression in this context: not a bare number the parser reads
    as a count ("2000 people"), and not part of a title ("ABC's This Week", "VOA Today")."""
    span_text = text[c.start : c.end]
    if c.rule != "holiday" and _in_title(span_text, text, c.start):
        return False
    if c.rule == "quarter" and c.spec.year is None and _in_game(c, doc):
        return False
    if not re.fullmatch(r"\d{4}", span_text):
        return True
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    # A number inside a name is part of the name ("Orion 1980", "1249 Bells Ferry Road").
    return span[0].ent_type_ in ("", "DATE", "EVENT")


# Words of a match report: there "the fourth quarter" and "the first half" are parts of a game.
_GAME_WORDS = re.compile(
    r"\b(?:touchdowns?|field\s+goals?|quarterbacks?|\d+-yard|\d+\s+yards|half-?time|innings|"
    r"interceptions?|fumbled?|free\s+throws?|three-pointers?|penalty\s+kicks?|scoreless|buzzer|kick-?off|"
    r"game-winning|go-ahead\s+(?:goal|touchdown|basket|run)|\d+-\d+\s+(?:win|victory|loss|defeat|lead))\b",
    re.I,
)


def _in_game(c: Candidate, doc) -> bool:
    """Whether a quarter or half without a year is told in a sentence about a game."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return bool(_GAME_WORDS.search(span.sent.text)) if doc.has_annotation("SENT_START") else False


_NAME_WORDS = re.compile(r"[A-Za-z]+")
# A possessive or a capitalised word right before an opening quote: a broadcaster's show
# ('ABC-TV's "This Week"', 'CBS "This Morning"'); 'he said "Today ...' still starts a sentence.
_WORD_THEN_QUOTE = re.compile(r"(?:['’]s|\b[A-Z][\w-]*)\s*[\"“]\s*$")


def _in_title(span_text: str, text: str, start: int) -> bool:
    """A relative expression written in title case inside a sentence is a name, not a time."""
    words = [w for w in _NAME_WORDS.findall(span_text) if w != "the"]
    if not words or not all(w[0].isupper() for w in words) or any(w.isupper() for w in words):
        return False
    if not any(w.lower() in _TITLE_WORDS for w in words):
        return False  # months, weekdays and holidays are capitalised anyway
    before = text[max(0, start - 3) : start].rstrip(" ")
    if before and before[-1] in "\"“":
        # An opening quote may start a quoted sentence ('he said, "Now we see"'), not a name.
        return bool(_WORD_THEN_QUOTE.search(text, max(0, start - 8), start))
    # After a word or a comma.
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;:")


# Words that are lower case in running text, so capitalised mid-sentence they start a name.
_TITLE_WORDS = frozenset({"today", "tonight", "tomorrow", "yesterday", "now", "this", "next", "last", "week",
                          "month", "year", "day", "morning", "evening", "night", "noon", "minutes", "hours",
                          "century", "future", "past", "spring", "summer", "fall", "autumn", "winter",
                          "hour", "daily", "weekly", "monthly", "annually", "yearly", "quarterly"})


def _join_time_and_day(chosen: list[Candidate], text: str) -> list[Candidate]:
    """'10 p.m. Wednesday', '5 p.m. EST, Nov. 6', '5:08 p.m. Thursday night': one TIME on that day."""
    out: list[Candidate] = []
    i = 0
    while i < len(chosen):
        c = chosen[i]
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        if (
            nxt is not None
            and _is_bare_clock(c.spec)
            and _names_a_day(nxt.spec)
            and _JOIN_TIME_DAY.fullmatch(text[c.end : nxt.start])
        ):
            # A date the words fix ("Nov. 6, 1989") carries its value; the clock time is added to it.
            value = nxt.spec.value + c.spec.tod if nxt.spec.value else ""
            out.append(replace(nxt, start=c.start, spec=replace(nxt.spec, type="TIME", tod=c.spec.tod, value=value)))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _names_a_day(spec: Spec) -> bool:
    """A weekday, a month-day or today/yesterday/tomorrow, with or without a part of the day."""
    if spec.type not in ("DATE", "TIME") or (spec.tod and spec.tod[1:2].isdigit()):
        return False
    if (v := TimexValue.parse(spec.value)) is not None and v.precision == "day" and _written_day(v):
        return True
    if spec.day is not None or spec.holiday or (spec.weekday is not None and not spec.grain):
        return True
    return spec.anchor == "dct" and spec.unit == "D" and not spec.value


def _written_day(v: TimexValue) -> bool:
    """A year, month and day all written out ("2026-01-28", "2026-01-28T15:00"), valid or not."""
    return v.year is not None and v.has_calendar_day


def _date_from_text(chosen: list[Candidate], doc, sentence_of) -> tuple[str | None, str]:
    """The day the text's relative times count from (:func:`reference_date`), with its basis."""
    stated = [
        TimeValue(c.start, c.end, doc.text[c.start : c.end], c.spec.type, c.spec.value, None,
                  _sentence_of(doc, c.start, c.end, sentence_of))
        for c in chosen
        if c.spec.value and not c.spec.anchor and (v := TimexValue.parse(c.spec.value)) is not None
        and _written_day(v)
    ]
    return reference_date(doc.text, stated, [tense_of(doc, t.start, t.end) for t in stated])


def _sentence_index(doc, sent_of_token: dict[int, int] | None):
    """Token index → sentence index, from the caller's map or the parse's sentence starts."""
    if sent_of_token is not None:
        return sent_of_token.get
    if not doc.has_annotation("SENT_START"):
        return lambda i, default=-1: default
    from spacy.attrs import SENT_START

    starts = doc.to_array([SENT_START]).reshape(-1) == 1
    starts[0] = True
    index = starts.cumsum() - 1
    return lambda i, default=-1: int(index[i]) if 0 <= i < len(index) else default


def _sentence_of(doc, start: int, end: int, sentence_of) -> int:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or sentence_of is None:
        return -1
    return sentence_of(span.start, -1)
