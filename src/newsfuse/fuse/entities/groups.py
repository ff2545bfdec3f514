"""Groups of mentions believed to name one entity: their votes and keys, how they merge, and what the text adds to them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from newsfuse.fuse.entities import names
from newsfuse.fuse.entities import propagate
from newsfuse.fuse.entities import types as entity_types
from newsfuse.fuse.entities.mentions import Item
from newsfuse.fuse.entities.names import NameKey
from newsfuse.fuse.entities.types import type_class
from newsfuse.model import Mention

_PAREN_ACRONYM = re.compile(r"^\s*[(\[]\s*((?:[A-Z]\.?){2,7}|[A-Z][A-Za-z]{1,3}[A-Z]\w*)\s*[)\]]")


class MentionGroup:
    """Items believed to name one thing, with their votes and keys computed once."""

    __slots__ = ("items", "extra", "labels", "label", "cls", "heads", "articles", "traits")

    def __init__(self, items: list[Item], extra: list[NameKey] | None = None):
        self.items = items
        self.extra = extra or []  # acronyms read from "(NRA)" after a name
        self.labels = Counter(it.mention.label for it in items)
        if len(self.labels) == 1 and not any(it.cue for it in items):
            self.label = next(iter(self.labels))  # nothing to weigh: the common case, kept cheap
        else:
            self.label = entity_types.resolve(it.vote() for it in items if not it.found) or _majority(self.labels)
        self.cls = type_class(self.label)
        keys = {it.key.form: it.key for it in items}
        full = [k for k in keys.values() if len(k.core) >= 2 or k.acronym]
        # The keys that identify the group: full names and acronyms, else its bare names.
        self.heads = full + self.extra if full else list(keys.values()) + self.extra
        self.articles = sorted({it.article for it in items})
        self.traits = PersonTraits.of(items, self.cls == "PERSON")

    def start(self) -> int:
        return min(it.mention.start for it in self.items)

    def full(self) -> list[NameKey]:
        return [k for k in self.heads if len(k.core) >= 2 and not k.acronym]

    def bare(self) -> str | None:
        """The one word a group is known by ("Obama"), or None if it has a full name or acronym."""
        if any(len(k.core) != 1 or k.acronym for k in self.heads):
            return None
        words = Counter(it.key.core[0] for it in self.items)
        return min(words, key=lambda w: (-words[w], w))

    def is_acronym(self) -> bool:
        return all(k.acronym for k in self.heads)

    def bare_person(self) -> bool:
        """A bare word tagged PERSON at least once, or with a title before it ("Mr Obama")."""
        person = "PERSON" in self.labels or any(it.cue == entity_types.PERSON for it in self.items)
        return person and self.bare() is not None


@dataclass(frozen=True, slots=True)
class PersonTraits:
    """What tells two people with one surname apart: the sex honorifics give, generations and given names.

    Two groups whose traits clash are never merged, whatever their keys (issue 12: "Mrs. Clinton"
    is not Bill Clinton, "Trump Jr." not Donald Trump, "Hillary Clinton" not "Bill Clinton").
    """

    sexes: frozenset[str] = frozenset()  # "m", "f" from "Mr.", "Mrs.", ... at its mentions
    generations: frozenset[str] = frozenset()  # "jr", "sr", ... at the end of its names
    plain_full: bool = False  # a full person name without a generation ("Donald Trump")
    given: frozenset[str] = frozenset()  # first words of its full person names

    @classmethod
    def of(cls, items: list[Item], person: bool) -> PersonTraits:
        full = [it.key for it in items if len(it.key.core) >= 2 and not it.key.acronym]
        return cls(
            sexes=frozenset(it.sex for it in items if it.sex),
            generations=frozenset(it.key.generation for it in items if it.key.generation),
            plain_full=person and any(k.generation is None for k in full),
            given=frozenset(k.core[0] for k in full) if person else frozenset(),
        )

    def clashes(self, other: PersonTraits) -> bool:
        if len(self.sexes) == 1 and len(other.sexes) == 1 and self.sexes != other.sexes:
            return True
        if self.generations != other.generations:
            # A name without a generation may stand for one with it ("Comeaux" for "Arcade Comeaux
            # Jr."), unless it is a full name of its own ("Donald Trump" is not "Donald Trump Jr.").
            if (self.generations and other.generations) or (self.generations and other.plain_full) or (
                other.generations and self.plain_full
            ):
                return True
        if self.given and other.given:
            return all(names.given_names_differ(a, b) for a in self.given for b in other.given)
        return False

    def joined(self, other: PersonTraits) -> PersonTraits:
        return PersonTraits(
            self.sexes | other.sexes,
            self.generations | other.generations,
            self.plain_full or other.plain_full,
            self.given | other.given,
        )


class UnionFind:
    """Disjoint sets of group indices: union those that name one thing, then merge their groups.

    Built on groups, a union whose sets' ``PersonTraits`` clash is refused."""

    def __init__(self, groups: int | list[MentionGroup]):
        n = groups if isinstance(groups, int) else len(groups)
        self.parent = list(range(n))
        self._traits = None if isinstance(groups, int) else {i: g.traits for i, g in enumerate(groups)}

    def traits(self, i: int) -> PersonTraits:
        """The joined traits of the set of ``i`` (none without groups)."""
        return PersonTraits() if self._traits is None else self._traits[self.find(i)]

    def clashes(self, a: int, b: int) -> bool:
        """Whether the sets of ``a`` and ``b`` hold people that must stay apart."""
        if self._traits is None:
            return False
        return self._traits[self.find(a)].clashes(self._traits[self.find(b)])

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.clashes(ra, rb):
            return
        # the smaller index wins, so results do not depend on union order
        self.parent[max(ra, rb)] = min(ra, rb)
        if self._traits is not None:
            self._traits[min(ra, rb)] = self._traits[ra].joined(self._traits[rb])

    def merged(self, groups: list[MentionGroup]) -> list[MentionGroup]:
        members: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            members[self.find(i)].append(i)
        if len(members) == len(groups):
            return groups
        return [
            MentionGroup([it for m in ms for it in groups[m].items], [k for m in ms for k in groups[m].extra])
            if len(ms) > 1
            else groups[ms[0]]
            for ms in members.values()
        ]


