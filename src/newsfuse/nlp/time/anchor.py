"""Anchoring time expressions: the governing verb's tense, calendar arithmetic, and TIMEX3 values."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

from newsfuse.model import FUTURE, PAST, PRESENT
from newsfuse.nlp.speech.cues import COGNITION_VERBS, SPEECH_VERBS
from newsfuse.nlp.time.rules import Spec
from newsfuse.nlp.time.value import TimexValue
from newsfuse.nlp.time.words import SEASON_START


# Verbs whose infinitive complement happens later ("plans to meet Friday", "is set to sign").
FUTURE_GOVERNORS = frozenset({
    "plan", "expect", "schedule", "set", "due", "hope", "intend", "aim", "want", "prepare", "agree",
    "decide", "promise", "vow", "pledge", "threaten", "seek", "propose", "go", "likely", "able", "wish",
    "hope", "arrange", "scheduled", "poised", "ready", "slate", "call", "urge", "ask", "invite", "need",
    # Directives: what someone is told to do comes after the telling ("subpoenaed him to testify on Feb. 10").
    "subpoena", "summon", "order", "direct", "instruct", "require", "tell", "advise", "remind", "authorize",
    "encourage", "persuade",
})
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d", "can", "may", "might", "must", "should",
                         "ca", "gonna"})
# Verbs that put their object or complement later than themselves, whatever their own tense
# ("postponed the vote until Tuesday", "scheduled a news conference Thursday").
SCHEDULE_VERBS = frozenset({"plan", "schedule", "slate", "postpone", "delay", "reschedule", "defer", "adjourn",
                            "expect", "due"})
# Their inflected forms, for when the lemmatiser misses one ("slated" → "slat").
_SCHEDULE_FORMS = frozenset(
    form for v in SCHEDULE_VERBS
    for form in (v, v + "s", v + "d" if v.endswith("e") else v + "ed", (v[:-1] if v.endswith("e") else v) + "ing")
) | {"planned", "planning"}
# Words between a date and its verb that make it a date to come, whatever the verb's tense.
FUTURE_MARKERS = frozenset({"payable", "effective", "due", "deadline", "expiring", "upcoming", "until", "till", "soon"})
# Present-tense verbs that report, hold or compare rather than happen: dated in the present
# they tell the report's own day or a past one ("says Friday", "is", "follows", "compares").
_NOT_PLANS = SPEECH_VERBS | COGNITION_VERBS | frozenset(
    "be have follow compare remain stand represent mean show seem appear know want need include contain".split())
# Verbs that tell results: a future one may look back on a period that has ended ("will report
# a loss for the third quarter", "expects to post").
_RESULT_VERBS = frozenset("report post record book show announce take earn lose make end close finish".split())
_NOT_EVENTS_TO_COME = _NOT_PLANS | _RESULT_VERBS
# Verbs whose past tense is written as the present, so the tagger cannot tell them apart.
_SAME_IN_THE_PAST = frozenset(
    "hurt put set cut hit let cost shut quit spread bet cast burst split shed thrust upset broadcast forecast "
    "rid bid read beat".split())
# How far up the parse tree we look for the verb that governs a time expression; deeper
# heads are usually another clause's verb (checked on TimeBank train, 2026-05).
MAX_HEAD_STEPS = 6
MAX_GOVERNOR_HOPS = 3


# ---------------------------------------------------------------- tense from the parse
def tense_of(doc, start: int, end: int) -> str | None:
    """PAST / PRESENT / FUTURE of the verb that governs the characters ``[start, end)``, or None.

    The parse's reading; ingest, which runs before the parse, reads the words around a date
    instead (``ingest.tense.tense_from_words``).
    """
    verb, via_noun, marker = _governor(doc, start, end)
    if verb is None:
        return FUTURE if marker else None
    if marker:
        # A marked date is still to come, unless the verb looks back from a past of its own
        # ("until Thursday, they had not called him a suspect").
        return PAST if _past_perfect(verb) else FUTURE
    tense = _verb_tense(verb, MAX_GOVERNOR_HOPS)
    if tense == PRESENT and verb.tag_ == "VBG" and not via_noun:
        return FUTURE  # "are meeting on Friday" is a plan
    return tense


def present_plan(doc, start: int, end: int) -> bool:
    """Whether the characters ``[start, end)`` date a plain present-tense event verb directly
    ("the two leaders meet Monday", "the deal takes effect on Monday"): news writes coming
    events that way, while a present reporting or stative verb ("says Friday", "is") and a
    date on a noun ("follows Tuesday's declaration") tell the report's day or the past."""
    verb, via_noun, marker = _governor(doc, start, end)
    if verb is None or via_noun or marker or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if verb.tag_ == "VBP" and verb.lower_ in _SAME_IN_THE_PAST:
        return False  # "stocks hurt the index on Friday" is as likely the past
    return verb.lemma_.lower() not in _NOT_PLANS


