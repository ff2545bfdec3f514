"""Tests for event clustering: the clustering parts on hand-made numbers, the whole estimator on fixtures we wrote."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.dedup import Deduplicator
from newsfuse.fuse.events.cluster import (
    LINK_BIAS,
    LINK_WEIGHTS,
    EventClusterer,
    attach_small,
    average_linkage,
    candidate_pairs,
)
from newsfuse.fuse.events.features import vectorize
from newsfuse.fuse.events.profile import build_profile
from newsfuse.model import Article, ArticleAnalysis
from tests.conftest import TEST_DATA, needs_seeds
from tests.fuse.events.builders import analysis_of, visit

EVENTS = TEST_DATA / "events" / "articles.jsonl"


def _rows() -> list[dict]:
    return [json.loads(line) for line in EVENTS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _articles() -> list[Article]:
    return [
        Article(id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"], published=r["published"])
        for r in _rows()
    ]


# --- clustering on hand-made similarities ---------------------------------------------------------


def test_average_linkage_needs_the_whole_cluster_to_agree():
    # 0-1-2 chain: 0~1 and 1~2 are close, 0~2 is not; average linkage must not chain 0 to 2.
    sim = np.array([[1, 0.9, 0.1], [0.9, 1, 0.8], [0.1, 0.8, 1]])
    labels = average_linkage(sim, 0.6)
    assert labels[0] == labels[1] and labels[2] != labels[0]
    assert list(average_linkage(sim, 0.95)) == [0, 1, 2]


def test_two_tight_pairs_linked_much_more_weakly_stay_apart():
    # 0-1 and 2-3 are near-copies of each other; across, the links just pass the threshold.
    sim = np.full((4, 4), 0.8)
    sim[0, 1] = sim[1, 0] = sim[2, 3] = sim[3, 2] = 0.99
    assert len(set(average_linkage(sim, 0.75))) == 2
    assert len(set(average_linkage(sim, 0.75, gap=0.3))) == 1
    # A third report closely linked to one pair still joins it: relative closeness is for pairs only.
    sim = np.full((5, 5), 0.1)
    sim[np.ix_([0, 1, 2], [0, 1, 2])] = 0.99
    sim[np.ix_([0, 1, 2], [3, 4])] = sim[np.ix_([3, 4], [0, 1, 2])] = 0.8
    sim[3, 4] = sim[4, 3] = 0.9
    assert len(set(average_linkage(sim, 0.75))) == 1


def test_small_cluster_joins_the_cluster_it_resembles_only_when_close_enough():
    sim = np.full((5, 5), 0.9)
    sim[4, :] = sim[:, 4] = 0.1
    sim[4, 0] = sim[0, 4] = 0.8  # an oblique report, close to one member only
    labels = np.array([0, 0, 0, 0, 1])
    assert len(set(attach_small(sim, labels, 0.25))) == 1
    assert len(set(attach_small(sim, labels, 0.9))) == 2


def _vectors(n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    profiles = []
    for k in range(n):
        words = " ".join(f"w{x}" for x in rng.integers(0, 500, size=30))
        analysis = ArticleAnalysis(article_id=f"a{k}", content_hash="", lemmas=(words,))
        profiles.append(build_profile(Article(id=f"a{k}", text=words), analysis))
    return vectorize(profiles, None)


def test_candidates_are_neighbourhoods_not_all_pairs():
    v = _vectors(200)
    i, j = candidate_pairs(v, neighbours=10)
    assert len(i) <= 200 * 10 * 2  # two indexes at most, never the 19,900 pairs
    assert np.all(i < j)
    assert len(set(zip(i.tolist(), j.tolist()))) == len(i)


def test_small_corpus_takes_every_pair():
    i, j = candidate_pairs(_vectors(5), neighbours=10)
    assert len(i) == 10


# --- the estimator on the fixture corpus (spaCy) --------------------------------------------------


@pytest.fixture(scope="module")
def fitted(nlp):
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.nlp.analyze import analyze_articles

    articles = _articles()
    analyses = list(analyze_articles(articles, nlp))
    duplicates = Deduplicator().fit(Corpus(articles)).duplicate_of_
    canon = EntityCanonicalizer().fit(Corpus(articles, analyses))
    return articles, analyses, canon, duplicates


def _gold() -> dict[str, str]:
    return {r["id"]: r["event"] for r in _rows()}


def _partition(article_event: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article, event in article_event.items():
        groups.setdefault(event, set()).add(article)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.slow
def test_fixture_events_without_embeddings(fitted):
    articles, analyses, canon, duplicates = fitted
    ev = EventClusterer(use_embeddings=False).fit(Corpus(articles, analyses, duplicates, canon.entities_, canon.mention_entity_))
    # a rewrite and a syndicated copy join the first fire; the fire two years later stays apart
    assert _partition(ev.article_event_) == _partition(_gold())
    assert ev.embedding_used_ is False
    by_id = {e.id: e for e in ev.events_}
    first = by_id[ev.article_event_["valley-2023-fire"]]
    assert first.date == "2023-03-14"
    assert first.where == "Brennard"
    assert set(first.articles) == {"valley-2023-fire", "herald-2023-fire-copy", "post-2023-fire"}
    entity_ids = {e.id for e in canon.entities_}
    assert first.who and set(first.who) <= entity_ids
    assert by_id[ev.article_event_["valley-2025-fire"]].date == "2025-08-02"
    assert set(ev.article_role_) == set(ev.article_event_)
    assert ev.article_role_["post-2023-fire"] in {"report", "follow-up"}
    assert [e.date for e in ev.events_] == sorted(e.date for e in ev.events_)


@pytest.mark.slow
def test_fixture_events_with_embeddings_and_without_entities(fitted):
    articles, analyses, _, duplicates = fitted
    ev = EventClusterer().fit(Corpus(articles, analyses, duplicates))
    assert ev.embedding_used_ is True
    assert _partition(ev.article_event_) == _partition(_gold())
    # without canonical entities, participants are named by their commonest spelling
    first = next(e for e in ev.events_ if "valley-2023-fire" in e.articles)
    assert "Marta Oyelaran" in first.who or "Oyelaran" in first.who


@pytest.mark.slow
def test_roles_and_background_mentions(fitted):
    articles, analyses, canon, _ = fitted
    preview = Article(
        id="preview",
        title="Brennard council to vote on budget with new fire station",
        published="2025-11-17",
        text=(
            "Brennard town council will vote on Thursday on a budget of 48 million crowns for next year, "
            "including money for a new fire station on the industrial estate, Mayor Oskar Lindqvist said. "
            "Opposition councillors say the planned 3 percent rise in property tax is too high for pensioners."
        ),
    )
    follow = Article(
        id="inquiry",
        title="Inquiry blames solvent store for Brennard factory fire",
        published="2023-06-30",
        text=(
            "An inquiry into the fire that destroyed the Halvorsen paint factory in Brennard in March found "
            "that solvents were stored too close to the boiler, fire chief Marta Oyelaran said on Friday."
        ),
    )
    from newsfuse.nlp.analyze import analyze_articles
    from newsfuse.nlp.models import load_nlp

    extra = list(analyze_articles([preview, follow], load_nlp()))
    ev = EventClusterer(use_embeddings=False).fit(Corpus([*articles, preview, follow], [*analyses, *extra]))
    first = ev.article_event_["valley-2023-fire"]
    assert ev.article_event_["inquiry"] == first
    assert ev.article_event_["preview"] == ev.article_event_["courier-2025-budget"]
    assert ev.article_role_["preview"] == "announcement"
    assert ev.article_role_["inquiry"] == "follow-up"
    assert ev.article_role_["valley-2023-fire"] == "report"
    # a report of the second fire recalls the first ("the second serious blaze at the site since 2023")
    event = next(e for e in ev.events_ if e.id == first)
    assert "post-2025-fire" in event.mentioned_in
    assert event.roles["post-2025-fire"] == "background"
    assert not {"courier-2025-budget", "preview"} & set(event.mentioned_in)
    assert all(not set(e.mentioned_in) & set(e.articles) for e in ev.events_)


def test_empty_corpus():
    ev = EventClusterer(use_embeddings=False).fit(Corpus())
    assert ev.article_event_ == {} and ev.events_ == [] and ev.article_role_ == {}


def test_articles_without_analysis_are_left_out_and_duplicates_follow_their_original():
    a = Article(id="a", text="The river flooded the old town on Monday.", published="2024-05-06")
    b = Article(id="b", text="The river flooded the old town on Monday.", published="2024-05-06")
    c = Article(id="c", text="No analysis for this one.")
    ev = EventClusterer(use_embeddings=False).fit(Corpus([a, b, c], [analysis_of(a)], {"b": "a"}))
    assert ev.article_event_ == {"a": ev.article_event_["a"], "b": ev.article_event_["a"]}
    assert ev.events_[0].articles == ("a", "b")
    assert ev.events_[0].date == "2024-05-06"


def test_missing_embedding_model_falls_back_to_the_other_evidence(monkeypatch):
    from newsfuse.errors import ModelError
    from newsfuse.nlp import encoder as embed

    def unavailable(texts, device="cpu"):
        raise ModelError("not installed")

    monkeypatch.setattr(embed, "embed_texts", unavailable)
    a = Article(id="a", text="The river flooded the old town on Monday.", published="2024-05-06")
    ev = EventClusterer().fit(Corpus([a], [analysis_of(a)]))
    assert ev.embedding_used_ is False
    assert ev.article_event_ == {"a": ev.events_[0].id}


def clustered(report) -> EventClusterer:
    """The events of a fused report again, from its own articles, analyses and entities: the clusterer's
    attributes without analysing the corpus a second time (the one place this file fits on a Report)."""
    corpus = Corpus(report.articles, report.analyses, report.duplicate_of, report.entities, report.mention_entity)
    return EventClusterer().fit(corpus)


@pytest.mark.slow
def test_example_corpus_keeps_two_strikes_of_one_dispute_apart(examples_fused):
    """examples/setubal: two strikes at one port by the same people three months apart, then the talks."""
    articles = examples_fused.articles
    ev = clustered(examples_fused)
    assert ev.article_event_ == examples_fused.article_event
    event = ev.article_event_
    assert len(event) == len(articles) == 14
    first = {
        "coastline-2025-10-12-preview",
        "coastline-2025-10-14-strike-begins",
        "northbridge-2025-10-14-dockers-strike",
        "atlantic-ledger-2025-10-15-terminal-idle",
        "iberia-post-2025-10-15",
        "tagus-2025-10-16-strike-cost",
    }
    second = {
        "coastline-2026-01-12-second-strike",
        "iberia-post-2026-01-13",
        "harbour-freight-2026-01-15-second-strike-analysis",
        "northbridge-2026-01-16-strike-suspended",
    }
    # the Tagus reaction to the deal quotes the same shippers and analysts as its October strike-cost
    # report; it is dated by its page header ("Fri 6 Mar"), which ingest cut as chrome
    talks = {
        "coastline-2026-03-03-talks-open",
        "iberia-post-2026-03-05",
        "atlantic-ledger-2026-03-05-deal",
        "tagus-2026-03-06-deal-reaction",
    }
    assert len({event[a] for a in first}) == 1
    assert len({event[a] for a in second}) == 1
    assert len({event[a] for a in talks}) == 1
    assert len({event[next(iter(g))] for g in (first, second, talks)}) == 3
    assert ev.article_role_["coastline-2025-10-12-preview"] == "announcement"
    by_id = {e.id: e for e in ev.events_}
    # the day the leads give wins over the Tagus report's publication day two days in
    assert by_id[event["iberia-post-2025-10-15"]].date == "2025-10-14"
    assert by_id[event["iberia-post-2026-01-13"]].date.startswith("2026-01")
    # both strikes are in the city their datelines name, not its country
    assert by_id[event["iberia-post-2025-10-15"]].where == by_id[event["iberia-post-2026-01-13"]].where == "Setúbal"
    # the January reports look back on the October strike
    assert "harbour-freight-2026-01-15-second-strike-analysis" in by_id[event["iberia-post-2025-10-15"]].mentioned_in


# --- counted events: "his first visit" and "his second visit" are two events ----------------------


def test_two_visits_of_the_same_people_do_not_merge():
    rows = [visit("a", "first"), visit("b", "second"), visit("c", "second"), visit("d", "second")]
    ev = EventClusterer(use_embeddings=False).fit(Corpus([a for a, _ in rows], [x for _, x in rows]))
    event = ev.article_event_
    assert event["b"] == event["c"] == event["d"] != event["a"]
    # the same texts without counts are one event: the split comes from the counts alone
    plain = [visit(aid, "latest") for aid in "abcd"]
    ev = EventClusterer(use_embeddings=False).fit(Corpus([a for a, _ in plain], [x for _, x in plain]))
    assert len(set(ev.article_event_.values())) == 1


def test_a_report_of_an_earlier_occurrence_does_not_mention_a_later_one():
    # "a" is undated, so only its count tells that it was written before the second visit
    rows = [visit("a", "first"), *(visit(aid, "second", "2026-01-20") for aid in "bcd")]
    ev = EventClusterer(use_embeddings=False).fit(Corpus([a for a, _ in rows], [x for _, x in rows]))
    second = next(e for e in ev.events_ if "b" in e.articles)
    first = next(e for e in ev.events_ if "a" in e.articles)
    assert "a" not in second.mentioned_in and "a" not in second.roles
    # the later reports may still look back on the first visit
    assert set(first.mentioned_in) == {"b", "c", "d"}


def test_clusters_holding_a_cannot_link_never_merge():
    sim = np.full((4, 4), 0.95)
    forbid = np.zeros((4, 4), dtype=bool)
    forbid[0, 3] = forbid[3, 0] = True
    labels = average_linkage(sim, 0.5, forbid)
    assert labels[0] != labels[3] and len(set(labels)) == 2
    assert attach_small(sim, np.array([0, 0, 0, 1]), 0.5, forbid)[3] != 0


@pytest.mark.slow
@needs_seeds
def test_seed_reports_of_two_visits_are_two_events(seeds_fused):
    """../shared/seeds: 001 reports the first visit (October 2025), 000/002/003/004 the second (January 2026)."""
    ev = clustered(seeds_fused)
    assert ev.article_event_ == seeds_fused.article_event
    event = {aid.split("_")[0]: e for aid, e in ev.article_event_.items()}
    assert event["000"] == event["002"] == event["003"] == event["004"] != event["001"]
    by_id = {e.id: e for e in ev.events_}
    assert by_id[event["000"]].date == "2026-01-28"
    # 001 reports the first visit: it cannot recall the second as background
    assert not any(aid.startswith("001") for aid in by_id[event["000"]].mentioned_in)
    # 001 gives no date; 004 recalls "Sharaa's first face-to-face meeting ... on October 15"
    # with the count 001 gives its visit, so that dates the first visit
    first = by_id[event["001"]]
    assert (first.date or "").startswith("2025-10") and first.date_basis == "background"


def test_event_and_story_ids_transliterate_accents():
    from newsfuse.fuse.events.stories import StoryLinker

    a = Article(id="a", text="Dockers in Setúbal walked out on Monday.", title="Strike at Setúbal port", published="2025-10-13")
    ev = EventClusterer(use_embeddings=False).fit(Corpus([a], [analysis_of(a)]))
    assert ev.events_[0].id.startswith("2025-10-13-strike-at-setubal-port-")
    story = StoryLinker().fit(Corpus(), ev.events_).stories_[0]
    assert story.id.startswith("story-strike-at-setubal-port-")



# --- follow-ups: a later report naming the incident's victim joins it ------------------------------


def _shooting_reports(follow_up_victim: str) -> list[tuple[Article, ArticleAnalysis]]:
    from newsfuse.model import Mention

    def report(aid: str, title: str, text: str, published: str, names: tuple[str, ...]):
        article = Article(id=aid, text=text, title=title, published=published)
        return article, analysis_of(article, [Mention(text.index(n), text.index(n) + len(n), n, "PERSON", 0) for n in names])

    return [
        report("shot", "Man shot dead outside Dayton bar", "Darnell Whitacre, 31, was shot dead outside a bar on Wayne "
               "Avenue in Dayton early Saturday, police said.", "2016-03-05", ("Darnell Whitacre",)),
        report("died", "Dayton bar shooting leaves one dead", "A man shot outside a Wayne Avenue bar in Dayton on Saturday "
               "has died; police named him as Darnell Whitacre, 31.", "2016-03-06", ("Darnell Whitacre",)),
        report("tulsa", "Two wounded in Tulsa drive-by", "Two teenagers were wounded in a drive-by shooting on Peoria "
               "Avenue in Tulsa on Sunday night, police said.", "2016-03-06", ()),
        report("tulsa2", "Tulsa drive-by wounds two teens", "Police in Tulsa are looking for a car after two teenagers "
               "were wounded in a drive-by on Peoria Avenue.", "2016-03-07", ()),
        # six weeks later, in few of the same words: the victim's name is what ties it to the shooting
        report("indicted", "Grand jury indicts suspect", "A grand jury returned a murder indictment on Thursday against "
               f"Keon Hadley in the killing of {follow_up_victim} outside a Dayton bar.", "2016-04-21",
               ("Keon Hadley", follow_up_victim)),
    ]


def test_a_follow_up_weeks_later_joins_the_incident_whose_victim_it_names_in_full():
    # the shipped link model (its embedding evidence left out: no encoder in unit tests)
    model = {"use_embeddings": False, "weights": LINK_WEIGHTS, "bias": LINK_BIAS}
    rows = _shooting_reports("Darnell Whitacre")
    event = EventClusterer(**model).fit(Corpus([a for a, _ in rows], [x for _, x in rows])).article_event_
    assert event["indicted"] == event["shot"] == event["died"] != event["tulsa"]
    # the same follow-up naming another victim stays apart
    rows = _shooting_reports("Marcus Ellery")
    event = EventClusterer(**model).fit(Corpus([a for a, _ in rows], [x for _, x in rows])).article_event_
    assert event["shot"] == event["died"] and event["indicted"] not in (event["shot"], event["tulsa"])
