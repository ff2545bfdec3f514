"""Pick the similarity above which a sentence from another report "says the same" as a summary sentence.

The summary cites, beside each of its sentences, every other report's sentence
at or above a similarity threshold (newsfuse.fuse.summary.summarizer.SUPPORT_THRESHOLD).
This script measures candidate thresholds on ECB+ sentence pairs (see
newsfuse.eval.support for what counts as a positive pair).

A wrong citation misleads a reader more than a missing one, so the threshold is
the one with the highest recall at a precision of at least TARGET_PRECISION on
the training topics; the script prints the scores at that threshold on the
development topics too. Similarities: TF-IDF cosine, embedding cosine, and
their weighted mean (what the summary uses when the embedding model is
installed).

    python bench/bench_summary_support.py                   # TF-IDF, embeddings, combined
    python bench/bench_summary_support.py --tfidf-only --curve

Not a test: it needs ../shared/data and a minute or two of CPU.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from newsfuse.eval.support import pairs, scores, sentences, similarities

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus"
TRAIN = [1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33]
DEV = [2, 5, 12, 18, 21, 23, 34, 35]
THRESHOLDS = np.round(np.arange(0.10, 0.96, 0.025), 3)
TARGET_PRECISION = 0.8


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tfidf-only", action="store_true", help="leave the embedding model out")
    parser.add_argument("--curve", action="store_true", help="print precision and recall at every threshold")
    args = parser.parse_args()
    splits = {}
    for split, topics in (("train", TRAIN), ("dev", DEV)):
        items = sentences(DATA, topics)
        left, right, label = pairs(items)
        splits[split] = (items, label, similarities(items, left, right, embed=not args.tfidf_only))
    result = {}
    for name in splits["train"][2]:
        _, label, sims = splits["train"]
        train = [scores(sims[name], label, t) for t in THRESHOLDS]
        eligible = [r for r in train if r["precision"] >= TARGET_PRECISION] or train[-1:]
        chosen = max(eligible, key=lambda r: (r["recall"], -r["threshold"]))["threshold"]
        result[name] = {}
        for split, (items, label, sims) in splits.items():
            size = {"sentences": len(items), "pairs": len(label), "positives": int(label.sum())}
            result[name][split] = {**size, **scores(sims[name], label, chosen)}
            if args.curve:
                rows = [scores(sims[name], label, t) for t in THRESHOLDS]
                print(name, split, *(f"{r['threshold']:.3f} P {r['precision']:.3f} R {r['recall']:.3f}" for r in rows),
                      sep="\n  ")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