def future_event(doc, start: int, end: int) -> bool:
    """Whether the characters ``[start, end)`` date, directly, something a future verb says will
    happen ("plans to lend more in the second half"), rather than results to be told ("expects
    to report a third-quarter loss", "will post a loss for the quarter")."""
    verb, via_noun, _ = _governor(doc, start, end)
    if verb is None or via_noun or verb.lemma_.lower() in _NOT_EVENTS_TO_COME:
        return False
    # Only a future the words state: "will", or an infinitive of a plan ("plans to lend"); a
    # progressive ("is increasing its reserves for the third quarter") may book a past period.
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "'ll", "shall"}:
        return True
    head = verb.head
    return "to" in auxes and verb.dep_ == "xcomp" and (head.lemma_.lower() in FUTURE_GOVERNORS
                                                       or head.lower_ in FUTURE_GOVERNORS)


def _governor(doc, start: int, end: int):
    """(the verb that governs ``[start, end)`` or None, whether the way up passed a noun, whether
    it passed a future marker such as "until" or "payable")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, False, False
    tok = span.root
    via_noun = False  # "investigating a shooting Friday night": the date belongs to the noun
    marker = False  # "payable Dec. 7", "effective Feb. 1", "the Jan. 14 deadline", "until Friday"
    for _ in range(MAX_HEAD_STEPS):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break
        marker = marker or tok.lower_ in FUTURE_MARKERS
        if tok.head.i == tok.i:
            break
        via_noun = via_noun or (tok.head.pos_ in ("NOUN", "PROPN") and not span.start <= tok.head.i < span.end)
        tok = tok.head
    else:
        return None, via_noun, marker
    if tok.pos_ not in ("VERB", "AUX"):
        return None, via_noun, marker
    return tok, via_noun, marker


def _verb_tense(verb, hops: int) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if _schedules(verb) and "had" not in words:
        return FUTURE
    if words & _FUTURE_AUX:
        # "may have been", "would have gone": a modal perfect looks back.
        return PAST if "have" in words and not words & {"will", "'ll", "shall"} else FUTURE
    if "going" in words or ("to" in words and any(a.lower_ in ("is", "are", "am") for a in auxes)):
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or words & {"has", "have", "'ve", "had"}:
        return PAST
    if verb.tag_ == "VBN" and (words & {"has", "have", "'ve", "'s"} or not auxes):
        return PAST
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'re", "'m"}:
        return PRESENT  # a plan ("is meeting on Friday") when the date hangs on the verb itself
    if hops > 0 and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp", "prep") or verb.tag_ in ("VB", "VBG"):
            if "to" in words and (head.lemma_.lower() in FUTURE_GOVERNORS or head.lower_ in FUTURE_GOVERNORS
                                  or (head.lemma_.lower() == "be" and verb.dep_ not in ("nsubj", "csubj"))):
                # "had been due to expire Friday", "had been scheduled to": a plan of the past.
                return PAST if _past_perfect(head) else FUTURE
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                return _verb_tense(head, hops - 1)
    return None


def _schedules(verb) -> bool:
    """A verb that sets a date to come: "postponed", "scheduled", and "set for" ("a summit set for April")."""
    lemma = verb.lemma_.lower()
    return lemma in SCHEDULE_VERBS or verb.lower_ in _SCHEDULE_FORMS or (
        lemma == "set" and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children))


def _past_perfect(verb) -> bool:
    """Whether the verb (or the copula of "had been due") is in the past perfect."""
    for tok in (verb, verb.head) if verb.dep_ == "acomp" else (verb,):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") and c.tag_ == "VBD" for c in tok.children):
            return True
    return False


# ---------------------------------------------------------------- points in time
_GRAIN_ORDER = {"CE": 0, "DE": 1, "Y": 2, "H": 3, "Q": 4, "SE": 4, "M": 5, "W": 6, "WE": 7, "D": 8}
_SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                    9: "FA", 10: "FA", 11: "FA"}


@dataclass(frozen=True, slots=True)
class Point:
    """A stretch of the calendar at some grain, named by its first day."""

    grain: str  # CE DE Y H Q SE M W WE D
    day: date

    def value(self) -> str:
        d = self.day
        g = self.grain
        if g == "CE":
            return f"{d.year // 100:02d}"
        if g == "DE":
            return f"{d.year // 10:03d}"  # a decade, as years.py writes it
        if g == "Y":
            return f"{d.year:04d}"
        if g == "H":
            return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
        if g == "Q":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "SE":
            season = _SEASON_OF_MONTH[d.month]
            year = d.year if d.month != 12 else d.year  # winter is named by the year it starts in
            return f"{year:04d}-{season}"
        if g == "M":
            return f"{d.year:04d}-{d.month:02d}"
        if g in ("W", "WE"):
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if g == "WE" else "")
        return d.isoformat()

    def end(self) -> date:
        """The last day of the stretch."""
        return shift(self.start_of_grain(), self.grain, 1) - timedelta(days=1)

    def start_of_grain(self) -> date:
        return floor(self.day, self.grain)


def floor(d: date, grain: str) -> date:
    """The first day of the ``grain`` stretch that holds ``d``."""
    if grain == "CE":
        return date(max(1, d.year // 100 * 100), 1, 1)
    if grain == "DE":
        return date(max(1, d.year // 10 * 10), 1, 1)
    if grain == "Y":
        return date(d.year, 1, 1)
    if grain == "H":
        return date(d.year, 1 if d.month <= 6 else 7, 1)
    if grain == "Q":
        return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    if grain == "SE":
        start = SEASON_START[_SEASON_OF_MONTH[d.month]]
        year = d.year - 1 if start == 12 and d.month < 3 else d.year
        return date(year, start, 1)
    if grain == "M":
        return date(d.year, d.month, 1)
    if grain in ("W", "WE"):
        return d - timedelta(days=d.weekday())
    return d


def _add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    y = min(max(y, 1), 9999)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (Y, H, Q, SE, M, W, WE, D, DE, CE)."""
    months = {"Y": 12, "H": 6, "Q": 3, "SE": 3, "M": 1, "DE": 120, "CE": 1200}.get(unit)
    if months is not None:
        return _add_months(d, months * n)
    days = {"W": 7, "WE": 7, "D": 1}.get(unit, 1)
    return d + timedelta(days=days * n)


