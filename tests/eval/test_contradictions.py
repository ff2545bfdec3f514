"""Tests for the FNC-1 contradiction scoring: reading pairs, the baseline, the scores (the detector itself: tests/fuse/claims)."""

from __future__ import annotations

import pytest

from newsfuse.errors import EvalError
from newsfuse.eval.contradictions import negation_mismatch, read_pairs, score


def _write(folder, stances, bodies):
    (folder / "x_stances.csv").write_text("Headline,Body ID,Stance\n" + "".join(f'"{h}",{b},{s}\n' for h, b, s in stances),
                                          encoding="utf-8")
    (folder / "x_bodies.csv").write_text("Body ID,articleBody\n" + "".join(f'{b},"{t}"\n' for b, t in bodies),
                                         encoding="utf-8")


def test_pairs_are_the_first_of_each_scored_label(tmp_path):
    _write(tmp_path, [("A", 1, "agree"), ("B", 1, "disagree"), ("C", 2, "agree"), ("D", 2, "unrelated"),
                      ("E", 3, "disagree")], [(1, "one"), (2, "two")])
    assert read_pairs(tmp_path, limit=1) == [("agree", "A", "one"), ("disagree", "B", "one")]
    assert [p[1] for p in read_pairs(tmp_path, limit=5)] == ["A", "B", "C"]  # body 3 is missing
    with pytest.raises(EvalError):
        read_pairs(tmp_path / "none")


def test_the_baseline_compares_negation_with_the_closest_body_sentence():
    body = "The mayor resigned on Monday. Officials did not confirm the report about the budget."
    assert negation_mismatch("Mayor did not resign", body)
    assert not negation_mismatch("Mayor resigned on Monday", body)
    assert not negation_mismatch("Officials did not confirm budget report", body)


def test_scores_are_flagged_shares_and_balanced_precision():
    scores = score([("disagree", True), ("disagree", False), ("agree", False), ("agree", False)])
    assert scores["flagged_disagree"] == 0.5 and scores["flagged_agree"] == 0.0 and scores["precision"] == 1.0
    assert score([("agree", True)])["precision"] == 0.0
