"""The aligner's scored pairs kept as columns: each row reads back as the Pair that was stored."""

from __future__ import annotations

import numpy as np

from newsfuse.fuse.claims.align import ClaimAligner
from newsfuse.fuse.claims.scored import Pair, ScoredPairs


def _pairs() -> list[Pair]:
    rng = np.random.default_rng(7)
    kinds = [None, "number", None, "actor", "date", None]
    out = []
    for k in range(10_000):  # more than one chunk of rows
        cos, centred = (float(x) for x in rng.random(2, dtype=np.float32))  # float32 values, as the neighbour search gives
        out.append(Pair(k, k + 1 + k % 7, cos, centred, float(rng.random()), float(rng.random()), bool(k % 2),
                        bool(k % 3 == 0), bool(k % 5 == 0), kinds[k % len(kinds)],
                        None if k % 4 else float(rng.random())))
    # Two pairs of one score: a stable sort keeps them in this order.
    out.append(Pair(3, 9, 0.5, 0.5, 0.0, 0.0, False, False, False, None, None))
    out.append(Pair(2, 8, 0.5, 0.5, 0.0, 0.0, False, False, False, None, None))
    return out


def _stored(pairs: list[Pair]) -> ScoredPairs:
    table = ScoredPairs(len(pairs))
    for row, pair in enumerate(pairs):
        table.put(row, pair)
    return table


def test_rows_read_back_as_the_pairs_stored_in_order():
    pairs = _pairs()
    table = _stored(pairs)
    assert len(table) == len(pairs)
    assert list(table) == pairs
    assert table[5] == pairs[5] and table[-1] == pairs[-1]
    rows = np.array([9_999, 0, 4_321, 0])
    assert list(table.take(rows)) == [pairs[r] for r in rows]
    assert list(table.clashing()) == [p.clash is not None for p in pairs]
    assert table == _stored(pairs) and table != _stored(pairs[:-1]) and table != _stored(pairs[::-1])


def test_scores_of_the_columns_are_the_scores_of_the_pairs_and_the_order_is_a_stable_sort():
    pairs = _pairs()
    aligner = ClaimAligner()
    aligner.pairs_ = _stored(pairs)
    assert aligner.scores(aligner.pairs_).tolist() == [aligner.score(p) for p in pairs]  # the same floats, bit for bit
    assert list(aligner.by_score()) == sorted(pairs, key=lambda p: -aligner.score(p))
    assert aligner.strengths(aligner.pairs_).tolist() == [aligner.strength(p) for p in pairs]
