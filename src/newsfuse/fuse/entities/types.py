"""Entity types from evidence: spaCy's labels voted by article, full names over bare words, and the words around a mention.

spaCy's small model labels each mention on its own and is noisy on names it
does not know: one man is PERSON as "Muammar al-Gaddafi", ORG as "Al-Gaddafi" in a
headline and GPE as "al-Gaddafi" elsewhere; a port city is ORG. An entity's type is
therefore not the majority of its raw mention labels but a vote where

* each article has one vote, so an article that repeats a name ten times does
  not outvote four that name it once;
* within an article, full names ("Muammar al-Gaddafi") outvote bare words
  ("Gaddafi"): the model labels a given name + surname far more reliably than a
  surname alone;
* a mention whose surrounding words settle its kind votes for that kind: a title
  before it ("President X", "Mr X", "spokesman X", "a 43-year-old X") for a
  person; "in X", "the port city of X", "X province", "X air base" for a place;
  a name that ends in an institution noun ("X Treatment Center") for a facility;
  an article before it ("the X") against a person.

The cue words are general English (prepositions, titles, place nouns), never
names; each family's precision is measured on ECB+ gold mention types.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from newsfuse.lexicon import HONORIFICS, PERSON_TITLES

# Within an article that names an entity both in full and by a bare word, the full
# names hold this share of the article's vote. Type accuracy on ECB+ train/dev gold
# mention types, 2026-05: see docs/quality.md.
FULL_FORM_SHARE = 2 / 3
# A mention with a context cue counts this many times a mention without one.
CUE_WEIGHT = 5.0

# Words right before a name that put it in a place ("in Mosul", "into Iraq").
PLACE_BEFORE = frozenset("in into near outside across throughout".split())
# Place nouns: "the port city of X", "X province", "X air base".
PLACE_NOUNS = frozenset(
    """city town village port capital province region district county state island
    coast border river valley suburb neighbourhood neighborhood municipality
    governorate prefecture""".split()
)
FACILITY_NOUNS = frozenset("base airbase airfield airport harbour harbor".split())
# Nouns that end the names of institutions, never of people ("Betty Ford Treatment Center", "Mercy
# Hospital"): a name ending in one is a facility, whatever the tagger says of its first words.
INSTITUTION_NOUNS = frozenset("center centre clinic hospital hotel prison".split())

PERSON = "PERSON"
NOT_PERSON = "NOT_PERSON"
_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?|\d[\w-]*|[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s?$")
_YEAR_OLD = re.compile(r"\d+-year-old$|^year-old$")
_CLASS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "NORP": "NORP"}
# Tie-break between labels with equal votes: the more specific reading first.
_LABEL_PRIORITY = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
_RANK = {label: i for i, label in enumerate(_LABEL_PRIORITY)}


def type_class(label: str) -> str:
    """The coarse class a spaCy label belongs to: PERSON, ORG, PLACE, NORP or OTHER."""
    return _CLASS.get(label, "OTHER")


def context_cue(text: str, start: int, end: int) -> str | None:
    """What the words around the mention ``text[start:end]`` say it is.

    Returns "PERSON", "GPE" (a place), "FAC" (a facility), "NOT_PERSON" or None.
    """
    inside = _WORD.findall(text[start:end])
    before = _WORD.findall(text[max(0, start - 40) : start])
    after = _WORD.findall(text[end : end + 30])
    first = inside[0].casefold() if inside else ""
    prev = before[-1].casefold() if before else ""
    if prev == "." and len(before) >= 2 and len(before[-2]) <= 4:
        prev = before[-2].casefold()  # "Mr. Smith", "Gov. Brown"; not "the president. Smith"
    if first in HONORIFICS or prev in PERSON_TITLES or _YEAR_OLD.search(prev):
        return PERSON
    nxt = [w.casefold() for w in after[:2]]
    if len(inside) >= 2 and inside[-1].casefold() in FACILITY_NOUNS | INSTITUTION_NOUNS:
        return "FAC"  # the name's own head: "the Bagram Air Base"
    if nxt and (nxt[0] in FACILITY_NOUNS or (len(nxt) == 2 and nxt[0].isalpha() and nxt[1] in FACILITY_NOUNS)):
        return "FAC"  # "Bagram airbase", "the Bagram air base"
    if nxt and nxt[0] in PLACE_NOUNS:
        return "GPE"
    possessive = _POSSESSIVE.search(text[start:end]) is not None or text[end : end + 1] in ("'", "’")
    if prev in PLACE_BEFORE and not possessive:  # not "in Obama's speech"
        return "GPE"
    if prev == "of" and len(before) >= 2 and before[-2].casefold() in PLACE_NOUNS:
        return "GPE"
    if prev == "the" or first == "the":
        return NOT_PERSON
    return None


@dataclass(frozen=True, slots=True)
class Vote:
    """One tagged mention's say in its entity's type."""

    article: str
    label: str  # spaCy's label
    full: bool  # a full name of proper-noun words ("Muammar al-Gaddafi"), not a bare word or "Warship Sukanya"
    cue: str | None = None  # from ``context_cue``


def resolve(votes: Iterable[Vote]) -> str | None:
    """The label an entity's mentions vote for (None when no mention has a say).

    Steps:
    1. a full name tagged PERSON somewhere, with a title before one of the mentions
       ("Ms Page" beside "Bettie Page"), makes a person whatever the other labels say;
    2. otherwise each article's vote is shared between its full names and its bare
       words, and within each part between its mentions (cued ones weigh more);
    3. the class with most votes wins, then its most voted label.
    """
    votes = list(votes)
    # 1. two independent signs of a person
    if any(v.full and v.label == PERSON for v in votes) and any(v.cue == PERSON for v in votes):
        return PERSON
    # 2. votes by article
    by_article: dict[str, list[Vote]] = defaultdict(list)
    for vote in votes:
        by_article[vote.article].append(vote)
    totals: dict[str, float] = defaultdict(float)
    for article_votes in by_article.values():
        parts = [[v for v in article_votes if v.full], [v for v in article_votes if not v.full]]
        shares = (FULL_FORM_SHARE, 1 - FULL_FORM_SHARE) if all(parts) else (1.0, 1.0)
        for part, share in zip(parts, shares):
            weights = [CUE_WEIGHT if v.cue not in (None, NOT_PERSON) else 1.0 for v in part]
            for vote, weight in zip(part, weights):
                label = _read(vote)
                if label is not None:
                    totals[label] += share * weight / sum(weights)
    if not totals:
        return None
    # 3. class, then label (rounded so float noise does not break ties between equal votes)
    by_class: dict[str, float] = defaultdict(float)
    for label, weight in totals.items():
        by_class[type_class(label)] += weight
    cls = min(by_class, key=lambda c: (-round(by_class[c], 9), _class_rank(c, totals)))
    members = [lab for lab in totals if type_class(lab) == cls]
    return min(members, key=lambda lab: (-round(totals[lab], 9), label_rank(lab), lab))


def _class_rank(cls: str, totals: dict[str, float]) -> int:
    """Tie-break between classes with equal votes: the most specific label they hold."""
    return min(label_rank(lab) for lab in totals if type_class(lab) == cls)


def _read(vote: Vote) -> str | None:
    """The label a mention votes for: spaCy's, unless a context cue contradicts it."""
    cue, label = vote.cue, vote.label
    if cue is None:
        return label
    if cue == NOT_PERSON:
        return None if label == PERSON else label
    if cue == PERSON:
        return PERSON
    return label if type_class(label) == "PLACE" else cue


def label_rank(label: str) -> int:
    """Tie-break order between labels: the more specific reading first."""
    return _RANK.get(label, len(_RANK))
