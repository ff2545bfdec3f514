"""Tests for framing: titles by outlet, event wordings, the coverage matrix; hand-made and on the seeds."""

from __future__ import annotations

import pytest

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.framing import FramingAnalyzer
from newsfuse.model import (
    Article, ClaimGroup, ClaimSource, Contradiction, Coverage, DatedSentence, Entity, Event, FramedActor,
    FramedHappening, Framing, TimelineEntry,
)
from tests.conftest import needs_seeds
from tests.fuse.entities.test_titles import article_with


def test_an_empty_corpus_has_every_view():
    framing = FramingAnalyzer().fit(Corpus()).framing_
    assert framing == Framing(entities=(), events=(), coverage=Coverage(outlets=(), rows=()))


def test_actors_by_outlet():
    a1, n1, m1 = article_with("a1", "Syrian interim leader Ahmed al-Sharaa arrived.", {"Syrian": "NORP", "Ahmed al-Sharaa": "PERSON"}, "TASS")
    a2, n2, m2 = article_with("a2", "The acting president, Ahmad al-Sharaa, arrived.", {"Ahmad al-Sharaa": "PERSON"}, "Zamin")
    entities = [Entity("sharaa", "Ahmed al-Sharaa", "PERSON", ("Ahmed al-Sharaa", "Ahmad al-Sharaa"), ("a1", "a2"), 2)]
    framing = FramingAnalyzer().fit(Corpus([a1, a2], [n1, n2], entities=entities, mention_entity={**m1, **m2})).framing_
    assert framing.entities == (FramedActor(entity="sharaa", name="Ahmed al-Sharaa", sources=2,
                                            by_outlet={"TASS": ("interim leader",), "Zamin": ("acting president",)}),)


def test_coverage_cells():
    articles = [Article(x, "text", outlet=o) for x, o in (("a", "A"), ("b", "B"), ("c", "C"))]
    def source(article, sentence):  # the outlet is left to the article's
        return ClaimSource(article, sentence, 0, 0, "", "")

    claims = [
        ClaimGroup("claim-1", "1,200 joined", (source("a", 0), source("b", 0)), support=2, event="e"),
        ClaimGroup("claim-2", "1,500 joined", (source("c", 0),), support=1, event="e"),
        ClaimGroup("claim-3", "a detail", (source("c", 1),), support=1, event="e"),
    ]
    contradictions = [Contradiction("", ("claim-1", "claim-2"), "number", "")]
    coverage = FramingAnalyzer().fit(Corpus(articles), claims=claims, contradictions=contradictions).framing_.coverage
    assert coverage.outlets == ("A", "B", "C")
    rows = {r.claim: r.cells for r in coverage.rows}
    assert rows == {
        "claim-1": {"A": "carried", "B": "carried", "C": "contradicted"},
        "claim-2": {"A": "contradicted", "B": "contradicted", "C": "carried"},
    }  # a detail one outlet gives, undisputed, says nothing of the others' blind spots


def test_event_wordings_by_outlet():
    articles = [Article("a", "t", title="Regime falls", outlet="A"), Article("b", "t", title="Rebels take capital", outlet="B")]
    events = [Event(id="e", title="Regime falls", articles=("a", "b"))]
    timeline = [TimelineEntry(date="2024-12-08", text="the regime collapsed", sources=("a", "b"), sentences=(
        DatedSentence(article="a", sentence=0, text="the regime collapsed", value="2024-12-08"),
        DatedSentence(article="b", sentence=2, text="a rapid rebel offensive resulted in the ousting", value="2024-12-08"),
    ))]
    [event] = FramingAnalyzer().fit(Corpus(articles), events=events, timeline=timeline).framing_.events
    assert event.headlines == {"A": ("Regime falls",), "B": ("Rebels take capital",)}
    assert event.happenings == (FramedHappening(date="2024-12-08", text="the regime collapsed", by_outlet={
        "A": ("the regime collapsed",), "B": ("a rapid rebel offensive resulted in the ousting",)}),)


@needs_seeds
@pytest.mark.slow
def test_seed_framing_shows_the_titles_outlets_give_the_syrian_leader(seeds_report):
    data = seeds_report
    [leader] = [a for a in data["framing"]["entities"] if a["name"].endswith("al-Sharaa")]
    terms = {t.lower() for ts in leader["by_outlet"].values() for t in ts}
    assert {"interim leader", "acting president", "interim president", "president"} <= terms
    assert len(leader["by_outlet"]) >= 4  # one column per outlet that titles him
    coverage = data["framing"]["coverage"]
    assert len(coverage["outlets"]) == 5 and coverage["rows"]
    assert all(set(r["cells"].values()) <= {"carried", "omitted", "contradicted"} for r in coverage["rows"])


@needs_seeds
@pytest.mark.slow
def test_seed_report_markdown_sections(seeds_report):
    from newsfuse.render.markdown import render_markdown

    text = render_markdown(seeds_report)
    for heading in ("## Claims", "## Contradictions", "## Quotes", "## Framing"):
        assert heading in text
    framing = text[text.index("## Framing") :]
    assert "acting president" in framing and "| claim |" in framing  # titles and the coverage matrix


def test_an_actor_s_known_titles_are_read_again_only_in_the_fresh_articles():
    a1, n1, m1 = article_with("a1", "Syrian interim leader Ahmed al-Sharaa arrived.", {"Syrian": "NORP", "Ahmed al-Sharaa": "PERSON"}, "TASS")
    a2, n2, m2 = article_with("a2", "The acting president, Ahmad al-Sharaa, arrived.", {"Ahmad al-Sharaa": "PERSON"}, "Zamin")
    a3, n3, m3 = article_with("a3", "Transitional president Ahmed al-Sharaa left.", {"Ahmed al-Sharaa": "PERSON"}, "TASS")
    entities = [Entity("sharaa", "Ahmed al-Sharaa", "PERSON", ("Ahmed al-Sharaa", "Ahmad al-Sharaa"), ("a1", "a2", "a3"), 3)]
    corpus = Corpus([a1, a2, a3], [n1, n2, n3], entities=entities, mention_entity={**m1, **m2, **m3})
    stored = FramingAnalyzer().fit(corpus.part(["a1", "a2"])).framing_.entities[0].by_outlet
    full = FramingAnalyzer().fit(corpus).framing_
    assert FramingAnalyzer().fit(corpus, known={"sharaa": stored}, fresh={"a3"}).framing_ == full
    assert full.entities[0].by_outlet["TASS"] == ("interim leader", "Transitional president")
    # What is known is not read again: only a3's titles are added to it.
    [actor] = FramingAnalyzer().fit(corpus, known={"sharaa": {"TASS": ("leader",)}}, fresh={"a3"}).framing_.entities
    assert actor.by_outlet == {"TASS": ("leader", "Transitional president")}