_GRAIN_OF_PRECISION = {"year": "Y", "half": "H", "quarter": "Q", "season": "SE", "month": "M", "week": "W",
                       "weekend": "WE"}


def parse_point(value: str) -> Point | None:
    """The Point a TIMEX3 date value names ("1998-Q3" → Q of 1998-07-01), or None.

    A field written X leaves the grain its known fields give ("2025-XX": the year); a weekday
    counts as its week, a time as its day."""
    v = TimexValue.parse(value)
    if v is None or v.year is None or not 1 <= v.year <= 9999:
        return None
    try:
        if v.by_week and v.week is not None:  # named by its Monday, a weekend too
            return Point("WE" if v.precision == "weekend" else "W", date.fromisocalendar(v.year, v.week, 1))
    except ValueError:
        return None
    if v.by_week or not v.known:
        v = v.calendar()
    start = v.start()
    return Point(_GRAIN_OF_PRECISION.get(v.precision, "D"), start) if start is not None else None


def finer(a: str, b: str) -> bool:
    """Whether grain ``a`` is at least as fine as grain ``b``."""
    return _GRAIN_ORDER[a] >= _GRAIN_ORDER[b]


# ---------------------------------------------------------------- holidays
def holiday_date(name: str, year: int) -> date | None:
    """The date of a movable holiday (US conventions for the American ones) in ``year``."""
    try:
        if name in ("easter", "easter sunday"):
            return easter(year)
        if name == "easter monday":
            return easter(year) + timedelta(days=1)
        if name == "good friday":
            return easter(year) - timedelta(days=2)
        if name in ("thanksgiving", "thanksgiving day"):
            return _nth_weekday(year, 11, 3, 4)
        if name in ("labor day", "labour day"):
            return _nth_weekday(year, 9, 0, 1)
        if name == "memorial day":
            return _nth_weekday(year, 5, 0, -1)
        if name == "election day":
            return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
        if name == "mother's day":
            return _nth_weekday(year, 5, 6, 2)
        if name == "father's day":
            return _nth_weekday(year, 6, 6, 3)
        if name == "martin luther king day":
            return _nth_weekday(year, 1, 0, 3)
        if name in ("presidents day", "presidents' day"):
            return _nth_weekday(year, 2, 0, 3)
        if name == "columbus day":
            return _nth_weekday(year, 10, 0, 2)
    except ValueError:
        return None
    return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (or with n = −1 the last) ``weekday`` (0 = Monday) of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


