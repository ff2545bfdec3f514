"""Entity canonicalisation: one ``Entity`` per person, organisation or place across all articles.

Mentions are first read as ``mention_items`` (keys; spans the tagger ran on or cut
short read back to known names), then grouped by successive unions, each comparing
only groups that share a blocking key, so the cost stays near-linear in mentions:

* within an article: exact spellings, acronyms (also "National Rifle
  Association (NRA)"), and bare names ("Obama", "Ellen", "Saints") that stand for a
  longer name of the same article;
* across articles: exact name keys, then transliteration variants in phonetic
  blocks (Mohamed/Muhammad, Khodorkovsky/Hodorkovsky), short given names under one surname
  (Ray/Raymond Kelly), names that differ in a kind noun at the end (Betty Ford
  Center/Clinic, Mediterranean Sea/Mediterranean), then bare acronyms and bare names
  that point to one entity of the corpus (ties go to the candidate sharing the
  most other entities with the bare name's article): a surname, also one the tagger
  took for an organisation ("Bush" as ORG); the first word of a company named with its
  legal form ("Chrysler" / "Chrysler Group LLC"); the first word of a surname-first
  name after an honorific ("Mr. Ban" / "Ban Ki-moon").

Types: spaCy's label is a vote; an entity's type comes from ``entity_types``
(one vote per article, full names over bare words, titles and place words around
a mention), so a name tagged PERSON here and ORG there is still one entity and
a surname tagged ORG beside its full name stays a person. Merges other than
exact spellings need the same type class, where GPE, LOC and FAC form one
"place" class (spaCy swaps them freely) and NORP stays apart: "Iraqi" (NORP)
names a people or is an adjective, not the country "Iraq" (GPE), so the two
never merge; nor does a country with an organisation named after it ("Japan" /
"Japan Airlines"): they share no key. Two multi-word names that agree word by
word ("Muammar al-Gaddafi" / "Moammar al-Gadhafi") are evidence enough to merge a
person with an organisation or other label, never with a place.

Aliases are surface forms as spelled, without a possessive or a leading "the"
(see ``_aliases``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.entities import mentions as mention_items
from newsfuse.fuse.entities import names
from newsfuse.fuse.entities import records as entity_records
from newsfuse.fuse.entities.groups import (
    MentionGroup,
    UnionFind,
    nearest_before,
    types_agree,
    with_missed_mentions,
    with_paren_acronyms,
)
from newsfuse.fuse.entities.mentions import TITLE_CASE_SHARE, Item
from newsfuse.fuse.entities.names import MIN_FUZZY_LENGTH, NameKey, names_match, tokens_match
from newsfuse.model import Entity

# A bare name with several candidates joins the most-mentioned one when no candidate
# shares more context, and only if it has this many times the mentions of the next.
# B³ F1 on ECB+ train flat from 1.5 to 10, 2026-05; 3 asks for a clear favourite.
SURNAME_DOMINANCE = 3.0
# A phonetic block larger than this is too generic to compare pairwise (quadratic cost
# for little gain); its members are left to the exact keys. The largest block on ECB+
# train (575 articles) has far fewer members, so this only bounds the worst case.
MAX_BLOCK = 64
# Nouns that say what kind of institution or place a name is, and that news drops or swaps
# freely at the end of the name ("Betty Ford Center", "Betty Ford Clinic", "the Mediterranean
# Sea", "the Mediterranean", "X Air Base", "X"). Chosen from the split chains of ECB+ train
# (2026-12): B³ F1 train 0.8895 -> 0.8928, dev 0.9180 -> 0.9191; general kind nouns only, no
# names. The airport and air base nouns do not occur in ECB+ (no change there).
DESIGNATORS = frozenset(
    """center centre clinic hospital facility treatment rehab rehabilitation recovery park national
    sea ocean airport airbase air base""".split()
)

# Labels of names a bare word may stand for ("Saints" → "New Orleans Saints", "Sukanya" →
# "INS Sukanya"). Countries and regions are left out, as are bare words tagged as one:
# "Korea" is not "South Korea", nor "Sudan" "South Sudan".
_HEAD_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_NOT_HEADS = frozenset({"GPE", "LOC", "NORP"})


class EntityCanonicalizer:
    """Cluster the named mentions of all articles into canonical entities.

    Parameters are the module's tuning constants, overridable per instance;
    ``find_missed=False`` keeps to the mentions the NER model tagged.
    After ``fit``: ``entities_`` (``Entity`` records, most mentioned first) and
    ``mention_entity_`` ((article id, start, end) of each named mention → entity id).
    With ``articles`` given, both also hold the untagged occurrences of known
    names found in the text (step 9): spans with no ``Mention`` in the analyses.

    Adding to a store, ``fit`` takes the stored entity table (``known``) and a corpus of the new
    articles and the stored ones near them in time (``events.assign.near_new``): the entities
    found there join the table (``records.join``), so the cost is bounded by that window.
    """

    def __init__(
        self,
        surname_dominance: float = SURNAME_DOMINANCE,
        min_fuzzy_length: int = MIN_FUZZY_LENGTH,
        max_block: int = MAX_BLOCK,
        title_case_share: float = TITLE_CASE_SHARE,
        find_missed: bool = True,
    ):
        self.surname_dominance = surname_dominance
        self.min_fuzzy_length = min_fuzzy_length
        self.max_block = max_block
        self.title_case_share = title_case_share
        self.find_missed = find_missed

    def fit(self, corpus: Corpus, known: Sequence[Entity] | None = None) -> EntityCanonicalizer:
        """Learn the entities of ``corpus.analyses``; the articles lend their text for acronyms in
        parentheses and for spotting headlines set in title case. With ``known`` (a store's entity
        table), ``entities_`` and ``mention_entity_`` are that table with what the corpus adds.

        Steps:
        1. clean each named mention and compute its name keys;
        2. cut run-on spans (headlines, spans across lines, "Coroner Gary Hargrove", "Lopez and
           Carrasquillo") back to a name known from running text, and key spans cut short of
           one by it ("Indianapolis" before "Colts"; see ``mention_items``);
        3. group mentions within each article (spellings, acronyms, bare names);
        4. merge groups across articles on exact name keys (bare surnames wait);
        5. merge transliteration variants within phonetic blocks, then short given names
           with the one full name of the surname they begin ("Ray Kelly" / "Raymond Kelly"),
           then names that differ in a kind noun at the end ("Betty Ford Center" / "Clinic");
        6. attach bare acronyms to the one expansion of the corpus;
        7. attach bare names to the full name they stand for (surnames, whatever their label; a
           company's first word), using shared context;
        8. merge the bare names left on their exact keys, and retry 7 on the result;
        9. find untagged occurrences of the entities' names in the text (see ``propagate``);
        10. build ``Entity`` records with the type the evidence votes for, a canonical name and aliases.
        """
        texts = {a.id: a.text for a in corpus.articles}
        ordered = sorted(corpus.analyses, key=lambda a: (a.article_id, a.content_hash))
        # 1. clean and key
        common = mention_items.common_words(texts.values())
        per_article = [mention_items.items_of(a, texts.get(a.article_id), common) for a in ordered]
        # 2. run-on spans
        mention_items.fix_spans(per_article, texts, common, self.title_case_share)
        # 3. within each article
        groups: list[MentionGroup] = []
        for analysis, items in zip(ordered, per_article):
            groups.extend(self._local_groups(items, texts.get(analysis.article_id)))
        # 4. exact keys across articles
        groups = self._merge_exact(groups, wait_bare=True)
        # 5. phonetic blocks, nicknames, kind nouns
        groups = self._merge_phonetic(groups)
        groups = self._merge_nicknames(groups)
        groups = self._merge_designated(groups, common)
        # 6. bare acronyms
        groups = self._merge_acronyms(groups)
        # 7. bare names
        groups = self._merge_bare(groups)
        # 8. the bare names left, then once more 7 with their pooled context
        groups = self._merge_exact(groups, wait_bare=False)
        groups = self._merge_bare(groups)
        # 9. names the model missed
        if self.find_missed and texts:
            groups = with_missed_mentions(groups, per_article, texts)
        # 10. records
        self.entities_, self.mention_entity_ = entity_records.build(groups, texts)
        if known is not None:
            self.entities_, self.mention_entity_ = entity_records.join(known, self.entities_)
        return self

    # -- step 3: within one article -----------------------------------------

    def _local_groups(self, items: list[Item], text: str | None) -> list[MentionGroup]:
        if not items:
            return []
        singles = [MentionGroup([it]) for it in items]
        uf = UnionFind(singles)
        # One spelling is one group, apart from the honorifics: "Mr. Clinton" and "Mrs. Clinton"
        # stay apart, and a plain "Clinton" joins them only when the article has one of the two.
        first: dict[tuple[str, str | None], int] = {}
        sexes: dict[str, set[str]] = defaultdict(set)
        for i, it in enumerate(items):
            uf.union(first.setdefault((it.key.compact, it.sex), i), i)
            if it.sex:
                sexes[it.key.compact].add(it.sex)
        for (compact, sex), i in first.items():
            if sex is None and len(sexes[compact]) == 1:
                uf.union(first[(compact, next(iter(sexes[compact])))], i)
        groups = uf.merged(singles)
        if text is not None:
            groups = with_paren_acronyms(groups, text)
        groups.sort(key=MentionGroup.start)
        uf = UnionFind(groups)
        self._link_acronyms_local(groups, uf)
        self._link_bare_local(groups, uf)
        return uf.merged(groups)

    def _link_acronyms_local(self, groups: list[MentionGroup], uf: UnionFind) -> None:
        expansions: dict[str, list[int]] = defaultdict(list)
        for g, group in enumerate(groups):
            if group.cls in ("PERSON", "NORP"):
                continue
            for key in group.heads:
                for acronym in key.acronyms:
                    expansions[acronym].append(g)
            for key in group.extra:
                expansions[key.compact].append(g)
        for g, group in enumerate(groups):
            if not group.is_acronym():
                continue
            candidates = sorted({c for k in group.heads for c in expansions.get(k.compact, ()) if c != g})
            if candidates:
                uf.union(g, nearest_before(groups, candidates, group.start()))

    def _link_bare_local(self, groups: list[MentionGroup], uf: UnionFind) -> None:
        people = [g for g, group in enumerate(groups) if group.cls == "PERSON" and group.full()]
        for g, group in enumerate(groups):
            word = group.bare()
            if word is None:
                continue
            # Any label: spaCy often tags a bare surname GPE, ORG or NORP, and a bare given name
            # ("Katie" for "Katie Jenkin") PRODUCT or ORG; a place or people's word is no given name.
            candidates = [p for p in people if self._surname_of(word, groups[p])]
            if not candidates and ("PERSON" in group.labels or group.label not in _NOT_HEADS):
                candidates = [p for p in people if any(word == k.core[0] for k in groups[p].full())]
            if not candidates and group.label not in _NOT_HEADS:
                # A short form is used after its full name ("the New Orleans Saints ... the Saints"; a
                # headline may use it first); a bare word only ever before a longer name is a name of
                # its own ("the House committee ... the White House").
                last = max(it.mention.start for it in group.items)
                candidates = [
                    c
                    for c, other in enumerate(groups)
                    if other.label in _HEAD_LABELS and any(word in _heads_of(k) for k in other.full()) and other.start() < last
                ]
            candidates = [c for c in candidates if not uf.clashes(g, c)]
            if len(candidates) > 1 and group.traits.sexes:
                # "Mrs. Clinton" where Bill and Hillary Clinton are both named: only a candidate
                # already known by the same honorific, else none (the nearest could be the other).
                candidates = [c for c in candidates if uf.traits(c).sexes == group.traits.sexes]
            if candidates:
                uf.union(g, nearest_before(groups, candidates, group.start()))

    def _surname_of(self, word: str, group: MentionGroup) -> bool:
        return any(tokens_match(word, k.core[-1], self.min_fuzzy_length) for k in group.full())

    # -- steps 4 to 8: across articles --------------------------------------

    def _merge_exact(self, groups: list[MentionGroup], wait_bare: bool) -> list[MentionGroup]:
        uf = UnionFind(groups)
        first: dict[tuple[str, str], int] = {}
        for g, group in enumerate(groups):
            if wait_bare and group.bare_person():
                continue
            for key in group.heads:
                for index_key in (("compact", key.compact), ("core", key.core_key)):
                    if index_key[1]:
                        uf.union(first.setdefault(index_key, g), g)
        return uf.merged(groups)

    def _merge_phonetic(self, groups: list[MentionGroup]) -> list[MentionGroup]:
        blocks: dict[tuple[str, ...], list[tuple[int, NameKey]]] = defaultdict(list)
        for g, group in enumerate(groups):
            if group.bare_person():
                continue
            for key in group.heads:
                if key.acronym or not key.core:
                    continue
                block = (names.skeleton(key.core[0]), names.skeleton(key.core[-1]), str(min(len(key.core), 2)))
                blocks[block].append((g, key))
        uf = UnionFind(groups)
        for members in blocks.values():
            if len(members) < 2 or len(members) > self.max_block:
                continue
            for i, (ga, ka) in enumerate(members):
                for gb, kb in members[i + 1 :]:
                    strong = len(ka.core) >= 2 and len(kb.core) >= 2
                    if ga != gb and types_agree(groups[ga], groups[gb], strong) and names_match(ka, kb, self.min_fuzzy_length):
                        uf.union(ga, gb)
        return uf.merged(groups)

    def _merge_nicknames(self, groups: list[MentionGroup]) -> list[MentionGroup]:
        """People with one surname whose given names are a short form and a full one ("Mo" /
        "Maurice", "Chris" / "Christopher"), when the short form fits one full name only."""
        by_surname: dict[str, list[tuple[int, NameKey]]] = defaultdict(list)
        for g, group in enumerate(groups):
            if group.cls != "PERSON":
                continue
            for key in group.full():
                if len(key.core[-1]) >= self.min_fuzzy_length:
                    by_surname[key.core[-1]].append((g, key))
        uf = UnionFind(groups)
        for members in by_surname.values():
            if len(members) < 2 or len(members) > self.max_block:
                continue
            for g, key in members:
                fits = {h for h, other in members if h != g and names.nickname_of(key.core[0], other.core[0])}
                if len(fits) == 1:
                    uf.union(g, fits.pop())
        return uf.merged(groups)

    def _merge_designated(self, groups: list[MentionGroup], common: frozenset[str]) -> list[MentionGroup]:
        """Institutions and places named with or without a kind noun at the end ("Betty Ford
        Center" / "Betty Ford Clinic", "Mt Cook National Park" / "Mount Cook"): groups whose
        names agree once those nouns are cut. People and peoples are left out; organisation
        and place may mix, since spaCy tags a clinic or a park as either. A town's bare name
        does not take its institutions ("Paris" / "Paris Hospital"), nor does a common word
        left alone make a stem ("Central Park" / "Central Hospital")."""
        stems: dict[str, list[int]] = defaultdict(list)
        whole: dict[str, list[int]] = defaultdict(list)
        for g, group in enumerate(groups):
            if group.cls in ("PERSON", "NORP"):
                continue
            for key in group.heads:
                if key.acronym:
                    continue
                stem = _stem(key)
                if stem is not None and " " not in stem and stem in common:
                    continue
                if stem is None:
                    if group.label != "GPE" or len(key.core) > 1:
                        whole[key.core_key].append(g)
                else:
                    stems[stem].append(g)
        uf = UnionFind(groups)
        for stem, members in stems.items():
            members = members + whole.get(stem, [])
            if len(members) > self.max_block:
                continue
            for g in members[1:]:
                uf.union(members[0], g)
        return uf.merged(groups)

    def _merge_acronyms(self, groups: list[MentionGroup]) -> list[MentionGroup]:
        expansions: dict[str, set[int]] = defaultdict(set)
        for g, group in enumerate(groups):
            if group.cls in ("PERSON", "NORP"):
                continue
            for key in group.heads:
                for acronym in key.acronyms:
                    expansions[acronym].add(g)
        uf = UnionFind(groups)
        for g, group in enumerate(groups):
            if not group.is_acronym() or group.cls in ("PERSON", "NORP"):
                continue
            candidates = {c for k in group.heads for c in expansions.get(k.compact, ()) if c != g}
            if len(candidates) == 1:
                uf.union(g, candidates.pop())
        return uf.merged(groups)

    def _merge_bare(self, groups: list[MentionGroup]) -> list[MentionGroup]:
        surnames: dict[str, set[int]] = defaultdict(set)
        skeletons: dict[str, set[int]] = defaultdict(set)
        heads: dict[str, set[int]] = defaultdict(set)
        in_article: dict[str, set[int]] = defaultdict(set)
        firsts: set[str] = set()  # first words of names other than people's ("ford" of "Ford Motor Co.")
        companies: dict[str, set[int]] = defaultdict(set)  # first words of names with a company form
        firsts_of_people: dict[str, set[int]] = defaultdict(set)
        for g, group in enumerate(groups):
            for article in group.articles:
                in_article[article].add(g)
            for key in group.full():
                if group.cls == "PERSON":
                    surnames[key.core[-1]].add(g)
                    firsts_of_people[key.core[0]].add(g)
                    skeletons[names.skeleton(key.core[-1])].add(g)
                else:
                    firsts.add(key.core[0])
                    if key.company and group.cls != "PLACE":
                        companies[key.core[0]].add(g)
                    if group.label in _HEAD_LABELS:
                        for head in _heads_of(key):
                            heads[head].add(g)
        uf = UnionFind(groups)
        for g, group in enumerate(groups):
            word = group.bare()
            if word is None:
                continue
            candidates: set[int] = set()
            if group.bare_person():
                candidates = surnames.get(word) or {
                    c
                    for c in skeletons.get(names.skeleton(word), ())
                    if self._surname_of(word, groups[c])
                }
                if not candidates and group.traits.sexes and len(firsts_of_people.get(word, ())) == 1:
                    # "Mr. Ban" where the one person named with that word writes the surname first
                    # ("Ban Ki-moon"): an honorific goes before a surname, never a given name.
                    candidates = set(firsts_of_people[word])
            by_head = False
            if not candidates and group.label not in _NOT_HEADS:
                candidates, by_head = heads.get(word, set()), True
            if not candidates and group.label not in _NOT_HEADS and word not in surnames:
                # A company named with its legal form goes by its first word ("Chrysler" of "Chrysler
                # Group LLC", "Toyota" of "Toyota Motor Corp."); of one such company only.
                candidates, by_head = companies.get(word, set()), True
            if not candidates and group.label not in _NOT_HEADS and word not in firsts:
                # A surname the tagger took for an organisation or a product in an article without
                # the full name ("Overturn Bush Rules", "Bush" as ORG); a word that begins a
                # non-person name is that name's short form instead ("Ford" of "Ford Motor Co.").
                candidates, by_head = surnames.get(word, set()), False
            candidates = sorted(c for c in candidates - {g} if not uf.clashes(g, c))
            if by_head and len(candidates) > 1:
                continue  # "House" of "White House" or of "House of Representatives": unclear, so neither
            target = self._choose(g, candidates, groups, in_article)
            if target is not None:
                uf.union(g, target)
        return uf.merged(groups)

    def _choose(
        self, g: int, candidates: list[int], groups: list[MentionGroup], in_article: dict[str, set[int]]
    ) -> int | None:
        """The candidate a bare name stands for: the only one, the one sharing most context, or a dominant one."""
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        context = set().union(*(in_article[a] for a in groups[g].articles)) - {g}

        def shared(c: int) -> int:
            return len(context & set().union(*(in_article[a] for a in groups[c].articles)) - {c})

        ranked = sorted(candidates, key=lambda c: (-shared(c), -len(groups[c].items), c))
        best, second = ranked[0], ranked[1]
        if shared(best) > shared(second):
            return best
        if len(groups[best].items) >= self.surname_dominance * len(groups[second].items):
            return best
        return None


# -- helpers -------------------------------------------------------------------


def _stem(key: NameKey) -> str | None:
    """A name's core without the kind nouns it ends with ("betty ford" of "Betty Ford Treatment
    Center"), or None when it ends with none or is nothing else."""
    core = list(key.core)
    while len(core) > 1 and core[-1] in DESIGNATORS:
        core.pop()
    if len(core) == len(key.core):
        return None
    return " ".join(core)


def _heads_of(key: NameKey) -> tuple[str, ...]:
    """Words a multi-word name may be shortened to: its last word, or its first before "of"
    ("New Orleans Saints" → "saints"; "Academy of Motion Picture Arts" → "academy")."""
    if "of" in key.core[1:]:
        return (key.core[-1], key.core[0])
    return (key.core[-1],)
