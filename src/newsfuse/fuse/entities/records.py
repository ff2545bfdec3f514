"""Entity records from clustered mentions: canonical name, aliases as spelled, stable ids."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from newsfuse.fuse.entities import names
from newsfuse.fuse.entities.names import NameKey
from newsfuse.fuse.entities.types import type_class
from newsfuse.model import Entity, EntityMention, Mention

_SLUG = re.compile(r"[^a-z0-9]+")


class Item(Protocol):
    """One mention of a cluster, as ``canon`` keeps it."""

    article: str
    mention: Mention
    key: NameKey  # keys of the cleaned form
    trimmed: bool  # a run-on headline span cut back to the name inside it


class Group(Protocol):
    """One cluster: its mentions, resolved label and articles."""

    @property
    def items(self) -> Sequence[Item]: ...

    @property
    def label(self) -> str: ...

    @property
    def articles(self) -> Sequence[str]: ...


def _canonical(group: Group, named_the: set[str]) -> str:
    """The most informative full form: full names over bare ones and acronyms, then the form
    most articles use, then the most frequent; "The" kept where it is part of the name."""
    counts = Counter(it.key.form for it in group.items)
    articles = {form: len({it.article for it in group.items if it.key.form == form}) for form in counts}
    keys = {it.key.form: it.key for it in group.items}

    def rank(form: str):
        key = keys[form]
        full = len(key.core) >= 2 and not key.acronym
        return (not full, bool(key.acronym), -articles[form], -counts[form], -len(form), form)

    best = min(counts, key=rank)
    return f"The {best}" if best in named_the else best


def _aliases(group: Group, texts: dict[str, str]) -> tuple[tuple[str, ...], set[str]]:
    """The surface forms of a group, most used first, and the forms whose "The" belongs to the name.

    A possessive never makes a separate alias, nor does a leading article: "the National
    Rifle Association" shows as "National Rifle Association". The article stays only where
    the text capitalises it inside a sentence ("talks in The Hague"), which makes it part
    of the name; then every occurrence of that form shows with it.
    """
    forms = []
    named_the: set[str] = set()
    for it in group.items:
        if it.trimmed:  # a run-on headline span shows as the name found inside it
            forms.append(it.key.form)
            continue
        form, article = names.surface(it.mention.text)
        forms.append(form)
        text = texts.get(it.article)
        if article == "The" and text is not None and _inside_sentence(text, it.mention.start):
            named_the.add(form)
    counts = Counter(f"The {form}" if form in named_the else form for form in forms)
    return tuple(sorted(counts, key=lambda f: (-counts[f], f))), named_the


def _inside_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?:;\n\"“”'‘’(—–-"


def _entity_id(name: str, label: str) -> str:
    slug = _SLUG.sub("-", names.fold_words(name)).strip("-")[:40].strip("-") or "entity"
    digest = hashlib.sha1(f"{label}|{names.fold(name)}".encode()).hexdigest()[:6]
    return f"{slug}-{digest}"


def build(groups: Sequence[Group], texts: dict[str, str]) -> tuple[list[Entity], dict[tuple[str, int, int], str]]:
    """``Entity`` records (most mentioned first, ids unique) and (article, start, end) → entity id."""
    built = []
    for group in groups:
        aliases, named_the = _aliases(group, texts)
        name = _canonical(group, named_the)
        items = sorted(group.items, key=lambda it: (it.article, it.mention.start, it.mention.end))
        spans = tuple(EntityMention(it.article, it.mention.start, it.mention.end, it.mention.text) for it in items)
        built.append((name, group.label, aliases, tuple(group.articles), spans, items))
    built.sort(key=lambda b: (-len(b[4]), b[0], b[1], b[4][0].article, b[4][0].start))
    entities: list[Entity] = []
    mention_entity: dict[tuple[str, int, int], str] = {}
    used: Counter[str] = Counter()
    for name, label, aliases, articles, spans, items in built:
        base = _entity_id(name, label)
        used[base] += 1
        entity_id = base if used[base] == 1 else f"{base}-{used[base]}"
        entities.append(Entity(entity_id, name, label, aliases, articles, len(spans), spans))
        for it in items:
            mention_entity[(it.article, it.mention.start, it.mention.end)] = entity_id
    return entities, mention_entity


class EntityTable(Sequence[Entity]):
    """A stored entity table with what ``join`` looks up in it, built once where the table is read
    (``pipeline.stored_prior``): (article, start, end) of each stored mention → entity id, the
    entities by id, and the ids by each folded name and alias. ``join`` then looks up only the
    found mentions and names instead of building these over every stored mention."""

    __slots__ = ("_entities", "mentions", "by_id", "by_name")

    def __init__(self, entities: Sequence[Entity]):
        self._entities = tuple(entities)
        self.mentions = {(s.article, s.start, s.end): e.id for e in self._entities for s in e.spans}
        self.by_id = {e.id: e for e in self._entities}
        self.by_name: dict[str, set[str]] = {}
        for e in self._entities:
            for form in (e.name, *e.aliases):
                self.by_name.setdefault(names.fold(form), set()).add(e.id)

    def __len__(self) -> int:
        return len(self._entities)

    def __getitem__(self, k):
        return self._entities[k]

    def __iter__(self):
        return iter(self._entities)


def join(
    known: Sequence[Entity], found: Sequence[Entity]
) -> tuple[list[Entity], dict[tuple[str, int, int], str]]:
    """A stored entity table (``known``, an ``EntityTable`` or the bare records) with the entities
    ``found`` among new articles and the stored ones near them: the records and (article, start,
    end) → entity id, as ``build`` gives.

    A stored mention keeps its entity. A found entity joins the known one most of its stored
    mentions belong to; without any, the known one of its id (ids hash the canonical name and type),
    else the one known entity of its type class whose name or an alias is its name; else it is
    new. A known entity keeps its id, name and type as its mentions grow, so records naming it
    elsewhere stay valid, except that a bare or acronym name ("Labour") takes the full name the
    new mentions give it ("Ministry of Labour"; ``_canonical``'s first preference) and its id with
    it, unless another known entity holds that id. A batch run may also prefer another full name
    as the articles using each form change; records naming a renamed id are recomputed
    (``fuse.carry``).
    """
    table = known if isinstance(known, EntityTable) else EntityTable(known)
    stored, by_id = table.mentions, table.by_id
    added: dict[str, list[tuple[Entity, list[EntityMention]]]] = {}
    fresh: list[tuple[Entity, list[EntityMention]]] = []
    for entity in found:
        spans = [s for s in entity.spans if (s.article, s.start, s.end) not in stored]
        if not spans:
            continue
        votes = Counter(stored[k] for s in entity.spans if (k := (s.article, s.start, s.end)) in stored)
        target = min(votes, key=lambda e: (-votes[e], e)) if votes else None
        if target is None and entity.id in by_id:
            target = entity.id
        if target is None:
            same = {
                e for e in table.by_name.get(names.fold(entity.name), ())
                if type_class(by_id[e].type) == type_class(entity.type)
            }
            target = same.pop() if len(same) == 1 else None
        if target is None:
            fresh.append((entity, spans))
        else:
            added.setdefault(target, []).append((entity, spans))
    taken = set(by_id)
    grown: dict[str, Entity] = {}
    for entity in table:  # in the table's order, which decides who takes a full name's id first
        if entity.id in added:
            grown[entity.id] = _renamed(_grown(entity, added[entity.id]), added[entity.id], taken)
            taken.add(grown[entity.id].id)
    new = []
    for entity, spans in fresh:
        entity_id, n = entity.id, 1
        while entity_id in taken:
            n += 1
            entity_id = f"{entity.id}-{n}"
        taken.add(entity_id)
        new.append(_grown(Entity(entity_id, entity.name, entity.type, (), (), 0, ()), [(entity, spans)]))
    mention_entity = dict(stored)  # a copy of the stored map (at C speed), then the changed entities' spans
    for entity in (*grown.values(), *new):
        mention_entity.update(((s.article, s.start, s.end), entity.id) for s in entity.spans)
    entities = [grown.get(e.id, e) for e in table] + new
    entities.sort(key=lambda e: (-len(e.spans), e.name, e.type, *((e.spans[0].article, e.spans[0].start) if e.spans else ("", 0))))
    return entities, mention_entity


def _renamed(entity: Entity, parts: Sequence[tuple[Entity, Sequence[EntityMention]]], taken: set[str]) -> Entity:
    """``entity`` under the full name of the largest found part when its own is bare or an acronym
    (and no entity of ``taken`` holds the id that name gives)."""
    if _full(entity.name):
        return entity
    full = [f for f, _ in parts if _full(f.name)]
    if not full:
        return entity
    best = max(full, key=lambda f: (len(f.spans), f.name))
    entity_id = _entity_id(best.name, entity.type)
    if entity_id in taken:
        return entity
    return Entity(entity_id, best.name, entity.type, entity.aliases, entity.articles, entity.mentions, entity.spans)


def _full(name: str) -> bool:
    key = names.name_key(name.removeprefix("The "))
    return len(key.core) >= 2 and not key.acronym


def _grown(entity: Entity, parts: Sequence[tuple[Entity, Sequence[EntityMention]]]) -> Entity:
    """``entity`` with the new mentions ``parts`` found: aliases most used first (as ``_aliases``
    orders them, counted on the spans' surface forms), articles in order."""
    # (the stored spans come in order, which the sort keeps; each spelling is read once however
    # many spans a large entity has)
    spans = sorted(dict.fromkeys([*entity.spans, *(s for _, new in parts for s in new)]),
                   key=lambda s: (s.article, s.start, s.end))
    used: Counter[str] = Counter()
    for text, n in Counter(s.text for s in spans).items():
        used[names.surface(text)[0]] += n
    aliases = dict.fromkeys([*entity.aliases, *(a for f, _ in parts for a in f.aliases)])
    ranked = sorted(aliases, key=lambda a: (-(used[a] or used[a.removeprefix("The ")]), a))
    articles = sorted({*entity.articles, *(s.article for s in spans)})
    return Entity(entity.id, entity.name, entity.type, tuple(ranked), tuple(articles), len(spans), tuple(spans))
