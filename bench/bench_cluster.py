"""How the cross-document clustering time (duplicates, entities, events) grows from 1,000 to 10,000 articles.

    python bench/bench_cluster.py                          # sizes 1000 2000 5000 10000
    python bench/bench_cluster.py --sizes 1000 2000        # a quick look
    python bench/bench_cluster.py --no-embeddings          # leave the sentence encoder out
    python bench/bench_cluster.py --encode-copies          # really encode every copy's lead (slow, linear)

The base documents are ECB+ (train and dev) and GVC (train and dev) from ../shared/data,
1,208 articles, analysed once (cached under --cache). Larger corpora repeat them as
perturbed copies, so that no copy is an exact or near duplicate of another:

* ids renamed (``<id>~<k>``), dates shifted by k × SHIFT_DAYS (publication date and every
  calendar value of the analysis), so a copy of a dated report is another event;
* the sentences after the lead shuffled;
* a third of the lower-case word types garbled with a same-length letter rotation (names
  kept, so entities recur across copies as real people do), in the text and in the lemmas:
  4-word shingles then rarely survive, and MinHash does not take copies for syndication.

Copies are made from the analyses, not analysed again: only the cross-document steps are
timed. The sentence encoder costs a fixed time per lead (about 85 ms on the shared 2-core
machine, hence 15 minutes at 10,000): by default each copy takes its base lead's embedding
with a little noise (encoded once, cached, not timed) and the encoder's own time is
reported from the base leads as ms per lead; ``--encode-copies`` encodes every lead. Each size is timed next to a reference measured in the same run on the same corpus
(TF-IDF vectors of every text, one linear pass) because the shared machine is noisy; the
growth exponent is the log-log slope between consecutive sizes (1 is linear, 2 quadratic).
Not a test: it needs ../shared/data and minutes of CPU. docs/benchmarks.md has the figures.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import hashlib
import json
import math
import random
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
# Days between two copies of one report: more than a month, so that a dated copy is a later
# event of the same kind (the hard case for the clusterer), not a second report of the first.
SHIFT_DAYS = 47
# Standard deviation of the noise added to a base lead's embedding for a copy (unit vectors
# of 384 dimensions: cosine to the base about 0.5, like two reports of one event).
EMBEDDING_NOISE = 0.05
# Share of lower-case word types garbled in each copy, and sentences kept in place (the lead).
GARBLE_SHARE = 0.33
LEAD_KEPT = 3

_WORD = re.compile(r"\b[a-z]{3,}\b")
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def base_corpus(cache: Path):
    """(articles, analyses) of ECB+ and GVC train+dev, ids prefixed by corpus, analysed once."""
    from newsfuse.config import load_config
    from newsfuse.eval.clusters import read_corpus
    from newsfuse.pipeline import analyze_corpus

    articles, analyses = [], []
    config = load_config(progress="never", cache_dir=str(cache))
    for name, path in (("ecb", DATA / "ecbplus"), ("gvc", DATA / "gvc")):
        corpus = read_corpus(path, "all")
        found = analyze_corpus(corpus.articles, config)
        for article, analysis in zip(corpus.articles, found):
            aid = f"{name}:{article.id}"
            articles.append(dataclasses.replace(article, id=aid))
            analyses.append(dataclasses.replace(analysis, article_id=aid))
    return articles, analyses


def corpus_of(size: int, articles, analyses):
    """The first ``size`` articles of: the base documents, then copy 1 of each, copy 2, ..."""
    out_articles, out_analyses = [], []
    k = 0
    while len(out_articles) < size:
        for article, analysis in zip(articles, analyses):
            if len(out_articles) == size:
                break
            if k == 0:
                out_articles.append(article)
                out_analyses.append(analysis)
            else:
                a, x = perturbed(article, analysis, k)
                out_articles.append(a)
                out_analyses.append(x)
        k += 1
    return out_articles, out_analyses


def perturbed(article, analysis, k: int):
    """Copy ``k`` of one analysed article: renamed, dates shifted, body shuffled, words garbled."""
    rng = random.Random(f"{article.id}~{k}")
    text, shift = _shuffled(article.text, analysis, rng)
    garble = _garbler(k)
    text = _WORD.sub(lambda m: garble(m.group()), text)
    days = timedelta(days=SHIFT_DAYS * k)
    order = shift["order"]
    aid = f"{article.id}~{k}"
    new_article = dataclasses.replace(
        article,
        id=aid,
        text=text,
        title=_WORD.sub(lambda m: garble(m.group()), article.title),
        published=_shift_value(article.published, days) if article.published else None,
    )
    new_analysis = dataclasses.replace(
        analysis,
        article_id=aid,
        content_hash=hashlib.sha1(text.encode()).hexdigest(),
        sentences=tuple(shift["sentences"]),
        mentions=tuple(_moved(m, shift) for m in analysis.mentions if _moved(m, shift) is not None),
        times=tuple(
            dataclasses.replace(t2, value=_shift_value(t2.value, days))
            for t in analysis.times
            if (t2 := _moved(t, shift)) is not None
        ),
        lemmas=tuple(" ".join(garble(w) for w in analysis.lemmas[old].split()) for old in order)
        if len(analysis.lemmas) == len(analysis.sentences)
        else analysis.lemmas,
        # Not read by duplicates, entities or events; their offsets would need moving too.
        quotes=(),
        claims=(),
        dated=(),
        text_date=_shift_value(analysis.text_date, days) if analysis.text_date else None,
    )
    return new_article, new_analysis


def _garbler(k: int):
    """A same-length rotation of the letters of GARBLE_SHARE of the word types, chosen per copy."""

    def garble(word: str) -> str:
        if not word.islower() or int(hashlib.md5(f"{k}:{word}".encode()).hexdigest()[:4], 16) >= GARBLE_SHARE * 65536:
            return word
        return "".join(chr((ord(c) - 97 + k) % 26 + 97) if "a" <= c <= "z" else c for c in word)

    return garble


def _shuffled(text: str, analysis, rng: random.Random):
    """The text with its sentences after the lead in a random order, and how offsets move."""
    sentences = list(analysis.sentences)
    order = list(range(len(sentences)))
    body = order[LEAD_KEPT:]
    rng.shuffle(body)
    order = order[:LEAD_KEPT] + body
    if not sentences:
        return text, {"order": order, "sentences": [], "starts": [], "delta": [], "index": []}
    pieces = [text[: sentences[0].start]]
    new_sentences, delta, index = [None] * len(sentences), [0] * len(sentences), [0] * len(sentences)
    at = len(pieces[0])
    for new_index, old in enumerate(order):
        s = sentences[old]
        end = sentences[old + 1].start if old + 1 < len(sentences) else len(text)
        chunk = text[s.start : end]
        if not chunk.endswith((" ", "\n")):
            chunk += " "
        pieces.append(chunk)
        delta[old] = at - s.start
        index[old] = new_index
        new_sentences[new_index] = dataclasses.replace(s, start=at, end=at + (s.end - s.start))
        at += len(chunk)
    starts = [s.start for s in sentences]
    return "".join(pieces), {"order": order, "sentences": new_sentences, "starts": starts, "delta": delta, "index": index}


def _moved(record, shift):
    """A mention or time value at its place in the shuffled text (None if outside every sentence)."""
    starts = shift["starts"]
    if not starts:
        return record
    old = bisect.bisect_right(starts, record.start) - 1
    if old < 0:
        return record
    return dataclasses.replace(
        record, start=record.start + shift["delta"][old], end=record.end + shift["delta"][old], sentence=shift["index"][old]
    )


def _shift_value(value: str | None, days: timedelta) -> str | None:
    """A calendar value (2016-03-05, 2016-03, 2016) moved by ``days``, at its own precision; others unchanged."""
    if not value:
        return value
    m = _CALENDAR.match(value)
    if not m:
        return value
    try:
        day = date(int(m[1]), int(m[2] or 1), int(m[3] or 1)) + days
    except ValueError:
        return value
    width = 10 if m[3] else 7 if m[2] else 4
    return day.isoformat()[:width] + value[m.end() :]


def reference_seconds(articles) -> float:
    """TF-IDF vectors of every text: a linear pass over the corpus to compare the clustering with."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    start = time.perf_counter()
    TfidfVectorizer(sublinear_tf=True).fit_transform([f"{a.title}\n{a.text}" for a in articles])
    return time.perf_counter() - start


