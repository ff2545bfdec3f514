"""find_times on sentences we wrote: spans, TIMEX3 values, anchoring by tense and context."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.nlp.time.tag import find_times, find_times_and_date
from tests.conftest import SEEDS, needs_seeds

pytestmark = pytest.mark.slow

WEDNESDAY = date(2026, 1, 28)  # the report's date in most cases below


def _times(nlp, text, dct=WEDNESDAY):
    return find_times(nlp(text), dct)


def _values(nlp, text, dct=WEDNESDAY):
    return [(t.text, t.value) for t in _times(nlp, text, dct)]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # A coming meeting is the next such weekday (the report's own day counts) ...
        ("Putin will hold talks on Wednesday with the Syrian leader.", WEDNESDAY, "2026-01-28"),
        ("Putin will hold talks on Wednesday with the Syrian leader.", date(2026, 1, 26), "2026-01-28"),
        ("The two presidents are set to meet on Friday.", WEDNESDAY, "2026-01-30"),
        ("The leaders plan to sign the deal on Friday.", WEDNESDAY, "2026-01-30"),
        # ... a past one the last.
        ("The two leaders held talks on Wednesday.", date(2026, 1, 30), "2026-01-28"),
        ("The minister said on Friday that talks had failed.", WEDNESDAY, "2026-01-23"),
        ("Officials met Monday in Geneva.", WEDNESDAY, "2026-01-26"),
        # The progressive is a plan when the date hangs on the verb, not when it dates a noun.
        ("The two presidents are meeting on Friday.", WEDNESDAY, "2026-01-30"),
        ("Police are investigating a shooting on Friday night.", WEDNESDAY, "2026-01-23TNI"),
        # A plan or bound seen from a past of its own is past: "had been due", "until ... had not".
        ("The offer had been due to expire on Friday.", WEDNESDAY, "2026-01-23"),
        ("Until Monday, the police had not named a suspect.", WEDNESDAY, "2026-01-26"),
        ("The offer is due to expire on Friday.", WEDNESDAY, "2026-01-30"),
        # A plain present event verb is a coming event; a present reporting verb or a verb whose
        # past looks the same ("hurt") is not, nor a weekday on a noun.
        ("The two leaders meet separately on Friday in Geneva.", WEDNESDAY, "2026-01-30"),
        ("The new rules take effect on Monday.", WEDNESDAY, "2026-02-02"),
        ("The minister says on Monday that talks failed.", WEDNESDAY, "2026-01-26"),
        ("Weak chip stocks hurt the index on Monday.", WEDNESDAY, "2026-01-26"),
        ("The move follows Monday's decision by the board.", WEDNESDAY, "2026-01-26"),
    ],
)
def test_weekday_follows_the_tense(nlp, text, dct, expected):
    [t] = _times(nlp, text, dct)
    assert t.value == expected


def test_months_ago_and_mid_month(nlp):
    text = "His previous visit took place slightly more than three months ago, in mid-October."
    ago, october = _times(nlp, text)
    assert (ago.value, october.value, october.mod) == ("2025-10", "2025-10", "MID")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports fell last year.", "2025"),
        ("Exports will rise next month.", "2026-02"),
        ("The company reported a loss in December.", "2025-12"),
        ("The company will report its results in December.", "2026-12"),
        ("The treaty was signed on April 3.", "2025-04-03"),
        ("The summit is scheduled for March 3.", "2026-03-03"),
        ("The dividend was declared, payable Feb. 14.", "2026-02-14"),
        ("Inflation rose this year.", "2026"),
        ("Talks resumed last week.", "2026-W04"),
        ("Prices rose early next year.", "2027"),
        ("Sales rose yesterday.", "2026-01-27"),
        ("The strike began last October.", "2025-10"),
        ("Protests are planned for next Friday.", "2026-01-30"),
    ],
)
def test_relative_dates(nlp, text, expected):
    [t] = _times(nlp, text)
    assert t.value == expected


def test_the_day_before_and_later_count_from_the_date_just_named(nlp):
    text = "The ceasefire began on March 3, 2024. It collapsed two days later. Troops had moved the day before."
    assert _values(nlp, text) == [("March 3, 2024", "2024-03-03"), ("two days later", "2024-03-05"),
                                  ("the day before", "2024-03-04")]


def test_that_year_names_the_year_of_the_date_just_named(nlp):
    text = "He fled in June 1998 and returned later that year. The blast came three hours ago."
    assert _values(nlp, text) == [("June 1998", "1998-06"), ("later that year", "1998"),
                                  ("three hours ago", "2026-01-28")]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The talks lasted 2.5 hours.", "DURATION", "PT2H30M"),
        ("It was a three-day visit.", "DURATION", "P3D"),
        ("The war lasted nearly two years.", "DURATION", "P2Y"),
        ("They have been in talks for months.", "DURATION", "PXM"),
        ("Rallies are held every Thursday.", "SET", "XXXX-WXX-4"),
        ("The paper is published daily.", "SET", "P1D"),
        ("Fees rose to $40 a year.", "SET", "P1Y"),
        ("Rock music changed in the 1950s.", "DATE", "195"),
        ("Prices are rising now.", "DATE", "PRESENT_REF"),
        ("Relations have improved recently.", "DATE", "PAST_REF"),
        ("They may meet again in the future.", "DATE", "FUTURE_REF"),
        ("The league could one day be the largest.", "DATE", "FUTURE_REF"),
        ("He had been in the job one day.", "DURATION", "P1D"),
        ("The blast came at 10:35 a.m. Friday.", "TIME", "2026-01-23T10:35"),
        ("He was shot around 5:08 p.m. Thursday night.", "TIME", "2026-01-22T17:08"),
        ("She spoke to 24-Hour News 8 about the case.", "", ""),
        ("Sales rose in the third quarter of 2025.", "DATE", "2025-Q3"),
        ("The law dates from the 19th century.", "DATE", "18"),
        ("She spoke this morning.", "TIME", "2026-01-28TMO"),
        ("The shop will close on Christmas Day.", "DATE", "2026-12-25"),
        ("The results came out on 2025-06-30.", "DATE", "2025-06-30"),
    ],
)
def test_durations_sets_decades_and_more(nlp, text, kind, value):
    times = _times(nlp, text)
    assert [(t.type, t.value) for t in times] == ([(kind, value)] if kind else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quarter told in the past has begun; the nearest one otherwise, whatever the tense.
        ("Third-quarter profit rose 5%.", "2024-Q3"),
        ("The company expects third-quarter profit to rise.", "2025-Q3"),
        ("First-quarter sales fell.", "2025-Q1"),
    ],
)
def test_quarter_by_tense(nlp, text, expected):
    [t] = _times(nlp, text, date(2025, 5, 14))
    assert t.value == expected


def test_a_quarter_named_with_a_year_is_the_report_s_quarter_in_that_year(nlp):
    # "the 2024 quarter" is the quarter under discussion, a year back; never a count of 2024 quarters.
    text = "Profit rose in the third quarter of 2025. It had fallen in the 2024 quarter."
    assert _values(nlp, text, date(2025, 10, 20)) == [("the third quarter of 2025", "2025-Q3"),
                                                      ("the 2024 quarter", "2024-Q3")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A capitalised relative word inside a sentence names a show, also in quotes after a name.
        ("The minister told ABC's This Week that talks had failed.", []),
        ('The minister told ABC\'s "This Week" that talks had failed.', []),
        ('The minister told CBS "This Morning" that talks had failed.', []),
        # A quote that opens a sentence keeps its time.
        ('He said, "Today we start again."', [("Today", "2026-01-28")]),
        ('"This week was hard," he said.', [("This week", "2026-W05")]),
    ],
)
def test_titles_are_not_times(nlp, text, expected):
    assert _values(nlp, text) == expected


def test_that_day_after_a_month_is_a_day_of_that_month(nlp):
    text = "The doctor was shot last October. His name was taken off the list that same day."
    assert _values(nlp, text) == [("last October", "2025-10"), ("that same day", "2025-10-XX")]
    # After a named day it is that day, and with no date before it the report's own.
    text = "The doctor was shot on Oct. 23. His name was taken off the list that same day."
    assert _values(nlp, text)[-1] == ("that same day", "2025-10-23")
    assert _values(nlp, "His name was taken off the list that same day.") == [("that same day", "2026-01-28")]


def test_a_then_current_value_is_a_past_one(nlp):
    text = "Holders could buy shares at half the then-current price; the current price is higher."
    assert _values(nlp, text) == [("then-current", "PAST_REF"), ("current", "PRESENT_REF")]


def test_the_quarter_is_the_last_calendar_quarter_whatever_day_it_ended(nlp):
    # Reading a fiscal quarter from its end date ("ended July 31" → Q2) lost values on both
    # halves of TimeBank (cross-fit of 2026-12-07), so the end date does not move it.
    text = "In the quarter ended July 31, profit rose. The quarter ended Sept. 30 was weak."
    values = [t.value for t in _times(nlp, text, date(2025, 10, 20)) if t.text.lower() == "the quarter"]
    assert values == ["2025-Q3", "2025-Q3"]


def test_mods(nlp):
    mods = {t.text: t.mod for t in _times(nlp, "In early 2024 and late November, for more than three weeks.")}
    assert mods == {"early 2024": "START", "late November": "END", "more than three weeks": "MORE_THAN"}


def test_without_a_date_what_nothing_anchors_stays_unknown(nlp):
    text = "The president visited in mid-October and will return on Wednesday, January 28."
    assert [t.value for t in _times(nlp, text, None)] == ["XXXX-10", "XXXX-01-28"]
    weekday = _times(nlp, "Officials met on Monday.", None)
    assert [t.value for t in weekday] == ["XXXX-WXX-1"]


def test_without_a_date_the_report_s_own_date_anchors(nlp):
    text = ("Posted: Wednesday, January 28, 2026. The presidents meet in Moscow today. "
            "Their previous meeting, in October, lasted two hours.")
    assert _values(nlp, text, None) == [("Wednesday, January 28, 2026", "2026-01-28"), ("today", "2026-01-28"),
                                        ("October", "2025-10"), ("two hours", "PT2H")]
    # The date is handed back, so the pipeline can adopt it and get the same values.
    times, own, basis = find_times_and_date(nlp(text), None)
    assert (own, basis) == ("2026-01-28", "text")
    assert find_times(nlp(text), date(2026, 1, 28)) == times
    assert find_times_and_date(nlp(text), date(2026, 1, 28))[1:] == (None, "")


def test_a_past_event_s_date_anchors_but_does_not_date_the_report(nlp):
    # The report may come days after the meeting: "in October" is still last October, but
    # January 28 is not the report's date.
    text = ("The presidents met in Moscow on Wednesday, January 28, 2026. "
            "Their previous meeting, in October, lasted two hours.")
    times, own, basis = find_times_and_date(nlp(text), None)
    assert [(t.text, t.value) for t in times] == [("Wednesday, January 28, 2026", "2026-01-28"),
                                                  ("October", "2025-10"), ("two hours", "PT2H")]
    assert (own, basis) == (None, "")


def test_spans_and_sentences_point_into_the_text(nlp):
    text = "Talks began on Monday. They will end next week.\n\nA deal is expected in March."
    doc = nlp(text)
    times = find_times(doc, WEDNESDAY)
    assert [t.sentence for t in times] == [0, 1, 2]
    for t in times:
        assert text[t.start : t.end] == t.text
    given = find_times(doc, WEDNESDAY, {i: 7 for i in range(len(doc))})
    assert {t.sentence for t in given} == {7}


def test_names_and_spoken_years(nlp):
    assert _times(nlp, "Thousands joined the annual March for Life in the capital.") == ()
    assert _times(nlp, "She marched at the head of the ``March of the Combatant Mothers.''") == ()
    assert _values(nlp, "Unemployment was to be halved by the year two thousand.") == [
        ("the year two thousand", "2000")]


def test_nothing_to_find(nlp):
    assert _times(nlp, "The minister spoke to reporters in the capital.") == ()
    assert find_times(nlp(""), WEDNESDAY) == ()


@needs_seeds
def test_seed_report_of_a_coming_meeting(nlp):
    path = next(SEEDS.glob("000_*.txt"))
    times = find_times(nlp(path.read_text(encoding="utf-8")), WEDNESDAY)
    by_text = {t.text: t.value for t in times}
    assert by_text["Wednesday"] == "2026-01-28"
    assert by_text["mid-October"] == "2025-10"
    assert by_text["January 29, 2025"] == "2025-01-29"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A clock time takes the day its sentence names after it, in any form of date.
        ("The attack happened at around 3 p.m. local time (1300 GMT) on Monday.",
         [("around 3 p.m. local time", "2026-01-26T15:00"), ("1300 GMT", "2026-01-26T13:00"), ("Monday", "2026-01-26")]),
        ("The meeting is scheduled for 10:30 a.m. ET on March 25.", [("10:30 a.m. ET on March 25", "2026-03-25T10:30")]),
        ("Last updated 13:26 14/09/2025", [("13:26 14/09/2025", "2025-09-14T13:26")]),
        # ... but not one named in another sentence after it.
        ("Shares closed at 4 p.m. in London. The vote will be held on Friday.",
         [("4 p.m.", "2026-01-28T16:00"), ("Friday", "2026-01-30")]),
    ],
)
def test_clock_time_takes_its_day(nlp, text, expected):
    assert _values(nlp, text) == expected


def test_range_end_is_not_before_its_start(nlp):
    # In January a bare December is last year's; the March it runs to comes after it.
    assert _values(nlp, "The exhibition ran from December to March.") == [
        ("December", "2025-12"), ("March", "2026-03")]
    assert _values(nlp, "The season runs from late April to early October.", date(2026, 3, 20)) == [
        ("late April", "2026-04"), ("early October", "2026-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What someone is told or scheduled to do comes after the telling.
        ("Congress subpoenaed the boy to testify on Feb. 10.", "2026-02-10"),
        ("The issue will dominate a summit set for Washington in April.", "2026-04"),
        ("The issue dominated talks before a summit set for Washington in April.", "2026-04"),
        # An infinitive that is a subject takes the tense of the main verb, not a plan's.
        ("The first countries to join the alliance on Friday were Poland and Hungary.", "2026-01-23"),
        # "the week of March 6" is that week.
        ("A hearing will be held the week of March 6.", "2026-W10"),
    ],
)
def test_plans_and_weeks(nlp, text, expected):
    [t] = _times(nlp, text)
    assert t.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft patched a zero-day flaw in its browser.",
        "The Colts took a 20-13 lead in the fourth quarter.",
        "Luck led a fourth-quarter touchdown drive.",
    ],
)
def test_terms_and_game_periods_are_not_times(nlp, text):
    assert _times(nlp, text) == ()


def test_a_business_half_year_is_kept_among_words_that_look_sporty(nlp):
    text = "The firm expects to bring its yard cranes into full service in the first half of next year."
    assert _values(nlp, text) == [("the first half of next year", "2027-H1")]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # What something will do in a half or quarter is in one that has not ended ...
        ("The bank plans to lend more in the second half.", date(2026, 3, 20), "2026-H2"),
        ("The plant will run at full capacity in the fourth quarter.", date(2026, 2, 10), "2026-Q4"),
        # ... but results to be told may be of one just ended, and a past verb keeps the past.
        ("The company will report a loss for the third quarter.", date(2026, 10, 20), "2026-Q3"),
        ("Sales rose in the second half.", date(2026, 3, 20), "2025-H2"),
    ],
)
def test_a_period_to_come_has_not_ended(nlp, text, dct, expected):
    [t] = _times(nlp, text, dct)
    assert t.value == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # A plain present-tense event verb is how news writes what is coming ...
        ("The new law takes effect in July.", date(2026, 1, 10), "2026-07"),
        ("The festival returns in June.", date(2026, 8, 10), "2027-06"),
        # ... while a past verb, or a present that is no plan, keeps the nearest month before.
        ("The law took effect in December.", date(2026, 1, 10), "2025-12"),
        ("Sales in December were strong.", date(2026, 1, 10), "2025-12"),
    ],
)
def test_a_bare_month_takes_the_year_its_verb_and_the_report_date_imply(nlp, text, dct, expected):
    [t] = _times(nlp, text, dct)
    assert t.value == expected


def test_a_street_block_is_no_year(nlp):
    assert _values(nlp, "Police responded to the 1300 block of North Erie Street in 2016.") == [("2016", "2016")]


def test_bill_flight_and_section_numbers_are_no_years(nlp):
    text = ("Arizona's SB 1062 died in 2014; Flight 1549 and Section 230 came up, "
            "as did Title IX and H.R. 1599.")
    assert _values(nlp, text) == [("2014", "2014")]


@pytest.mark.parametrize(
    "text",
    ["Sales for the full year were $6.6 billion.", "Net income rose in the first nine months of the year.",
     "Earnings will be lower for the fiscal year."],
)
def test_the_year_of_the_report(nlp, text):
    [t] = [t for t in _times(nlp, text) if "year" in t.text]
    assert t.value == "2026"
