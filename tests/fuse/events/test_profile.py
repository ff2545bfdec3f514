"""What each article says about its event: the profile's lead, participants, places, dates and years."""

from __future__ import annotations

import re
from datetime import date

from newsfuse.fuse.events.profile import build_profile, build_profiles, is_full_name, mention_key, place_keys
from newsfuse.model import Article, ArticleAnalysis, Mention, Removed, Sentence, TimeValue
from tests.fuse.events.builders import analysis_of, one_sentence


def test_the_lead_is_the_title_and_first_sentences_and_the_event_day_a_date_just_before_publication():
    text = "Dockers walked out on Tuesday. The port was idle. Ships waited. Talks were set for March."
    sentences = tuple(Sentence(m.start(), m.end()) for m in re.finditer(r"[^ .][^.]*\.", text))
    tuesday = TimeValue(text.index("Tuesday"), text.index("Tuesday") + 7, "Tuesday", "DATE", "2025-10-14", sentence=0)
    march = TimeValue(text.index("March"), text.index("March") + 5, "March", "DATE", "2026-03", sentence=3)
    article = Article(id="a", text=text, title="Port strike", published="2025-10-16")
    analysis = ArticleAnalysis("a", "h", sentences=sentences, times=(tuesday, march), lemmas=("dockers walk out",) * 4)
    profile = build_profile(article, analysis)
    assert profile.lead == "Port strike. Dockers walked out on Tuesday. The port was idle. Ships waited."
    assert profile.anchor == date(2025, 10, 16) and profile.event_day == date(2025, 10, 14)
    assert profile.years == {2025}
    assert profile.named_years == {2025, 2026}
    assert profile.lead_weekdays == {2}  # 2025-10-14 was a Tuesday


def test_participants_and_places_are_keyed_by_entity_and_lead_mentions_weigh_more():
    text = "Ana Okafor met dockers in Setubal. Later Okafor left."
    okafor = Mention(0, 10, "Ana Okafor", "PERSON", 0)
    again = Mention(text.index("Okafor", 20), text.index("Okafor", 20) + 6, "Okafor", "PERSON", 5)
    port = Mention(text.index("Setubal"), text.index("Setubal") + 7, "Setubal", "GPE", 0)
    article = Article(id="a", text=text)
    analysis = analysis_of(article, [okafor, again, port])
    keyed = build_profile(article, analysis, {("a", 0, 10): "okafor-1", ("a", again.start, again.end): "okafor-1"})
    assert keyed.who.split().count("okafor-1") > 1 and keyed.people == {"okafor-1"}
    # without entity ids a person is keyed by surname, so "Ana Okafor" and "Okafor" meet
    plain = build_profile(article, analysis)
    assert plain.people == {"okafor"} and plain.places == {"setubal"}
    assert mention_key("a", port, None) == "setubal"


def test_a_dateline_in_capitals_meets_the_place_as_the_text_spells_it():
    text = "Dockers in Setúbal walked out."
    article = Article(id="a", text=text, dateline="SETUBAL, Portugal")
    analysis = analysis_of(article, [Mention(11, 18, "Setúbal", "GPE", 0)])
    keys = place_keys([article], [analysis], {("a", 11, 18): "setubal-gpe"})
    assert keys == {"setubal": "setubal-gpe"}
    profile = build_profiles([article], [analysis], {("a", 11, 18): "setubal-gpe"})[0]
    assert profile.dateline_places == ("setubal-gpe", "portugal")


def test_a_year_in_a_background_or_term_clause_is_not_the_events_year():
    def years(text: str, year: str) -> frozenset[int]:
        start = text.index(year)
        t = TimeValue(start, start + 4, year, "DATE", year, sentence=0)
        return build_profile(Article(id="a", text=text), one_sentence(text, (t,))).years

    assert years("Floods hit the valley in 2019, officials said.", "2019") == {2019}
    assert years("The talks are the first since the government fell in late 2024.", "2024") == frozenset()
    assert years("Dockers get a pay rise, and no redundancies until the end of 2029.", "2029") == frozenset()


def test_a_yearless_date_on_a_removed_header_line_dates_the_article_within_the_corpus():
    undated = Article(
        id="u",
        text="Shippers welcomed the deal.",
        removed=(Removed("Companies | Fri 6 Mar, 07:10", "section/time header"),),
    )
    dated = Article(id="d", text="Talks opened.", published="2026-03-03")
    profiles = build_profiles([undated, dated], [one_sentence(undated.text), one_sentence(dated.text)])
    assert profiles[0].anchor == date(2026, 3, 6)
    # a removed line of another kind is not read for a date
    other = Article(id="o", text=undated.text, removed=(Removed("Fri 6 Mar", "related-articles tail"),))
    assert build_profiles([other, dated], [one_sentence(other.text), one_sentence(dated.text)])[0].anchor is None


# --- people named in full: the evidence a follow-up report carries ---------------------------------


def test_a_full_name_has_two_name_words_initials_and_suffixes_aside():
    for name in ("Jamyha Luss", "Gabriel E. Mejia", "James Poore's", "Carl Dabadie Jr.", "D’Andre Dickerson"):
        assert is_full_name(name), name
    for name in ("Luss", "LAPD Sgt", "ST. LOUIS", "Copyright 2016", "J. Smith", "Officer", "the gunman Bryan"):
        assert not is_full_name(name), name


def test_the_profile_keeps_people_named_in_full_by_their_whole_name():
    text = "Jamyha Luss, 14, was shot. Luss died. Officer Smith and Javascript were there."
    mentions = [
        Mention(0, 11, "Jamyha Luss", "PERSON", 0),
        Mention(28, 32, "Luss", "PERSON", 0),
        Mention(47, 52, "Smith", "PERSON", 0),
        Mention(57, 67, "Javascript", "ORG", 0),
    ]
    article = Article(id="a", text=text)
    profile = build_profile(article, analysis_of(article, mentions))
    assert profile.full_names == {"jamyha_luss"}
    # with canonical entities, the entity's id
    entity = {("a", 0, 11): "jamyha-luss-1", ("a", 28, 32): "jamyha-luss-1"}
    assert build_profile(article, analysis_of(article, mentions), entity).full_names == {"jamyha-luss-1"}