def base_embeddings(articles, analyses, cache: Path):
    """(lead text → embedding of the base lead, ms per lead) for the base documents, encoded once and cached."""
    import numpy as np

    from newsfuse.nlp.encoder import embed_texts
    from newsfuse.fuse.events.profile import build_profile

    leads = [build_profile(a, x).lead for a, x in zip(articles, analyses)]
    digest = hashlib.sha1("\n".join(leads).encode()).hexdigest()[:12]
    path = cache / f"bench-cluster-leads-{digest}.npz"
    if path.is_file():
        stored = np.load(path)
        vectors, per_lead = stored["vectors"], float(stored["ms_per_lead"])
    else:
        start = time.perf_counter()
        vectors = embed_texts(leads)
        per_lead = 1000 * (time.perf_counter() - start) / max(1, len(leads))
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, vectors=vectors, ms_per_lead=per_lead)
    return {article.id: vector for article, vector in zip(articles, vectors)}, per_lead


def copy_encoder(articles, analyses, base: dict):
    """An ``embed_texts`` stand-in: each lead gets its base article's embedding plus noise."""
    import numpy as np

    from newsfuse.fuse.events.profile import build_profile

    by_lead = {}
    for article, analysis in zip(articles, analyses):
        root, _, k = article.id.partition("~")
        vector = base[root]
        if k:
            noise = np.random.default_rng(int(hashlib.md5(article.id.encode()).hexdigest()[:8], 16))
            vector = vector + noise.normal(0.0, EMBEDDING_NOISE, vector.shape)
            vector = vector / np.linalg.norm(vector)
        by_lead[build_profile(article, analysis).lead] = vector.astype(np.float32)

    def encode(texts, *args, **kwargs):
        return np.stack([by_lead[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    return encode


def cluster_seconds(articles, analyses, use_embeddings: bool, encoder=None) -> dict:
    """Seconds of each cross-document step, as the pipeline runs them (``encoder`` stands in for the model)."""
    from newsfuse.nlp import encoder as embed
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.fuse.corpus import Corpus
    from newsfuse.fuse.dedup import Deduplicator
    from newsfuse.fuse.events.cluster import EventClusterer
    from newsfuse.pipeline import date_from_text

    spent = {"embed": 0.0}
    encode = encoder or embed.embed_texts
    real = embed.embed_texts

    def timed_encode(texts, *args, **kwargs):
        start = time.perf_counter()
        try:
            return encode(texts, *args, **kwargs)
        finally:
            spent["embed"] += time.perf_counter() - start

    embed.embed_texts = timed_encode
    try:
        t0 = time.perf_counter()
        articles = date_from_text(articles, analyses)
        corpus = Corpus(tuple(articles), tuple(analyses))
        dedup = Deduplicator().fit(corpus)
        corpus = corpus.with_copies(dedup.duplicate_of_)
        t1 = time.perf_counter()
        canon = EntityCanonicalizer().fit(corpus)
        corpus = corpus.with_entities(canon.entities_, canon.mention_entity_)
        t2 = time.perf_counter()
        events = EventClusterer(use_embeddings=use_embeddings).fit(corpus)
        t3 = time.perf_counter()
    finally:
        embed.embed_texts = real
    return {
        "dedup": t1 - t0,
        "canon": t2 - t1,
        "events": t3 - t2,
        "embed": spent["embed"],
        "total": t3 - t0,
        "duplicates": len(dedup.duplicate_of_),
        "events_found": len(events.events_),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsfuse-bench-cluster"))
    parser.add_argument("--no-embeddings", action="store_true", help="cluster without the sentence encoder")
    parser.add_argument("--encode-copies", action="store_true", help="encode every lead (slow) instead of reusing the base's")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"{DATA} is absent", file=sys.stderr)
        return 1
    use_embeddings = not args.no_embeddings
    start = time.perf_counter()
    articles, analyses = base_corpus(args.cache)
    base, per_lead = {}, 0.0
    if use_embeddings:
        from newsfuse.nlp.encoder import load_encoder

        load_encoder()  # loading the model is not clustering
        base, per_lead = base_embeddings(articles, analyses, args.cache)
    print(f"{len(articles)} base documents ready in {time.perf_counter() - start:.0f} s", flush=True)
    if use_embeddings and not args.encode_copies:
        print(f"sentence encoder: {per_lead:.0f} ms per lead on the base leads (not in the times below)", flush=True)
    rows = []
    header = f"{'articles':>8} {'total s':>8} {'ms/art':>7} {'dedup':>6} {'canon':>6} {'events':>7} {'embed':>6} "
    header += f"{'ref s':>6} {'ratio':>6} {'exp':>5} {'exp/ref':>7} {'events':>7} {'dups':>5}"
    print(header, flush=True)
    for size in sorted(args.sizes):
        arts, xs = corpus_of(size, articles, analyses)
        ref = min(reference_seconds(arts) for _ in range(3))
        encoder = copy_encoder(arts, xs, base) if use_embeddings and not args.encode_copies else None
        t = cluster_seconds(arts, xs, use_embeddings, encoder)
        row = {"articles": size, "reference": ref, **t}
        if rows:
            prev = rows[-1]
            row["exponent"] = math.log(t["total"] / prev["total"]) / math.log(size / prev["articles"])
            row["exponent_vs_reference"] = math.log((t["total"] / ref) / (prev["total"] / prev["reference"])) / math.log(
                size / prev["articles"]
            )
        rows.append(row)
        exp = f"{row['exponent']:5.2f}" if "exponent" in row else "    -"
        exp_ref = f"{row['exponent_vs_reference']:+7.2f}" if "exponent" in row else "      -"
        print(
            f"{size:>8} {t['total']:8.1f} {1000 * t['total'] / size:7.1f} {t['dedup']:6.1f} {t['canon']:6.1f} "
            f"{t['events']:7.1f} {t['embed']:6.1f} {ref:6.2f} {t['total'] / ref:6.0f} {exp} {exp_ref} "
            f"{t['events_found']:>7} {t['duplicates']:>5}",
            flush=True,
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        slope = math.log(last["total"] / first["total"]) / math.log(last["articles"] / first["articles"])
        print(f"growth exponent {first['articles']}→{last['articles']}: {slope:.2f} (1 = linear)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
