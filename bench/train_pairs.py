"""Train the sentence-pair model (fuse/claims/pairs.py) on the MRPC fit part and write pairs-v1.json.

Reproducible: the fit part is fixed by the pairs' ids (eval.paraphrase.SentencePair.part), the
folds by SEED. The thresholds of the two uses are the lowest probabilities whose precision on
the fit part's out-of-fold predictions reaches ALIGN_PRECISION (a link says "corroborated") and
CITE_PRECISION (a citation says the source states the line); the model is then fit on the
whole fit part and checked once on the held-out fifth, beside word Jaccard fit the same way.
Not a test: it needs ../shared/data/mrpc (and spaCy and the encoder, ~10 min on 2 cores).

    python bench/train_pairs.py [MRPC] [--write] [--cache FILE]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from newsfuse.eval.paraphrase import analyse_pairs, read_pairs, word_jaccard
from newsfuse.fuse.claims.pairs import FEATURES, MODEL_FILE, PairModel, features, figures_differ

SEED = 0
FOLDS = 5
ALIGN_PRECISION = 0.9
CITE_PRECISION = 0.95
# A threshold must keep at least this many fit pairs: a precision over a handful says nothing.
MIN_PREDICTED = 30
# Inverse regularisation strength of the logistic regression (scikit-learn's default).
C = 1.0


def _rows(analysed) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows, and whether a pair's figures differ (never one statement, whatever the model says)."""
    x = np.array([features(p.sides[0], p.sides[1], p.cosine) for p in analysed])
    veto = np.array([figures_differ(p.sides[0].amounts, p.sides[1].amounts) for p in analysed])
    return x, veto


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, LogisticRegression]:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=2000).fit((x - mean) / scale, y)
    return mean, scale, model


def _predict(fitted, x: np.ndarray) -> np.ndarray:
    mean, scale, model = fitted
    return model.predict_proba((x - mean) / scale)[:, 1]


def scores(said: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """Precision, recall and the count of pairs said to be the same."""
    tp = int((said & gold).sum())
    return {"precision": round(tp / max(1, int(said.sum())), 3), "recall": round(tp / max(1, int(gold.sum())), 3),
            "predicted": int(said.sum())}


def lowest(values: np.ndarray, gold: np.ndarray, target: float) -> float:
    """The lowest threshold (3 decimals) whose precision reaches ``target`` with MIN_PREDICTED pairs or more."""
    for t in np.unique(np.round(values, 3)):
        got = scores(values >= t, gold)
        if got["precision"] >= target and got["predicted"] >= MIN_PREDICTED:
            return float(t)
    return 1.0


def main(path: Path, write: bool, cache: Path | None) -> dict:
    pairs = read_pairs(path)
    if cache is not None and cache.exists():
        analysed = pickle.loads(cache.read_bytes())
    else:
        from newsfuse.nlp.models import load_nlp

        analysed = analyse_pairs(pairs, load_nlp())
        if cache is not None:
            cache.write_bytes(pickle.dumps(analysed))
    x, veto = _rows(analysed)
    gold = np.array([p.same for p in pairs])
    fit = np.array([p.part == "fit" for p in pairs])
    held = ~fit
    # out-of-fold probabilities on the fit part, for the thresholds
    rows = np.flatnonzero(fit)
    oof = np.zeros(len(pairs))
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(x[rows], gold[rows]):
        oof[rows[test]] = _predict(_fit(x[rows[train]], gold[rows[train]]), x[rows[test]])
    oof[veto] = 0.0
    align_t = lowest(oof[fit], gold[fit], ALIGN_PRECISION)
    cite_t = lowest(oof[fit], gold[fit], CITE_PRECISION)
    fitted = _fit(x[fit], gold[fit])
    mean, scale, lr = fitted
    model = PairModel(1, tuple(mean.round(6)), tuple(scale.round(6)), tuple(lr.coef_[0].round(6)),
                      round(float(lr.intercept_[0]), 6), align_t, cite_t)
    # the shipped weights, as the package reads them
    prob = np.array([0.0 if v else model.probability_of(r) for r, v in zip(x, veto)])
    jac = np.array([word_jaccard(p.first, p.second) for p in pairs])
    jac_align, jac_cite = lowest(jac[fit], gold[fit], ALIGN_PRECISION), lowest(jac[fit], gold[fit], CITE_PRECISION)
    out = {
        "pairs": {"fit": int(fit.sum()), "held_out": int(held.sum())},
        "thresholds": {"align": align_t, "cite": cite_t, "jaccard_align": jac_align, "jaccard_cite": jac_cite},
        "fit_out_of_fold": {"align": scores(oof[fit] >= align_t, gold[fit]),
                            "cite": scores(oof[fit] >= cite_t, gold[fit])},
        "held_out": {
            "align": scores(prob[held] >= align_t, gold[held]),
            "cite": scores(prob[held] >= cite_t, gold[held]),
            "jaccard_align": scores(jac[held] >= jac_align, gold[held]),
            "jaccard_cite": scores(jac[held] >= jac_cite, gold[held]),
        },
        "weights": dict(zip(FEATURES, model.coef)),
    }
    if write:
        note = ("Logistic regression over standardised features, fit on the MRPC train pairs whose "
                "crc32(ids) % 5 != 0 (bench/train_pairs.py, seed 0); thresholds: the lowest out-of-fold "
                f"probability with precision >= {ALIGN_PRECISION} (align) and >= {CITE_PRECISION} (cite).")
        MODEL_FILE.write_text(model.to_json(trained_on=note, held_out=out["held_out"]), encoding="utf-8")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mrpc", nargs="?", type=Path,
                        default=Path(__file__).resolve().parents[1].parent / "shared" / "data" / "mrpc")
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.name} into the package")
    parser.add_argument("--cache", type=Path, help="keep the analysed pairs in this file (pickle) between runs")
    args = parser.parse_args()
    print(json.dumps(main(args.mrpc, args.write, args.cache), indent=1))
    sys.exit(0)
