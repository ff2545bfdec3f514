"""Tests for figure frames: what a figure counts, by which verb, in which scope and when."""

from __future__ import annotations

import functools

import pytest

from newsfuse.fuse.claims.frames import figure_frame, frames_comparable
from newsfuse.fuse.claims.units import content_words


@functools.lru_cache(maxsize=1)
def parser():
    from newsfuse.nlp.models import load_nlp

    return load_nlp()


def frame_of(sentence: str, figure: str):
    start = sentence.index(figure)
    return figure_frame(parser()(sentence), start, start + len(figure)), content_words(sentence)


def comparable(one: tuple[str, str], other: tuple[str, str]) -> bool:
    (f, wf), (g, wg) = frame_of(*one), frame_of(*other)
    same = f.counted == g.counted or f.counted in g.counted or g.counted in f.counted
    return frames_comparable(f, g, wf, wg, same)


@pytest.mark.slow
def test_a_frame_reads_what_is_counted_and_by_which_verb():
    frame, _ = frame_of("The airline will lay off 300 pilots at its Leeds base.", "300")
    assert frame.counted == "pilot" and frame.predicate == "lay off" and frame.prospect
    share, _ = frame_of("Attendance among students was 40 percent.", "40 percent")
    assert share.counted == "attendance" and "student" in share.restriction and share.predicate == ""


@pytest.mark.slow
def test_two_figures_of_one_count_are_comparable():
    assert comparable(("The mill employs 800 people.", "800"), ("The mill employs 650 workers.", "650"))
    assert comparable(("Rescuers pulled 12 survivors from the rubble.", "12"),
                      ("Rescuers pulled nine survivors from the rubble.", "nine"))


@pytest.mark.slow
def test_figures_of_other_counts_scopes_or_times_are_not():
    # Another predicate and another noun: a cut is not a headcount.
    assert not comparable(("The mill cut 300 jobs last spring.", "300"), ("The mill employs 650 workers.", "650"))
    # A share of a subset against the whole.
    assert not comparable(("Attendance among students was 40 percent.", "40 percent"),
                          ("Attendance was 25 percent, the lowest in a decade.", "25 percent"))
    # A count under a condition against a plain one; a forecast against a fact.
    assert not comparable(("As many as 900 homes would flood if the levee failed.", "900"),
                          ("The storm flooded 400 homes.", "400"))
    # Two periods: one night against another.
    assert not comparable(("Firefighters rescued 15 people overnight.", "15"),
                          ("Firefighters rescued 30 people on Friday morning.", "30"))


@pytest.mark.slow
def test_who_acted_and_whom_it_befell_are_other_counts():
    assert not comparable(("Witnesses said two people were shooting at each other in the street.", "two"),
                          ("At least three people were taken to the hospital after the shooting.", "three"))
    assert not comparable(("Two customers robbed the bakery on Main Street.", "Two"),
                          ("Three customers were hurt in the bakery robbery.", "Three"))
    # Both counts of whom it befell, or both of who acted: still one count.
    assert comparable(("A gunman shot four people outside the club.", "four"),
                      ("Five people were shot outside the club.", "Five"))
    assert comparable(("Two men robbed the bakery.", "Two"), ("Three men robbed the bakery.", "Three"))


@pytest.mark.slow
def test_a_count_at_one_spot_is_no_rival_of_the_whole():
    assert not comparable(("Officers found the bodies of two people at the home.", "two"),
                          ("Three people were killed in the attack.", "Three"))
    assert not comparable(("One man was found dead outside.", "One"), ("Two men were found dead.", "Two"))
    # Both at the same spot: still one count.
    assert comparable(("Two people were shot at the bar.", "Two"), ("Three people were shot at the bar.", "Three"))
    assert not comparable(("Six people were taken there.", "Six"), ("Eleven people were taken to hospitals.", "Eleven"))
    # A named destination: those taken there are a part.
    assert not comparable(("Paramedics took two victims to Stroger Hospital.", "two"),
                          ("Three victims were taken to hospitals.", "Three"))
    assert comparable(("Paramedics took two victims to Stroger Hospital.", "two"),
                      ("Paramedics took three victims to Stroger Hospital.", "three"))


