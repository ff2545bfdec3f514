"""Entity records from clustered mentions: the canonical name, aliases as spelled, stable unique ids."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.fuse.entities.names import clean, name_key
from newsfuse.fuse.entities.records import EntityTable, build, join
from newsfuse.model import Entity, EntityMention, Mention


@dataclass(frozen=True)
class _Item:
    article: str
    mention: Mention
    key: object
    trimmed: bool = False


@dataclass(frozen=True)
class _Group:
    items: tuple
    label: str
    articles: tuple


def _group(label: str, *spans: tuple[str, str, int], texts: dict[str, str] | None = None) -> _Group:
    """A cluster of (article, mention text, start) spans, as the canonicaliser hands them over."""
    items = tuple(
        _Item(article, Mention(start, start + len(text), text, label, 0), name_key(clean(text, label == "PERSON")))
        for article, text, start in spans
    )
    return _Group(items, label, tuple(sorted({a for a, _, _ in spans})))


def test_the_full_name_is_canonical_over_a_bare_surname_and_an_acronym():
    people = _group("PERSON", ("a", "Putin", 0), ("b", "Putin", 0), ("c", "Vladimir Putin", 0))
    groups = _group("ORG", ("a", "NRA", 0), ("b", "NRA", 0), ("c", "National Rifle Association", 0))
    entities, _ = build([people, groups], {})
    assert {e.name for e in entities} == {"Vladimir Putin", "National Rifle Association"}


def test_aliases_are_the_forms_as_spelled_most_used_first():
    group = _group("PERSON", ("a", "Sharaa", 0), ("b", "al-Sharaa", 0), ("c", "al-Sharaa", 0), ("d", "al-Sharaa’s", 0))
    [entity] = build([group], {})[0]
    assert entity.aliases == ("al-Sharaa", "Sharaa")  # the possessive makes no alias of its own
    assert entity.mentions == 4 and entity.articles == ("a", "b", "c", "d")


def test_a_leading_the_stays_only_where_the_text_capitalises_it_inside_a_sentence():
    texts = {"a": "Talks were held in The Hague.", "b": "The Hague hosted them.", "c": "He met the NRA and the National Rifle Association."}
    hague = _group("GPE", ("a", "The Hague", texts["a"].index("The Hague")), ("b", "The Hague", 0))
    [named] = build([hague], texts)[0]
    assert named.name == "The Hague" and named.aliases == ("The Hague",)
    # at the start of a sentence a capital says nothing: the article is not part of the name
    [bare] = build([_group("GPE", ("b", "The Hague", 0))], texts)[0]
    assert bare.name == "Hague" and bare.aliases == ("Hague",)
    [nra] = build([_group("ORG", ("c", "the National Rifle Association", texts["c"].index("the National")))], texts)[0]
    assert nra.name == "National Rifle Association"


def test_every_mention_maps_to_its_entity_and_the_most_mentioned_comes_first():
    small = _group("GPE", ("a", "Lagos", 10))
    big = _group("PERSON", ("a", "Bola Tinubu", 0), ("b", "Tinubu", 3))
    entities, mention_entity = build([small, big], {})
    assert [e.name for e in entities] == ["Bola Tinubu", "Lagos"]
    assert mention_entity == {
        ("a", 0, 11): entities[0].id, ("b", 3, 9): entities[0].id, ("a", 10, 15): entities[1].id,
    }
    assert [(s.article, s.start, s.end) for s in entities[0].spans] == [("a", 0, 11), ("b", 3, 9)]


def test_ids_are_readable_stable_and_unique():
    first = build([_group("PERSON", ("a", "José Núñez", 0))], {})[0][0]
    again = build([_group("PERSON", ("z", "José Núñez", 4))], {})[0][0]
    assert first.id == again.id and first.id.startswith("jose-nunez-")
    # one name and type in two clusters (two people of one name) keeps two ids
    twins = build([_group("PERSON", ("a", "John Smith", 0)), _group("PERSON", ("b", "John Smith", 0))], {})[0]
    assert len({e.id for e in twins}) == 2 and twins[1].id == f"{twins[0].id}-2"
    # the type is part of the id: a place and a person spelled alike are two entities
    place = build([_group("GPE", ("a", "Georgia", 0))], {})[0][0]
    person = build([_group("PERSON", ("a", "Georgia", 0))], {})[0][0]
    assert place.id != person.id


def _entity(entity_id: str, name: str, label: str, *spans: tuple[str, int, str]) -> Entity:
    mentions = tuple(EntityMention(a, start, start + len(text), text) for a, start, text in spans)
    aliases = tuple(dict.fromkeys(text for _, _, text in spans))
    return Entity(entity_id, name, label, aliases, tuple(sorted({a for a, _, _ in spans})), len(mentions), mentions)


def test_joining_found_entities_to_a_stored_table_keeps_stored_mentions_and_ids():
    known = [
        _entity("kelly-1", "Raymond Kelly", "PERSON", ("old", 0, "Raymond Kelly"), ("near", 0, "Raymond Kelly")),
        _entity("lisbon-1", "Lisbon", "GPE", ("old", 20, "Lisbon")),
        _entity("acme-1", "Acme", "ORG", ("old", 40, "Acme")),
    ]
    found = [
        # a stored mention and a new one: the new one joins the stored mention's entity, whatever its name here
        _entity("kelly-2", "Kelly", "PERSON", ("near", 0, "Raymond Kelly"), ("new", 0, "Kelly")),
        # new mentions only, of a stored entity's id
        _entity("lisbon-1", "Lisbon", "GPE", ("new", 10, "Lisbon")),
        # new mentions only, named as a stored entity of the same class is named
        _entity("acme-2", "Acme", "ORG", ("new", 30, "Acme")),
        # and an entity the store never had
        _entity("porto-1", "Porto", "GPE", ("new", 50, "Porto")),
    ]
    entities, mention_entity = join(known, found)
    assert mention_entity == {
        ("old", 0, 13): "kelly-1", ("near", 0, 13): "kelly-1", ("new", 0, 5): "kelly-1",
        ("old", 20, 26): "lisbon-1", ("new", 10, 16): "lisbon-1",
        ("old", 40, 44): "acme-1", ("new", 30, 34): "acme-1", ("new", 50, 55): "porto-1",
    }
    kelly = next(e for e in entities if e.id == "kelly-1")
    assert kelly.name == "Raymond Kelly" and kelly.mentions == 3 and kelly.articles == ("near", "new", "old")
    assert kelly.aliases == ("Raymond Kelly", "Kelly")
    assert [e.id for e in entities][0] == "kelly-1"  # most mentioned first, as ``build`` orders them


def test_a_bare_stored_name_takes_the_full_name_new_mentions_give_it():
    known = [_entity("labour-1", "Labour", "ORG", ("old", 0, "Labour"))]
    found = [_entity("x", "Ministry of Labour", "ORG", ("old", 0, "Labour"), ("new", 0, "Ministry of Labour"))]
    entities, mention_entity = join(known, found)
    assert [e.name for e in entities] == ["Ministry of Labour"]
    assert set(mention_entity.values()) == {entities[0].id} and entities[0].id != "labour-1"
    # A full stored name stays, id and all.
    known = [_entity("labour-1", "Labour Party", "ORG", ("old", 0, "Labour Party"))]
    found = [_entity("x", "Labour Party of Britain", "ORG", ("old", 0, "Labour Party"), ("new", 0, "Labour Party of Britain"))]
    assert [e.id for e in join(known, found)[0]] == ["labour-1"]


def test_a_table_read_once_joins_as_its_records_do_and_stays_as_read():
    known = [
        _entity("kelly-1", "Raymond Kelly", "PERSON", ("old", 0, "Raymond Kelly"), ("near", 0, "Raymond Kelly")),
        _entity("labour-1", "Labour", "ORG", ("old", 30, "Labour")),
    ]
    found = [
        _entity("kelly-2", "Kelly", "PERSON", ("near", 0, "Raymond Kelly"), ("new", 0, "Kelly")),
        _entity("x", "Ministry of Labour", "ORG", ("old", 30, "Labour"), ("new", 20, "Ministry of Labour")),
        _entity("porto-1", "Porto", "GPE", ("new", 50, "Porto")),
    ]
    table = EntityTable(known)
    stored = dict(table.mentions)
    assert join(table, found) == join(known, found)
    assert table.mentions == stored and list(table) == known  # a join changes a copy, never the table
