"""Tests for claim alignment: hand-made statements (no models), annotated fixtures and the seed reports."""

from __future__ import annotations

import dataclasses
import functools
import re

import pytest

from newsfuse.fuse.claims.align import ClaimAligner, _embedding_texts
from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.claims.slots import find_numbers
from newsfuse.model import Article, ArticleAnalysis, Claim, Sentence
from tests.conftest import TEST_DATA, needs_seeds

ALIGN = TEST_DATA / "align"
# Pairwise precision and recall of aligned statements on the annotated fixtures (tests/data/align),
# measured 2026-11 (see docs/quality.md): P 0.92, R 0.77 when pinned; P 0.917, R 0.750 on 2026-11-22
# after other steps changed (bench/bench_align.py fixtures). Floors leave room for model noise.
FIXTURE_FLOORS = {"precision": 0.85, "recall": 0.65}


# --- statements made by hand -------------------------------------------------------------------


def analysed(article: Article, attributions: dict[str, str] | None = None) -> ArticleAnalysis:
    """One claim per line of the article, with its figures, as the per-article step would give."""
    sentences, claims = [], []
    pos = 0
    for k, line in enumerate(article.text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        sentences.append(Sentence(start, end))
        body = line.rstrip(".")
        attribution = None
        for who, marker in (attributions or {}).items():
            if marker in line:
                attribution = who
        claims.append(Claim(
            start, start + len(body), body, sentence=k, attribution=attribution,
            numbers=find_numbers(article.text, start, start + len(body)),
            negated=bool(re.search(r"\b(?:not|no|never)\b", body)), verb="",
        ))
    return ArticleAnalysis(article.id, "", sentences=tuple(sentences), claims=tuple(claims))


def fit(articles: list[Article], events: dict[str, str] | None = None, duplicate_of=None, attributions=None,
        **params) -> ClaimAligner:
    analyses = [analysed(a, attributions) for a in articles]
    events = events if events is not None else {a.id: "event" for a in articles}
    return ClaimAligner(use_embeddings=False, **params).fit(Corpus(articles, analyses, duplicate_of or {}), events)


def group_of(aligner: ClaimAligner, article: str, words: str) -> dict:
    for unit, claim_id in zip(aligner.units_, aligner.group_):
        if unit.article == article and words in unit.text:
            return next(c for c in aligner.claims_ if c.id == claim_id)
    raise AssertionError(f"no statement with {words!r} in {article}")


def test_a_whole_sentence_statement_is_embedded_as_the_summary_words_it():
    # The summary embeds the sentence with its full stop; the same text lets the memo encode it once.
    article = Article("a", "Two workers were killed in the fire.\nThe plant, which opened in 1990, employs 300 people.")
    analysis = analysed(article)
    second = analysis.claims[1]
    part = dataclasses.replace(second, end=second.start + len("The plant"), text="The plant")
    analysis = dataclasses.replace(analysis, claims=(analysis.claims[0], part))
    units = ClaimAligner(use_embeddings=False).fit(Corpus([article], [analysis]), {"a": "event"}).units_
    texts = dict(zip((u.text for u in units), _embedding_texts(units, [article], [analysis])))
    assert texts["Two workers were killed in the fire"] == "Two workers were killed in the fire."
    assert texts["The plant"] == "The plant"


FIRE = "Two workers were killed in the fire at the chemical plant on Tuesday night."


def test_copies_and_one_agency_count_once():
    articles = [
        Article("a", FIRE, outlet="Daily A", agency="Reuters", published="2025-06-11"),
        Article("b", FIRE, outlet="Daily B", agency="Reuters", published="2025-06-11"),
        Article("c", FIRE.rstrip(".") + ", according to Reuters.", outlet="Daily C", published="2025-06-11"),
        Article("d", FIRE.rstrip(".") + ", according to Reuters.", outlet="Daily D", published="2025-06-11"),
        Article("e", FIRE, outlet="Daily E", published="2025-06-11"),
    ]
    aligner = fit(articles, duplicate_of={"d": "c"}, attributions={"Reuters": "according to Reuters"})
    claim = group_of(aligner, "a", "Two workers")
    assert {s.article for s in claim.sources} == {"a", "b", "c", "d", "e"}
    assert claim.support == 2  # Reuters (its copy, a rewrite citing it, a duplicate) and Daily E
    assert claim.status == "corroborated"
    assert all(s.start < s.end and s.text for s in claim.sources)


def test_source_keys():
    corpus = Corpus([Article("x", "t", outlet="The Daily Post"), Article("y", "t", outlet="Other", agency="AFP"),
                     Article("z", "t")])
    assert corpus.source("x") == "outlet:daily post"
    assert corpus.source("y") == "agency:afp"
    assert corpus.source("z") == "article:z"
    assert corpus.with_copies({"z": "x"}).source("z") == "outlet:daily post"


def test_a_different_figure_is_not_agreement():
    articles = [
        Article("a", "About 1,200 workers joined the strike at the port on Tuesday.", outlet="A", published="2025-10-14"),
        Article("b", "About 1,200 workers joined the strike at the port on Tuesday.", outlet="B", published="2025-10-14"),
        Article("c", "About 1,500 workers joined the strike at the port on Tuesday.", outlet="C", published="2025-10-14"),
    ]
    aligner = fit(articles)
    assert group_of(aligner, "a", "1,200") is group_of(aligner, "b", "1,200")
    assert group_of(aligner, "c", "1,500").support == 1
    assert any(p.clash == "number" for p in aligner.pairs_)


def test_different_figures_are_never_one_claim_whatever_they_count():
    # The words around the figures differ ("workers", "people"), so nothing says they count one thing;
    # a claim still never spans two figures that cannot both be true.
    articles = [
        Article("a", "Dock workers at the port went on strike on Tuesday, 1,200 of them.", outlet="A"),
        Article("b", "Dock workers at the port went on strike on Tuesday and 1,500 people joined them.", outlet="B"),
        Article("c", "Dock workers at the port went on strike on Tuesday and 1,200 people joined them.", outlet="C"),
    ]
    aligner = fit(articles, link_score=0.0)
    assert group_of(aligner, "b", "1,500").support == 1
    assert any(p.clash == "number" for p in aligner.pairs_)
    first, second = (next(u for u in aligner.units_ if u.article == x) for x in "ab")
    assert aligner.link(first, second, 0.9)[1] == "number"


def test_a_rounded_figure_or_an_open_bound_can_be_one_claim_with_the_exact_one():
    articles = [
        Article("a", "The group sold its shipping arm for $1.2 billion on Tuesday.", outlet="A"),
        Article("b", "The group sold its shipping arm for $1.24 billion on Tuesday.", outlet="B"),
        Article("c", "The group sold its shipping arm for more than $1.1 billion on Tuesday.", outlet="C"),
    ]
    aligner = fit(articles, link_score=0.0)
    assert group_of(aligner, "a", "shipping") is group_of(aligner, "b", "shipping") is group_of(aligner, "c", "shipping")
    assert group_of(aligner, "a", "shipping").status == "corroborated"


def test_a_denial_or_a_far_date_is_not_agreement():
    articles = [
        Article("a", "The governor will attend the summit in Geneva next week.", outlet="A", published="2025-03-01"),
        Article("b", "The governor will not attend the summit in Geneva next week.", outlet="B", published="2025-03-01"),
        Article("c", "The governor will attend the summit in Geneva next week.", outlet="C", published="2025-07-01"),
    ]
    aligner = fit(articles)
    claims = {group_of(aligner, x, "governor").id for x in "abc"}
    assert len(claims) == 3
    clashes = {p.clash for p in aligner.pairs_}
    assert {"negation", "time"} <= clashes


def test_statements_of_different_events_are_never_compared():
    text = "Police said the suspect fled the scene in a grey car."
    articles = [Article(x, text, outlet=x.upper(), published="2016-05-0" + str(k + 1)) for k, x in enumerate("abcd")]
    aligner = fit(articles, events={"a": "e1", "b": "e1", "c": "e2", "d": "e2"})
    assert {(aligner.units_[p.a].article, aligner.units_[p.b].article) for p in aligner.pairs_} == {("a", "b"), ("c", "d")}
    assert group_of(aligner, "a", "suspect") is not group_of(aligner, "c", "suspect")


@pytest.mark.slow
def test_only_statements_another_article_can_share_are_embedded():
    from newsfuse.nlp import encoder as embed

    text = "Police said the suspect fled the scene in a grey car.\nThe shop owner was taken to hospital."
    alone = "Firefighters put out a blaze at a timber yard in the port.\nThe yard stays closed until Friday."
    articles = [Article("a", text, outlet="A", published="2016-05-01"), Article("b", text, outlet="B", published="2016-05-01"),
                Article("c", alone, outlet="C", published="2016-05-01")]
    embed.clear_memo()
    aligner = ClaimAligner().fit(Corpus(articles, [analysed(a) for a in articles]), {"a": "e1", "b": "e1", "c": "e2"})
    assert aligner.embedding_used_
    assert embed.counts.encoded == 2  # a's and b's two statements, alike; c's statements have no partner
    lonely = [i for i, u in enumerate(aligner.units_) if u.article == "c"]
    assert len(lonely) == 2 and not aligner.vectors_[lonely].any()
    assert all(c.support == 1 for c in aligner.claims_ if c.sources[0].article == "c")
    assert group_of(aligner, "a", "suspect") is group_of(aligner, "b", "suspect")


def test_one_statement_per_article_in_a_claim():
    articles = [
        Article("a", "The bridge was closed on Monday.\nThe bridge was closed on Monday after the storm.", outlet="A"),
        Article("b", "The bridge was closed on Monday.", outlet="B"),
    ]
    aligner = fit(articles)
    for claim in aligner.claims_:
        articles_in = [s.article for s in claim.sources]
        assert len(articles_in) == len(set(articles_in))


# --- annotated fixtures (spaCy and the embedding model) ----------------------------------------


@functools.lru_cache(maxsize=1)
def fitted_fixtures():
    """Each fixture of tests/data/align with its analyses, entities and aligner (made once)."""
    from newsfuse.eval.align import read_fixture
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.nlp.analyze import analyze_articles
    from newsfuse.nlp.models import load_nlp

    nlp = load_nlp()
    out = []
    for path in sorted(ALIGN.glob("*.json")):
        fixture = read_fixture(path)
        analyses = list(analyze_articles(fixture.articles, nlp))
        corpus = Corpus(fixture.articles, analyses)
        canon = EntityCanonicalizer().fit(corpus)
        # Every fixture is one event, as a clustering that lumps reports together would leave it.
        aligner = ClaimAligner().fit(corpus.with_entities(canon.entities_, canon.mention_entity_),
                                     {a.id: "event" for a in fixture.articles})
        out.append((fixture, analyses, canon, aligner))
    return out


@pytest.mark.slow
def test_alignment_floors_on_the_fixtures():
    from newsfuse.eval.align import fixture_labels, pair_scores

    gold, system = {}, {}
    for fixture, _, _, aligner in fitted_fixtures():
        labels = fixture_labels(fixture, aligner.units_, aligner.group_)
        for item, groups in fixture.groups.items():
            key = (item[0], (fixture.name, item))
            gold[key] = {(fixture.name, g) for g in groups}
            system[key] = {(fixture.name, g) for g in labels[item]}
    scores = pair_scores(gold, system)
    assert scores.precision >= FIXTURE_FLOORS["precision"], scores
    assert scores.recall >= FIXTURE_FLOORS["recall"], scores


@pytest.mark.slow
def test_support_on_the_fixtures_counts_independent_sources():
    import json

    from newsfuse.eval.align import fixture_labels

    right, wrong = 0, []
    for fixture, _, _, aligner in fitted_fixtures():
        expected = json.loads((ALIGN / f"{fixture.name}.json").read_text(encoding="utf-8")).get("support", {})
        labels = fixture_labels(fixture, aligner.units_, aligner.group_)
        supports = {c.id: c.support for c in aligner.claims_}
        for group, support in expected.items():
            # The support of the claim holding most of the group's statements.
            found = [supports[c] for item, claims in labels.items() if group in fixture.groups[item] for c in claims]
            best = max(set(found), key=found.count)
            if best == support:
                right += 1
            else:
                wrong.append((fixture.name, group, support, found))
    # 19 annotated supports (agency copies, a rewrite citing the agency); 12 right on 2026-11, the
    # rest lower where a paraphrase was not linked ("The company has confirmed two deaths").
    assert right >= 11, (right, wrong)


# --- the seed reports ---------------------------------------------------------------------------


def seed_claim(data: dict, article_prefix: str, words: str) -> dict:
    for claim in data["claims"]:
        for source in claim["sources"]:
            if source["article"].startswith(article_prefix) and words in source["text"]:
                return claim
    raise AssertionError(f"no claim of {article_prefix} with {words!r}")


def sources(claim: dict) -> set[str]:
    return {s["article"][:3] for s in claim["sources"]}


@needs_seeds
@pytest.mark.slow
def test_seed_claims_carry_their_independent_sources(seeds_report):
    data = seeds_report
    second = seed_claim(data, "002", "second visit to the Kremlin")
    assert {"000", "002", "003"} <= sources(second) and "001" not in sources(second)
    assert second["support"] >= 3 and second["status"] in ("corroborated", "disputed")
    bases = seed_claim(data, "002", "status of Russia’s strategic assets")
    # 001 reports the bases at the October talks, an event the clustering keeps apart since 60ecf5c
    # (its "first official visit"); the January talks' bases claim is 002, 003 and 004's.
    assert {"002", "003", "004"} <= sources(bases) and bases["support"] >= 3
    territory = seed_claim(data, "002", "restoration of Syria’s territorial integrity, including")
    assert {"002", "003"} <= sources(territory) and territory["support"] >= 2
    withdrawal = seed_claim(data, "002", "withdrawal of Russian forces")
    assert {"002", "003"} <= sources(withdrawal)


@needs_seeds
@pytest.mark.slow
def test_seed_details_one_outlet_gives_stay_single_source(seeds_report):
    data = seeds_report
    for prefix, words in (("000", "the talks lasted 2.5 hours"), ("001", "Assad and his family fled to Russia"),
                          ("001", "made his first official visit")):
        claim = seed_claim(data, prefix, words)
        assert claim["support"] == 1 and claim["status"] == "single-source", claim
