"""Tests for contradictions: hand-made statements (no models), the annotated fixtures, the example corpus and the seeds."""

from __future__ import annotations

import json

import pytest

from newsfuse.eval.align import side_group
from newsfuse.fuse.claims.contradict import ContradictionFinder, rival_figures
from newsfuse.fuse.corpus import Corpus
from newsfuse.model import Article
from tests.conftest import TEST_DATA, needs_seeds
from tests.fuse.claims.test_align import fit, fitted_fixtures


def found(articles: list[Article], **params) -> ContradictionFinder:
    aligner = fit(articles, **params)
    return ContradictionFinder().fit(Corpus(articles), aligner)


def kinds(finder: ContradictionFinder) -> list[str]:
    return sorted(c.kind for c in finder.contradictions_)


@pytest.mark.slow
def test_two_counts_of_one_thing_on_one_day_contradict():
    finder = found([
        Article("a", "About 1,200 dockworkers joined the strike at the port on Tuesday.", outlet="Wire", published="2025-10-14"),
        Article("b", "About 1,500 dockworkers joined the strike at the port on Tuesday.", outlet="Daily", published="2025-10-15"),
    ])
    assert kinds(finder) == ["number"]
    record = finder.contradictions_[0]
    assert {s.outlet for s in record.sides} == {"Wire", "Daily"}
    assert {s.value for s in record.sides} == {"About 1,200", "About 1,500"}
    assert "Wire" in record.explanation and "1,500" in record.explanation
    assert len(record.claims) == 2
    disputed = {c.id for c in finder.claims_ if c.status == "disputed"}
    assert disputed == set(record.claims)


def test_reports_days_apart_tell_different_moments():
    finder = found([
        Article("a", "About 1,200 dockworkers joined the strike at the port.", outlet="Wire", published="2025-10-14"),
        Article("b", "About 1,500 dockworkers joined the strike at the port.", outlet="Daily", published="2025-10-20"),
    ])
    assert finder.contradictions_ == []


def test_a_count_that_grows_is_news_not_a_contradiction():
    finder = found([
        Article("a", "At least 12 people were killed in the earthquake, officials said.", outlet="A", published="2024-09-03"),
        Article("b", "The number of people killed in the earthquake has risen to 15, officials said.", outlet="B",
                published="2024-09-05"),
    ])
    assert finder.contradictions_ == []


@pytest.mark.slow
def test_over_as_a_preposition_does_not_mark_a_count_as_moving():
    finder = found([
        Article("a", "Inspectors seized about 400 cars over safety faults on Tuesday.", outlet="A", published="2024-09-03"),
        Article("b", "Inspectors seized 700 cars over safety faults on Tuesday.", outlet="B", published="2024-09-04"),
    ])
    assert kinds(finder) == ["number"]


@pytest.mark.slow
def test_a_denial_contradicts_the_statement():
    finder = found([
        Article("a", "The governor did not rule out further increases in the tax.", outlet="A", published="2025-02-06"),
        Article("b", "The governor ruled out further increases in the tax.", outlet="B", published="2025-02-06"),
    ])
    assert kinds(finder) == ["negation"]


@pytest.mark.slow
def test_a_counterfactual_neither_states_nor_denies():
    finder = found([
        Article("a", "The governor would not have ruled out further increases in the tax if the budget had held.",
                outlet="A", published="2025-02-06"),
        Article("b", "The governor ruled out further increases in the tax.", outlet="B", published="2025-02-06"),
    ])
    assert "negation" not in kinds(finder)


@pytest.mark.slow
def test_a_denial_that_corrects_its_complement_denies_only_that_complement():
    finder = found([
        Article("a", "The fire was started by the tenants.", outlet="A", published="2025-02-06"),
        Article("b", "The fire was not started by the tenants but by a faulty heater.", outlet="B", published="2025-02-06"),
    ])
    assert kinds(finder) == ["negation"]
    finder = found([  # the other statement names the denied complement only in an aside
        Article("a", "The source was a combination of people, though the reporters insisted it was one person.",
                outlet="A", published="2025-02-06"),
        Article("b", "The source was not one person, but probably a combination of people.", outlet="B",
                published="2025-02-06"),
    ])
    assert "negation" not in kinds(finder)


@pytest.mark.slow
def test_a_denial_in_a_coordinated_clause_denies_only_its_own_predicate():
    finder = found([
        Article("a", "The council will hire temporary staff first and did not rule out school closures.", outlet="A",
                published="2025-02-06"),
        Article("b", "The council will hire temporary staff before any school closures.", outlet="B",
                published="2025-02-06"),
    ])
    assert "negation" not in kinds(finder)