# ---------------------------------------------------------------- choosing among occurrences
def choose(options: list[Point], anchor: date, tense: str | None, direction: int = 0,
           past_penalty: int = 0, future_penalty: int = 0) -> Point | None:
    """The occurrence meant: the nearest to ``anchor`` in days, an occurrence on the wrong side
    of the governing verb's tense counting ``past_penalty`` (past verb, later date) or
    ``future_penalty`` (future verb, earlier date) days further away. ``direction`` ±1 asks for the last one wholly before, or the first wholly after, the anchor
    ("last April", "next Friday")."""
    options = sorted(options, key=lambda p: p.day)
    if not options:
        return None
    if direction < 0:
        before = [p for p in options if p.end() < anchor]
        return before[-1] if before else None
    if direction > 0:
        after = [p for p in options if p.start_of_grain() > anchor]
        return after[0] if after else None

    def cost(p: Point) -> tuple[int, date]:
        start, end = p.start_of_grain(), p.end()
        gap = 0 if start <= anchor <= end else min(abs((start - anchor).days), abs((end - anchor).days))
        if tense == PAST and start > anchor:
            gap += past_penalty
        elif tense == FUTURE and end < anchor:
            gap += future_penalty
        # Reports mostly look back: on a tie the earlier occurrence wins.
        return gap, p.day

    return min(options, key=cost)


def year_of_undated(month: int, day: int | None, reference: date, *, not_after: bool = False) -> int | None:
    """The year of a date written without one ("on January 28", "in October"), told against ``reference``.

    The year whose occurrence of the date lies nearest ``reference``, the earlier on a tie; with
    ``not_after``, the latest year whose occurrence begins on or before it ("in October" looked
    back on from 2026-02-03 is October 2025). A month alone begins on its first day. Only the
    years next to ``reference`` are tried, so None for a 29 February that none of them has.
    """
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            options.append(date(year, month, day or 1))
        except ValueError:  # 29 February of a common year
            continue
    if not_after:
        options = [d for d in options if d <= reference]
        return options[-1].year if options else None
    return min(options, key=lambda d: (abs((d - reference).days), d)).year if options else None


def occurrences(spec: Spec, around: date) -> list[Point]:
    """Every stretch within a year or so of ``around`` that fits the calendar fields of ``spec``."""
    out: list[Point] = []
    if spec.weekday is not None and spec.month is None:
        base = around - timedelta(days=around.weekday()) + timedelta(days=spec.weekday - 1)
        return [Point("D", base + timedelta(days=7 * k)) for k in (-2, -1, 0, 1, 2)]
    for y in (around.year - 1, around.year, around.year + 1):
        p = fill(spec, y)
        if p is not None:
            out.append(p)
    return out


def fill(spec: Spec, year: int) -> Point | None:
    """The Point of ``spec``'s calendar fields in ``year``."""
    try:
        if spec.holiday:
            d = holiday_date(spec.holiday, year)
            return Point("D", d) if d else None
        if spec.month is not None and spec.day is not None:
            return Point("D", date(year, spec.month, spec.day))
        if spec.month is not None:
            return Point("M", date(year, spec.month, 1))
        if spec.quarter is not None:
            return Point("Q", date(year, (spec.quarter - 1) * 3 + 1, 1))
        if spec.half is not None:
            return Point("H", date(year, 1 if spec.half == 1 else 7, 1))
        if spec.season is not None:
            return Point("SE", date(year, SEASON_START[spec.season], 1))
    except ValueError:
        return None
    return None


def unknown_year_value(spec: Spec) -> str:
    """The value with X for what no anchor can give ("XXXX-10-15", "XXXX-WXX-3")."""
    if spec.weekday is not None and spec.month is None:
        return f"XXXX-WXX-{spec.weekday}"
    if spec.month is not None and spec.day is not None:
        return f"XXXX-{spec.month:02d}-{spec.day:02d}"
    if spec.month is not None:
        return f"XXXX-{spec.month:02d}"
    if spec.quarter is not None:
        return f"XXXX-Q{spec.quarter}"
    if spec.half is not None:
        return f"XXXX-H{spec.half}"
    if spec.season is not None:
        return f"XXXX-{spec.season}"
    return "XXXX-XX-XX"


_X_BY_GRAIN = {"CE": "XX", "DE": "XXXX", "Y": "XXXX", "H": "XXXX-HX", "Q": "XXXX-QX", "SE": "XXXX-XX",
               "M": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "D": "XXXX-XX-XX"}


def unknown_shift_value(unit: str) -> str:
    return _X_BY_GRAIN.get(unit, "XXXX-XX-XX")
