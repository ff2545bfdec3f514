"""One TIMEX3 calendar value ("2026-01-28", "2025-10", "XXXX-WXX-3", "2025-Q1") parsed once, asked the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

# From the coarsest to the finest. A day may be written by month ("2026-01-28") or by week
# ("XXXX-WXX-3", the weekday of a week); a time is a day with a clock or a part of the day.
PRECISIONS = ("year", "half", "quarter", "season", "month", "week", "weekend", "day", "time")
SEASONS = ("SP", "SU", "FA", "WI")
# The month each season starts in; winter is named by the year it starts in ("2025-WI" holds January 2026).
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
_RANK = {p: i for i, p in enumerate(PRECISIONS)}
# The calendar values the tagger writes: a known or unknown year ("XXXX") and below it one of
# a month and day, a quarter, a half, a season, or an ISO week with its weekday or weekend; then
# perhaps a clock or part of the day (the tagger adds one to a month too: "2025-10TMO").
# Durations ("P3M"), references ("PRESENT_REF"), decades ("199") and centuries ("19") are not.
_VALUE = re.compile(
    r"(?P<y>\d{4}|XXXX)"
    r"(?:-(?P<m>0[1-9]|1[0-2]|XX)(?:-(?P<d>0[1-9]|[12]\d|3[01]|XX))?"
    r"|-Q(?P<q>[1-4]|X)|-H(?P<h>[12]|X)|-(?P<se>SP|SU|FA|WI)"
    r"|-W(?P<w>0[1-9]|[1-4]\d|5[0-3]|XX)(?:-(?P<wd>[1-7])|(?P<we>-WE))?)?"
    rf"(?:T(?P<t>(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?)?|{'|'.join(_PARTS_OF_DAY)}))?"
)


def _number(text: str | None) -> int | None:
    return None if text is None or "X" in text else int(text)


@dataclass(frozen=True, slots=True)
class TimexValue:
    """A TIMEX3 calendar value: the fields it gives (None where it writes X or says nothing) and its precision."""

    precision: str  # one of PRECISIONS
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None  # ISO week number
    weekday: int | None = None  # 1 = Monday ... 7 = Sunday, for a day written by its week
    quarter: int | None = None
    half: int | None = None
    season: str | None = None  # SP SU FA WI
    time: str | None = None  # a clock ("15:00") or part of the day ("MO"); precision "time" when on a day

    @classmethod
    def parse(cls, value: str | None) -> TimexValue | None:
        """The value ``value`` writes, or None when it is not a calendar value ("P3M", "PRESENT_REF", "199")."""
        m = _VALUE.fullmatch(value or "")
        if m is None:
            return None
        fields = dict(year=_number(m["y"]), month=_number(m["m"]), day=_number(m["d"]), week=_number(m["w"]),
                      weekday=_number(m["wd"]), quarter=_number(m["q"]), half=_number(m["h"]), season=m["se"],
                      time=m["t"])
        if m["t"] and (m["d"] or m["wd"]):
            precision = "time"
        elif m["d"] or m["wd"]:
            precision = "day"
        elif m["we"]:
            precision = "weekend"
        elif m["w"]:
            precision = "week"
        elif m["m"]:
            precision = "month"
        else:
            precision = "season" if m["se"] else "half" if m["h"] else "quarter" if m["q"] else "year"
        return cls(precision, **fields)

    def __str__(self) -> str:
        """The TIMEX3 value at its precision, X for what is unknown: parse(str(v)) == v."""
        out = _digits(self.year, 4)
        if self.precision in ("week", "weekend") or self.weekday is not None:
            out += "-W" + _digits(self.week, 2)
            if self.precision == "weekend":
                out += "-WE"
            elif self.weekday is not None:
                out += f"-{self.weekday}"
        elif self.precision in ("month", "day", "time"):
            out += "-" + _digits(self.month, 2)
            if self.precision != "month":
                out += "-" + _digits(self.day, 2)
        elif self.precision == "quarter":
            out += "-Q" + _digits(self.quarter, 1)
        elif self.precision == "half":
            out += "-H" + _digits(self.half, 1)
        elif self.precision == "season":
            out += f"-{self.season}"
        return out + (f"T{self.time}" if self.time else "")

    @property
    def by_week(self) -> bool:
        """Whether it is written by its ISO week: a week, a weekend, or a weekday ("XXXX-WXX-3")."""
        return self.precision in ("week", "weekend") or self.weekday is not None

    @property
    def by_month(self) -> bool:
        """Whether it is a year, month or day (perhaps with a time) with every field below the year
        given: "2025", "XXXX-10-15", "2026-01-28T15:00"; not "2025-XX", "2025-Q1" or "XXXX-WXX-3"."""
        if self.by_week or self.precision not in ("year", "month", "day", "time"):
            return False
        if self.precision == "year":
            return True
        return self.month is not None and (self.precision == "month" or self.day is not None)

    @property
    def bare_weekday(self) -> bool:
        """A weekday of an unknown week ("XXXX-WXX-3", "XXXX-WXX-5TNI")."""
        return self.weekday is not None and self.week is None and self.year is None

    @property
    def known(self) -> bool:
        """Whether every field down to its precision is given (no X): "2025-10-15" is, "XXXX-10-15" is not."""
        if self.year is None:
            return False
        if self.by_week:
            return self.week is not None
        if self.precision in ("month", "day", "time"):
            return self.month is not None and (self.precision == "month" or self.day is not None)
        return {"quarter": self.quarter, "half": self.half, "season": self.season}.get(self.precision, 0) is not None

    @property
    def date(self) -> date | None:
        """The day it names when it names one of a known year (a time: its day), else None."""
        try:
            if self.weekday is not None and self.year is not None and self.week is not None:
                return date.fromisocalendar(self.year, self.week, self.weekday)
            if self.has_calendar_day and self.year is not None:
                return date(self.year, self.month, self.day)
        except ValueError:  # "2025-02-30", week 53 of a year with 52
            return None
        return None

    @property
    def has_calendar_day(self) -> bool:
        """Whether it writes a month and a day ("2026-01-28", "XXXX-10-15", "2026-01-28T15:00"); the year may be X."""
        return self.month is not None and self.day is not None

    def coarsen(self, precision: str) -> TimexValue:
        """The value at ``precision`` or its own, whichever is coarser ("2026-01-28T15:00" to "day": "2026-01-28").

        A week, weekend or weekday coarsens to a month or day only when its day is known;
        otherwise to its year. Only "time" keeps the clock or part of the day."""
        if self.time is not None and precision != "time":
            return replace(self, time=None, precision="day" if self.precision == "time" else self.precision
                           ).coarsen(precision)
        if _RANK[precision] >= _RANK[self.precision]:
            return self
        if precision == "week" or precision == "weekend":
            return replace(self, precision="week", weekday=None, time=None) if self.by_week else self._to_year()
        if self.by_week:
            d = self.date
            if d is None or precision == "year":
                return self._to_year()
            return TimexValue("day", d.year, d.month, d.day).coarsen(precision)
        if precision in ("day", "month"):
            return TimexValue(precision, self.year, self.month, self.day if precision == "day" else None)
        if precision == "year":
            return self._to_year()
        # A day or month to a quarter, half or season: from its month when known.
        if self.month is None or (precision == "season" and self.year is None):
            return self._to_year()
        if precision == "quarter":
            return TimexValue("quarter", self.year, quarter=(self.month - 1) // 3 + 1)
        if precision == "half":
            return TimexValue("half", self.year, half=1 if self.month <= 6 else 2)
        season = SEASONS[(self.month % 12) // 3 - 1]  # December, January and February: WI
        year = self.year - 1 if self.month < 3 else self.year
        return TimexValue("season", year, season=season)

    def _to_year(self) -> TimexValue:
        return TimexValue("year", self.year)

    def calendar(self) -> TimexValue | None:
        """Its year, month and day as far as it writes them, dropping a time, week, part of the year or X:
        "2026-01-28T15:00" → "2026-01-28", "2025-10-XX" → "2025-10", "2025-Q1" → "2025"; None without a year."""
        if self.year is None:
            return None
        if self.by_week or self.month is None:
            return self._to_year()
        return self.coarsen("day" if self.day is not None else "month")

    def with_year(self, year: int | None) -> TimexValue:
        """The same value in ``year`` ("XXXX-10-15" in 2025: "2025-10-15")."""
        return replace(self, year=year)

    def start(self) -> date | None:
        """The first day of the period it names, when its year and fields are known."""
        if not self.known:
            return None
        if self.by_week:
            try:
                first = date.fromisocalendar(self.year, self.week, 1)
            except ValueError:
                return None
            return self.date or (first + timedelta(days=5) if self.precision == "weekend" else first)
        month = {"quarter": (self.quarter or 1) * 3 - 2, "half": 1 if self.half == 1 else 7,
                 "season": _SEASON_START.get(self.season or "", 1), "year": 1}.get(self.precision, self.month)
        try:
            return date(self.year, month, self.day or 1)
        except ValueError:
            return None

    def end(self) -> date | None:
        """The last day of the period it names, when its year and fields are known."""
        first = self.start()
        if first is None:
            return None
        if self.precision in ("day", "time"):
            return first
        if self.by_week:
            return first + timedelta(days=1 if self.precision == "weekend" else 6)
        months = {"year": 12, "half": 6, "quarter": 3, "season": 3, "month": 1}[self.precision]
        total = first.year * 12 + first.month - 1 + months
        try:
            return date(total // 12, total % 12 + 1, 1) - timedelta(days=1)
        except ValueError:  # December 9999
            return date(9999, 12, 31)

    def agrees(self, other: TimexValue, finest: str = "time") -> bool:
        """Whether the two name the same period at the coarsest of their precisions and ``finest``:
        "2025-10" agrees with "2025-10-15", and with ``finest="month"`` "2025-10-03" with "2025-10-15"."""
        precision = min(self.precision, other.precision, finest, key=_RANK.__getitem__)
        return self.coarsen(precision) == other.coarsen(precision)


def _digits(n: int | None, width: int) -> str:
    return "X" * width if n is None else f"{n:0{width}d}"
