"""Describing clustered events: date at its precision, title and id, place, participants, roles, background mentions."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from newsfuse.fuse.events.describe import (
    counts_an_earlier_one,
    describe_events,
    event_date,
    event_date_values,
    period_start,
    slug_words,
)
from newsfuse.fuse.events.features import vectorize
from newsfuse.fuse.events.profile import build_profiles
from newsfuse.model import Article, ArticleAnalysis, Entity, Mention, Sentence


def describe(articles, analyses, labels, **kwargs):
    """(article → event, events, article → role) for articles grouped by ``labels``, without embeddings."""
    profiles = build_profiles(articles, analyses, kwargs.get("mention_entity"))
    return describe_events(articles, analyses, profiles, vectorize(profiles, None), np.array(labels), **kwargs)


def _analysis(article: Article, mentions=()) -> ArticleAnalysis:
    """The text as sentences split at full stops, with the given mentions (no parse needed)."""
    sentences, start = [], 0
    for part in article.text.split(". "):
        end = start + len(part) + (0 if part.endswith(".") else 1)
        sentences.append(Sentence(start, min(end, len(article.text))))
        start = end + 1
    return ArticleAnalysis(article.id, "h", sentences=tuple(sentences), mentions=tuple(mentions),
                           lemmas=tuple(article.text[s.start : s.end].lower() for s in sentences))


def _places(article: Article, *names: str, label: str = "GPE") -> ArticleAnalysis:
    mentions = []
    for name in names:
        at = article.text.index(name)
        mentions.append(Mention(at, at + len(name), name, label, article.text[:at].count(". ")))
    return _analysis(article, mentions)


def test_event_date_precision_follows_agreement():
    d = date.fromisoformat
    assert event_date([d("2026-01-28"), d("2026-01-28"), None]) == "2026-01-28"
    assert event_date([d("2025-10-14"), d("2025-10-20"), d("2025-10-16")]) == "2025-10"
    assert event_date([d("2025-10-14"), d("2025-12-20")]) == "2025"  # no majority for a month
    assert event_date([d("2024-01-01"), d("2025-06-01"), d("2023-03-03")]) is None
    assert event_date([None]) is None


def test_calendar_values_agree_at_the_finest_precision_a_majority_shares():
    assert event_date_values(["2025-10", "2025-10-15", "2025-10"]) == "2025-10"
    assert event_date_values(["2025-10-15", "2025-10-15", "2025-11"]) == "2025-10-15"
    assert event_date_values(["2025-10", "2024-12"]) is None
    assert event_date_values([]) is None


def test_a_period_starts_on_its_first_day():
    assert period_start("2025-10-15") == date(2025, 10, 15)
    assert period_start("2025-10") == date(2025, 10, 1)
    assert period_start("2025") == date(2025, 1, 1)
    assert period_start("2025-02-30") is None and period_start(None) is None


def test_slugs_are_lower_case_ascii_words():
    assert slug_words("Dockers strike in Setúbal, Škoda halts São Paulo line") == [
        "dockers", "strike", "in", "setubal", "skoda", "halts",
    ]
    assert slug_words("Port deal!", n=1) == ["port"]


def test_a_later_count_of_one_kind_reports_a_later_occurrence():
    assert counts_an_earlier_one({("visit", 1)}, {("visit", 2)})
    assert not counts_an_earlier_one({("visit", 2)}, {("visit", 1)})
    assert not counts_an_earlier_one({("trial", 1)}, {("visit", 2)})


def test_an_event_is_dated_by_its_reports_and_each_report_gets_its_role():
    articles = [
        Article(id="a", text="Dockers will strike at the port.", title="Dockers will strike", published="2025-10-12"),
        Article(id="b", text="Dockers struck at the port.", title="Dockers strike", published="2025-10-14"),
        Article(id="c", text="Dockers struck at the port today.", title="Port idle", published="2025-10-14"),
        Article(id="d", text="The strike at the port cost millions.", title="Strike cost", published="2025-10-20"),
        Article(id="x", text="A ferry sank far away.", title="Ferry sinks", published="2024-05-01"),
    ]
    article_event, events, roles = describe(
        articles, [_analysis(a) for a in articles], [0, 0, 0, 0, 1], duplicate_of={"copy-of-b": "b"}
    )
    strike = next(e for e in events if "b" in e.articles)
    assert strike.date == "2025-10-14" and strike.date_basis == "reports"  # the announcement does not vote
    assert roles == {"a": "announcement", "b": "report", "c": "report", "d": "follow-up",
                     "copy-of-b": "report", "x": "report"}
    # a copy joins its original's event; ids start with the date and the title's words
    assert article_event["copy-of-b"] == article_event["b"] == strike.id
    assert strike.id.startswith("2025-10-14-")
    assert [e.date for e in events] == ["2024-05-01", "2025-10-14"]  # in date order
    assert strike.title in {a.title for a in articles}


def test_an_events_place_is_the_city_its_datelines_put_in_a_country():
    def corpus(first: Article):
        others = [Article(id=k, text="Dockers in Portugal walked out. Ships waited.") for k in "bc"]
        articles = [first, *others]
        analyses = [_places(first, *[n for n in ("Portugal", "Porto") if n in first.text]),
                    *(_places(a, "Portugal") for a in others)]
        return describe(articles, analyses, [0, 0, 0])[1][0].where

    plain = Article(id="a", text="Dockers in Portugal walked out. Ships waited.")
    assert corpus(plain) == "Portugal"
    # "PORTO, Portugal" on one report says Porto is in Portugal: the event is in the city
    assert corpus(Article(id="a", text=plain.text, dateline="PORTO, Portugal")) == "Porto"
    # a city named only in passing, in no lead or dateline, does not replace its country
    passing = Article(id="a", text="Dockers in Portugal walked out. Ships waited. Some went to Porto, Portugal.")
    assert corpus(passing) == "Portugal"


def test_participants_are_the_entities_most_reports_name():
    text = "Ana Okafor met Bello Musa. Talks went on."
    articles = [Article(id=k, text=text if k != "c" else "Ana Okafor spoke. Talks went on.") for k in "abc"]
    okafor, musa = (text.index("Ana"), text.index("Ana") + 10), (text.index("Bello"), text.index("Bello") + 10)
    analyses = [
        _analysis(a, [Mention(*okafor, "Ana Okafor", "PERSON", 0)]
                  + ([Mention(*musa, "Bello Musa", "PERSON", 0)] if a.id != "c" else []))
        for a in articles
    ]
    mention_entity = {(a.id, *okafor): "okafor-1" for a in articles} | {(k, *musa): "musa-1" for k in "ab"}
    entities = [Entity("okafor-1", "Ana Okafor", "PERSON", ("Ana Okafor",), ("a", "b", "c"), 3),
                Entity("musa-1", "Bello Musa", "PERSON", ("Bello Musa",), ("a", "b"), 2)]
    _, [event], _ = describe(articles, analyses, [0, 0, 0], entities=entities, mention_entity=mention_entity)
    assert event.who == ("okafor-1", "musa-1")  # most named first; two of three reports is enough
    assert event.date is None and event.where is None


@pytest.mark.slow
def test_an_event_its_reports_leave_undated_is_dated_by_the_reports_that_recall_it(nlp):
    from newsfuse.nlp.analyze import analyze_articles

    first = Article(id="a", title="Okafor visits Lagos",
                    text="Prime Minister Ana Okafor made her first official visit to Lagos, where she met President Bello.")
    later = [
        Article(id=k, title="Okafor back in Lagos", published="2026-01-20",
                text="Prime Minister Ana Okafor made her second official visit to Lagos on Monday. "
                     "Her first official visit to Lagos, when she met President Bello, was on October 15, 2025.")
        for k in "bcd"
    ]
    articles = [first, *later]
    analyses = list(analyze_articles(articles, nlp))
    _, events, _ = describe(articles, analyses, [0, 1, 1, 1])
    recalled = next(e for e in events if e.articles == ("a",))
    assert recalled.date == "2025-10-15" and recalled.date_basis == "background"
    assert set(recalled.mentioned_in) == {"b", "c", "d"}
    assert recalled.id.startswith("2025-10-15-")
