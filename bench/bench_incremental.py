"""Streaming a corpus into a store in date order, batch by batch, against one batch run on the union.

    python bench/bench_incremental.py [GVC_JSONL] [--batch N] [--cache DIR]

Reads GVC train (``gvc_docs_train_dev.jsonl``, split train), sorts it by date, adds it to a fresh
SQLite store N reports at a time with ``analyze(..., store=...)``, and prints after each batch the
seconds it took and the reports stored; then B³ F1 of the streamed events and of one batch run on
all reports against the gold incidents, and their difference (issue 13 item 2: within 0.01).
Analyses come from the cache in DIR, so the seconds are those of fusion.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from newsfuse.config import load_config
from newsfuse.eval.clusters import read_corpus, score
from newsfuse.pipeline import analyze
from newsfuse.render.json_report import report_dict
from newsfuse.store import open_store


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gvc", nargs="?", type=Path, default=Path("../shared/data/gvc/gvc_docs_train_dev.jsonl"))
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--cache", type=Path, default=Path(".newsfuse-cache/cv-link"))
    ap.add_argument("--full", action="store_true", help="cluster everything stored again on each batch (analyze --full)")
    args = ap.parse_args(argv)
    corpus = read_corpus(args.gvc, "train")
    config = load_config(jobs=1, progress="never")
    ordered = sorted(corpus.articles, key=lambda a: (a.published or "", a.id))
    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        for k in range(0, len(ordered), args.batch):
            path = Path(tmp) / f"batch-{k // args.batch:03d}.jsonl"
            path.write_text("".join(_line(a) for a in ordered[k : k + args.batch]), encoding="utf-8")
            inputs.append(path)
        print("| batch | reports stored | seconds |")
        print("|---|---|---|")
        with open_store(str(Path(tmp) / "news.db")) as store:
            for n, path in enumerate(inputs, 1):
                started = time.perf_counter()
                streamed = analyze([path], config, cache_dir=args.cache, store=store, full=args.full)
                store.save_report(report_dict(streamed))  # as analyze --store does: the next batch builds on it
                print(f"| {n} | {len(streamed.articles)} | {time.perf_counter() - started:.1f} |", flush=True)
        started = time.perf_counter()
        batch = analyze(inputs, config, cache_dir=args.cache)
        took = time.perf_counter() - started
    gold = {a.id: corpus.gold[a.id] for a in corpus.articles}
    s = score(gold, streamed.article_event)["b3"]["f1"]
    b = score(gold, batch.article_event)["b3"]["f1"]
    print(f"\nbatch run on the union: {took:.1f} s; B³ F1 streamed {s:.3f}, batch {b:.3f}, difference {s - b:+.3f}")
    return 0


def _line(article) -> str:
    return json.dumps({"id": article.id, "title": article.title, "text": article.text, "url": article.url,
                       "published": article.published}) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
