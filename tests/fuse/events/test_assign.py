"""Incremental event assignment: new articles join linked stored events, merges are noted, far events stay as they were."""

from __future__ import annotations

import dataclasses
import logging

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.events.assign import EventAssigner, keep_event_ids, near_new
from newsfuse.fuse.events.cluster import EventClusterer
from newsfuse.model import Article, ArticleAnalysis, Event, TimeValue
from tests.fuse.events.builders import visit


def _assigner() -> EventAssigner:
    return EventAssigner(clusterer=lambda: EventClusterer(use_embeddings=False))


def _stored():
    """Two stored events that are one visit (a late report shows it), and an older visit of 2020."""
    pairs = [visit("a1", "first", "2025-03-01"), visit("b1", "first", "2025-03-02"), visit("old", "third", "2020-06-01")]
    previous = {"a1": "A", "b1": "B", "old": "C"}
    events = [Event(id="C", title="third visit", date="2020-06-01", articles=("old",)),
              Event(id="A", title="first visit", date="2025-03-01", articles=("a1",)),
              Event(id="B", title="first visit", date="2025-03-02", articles=("b1",))]
    return pairs, previous, events


def test_a_late_report_linking_two_stored_events_merges_them_under_one_id_and_says_so(caplog):
    pairs, previous, events = _stored()
    pairs.append(visit("late", "first", "2025-03-02"))
    corpus = Corpus([a for a, _ in pairs], [x for _, x in pairs])
    with caplog.at_level(logging.WARNING):
        found = _assigner().fit(corpus, {"late"}, previous, events)
    merged = found.article_event_["a1"]
    assert merged in {"A", "B"}
    assert found.article_event_["b1"] == found.article_event_["late"] == merged
    assert len(found.notes_) == 1 and "merged into " + merged in found.notes_[0]
    assert found.notes_[0] in caplog.text
    assert {e.id for e in found.events_} == {merged, "C"}
    # The 2020 visit is outside the window: carried over as it was, not clustered again.
    assert found.article_event_["old"] == "C" and "C" not in found.touched_
    assert next(e for e in found.events_ if e.id == "C") is events[0]


def test_a_report_linking_no_stored_event_opens_its_own_and_leaves_the_others_alone():
    pairs, previous, events = _stored()
    previous = {**previous, "b1": "A"}
    events = [events[0], Event(id="A", title="first visit", date="2025-03-01", articles=("a1", "b1"))]
    pairs.append(visit("new", "fifth", "2025-09-20"))
    corpus = Corpus([a for a, _ in pairs], [x for _, x in pairs])
    found = _assigner().fit(corpus, {"new"}, previous, events)
    opened = found.article_event_["new"]
    assert opened not in {"A", "C"} and found.touched_ == {opened}
    assert {a: found.article_event_[a] for a in previous} == previous
    assert not found.notes_


def test_a_split_keeps_the_id_on_the_larger_part():
    events = [Event(id="x"), Event(id="y")]
    renamed, article_event = keep_event_ids(events, {"1": "x", "2": "x", "3": "y"}, {"1": "E", "2": "E", "3": "E"})
    assert article_event == {"1": "E", "2": "E", "3": "y"} and [e.id for e in renamed] == ["E", "y"]


def test_near_new_holds_the_new_articles_and_the_stored_ones_dated_near_them_or_undated():
    articles = [
        Article(id="new", text="x", published="2025-03-01"),
        Article(id="near", text="x", published="2025-05-30"),
        Article(id="far", text="x", published="2025-06-05"),
        Article(id="undated", text="x"),
        Article(id="new-undated", text="x"),
    ]
    corpus = Corpus(articles, [ArticleAnalysis(a.id, a.content_hash) for a in articles])
    assert near_new(corpus, {"new", "new-undated"}, window_days=90) == {"new", "near", "undated", "new-undated"}
    assert near_new(corpus, set()) == {"undated", "new-undated"}  # nothing new: only what no window can place


def test_near_new_also_holds_the_stored_articles_near_a_date_a_new_text_gives():
    pairs, _, _ = _stored()  # visits of 2025-03-01, 2025-03-02 and 2020-06-01
    late, analysis = visit("late", "first", "2025-11-20")
    recalled = dataclasses.replace(analysis, times=(TimeValue(0, 13, "March 1, 2025", "DATE", "2025-03-01"),))
    articles = [a for a, _ in pairs] + [late]
    analyses = [x for _, x in pairs] + [recalled]
    assert near_new(Corpus(articles, analyses), {"late"}) == {"late", "a1", "b1"}
