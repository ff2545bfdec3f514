"""Cross-corpus folds of the event link model: fit on two corpora, score event clusters on the third.

    python bench/cv_link_model.py [DATA] [--gva-incidents N] [--cache DIR]

Corpora: ECB+ train topics, GVC train, and GVA train (the reports of N incidents with two reports
or more, drawn with ``random.Random(7)``; 110 by default, about 300 reports). For each corpus held
out, ``eval.clusters.fit_link_model`` fits the weights on the other two, and the held-out corpus is
clustered with them and with the shipped ``LINK_WEIGHTS`` (fit on ECB+ train and GVC train), B³ F1
of both printed beside each other. With ``--fit-threshold`` the fold also picks its merge threshold
(of THRESHOLDS, the best mean B³ F1 over its two fit corpora). Analyses are cached in DIR (default ``.newsfuse-cache/cv-link``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from newsfuse.config import load_config
from newsfuse.eval.clusters import Corpus, cluster_corpus, fit_link_model, read_corpus, score
from newsfuse.model import Article
from newsfuse.ingest.meta import with_dateline_span
from newsfuse.pipeline import analyze_corpus

THRESHOLDS = (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def gva_corpus(path: Path, incidents: int) -> Corpus:
    """The reports of ``incidents`` GVA incidents with two reports or more."""
    by_incident: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            by_incident[row["incident_id"]].append(row)
    multi = sorted(k for k, rows in by_incident.items() if len(rows) > 1)
    random.Random(7).shuffle(multi)
    articles, gold = [], {}
    for key in multi[:incidents]:
        for row in by_incident[key]:
            articles.append(with_dateline_span(Article(
                id=row["id"], text=row["text"], title=row.get("title") or "", url=row.get("url") or None,
                published=row.get("dct") or None, published_basis="metadata" if row.get("dct") else None,
            )))
            gold[row["id"]] = key
    return Corpus("GVA", "train", tuple(articles), gold)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=Path("../shared/data"))
    ap.add_argument("--gva-incidents", type=int, default=110)
    ap.add_argument("--cache", type=Path, default=Path(".newsfuse-cache/cv-link"))
    ap.add_argument("--fit-threshold", action="store_true", help="each fold picks its merge threshold on its fit corpora")
    args = ap.parse_args(argv)
    config = load_config(progress="never")
    corpora = {
        "ECB+ train": read_corpus(args.data / "ecbplus", "train"),
        "GVC train": read_corpus(args.data / "gvc", "train"),
        "GVA train sample": gva_corpus(args.data / "gva" / "gva_train.jsonl", args.gva_incidents),
    }
    analyses = {}
    for name, corpus in corpora.items():
        analyses[name] = analyze_corpus(corpus.articles, config, cache_dir=args.cache)
        print(f"{name}: {len(corpus.articles)} articles, {len(set(corpus.gold.values()))} events", flush=True)
    print("| held out | fit on | weights | P | R | B³ F1 | events (gold) |")
    print("|---|---|---|---|---|---|---|")
    for held, corpus in corpora.items():
        fit_on = [n for n in corpora if n != held]
        weights, bias = fit_link_model([(corpora[n], analyses[n]) for n in fit_on])
        fold = {"weights": weights, "bias": bias}
        if args.fit_threshold:
            def mean_f1(t: float) -> float:
                return sum(score(corpora[n].gold, cluster_corpus(corpora[n].articles, analyses[n], threshold=t, **fold))
                           ["b3"]["f1"] for n in fit_on) / len(fit_on)
            fold["threshold"] = max(THRESHOLDS, key=mean_f1)
            print(f"<!-- {held} fold threshold {fold['threshold']} -->", flush=True)
        for label, params in (("shipped", {}), ("fold", fold)):
            system = cluster_corpus(corpus.articles, analyses[held], **params)
            s = score(corpus.gold, system)["b3"]
            events = len(set(system.values()))
            print(f"| {held} | {' + '.join(fit_on) if label == 'fold' else 'ECB+ train + GVC train'} | {label} "
                  f"| {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {events} ({len(set(corpus.gold.values()))}) |",
                  flush=True)
        print(f"<!-- {held} fold weights: {json.dumps(weights)} bias {bias} -->", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
