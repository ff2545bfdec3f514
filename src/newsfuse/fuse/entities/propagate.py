"""Finding the mentions the NER model missed: known names spelled out again in article text.

The model tags "Colts" in one sentence and misses it in the next, or misses a
name in every sentence of one article while tagging it elsewhere. Once the
entities of a corpus are known, each name they were tagged under can be looked
up in every article's text ("one name, one referent per discourse"). Only
names that are safe to look up are used: capitalised as tagged, owned by one
entity (or by one entity of the article), and, for one-word names, not also a
common word of that article ("Luck" is not looked up where "luck" occurs) and,
at a sentence start, only where the article already names that entity or the
corpus never writes the word in lower case.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Longest name, in words, that is looked up ("Academy of Motion Picture Arts and Sciences").
MAX_NAME_WORDS = 7
# A one-word name is looked up in articles that do not already name its entity only
# if the model tagged it at least this often in the corpus (one tag may be a fluke).
# B³ F1 on ECB+ train: 0.879 at 1 and 2, 0.877 at 3 (2026-05); 2 is the safer of the best.
MIN_TAGS_ELSEWHERE = 2

_WORD = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?")  # ends on a letter or digit: "Colts'" → "Colts"
_SENTENCE_END = frozenset(".!?\n\"“”")


@dataclass(frozen=True, slots=True)
class Found:
    """A name found in text: where, and the index of the entity (group) it names."""

    article: str
    start: int
    end: int
    text: str
    owner: int


def find_mentions(
    texts: Mapping[str, str],
    names: Mapping[str, Sequence[int]],
    tags: Mapping[str, int],
    present: Mapping[str, set[int]],
    taken: Mapping[str, Sequence[tuple[int, int]]],
) -> list[Found]:
    """Occurrences of known names in ``texts`` that no tagged mention covers.

    ``names``: a name as tagged ("Colts") → the entities tagged under it;
    ``tags``: how often each name was tagged; ``present``: article → entities
    it already names; ``taken``: article → spans of its tagged mentions.
    """
    found: list[Found] = []
    longest = {name.split()[0]: 0 for name in names}
    for name in names:
        first = name.split()[0]
        longest[first] = max(longest[first], len(name.split()))
    words_of = {article: [(m.start(), _strip_end(m.group())) for m in _WORD.finditer(text)] for article, text in texts.items()}
    lower_of = {article: {w for _, w in words if w[:1].islower()} for article, words in words_of.items()}
    corpus_lower = set().union(*lower_of.values())
    for article, text in sorted(texts.items()):
        words, lower = words_of[article], lower_of[article]
        busy = _Busy(taken.get(article, ()))
        i = 0
        while i < len(words):
            start, word = words[i]
            span = _match(text, words, i, names, longest) if word[:1].isupper() else None
            if span is None:
                i += 1
                continue
            end, name, size = span
            owner = _owner(names[name], present.get(article, set()))
            if (
                owner is not None
                and not busy.overlaps(start, end)
                and _safe(name, text, start, (lower, corpus_lower), owner in present.get(article, set()), tags)
            ):
                found.append(Found(article, start, end, text[start:end], owner))
            i += size
    return found


def _strip_end(word: str) -> str:
    """A word without a possessive ending ("Lohan's" → "Lohan")."""
    if word[-2:-1] in ("'", "’") and word[-1] in "sS":
        return word[:-2]
    return word


def _match(text, words, i, names, longest) -> tuple[int, str, int] | None:
    """The longest known name starting at word ``i``: (end offset, name, words used)."""
    start, first = words[i]
    key = first if first in longest else first.capitalize()
    if key not in longest or not first[:1].isupper():
        return None
    for size in range(min(longest[key], MAX_NAME_WORDS, len(words) - i), 0, -1):
        last_start, last = words[i + size - 1]
        end = last_start + len(last)
        surface = " ".join(text[start:end].split())
        for candidate in (surface, surface.title() if surface.isupper() else None):
            if candidate in names:
                return end, candidate, size
    return None


def _owner(owners: Sequence[int], here: set[int]) -> int | None:
    """The one entity a name stands for: its only owner, or its only owner named in this article."""
    unique = sorted(set(owners))
    if len(unique) == 1:
        return unique[0]
    local = [o for o in unique if o in here]
    return local[0] if len(local) == 1 else None


class _Busy:
    """Spans already tagged in one article, for overlap tests in logarithmic time."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        return i > 0 and self.reach[i - 1] > start


def _safe(
    name: str,
    text: str,
    start: int,
    lower: tuple[set[str], set[str]],
    named_here: bool,
    tags: Mapping[str, int],
) -> bool:
    """Whether a one-word name found at ``start`` is safe to take; ``lower``: the words written
    in lower case in this article and in the whole corpus."""
    if " " in name:
        return True
    here, corpus = lower
    if name.casefold() in here or name.lower() in here:
        return False  # also a common word here ("Luck" / "luck")
    if not named_here and tags.get(name, 0) < MIN_TAGS_ELSEWHERE:
        return False
    before = text[:start].rstrip(" \t'‘\"“(")
    at_sentence_start = not before or before[-1] in _SENTENCE_END
    # A sentence start capitalises any word; there a name the article does not name yet must
    # be one the corpus never writes in lower case ("Chargers", but not "Luck" where "luck" occurs).
    return named_here or not at_sentence_start or (name.casefold() not in corpus and name.lower() not in corpus)


def name_index(
    groups: Sequence[Sequence[tuple[str, str, str]]],
    people: Sequence[Sequence[str]] = (),
) -> tuple[dict[str, list[int]], dict[str, int], dict[str, set[int]]]:
    """Names → entities, tag counts and article → entities, from each entity's
    (article, surface, label) triples and, optionally, each entity's full names as a person.

    A surname ("Timmons" of "Jermayne Timmons") counts as a name with no tags of
    its own, so it is only looked up in articles that already name its entity.
    """
    names: dict[str, list[int]] = defaultdict(list)
    tags: dict[str, int] = defaultdict(int)
    present: dict[str, set[int]] = defaultdict(set)
    for g, mentions in enumerate(groups):
        for article, surface, label in mentions:
            present[article].add(g)
            if label == "NORP" or not _lookup_worthy(surface):
                continue
            tags[surface] += 1
            if g not in names[surface]:
                names[surface].append(g)
    for g, full_names in enumerate(people):
        for full in full_names:
            surname = _strip_end(full.split()[-1])
            if surname.isalpha() and _lookup_worthy(surname) and g not in names[surname]:
                names[surname].append(g)
    return dict(names), dict(tags), dict(present)


def _lookup_worthy(surface: str) -> bool:
    """A name worth looking up: capitalised words, three letters or more, no stray punctuation."""
    words = surface.split()
    return (
        sum(ch.isalpha() for ch in surface) >= 3
        and words[0][:1].isupper()
        and len(words) <= MAX_NAME_WORDS
        and all(_WORD.fullmatch(w) for w in words)
    )
