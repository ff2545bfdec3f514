"""Groups of mentions that name one entity: their keys and labels, merging, and what the text adds."""

from __future__ import annotations

from newsfuse.fuse.entities import names
from newsfuse.fuse.entities.groups import MentionGroup, UnionFind, nearest_before, types_agree, with_paren_acronyms
from newsfuse.fuse.entities.mentions import Item
from newsfuse.model import Mention


def _item(text: str, label: str, start: int = 0, article: str = "a") -> Item:
    person = label == "PERSON"
    key = names.name_key(names.clean(text, person=person), person=person)
    return Item(article, Mention(start, start + len(text), text, label, 0), key)


def test_a_group_of_bare_mentions_is_known_by_its_word_and_one_with_a_full_name_is_not():
    bare = MentionGroup([_item("Obama", "PERSON"), _item("Obama", "PERSON", 40)])
    assert bare.bare() == "obama" and bare.bare_person() and bare.label == "PERSON"
    full = MentionGroup([_item("Barack Obama", "PERSON"), _item("Obama", "PERSON", 40)])
    assert full.bare() is None and [k.core for k in full.full()] == [("barack", "obama")]
    assert MentionGroup([_item("NRA", "ORG")]).is_acronym()


def test_union_find_merges_the_groups_it_joined_and_keeps_the_others_as_they_were():
    groups = [MentionGroup([_item("Obama", "PERSON", s)]) for s in (0, 20, 40)]
    uf = UnionFind(len(groups))
    uf.union(2, 0)
    merged = uf.merged(groups)
    assert len(merged) == 2
    assert sorted(it.mention.start for it in merged[0].items) == [0, 40]
    assert merged[1] is groups[1]


def test_types_agree_within_a_class_and_across_person_and_organisation_only_on_evidence():
    person = MentionGroup([_item("Muammar al-Gaddafi", "PERSON")])
    org = MentionGroup([_item("Moammar al-Gadhafi", "ORG")])
    place = MentionGroup([_item("Gaddafi Stadium", "GPE")])
    assert types_agree(person, MentionGroup([_item("Gaddafi", "PERSON")]))
    assert not types_agree(person, org) and types_agree(person, org, strong=True)
    assert not types_agree(person, place, strong=True)


def test_the_nearest_candidate_is_the_last_mentioned_before_else_the_first_after():
    groups = [MentionGroup([_item("Kelly", "PERSON", s)]) for s in (10, 30, 80)]
    assert nearest_before(groups, [0, 1, 2], 50) == 1
    assert nearest_before(groups, [2], 50) == 2


def test_an_acronym_in_parentheses_after_a_name_becomes_its_key():
    text = "The National Rifle Association (NRA) said."
    group = MentionGroup([_item("National Rifle Association", "ORG", 4)])
    (with_acronym,) = with_paren_acronyms([group], text)
    assert [k.compact for k in with_acronym.extra] == [names.name_key("NRA").compact]
    assert with_acronym.heads[-1].acronym
