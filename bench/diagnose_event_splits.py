"""Which pair features fire on same-event pairs that the event link model scores below its merge threshold.

    python bench/diagnose_event_splits.py GOLD.jsonl INPUT.jsonl CACHE_DIR

GOLD.jsonl: lines with "id" and "incident_id" (GVA's format); INPUT.jsonl: the reports as newsfuse
reads them; CACHE_DIR: an analysis cache (``analyze --out D`` keeps one in D/.cache). Prints the
candidate pairs, the same-event pairs below MERGE_THRESHOLD, and each feature's mean on those, on all
same-event pairs and on different-event pairs, with its contribution to the link score.
"""

from __future__ import annotations

import json
import sys

import numpy as np

from newsfuse.config import load_config
from newsfuse.ingest.inputs import read_inputs
from newsfuse.pipeline import analyze_corpus, date_from_text
from newsfuse.fuse.corpus import Corpus
from newsfuse.eval.clusters import _with_entities
from newsfuse.fuse.events.profile import build_profiles
from newsfuse.fuse.events.features import PAIR_FEATURES, pair_features, vectorize
from newsfuse.fuse.events.cluster import LINK_BIAS, LINK_WEIGHTS, MERGE_THRESHOLD, candidate_pairs
from newsfuse.nlp.encoder import embed_texts

gold_path, input_path, cache_dir = sys.argv[1:4]
gold = {}
for line in open(gold_path, encoding="utf-8"):
    r = json.loads(line)
    gold[r["id"]] = r["incident_id"]
config = load_config(jobs=1, progress="never")
articles, _ = read_inputs([input_path], config)
analyses = analyze_corpus(articles, config, cache_dir=cache_dir)
by_id = {a.article_id: a for a in analyses}
articles = date_from_text(articles, analyses)
fused = _with_entities(Corpus(articles, analyses))
profiles = build_profiles(articles, [by_id[a.id] for a in articles], fused.mention_entity)
emb = embed_texts([p.lead for p in profiles])
v = vectorize(profiles, emb)
i, j = candidate_pairs(v)
x = pair_features(v, i, j)
w = np.array([LINK_WEIGHTS[f] for f in PAIR_FEATURES])
z = x @ w + LINK_BIAS
p = 1 / (1 + np.exp(-z))
same = np.array([gold.get(profiles[a].article_id) == gold.get(profiles[b].article_id) for a, b in zip(i, j)])
print("candidate pairs", len(i), "same", same.sum())
pos = set(zip(i[same], j[same]))
# all gold-same pairs and whether candidates
ids = [pp.article_id for pp in profiles]
allsame = [(a, b) for a in range(len(ids)) for b in range(a + 1, len(ids)) if gold.get(ids[a]) == gold.get(ids[b])]
print("gold same pairs", len(allsame), "of them candidates", sum((a, b) in pos or (b, a) in pos for a, b in allsame))
low = same & (p < MERGE_THRESHOLD)
print(f"same pairs with p < {MERGE_THRESHOLD}:", low.sum(), "of", same.sum())
for k, f in enumerate(PAIR_FEATURES):
    on_low, on_same, on_diff = x[low, k], x[same, k], x[~same, k]
    print(f"{f:14s} mean on low-same {on_low.mean():.3f}  all-same {on_same.mean():.3f}  diff {on_diff.mean():.3f}"
          f"  contrib(low) {w[k] * on_low.mean():+.2f}")
