"""The analysis cache: a lossless round-trip, keyed by content and date, robust to damage."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import Article, ArticleAnalysis, Mention, Sentence, TimeValue
from newsfuse.run.cache import AnalysisCache

ANALYSIS = ArticleAnalysis(
    article_id="a",
    content_hash="h",
    sentences=(Sentence(0, 10), Sentence(11, 20)),
    mentions=(Mention(0, 5, "Paris", "GPE", 0),),
    times=(TimeValue(11, 18, "in 2024", "DATE", "2024", None, 1),),
    lemmas=("paris", "year"),
)


def test_round_trip_and_key(tmp_path):
    cache = AnalysisCache(tmp_path, "model-1")
    article = Article(id="a", text="Paris text", published="2024-01-02")
    assert cache.get(article) is None
    cache.put(article, ANALYSIS)
    assert cache.get(article) == ANALYSIS
    # Another id, same content: reused under the caller's id.
    renamed = Article(id="b", text="Paris text", published="2024-01-02")
    assert cache.get(renamed).article_id == "b"
    # Another date anchors times differently: not reused.
    assert cache.get(Article(id="a", text="Paris text", published="2024-01-03")) is None
    # Another model: not reused.
    assert AnalysisCache(tmp_path, "model-2").get(article) is None


def test_damaged_entry_is_a_miss(tmp_path):
    cache = AnalysisCache(tmp_path, "m")
    article = Article(id="a", text="x")
    cache.put(article, ANALYSIS)
    path = next(tmp_path.rglob("*.json"))
    path.write_text("{not json", encoding="utf-8")
    assert cache.get(article) is None


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), st.text(max_size=20)), max_size=5),
    st.lists(st.text(max_size=30), max_size=4),
)
def test_round_trip_is_lossless(tmp_path_factory, spans, lemmas):
    cache = AnalysisCache(tmp_path_factory.mktemp("c"), "m")
    analysis = ArticleAnalysis(
        article_id="x",
        content_hash="h",
        mentions=tuple(Mention(s, e, t, "ORG", 0) for s, e, t in spans),
        lemmas=tuple(lemmas),
    )
    article = Article(id="x", text="t")
    cache.put(article, analysis)
    assert cache.get(article) == analysis
