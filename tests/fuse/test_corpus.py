"""Tests for the corpus: lookups, copies, and the one definition of an independent source."""

from __future__ import annotations

import dataclasses

import pytest

from newsfuse.fuse.corpus import Corpus
from newsfuse.model import Article, ArticleAnalysis, Entity


def _corpus() -> Corpus:
    return Corpus(
        [
            Article("tass-1", "t", outlet="TASS", agency="TASS"),
            Article("rewrite", "t", outlet="Daily Mirror Online", agency="TASS"),
            Article("post-1", "t", outlet="The Daily Post"),
            Article("post-2", "t", outlet="Daily Post"),
            Article("blog", "t"),
            Article("copy", "t", outlet="Copy Farm"),
        ],
        [ArticleAnalysis("tass-1", "h1"), ArticleAnalysis("blog", "h2")],
    )


def test_an_agency_or_an_outlet_is_one_source_and_an_unknown_outlet_stands_alone():
    corpus = _corpus()
    assert corpus.source("tass-1") == corpus.source("rewrite") == "agency:tass"
    assert corpus.source("post-1") == corpus.source("post-2") == "outlet:daily post"
    assert corpus.source("blog") == "article:blog"
    assert len(corpus.sources(["tass-1", "rewrite", "post-1", "post-2", "blog"])) == 3


def test_a_copy_follows_its_original():
    corpus = _corpus()
    assert corpus.source("copy") == "outlet:copy farm"
    copied = corpus.with_copies({"copy": "blog"})
    assert copied.source("copy") == "article:blog"
    assert copied.original("copy") == "blog" and copied.is_copy("copy") and not copied.is_copy("blog")
    assert copied.sources(["copy", "blog"]) == {"article:blog"}


def test_growing_a_corpus_leaves_the_old_one_as_it_was():
    corpus = _corpus()
    entity = Entity("e1", "Tass", "ORG", ("TASS",), ("tass-1",), 1)
    grown = corpus.with_copies({"copy": "blog"}).with_entities([entity], {("tass-1", 0, 4): "e1"})
    assert corpus.duplicate_of == {} and corpus.entities == () and corpus.mention_entity == {}
    assert grown.entities == (entity,) and grown.mention_entity == {("tass-1", 0, 4): "e1"}
    assert grown.duplicate_of == {"copy": "blog"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        grown.articles = ()  # type: ignore[misc]


def test_lookups_by_id():
    corpus = _corpus()
    assert corpus.article("post-2").outlet == "Daily Post"
    assert corpus.article("nowhere") is None
    assert corpus.analysis("blog").content_hash == "h2" and corpus.analysis("post-1") is None
    assert set(corpus.analysis_by_id) == {"tass-1", "blog"}
    assert Corpus().source("x") == "article:x"


def test_a_copy_of_a_copy_follows_the_chain_and_a_loop_or_a_missing_original_ends_it():
    original = Article(id="o", text="", outlet="Coastline News")
    copy = Article(id="c", text="", outlet="Harbour Freight")
    copy_of_copy = Article(id="cc", text="", outlet="Tagus Times")
    articles = [original, copy, copy_of_copy]
    assert Corpus(articles, duplicate_of={"cc": "c", "c": "o"}).source("cc") == "outlet:coastline news"
    # a copy of an article not in the corpus keeps its own source
    assert Corpus(articles, duplicate_of={"c": "missing"}).source("c") == "outlet:harbour freight"
    assert Corpus(articles, duplicate_of={"c": "o", "o": "c"}).source("c").startswith("outlet:")  # a loop ends


def test_an_agency_own_article_and_its_copy_in_a_paper_are_one_source():
    corpus = Corpus([
        Article("wire", "t", outlet="Associated Press"),
        Article("paper", "t", outlet="Marlow Gazette", agency="Associated Press"),
        Article("other", "t", outlet="Marlow Gazette"),
    ])
    assert corpus.source("wire") == corpus.source("paper") == "agency:associated press"
    assert corpus.source("other") == "outlet:marlow gazette"
    assert len(corpus.sources(["wire", "paper", "other"])) == 2
