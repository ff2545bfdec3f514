"""Tests for neighbour pairs: every pair of a small block, each unit's nearest in a large one."""

from __future__ import annotations

import numpy as np

from newsfuse.fuse.claims.align import NEIGHBOURS
from newsfuse.fuse.claims.neighbours import neighbour_pairs


def test_a_large_event_compares_neighbours_only():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(700, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    i, j, cos, centred = neighbour_pairs(vectors, list(range(700)), NEIGHBOURS)
    assert len(i) == len(j) == len(cos) == len(centred)
    assert len(i) <= 700 * NEIGHBOURS  # never the 244,650 pairs of the block
    assert (i < j).all()
    assert len(set(zip(i.tolist(), j.tolist()))) == len(i)
    assert np.allclose(cos, (vectors[i] * vectors[j]).sum(axis=1), atol=1e-5)


def test_neighbour_pairs_of_a_small_block_are_every_pair_once_in_row_order():
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(12, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    members = [10, 2, 7, 5]
    i, j, cos, _ = neighbour_pairs(vectors, members, NEIGHBOURS)
    expected = [tuple(sorted((members[a], members[b]))) for a in range(4) for b in range(a + 1, 4)]
    assert list(zip(i.tolist(), j.tolist())) == expected
    assert np.allclose(cos, [float(vectors[x] @ vectors[y]) for x, y in expected], atol=1e-6)
