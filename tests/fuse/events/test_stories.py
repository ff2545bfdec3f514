"""Tests for storylines: events linked by shared people, related kind and nearness in time."""

from __future__ import annotations

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.events.stories import StoryLinker
from newsfuse.model import ArticleAnalysis, Entity, Event

STRIKE = "docker strike terminal port union walkout automation crane"
TALKS = "docker union operator talk mediation deal terminal port"
BUDGET = "council budget tax vote school road"


def _entity(id: str, type: str) -> Entity:
    return Entity(id=id, name=id, type=type, aliases=(id,), articles=(), mentions=1)


ENTITIES = [
    _entity("ana", "PERSON"),
    _entity("khalid", "PERSON"),
    _entity("union", "ORG"),
    _entity("police", "ORG"),
    _entity("setubal", "GPE"),
]


def _event(id, date, who, where, articles, title=None):
    return Event(id=id, title=title or id, date=date, who=tuple(who), where=where, articles=tuple(articles))


def _analyses(texts: dict[str, str]) -> list[ArticleAnalysis]:
    return [ArticleAnalysis(article_id=a, content_hash="", lemmas=(t,)) for a, t in texts.items()]


def test_events_of_one_dispute_form_one_story_and_a_distant_one_stays_apart():
    events = [
        _event("strike-1", "2025-10-14", ["ana", "khalid", "union"], "setubal", ["a1", "a2"], "First strike"),
        _event("strike-2", "2026-01-12", ["ana", "union"], "setubal", ["b1"]),
        _event("deal", "2026-03", ["khalid", "union"], "Lisbon", ["c1", "c2", "c3"], "Deal ends dispute"),
        _event("strike-2029", "2029-05-01", ["ana", "khalid", "union"], "setubal", ["d1"]),
        _event("budget", "2025-11-20", ["mayor"], "setubal", ["e1"]),
    ]
    texts = {"a1": STRIKE, "a2": STRIKE, "b1": STRIKE, "c1": TALKS, "c2": TALKS, "c3": TALKS, "d1": STRIKE, "e1": BUDGET}
    linker = StoryLinker().fit(Corpus(analyses=_analyses(texts), entities=ENTITIES), events)
    stories = {frozenset(s.events) for s in linker.stories_}
    assert frozenset({"strike-1", "strike-2", "deal"}) in stories
    assert frozenset({"strike-2029"}) in stories and frozenset({"budget"}) in stories
    dispute = next(s for s in linker.stories_ if "deal" in s.events)
    assert dispute.events == ("strike-1", "strike-2", "deal")  # in date order
    assert dispute.title == "Deal ends dispute"  # the event most articles report
    assert linker.article_story_["b1"] == dispute.id != linker.article_story_["e1"]
    assert set(linker.article_story_) == set(texts)


def test_a_place_and_its_police_do_not_make_a_story():
    events = [
        _event("shooting-1", "2016-02-27", ["police"], "setubal", ["a"]),
        _event("shooting-2", "2016-03-20", ["police"], "setubal", ["b"]),
    ]
    texts = {"a": "man shoot outside bar police say", "b": "man shoot outside bar police say"}
    assert len(StoryLinker().fit(Corpus(analyses=_analyses(texts), entities=ENTITIES), events).stories_) == 2


def test_unrelated_kinds_do_not_link_even_with_the_same_people():
    events = [
        _event("strike", "2025-10-14", ["ana", "khalid"], "setubal", ["a"]),
        _event("wedding", "2025-10-20", ["ana", "khalid"], "setubal", ["b"]),
    ]
    texts = {"a": STRIKE, "b": "wedding guest church flower dress cake"}
    assert len(StoryLinker().fit(Corpus(analyses=_analyses(texts), entities=ENTITIES), events).stories_) == 2


def test_without_entities_or_analyses_names_and_dates_decide():
    events = [
        _event("x", "2025-10-14", ["Ana Figueiredo", "SDU"], "Setúbal", ["a"]),
        _event("y", None, ["Ana Figueiredo", "SDU"], None, ["b"]),
    ]
    linker = StoryLinker().fit(Corpus(), events)
    assert len(linker.stories_) == 1 and linker.stories_[0].articles == ("a", "b")
    assert StoryLinker().fit(Corpus(), []).stories_ == []
