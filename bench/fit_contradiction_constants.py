"""Fit the contradiction step's figure constants on real reports of one incident (GVA train), check on GVC.

Each report's victim counts (killed, injured, shot) are read with our own slot code
(``slots.find_numbers`` and ``slots.read_amount``: bounds, approximations, what it counts), the
slot from the victim word written with the figure ("two people were killed", "killing two",
"three wounded"). Reports of one incident (GVA ``incident_id``, GVC ``event_id``) then show how
news varies one count: bounds ("at least two" / "three"), rounding, and a toll updated on a later
day. Printed:

* by days between two reports' dates, the share of same-slot pairs whose counts differ, and
  whether the later one is larger (an update) -> ``SAME_MOMENT_DAYS``;
* ratios of two reports' counts of one slot against the ratio of a victim count to a count of
  something else in the other report ("3 killed" / "12 shots", "two children") -> ``FIGURE_MAX_RATIO``;
* how far the other reports' counts lie from an "at least N" and an "about N" -> ``OPEN_BOUND_SHARE``,
  ``APPROX_SHARE``;
* how many same-incident pairs of counts the figure gate of ``contradict`` (``rival_figures``
  and the same-moment rule) would still set against each other, by cause.

Not a test: it needs ../shared/data. About a minute on one core (no parse, no model).

    python bench/fit_contradiction_constants.py [DATA] [--json]
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from newsfuse.fuse.claims import contradict
from newsfuse.fuse.claims import slots
from newsfuse.fuse.claims.units import ClaimUnit

# A victim word within SLOT_WINDOW words after the figure, or just before it ("killing two"),
# names the slot. The first one after the figure wins ("one killed and two hurt").
SLOT_WINDOW = 3
SLOT_WORDS = {
    "killed": r"killed|dead|died|dies|deaths?|fatally|slain|murdered|lost (?:their|his|her) li(?:fe|ves)",
    "injured": r"wounded|injured|injuries|hurt|hospitali[sz]ed|survived",
    "shot": r"shot|shooting victims|victims",
}
_AFTER = re.compile(r"^\W*(?:[\w'’-]+\W+){0,%d}?(?P<w>" % SLOT_WINDOW
                    + "|".join(f"(?P<{k}>{v})" for k, v in SLOT_WORDS.items()) + r")\b", re.I)
_BEFORE = re.compile(r"\b(?P<w>killing|wounding|injuring|shooting)\s+(?:at least\s+|about\s+|some\s+)?$", re.I)
_BEFORE_SLOT = {"killing": "killed", "wounding": "injured", "injuring": "injured", "shooting": "shot"}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")
# Counted nouns that are no victims ("12 shots", "three times", "two rounds").
_NOT_VICTIMS = frozenset({"shot", "time", "round", "bullet", "gunshot", "casing", "year", "month", "day", "hour",
                          "minute", "week", "block", "mile", "foot", "feet", "percent", "dollar"})
DAY_BINS = (0, 1, 2, 3, 4, 7, 30)
RATIOS, MOMENTS = (1.5, 2, 3, 4), (0, 1, 2)
_APPROX_WORDS = ("about ", "around ", "some ", "roughly ", "approximately ", "nearly ", "almost ", "an estimated ")


@dataclass(frozen=True, slots=True)
class Count:
    """One figure of a report: its slot ("killed", "injured", "shot" or "other") and its amount."""

    report: str
    slot: str
    amount: slots.Amount
    sentence: str
    start: int  # where the sentence starts in the report's text


def read_reports(path: Path, key: str, split: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [r | {"group": r[key], "rid": r.get("id") or r["doc_id"]} for r in rows if split is None or r.get("split") == split]


def counts_of(report: dict) -> list[Count]:
    """The cardinal counts of a report's text (the title is left out: it restates the lead)."""
    text = report["text"]
    out = []
    pos = 0
    for piece in _SENTENCE.split(text):
        start = text.find(piece, pos)
        if start < 0:
            continue
        pos = start + len(piece)
        for number in slots.find_numbers(text, start, start + len(piece)):
            if number.kind != "cardinal" or number.value is None:
                continue
            amount = slots.read_amount(number, text)
            if amount is None or amount.kind != "cardinal" or not 0 < amount.value < 1000:
                continue
            if amount.noun in _NOT_VICTIMS:
                continue
            out.append(Count(report["rid"], _slot(text, number.start, number.end), amount, piece, start))
    return out