@pytest.mark.slow
def test_a_cut_and_a_headcount_are_two_counts():
    finder = found([
        Article("a", "The mill laid off 500 workers at its northern site.", outlet="A", published="2025-02-06"),
        Article("b", "The mill employs 650 workers at its northern site.", outlet="B", published="2025-02-06"),
    ])
    assert finder.contradictions_ == []


@pytest.mark.slow
def test_one_meeting_on_two_days_contradicts():
    finder = found([
        Article("a", "The next meeting of the rate committee is on 2025-03-12.", outlet="A", published="2025-02-06"),
        Article("b", "The next meeting of the rate committee is on 2025-03-19.", outlet="B", published="2025-02-06"),
    ])
    # Without time expressions from the per-article step there are no dates to compare.
    assert "date" not in kinds(finder)


def test_a_happening_counted_or_timed_differently_on_one_day():
    finder = found([
        Article("a", "It was the second strike at the port this year.\nThe strike lasted two days.", outlet="A",
                published="2025-06-02"),
        Article("b", "It was the third strike at the port this year.\nThe strike lasted four days.", outlet="B",
                published="2025-06-02"),
    ])
    assert kinds(finder) == ["duration", "ordinal"]


def test_a_first_and_a_second_visit_months_apart_are_two_visits():
    finder = found([
        Article("a", "The minister made her first official visit to Tokyo.", outlet="A", published="2025-10-08"),
        Article("b", "The minister made her second official visit to Tokyo.", outlet="B", published="2026-01-21"),
        Article("c", "The minister made her second visit to Tokyo, after her first visit in October.", outlet="C"),
    ])
    assert finder.contradictions_ == []


def test_a_count_of_others_or_more_is_a_part():
    units = fit([
        Article("a", "Six people were shot in the incident in Gary on Saturday.", outlet="A", published="2025-06-02"),
        Article("b", "Four others were shot in the incident in Gary on Saturday.", outlet="B", published="2025-06-02"),
        Article("c", "Four people were shot in the incident in Gary on Saturday.", outlet="C", published="2025-06-02"),
        Article("d", "Two more people were shot in the incident in Gary on Saturday.", outlet="D", published="2025-06-02"),
        Article("e", "Four of his friends were shot in the incident in Gary on Saturday.", outlet="E",
                published="2025-06-02"),
    ]).units_
    assert rival_figures(units[0], units[1]) == [] and rival_figures(units[0], units[3]) == []
    assert rival_figures(units[0], units[4]) == []
    assert len(rival_figures(units[0], units[2])) == 1
    units = fit([
        Article("a", "Police said four of five people shot in Gary on Saturday were teenagers.", outlet="A",
                published="2025-06-02"),
        Article("b", "Police said two people were shot in Gary on Saturday.", outlet="B", published="2025-06-02"),
        Article("c", "Police said three and four people were shot in Gary and Hobart on Saturday, respectively.",
                outlet="C", published="2025-06-02"),
    ]).units_
    assert rival_figures(units[0], units[1]) == [] and rival_figures(units[2], units[1]) == []


def test_a_total_and_its_parts_are_no_rivals():
    units = fit([
        Article("a", "Nine assault rifles were seized from the pirates on Saturday.", outlet="A", published="2025-06-02"),
        Article("b", "The commandos seized seven AK-47 assault rifles and two other rifles from the pirates on Saturday.",
                outlet="B", published="2025-06-02"),
        Article("c", "The commandos seized seven assault rifles from the pirates on Saturday.", outlet="C",
                published="2025-06-02"),
    ]).units_
    assert rival_figures(units[0], units[1]) == []
    assert len(rival_figures(units[0], units[2])) == 1


@pytest.mark.slow
def test_counts_of_two_nouns_are_rivals_only_as_one_verbs_subject_or_object():
    finder = found([
        Article("a", "The navy seized 14 rifles during the five operations it carried out near the coast.", outlet="A",
                published="2025-06-02"),
        Article("b", "Six rifles were seized by the navy near the coast.", outlet="B", published="2025-06-02"),
    ])
    assert finder.contradictions_ == []


def test_an_ordinal_of_several_named_instances_is_one_of_them():
    finder = found([
        Article("a", "The first of the deaths in the park this weekend was a climber from Auckland.", outlet="A",
                published="2025-06-02"),
        Article("b", "It was the second death in the park this weekend, police said.", outlet="B", published="2025-06-02"),
    ])
    assert "ordinal" not in kinds(finder)
    finder = found([  # a running tally: "a third", then "a fourth"
        Article("a", "Police said a third officer was injured in the shooting at the clinic.", outlet="A",
                published="2025-06-02"),
        Article("b", "Police said a fourth officer was injured in the shooting at the clinic.", outlet="B",
                published="2025-06-02"),
    ])
    assert "ordinal" not in kinds(finder)


