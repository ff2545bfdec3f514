"""Tests for scoring claim alignment: pair counting, fixture reading, and the ECB+ dev floor."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsfuse.errors import EvalError
from newsfuse.eval.align import fixture_labels, pair_scores, read_fixture, system_labels
from tests.conftest import SHARED_DATA, needs_data

ECB = SHARED_DATA / "ecbplus"
# Pairwise precision and recall of aligned sentences on ECB+ dev (topics 2 5 12 18 21 23 34 35,
# blocks = gold events), measured 2026-11 (docs/quality.md): P 0.94, R 0.15. Recall is low by
# construction: a sentence pair sharing any event chain is gold, while a claim holds one
# statement per article. The floors guard against regressions, not the ceiling.
ECB_DEV_FLOORS = {"precision": 0.88, "recall": 0.11}


def test_pairs_of_items_sharing_a_label_in_different_articles():
    gold = {("a", 1): {"x"}, ("b", 1): {"x", "y"}, ("c", 1): {"y"}, ("a", 2): {"x"}}
    system = {("a", 1): {"g1"}, ("b", 1): {"g1"}, ("c", 1): {"g2"}, ("a", 2): {"g2"}}
    scores = pair_scores(gold, system)
    # gold pairs: a1-b1, b1-c1, a2-b1 (a1-a2 share an article); system: a1-b1, a2-c1
    assert scores.precision == pytest.approx(1 / 2) and scores.recall == pytest.approx(1 / 3)
    assert pair_scores(gold, {}).recall == 0.0
    assert pair_scores({("a", 1): set()}, {}).precision == 1.0


def test_read_fixture(tmp_path):
    path = tmp_path / "f.json"
    path.write_text(json.dumps({
        "articles": [{"id": "a", "text": "Two died. Three were hurt."}, {"id": "b", "text": "Two people died."}],
        "groups": {"died": [["a", "Two died"], ["b", "Two people died"]], "hurt": [["a", "Three were hurt"]]},
        "contradictions": [["died", "hurt", "number"]],
    }), encoding="utf-8")
    fixture = read_fixture(path)
    assert fixture.name == "f" and [a.id for a in fixture.articles] == ["a", "b"]
    assert fixture.snippets[("a", "Three were hurt")] == (10, 25)
    assert fixture.contradictions == (("died", "hurt", "number"),)
    units = [SimpleNamespace(article="a", start=0, end=9), SimpleNamespace(article="a", start=10, end=26),
             SimpleNamespace(article="b", start=0, end=16)]
    labels = fixture_labels(fixture, units, ["c1", "c2", "c1"])
    assert labels == {("a", "Two died"): {"c1"}, ("a", "Three were hurt"): {"c2"}, ("b", "Two people died"): {"c1"}}


def test_bad_fixtures_raise_eval_error(tmp_path):
    path = tmp_path / "f.json"
    path.write_text(json.dumps({"articles": [{"id": "a", "text": "x"}], "groups": {"g": [["a", "missing"]]}}),
                    encoding="utf-8")
    with pytest.raises(EvalError):
        read_fixture(path)
    with pytest.raises(EvalError):
        read_fixture(tmp_path / "nowhere.json")


def test_system_labels_by_sentence_span():
    units = [SimpleNamespace(article="d", start=3), SimpleNamespace(article="d", start=30)]
    labels = system_labels(units, ["c1", "c2"], {"d": ((1, 0, 20), (2, 21, 40))})
    assert labels == {("d", 1): {"c1"}, ("d", 2): {"c2"}}


@functools.lru_cache(maxsize=1)
def ecb_dev():
    """ECB+ dev with its analyses (made once per test session)."""
    from newsfuse.eval.align import read_ecb
    from newsfuse.eval.clusters import ECB_DEV_TOPICS
    from newsfuse.nlp.analyze import analyze_articles
    from newsfuse.nlp.models import load_nlp

    corpus = read_ecb(ECB, ECB_DEV_TOPICS)
    return corpus, list(analyze_articles(corpus.articles, load_nlp()))


@needs_data
@pytest.mark.slow
def test_alignment_floor_on_ecb_dev():
    from newsfuse.eval.align import score_ecb

    corpus, analyses = ecb_dev()
    assert len(corpus.articles) > 150 and len(corpus.chains) > 300
    result = score_ecb(corpus, analyses)
    scores = result["pairwise"]
    assert scores["precision"] >= ECB_DEV_FLOORS["precision"], scores
    assert scores["recall"] >= ECB_DEV_FLOORS["recall"], scores
    aligner = result["aligner"]
    # Blocked: the pairs compared are a small share of all pairs of statements.
    n = len(aligner.units_)
    assert len(aligner.pairs_) < 0.1 * n * (n - 1) / 2


# --- the blind set (tests/data/blind): written before the system was run on it -----------------

BLIND = Path(__file__).resolve().parents[1] / "data" / "blind"
# First blind run (2026-11, docs/quality.md): alignment P 0.714 R 0.405, quotes found P/R 0.967,
# speakers P/R 0.833, contradictions 1 of 3 with 8 wrong pairs. After the fixes (datelines out of
# claims, names the tagger calls ORG after a role, partial quotes inside reported speech, "…,
# citing X" out of the reported clause): alignment P 0.708 R 0.459, quotes 0.983, speakers 0.917,
# contradictions unchanged. Floors sit a little below. Contradictions 3 → 2 of 3 (2026-12-07, fourth
# session): two different verbs of a count no longer compare unless close or told in strongly alike
# words, which on real shooting news (GVA train check parts) told two deeds every time; "rejected
# about 4,300 mail ballots" / "9,000 mail ballots were thrown out" is lost with them.
BLIND_FLOORS = {"align_p": 0.65, "align_r": 0.42, "quote": 0.95, "speaker": 0.88, "contradictions_right": 2,
                "contradictions_wrong_max": 1, "traps_max": 0}


def test_extras_and_speaker_matching(tmp_path):
    from newsfuse.eval.align import quote_matches, read_fixture_extras, same_speaker

    path = tmp_path / "f.json"
    path.write_text(json.dumps({
        "articles": [{"id": "a", "text": "“We won,” Ana Ruiz said.", "quotes": [{"text": "We won", "speaker": "Ruiz"}]}],
        "groups": {}, "support": {"g": 2}, "not_contradictions": [["g", "h"]],
    }), encoding="utf-8")
    extras = read_fixture_extras(path)
    assert extras["support"] == {"g": 2} and extras["not_contradictions"] == [frozenset({"g", "h"})]
    gold = extras["quotes"]["a"]
    assert quote_matches("“We won,” Ana Ruiz said.", gold, [SimpleNamespace(start=1, end=7)]) == {0: 0}
    assert quote_matches("“We won,” Ana Ruiz said.", gold, [SimpleNamespace(start=10, end=24)]) == {}
    # A quotation interrupted by its cue is one annotated quote: its text lists the parts.
    split = [{"text": ["We won", "Now we rest."], "speaker": "Ruiz"}]
    text = "“We won,” Ana Ruiz said. “Now we rest.”"
    assert quote_matches(text, split, [SimpleNamespace(start=1, end=38)]) == {0: 0}
    assert quote_matches(text, split, [SimpleNamespace(start=26, end=38)]) == {}
    assert same_speaker("Ruiz", "Ana Ruiz") and same_speaker("the carmaker", "carmaker")
    assert same_speaker("Whitfield's office", "Whitfield’s office") and not same_speaker("Ruiz", "Ana")
    with pytest.raises(EvalError):
        read_fixture_extras(tmp_path / "missing.json")


@pytest.mark.slow
def test_floors_on_the_blind_set():
    from newsfuse.eval.align import fit_fixture, read_fixture_extras, score_fitted, score_quotes
    from newsfuse.nlp.models import load_nlp

    paths = sorted(BLIND.glob("*.json"))
    assert len(paths) == 3
    nlp = load_nlp()
    fitted = [fit_fixture(p, nlp) for p in paths]
    extras = [read_fixture_extras(p) for p in paths]
    result = score_fitted(fitted, extras)
    assert result["pairwise"]["precision"] >= BLIND_FLOORS["align_p"], result["pairwise"]
    assert result["pairwise"]["recall"] >= BLIND_FLOORS["align_r"], result["pairwise"]
    assert result["contradictions"]["right"] >= BLIND_FLOORS["contradictions_right"], result["contradictions"]
    # A false contradiction costs a fact-checker more than a missed one: wrong pairs have a ceiling.
    assert len(result["contradictions"]["wrong"]) <= BLIND_FLOORS["contradictions_wrong_max"], result["contradictions"]
    assert len(result["contradictions"]["traps_reported"]) <= BLIND_FLOORS["traps_max"], result["contradictions"]
    gold = {a: qs for e in extras for a, qs in e["quotes"].items()}
    quotes = score_quotes([a for f in fitted for a in f.fixture.articles], [x for f in fitted for x in f.analyses], gold)
    # 60 before a quotation interrupted by its cue counted as one and noun-phrase contents counted, 62 before
    # a naming holding a quotation counted as reported speech too (2026-12-07)
    assert quotes["gold"] == 63
    assert min(quotes["quote"]["precision"], quotes["quote"]["recall"]) >= BLIND_FLOORS["quote"], quotes["misses"]
    assert min(quotes["speaker"]["precision"], quotes["speaker"]["recall"]) >= BLIND_FLOORS["speaker"], quotes["misses"]
