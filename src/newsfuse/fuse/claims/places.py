"""Place conflicts: two reports putting one happening in two different towns.

A statement's place is the one town or city it says the happening was "in" ("was shot in
Gary"). Two places clash only when the corpus shows both to be towns and neither inside the
other: a city and its country, region or county, or a neighbourhood and its city, are one place
told at two scales. What the corpus shows, without a gazetteer:

* a town: the first name of "Town, Region" ("Gary, Indiana"), a name with a town noun ("the
  city of Gary", "Hammond city"), or an article's dateline ("LISBON —");
* one place inside another: "A, B" and "A in B" between two place names, anywhere in the corpus.

A place that the corpus never shows to be a town abstains: "in Indiana" against "in Gary"
is no conflict, nor is "in Illinois" against "in Chicago".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.fuse.claims.units import ClaimUnit
from newsfuse.fuse.corpus import Corpus
from newsfuse.model import ArticleAnalysis, Mention

# spaCy labels of places that can contain a happening (FAC, a building or street, is finer than a town).
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Labels of names that place a happening at any scale, down to a building or a street (FAC).
SPOT_LABELS = PLACE_LABELS | {"FAC"}
# Street names the tagger often misses ("at Brook and Winter streets"). General English address forms.
_STREET = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:Street|Avenue|Drive|Road|Boulevard|Lane|Court|Parkway)\b"
    r"|\b[A-Z][a-z]+\s+and\s+[A-Z][a-z]+\s+(?:streets|avenues|roads|drives)\b"
)
# Nouns that make a name a town: "the city of X", "X township". General English, not a fit.
TOWN_NOUNS = frozenset("city town village township borough municipality suburb hamlet".split())
_TOWN_BEFORE = re.compile(r"\b(?:" + "|".join(TOWN_NOUNS) + r")\s+of\s+$", re.I)
_TOWN_AFTER = re.compile(r"^\s+(?:" + "|".join(TOWN_NOUNS) + r")\b", re.I)
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?(?:(?:" + "|".join(TOWN_NOUNS) + r")\s+of\s+)?$", re.I)
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    """What the corpus says of its places: the town keys, and (container, contained) key pairs."""

    towns: frozenset[str]
    inside: frozenset[tuple[str, str]]

    def elsewhere(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Two statements' places (``statement_spots``) that are all different and none inside
        another that the corpus shows: both name where, and not one place at two scales told so."""
        return bool(a and b) and not any(
            x == y or x in y or y in x or (x, y) in self.inside or (y, x) in self.inside for x in a for y in b
        )

    def clash(self, a: str, b: str) -> bool:
        """Two different towns, neither inside the other nor one's name inside the other's."""
        if a == b or a in b or b in a:
            return False
        return a in self.towns and b in self.towns and (a, b) not in self.inside and (b, a) not in self.inside


def place_key(name: str) -> str:
    """A place name as a key: lower case, words joined by single spaces, without "the"."""
    words = _NON_WORD.sub(" ", name.lower()).split()
    return " ".join(w for w in words if w != "the")


def place_facts(corpus: Corpus) -> PlaceFacts:
    """The towns and the containments the corpus's own words show (see the module docstring)."""
    towns: set[str] = {place_key(a.dateline) for a in corpus.articles if a.dateline}
    inside: set[tuple[str, str]] = set()
    types = _entity_types(corpus)
    for analysis in corpus.analyses:
        article = corpus.article(analysis.article_id)
        text = article.text if article else ""
        places = sorted(_places(corpus, analysis, types), key=lambda m: m.start)
        for m in places:
            if _TOWN_BEFORE.search(text[max(0, m.start - 20) : m.start]) or _TOWN_AFTER.match(text[m.end : m.end + 14]):
                towns.add(place_key(m.text))
        for m, n in zip(places, places[1:]):
            between = text[m.end : n.start]
            after = text[n.end : n.end + 6]
            if between.strip() == "," and not re.match(r"\s*(?:,|and\b|or\b)", after):
                towns.add(place_key(m.text))  # "Gary, Indiana" (not a list: "Spain, France and Italy")
                inside.add((place_key(n.text), place_key(m.text)))
            elif re.fullmatch(r"\s+in\s+(?:the\s+)?(?:[a-z]+\s+)?", between):
                inside.add((place_key(n.text), place_key(m.text)))  # "Gary in northwest Indiana"
    return PlaceFacts(frozenset(towns - {""}), frozenset(inside))


def place_names(units: Sequence[ClaimUnit], corpus: Corpus) -> list[str | None]:
    """Each statement's place, in the order of ``units``: its only place name, written after "in"
    ("was shot in Gary", "in the city of Gary"); None when it names no place, more than one, or a
    place that is not where something happened ("a man from Gary")."""
    out: list[str | None] = []
    for u, places in zip(units, _statement_places(units, corpus, PLACE_LABELS)):
        article = corpus.article(u.article)
        if len(places) != 1 or article is None:
            out.append(None)
            continue
        m = places[0]
        out.append(place_key(m.text) if _IN_BEFORE.search(article.text[max(0, m.start - 30) : m.start]) else None)
    return out


def statement_spots(units: Sequence[ClaimUnit], corpus: Corpus) -> list[frozenset[str]]:
    """Each statement's place names of any scale (towns, regions, buildings, streets) as keys, in
    the order of ``units``."""
    return [frozenset(place_key(n) for n in [m.text for m in places] + _STREET.findall(u.text))
            for u, places in zip(units, _statement_places(units, corpus, SPOT_LABELS))]


def _statement_places(units: Sequence[ClaimUnit], corpus: Corpus, labels: frozenset[str]) -> list[list[Mention]]:
    """Per statement, the place mentions of ``labels`` inside it; each article's mentions are read once."""
    types = _entity_types(corpus)
    by_article: dict[str, list[Mention]] = {}
    out = []
    for u in units:
        if u.article not in by_article:
            analysis = corpus.analysis(u.article)
            by_article[u.article] = _places(corpus, analysis, types, labels) if analysis else []
        out.append([m for m in by_article[u.article] if u.start <= m.start and m.end <= u.end])
    return out


def _places(corpus: Corpus, analysis: ArticleAnalysis, types: dict[str, str],
            labels: frozenset[str] = PLACE_LABELS) -> list[Mention]:
    """The place mentions of an article, by the type the entities step gave their entity (the tagger's
    own label when no entity holds the mention: it calls many towns ORG)."""
    out = []
    for m in analysis.mentions:
        entity = corpus.mention_entity.get((analysis.article_id, m.start, m.end))
        if (types.get(entity) if entity else m.label) in labels:
            out.append(m)
    return out


def _entity_types(corpus: Corpus) -> dict[str, str]:
    return {e.id: e.type for e in corpus.entities}