def _slot(text: str, start: int, end: int) -> str:
    after = re.split(r"[.;:!?()]", text[end : end + 80])[0]
    m = _AFTER.match(after)
    if m:
        return next(k for k in SLOT_WORDS if m.group(k))
    m = _BEFORE.search(text[max(0, start - 30) : start])
    return _BEFORE_SLOT[m.group("w").lower()] if m else "other"


def first_counts(counts: list[Count]) -> dict[str, Count]:
    """A report's count of each victim slot: the first it gives (the lead's)."""
    out: dict[str, Count] = {}
    for c in counts:
        if c.slot != "other":
            out.setdefault(c.slot, c)
    return out


def _days(a: dict, b: dict) -> int | None:
    return slots.days_from(a["dct"], b["dct"])


def _unit(count: Count, report: dict) -> ClaimUnit:
    """A statement of one count, as the contradiction step sees it (its figure, text and date)."""
    return ClaimUnit(article=report["rid"], sentence=0, start=count.start, end=count.start + len(count.sentence),
                     text=count.sentence,
                     attribution=None, attributed_entity=None, amounts=(count.amount,), dates=(), date_spans=(),
                     report_date=report["dct"], entities=frozenset(), words=frozenset(), actors=frozenset(),
                     places=frozenset(), negated=False, verb="", quoted=False, block=report["group"],
                     source=report["rid"], outlet=report["rid"], claim=-1)


