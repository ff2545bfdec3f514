"""Tests for quotes in the report: speakers as canonical entities, on hand-made analyses and on the seeds."""

from __future__ import annotations

import pytest

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.quotes import QuoteAttributor
from newsfuse.model import Article, ArticleAnalysis, Entity, Mention, Quote, QuoteSpan
from tests.conftest import needs_seeds

TEXT = 'Union leader Ana Figueiredo said: "We will stay out." Pro-government Syrian media said talks were set.'


def analysis(quotes: tuple[QuoteSpan, ...]) -> ArticleAnalysis:
    mentions = (
        Mention(13, 27, "Ana Figueiredo", "PERSON", 0),
        Mention(69, 75, "Syrian", "NORP", 1),
    )
    return ArticleAnalysis("a", "", mentions=mentions, quotes=quotes)


ENTITIES = [Entity("ana-figueiredo", "Ana Rita Figueiredo", "PERSON", ("Ana Figueiredo",), ("a",), 1),
            Entity("syrian", "Syrian", "NORP", ("Syrian",), ("a",), 1)]
MENTION_ENTITY = {("a", 13, 27): "ana-figueiredo", ("a", 69, 75): "syrian"}


def test_speaker_span_meets_the_canonical_entity():
    quote = QuoteSpan(35, 51, "We will stay out", "Union leader Ana Figueiredo", 0, 27, "direct", "say", 0)
    got = QuoteAttributor().fit(Corpus([Article("a", TEXT, outlet="Wire")], [analysis((quote,))],
                                        entities=ENTITIES, mention_entity=MENTION_ENTITY)).quotes_
    assert got == [Quote(
        speaker="ana-figueiredo", speaker_name="Ana Rita Figueiredo", speaker_ref=None,
        text="We will stay out", article="a", outlet="Wire", sentence=0, start=35, end=51,
        kind="direct", cue="say",
    )]


def test_a_pronoun_speaker_keeps_its_words_and_gets_the_antecedent():
    quote = QuoteSpan(35, 51, "We will stay out", "Ana Figueiredo", 13, 27, "direct", "say", 0, speaker_ref="she")
    [got] = QuoteAttributor().fit(
        Corpus([Article("a", TEXT)], [analysis((quote,))], entities=ENTITIES, mention_entity=MENTION_ENTITY)).quotes_
    assert got.speaker == "ana-figueiredo" and got.speaker_ref == "she"
    assert got.outlet == "a"  # no outlet known: the article stands for it


def test_a_nationality_describing_the_speaker_is_not_the_speaker():
    quote = QuoteSpan(87, 101, "talks were set", "Pro-government Syrian media", 54, 81, "indirect", "say", 1)
    [got] = QuoteAttributor().fit(
        Corpus([Article("a", TEXT)], [analysis((quote,))], entities=ENTITIES, mention_entity=MENTION_ENTITY)).quotes_
    assert got.speaker is None and got.speaker_name == "Pro-government Syrian media"


def test_a_quote_without_speaker_span():
    quote = QuoteSpan(35, 51, "We will stay out", None, None, None, "direct", "", 0)
    [got] = QuoteAttributor().fit(
        Corpus([Article("a", TEXT)], [analysis((quote,))], entities=ENTITIES, mention_entity=MENTION_ENTITY)).quotes_
    assert got.speaker is None and got.speaker_name is None


# The seed quotations and who said them (tests may name the seeds' people).
SEED_SPEAKERS = {
    ("001", "Special, friendly relations have developed"): "Vladimir Putin",
    ("001", "Hundreds, perhaps thousands of people"): "Vladimir Putin",  # "he noted"
    ("001", "The election results are an important step"): "Vladimir Putin",  # "said the Russian leader"
    ("001", "a key partner in rebuilding the new Syria"): "Ahmed al-Sharaa",
    ("002", "You know that we always stood for the restoration"): "Vladimir Putin",
    ("000", "to restart the entire complex of relations"): "Ahmed al-Sharaa",  # "the Syrian leader said"
    ("004", "sovereignty, territorial integrity, and security stability"): "Ahmed al-Sharaa",
    ("000", "the future of the military bases was among the issues"): "Dmitry Peskov",
}


@needs_seeds
@pytest.mark.slow
def test_every_seed_quotation_has_its_speaker(seeds_report):
    data = seeds_report
    names = {e["id"]: e["name"] for e in data["entities"]}
    for (prefix, words), speaker in SEED_SPEAKERS.items():
        matches = [q for q in data["quotes"] if q["article"].startswith(prefix) and words in q["text"]]
        assert matches, (prefix, words)
        for q in matches:
            assert names.get(q["speaker"]) == speaker, (words, q["speaker"], q["speaker_name"])
    direct = [q for q in data["quotes"] if q["kind"] == "direct"]
    assert sum(q["speaker"] is not None for q in direct) >= len(direct) - 1
