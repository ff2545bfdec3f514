"""Dask speed-up of the per-article analysis: one corpus on a LocalCluster of 1 and of 2 workers, beside one process.

    python bench/bench_dask.py [--n 200] [--rounds 2] [--data ../shared/data]

Builds the corpus ``bench_analyze.py`` builds (GVC and ECB+ texts, perturbed copies past what is
there) and runs the per-article step on it three ways, in alternating rounds so the machine's
load falls on all alike: ``SerialRunner`` in this process (the model already loaded, so its
figure is the analysis alone), ``DaskRunner("local:1")`` and ``DaskRunner("local:2")`` (each
starting its cluster and loading the model in every worker, as ``newsfuse analyze --scheduler
local:N`` does). Prints the best wall time of each, seconds per article, and the speed-up of two
workers over one, with and without the cluster's start (measured as the wall of a one-article
run). docs/benchmarks.md has the figures and the projection to a larger cluster built on them.
Not a test: it needs ../shared/data and minutes of CPU.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bench_analyze import DATA, build_corpus

from newsfuse.model import Article
from newsfuse.nlp.models import load_nlp
from newsfuse.run.dask import DaskRunner
from newsfuse.run.local import SerialRunner

BATCH_SIZE = 32


def _articles(records: list[dict]) -> list[Article]:
    return [Article(id=r["id"], text=r["text"], title=r.get("title") or "", published=r.get("published")) for r in records]


def _wall(runner, articles: list[Article]) -> tuple[float, int]:
    start = time.perf_counter()
    done = sum(1 for _ in runner.map(articles))
    return time.perf_counter() - start, done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds; the best of each is kept")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    records, stats = build_corpus(args.data, args.n)
    articles = _articles(records)
    load_nlp()  # the serial side's model, loaded once before its clock starts
    sides = {"one process": lambda: SerialRunner(batch_size=BATCH_SIZE),
             "local:1": lambda: DaskRunner("local:1", batch_size=BATCH_SIZE),
             "local:2": lambda: DaskRunner("local:2", batch_size=BATCH_SIZE)}
    best: dict[str, float] = {}
    start_cost: dict[str, float] = {}
    print(f"{stats['articles']} articles, {stats['words']} words, {os.cpu_count()} cores", flush=True)
    for round_ in range(args.rounds):
        for name, make in sides.items():
            wall, done = _wall(make(), articles)
            if done != len(articles):
                raise SystemExit(f"{name}: {done} analyses for {len(articles)} articles")
            best[name] = min(best.get(name, wall), wall)
            if name != "one process":
                first, _ = _wall(make(), articles[:1])
                start_cost[name] = min(start_cost.get(name, first), first)
            print(f"round {round_ + 1}: {name}: {wall:.1f} s", flush=True)
    print("| runner | best wall (s) | start + one article (s) | s per article after the start |")
    print("|---|---|---|---|")
    for name, wall in best.items():
        start = start_cost.get(name, 0.0)
        print(f"| {name} | {wall:.1f} | {start:.1f} | {(wall - start) / len(articles):.3f} |")
    one, two = best["local:1"], best["local:2"]
    net_one, net_two = one - start_cost["local:1"], two - start_cost["local:2"]
    print(f"speed-up of 2 workers over 1: {one / two:.2f}x whole, {net_one / net_two:.2f}x after the start")
    return 0


if __name__ == "__main__":
    sys.exit(main())
