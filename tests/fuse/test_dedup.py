"""Tests for near-duplicate detection: hand-made copies and rewrites, and invariants under Hypothesis."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.dedup import Deduplicator, shingles
from newsfuse.model import Article
from tests.conftest import TEST_DATA

EVENTS = TEST_DATA / "events" / "articles.jsonl"


def _fixture_articles() -> list[Article]:
    rows = [json.loads(line) for line in EVENTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        Article(id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"], published=r["published"])
        for r in rows
    ]


def test_syndicated_copy_with_new_headline_dateline_and_cut_paragraph_is_a_duplicate():
    dedup = Deduplicator().fit(Corpus(_fixture_articles()))
    assert dedup.duplicate_of_ == {"herald-2023-fire-copy": "valley-2023-fire"}
    assert 0.5 < dedup.similarity_["herald-2023-fire-copy"] <= 1.0


def test_two_reports_of_one_event_are_not_duplicates():
    articles = [a for a in _fixture_articles() if a.id in {"valley-2023-fire", "post-2023-fire"}]
    assert Deduplicator().fit(Corpus(articles)).duplicate_of_ == {}


def test_original_is_the_earliest_published_even_when_seen_later():
    base = _fixture_articles()[0]
    later = Article(id="late", text=base.text, published="2023-03-20")
    earlier = Article(id="early", text=base.text + " Updated.", published="2023-03-14")
    undated = Article(id="undated", text=base.text)
    dedup = Deduplicator().fit(Corpus([later, undated, earlier]))
    assert dedup.duplicate_of_ == {"late": "early", "undated": "early"}


def test_first_seen_wins_without_dates():
    base = _fixture_articles()[0]
    a, b = Article(id="a", text=base.text), Article(id="b", text=base.text)
    assert Deduplicator().fit(Corpus([b, a])).duplicate_of_ == {"a": "b"}


def test_empty_and_tiny_texts_are_handled():
    articles = [Article(id="empty", text=""), Article(id="one", text="Breaking"), Article(id="two", text="Breaking")]
    assert Deduplicator().fit(Corpus(articles)).duplicate_of_ == {"two": "one"}
    assert shingles("") == set()


def test_added_to_a_store_a_late_earlier_report_becomes_the_original_and_takes_the_copies_along():
    base = _fixture_articles()[0]
    stored = Article(id="stored", text=base.text, published="2023-03-20")
    stored_copy = Article(id="stored-copy", text=base.text + " More.", published="2023-03-21")
    late = Article(id="late", text=base.text + " Updated.", published="2023-03-14")
    known = {"stored-copy": "stored", "far-copy": "far-original"}  # far-*: outside the window given
    dedup = Deduplicator().fit(Corpus([stored, stored_copy, late]), new={"late"}, known=known)
    assert dedup.duplicate_of_ == {"stored": "late", "stored-copy": "late", "far-copy": "far-original"}
    # A batch run on the same articles agrees.
    assert Deduplicator().fit(Corpus([stored, stored_copy, late])).duplicate_of_ == {"stored": "late", "stored-copy": "late"}


def test_added_to_a_store_a_stored_mark_stands_when_its_original_is_outside_the_window():
    base = _fixture_articles()[0]
    stored_copy = Article(id="stored-copy", text=base.text, published="2023-03-20")
    other = Article(id="new", text=_fixture_articles()[2].text, published="2023-03-21")
    dedup = Deduplicator().fit(Corpus([stored_copy, other]), new={"new"}, known={"stored-copy": "old"})
    assert dedup.duplicate_of_ == {"stored-copy": "old"}
    newer = Article(id="new-copy", text=base.text + " Again.", published="2023-03-22")
    dedup = Deduplicator().fit(Corpus([stored_copy, newer]), new={"new-copy"}, known={"stored-copy": "old"})
    assert dedup.duplicate_of_ == {"stored-copy": "old", "new-copy": "old"}


# Hypothesis: corpora made of a few base texts, each copied with random edits.
_WORDS = st.sampled_from(
    "the council fire police river mayor said on Tuesday workers plant town road water union strike "
    "minister talks deal port ship storm flood court judge trial vote budget school hospital".split()
)
_BASES = st.lists(st.lists(_WORDS, min_size=5, max_size=60), min_size=1, max_size=4)


@st.composite
def corpora(draw):
    bases = draw(_BASES)
    articles = []
    for n in range(draw(st.integers(1, 10))):
        words = list(draw(st.sampled_from(bases)))
        for _ in range(draw(st.integers(0, 3))):  # small edits: drop, replace or insert a word
            if not words:
                break
            i = draw(st.integers(0, len(words) - 1))
            op = draw(st.sampled_from(["drop", "replace", "insert"]))
            if op == "drop":
                del words[i]
            elif op == "replace":
                words[i] = draw(_WORDS)
            else:
                words.insert(i, draw(_WORDS))
        day = draw(st.one_of(st.none(), st.integers(1, 28)))
        published = f"2025-05-{day:02d}" if day else None
        articles.append(Article(id=f"a{n}", text=" ".join(words), published=published))
    return articles


@settings(max_examples=150, deadline=None)
@given(corpora())
def test_invariants(articles):
    dedup = Deduplicator().fit(Corpus(articles))
    dup = dedup.duplicate_of_
    ids = {a.id for a in articles}
    # no article is a duplicate of itself or of a duplicate, and every id is known
    assert all(k != v for k, v in dup.items())
    assert not set(dup.values()) & set(dup)
    assert set(dup) <= ids and set(dup.values()) <= ids
    # an original is never published after its copy
    published = {a.id: a.published for a in articles}
    for copy, original in dup.items():
        if published[copy] and published[original]:
            assert published[original] <= published[copy]
    # deterministic, and idempotent: the originals alone hold no further duplicates
    assert Deduplicator().fit(Corpus(articles)).duplicate_of_ == dup
    survivors = [a for a in articles if a.id not in dup]
    assert Deduplicator().fit(Corpus(survivors)).duplicate_of_ == {}
