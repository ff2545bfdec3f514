"""Time expressions cross-fit: value F1 on the fit and check halves of TimeBank and AQUAINT, and what each rule adds.

    python bench/bench_timex_parts.py [TBAQ folder]            # the four parts
    python bench/bench_timex_parts.py --ablate                  # and each rule switched off, as deltas
    python bench/bench_timex_parts.py --errors TimeBank fit     # the mistakes of one part
    python bench/bench_timex_parts.py --by-rule                 # right/wrong/extra of each pattern on each part

Each file is parsed once; every rule switched off is scored on all four parts, so a reader sees
which part a rule helps (a rule read on one part must not help only there).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

from newsfuse.eval.timex import PARTS, format_mistakes, mistakes_in, pair_spans, part_of, read_timeml, score, timeml_files
from newsfuse.nlp.models import load_nlp
from newsfuse.nlp.time import tag

CORPORA = ("TimeBank", "AQUAINT")
DEFAULT_TBAQ = Path(__file__).resolve().parents[2] / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"


def _patched(module, name, value):
    @contextlib.contextmanager
    def ctx():
        old = getattr(module, name)
        setattr(module, name, value)
        try:
            yield
        finally:
            setattr(module, name, old)
    return ctx


def _both(first, second):
    @contextlib.contextmanager
    def ctx():
        with first(), second():
            yield
    return ctx


def _ablations():
    """(name, context manager factory) for each rule or constant that can be switched off."""
    from newsfuse.nlp.time import anchor, rules, years

    out = [
        ("QUARTER_CONTEXT_SENTENCES=-1", _patched(tag, "QUARTER_CONTEXT_SENTENCES", -1)),
        ("NEAR_REF_SENTENCES=99", _patched(tag, "NEAR_REF_SENTENCES", 99)),
        ("NEAR_REF_SENTENCES=-1", _patched(tag, "NEAR_REF_SENTENCES", -1)),
        ("PAST_TENSE_PENALTY_DAYS=0", _patched(tag, "PAST_TENSE_PENALTY_DAYS", 0)),
        ("PAST_TENSE_PENALTY_DAYS=180", _patched(tag, "PAST_TENSE_PENALTY_DAYS", 180)),
        ("FUTURE_TENSE_PENALTY_DAYS=0", _patched(tag, "FUTURE_TENSE_PENALTY_DAYS", 0)),
        ("WEEKDAY_TENSE_PENALTY_DAYS=0", _patched(tag, "WEEKDAY_TENSE_PENALTY_DAYS", 0)),
        ("CLOCK_DAY_CHARS=0", _patched(tag, "CLOCK_DAY_CHARS", -1)),
        ("no range end after start", _patched(tag, "_ends_range", lambda *a: False)),
        ("relative dates from the DCT only", _patched(tag, "_base_day", lambda anchor_, state: state.anchor)),
        ("no game quarters", _patched(tag, "_in_game", lambda *a: False)),
        ("no title check", _patched(tag, "_in_title", lambda *a: False)),
        ("no time+day join", _patched(tag, "_join_time_and_day", lambda chosen, text: chosen)),
        ("no present plan", _patched(tag, "present_plan", lambda *a: False)),
        ("no future event", _patched(tag, "future_event", lambda *a: False)),
        ("tense unknown", _patched(tag, "tense_of", lambda *a: None)),
        ("MAX_HEAD_STEPS=1", _patched(anchor, "MAX_HEAD_STEPS", 1)),
        ("MAX_GOVERNOR_HOPS=0", _patched(anchor, "MAX_GOVERNOR_HOPS", 0)),
        ("no future markers (payable, due)", _patched(anchor, "FUTURE_MARKERS", frozenset())),
        ("no future governors (plan to)", _patched(anchor, "FUTURE_GOVERNORS", frozenset())),
        ("no schedule verbs", _both(_patched(anchor, "_SCHEDULE_FORMS", frozenset()),
                                    _patched(anchor, "SCHEDULE_VERBS", frozenset()))),
        ("no past perfect", _patched(anchor, "_past_perfect", lambda verb: False)),
        ("no same-in-the-past verbs", _patched(anchor, "_SAME_IN_THE_PAST", frozenset())),
        ("IDENTIFIER_WINDOW=0", _patched(years, "IDENTIFIER_WINDOW", 0)),
        ("WINDOW_BEFORE=40", _patched(rules, "WINDOW_BEFORE", 40)),
    ]
    for rule in sorted({r[0] for r in rules.RULES}):
        out.append((f"rule {rule} off", _without_rule(rules, rule)))
    return out


def _without_rule(rules, name):
    @contextlib.contextmanager
    def ctx():
        old = rules.RULES
        rules.RULES = tuple(r for r in old if r[0] != name)
        try:
            yield
        finally:
            rules.RULES = old
    return ctx


def _load(tbaq: Path, nlp):
    """{(corpus, part): [(TimeMLDocument, parsed Doc)]}."""
    out: dict[tuple[str, str], list] = {}
    for corpus in CORPORA:
        docs = [read_timeml(p) for p in timeml_files([tbaq / corpus])]
        for d, parsed in zip(docs, nlp.pipe(d.text for d in docs)):
            out.setdefault((corpus, part_of(d.path)), []).append((d, parsed))
    return out


def _scores(parts) -> dict[tuple[str, str], dict[str, float]]:
    return {key: score((d.timexes, tag.find_times(doc, d.dct_date)) for d, doc in docs)
            for key, docs in parts.items()}


def _row(name: str, s, base=None) -> str:
    cells = []
    for corpus in CORPORA:
        for part in PARTS:
            v = s[(corpus, part)]
            if base is None:
                cells.append(f"{v['value_f1']:.3f} ({v['value_precision']:.3f}/{v['value_recall']:.3f})")
            else:
                cells.append(f"{v['value_f1'] - base[(corpus, part)]['value_f1']:+.4f}")
    return f"| {name} | " + " | ".join(cells) + " |"



def _by_rule(parts) -> dict[str, dict[tuple[str, str], list[int]]]:
    """Per pattern and part: [right values, wrong values, extras] of what it found."""
    from newsfuse.nlp.time.rules import candidates, select

    out: dict[str, dict[tuple[str, str], list[int]]] = {}
    for key, docs in parts.items():
        for d, doc in docs:
            system = tag.find_times(doc, d.dct_date)
            rule_at = {c.end: c.rule for c in select(candidates(d.text))}
            pairs, _ = pair_spans(d.timexes, system)
            paired = {si: gi for gi, si in pairs}
            for si, s in enumerate(system):
                cell = out.setdefault(rule_at.get(s.end, "joined"), {}).setdefault(key, [0, 0, 0])
                if si not in paired:
                    cell[2] += 1
                else:
                    cell[0 if d.timexes[paired[si]].value == s.value else 1] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tbaq", nargs="?", type=Path, default=DEFAULT_TBAQ)
    ap.add_argument("--ablate", action="store_true", help="score each rule switched off")
    ap.add_argument("--by-rule", action="store_true", help="right values / wrong values / extras of each pattern")
    ap.add_argument("--errors", nargs=2, metavar=("CORPUS", "PART"), help="print the mistakes of one part")
    args = ap.parse_args(argv)
    nlp = load_nlp()
    parts = _load(args.tbaq, nlp)
    if args.errors:
        key = tuple(args.errors)
        mistakes = [m for d, doc in parts[key] for m in mistakes_in(d, tag.find_times(doc, d.dct_date))]
        print(format_mistakes(mistakes))
        return 0
    if args.by_rule:
        keys = [(c, p) for c in CORPORA for p in PARTS]
        print("| pattern | " + " | ".join(f"{c} {p}" for c, p in keys) + " |")
        print("|---|" + "---|" * len(keys))
        for rule, cells in sorted(_by_rule(parts).items(), key=lambda kv: -sum(map(sum, kv[1].values()))):
            print(f"| {rule} | " + " | ".join("/".join(map(str, cells.get(k, [0, 0, 0]))) for k in keys) + " |")
        return 0
    started = time.process_time()
    base = _scores(parts)
    took = time.process_time() - started
    n = sum(len(v) for v in parts.values())
    print("| | " + " | ".join(f"{c} {p}" for c in CORPORA for p in PARTS) + " |")
    print("|---|" + "---|" * (len(CORPORA) * len(PARTS)))
    print(_row("value F1 (P/R)", base))
    print(f"find_times: {took:.2f} s CPU for {n} files ({1000 * took / n:.1f} ms a file)", file=sys.stderr)
    if args.ablate:
        for name, ctx in _ablations():
            with ctx():
                print(_row(name, _scores(parts), base), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
