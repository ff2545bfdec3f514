"""Entity records from clustered mentions: canonical name, aliases as spelled, stable ids."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from newsfuse.fuse.entities import names
from newsfuse.fuse.entities.names import NameKey
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
