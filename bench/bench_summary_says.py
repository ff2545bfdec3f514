"""Check the citation check, "a report's sentence says a summary line": the pair model and the word rule.

The pair model (fuse/claims/pairs.py at its citation threshold, trained by bench/train_pairs.py
on four fifths of MRPC train) is what the summary uses with sentence vectors; the word rule
(support.SAYS_COVERAGE, fit here: the lowest coverage with precision >= TARGET_PRECISION on the
same four fifths) where it has none. Both are checked on the held-out fifth and on FNC-1
headlines, beside a word-overlap baseline (Jaccard of the same content words) fit the same way.
Not a test: it needs ../shared/data, spaCy and the encoder (~5 min on 2 cores).

    python bench/bench_summary_says.py [DATA]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from newsfuse.eval.paraphrase import analyse_pairs, read_pairs
from newsfuse.eval.says import best_sentence_scores, lowest_threshold, precision_recall, read_fnc, read_mrpc
from newsfuse.fuse.claims.pairs import shipped, text_side
from newsfuse.fuse.summary.support import SAYS_COVERAGE, content_words, coverage, says
from newsfuse.nlp.encoder import embed_texts
from newsfuse.nlp.models import load_nlp

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
    model = shipped()
    analysed = analyse_pairs(read_pairs(data / "mrpc"), load_nlp())
    cited = np.array([model.says(p.sides[0], p.sides[1], p.cosine) for p in analysed])
    out["mrpc"].update(model_threshold=model.cite_threshold, model_fit=precision_recall(cited, labels, ~held),
                       model_held_out=precision_recall(cited, labels, held))
    pairs, fnc_labels, half = read_fnc(data / "fnc1")
    said = best_sentence_scores(pairs, lambda h, s: float(says(h, s)))
    fnc_jac = best_sentence_scores(pairs, _jaccard)
    # the model as the summary checks a headline: no analysis of the headline, the sentence read alone too
    sentences = sorted({s for _, body in pairs for s in body})
    vectors = dict(zip(sentences, embed_texts(sentences)))
    titles = sorted({h for h, _ in pairs})
    heads = dict(zip(titles, embed_texts(titles)))
    sides = {s: text_side(s) for s in [*sentences, *heads]}
    probability = best_sentence_scores(
        pairs, lambda h, s: model.probability(sides[h], sides[s], float(heads[h] @ vectors[s])))
    out["fnc1"] = {
        "model_half_a": precision_recall(probability >= model.cite_threshold, fnc_labels, ~half),
        "model_half_b": precision_recall(probability >= model.cite_threshold, fnc_labels, half),
        "says_half_a": precision_recall(said >= 1.0, fnc_labels, ~half),
        "says_half_b": precision_recall(said >= 1.0, fnc_labels, half),
        "jaccard_half_b": precision_recall(fnc_jac >= (baseline or 1.0), fnc_labels, half),
    }
    return out


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    print(json.dumps(main(root), indent=1))
