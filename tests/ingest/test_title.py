"""Titles cut from the lead sentence of untitled articles."""

from __future__ import annotations

import pytest

from newsfuse.ingest.title import LEAD_TITLE_MAX_WORDS, lead_title


@pytest.mark.parametrize(
    ("paragraphs", "title"),
    [
        # short enough: the first sentence, without its full stop
        (["The harbour bridge reopened on Tuesday. Engineers worked all night."], "The harbour bridge reopened on Tuesday"),
        # the dateline and an opening adverbial go
        (
            [
                "KESTRA — Against the backdrop of a two-day strike, the operator of the island ferries "
                "shelved its rosters on Wednesday."
            ],
            "The operator of the island ferries shelved its rosters on Wednesday",
        ),
        # a long sentence is cut at a clause boundary ...
        (
            [
                "Ferry crews walked off the job on Monday in a row over rosters, "
                "which the operator says are needed to cut costs."
            ],
            "Ferry crews walked off the job on Monday in a row over rosters",
        ),
        # ... else at a late comma ...
        (
            [
                "A birthday party went out with the wrong kind of bang, leaving two guests "
                "in hospital and a kitchen in ruins."
            ],
            "A birthday party went out with the wrong kind of bang",
        ),
        # ... else before a function word, never after one; an apposition is not a place to cut
        (
            [
                "Priya Landon, the chair of the ferry union, announced a second strike on Monday in protest "
                "at the new rosters and the loss of overtime pay."
            ],
            "Priya Landon, the chair of the ferry union, announced a second strike on Monday",
        ),
        # abbreviations and initials do not end the sentence; a bracketed source and a label go
        (["(KXTV) — UPDATE: Police say Dr. J. Smith was hurt at 11 p.m. on Friday. Two others were not."], "Police say Dr. J. Smith was hurt at 11 p.m. on Friday"),
        # a note above the story is skipped for the lead
        (["Update (June 20):", "Police have charged a man over the shooting on Friday."], "Police have charged a man over the shooting on Friday"),
        # a dialogue dash goes; a quotation the cut leaves open is closed, marked as cut
        (
            [
                "— “Special, friendly relations have developed between our countries over many years of "
                "patient work and trust,” the president said."
            ],
            "“Special, friendly relations have developed between our countries over many years of patient work…”",
        ),
        (["“Relations have developed,” the president said of the talks."], "“Relations have developed,” the president said of the talks"),
    ],
)
def test_lead_title(paragraphs, title):
    got = lead_title(paragraphs, "en")
    assert got == title
    assert len(got.split()) <= LEAD_TITLE_MAX_WORDS


def test_no_text_no_title():
    assert lead_title([""], "en") == ""
    assert lead_title([], "en") == ""


def test_other_languages_keep_their_opening():
    text = "Na tle rozmów w Moskwie, prezydent spotkał się z gościem i omówił współpracę obu krajów w wielu dziedzinach."
    assert lead_title([text], "pl").startswith("Na tle rozmów w Moskwie")