@pytest.mark.slow
def test_an_ordinal_in_a_phrase_of_time_names_a_period_not_a_count():
    finder = found([
        Article("a", "The governor signed the budget law during his second term, aides said.", outlet="A",
                published="2025-06-02"),
        Article("b", "The governor signed the budget law during his first term, aides said.", outlet="B",
                published="2025-06-02"),
    ])
    assert "ordinal" not in kinds(finder)


def test_a_statement_giving_several_ordinals_names_several_instances():
    finder = found([
        Article("a", "The gunman fatally shot two people on the first floor and one on the third.", outlet="A",
                published="2025-06-02"),
        Article("b", "The gunman fatally shot the three victims on the second and third floors.", outlet="B",
                published="2025-06-02"),
    ])
    assert "ordinal" not in kinds(finder)


@pytest.mark.slow
def test_lengths_of_time_of_two_people_do_not_contradict():
    finder = found([
        Article("a", "Lorne Ahrens served 14 years on the Dallas police force.", outlet="A", published="2016-07-08"),
        Article("b", "He served nine years on the Dallas police force.", outlet="B", published="2016-07-08"),
    ])
    assert "duration" not in kinds(finder)
    finder = found([
        Article("a", "Lorne Ahrens served 14 years on the Dallas police force.", outlet="A", published="2016-07-08"),
        Article("b", "Lorne Ahrens served nine years on the Dallas police force.", outlet="B", published="2016-07-08"),
    ])
    assert kinds(finder) == ["duration"]


@pytest.mark.slow
def test_one_disagreement_restated_is_reported_once():
    finder = found([
        Article("a", "Three people were killed in the shooting on Main Street.\n"
                     "The gunman killed three people in the shooting on Main Street.", outlet="A", published="2025-06-02"),
        Article("b", "Four people were killed in the shooting on Main Street.", outlet="B", published="2025-06-02"),
        # (the outlet's update of its own report, restating the figure)
        Article("b2", "Four people were killed in the shooting on Main Street, police said.", outlet="B",
                published="2025-06-02"),
    ])
    assert kinds(finder) == ["number"]


@pytest.mark.slow
def test_a_figure_told_of_two_places_is_two_happenings():
    finder = found([
        Article("a", "Four people were shot in the 600 block of George Street.", outlet="A", published="2025-06-04"),
        Article("b", "Three people were shot in the 600 block of Summit Square Drive.", outlet="B", published="2025-06-04"),
    ])
    assert finder.contradictions_ == []
    # One place named by both: one happening counted two ways.
    finder = found([
        Article("a", "Four people were shot in the 600 block of George Street.", outlet="A", published="2025-06-04"),
        Article("b", "Three people were shot in the 600 block of George Street.", outlet="B", published="2025-06-04"),
    ])
    assert kinds(finder) == ["number"]


def test_a_day_that_bounds_a_period_dates_nothing():
    finder = found([
        Article("a", "The boy was the second child to die on Tuesday from gunfire in the city.", outlet="A",
                published="2025-06-04"),
        Article("b", "The boy was the second child to die since Saturday from gunfire in the city.", outlet="B",
                published="2025-06-04"),
    ])
    assert "date" not in kinds(finder)


def test_a_day_a_period_bound_reaches_past_a_noun_dates_nothing():
    finder = found([
        Article("a", "Dear has been held without bond since his arrest Friday night.", outlet="A",
                published="2025-11-30"),
        Article("b", "Dear is being held without bond as he awaits a court appearance on Monday.", outlet="B",
                published="2025-11-30"),
    ])
    assert "date" not in kinds(finder)


@pytest.mark.slow
def test_two_reports_without_a_day_are_not_known_to_be_of_one_moment():
    # Two undated reports the clustering put together may be of two happenings of one kind years
    # apart (ECB+'s two Qeshm earthquakes); the same pair dated to one day is a contradiction.
    texts = ("About 1,200 dockworkers joined the strike at the port.", "About 1,500 dockworkers joined the strike at the port.")
    undated = found([Article("a", texts[0], outlet="Wire"), Article("b", texts[1], outlet="Daily")])
    assert undated.contradictions_ == []
    dated = found([Article("a", texts[0], outlet="Wire", published="2025-10-14"),
                   Article("b", texts[1], outlet="Daily", published="2025-10-14")])
    assert kinds(dated) == ["number"]


