"""What an incremental run keeps of the stored report, and how the recomputed part is spliced beside it."""

from __future__ import annotations

from newsfuse.fuse.carry import carry, carry_titles, splice
from newsfuse.model import (
    Article,
    ClaimGroup,
    ClaimSource,
    Contradiction,
    ContradictionSide,
    Entity,
    EntityMention,
    Event,
    SentenceRef,
    Story,
    SummaryLine,
    to_dict,
)


def _claim(cid: str, event: str, article: str) -> ClaimGroup:
    return ClaimGroup(cid, f"{event} happened", (ClaimSource(article, 0, 0, 5, "it did", "Outlet"),), event=event)


def _published(**dates: str) -> list[Article]:
    return [Article(article, "", published=day) for article, day in dates.items()]


def _side(claim: str, article: str) -> ContradictionSide:
    return ContradictionSide(claim, article, "Outlet", 0, 0, 5, "it did", "3")


EVENTS = [Event("fire", date="2023-03-14", articles=("f1", "f2")), Event("strike", date="2025-10-14", articles=("s1",))]
STORIES = [Story("story-fire", events=("fire",), articles=("f1", "f2")), Story("story-strike", events=("strike",), articles=("s1",))]
ARTICLE_EVENT = {"f1": "fire", "f2": "fire", "s1": "strike"}
STORED = {
    "claims": to_dict([_claim("claim-1", "fire", "f1"), _claim("claim-2", "fire", "f2"), _claim("claim-3", "strike", "s1")]),
    "contradictions": to_dict([
        Contradiction("contradiction-1", ("claim-1", "claim-2"), "number", "3 or 4", (_side("claim-1", "f1"), _side("claim-2", "f2")), "fire"),
        Contradiction("contradiction-2", ("claim-3",), "number", "x", (_side("claim-3", "s1"),), "strike"),
    ]),
    "summary": [
        {"kind": "headline", "text": "Fire", "sources": [{"article": "f1", "sentence": 0}], "support": 2, "event": "fire"},
        {"kind": "headline", "text": "Strike", "sources": [{"article": "s1", "sentence": 0}], "support": 1, "event": "strike"},
    ],
    "timeline": [],
    "stories": to_dict(STORIES),
}


def test_records_of_untouched_events_are_kept_as_they_were_and_the_touched_ones_dropped():
    kept = carry(STORED, EVENTS, STORIES, ARTICLE_EVENT, {"strike"}, set())
    assert kept.events == {"strike"} and kept.stories == {"story-strike"}
    assert [c.id for c in kept.claims] == ["claim-1", "claim-2"]
    assert [c.id for c in kept.contradictions] == ["contradiction-1"]
    assert to_dict(kept.contradictions[0]) == STORED["contradictions"][0]
    assert [line.event for line in kept.summary] == ["fire"]
    assert kept.summary[0].sources == (SentenceRef("f1", 0),)


def test_the_part_s_claims_and_contradictions_are_numbered_past_the_kept_ones():
    kept = carry(STORED, EVENTS, STORIES, ARTICLE_EVENT, {"strike"}, set())
    new_claims = [_claim("claim-1", "strike", "s1"), _claim("claim-2", "strike", "s1")]
    new_dispute = Contradiction("contradiction-1", ("claim-1", "claim-2"), "number", "5 or 6",
                                (_side("claim-1", "s1"), _side("claim-2", "s1")), "strike")
    line = SummaryLine("headline", "Strike again", (SentenceRef("s1", 0),), 1, event="strike")
    _, claims, disputes, summary = splice(kept, [], new_claims, [new_dispute], [line], EVENTS, STORIES)
    assert [c.id for c in claims] == ["claim-1", "claim-2", "claim-3", "claim-4"]
    assert [d.id for d in disputes] == ["contradiction-1", "contradiction-2"]
    assert disputes[1].claims == ("claim-3", "claim-4") and [s.claim for s in disputes[1].sides] == ["claim-3", "claim-4"]
    assert [s.event for s in summary] == ["fire", "strike"]


def test_a_record_naming_an_entity_that_is_gone_is_recomputed_with_its_event():
    stored = {**STORED, "timeline": [{"date": "2023-03-14", "text": "fire", "event": "fire", "sources": ["f1"],
                                      "who": ["brennard-abc123"]}]}
    kept = carry(stored, EVENTS, STORIES, ARTICLE_EVENT, {"strike"}, set())
    assert kept.events == {"fire", "strike"} and not kept.claims and not kept.timeline
    kept = carry(stored, EVENTS, STORIES, ARTICLE_EVENT, {"strike"}, {"brennard-abc123"})
    assert kept.events == {"strike"} and len(kept.timeline) == 1


