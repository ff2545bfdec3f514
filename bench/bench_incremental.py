"""Streaming a corpus into a store in date order, batch by batch, against one batch run on the union.

    python bench/bench_incremental.py [GVC_JSONL] [--batch N] [--cache DIR] [--full]
    python bench/bench_incremental.py --cost 1000 10000 [--added 10] [--cache DIR] [--keep-state] [--digest] [--profile K]

Reads GVC train (``gvc_docs_train_dev.jsonl``, split train), sorts it by date, adds it to a fresh
SQLite store N reports at a time with ``analyze(..., store=...)``, and prints after each batch the
seconds it took and the reports stored; then B³ F1 of the streamed events and of one batch run on
all reports against the gold incidents, and their difference (issue 13 item 2: within 0.01).
Analyses come from the cache in DIR, so the seconds are those of fusion. ``--full`` fuses everything
stored again on each batch (``analyze --full``) instead of assigning the new reports.

``--cost N ...``: seconds per added article when ``--added`` reports join a store of N. The stored
reports are GVC train+dev and perturbed copies of it, made as ``bench_cluster.py`` makes them (dates
shifted 47 days a copy, bodies shuffled, words garbled, lead embeddings of the base plus noise;
GVC only, since ECB+'s undated pages fall in every time window). The store's state is built
in memory: duplicates, entities, events and storylines of the N reports, as a full run leaves
them (its timeline, claims and summary are left empty, which only spares the carry-over its
parse), with its framing and its articles' outlets. Then one incremental fusion of the N + added
reports is timed step by step.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pickle
import pstats
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
    ap.add_argument("--gold", type=Path, help="GVA: the input is a JSONL of reports (id, title, text, url, "
                    "published) and this JSONL (gva_train.jsonl) gives each id's incident_id")
    ap.add_argument("--dump", type=Path, help="write the streamed and batch article → event maps and the gold to this JSON")
    ap.add_argument("--cost", type=int, nargs="+", metavar="N", help="time adding reports to N stored ones")
    ap.add_argument("--added", type=int, default=10, help="reports added in each --cost run")
    ap.add_argument("--shift", type=int, default=47, help="days between two copies of a report (--cost; "
                    "bench_cluster's 47 makes the store denser as it grows, 1461 lays copies past GVC's four years)")
    ap.add_argument("--profile", type=int, default=0, metavar="K",
                    help="--cost: print the K functions taking the most cumulative time of the timed add (cProfile)")
    ap.add_argument("--digest", action="store_true", help="--cost: print a digest of each add's report, "
                    "to check that a change to the incremental path leaves its results as they were")
    ap.add_argument("--keep-state", action="store_true", help="--cost: keep each built store state in the cache "
                    "folder and read it back on the next run of the same size and shift (the build is most of a run; "
                    "remove the file after a change to the batch steps that build it)")
    args = ap.parse_args(argv)
    if args.cost:
        return cost(args.cost, args.added, args.cache, args.shift, args.profile, args.keep_state, args.digest)
    corpus = _read_gva(args.gvc, args.gold) if args.gold else read_corpus(args.gvc, "train")
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
    if args.dump:
        args.dump.write_text(json.dumps({"streamed": streamed.article_event, "batch": batch.article_event, "gold": gold,
                                         "dates": {a.id: a.published for a in corpus.articles}}))
    s = score(gold, streamed.article_event)["b3"]["f1"]
    b = score(gold, batch.article_event)["b3"]["f1"]
    print(f"\nbatch run on the union: {took:.1f} s; B³ F1 streamed {s:.3f}, batch {b:.3f}, difference {s - b:+.3f}")
    return 0


def cost(sizes: list[int], added: int, cache: Path, shift: int = 47, profile: int = 0, keep: bool = False,
         digest: bool = False) -> int:
    """Print, for each size, the seconds of each fusion step when ``added`` reports join that many."""
    sys.path.insert(0, str(Path(__file__).parent))
    import bench_cluster
    from bench_cluster import base_corpus, base_embeddings, copy_encoder, corpus_of

    bench_cluster.SHIFT_DAYS = shift

    from newsfuse import __version__
    from newsfuse.fuse.corpus import Corpus
    from newsfuse.fuse.dedup import Deduplicator
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.fuse.entities.records import EntityTable
    from newsfuse.fuse.events.assign import WINDOW_DAYS
    from newsfuse.fuse.events.cluster import EventClusterer
    from newsfuse.fuse.events.stories import StoryLinker
    from newsfuse.fuse.framing import FramingAnalyzer
    from newsfuse.ingest.outlets import unify_outlets
    from newsfuse.model import to_dict
    from newsfuse.nlp import encoder as embed
    from newsfuse.nlp.encoder import embedding_cache
    from newsfuse.nlp.models import load_nlp
    from newsfuse.pipeline import FUSE_STEPS, Prior, _fuse, date_from_text

    config = load_config(jobs=1, progress="never")
    articles, analyses = base_corpus(cache)
    gvc = [k for k, a in enumerate(articles) if a.id.startswith("gvc:")]
    articles, analyses = [articles[k] for k in gvc], [analyses[k] for k in gvc]
    base, _ = base_embeddings(articles, analyses, cache)
    bounded = ("events", "timeline", "claims", "contradictions", "summary")
    print("| stored | added | s / added article | bounded steps (s) | whole-store steps (s) | events changed | stored in the window | " +
          " | ".join(FUSE_STEPS[:-1]) + " |")
    print("|" + "---|" * (7 + len(FUSE_STEPS) - 1))
    real = embed.embed_texts
    real(["The encoder is loaded before any timing."])  # a one-off cost of the process, not of an add
    load_nlp()  # and so is the parser that claims and contradictions load on first use
    for n in sizes:
        arts, xs = corpus_of(n + added, articles, analyses)
        leads = copy_encoder(arts, xs, base)

        def encode(texts, *a, **kw):
            try:
                return leads(texts)
            except KeyError:  # not leads: the claim and summary sentences, encoded for real (cached)
                return real(texts, *a, **kw)

        embed.embed_texts = encode
        try:
            with embedding_cache(str(cache)):
                kept = cache / f"bench-incremental-state-{n}-{shift}.pickle"
                if keep and kept.is_file():
                    with kept.open("rb") as fh:
                        duplicate_of, entities, events, article_event, story_list = pickle.load(fh)
                else:
                    stored = unify_outlets(date_from_text(arts[:n], xs[:n]))
                    corpus = Corpus(stored, xs[:n])
                    corpus = corpus.with_copies(Deduplicator().fit(corpus).duplicate_of_)
                    canon = EntityCanonicalizer().fit(corpus)
                    corpus = corpus.with_entities(canon.entities_, canon.mention_entity_)
                    clusterer = EventClusterer().fit(corpus)
                    stories = StoryLinker().fit(corpus, clusterer.events_)
                    duplicate_of, entities = corpus.duplicate_of, tuple(canon.entities_)
                    events, article_event = tuple(clusterer.events_), clusterer.article_event_
                    story_list = tuple(stories.stories_)
                    if keep:
                        with kept.open("wb") as fh:
                            pickle.dump((duplicate_of, entities, events, article_event, story_list), fh)
                data = {"generator": {"version": __version__}, "events": to_dict(list(events)),
                        "stories": to_dict(list(story_list))}
                # The framing a full run leaves (its actors' titles) and the outlets it names, which
                # an add keeps where the articles naming an actor are read as they were.
                stored = Corpus(unify_outlets(date_from_text(arts[:n], xs[:n])), xs[:n]).with_copies(duplicate_of)
                stored = stored.with_entities(entities, {(s.article, s.start, s.end): e.id for e in entities for s in e.spans})
                data["framing"] = to_dict(FramingAnalyzer().fit(stored).framing_)
                data["articles"] = [{"id": a.id, "outlet": a.outlet} for a in stored.articles]
                prior = Prior(data, events, article_event, duplicate_of, EntityTable(entities), frozenset(a.id for a in arts[n:]))
                spent: dict[str, float] = {}
                clock = {"name": None, "at": time.perf_counter()}

                def step(name: str) -> None:
                    now = time.perf_counter()
                    if clock["name"]:
                        spent[clock["name"]] = now - clock["at"]
                    clock["name"], clock["at"] = name, now

                profiler = cProfile.Profile() if profile else None
                started = time.perf_counter()
                if profiler:
                    profiler.enable()
                report = _fuse(arts, xs, [], None, config, step, prior)
                step("report")
                if profiler:
                    profiler.disable()
                took = time.perf_counter() - started
        finally:
            embed.embed_texts = real
        before = {(e.id, e.articles) for e in prior.events}
        changed = sum(1 for e in report.events if (e.id, e.articles) not in before)
        inside = sum(spent.get(s, 0.0) for s in bounded)
        new_days = sorted(_day(a.published) for a in report.articles if a.id in prior.new and _day(a.published))
        window = sum(1 for a in report.articles if a.id not in prior.new and _day(a.published) and any(
            abs((_day(a.published) - d).days) <= WINDOW_DAYS for d in new_days))
        print(f"| {n:,} | {added} | {took / added:.2f} | {inside:.1f} | {took - inside:.1f} | {changed} | {window} | " +
              " | ".join(f"{spent.get(s, 0.0):.1f}" for s in FUSE_STEPS[:-1]) + " |", flush=True)
        if digest:  # what the add gave, less its time stamp: equal digests, equal results
            data = report_dict(report)
            data["generator"].pop("generated", None)
            data["mention_entity"] = sorted([*k, v] for k, v in report.mention_entity.items())
            print(f"report digest at {n:,}: {hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()}", flush=True)
        if profiler:
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(profile)
    return 0


def _day(value):
    from datetime import date

    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _read_gva(path: Path, gold_path: Path):
    """The reports of a GVA JSONL (as /work/cmp/gvasample.jsonl has them) with their gold incidents."""
    from newsfuse.eval.clusters import Corpus
    from newsfuse.model import Article

    incident = {}
    with gold_path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            incident[str(row["id"])] = str(row["incident_id"])
    articles = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            articles.append(Article(id=str(row["id"]), text=row["text"], title=row.get("title") or "",
                                    url=row.get("url"), published=row.get("published") or None))
    return Corpus("GVA", "sample", tuple(articles), {a.id: incident[a.id] for a in articles})


def _line(article) -> str:
    return json.dumps({"id": article.id, "title": article.title, "text": article.text, "url": article.url,
                       "published": article.published}) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