def test_copies_of_one_source_never_contradict_each_other():
    finder = found([
        Article("a", "About 1,200 dockworkers joined the strike.", outlet="Wire", agency="Wire", published="2025-10-14"),
        Article("b", "About 1,500 dockworkers joined the strike.", outlet="Daily", agency="Wire", published="2025-10-14"),
    ])
    assert finder.contradictions_ == []


# --- annotated fixtures, the example corpus, the seeds ------------------------------------------


@pytest.mark.slow
def test_fixture_contradictions_are_found_and_traps_are_not():
    expected, got = set(), set()
    for fixture, analyses, canon, aligner in fitted_fixtures():
        finder = ContradictionFinder().fit(
            Corpus(fixture.articles, analyses, entities=canon.entities_, mention_entity=canon.mention_entity_), aligner)
        expected |= {(fixture.name, frozenset({a, b}), kind) for a, b, kind in fixture.contradictions}
        for record in finder.contradictions_:
            got.add((fixture.name, frozenset(side_group(fixture, s) for s in record.sides), record.kind))
    assert expected <= got, expected - got
    assert got <= expected, got - expected  # no trap reported: growing tolls, the two visits, other figures


@pytest.mark.slow
def test_example_corpus_planted_contradictions(examples_report):
    data = examples_report
    values = [sorted(s["value"] for s in c["sides"]) for c in data["contradictions"] if c["kind"] == "number"]
    flat = [" ".join(v) for v in values]
    # The pay rise: 6.5% against 6% for one deal.
    assert any("6%" in v and "6.5%" in v for v in flat), flat
    # Turnout (the union's about 1,200 "had joined the stoppage" against about 1,500 who "kept up a strike"
    # or fewer than 900 who "stayed away") is told with verbs that are not close, which on real shooting
    # news told different deeds every time (frames_comparable): abstaining, newsfuse misses it.
    # "at least 14 vessels" on the first day and 17 the next: an open bound and its update, no conflict.
    assert not any("17" in v and "14" in v for v in flat), flat
    # The trap: diverted ships of the second strike grow from 22 to more than 30 over the week.
    assert not any("30" in v for v in flat), flat
    for record in data["contradictions"]:
        assert len(record["sides"]) == 2 and all(s["article"] and s["text"] for s in record["sides"])


@needs_seeds
@pytest.mark.slow
def test_no_contradiction_between_the_two_visits(seeds_report):
    data = seeds_report
    for record in data["contradictions"]:
        text = " ".join(s["text"] for s in record["sides"]).lower()
        assert not ("first" in text and "second" in text), record
        assert record["kind"] != "ordinal", record


# --- sentence pairs of our own wording (tests/data/contradictions) --------------------------------

PAIRS = json.loads((TEST_DATA / "contradictions" / "pairs.json").read_text(encoding="utf-8"))["pairs"]


@pytest.mark.slow
@pytest.mark.parametrize("pair", PAIRS, ids=[p["why"] for p in PAIRS])
def test_sentence_pairs_conflict_only_when_incompatible(pair):
    finder = found([
        Article("a", pair["a"]["text"], outlet="Wire", published=pair["a"]["published"]),
        Article("b", pair["b"]["text"], outlet="Daily", published=pair["b"]["published"]),
    ])
    assert kinds(finder) == ([pair["conflict"]] if pair["conflict"] else []), pair["why"]


# --- places and relations: statements of real parses (spaCy) -----------------------------------------


def found_analysed(nlp, *texts: tuple[str, str]) -> ContradictionFinder:
    """The contradictions between one-article reports (text, published) of two outlets, each
    analysed by spaCy and its entities canonicalised, as the pipeline does."""
    from newsfuse.fuse.claims.align import ClaimAligner
    from newsfuse.fuse.entities.canon import EntityCanonicalizer
    from newsfuse.nlp.analyze import analyze_articles

    articles = [Article(f"r{k}", text, outlet=outlet, published=day)
                for k, ((text, day), outlet) in enumerate(zip(texts, ("Wire", "Daily", "Post")))]
    corpus = Corpus(articles, list(analyze_articles(articles, nlp)))
    canon = EntityCanonicalizer().fit(corpus)
    corpus = corpus.with_entities(canon.entities_, canon.mention_entity_)
    aligner = ClaimAligner(use_embeddings=False).fit(corpus, {a.id: "event" for a in articles})
    return ContradictionFinder().fit(corpus, aligner)


