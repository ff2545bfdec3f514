"""Line patterns of site chrome: each one matches the chrome it names and leaves reporting alone."""

from __future__ import annotations

import pytest

from newsfuse.ingest import patterns as p


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Jan. 28, 2026", {"m1": "Jan.", "d1": "28", "y1": "2026"}),
        ("28th of January 2026", {"d2": "28", "m2": "January", "y2": "2026"}),
        ("2026-01-28", {"y3": "2026", "m3": "01", "d3": "28"}),
        ("28.01.2026", {"d4": "28", "m4": "01", "y4": "2026"}),
        ("1/28/26", {"a5": "1", "b5": "28", "y5": "26"}),
    ],
)
def test_a_written_date_gives_its_parts(text, fields):
    m = p.DATE_RE.search(f"Posted {text} at noon")
    assert m is not None and {k: v for k, v in m.groupdict().items() if v} == fields


@pytest.mark.parametrize("text", ["14:52", "9.30am", "10:05 GMT", "7 p.m.", "12:00:01 UTC+3"])
def test_clock_times_are_read_whole_with_their_zone(text):
    m = p.TIME_RE.search(f"Updated {text} today")
    assert m is not None and m.group(0).strip() == text  # a trailing space may come with it


def test_a_plain_number_is_no_clock_time():
    assert p.TIME_RE.search("Some 1,200 workers marched in 2026.") is None


@pytest.mark.parametrize(
    ("line", "is_byline"),
    [
        ("By Jane Doe", True),
        ("By Jane Doe and Ali Khan, Europe correspondent | 16 January 2026", True),
        ("By Jane Doe in Lisbon", True),
        ("By Tuesday the port had reopened.", False),
        ("By March 5 the talks had collapsed", False),
        ("by the end of the day", False),
    ],
)
def test_a_byline_is_told_from_a_sentence_opening_with_by(line, is_byline):
    assert bool(p.BYLINE_RE.match(line)) is is_byline


@pytest.mark.parametrize(
    ("pattern", "chrome", "reporting"),
    [
        ("LABEL_RE", "UPDATE 2 - Dockers strike again", "Update on the strike came late"),
        ("COPYRIGHT_RE", "© 2026 Coastline News. All rights reserved.", "The copyright case went to court."),
        ("TAIL_MARKER_RE", "You may also like", "You may also like the new terminal, the mayor said."),
        ("RELATED_LINK_RE", "Related: Storm damage bill tops £2m", "Related talks are planned."),
        ("CAPTION_RE", "Photo: Jane Doe/Reuters", "The photo shows the port."),
        ("TAGS_RE", "Tags: strike, port, Setúbal", "Tagged containers were moved."),
        ("CREDITS_RE", "Additional reporting by Ali Khan", "The union's reporting was accurate."),
        ("BREADCRUMB_RE", "Home > World > Europe", "Dockers walked out > 1,200 joined."),
        ("READING_TIME_RE", "5 min read", "The minister read the statement."),
        ("COMMENT_SECTION_RE", "Comments (14)", "Comments by the minister angered the union."),
        ("AUTHOR_BOX_RE", "About the author", "About 1,200 workers marched."),
        ("CMS_AUTHOR_RE", "web desk", "Jane Doe"),
        ("NAMES_ONLY_RE", "Jane Doe and Omar Haddad", "Jane Doe met Omar Haddad"),
        ("NAMED_ROLE_RE", "Ana Ruiz, Health Correspondent", "Ana Ruiz, the health minister, spoke"),
        ("ROLE_LINE_RE", "Europe editor", "The editor resigned on Monday."),
        ("TIMED_HEADLINE_RE", "14:52 Coastguard rescues two walkers", "The ferry left at 14:52."),
    ],
)
def test_each_pattern_matches_its_chrome_and_not_a_line_of_reporting(pattern, chrome, reporting):
    regex = getattr(p, pattern)
    assert regex.search(chrome), chrome
    assert not regex.search(reporting), reporting


def test_a_paywall_notice_speaks_of_subscribers_and_free_articles():
    for line in ("This article is for subscribers only.", "You have 2 free articles left.", "Already a subscriber? Log in"):
        assert p.PAYWALL_RE.search(line), line
    assert not p.PAYWALL_RE.search("Subscribers to the union's fund were paid on Friday.")


def test_a_cookie_banner_speaks_as_the_site_and_a_news_sentence_does_not():
    banner = "We use cookies to give you the best experience. Manage your preferences."
    news = "'We use cookies to sell ads,' the company said."
    assert p.COOKIE_RE.search(banner) and p.SITE_VOICE_RE.search(banner) and p.CONSENT_RE.search(banner)
    assert p.COOKIE_RE.search(news) and p.REPORTED_SPEECH_RE.search(news)
    assert not p.REPORTED_SPEECH_RE.search(banner)


def test_a_site_name_after_a_headline_is_split_off():
    m = p.TITLE_SITE_RE.match("Ferry strike strands thousands | Harrowgate Courier")
    assert m is not None and (m["title"], m["site"]) == ("Ferry strike strands thousands", "Harrowgate Courier")
    assert p.TITLE_SITE_RE.match("Short | Site") is None  # a title of a few letters is not split


def test_relative_times_and_weekdays():
    for text in ("3 hours ago", "Updated 2 days ago", "just now", "an hour ago"):
        assert p.RELATIVE_TIME_RE.search(text), text
    assert not p.RELATIVE_TIME_RE.search("Three hours later the ship sailed.")
    assert [m.group(0) for m in p.WEEKDAY_RE.finditer("Talks on Tues. and Thursday; Sundays off")] == ["Tues.", "Thursday"]


def test_a_photo_credit_closes_a_caption_and_an_email_or_link_is_found():
    assert p.CREDIT_END_RE.search("Dockers at the gate (Xinhua/Peter Mwangi)")
    assert not p.CREDIT_END_RE.search("The union (and its allies) marched.")
    for text in ("Write to news@example.org", "See https://example.org", "Visit www.example.org"):
        assert p.EMAIL_OR_URL_RE.search(text), text
    assert not p.EMAIL_OR_URL_RE.search("The minister spoke at 9.30 in Lisbon.")
