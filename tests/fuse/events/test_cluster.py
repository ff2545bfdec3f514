"""Tests for event clustering: the clustering parts on hand-made numbers, the whole estimator on fixtures we wrote."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.dedup import Deduplicator
from newsfuse.fuse.events.describe import counts_an_earlier_one, event_date
from newsfuse.fuse.events.features import (
    PAIR_FEATURES,
    build_profile,
    cannot_link,
    event_ordinals,
    pair_features,
    vectorize,
)
from newsfuse.fuse.events.cluster import EventClusterer, attach_small, average_linkage, candidate_pairs
from newsfuse.model import Article, ArticleAnalysis, Mention, Sentence, TimeValue
from tests.conftest import SEEDS, TEST_DATA, needs_seeds

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


def test_event_date_precision_follows_agreement():
    d = date.fromisoformat
    assert event_date([d("2026-01-28"), d("2026-01-28"), None]) == "2026-01-28"
    assert event_date([d("2025-10-14"), d("2025-10-20"), d("2025-10-16")]) == "2025-10"
    assert event_date([d("2025-10-14"), d("2025-12-20")]) == "2025"  # no majority for a month
    assert event_date([d("2024-01-01"), d("2025-06-01"), d("2023-03-03")]) is None
    assert event_date([None]) is None


def _analysis(article: Article, mentions=(), times=()) -> ArticleAnalysis:
    return ArticleAnalysis(
        article_id=article.id,
        content_hash="",
        sentences=(Sentence(0, len(article.text)),),
        mentions=tuple(mentions),
        times=tuple(times),
        lemmas=(article.text.lower(),),
    )


def test_same_kind_of_event_on_other_dates_and_places_scores_lower():
    text = "gunman shoot two man outside bar police say suspect flee"
    a = Article(id="a", text=text, published="2016-03-05")
    b = Article(id="b", text=text, published="2016-03-06")
    c = Article(id="c", text=text, published="2017-09-20")
    place = {"a": "Dayton", "b": "Dayton", "c": "Tulsa"}
    analyses = [
        _analysis(x, [Mention(0, 6, place[x.id], "GPE", 0)], [TimeValue(0, 6, "Saturday", "DATE", x.published, sentence=0)])
        for x in (a, b, c)
    ]
    v = vectorize([build_profile(x, y) for x, y in zip((a, b, c), analyses)], None)
    f = pair_features(v, np.array([0, 0]), np.array([1, 2]))
    near, far, clash = (PAIR_FEATURES.index(n) for n in ("near", "far_apart", "place_clash"))
    assert f[0, near] == 1 and f[1, near] == 0
    assert f[0, far] == 0 and f[1, far] == 1
    assert f[0, clash] == 0 and f[1, clash] == 1


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
    ev = EventClusterer(use_embeddings=False).fit(Corpus([a, b, c], [_analysis(a)], {"b": "a"}))
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
    ev = EventClusterer().fit(Corpus([a], [_analysis(a)]))
    assert ev.embedding_used_ is False
    assert ev.article_event_ == {"a": ev.events_[0].id}


@pytest.mark.slow
def test_example_corpus_keeps_two_strikes_of_one_dispute_apart(nlp, config):
    """examples/setubal: two strikes at one port by the same people three months apart, then the talks."""
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.ingest import read_inputs
    from newsfuse.nlp.analyze import analyze_articles
    from tests.conftest import EXAMPLES

    articles, _ = read_inputs([EXAMPLES], config)
    analyses = list(analyze_articles(articles, nlp))
    duplicates = Deduplicator().fit(Corpus(articles)).duplicate_of_
    canon = EntityCanonicalizer().fit(Corpus(articles, analyses))
    ev = EventClusterer().fit(Corpus(articles, analyses, duplicates, canon.entities_, canon.mention_entity_))
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


def test_event_ordinals_read_possessive_counts_of_events_only():
    assert event_ordinals("The president made his first official visit to Lagos.") == {("visit", 1, True)}
    assert event_ordinals("It will be Okafor's second trip abroad this year.") == {("visit", 2, True)}
    assert event_ordinals("Their 3rd summit ended without a deal.") == {("visit", 3, True)}
    # background: a past occurrence the article's own event follows
    assert event_ordinals("This visit follows Okafor's first face-to-face meeting with her.") == {("visit", 1, False)}
    # counts of nobody's series, of a period or a sub-part of an event, and no event at all
    for text in (
        "For the first time in years the river froze.",
        "Profits fell in the first quarter.",
        "Protesters gathered for a second day.",
        "It was the second shooting in the city this week.",
        "He was knocked down in his sixth round.",
        "She scored her second goal.",
    ):
        assert event_ordinals(text) == frozenset(), text


def _visit(aid: str, count: str, published: str | None = None) -> tuple[Article, ArticleAnalysis]:
    text = (
        f"Prime Minister Ana Okafor made her {count} official visit to Lagos, where she met President "
        "Bello at the state house to discuss trade, security and a new rail line between the two cities."
    )
    article = Article(id=aid, text=text, title=f"Okafor in Lagos on her {count} visit", published=published)
    return article, _analysis(article, [Mention(text.index("Ana"), text.index("Ana") + 10, "Ana Okafor", "PERSON", 0)])


def test_cannot_link_pairs_that_count_one_kind_of_event_differently():
    rows = [_visit("a", "first"), _visit("b", "second"), _visit("c", "second")]
    v = vectorize([build_profile(a, x) for a, x in rows], None)
    assert list(cannot_link(v, np.array([0, 0, 1]), np.array([1, 2, 2]))) == [True, True, False]


def test_two_visits_of_the_same_people_do_not_merge():
    rows = [_visit("a", "first"), _visit("b", "second"), _visit("c", "second"), _visit("d", "second")]
    ev = EventClusterer(use_embeddings=False).fit(Corpus([a for a, _ in rows], [x for _, x in rows]))
    event = ev.article_event_
    assert event["b"] == event["c"] == event["d"] != event["a"]
    # the same texts without counts are one event: the split comes from the counts alone
    plain = [_visit(aid, "latest") for aid in "abcd"]
    ev = EventClusterer(use_embeddings=False).fit(Corpus([a for a, _ in plain], [x for _, x in plain]))
    assert len(set(ev.article_event_.values())) == 1


def test_a_report_of_an_earlier_occurrence_does_not_mention_a_later_one():
    # "a" is undated, so only its count tells that it was written before the second visit
    rows = [_visit("a", "first"), *(_visit(aid, "second", "2026-01-20") for aid in "bcd")]
    ev = EventClusterer(use_embeddings=False).fit(Corpus([a for a, _ in rows], [x for _, x in rows]))
    second = next(e for e in ev.events_ if "b" in e.articles)
    first = next(e for e in ev.events_ if "a" in e.articles)
    assert "a" not in second.mentioned_in and "a" not in second.roles
    # the later reports may still look back on the first visit
    assert set(first.mentioned_in) == {"b", "c", "d"}
    assert counts_an_earlier_one({("visit", 1)}, {("visit", 2)})
    assert not counts_an_earlier_one({("visit", 2)}, {("visit", 1)})
    assert not counts_an_earlier_one({("trial", 1)}, {("visit", 2)})


def test_clusters_holding_a_cannot_link_never_merge():
    sim = np.full((4, 4), 0.95)
    forbid = np.zeros((4, 4), dtype=bool)
    forbid[0, 3] = forbid[3, 0] = True
    labels = average_linkage(sim, 0.5, forbid)
    assert labels[0] != labels[3] and len(set(labels)) == 2
    assert attach_small(sim, np.array([0, 0, 0, 1]), 0.5, forbid)[3] != 0


@pytest.mark.slow
@needs_seeds
def test_seed_reports_of_two_visits_are_two_events(nlp, config):
    """../shared/seeds: 001 reports the first visit (October 2025), 000/002/003/004 the second (January 2026)."""
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.ingest import read_inputs
    from newsfuse.nlp.analyze import analyze_articles
    from newsfuse.pipeline import date_from_text

    articles, _ = read_inputs([SEEDS], config)
    analyses = list(analyze_articles(articles, nlp))
    articles = date_from_text(articles, analyses)
    canon = EntityCanonicalizer().fit(Corpus(articles, analyses))
    ev = EventClusterer().fit(Corpus(articles, analyses, {}, canon.entities_, canon.mention_entity_))
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
    from newsfuse.fuse.events.describe import slug_words
    from newsfuse.fuse.events.stories import StoryLinker

    assert slug_words("Dockers strike in Setúbal, Škoda halts São Paulo line") == [
        "dockers", "strike", "in", "setubal", "skoda", "halts",
    ]
    a = Article(id="a", text="Dockers in Setúbal walked out on Monday.", title="Strike at Setúbal port", published="2025-10-13")
    ev = EventClusterer(use_embeddings=False).fit(Corpus([a], [_analysis(a)]))
    assert ev.events_[0].id.startswith("2025-10-13-strike-at-setubal-port-")
    story = StoryLinker().fit(Corpus(), ev.events_).stories_[0]
    assert story.id.startswith("story-strike-at-setubal-port-")


def test_background_dates_are_placed_before_the_reference_and_must_agree():
    from newsfuse.fuse.events.describe import _placed, event_date_values

    assert _placed("XXXX-10-15", date(2026, 1, 28)) == "2025-10-15"
    assert _placed("XXXX-01", date(2026, 1, 28)) == "2026-01"
    assert _placed("XXXX-10-15", None) is None  # no reference: no year is guessed
    assert _placed("2025-10-15T10:00", None) == "2025-10-15"
    assert _placed("PAST_REF", date(2026, 1, 28)) is None
    assert event_date_values(["2025-10", "2025-10-15", "2025-10"]) == "2025-10"
    assert event_date_values(["2025-10", "2024-12"]) is None


# --- dates and places of an event -----------------------------------------------------------------


def _one_sentence(text: str, times: tuple[TimeValue, ...] = (), mentions: tuple[Mention, ...] = ()):
    return ArticleAnalysis(
        article_id="a", content_hash="h", sentences=(Sentence(0, len(text)),), times=times, mentions=mentions
    )


def test_a_year_in_a_background_or_term_clause_is_not_the_events_year():
    def years(text: str, year: str) -> frozenset[int]:
        start = text.index(year)
        t = TimeValue(start, start + 4, year, "DATE", year, sentence=0)
        return build_profile(Article(id="a", text=text), _one_sentence(text, (t,))).years

    assert years("Floods hit the valley in 2019, officials said.", "2019") == {2019}
    assert years("The talks are the first since the government fell in late 2024.", "2024") == frozenset()
    assert years("Dockers get a pay rise, and no redundancies until the end of 2029.", "2029") == frozenset()


def test_a_yearless_date_on_a_removed_header_line_dates_the_article_within_the_corpus():
    from newsfuse.fuse.events.features import build_profiles
    from newsfuse.model import Removed

    undated = Article(
        id="u",
        text="Shippers welcomed the deal.",
        removed=(Removed("Companies | Fri 6 Mar, 07:10", "section/time header"),),
    )
    dated = Article(id="d", text="Talks opened.", published="2026-03-03")
    profiles = build_profiles([undated, dated], [_one_sentence(undated.text), _one_sentence(dated.text)])
    assert profiles[0].anchor == date(2026, 3, 6)
    # a removed line of another kind is not read for a date
    other = Article(id="o", text=undated.text, removed=(Removed("Fri 6 Mar", "related-articles tail"),))
    assert build_profiles([other, dated], [_one_sentence(other.text), _one_sentence(dated.text)])[0].anchor is None


def test_an_events_place_is_the_city_its_datelines_put_in_a_country():
    from newsfuse.fuse.events.describe import _participants
    from newsfuse.fuse.events.features import Profile

    def profile(where: str, lead: set[str], dateline: tuple[str, ...] = ()) -> Profile:
        return Profile("x", "", "", "", "", where, "", None, None, frozenset(), lead_places=frozenset(lead),
                       dateline_places=dateline)

    names = {"porto": ("Porto", "GPE", "porto"), "portugal": ("Portugal", "GPE", "portugal")}
    rows = [
        profile("porto portugal", {"portugal"}, ("porto", "portugal")),
        profile("portugal", {"portugal"}),
        profile("portugal", set()),
    ]
    assert _participants(range(3), rows, names)[1] == "Portugal"  # nothing says Porto is in Portugal
    assert _participants(range(3), rows, names, frozenset({("porto", "portugal")}))[1] == "Porto"
    # a city named only in passing, in no lead or dateline, does not replace its country
    rows[0] = profile("porto portugal", {"portugal"})
    assert _participants(range(3), rows, names, frozenset({("porto", "portugal")}))[1] == "Portugal"


def test_counted_things_skip_names_units_and_years():
    from newsfuse.fuse.events.counts import counted_things

    counts = dict(counted_things("The navy captured 23 Somali pirates in two boats over 3 days in 2008, and 12 and 11"))
    assert counts == {"pirate": {23}, "boat": {2}}


def test_leads_counting_one_thing_differently_clash_unless_a_text_gives_the_others_count():
    text = {
        "a": "The navy captured 23 pirates in the gulf.",
        "b": "The navy captured 26 pirates in the gulf.",
        "c": "The navy said it captured 23 pirates. Earlier reports said 26 pirates.",
        "d": "The navy captured pirates in the gulf.",
    }
    profiles = [build_profile(Article(id=k, text=t), _one_sentence(t)) for k, t in text.items()]
    v = vectorize(profiles, None)
    column = PAIR_FEATURES.index("count_clash")
    f = pair_features(v, np.array([0, 1, 0]), np.array([1, 2, 3]))[:, column]
    assert f.tolist() == [1.0, 0.0, 0.0]


def test_an_undated_report_naming_only_years_long_before_the_others_is_older_news():
    def row(aid, published, year_values):
        text = "quake strike island on Sunday " + " ".join(f"in {y}" for y in year_values)
        times = [TimeValue(0, 6, "Sunday", "DATE", "XXXX-WXX-7", sentence=0)]
        times += [TimeValue(0, 4, y, "DATE", y, sentence=0) for y in year_values]
        article = Article(id=aid, text=text, published=published)
        return build_profile(article, _analysis(article, times=times))

    v = vectorize(
        [row("dated", "2012-07-07", []), row("old", None, ["2001", "2005"]), row("recent", None, ["2011", "2012"]),
         row("yearless", None, []), row("dated-old", "2005-03-01", ["2001"])],
        None,
    )
    column = PAIR_FEATURES.index("older_news")
    f = pair_features(v, np.array([0, 0, 0, 0, 1]), np.array([1, 2, 3, 4, 2]))[:, column]
    # two dated or two undated articles, or an undated one without a year, say nothing
    assert f.tolist() == [1.0, 0.0, 0.0, 0.0, 0.0]


def test_leads_naming_different_weekdays_clash():
    def row(aid, day, value):
        text = f"fire destroy church on {day}"
        article = Article(id=aid, text=text)
        times = [TimeValue(text.index(day), len(text), day, "DATE", value, sentence=0)] if day else []
        return build_profile(article, _analysis(article, times=times))

    # a resolved date counts by its weekday (2009-03-03 was a Tuesday)
    v = vectorize([row("a", "Friday", "XXXX-WXX-5"), row("b", "Tuesday", "2009-03-03"), row("c", "Friday", "XXXX-WXX-5"),
                   row("d", "", "")], None)
    column = PAIR_FEATURES.index("weekday_clash")
    f = pair_features(v, np.array([0, 0, 0]), np.array([1, 2, 3]))[:, column]
    assert f.tolist() == [1.0, 0.0, 0.0]


def test_weekdays_of_two_dated_reports_are_left_to_their_dates():
    # A follow-up names the day of the arrest, the first report the day of the shooting: both are
    # dated, so the dates, not the weekday names, say whether they are days apart.
    def row(aid, published, day, value):
        text = f"man shot outside bar on {day}"
        article = Article(id=aid, text=text, published=published)
        times = [TimeValue(text.index(day), len(text), day, "DATE", value, sentence=0)]
        return build_profile(article, _analysis(article, times=times))

    v = vectorize([row("a", "2016-03-06", "Saturday", "2016-03-05"), row("b", "2016-03-09", "Tuesday", "2016-03-08"),
                   row("c", None, "Tuesday", "XXXX-WXX-2")], None)
    column = PAIR_FEATURES.index("weekday_clash")
    f = pair_features(v, np.array([0, 0]), np.array([1, 2]))[:, column]
    assert f.tolist() == [0.0, 1.0]
