"""Cross-corpus folds of the event link model: fit on two corpora, score event clusters on the third.

    python bench/cv_link_model.py [DATA] [--gva-incidents N] [--cache DIR] [--fit-threshold]
    python bench/cv_link_model.py [DATA] --final [--ablate]
    python bench/cv_link_model.py [DATA] --final --shipped     # only the shipped weights' rows (no fit)

Corpora: ECB+ train topics, GVC train, and GVA train (the reports of N incidents with two reports
or more, drawn with ``random.Random(7)``; 110 by default, about 300 reports). For each corpus held
out, ``eval.clusters.fit_link_model`` fits the weights on the other two, and the held-out corpus is
clustered with them and with the shipped ``LINK_WEIGHTS``, B³ F1 of both printed beside each other.
With ``--fit-threshold`` the fold also picks its merge threshold (of THRESHOLDS, the best mean B³
F1 over its two fit corpora).

``--final`` fits one model on all three and scores it, beside the shipped weights, on parts none
of them holds: ECB+ dev topics, GVC dev, and a GVA check part (the next ``--gva-check`` incidents
of the same draw with two reports or more, plus ``--gva-check-singles`` incidents of one report,
as distractors; ``--gva-singles`` adds incidents of one report to the GVA train sample too). ``--ablate`` adds, for each clash feature, the folds and the final fit without it:
a feature stays only if the corpora it was not fit on lose without it. ``--without NAME`` leaves a
feature out of every fit (the fits as they were before it came).
Analyses are cached in DIR (default ``.newsfuse-cache/cv-link``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from newsfuse.config import load_config
from newsfuse.eval.clusters import Corpus, cluster_fused, fit_link_model, fused_corpus, read_corpus, score
from newsfuse.model import Article
from newsfuse.ingest.meta import with_dateline_span
from newsfuse.pipeline import analyze_corpus

THRESHOLDS = (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def gva_corpus(path: Path, multi_part: slice, single_part: slice = slice(0), split: str = "train") -> Corpus:
    """The reports of the GVA incidents ``multi_part`` of those with two reports or more and
    ``single_part`` of those with one, each in the order ``random.Random(7)`` shuffles them."""
    by_incident: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            by_incident[row["incident_id"]].append(row)
    multi = sorted(k for k, rows in by_incident.items() if len(rows) > 1)
    random.Random(7).shuffle(multi)
    single = sorted(k for k, rows in by_incident.items() if len(rows) == 1)
    random.Random(7).shuffle(single)
    articles, gold = [], {}
    for key in multi[multi_part] + single[single_part]:
        for row in by_incident[key]:
            articles.append(with_dateline_span(Article(
                id=row["id"], text=row["text"], title=row.get("title") or "", url=row.get("url") or None,
                published=row.get("dct") or None, published_basis="metadata" if row.get("dct") else None,
            )))
            gold[row["id"]] = key
    return Corpus("GVA", split, tuple(articles), gold)


# The features that pull pairs apart, each left out in turn by --ablate.
CLASHES = ("far_apart", "year_clash", "people_clash", "place_clash", "count_clash", "older_news", "weekday_clash")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=Path("../shared/data"))
    ap.add_argument("--gva-incidents", type=int, default=110)
    ap.add_argument("--gva-check", type=int, default=150)
    ap.add_argument("--gva-singles", type=int, default=0, help="incidents of one report in the GVA train sample")
    ap.add_argument("--gva-check-singles", type=int, default=60)
    ap.add_argument("--cache", type=Path, default=Path(".newsfuse-cache/cv-link"))
    ap.add_argument("--fit-threshold", action="store_true", help="each fold picks its merge threshold on its fit corpora")
    ap.add_argument("--final", action="store_true", help="fit on all three, score on their dev/check parts")
    ap.add_argument("--ablate", action="store_true", help="also leave out each clash feature in turn")
    ap.add_argument("--shipped", action="store_true", help="only score the shipped weights, fit nothing")
    ap.add_argument("--without", action="append", default=[], help="a pair feature every fit leaves out")
    args = ap.parse_args(argv)
    config = load_config(progress="never")
    gva = args.data / "gva" / "gva_train.jsonl"
    corpora = {
        "ECB+ train": read_corpus(args.data / "ecbplus", "train"),
        "GVC train": read_corpus(args.data / "gvc", "train"),
        "GVA train sample": gva_corpus(
            gva, slice(args.gva_incidents), slice(args.gva_check_singles, args.gva_check_singles + args.gva_singles)
        ),
    }
    checks = {
        "ECB+ dev": read_corpus(args.data / "ecbplus", "dev"),
        "GVC dev": read_corpus(args.data / "gvc", "dev"),
        "GVA check": gva_corpus(
            gva, slice(args.gva_incidents, args.gva_incidents + args.gva_check), slice(args.gva_check_singles), "check"
        ),
    } if args.final else {}
    analyses, fused = {}, {}
    for name, corpus in {**corpora, **checks}.items():
        analyses[name] = analyze_corpus(corpus.articles, config, cache_dir=args.cache)
        fused[name] = fused_corpus(corpus.articles, analyses[name])
        print(f"{name}: {len(corpus.articles)} articles, {len(set(corpus.gold.values()))} events", flush=True)

    def row(label: str, held: str, fit_on: str, params: dict) -> float:
        corpus = {**corpora, **checks}[held]
        system = cluster_fused(fused[held], **params)
        s = score(corpus.gold, system)["b3"]
        print(f"| {held} | {fit_on} | {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} "
              f"| {len(set(system.values()))} ({len(set(corpus.gold.values()))}) |", flush=True)
        return s["f1"]

    print("| held out | fit on | weights | P | R | B³ F1 | events (gold) |")
    print("|---|---|---|---|---|---|---|")
    base = tuple(args.without)
    variants = [base] + ([(*base, name) for name in CLASHES] if args.ablate else [])
    if args.shipped:
        for held in checks or corpora:
            row("shipped", held, "ECB+ train + GVC train", {})
        return 0
    if args.final:
        for held in checks:
            row("shipped", held, "ECB+ train + GVC train", {})
        for without in variants:
            weights, bias = fit_link_model([(corpora[n], analyses[n]) for n in corpora], without=without)
            params = {"weights": weights, "bias": bias}
            if args.fit_threshold:
                params["threshold"] = _best_threshold(corpora, fused, list(corpora), params)
            label = f"all three{' without ' + ', '.join(without) if without else ''}"
            f1 = [row(label, held, " + ".join(corpora), params) for held in checks]
            print(f"<!-- {label}: mean {sum(f1) / len(f1):.3f}; weights {json.dumps(weights)} bias {bias} -->", flush=True)
        return 0
    for held, corpus in corpora.items():
        fit_on = [n for n in corpora if n != held]
        row("shipped", held, "ECB+ train + GVC train", {})
        for without in variants:
            weights, bias = fit_link_model([(corpora[n], analyses[n]) for n in fit_on], without=without)
            fold = {"weights": weights, "bias": bias}
            if args.fit_threshold:
                fold["threshold"] = _best_threshold(corpora, fused, fit_on, fold)
            row(f"fold{' without ' + ', '.join(without) if without else ''}", held, " + ".join(fit_on), fold)
            print(f"<!-- {held} fold weights: {json.dumps(weights)} bias {bias} -->", flush=True)
    return 0


def _best_threshold(corpora: dict, fused: dict, fit_on: list[str], params: dict) -> float:
    """The merge threshold of THRESHOLDS with the best mean B³ F1 over the corpora ``fit_on``."""
    def mean_f1(t: float) -> float:
        return sum(score(corpora[n].gold, cluster_fused(fused[n], **{**params, "threshold": t}))
                   ["b3"]["f1"] for n in fit_on) / len(fit_on)

    best = max(THRESHOLDS, key=mean_f1)
    print(f"<!-- threshold fit on {' + '.join(fit_on)}: {best} -->", flush=True)
    return best


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