@pytest.mark.slow
def test_the_dead_the_hurt_and_the_shot_are_three_counts():
    assert not comparable(("The gunman killed three officers.", "three"), ("The gunman shot six officers.", "six"))
    assert not comparable(("Nine people were wounded in the attack.", "Nine"),
                          ("Ten people were killed in the attack.", "Ten"))
    assert not comparable(("Two people were found shot dead.", "Two"), ("Four people were found shot.", "Four"))
    # One toll told with other words: still one count.
    assert comparable(("Three people were killed in the attack.", "Three"), ("Four people died in the attack.", "Four"))


@pytest.mark.slow
def test_a_toll_told_under_one_verb_only_is_another_happening():
    assert not comparable(("Two teens accidentally shot themselves.", "Two"),
                          ("One teen was playing with the gun.", "One"))
    assert not comparable(("One person was killed.", "One"), ("Two people are in critical condition.", "Two"))
    # The toll read from the word after the object, wherever the parser hangs it.
    assert comparable(("The shooting in New Orleans left 19 people injured.", "19"),
                      ("As many as 17 people were injured in the shooting.", "17"))


@pytest.mark.slow
def test_a_count_over_several_happenings_is_a_wider_scope():
    assert not comparable(("Twelve people were wounded in shootings across the city on Sunday.", "Twelve"),
                          ("Two people were wounded in a shooting in the city on Sunday.", "Two"))
    assert comparable(("Two people were shot in the legs on Sunday.", "Two"), ("Three people were shot on Sunday.", "Three"))
    # (a phrase after the last of joined verbs may scope them all)
    assert not comparable(("Four people were killed and seven injured in shootings across the city on Sunday.", "Four"),
                          ("Three people were killed in a shooting on Sunday.", "Three"))
    assert comparable(("Four people were killed and seven injured in the shooting on Sunday.", "Four"),
                      ("Three people were killed in the shooting on Sunday.", "Three"))


@pytest.mark.slow
def test_a_part_of_a_period_narrows_the_count():
    assert not comparable(("Smith scored 10 points in the first half.", "10"), ("Smith scored 24 points.", "24"))
    assert not comparable(("Smith scored five points during a late run.", "five"), ("Smith scored 24 points.", "24"))
    assert comparable(("Smith scored 10 points in the first half.", "10"),
                      ("Smith scored 12 points in the first half.", "12"))


@pytest.mark.slow
def test_other_nouns_and_a_groups_size_are_other_counts():
    assert not comparable(("Police described a dispute between two groups of people.", "two"),
                          ("Four people were shot.", "Four"))
    assert not comparable(("He fired at a group of four teenagers.", "four"), ("Two teens were shot.", "Two"))
    # Two nouns in a toll, however alike: a part ("two bailiffs" of "four people", "two men" of "three people").
    assert not comparable(("The gunman shot two bailiffs.", "two"), ("Four people were shot.", "Four"))
    f, wf = frame_of("Two men were wounded.", "Two")
    g, wg = frame_of("Three people were wounded.", "Three")
    assert not frames_comparable(f, g, wf, wg, same_counted=True)
    assert comparable(("One man was wounded.", "One"), ("Two men were wounded.", "Two"))
    assert comparable(("One person was killed.", "One"), ("Two people were killed.", "Two"))
    # How often is not how many.
    assert not comparable(("She was shot seven times in the street.", "seven"),
                          ("He shot two officers and four civilians.", "four"))


