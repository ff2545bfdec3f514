"""The pairs of claim units worth scoring: TF-IDF stand-in vectors, and each unit's nearest in its block."""

from __future__ import annotations

import numpy as np

# The fewest statements an event needs for its mean to stand for its topic (the centred cosine).
CENTRE_MIN_UNITS = 20
# A block with more units than this compares each unit with its ``k`` nearest only.
ALL_PAIRS_BLOCK = 300
# Rows per block of the similarity product for large events (memory: rows x block size floats).
CHUNK_ROWS = 512


def tfidf_vectors(texts: list[str]) -> np.ndarray:
    """L2-normalised TF-IDF rows, the stand-in for embeddings without the model."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32).fit_transform(texts)
    except ValueError:  # every text empty or stop words only
        return np.zeros((len(texts), 1), dtype=np.float32)
    return matrix.toarray()


def neighbour_pairs(vectors: np.ndarray, members: list[int],
                    k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Arrays (i, j, cosine, centred cosine), i < j, of the pairs of one block's units: every pair in
    a small block, else each unit with its ``k`` nearest (exact search in chunks: the block, not the
    corpus, is the space). Row by row, each pair once, where it first appears.

    The centred cosine is taken after removing the block's mean vector: every statement about
    one event shares its topic, and what is left is what a statement says in particular.
    """
    idx = np.asarray(members, dtype=np.int64)
    v = vectors[idx].astype(np.float32)
    if len(idx) >= CENTRE_MIN_UNITS:
        c = v - v.mean(axis=0, keepdims=True)
        norms = np.linalg.norm(c, axis=1, keepdims=True)
        c = np.divide(c, norms, out=np.zeros_like(c), where=norms > 0)
    else:  # too few statements for their mean to be the topic rather than one of them
        c = v
    n = len(idx)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    raws: list[np.ndarray] = []
    sims: list[np.ndarray] = []
    for lo in range(0, n, CHUNK_ROWS):
        raw = v[lo : lo + CHUNK_ROWS] @ v.T
        sim = c[lo : lo + CHUNK_ROWS] @ c.T
        if n <= ALL_PAIRS_BLOCK:
            r, col = np.triu_indices(sim.shape[0], lo + 1, n)  # row-major: each row's later units
        else:
            tops = []
            for r in range(sim.shape[0]):
                top = np.argpartition(-sim[r], min(k + 1, n - 1))[: k + 1]
                tops.append(top[top != lo + r])
            r = np.repeat(np.arange(sim.shape[0]), [len(t) for t in tops])
            col = np.concatenate(tops) if tops else np.zeros(0, dtype=np.int64)
        rows.append(r + lo)
        cols.append(col)
        raws.append(raw[r, col])
        sims.append(sim[r, col])
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32)
    a, b = idx[np.concatenate(rows)], idx[np.concatenate(cols)]
    i, j = np.minimum(a, b), np.maximum(a, b)
    # A neighbour's neighbour lists the pair again: keep where it first appears.
    _, first = np.unique(i * (int(idx.max()) + 1) + j, return_index=True)
    first.sort()
    return i[first], j[first], np.concatenate(raws)[first], np.concatenate(sims)[first]
