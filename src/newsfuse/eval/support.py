"""Scoring "says the same": the sentence similarity the summary cites sources by, against ECB+ coreference.

Pairs: sentences of two different articles of one ECB+ topic, both in the fully
annotated sentence index.

* positive: the two mention one event (a shared cross-document ACTION chain)
  and share at least one participant, time or place chain;
* negative: no shared event chain at all (same topic, so often the same people
  and places: a hard negative);
* the rest (one shared event, nothing else) is left out as ambiguous.

Similarities are those of :mod:`newsfuse.fuse.summary.summarizer`: TF-IDF fitted per topic
(as the summary fits it per event), the cosine of sentence embeddings, and their
weighted mean. ``bench/bench_summary_support.py`` picks the thresholds with this
module; ``tests/eval/test_support.py`` pins floors on the development topics.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse.eval.ecbplus import find_documents, read_document, read_selected_sentences, to_article
from newsfuse.fuse.summary.summarizer import EMBEDDING_WEIGHT, tfidf_vectors


def sentences(ecbplus: str | Path, topics: Sequence[int]) -> list[dict[str, Any]]:
    """Annotated sentences of the topics: text, document, topic, event chains, other chains."""
    root = Path(ecbplus)
    paths = find_documents([root / "docs" if (root / "docs").is_dir() else root], topics=topics)
    selected = read_selected_sentences([root])
    out = []
    for path in paths:
        doc = read_document(path)
        article, spans = to_article(doc)
        sent_of = {t.id: t.sentence for t in doc.tokens}
        by_sentence: dict[int, list[int]] = defaultdict(list)
        for t in doc.tokens:
            if t.id in spans:
                by_sentence[t.sentence].append(t.id)
        events: dict[int, set[str]] = defaultdict(set)
        others: dict[int, set[str]] = defaultdict(set)
        for m in doc.markables:
            # only chains shared across documents: within-document ids mean nothing elsewhere
            if m.chain is None or "/intra/" in m.chain or "/cross/" in m.chain:
                continue
            (events if m.is_event else others)[sent_of.get(m.tokens[0])].add(m.chain)
        for s, ids in by_sentence.items():
            if selected is not None and (doc.name, s) not in selected:
                continue
            start, end = spans[ids[0]][0], spans[ids[-1]][1]
            out.append(
                {"doc": doc.name, "topic": doc.topic, "text": article.text[start:end],
                 "events": events[s], "others": others[s]}
            )
    return out


def pairs(items: Sequence[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Index pairs (left, right) and labels (1 positive, 0 negative); ambiguous pairs are dropped."""
    by_topic: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        by_topic[item["topic"]].append(i)
    left, right, label = [], [], []
    for members in by_topic.values():
        for i, j in itertools.combinations(members, 2):
            a, b = items[i], items[j]
            if a["doc"] == b["doc"]:
                continue
            shared_event = a["events"] & b["events"]
            if shared_event and a["others"] & b["others"]:
                y = 1
            elif not shared_event:
                y = 0
            else:
                continue
            left.append(i)
            right.append(j)
            label.append(y)
    return np.array(left, dtype=int), np.array(right, dtype=int), np.array(label, dtype=int)


def similarities(
    items: Sequence[dict[str, Any]], left: np.ndarray, right: np.ndarray, embed: bool = True
) -> dict[str, np.ndarray]:
    """Similarity of each pair: ``tfidf``, and with ``embed`` also ``embedding`` and ``combined``."""
    tfidf = np.zeros(len(left))
    for topic in sorted({it["topic"] for it in items}):
        rows = np.array([i for i, it in enumerate(items) if it["topic"] == topic])
        vectors = tfidf_vectors([items[i]["text"] for i in rows])
        mask = np.isin(left, rows)
        tfidf[mask] = _cosines(vectors, np.searchsorted(rows, left[mask]), np.searchsorted(rows, right[mask]))
    out = {"tfidf": tfidf}
    if embed:
        from newsfuse.nlp.encoder import embed_texts

        embedding = _cosines(embed_texts([it["text"] for it in items]), left, right)
        out["embedding"] = embedding
        out["combined"] = EMBEDDING_WEIGHT * embedding + (1 - EMBEDDING_WEIGHT) * tfidf
    return out


def scores(sim: np.ndarray, label: np.ndarray, threshold: float) -> dict[str, float]:
    """Precision and recall of "similarity >= threshold" as a test for a positive pair."""
    pred = sim >= threshold
    tp = int((pred & (label == 1)).sum())
    return {
        "threshold": round(float(threshold), 4),
        "precision": round(tp / max(1, int(pred.sum())), 4),
        "recall": round(tp / max(1, int((label == 1).sum())), 4),
    }


def _cosines(vectors: Any, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    a, b = vectors[left], vectors[right]
    if hasattr(a, "multiply"):  # sparse TF-IDF rows
        return np.asarray(a.multiply(b).sum(axis=1), dtype=np.float64).ravel()
    return np.einsum("ij,ij->i", a, b).astype(np.float64)