@pytest.mark.slow
def test_figures_of_two_subjects_are_other_counts():
    # What someone did or has belongs to its subject: a name against another subject.
    assert not comparable(("Maria Lopez fired two shots.", "two"), ("A deputy fired one shot.", "one"))
    assert not comparable(("Lorne Ahrens served 14 years on the force.", "14 years"),
                          ("He served nine years on the force.", "nine years"))
    # A personal pronoun may stand for anyone: "he" of one report is not surely the other's "he".
    assert not comparable(("He had 269 yards rushing this season.", "269"),
                          ("He had 150 yards rushing this season.", "150"))
    assert comparable(("He shot four people.", "four"), ("He shot three people.", "three"))  # a toll's doer
    # A name the tagger reads as a common noun is still a name, by its entity label.
    assert not comparable(("Sanders needs 836 delegates to clinch the nomination.", "836"),
                          ("A candidate needs 2,383 delegates to win the nomination.", "2,383"))
    # A possessor owns the figure: "his 14 points" may be anyone's, "Charles' 226 yards" are Charles's.
    assert not comparable(("His 14 points led the team.", "14"), ("Smith's 12 points led the team.", "12"))
    assert not comparable(("Charles' 226 yards led the league.", "226"), ("Peterson's 352 yards led the league.", "352"))
    # A participle or gerund without its own subject is its clause's subject's deed.
    assert not comparable(("Echenique scored 11 points in the game.", "11"),
                          ("Artino complemented him inside by scoring six points.", "six"))
    assert not comparable(("Smith needed 13 points to break the record.", "13"),
                          ("He came in needing 11 points to break the record.", "11"))
    # One subject written two ways is one owner.
    assert comparable(("The Bank of Valdoria raised its rate to 4.5%.", "4.5%"),
                      ("Valdoria's central bank raised its rate to 4.75%.", "4.75%"))
    # A toll's subject is whoever did the harm, which each report names its own way.
    assert comparable(("A gunman shot four people.", "four"), ("The suspect shot three people.", "three"))
    assert comparable(("Smith shot four people.", "four"), ("The suspect shot three people.", "three"))
    # Two descriptions may be one referent told two ways.
    assert comparable(("The plant employs 3,100 workers.", "3,100"), ("The site employs 2,400 workers.", "2,400"))


@pytest.mark.slow
def test_a_count_over_a_bounded_span_of_time_is_a_narrower_count():
    assert not comparable(("Gray had been arrested three times since October.", "three"),
                          ("Gray had previously been arrested four times.", "four"))
    assert comparable(("Gray had been arrested three times since October.", "three"),
                      ("Gray had been arrested four times since October.", "four"))


@pytest.mark.slow
def test_a_headline_count_takes_its_participle_s_time():
    assert not comparable(("12 wounded in Chicago shootings throughout the day", "12"),
                          ("13 injured in separate shootings around Chicago since Tuesday", "13"))
    assert comparable(("12 wounded in shootings across Chicago on Sunday", "12"),
                      ("13 wounded in shootings across Chicago on Sunday", "13"))


@pytest.mark.slow
def test_found_with_wounds_tells_what_befell_those_counted():
    frame, _ = frame_of("Two were found with gunshot wounds.", "Two")
    assert frame.toll == "hurt"
    assert not comparable(("Police were searching for four shooting suspects.", "four"),
                          ("Two were found with gunshot wounds.", "Two"))
    assert frame_of("Three men were charged with murder.", "Three")[0].toll == ""


@pytest.mark.slow
def test_hearsay_asserts_no_figure():
    assert frame_of("The deal is believed to be worth about $160 million.", "$160 million")[0].hedged
    assert frame_of("The club has reportedly offered seven years.", "seven years")[0].hedged
    assert not comparable(("The club has reportedly offered $150 million.", "$150 million"),
                          ("The club has offered $184 million.", "$184 million"))
    # an attributed figure is asserted by its source; one beside a hearsay clause is the outlet's own
    assert not frame_of("Police said three men were arrested.", "three")[0].hedged
    assert not frame_of("Three men are in custody and are believed to have been involved.", "Three")[0].hedged


@pytest.mark.slow
def test_two_deeds_are_other_counts():
    assert not comparable(("One patient remains hospitalized.", "One"),
                          ("Two patients were transferred to waiting ambulances.", "Two"))
    assert not comparable(("He heard two gunshots.", "two"), ("Three shots were fired inside the building.", "Three"))
    # Verbs that tell one deed (frames_comparable's one_deed, from close verbs or alike windows).
    f, wf = frame_of("Dockers will get a 6% pay rise over two years.", "6%")
    g, wg = frame_of("Dockers will receive a 6.5% pay rise over two years.", "6.5%")
    assert not frames_comparable(f, g, wf, wg, True) and frames_comparable(f, g, wf, wg, True, one_deed=True)


@pytest.mark.slow
def test_a_state_and_a_deed_are_other_counts():
    assert not comparable(("Three men are in custody.", "Three"), ("Two men were having an argument outside.", "Two"))
    # Unless both say what befell those counted.
    assert comparable(("Three people are dead.", "Three"), ("Four people were killed.", "Four"))
    # A state narrows those counted: the stable victims are not all the victims.
    assert not comparable(("Four victims are stable.", "Four"), ("There are a total of six victims.", "six"))
    assert comparable(("Three people are in custody.", "Three"), ("Four people are in custody after the shooting.", "Four"))