def test_a_claim_attributed_to_an_entity_that_is_gone_is_recomputed_with_its_event():
    claims = to_dict([_claim("claim-1", "fire", "f1"), _claim("claim-3", "strike", "s1")])
    claims[0]["attributed_to"] = "labour-abc123"
    stored = {**STORED, "claims": claims, "entities": [{"id": "labour-abc123"}]}
    kept = carry(stored, EVENTS, STORIES, ARTICLE_EVENT, {"strike"}, {"ministry-of-labour-def456"})
    assert kept.events == {"fire", "strike"} and not kept.claims
    # Words, not an id of the stored table: the claim is kept.
    claims[0]["attributed_to"] = "officials"
    kept = carry({**stored, "claims": claims}, EVENTS, STORIES, ARTICLE_EVENT, {"strike"}, {"ministry-of-labour-def456"})
    assert kept.events == {"strike"} and [c.id for c in kept.claims] == ["claim-1"]


def test_a_storyline_event_without_a_date_is_placed_by_its_reports_publication():
    events = [*EVENTS, Event("fire-inquiry", date=None, articles=("f3",))]
    stories = [Story("story-fire", events=("fire", "fire-inquiry"), articles=("f1", "f2", "f3")), STORIES[1]]
    article_event = {**ARTICLE_EVENT, "f3": "fire-inquiry"}
    # Without publication dates no window can place it, so it joins the part with its storyline ...
    kept = carry(STORED, events, stories, article_event, {"fire"}, set())
    assert kept.events == {"fire", "fire-inquiry"}
    # ... published eight months after the fire, it lies outside the window and keeps its records.
    kept = carry(STORED, events, stories, article_event, {"fire"}, set(), _published(f1="2023-03-14", f3="2023-11-20"))
    assert kept.events == {"fire"}
    kept = carry(STORED, events, stories, article_event, {"fire"}, set(), _published(f1="2023-03-14", f3="2023-03-20T08:00:00"))
    assert kept.events == {"fire", "fire-inquiry"}


def test_records_citing_an_article_whose_outlet_is_named_otherwise_are_recomputed_with_its_event():
    stored = {**STORED, "articles": [{"id": "f1", "outlet": "HNT"}, {"id": "f2", "outlet": "Valley Courier"},
                                     {"id": "s1", "outlet": "Harlan News Today"}]}
    named = [Article("f1", "", outlet="HNT"), Article("f2", "", outlet="Valley Courier"), Article("s1", "", outlet="Harlan News Today")]
    kept = carry(stored, EVENTS, STORIES, ARTICLE_EVENT, {"strike"}, set(), named)
    assert kept.events == {"strike"} and [c.id for c in kept.claims] == ["claim-1", "claim-2"]
    # The new reports taught that HNT is Harlan News Today: the fire's records name it again.
    renamed = [Article("f1", "", outlet="Harlan News Today"), *named[1:]]
    kept = carry(stored, EVENTS, STORIES, ARTICLE_EVENT, {"strike"}, set(), renamed)
    assert kept.events == {"fire", "strike"} and not kept.claims and not kept.contradictions and not kept.summary


def test_an_actor_s_stored_titles_are_kept_while_its_mentions_and_outlets_outside_the_fresh_articles_are_as_stored():
    def leader(*articles: str) -> Entity:
        return Entity("ruiz", "Ana Ruiz", "PERSON", ("Ana Ruiz",), articles, len(articles),
                      tuple(EntityMention(a, 0, 8, "Ana Ruiz") for a in articles))

    stored = {"framing": {"entities": [{"entity": "ruiz", "by_outlet": {"TASS": ["interim leader"]}}]},
              "articles": [{"id": "f1", "outlet": "TASS"}, {"id": "f2", "outlet": None}]}
    articles = [Article("f1", "", outlet="TASS"), Article("f2", ""), Article("s1", "", outlet="Zamin")]
    known = {"ruiz": leader("f1")}
    assert carry_titles(stored, known, [leader("f1", "s1")], articles, {"s1"}) == {"ruiz": {"TASS": ("interim leader",)}}
    # A stored article whose mention joined the actor, or whose outlet is named otherwise, reads its titles again ...
    assert carry_titles(stored, known, [leader("f1", "f2", "s1")], articles, {"s1"}) == {}
    renamed = [Article("f1", "", outlet="TASS News Agency"), *articles[1:]]
    assert carry_titles(stored, known, [leader("f1", "s1")], renamed, {"s1"}) == {}
    # ... and so does every actor when a fresh article comes before a stored one (titles keep the corpus order).
    assert carry_titles(stored, known, [leader("f1", "s1")], articles[::-1], {"s1"}) == {}
