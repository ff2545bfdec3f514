"""Fit and check the coverage above which a report's sentence "says" a summary line (support.SAYS_COVERAGE).

Fit on four fifths of MRPC train (the lowest coverage with precision >= TARGET_PRECISION),
check on the held-out fifth and on FNC-1 headlines; a word-overlap baseline (Jaccard of the
same content words) fit and checked the same way. Not a test: it needs ../shared/data.

    python bench/bench_summary_says.py [DATA]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from newsfuse.eval.says import best_sentence_scores, lowest_threshold, precision_recall, read_fnc, read_mrpc
from newsfuse.fuse.summary.support import SAYS_COVERAGE, content_words, coverage, says

TARGET_PRECISION = 0.95


def _jaccard(a: str, b: str) -> float:
    x, y = content_words(a), content_words(b)
    return len(x & y) / max(1, len(x | y))


def main(data: Path) -> dict:
    texts, labels, held = read_mrpc(data / "mrpc" / "msr_paraphrase_train.txt")
    cov = np.array([coverage(a, b) for a, b in texts])
    # the figure and denial conditions of says() hold or not whatever the threshold
    gate = np.array([says(a, b, threshold=0.0) for a, b in texts])
    jac = np.array([_jaccard(a, b) for a, b in texts])
    fitted = lowest_threshold(np.where(gate, cov, 0.0), labels, ~held, TARGET_PRECISION)
    baseline = lowest_threshold(jac, labels, ~held, TARGET_PRECISION)
    out = {
        "mrpc": {
            "fitted_coverage": fitted, "in_use": SAYS_COVERAGE, "jaccard_baseline": baseline,
            "says_fit": precision_recall(gate & (cov >= SAYS_COVERAGE), labels, ~held),
            "says_held_out": precision_recall(gate & (cov >= SAYS_COVERAGE), labels, held),
            "jaccard_held_out": precision_recall(jac >= (baseline or 1.0), labels, held),
        }
    }
    pairs, fnc_labels, half = read_fnc(data / "fnc1")
    said = best_sentence_scores(pairs, lambda h, s: float(says(h, s)))
    fnc_jac = best_sentence_scores(pairs, _jaccard)
    out["fnc1"] = {
        "says_half_a": precision_recall(said >= 1.0, fnc_labels, ~half),
        "says_half_b": precision_recall(said >= 1.0, fnc_labels, half),
        "jaccard_half_b": precision_recall(fnc_jac >= (baseline or 1.0), fnc_labels, half),
    }
    return out


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    print(json.dumps(main(root), indent=1))
