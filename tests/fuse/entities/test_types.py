"""Entity types from evidence: context cues and the vote by article."""

from __future__ import annotations

import pytest

from newsfuse.fuse.entities.types import NOT_PERSON, PERSON, Vote, context_cue, resolve, type_class


def cue(sentence: str, name: str) -> str | None:
    start = sentence.index(name)
    return context_cue(sentence, start, start + len(name))


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("He met President Sharaa on Monday.", "Sharaa", PERSON),
        ("He met Mr. Sharaa on Monday.", "Sharaa", PERSON),
        ("Kremlin spokesman Dmitry Peskov said so.", "Dmitry Peskov", PERSON),
        ("Police said a 43-year-old Smith was held.", "Smith", PERSON),
        ("Ms Page smiled.", "Ms Page", PERSON),  # the honorific inside a span tagged ORG
        ("The base in Tartus stays open.", "Tartus", "GPE"),
        ("The navy uses the port city of Tartus.", "Tartus", "GPE"),
        ("Fighting reached Idlib province.", "Idlib", "GPE"),
        ("Jets left the Hmeimim air base.", "Hmeimim", "FAC"),
        ("Jets left Khmeimim airbase.", "Khmeimim", "FAC"),
        ("Jets left the Hmeimim Air Base.", "the Hmeimim Air Base", "FAC"),
        ("She entered Betty Ford Treatment Center on Monday.", "Betty Ford Treatment Center", "FAC"),  # tagged PERSON
        ("Betty Ford spoke at the clinic.", "Betty Ford", None),  # the noun after the name is not its own
        ("Nothing new in Obama's speech.", "Obama", None),  # a possessive is not a place
        ("Officials at the Kremlin said no.", "Kremlin", NOT_PERSON),
        ("Sharaa spoke first.", "Sharaa", None),
        ("That is what the president. Smith said later.", "Smith", None),  # not a title
    ],
)
def test_context_cues(sentence, name, expected):
    assert cue(sentence, name) == expected


def test_each_article_votes_once():
    votes = [Vote("a", "ORG", False)] * 5 + [Vote(x, "PERSON", False) for x in "bcd"]
    assert resolve(votes) == "PERSON"


def test_full_names_outvote_bare_words_in_their_article():
    votes = [Vote("a", "PERSON", True)] + [Vote("a", "ORG", False)] * 6
    assert resolve(votes) == "PERSON"
    assert resolve([Vote("a", "ORG", False)] * 6) == "ORG"


def test_cues_outvote_labels():
    ports = [Vote(x, "ORG", False, "GPE") for x in "abc"] + [Vote("d", "ORG", False)]
    assert resolve(ports) == "GPE"
    base = [Vote(x, "NORP", False, "FAC") for x in "abc"]
    assert resolve(base) == "FAC" and type_class("FAC") == "PLACE"
    # A place cue keeps spaCy's own place label.
    assert resolve([Vote("a", "LOC", False, "GPE")]) == "LOC"


def test_a_title_and_a_full_name_tagged_person_make_a_person():
    votes = [Vote(x, "ORG", True) for x in "abcdef"] + [Vote("g", "PERSON", True), Vote("h", "ORG", True, PERSON)]
    assert resolve(votes) == "PERSON"
    # Without the title the labels decide.
    assert resolve(votes[:-1]) == "ORG"


def test_an_article_before_a_name_is_no_vote_for_a_person():
    assert resolve([Vote("a", "PERSON", False, NOT_PERSON), Vote("b", "ORG", False)]) == "ORG"
    assert resolve([Vote("a", "PERSON", False, NOT_PERSON)]) is None
    assert resolve([]) is None


def test_ties_go_to_the_more_specific_label():
    assert resolve([Vote("a", "ORG", False), Vote("b", "PERSON", False)]) == "PERSON"
    assert resolve([Vote("a", "ORG", False), Vote("b", "GPE", False)]) == "GPE"
