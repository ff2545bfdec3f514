"""Benchmark and quality figures of claim alignment: fit time on GVC, pairwise P/R on ECB+ and the fixtures.

    python bench/bench_align.py gvc            # fit time of ClaimAligner (+ contradictions) on all 436 GVC docs
    python bench/bench_align.py ecb dev        # pairwise P/R of aligned sentences on ECB+ dev (or train)
    python bench/bench_align.py fixtures       # pairwise P/R on tests/data/align
    python bench/bench_align.py blind          # tests/data/blind: alignment, support, contradictions, quotes

Analyses are cached under --cache (default /tmp/newsfuse-bench-align) so a second run only
times the cross-document steps. Not a test: it needs ../shared/data and minutes of CPU.
docs/quality.md ("Claims across outlets") has the figures measured with it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"


def analyses_for(articles, cache: Path):
    """Analyses of ``articles``, from the cache when their content has not changed."""
    from newsfuse.config import load_config
    from newsfuse.pipeline import analyze_corpus

    config = load_config(jobs=1, progress="never", cache_dir=str(cache))
    return analyze_corpus(articles, config)


def gvc(cache: Path) -> dict:
    from newsfuse.eval.clusters import read_corpus
    from newsfuse.fuse.claims.align import ClaimAligner
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.fuse.claims.contradict import ContradictionFinder
    from newsfuse.fuse.corpus import Corpus
    from newsfuse.fuse.dedup import Deduplicator
    from newsfuse.nlp.encoder import load_encoder
    from newsfuse.fuse.events.cluster import EventClusterer

    corpus = read_corpus(DATA / "gvc", "all")
    articles = list(corpus.articles)
    analyses = analyses_for(articles, cache)
    reports = Corpus(articles, analyses)
    reports = reports.with_copies(Deduplicator().fit(reports).duplicate_of_)
    canon = EntityCanonicalizer().fit(reports)
    reports = reports.with_entities(canon.entities_, canon.mention_entity_)
    events = EventClusterer().fit(reports)
    load_encoder()  # model loading is not the aligner's time
    start = time.perf_counter()
    aligner = ClaimAligner().fit(reports, events.article_event_)
    fitted = time.perf_counter()
    finder = ContradictionFinder().fit(reports, aligner)
    done = time.perf_counter()
    n = len(aligner.units_)
    blocks = len({u.block for u in aligner.units_})
    return {
        "articles": len(articles), "events": len(events.events_), "statements": n, "blocks": blocks,
        "pairs_compared": len(aligner.pairs_), "all_pairs": n * (n - 1) // 2,
        "claims": len(aligner.claims_), "corroborated": sum(c.support >= 2 for c in aligner.claims_),
        "contradictions": len(finder.contradictions_),
        "align_fit_s": round(fitted - start, 1), "contradict_fit_s": round(done - fitted, 1),
    }


def ecb(split: str, cache: Path) -> dict:
    from newsfuse.eval.align import read_ecb, score_ecb
    from newsfuse.eval.clusters import ECB_DEV_TOPICS, ECB_TEST_TOPICS

    root = DATA / "ecbplus"
    if split == "dev":
        topics = ECB_DEV_TOPICS
    else:
        topics = tuple(t for t in range(1, 46) if t not in ECB_DEV_TOPICS and t not in ECB_TEST_TOPICS)
    corpus = read_ecb(root, topics)
    analyses = analyses_for(list(corpus.articles), cache)
    start = time.perf_counter()
    result = score_ecb(corpus, analyses)
    result.pop("aligner")
    result["fit_s"] = round(time.perf_counter() - start, 1)
    return result


def fixtures() -> dict:
    sys.path.insert(0, str(REPO))
    from newsfuse.eval.align import fixture_labels, pair_scores
    from tests.fuse.test_align import fitted_fixtures

    gold, system = {}, {}
    for fixture, _, _, aligner in fitted_fixtures():
        labels = fixture_labels(fixture, aligner.units_, aligner.group_)
        for item, groups in fixture.groups.items():
            gold[(item[0], (fixture.name, item))] = {(fixture.name, g) for g in groups}
            system[(item[0], (fixture.name, item))] = {(fixture.name, g) for g in labels[item]}
    return {"statements": len(gold), "pairwise": pair_scores(gold, system).as_dict()}


def blind(folder: Path = REPO / "tests" / "data" / "blind", verbose: bool = False) -> dict:
    from newsfuse.eval.align import fit_fixture, read_fixture_extras, score_fitted, score_quotes
    from newsfuse.nlp.models import load_nlp

    nlp = load_nlp()
    paths = sorted(folder.glob("*.json"))
    fitted = [fit_fixture(p, nlp) for p in paths]
    extras = [read_fixture_extras(p) for p in paths]
    result = score_fitted(fitted, extras)
    gold_quotes = {a: qs for e in extras for a, qs in e["quotes"].items()}
    quotes = score_quotes([a for f in fitted for a in f.fixture.articles], [x for f in fitted for x in f.analyses],
                          gold_quotes)
    result["quotes"] = quotes if verbose else {k: v for k, v in quotes.items() if k != "misses"}
    if verbose:
        for f in fitted:
            for claim in f.aligner.claims_:
                if len(claim.sources) > 1:
                    result.setdefault("claims", []).append([s.text for s in claim.sources])
            result.setdefault("contradiction_records", []).extend(
                [[s.text for s in r.sides] + [r.kind] for r in f.finder.contradictions_])
    else:
        result.pop("support_wrong")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["gvc", "ecb", "fixtures", "blind"])
    parser.add_argument("-v", "--verbose", action="store_true", help="blind: list misses, claims and contradictions")
    parser.add_argument("split", nargs="?", default="dev", choices=["dev", "train"])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsfuse-bench-align"))
    args = parser.parse_args()
    if args.what == "gvc":
        result = gvc(args.cache)
    elif args.what == "ecb":
        result = ecb(args.split, args.cache)
    elif args.what == "blind":
        result = blind(verbose=args.verbose)
    else:
        result = fixtures()
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