def _bin(days: int) -> str:
    for lo, hi in zip(DAY_BINS, DAY_BINS[1:]):
        if lo <= days < hi:
            return f"{lo}" if hi == lo + 1 else f"{lo}-{hi - 1}"
    return f"{DAY_BINS[-1]}+"


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def analyse(reports: list[dict], max_ratio: float, same_moment_days: int) -> dict:
    """Every figure the brief's questions need, for one set of reports."""
    by_group: dict[str, list[dict]] = defaultdict(list)
    for r in reports:
        by_group[r["group"]].append(r)
    counts = {r["rid"]: counts_of(r) for r in reports}
    by_days: dict[str, Counter] = defaultdict(Counter)
    same_ratios: list[float] = []
    other_ratios: list[float] = []
    open_reach: list[float] = []
    open_below = 0
    approx_reach: list[float] = []
    approx_any: list[float] = []
    open_values: list[float] = []
    flagged: Counter = Counter()
    sweep: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    pairs = 0
    for group, members in by_group.items():
        for a, b in itertools.combinations(sorted(members, key=lambda r: (r["dct"], r["rid"])), 2):
            gap = _days(a, b)
            if gap is None:
                continue
            fa, fb = first_counts(counts[a["rid"]]), first_counts(counts[b["rid"]])
            for slot in fa.keys() & fb.keys():
                x, y = fa[slot].amount, fb[slot].amount
                pairs += 1
                differ = x.value != y.value
                row = by_days[_bin(gap)]
                row["pairs"] += 1
                row["differ"] += differ
                row["later larger"] += differ and gap > 0 and y.value > x.value
                row["compatible"] += differ and slots.compatible(x, y)
                if differ:
                    same_ratios.append(max(x.value, y.value) / min(x.value, y.value))
                for u, v in ((x, y), (y, x)):
                    low = u.text.lower()
                    if low.startswith(("at least", "more than", "over ")):
                        if v.value >= u.value:
                            open_reach.append(v.value / u.value - 1)
                            open_values.append(f"{u.text} / {v.text}")
                        else:
                            open_below += 1
                    elif low.startswith(_APPROX_WORDS):
                        approx_reach.append(abs(v.value / u.value - 1))
                # The figure gate of the contradiction step, as it reads these two statements.
                ua, ub = _unit(fa[slot], a), _unit(fb[slot], b)
                rivals = contradict.rival_figures(ua, ub, max_ratio=max_ratio)
                if differ and not slots.compatible(x, y):
                    for r, d in itertools.product(RATIOS, MOMENTS):
                        if contradict.rival_figures(ua, ub, max_ratio=r) and gap <= d:
                            sweep[f"ratio {r}, days {d}"] += 1
                if not differ:
                    continue
                if slots.compatible(x, y):
                    cause = "compatible (bound, rounding)"
                elif not rivals and max(x.value, y.value) > max_ratio * min(x.value, y.value):
                    cause = "ratio over FIGURE_MAX_RATIO"
                elif not rivals:
                    cause = "rival_figures: a later, larger toll or a part of a group"
                elif gap > same_moment_days:
                    cause = "days apart > SAME_MOMENT_DAYS"
                else:
                    cause = "FLAGGED"
                flagged[cause] += 1
                if cause == "FLAGGED" and len(examples[slot]) < 6:
                    examples[slot].append(f"{x.text!r} / {y.text!r} ({gap} d): {_short(fa[slot].sentence)} || "
                                          f"{_short(fb[slot].sentence)}")
            # An approximate figure of any counted noun against the nearest count of that noun the
            # other report gives (victim counts are seldom written "about N").
            for u, v in ((a, b), (b, a)):
                for c in counts[u["rid"]]:
                    if not c.amount.noun or not c.amount.text.lower().startswith(_APPROX_WORDS):
                        continue
                    near = [d.amount.value for d in counts[v["rid"]] if d.amount.noun == c.amount.noun]
                    if near:
                        approx_any.append(min(abs(w / c.amount.value - 1) for w in near))
            # A victim count against a count of something else in the other report.
            for c in fa.values():
                for d in counts[b["rid"]]:
                    if d.slot == "other":
                        other_ratios.append(max(c.amount.value, d.amount.value) / min(c.amount.value, d.amount.value))
    ratios = {r: (sum(v <= r for v in same_ratios) / max(1, len(same_ratios)),
                  sum(v > r for v in other_ratios) / max(1, len(other_ratios))) for r in (1.5, 2, 3, 4, 5, 8)}
    return {
        "reports": len(reports), "groups": len(by_group),
        "groups_with_2+": sum(1 for m in by_group.values() if len(m) > 1),
        "same_slot_pairs": pairs,
        "by_days": {k: dict(v) for k, v in sorted(by_days.items(), key=lambda kv: _order(kv[0]))},
        "same_slot_differing": len(same_ratios),
        "ratio_same_slot_quantiles": {q: _quantile(same_ratios, q) for q in (0.5, 0.9, 0.95, 0.99)},
        "ratio_cut": {f"{r}": {"same_slot_within": round(w, 3), "other_things_beyond": round(o, 3)}
                      for r, (w, o) in ratios.items()},
        "other_thing_pairs": len(other_ratios),
        "open_bound": {"n": len(open_reach) + open_below, "other_below": open_below,
                       "reach_quantiles": {q: _quantile(open_reach, q) for q in (0.5, 0.8, 0.9, 0.95)}},
        "open_bound_pairs": Counter(open_values).most_common(),
        "approx": {"n": len(approx_reach), "reach_quantiles": {q: _quantile(approx_reach, q) for q in (0.5, 0.8, 0.9)}},
        "approx_any_noun": {"n": len(approx_any), "within": {
            share: round(sum(d <= share for d in approx_any) / max(1, len(approx_any)), 3)
            for share in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5)}},
        "gate": dict(flagged),
        "flagged_by_constants": sweep,
        "flagged_examples": dict(examples),
    }


def _order(label: str) -> int:
    return int(re.match(r"\d+", label).group())


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "…"


def main(argv: list[str]) -> dict:
    data = Path(next((a for a in argv if not a.startswith("--")), "../shared/data"))
    ratio, days = contradict.FIGURE_MAX_RATIO, contradict.SAME_MOMENT_DAYS
    gva = read_reports(data / "gva" / "gva_train.jsonl", "incident_id")
    gvc = data / "gvc" / "gvc_docs_train_dev.jsonl"
    out = {
        "constants": {"FIGURE_MAX_RATIO": ratio, "SAME_MOMENT_DAYS": days, "APPROX_SHARE": slots.APPROX_SHARE,
                      "OPEN_BOUND_SHARE": slots.OPEN_BOUND_SHARE},
        "gva_train (fit)": analyse(gva, ratio, days),
        "gvc_train (check)": analyse(read_reports(gvc, "event_id", "train"), ratio, days),
        "gvc_dev (check)": analyse(read_reports(gvc, "event_id", "dev"), ratio, days),
    }
    print(json.dumps(out, indent=1, ensure_ascii=False))
    return out


if __name__ == "__main__":
    main(sys.argv[1:])
