"""Tests for scoring the aligner's pair decision on MRPC: reading, parts, thresholds and the dev-split floors."""

from __future__ import annotations

import json

import pytest

from newsfuse.cli import main
from newsfuse.errors import EvalError
from newsfuse.eval.paraphrase import (
    SentencePair,
    best_f1,
    format_scores,
    precision_first,
    read_pairs,
    scores_at,
    word_jaccard,
)
from tests.conftest import SHARED_DATA, needs_data

MRPC = SHARED_DATA / "mrpc"
# Measured 2026-12-07 (docs/quality.md, "Claims across outlets"), check part (pairs whose ids'
# CRC-32 is divisible by 5: 793 pairs, 541 the same): the aligner at its precision-first threshold
# fit on the fit part (1.351) P 0.925 R 0.272; at its own LINK_SCORE P 0.737 R 0.841; of the 633
# pairs a slot keeps apart, 388 are not the same (0.61; 0.32 of all pairs are not). The aligner
# deciding with the pair model (fuse/claims/pairs.py, its threshold 0.801 fit on the fit part)
# P 0.922 R 0.434. Beside them, word Jaccard at its precision-first threshold: P 0.922 R 0.418.
# The citation check (the pair model at its citation threshold, 0.895) P 0.951 R 0.253; the word
# rule it replaced P 1.0 R 0.181. Floors sit a little below.
MRPC_CHECK_FLOORS = {"precision": 0.88, "recall": 0.24, "link_precision": 0.70, "link_recall": 0.80,
                     "kept_apart_right": 0.55, "model_precision": 0.9, "model_recall": 0.41,
                     "cite_precision": 0.94, "cite_recall": 0.23}
HEADER = "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"


def test_reading_pairs_and_their_fixed_parts(tmp_path):
    path = tmp_path / "pairs.txt"
    path.write_text(HEADER + "1\t10\t11\tTwo died.\tTwo people died.\n"
                    "0\t12\t13\tThe Treasury\x12s bill.\tA bill passed.\n", encoding="utf-8")
    pairs = read_pairs(path)
    assert [(p.id, p.same) for p in pairs] == [("10-11", True), ("12-13", False)]
    assert pairs[1].first == "The Treasury's bill."
    assert all(p.part in ("fit", "check") for p in pairs)
    assert read_pairs(path)[0].part == pairs[0].part  # fixed by the ids, not by order or chance
    parts = {SentencePair(str(k), True, "a", "b").part for k in range(50)}
    assert parts == {"fit", "check"}


def test_bad_pair_files_raise_eval_error(tmp_path):
    path = tmp_path / "pairs.txt"
    path.write_text(HEADER + "yes\t1\t2\ta\tb\n", encoding="utf-8")
    with pytest.raises(EvalError):
        read_pairs(path)
    with pytest.raises(EvalError):
        read_pairs(tmp_path / "missing.txt")


def test_baseline_similarity_is_the_share_of_shared_words():
    assert word_jaccard("Two people died", "two people were hurt") == pytest.approx(2 / 5)
    assert word_jaccard("", "") == 0.0


def test_thresholds_fit_precision_first_or_for_f1():
    values = [0.9, 0.8, 0.7, 0.6, 0.5, float("-inf")]
    gold = [True, True, False, True, False, True]
    # 0.8 keeps precision 1.0; lower thresholds let the 0.7 false link in (0.6: 3 of 4).
    assert precision_first(values, gold, 0.9) == 0.8
    assert precision_first(values, gold, 0.75) == 0.6
    assert scores_at(values, gold, 0.8).recall == pytest.approx(2 / 4)
    assert scores_at(values, gold, 2.0).precision == 1.0  # nothing linked: nothing asserted
    assert best_f1(values, gold) == 0.6


@needs_data
@pytest.mark.slow
def test_pair_decision_floors_on_the_mrpc_check_part_beside_the_baseline(capsys):
    assert main(["eval", "align", "--json", str(MRPC)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["pairs"]["fit"] + result["pairs"]["check"] == 4076
    ours = result["check"]["ours_precision_first"]
    assert ours["precision"] >= MRPC_CHECK_FLOORS["precision"], ours
    assert ours["recall"] >= MRPC_CHECK_FLOORS["recall"], ours
    linked = result["check"]["ours_current"]
    assert linked["precision"] >= MRPC_CHECK_FLOORS["link_precision"], linked
    assert linked["recall"] >= MRPC_CHECK_FLOORS["link_recall"], linked
    kept = result["kept_apart"]
    assert kept["not_same"] >= MRPC_CHECK_FLOORS["kept_apart_right"] * kept["pairs"], kept
    learnt = result["check"]["ours_model"]
    assert learnt["precision"] >= MRPC_CHECK_FLOORS["model_precision"], learnt
    assert learnt["recall"] >= MRPC_CHECK_FLOORS["model_recall"], learnt
    cited = result["check"]["cite_model"]
    assert cited["precision"] >= MRPC_CHECK_FLOORS["cite_precision"], cited
    assert cited["recall"] >= MRPC_CHECK_FLOORS["cite_recall"], cited
    # The baselines are scored in the same run, on the same parts.
    assert set(result["check"]) == {"ours_precision_first", "ours_current", "baseline_precision_first",
                                    "baseline_best_f1", "ours_model", "cite_model", "cite_rule", "baseline_cite"}
    assert learnt["recall"] > result["check"]["baseline_precision_first"]["recall"]
    assert cited["recall"] > result["check"]["cite_rule"]["recall"]
    assert "word Jaccard" in format_scores(result)
