"""B³ and pairwise scores on clusterings small enough to score by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.eval.metrics import Scores, b_cubed, clusters, pairwise

# Gold {a b c} {d e}; system {a b} {c d e}.
GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
SYSTEM = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_b_cubed_by_hand():
    # precision per item: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 → 11/15
    # recall per item:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 → 11/15
    scores = b_cubed(GOLD, SYSTEM)
    assert scores.precision == pytest.approx(11 / 15)
    assert scores.recall == pytest.approx(11 / 15)
    assert scores.f1 == pytest.approx(11 / 15)


def test_pairwise_by_hand():
    # gold pairs ab ac bc de; system pairs ab cd ce de; shared ab de
    scores = pairwise(GOLD, SYSTEM)
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.5)


def test_missing_system_items_are_singletons():
    scores = b_cubed({"a": 1, "b": 1, "c": 1}, {})
    assert scores.precision == pytest.approx(1.0)
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.f1 == pytest.approx(0.5)


def test_singletons_do_not_collide_with_a_system_label():
    # A system label equal to an item name must not pull the missing items together.
    scores = b_cubed({"a": 1, "b": 2}, {"a": "b"})
    assert scores.precision == pytest.approx(1.0)
    assert scores.recall == pytest.approx(1.0)


def test_system_items_outside_gold_are_ignored():
    assert b_cubed({"a": 1}, {"a": "x", "z": "x"}).f1 == pytest.approx(1.0)


def test_all_in_one_cluster():
    scores = b_cubed(GOLD, {item: 0 for item in GOLD})
    # precision: a,b,c 3/5; d,e 2/5 → 13/25; recall 1
    assert scores.precision == pytest.approx(13 / 25)
    assert scores.recall == pytest.approx(1.0)


def test_pairwise_without_pairs():
    assert pairwise({"a": 1, "b": 2}, {"a": 1, "b": 2}).f1 == pytest.approx(1.0)
    assert pairwise({"a": 1, "b": 2}, {"a": 0, "b": 0}).precision == pytest.approx(0.0)


def test_empty_gold():
    assert b_cubed({}, {"a": 1}) == Scores(0.0, 0.0, 0.0)


def test_clusters_largest_first():
    assert clusters(SYSTEM) == [["c", "d", "e"], ["a", "b"]]


labelings = st.dictionaries(st.integers(0, 30), st.integers(0, 5), min_size=1)


@given(labelings, labelings)
def test_b_cubed_bounds_and_symmetry(gold, system):
    system = {item: system.get(item, -1 - item) for item in gold}
    forward, backward = b_cubed(gold, system), b_cubed(system, gold)
    assert 0.0 <= forward.precision <= 1.0 and 0.0 <= forward.recall <= 1.0
    assert forward.precision == pytest.approx(backward.recall)
    assert forward.recall == pytest.approx(backward.precision)


@given(labelings)
def test_identical_clusterings_score_one(gold):
    assert b_cubed(gold, dict(gold)).f1 == pytest.approx(1.0)
    assert pairwise(gold, dict(gold)).f1 == pytest.approx(1.0)