@pytest.mark.slow
def test_one_happening_in_two_towns_is_a_place_conflict(nlp):
    finder = found_analysed(
        nlp,
        ("The mediated talks between the union and the operator opened on Tuesday in the city of Braga.", "2026-03-03"),
        ("The mediated talks between the union and the operator opened on Tuesday in the town of Faro.", "2026-03-03"),
    )
    assert kinds(finder) == ["place"]
    record = finder.contradictions_[0]
    assert sorted(s.value for s in record.sides) == ["in Braga", "in Faro"]
    assert {s.outlet for s in record.sides} == {"Wire", "Daily"}
    assert "Braga" in record.explanation and "Faro" in record.explanation


@pytest.mark.slow
def test_a_town_and_its_region_or_country_are_one_place(nlp):
    finder = found_analysed(
        nlp,
        ("The mediated talks between the union and the operator opened on Tuesday in Braga, Portugal.", "2026-03-03"),
        ("The mediated talks between the union and the operator opened on Tuesday in Portugal.", "2026-03-03"),
    )
    assert "place" not in kinds(finder)


@pytest.mark.slow
def test_places_the_corpus_does_not_show_to_be_towns_abstain(nlp):
    finder = found_analysed(
        nlp,
        ("The mediated talks between the union and the operator opened on Tuesday in Braga.", "2026-03-03"),
        ("The mediated talks between the union and the operator opened on Tuesday in Minho.", "2026-03-03"),
    )
    assert "place" not in kinds(finder)


@pytest.mark.slow
def test_older_and_younger_sister_of_one_person_is_a_relation_conflict(nlp):
    finder = found_analysed(
        nlp,
        ("Tomas Varga was arrested on Friday. Maria Varga, his older sister, was arrested on Saturday.", "2026-03-06"),
        ("Tomas Varga was arrested on Friday. His younger sister, Maria Varga, was arrested on Saturday.", "2026-03-06"),
    )
    assert kinds(finder) == ["relation"]
    record = finder.contradictions_[0]
    assert sorted(s.value for s in record.sides) == ["His younger sister", "his older sister"]
    assert "older sister" in record.explanation and "younger sister" in record.explanation


@pytest.mark.slow
def test_ranks_that_can_both_hold_are_no_relation_conflict(nlp):
    finder = found_analysed(
        nlp,
        ("Tomas Varga was arrested on Friday. Maria Varga, his older sister, was arrested on Saturday.", "2026-03-06"),
        ("Tomas Varga was arrested on Friday. His eldest sister, Maria Varga, was arrested on Saturday.", "2026-03-06"),
        ("Tomas Varga was arrested on Friday. Maria Varga, Ana Varga's younger sister, was arrested on Saturday.",
         "2026-03-06"),
    )
    assert "relation" not in kinds(finder)


@pytest.mark.slow
def test_a_title_in_a_quotation_or_undated_reports_give_no_role_conflict(nlp):
    told = ("President Maria Costa opened the new bridge in Braga on Tuesday.", "2026-03-03")
    finder = found_analysed(nlp, told, ("Senator Maria Costa opened the new bridge in Braga on Tuesday.", "2026-03-03"))
    assert kinds(finder) == ["role"]
    quoted = ('"As president, Senator Maria Costa will open the new bridge," her spokesman said in Braga on Tuesday.',
              "2026-03-03")
    assert "role" not in kinds(found_analysed(nlp, told, quoted))
    undated = found_analysed(nlp, (told[0], None), ("Senator Maria Costa opened the new bridge in Braga on Tuesday.", None))
    assert "role" not in kinds(undated)
    capacity = ("Though, as a senator, Maria Costa has opposed new bridges, she opened the new bridge in Braga on Tuesday.",
                "2026-03-03")
    assert "role" not in kinds(found_analysed(nlp, told, capacity))


@pytest.mark.slow
def test_a_statement_dated_long_before_the_other_report_tells_another_happening(nlp):
    raid = ("The gang drove four cars through the window of a jewellery store.", "2009-05-20")
    finder = found_analysed(nlp, ("In 2007, the gang drove two cars through the window of a jewellery store.",
                                  "2009-05-20"), raid)
    assert "number" not in kinds(finder)
    # a time that takes in the other report's day is no other time
    finder = found_analysed(nlp, ("In May 2009, the gang drove two cars through the window of a jewellery store.",
                                  "2009-05-20"), raid)
    assert "number" in kinds(finder)
    # a date in a clause about something else dates that, not the statement
    finder = found_analysed(nlp, ("The gang, which formed in 2007, drove two cars through the window of a jewellery store.",
                                  "2009-05-20"), raid)
    assert "number" in kinds(finder)