def types_agree(a: MentionGroup, b: MentionGroup, strong: bool = False) -> bool:
    """Same class, or a person/organisation/other pair where each also had the other's label
    (spaCy tags one name PERSON in one article and ORG in the next), or where the names are
    ``strong`` evidence on their own (two multi-word names that agree word by word)."""
    if a.cls == b.cls:
        return True
    loose = ("PERSON", "ORG", "OTHER")
    if a.cls not in loose or b.cls not in loose:
        return False
    if strong:
        return True
    return any(type_class(lab) == b.cls for lab in a.labels) and any(type_class(lab) == a.cls for lab in b.labels)


def _majority(labels: Counter[str]) -> str:
    return min(labels, key=lambda lab: (-labels[lab], entity_types.label_rank(lab), lab))


def nearest_before(groups: list[MentionGroup], candidates: list[int], start: int) -> int:
    """The candidate mentioned last before ``start``, else the first one mentioned after it."""

    def last_before(c: int) -> int:
        starts = [it.mention.start for it in groups[c].items if it.mention.start <= start]
        return max(starts) if starts else -1

    before = [c for c in candidates if last_before(c) >= 0]
    if before:
        return max(before, key=lambda c: (last_before(c), -c))
    return min(candidates, key=lambda c: (groups[c].start(), c))


def with_paren_acronyms(groups: list[MentionGroup], text: str) -> list[MentionGroup]:
    """Record "(NRA)" right after a multi-word name as that group's acronym."""
    out = []
    for group in groups:
        extra = list(group.extra)
        for it in group.items:
            if len(it.key.core) < 2:
                continue
            match = _PAREN_ACRONYM.match(text[it.mention.end : it.mention.end + 16])
            if match:
                key = names.name_key(match.group(1))
                if key.acronym and all(k.compact != key.compact for k in extra):
                    extra.append(key)
        out.append(MentionGroup(group.items, extra) if len(extra) != len(group.extra) else group)
    return out


def with_missed_mentions(groups: list[MentionGroup], per_article: list[list[Item]], texts: dict[str, str]) -> list[MentionGroup]:
    """Groups with the untagged occurrences of their names added as items."""
    tagged = [
        [(it.article, it.key.form, group.label) for it in group.items if not it.trimmed and group.cls != "NORP"]
        for group in groups
    ]
    people = [[k.form for k in group.full()] if group.cls == "PERSON" else [] for group in groups]
    lookup, tags, present = propagate.name_index(tagged, people)
    # A span cut back to a name inside it ("Obama To Nominate Regina Benjamin") is open to the
    # look-up, so the other names in it are found; the one it was cut back to is there already.
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for items in per_article:
        for it in items:
            if not it.trimmed:
                taken[it.article].append((it.mention.start, it.mention.end))
    cut_back = {
        (it.article, it.mention.start, it.mention.end): g for g, group in enumerate(groups) for it in group.items if it.trimmed
    }
    cut_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for article, start, end in cut_back:
        cut_spans[article].append((start, end))
    added: dict[int, list[Item]] = defaultdict(list)
    for hit in propagate.find_mentions(texts, lookup, tags, present, taken):
        if any(
            s <= hit.start and hit.end <= e and cut_back[(hit.article, s, e)] == hit.owner
            for s, e in cut_spans.get(hit.article, ())
        ):
            continue
        label = groups[hit.owner].label
        mention = Mention(hit.start, hit.end, hit.text, label, -1)
        key = names.name_key(names.clean(hit.text, person=label == "PERSON"), person=label == "PERSON")
        added[hit.owner].append(Item(hit.article, mention, key, found=True))
    return [MentionGroup(g.items + added[i], g.extra) if i in added else g for i, g in enumerate(groups)]
