"""Claim alignment: the same statement across outlets, paraphrased or not, with its independent sources.

Each claim candidate of the per-article step (and each sentence piece with figures that no
candidate covers, so a figure the clause splitter missed is still compared) becomes a unit.
Units are compared only inside their article's event and, in a large event, only with their
nearest neighbours by sentence embedding. Two units link when their embedding cosine plus
evidence the embedding misses (shared canonical entities, a shared figure, the same main
verb) reaches a threshold, and nothing in their slots disagrees: a different figure for the
same thing, a different date, a different person or place, or one denying what the other
states. Paraphrase is never taken for agreement over such a difference; contradict.py
looks at those close pairs instead.

Support counts independent sources: copies of one article (``duplicate_of``) and agency copy
count once, and a claim outlets attribute to a news agency ("TASS reported") counts that
agency once whichever outlets carry it.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from newsfuse.errors import ModelError
from newsfuse.fuse.claims import slots as claim_slots
from newsfuse.fuse.claims.groups import describe
from newsfuse.fuse.claims.neighbours import neighbour_pairs, tfidf_vectors
from newsfuse.fuse.claims.pairs import COUNT_KINDS, PairSide, figures_differ, shipped, unit_side
from newsfuse.fuse.claims.scored import Pair, ScoredPairs
from newsfuse.fuse.claims.slots import Amount
from newsfuse.fuse.claims.units import ClaimUnit, collect_units, content_words, days_apart
from newsfuse.fuse.corpus import Corpus
from newsfuse.model import Article, ArticleAnalysis
from newsfuse.nlp.time import TimexValue
from newsfuse.util import jaccard

__all__ = ["ClaimAligner", "ClaimUnit", "Pair", "ScoredPairs", "content_words", "days_apart"]

# Two units link when their score (see ClaimAligner.score) reaches LINK_SCORE, each the other's
# best match in its article, and two groups merge only while the mean cosine between their
# members stays at least GROUP_COSINE (so one close pair cannot chain two claims together).
# ``learnt=True`` decides with the pair model (pairs.py, its alignment threshold) instead: better
# on MRPC's held-out pairs at precision 0.9, far short on the blind set's clause-level statements
# of one event (docs/quality.md, "Claims across outlets", 2026-12-07), so not the default.
# Grid over LINK_SCORE 0.35-1.0, GROUP_COSINE 0.3-0.6, CENTRING 0-1, ENTITY_WEIGHT 0-0.4 and
# WORD_WEIGHT 0-0.6 for the best sum of pairwise F1 on the annotated fixtures (tests/data/align)
# and hand-grouped seed statements, ECB+ train as a check (precision 0.93-0.97 and recall
# 0.11-0.13 throughout), 2026-11; docs/quality.md "Claims across outlets".
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
LINK_SCORE = 0.65
GROUP_COSINE = 0.3
# Weights in the score: the share of canonical entities the two name (Jaccard; the same grid
# found no gain: one name is often an entity in one report and a phrase in another), the share
# of content words, one figure both give, the same main verb lemma.
ENTITY_WEIGHT = 0.0
WORD_WEIGHT = 0.6
SHARED_AMOUNT_BONUS = 0.1
SAME_VERB_BONUS = 0.05
# Taken off when both give figures and no figure of one meets one of the other ("magnitude 6.1"
# and "death toll risen to 21"): two statements of one event with different numbers.
FIGURES_APART_PENALTY = 0.15
# Statements whose days (their own date, else their report's) lie further apart than this are
# about different happenings ("met the prime minister" in October and again in January) unless
# both write a date. Fixtures (tests/data/align/state_visit.json) and examples/setubal, 2026-11.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
MAX_DAYS_APART = 30
# Weight of the centred cosine (see neighbours.neighbour_pairs) against the plain one in the link score.
CENTRING = 0.5
# Pairs below this cosine are neither linked nor looked at for contradictions.
MIN_PAIR_COSINE = 0.35
# A large event compares each unit with its NEIGHBOURS nearest only (neighbours.ALL_PAIRS_BLOCK).
NEIGHBOURS = 20
# Counted nouns whose embeddings are this close count the same thing ("vessels"/"ships" 0.6+,
# "ships"/"workers" below 0.4 with all-MiniLM-L6-v2, 2026-11).
UNIT_COSINE = 0.5


class ClaimAligner:
    """Groups the claims of all articles into claims across outlets, with sources and support.

    After ``fit``:
    ``claims_`` one ``ClaimGroup`` per claim, most supported first: id, text (a representative
    wording), sources (a ``ClaimSource`` per unit),
    attributed_to (canonical entity id, the attribution's words, or None for the outlets' own
    statement), support (independent sources), status (corroborated | single-source; contradict
    adds disputed), outlets, event;
    ``units_`` the ClaimUnit of every statement compared; ``group_`` the claim id of each unit;
    ``vectors_`` their embeddings (rows of ``units_``);
    ``pairs_`` the close pairs looked at (for contradiction finding), a ``ScoredPairs``;
    ``embedding_used_`` whether sentence embeddings compared the statements (with ``learnt``, also
    whether the pair model, not the score, decided which pairs link).
    """

    def __init__(self, link_score: float = LINK_SCORE, group_cosine: float = GROUP_COSINE,
                 entity_weight: float = ENTITY_WEIGHT, word_weight: float = WORD_WEIGHT,
                 apart_penalty: float = FIGURES_APART_PENALTY, centring: float = CENTRING,
                 mutual_best: bool = True, neighbours: int = NEIGHBOURS, use_embeddings: bool = True,
                 veto_actors: bool = True, veto_places: bool = True, learnt: bool = False,
                 link_probability: float | None = None):
        self.link_score = link_score
        self.learnt = learnt
        self.link_probability = link_probability
        self.entity_weight = entity_weight
        self.word_weight = word_weight
        self.apart_penalty = apart_penalty
        self.centring = centring
        self.mutual_best = mutual_best
        self.group_cosine = group_cosine
        self.neighbours = neighbours
        self.use_embeddings = use_embeddings
        self.veto_actors = veto_actors
        self.veto_places = veto_places

    def fit(
        self,
        corpus: Corpus,
        article_event: Mapping[str, str] | None = None,
        article_story: Mapping[str, str] | None = None,
    ) -> ClaimAligner:
        """Steps:
        1. collect the units: claim candidates, and uncovered sentence pieces with figures;
        2. embed them (TF-IDF vectors without the embedding model);
        3. within each event (and each storyline and dated year), pair each unit with its
           neighbours and score the pairs;
        4. merge linked pairs, best first, into groups that stay alike and never disagree;
        5. describe each group: representative wording, sources, attribution, support, status.
        """
        # 1. units
        self.units_ = collect_units(corpus, article_event or {})
        # 2. vectors, for the units that have another article's units to be compared with
        self.embedding_used_ = False
        blocks = self._blocks(article_story or {})
        comparable = sorted({i for members in blocks for i in members})
        self.vectors_ = self._vectors(_embedding_texts(self.units_, corpus.articles, corpus.analyses), comparable)
        self.close_units_ = self._close_units([self.units_[i] for i in comparable])
        self.ordinals_ = _ordinals(self.units_)
        self.sides_: dict[int, PairSide] = {}
        # 3. pairs
        self.pairs_ = self._pairs(self.vectors_, blocks)
        # 4. and 5. groups and claims
        return self.regroup()

    def regroup(self) -> ClaimAligner:
        """Groups and claims again from the pairs already scored (after changing a threshold)."""
        labels = self._merge(self.vectors_)
        self.claims_, self.group_ = describe(self.units_, labels, self.vectors_)
        return self

    # -- 2. vectors ------------------------------------------------------------------------------

    def _vectors(self, texts: list[str], rows: list[int]) -> np.ndarray:
        """Embeddings of ``texts[rows]``; the other rows stay zero. A unit no block compares with
        another article's is never paired, grouped with others or centred on, so its vector is never
        read: on 300 ECB+ and GVC reports a third of the units (2026-12), and the encoder is the
        costliest step of a first run."""
        if self.use_embeddings and rows:
            from newsfuse.nlp.encoder import DIMENSION, embed_texts

            try:
                vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
                vectors[rows] = embed_texts([texts[i] for i in rows])
                self.embedding_used_ = True
                return vectors
            except ModelError:
                pass
        return tfidf_vectors(texts)

    def _close_units(self, units: Sequence[ClaimUnit]) -> set[tuple[str, str]]:
        """Pairs of counted nouns whose embeddings are close (the same thing: "vessels"/"ships"), among
        ``units`` (those that can be paired)."""
        words = sorted({w for u in units for a in u.amounts
                        if a.kind in ("cardinal", "ordinal") for w in a.unit.split()})
        close: set[tuple[str, str]] = set()
        if self.embedding_used_ and len(words) > 1:
            from newsfuse.nlp.encoder import embed_texts

            v = embed_texts(words)
            sim = v @ v.T
            for i, j in zip(*np.nonzero(sim >= UNIT_COSINE)):
                close.add((words[i], words[j]))
        return close

    def _unit_match(self, x: str, y: str) -> bool:
        """Whether two amounts' context words share a word or a close one (see claim_slots.Amount.unit)."""
        xs, ys = x.split(), y.split()
        return bool(set(xs) & set(ys)) or any((a, b) in self.close_units_ for a in xs for b in ys)

    # -- 3. pairs --------------------------------------------------------------------------------

    def _blocks(self, article_story: Mapping[str, str]) -> list[list[int]]:
        """The units compared with one another: those of each event; of each storyline, so that a
        report the clustering put in another event of the story is still compared (the time veto
        keeps months-apart events apart); and of each year that statements date themselves to (a
        figure for "the fourth quarter" of a year is the same slot whichever event's report gives
        it). Only blocks with units of two articles or more.

        A pair in several blocks is scored in the first (its centred cosine depends on the block's
        mean), so the order is fixed: events, then storylines, then years, each in order of first
        appearance, years ascending."""
        events: dict[str, list[int]] = defaultdict(list)
        stories: dict[str, list[int]] = defaultdict(list)
        years: dict[int, list[int]] = defaultdict(list)
        for i, u in enumerate(self.units_):
            events[u.block].append(i)
            if u.article in article_story:
                stories[article_story[u.article]].append(i)
            for year in {TimexValue.parse(v).year for v in u.dates}:
                years[year].append(i)
        ordered = [*events.values(), *stories.values(), *(years[y] for y in sorted(years))]
        return [m for m in ordered if len({self.units_[i].article for i in m}) >= 2]

    def _pairs(self, vectors: np.ndarray, blocks: list[list[int]]) -> ScoredPairs:
        """Close pairs within each block (see ``_blocks``), each scored in the first block that holds it."""
        # Pairs of one article and pairs below MIN_PAIR_COSINE are dropped on whole arrays: a block's
        # neighbourhoods hold ten times the pairs that are kept (1.9M of 170k on 1,000 ECB+ and GVC
        # reports, 2026-12), and looking at each one in Python took 3 s of the step's 5.
        codes: dict[str, int] = {}
        article = np.array([codes.setdefault(u.article, len(codes)) for u in self.units_], dtype=np.int64)
        found = []
        for members in blocks:
            i, j, cos, centred = neighbour_pairs(vectors, members, self.neighbours)
            keep = (article[i] != article[j]) & ~(cos.astype(np.float64) < MIN_PAIR_COSINE)
            found.append((i[keep], j[keep], cos[keep], centred[keep]))
        i, j, cos, centred = (np.concatenate(c) for c in zip(*found)) if found else (np.zeros(0, np.int64),) * 4
        # A pair of several blocks keeps its first: the first row of each (i, j), rows in order.
        _, first = np.unique(i * max(len(self.units_), 1) + j, return_index=True)
        first.sort()
        pairs = ScoredPairs(len(first))
        for row, (a, b, c, m) in enumerate(zip(i[first].tolist(), j[first].tolist(), cos[first].tolist(),
                                               centred[first].tolist())):
            pairs.put(row, self._score(a, b, c, m))
        return pairs

    def _score(self, i: int, j: int, cos: float, centred: float) -> Pair:
        a, b = self.units_[i], self.units_[j]
        probability = None
        if self._learnt():
            sides = self.sides_
            for k in (i, j):
                if k not in sides:
                    sides[k] = unit_side(self.units_[k])
            probability = shipped().probability(sides[i], sides[j], cos)
        return Pair(
            i, j, cos, centred,
            entities=jaccard(a.entities, b.entities),
            words=jaccard(a.words, b.words),
            amount=any(x.kind == y.kind and x.meets(y) and self.same_unit(x, y) for x in a.amounts for y in b.amounts),
            apart=_figures_apart(a, b),
            verb=bool(a.verb) and a.verb == b.verb,
            clash=self.clash(a, b),
            probability=probability,
        )

    def _learnt(self) -> bool:
        return self.learnt and self.embedding_used_

    def strength(self, p: Pair) -> float:
        """What decides whether a pair links: the pair model's probability (``learnt``), else the score."""
        return self.score(p) if p.probability is None else p.probability

    def threshold(self) -> float:
        """The strength at which a pair links: the model's alignment threshold (``learnt``), else ``link_score``."""
        if not self._learnt():
            return self.link_score
        return shipped().align_threshold if self.link_probability is None else self.link_probability

    def link(self, a: ClaimUnit, b: ClaimUnit, cosine: float, centred: float | None = None) -> tuple[float, str | None]:
        """The strength of two statements of different articles (see ``strength``) and what keeps them
        apart (None when nothing does), as ``fit`` compares a pair; ``centred`` defaults to ``cosine``
        (no event to centre on). They are one claim when the strength reaches ``threshold()`` and
        nothing keeps them apart. For scoring the pair decision on labelled sentence pairs (eval.paraphrase)."""
        probe = copy.copy(self)
        probe.units_ = [a, b]
        probe.embedding_used_ = self.use_embeddings
        probe.close_units_ = probe._close_units(probe.units_)
        probe.ordinals_ = _ordinals(probe.units_)
        probe.sides_ = {}
        p = probe._score(0, 1, cosine, cosine if centred is None else centred)
        return probe.strength(p), p.clash

    def score(self, p: Pair) -> float:
        """The link score of a pair: its plain and centred cosines plus the evidence the embedding misses."""
        return self._score_of(p, p.cosine, p.centred)

    def scores(self, pairs: ScoredPairs) -> np.ndarray:
        """``score`` of every pair, the same float64 operations in the same order (so the same values)."""
        return self._score_of(pairs, pairs.cosine.astype(np.float64), pairs.centred.astype(np.float64))

    def _score_of(self, p, cosine, centred):
        """``score`` of a pair or of columns of pairs (``p``'s fields), given its cosines as float64."""
        cosine = (1 - self.centring) * cosine + self.centring * centred
        return (cosine + self.entity_weight * p.entities + self.word_weight * p.words
                + SHARED_AMOUNT_BONUS * p.amount + SAME_VERB_BONUS * p.verb - self.apart_penalty * p.apart)

    def by_score(self) -> Iterator[Pair]:
        """The pairs, highest ``score`` first (ties in their order), made a few at a time."""
        return self.pairs_.take(np.argsort(-self.scores(self.pairs_), kind="stable"))

    def strengths(self, pairs: ScoredPairs) -> np.ndarray:
        """``strength`` of every pair."""
        return np.where(np.isnan(pairs.probability), self.scores(pairs), pairs.probability)

    def same_unit(self, x: Amount, y: Amount) -> bool:
        """Whether two amounts measure the same thing (kind, and context words or sign)."""
        if x.kind in ("cardinal", "ordinal"):
            return bool(x.unit and y.unit) and self._unit_match(x.unit, y.unit)
        return x.unit == y.unit

    def clash(self, a: ClaimUnit, b: ClaimUnit) -> str | None:
        """What keeps two statements from being the same claim, or None."""
        kind = self.amount_clash(a, b)
        if kind:
            return kind
        if self._other_instance(a, b) or self._other_instance(b, a):
            return "ordinal"
        if claim_slots.dates_clash(a.dates, b.dates):
            return "date"
        if a.negated != b.negated:
            return "negation"  # one states what the other denies
        if self.veto_actors and a.actors and b.actors and not a.actors & b.actors:
            return "actor"
        if self.veto_places and a.places and b.places and not a.places & b.places:
            return "place"
        gap = days_apart(a, b)
        if not (a.dates and b.dates) and gap is not None and gap > MAX_DAYS_APART:
            return "time"
        if a.block != b.block and gap is None:
            return "time"  # two events and no dates to tell whether they are one moment
        return None

    def _other_instance(self, a: ClaimUnit, b: ClaimUnit) -> bool:
        """``a`` counts its happening ("his first official visit") while ``b``'s report counts the
        same kind of happening differently ("his second visit"): the two reports tell different
        instances, so ``a`` is not any statement of ``b``'s report."""
        for x in a.amounts:
            if x.kind != "ordinal":
                continue
            for y in self.ordinals_.get(b.article, ()):
                if y.value != x.value and self._unit_match(x.unit, y.unit):
                    return True
        return False

    def amount_clash(self, a: ClaimUnit, b: ClaimUnit) -> str | None:
        """The kind of a figure each side gives for the same thing, neither met by any figure of the
        other ("14 ships" and "17 vessels"); a figure only one side gives ("from 4.25%") is no clash.
        Also "number" when both give figures of one kind and none of them meet (see _figures_differ)."""
        for x in a.amounts:
            if any(x.kind == y.kind and x.meets(y) and self.same_unit(x, y) for y in b.amounts):
                continue
            for y in b.amounts:
                if y.kind != x.kind or not self.same_unit(x, y):
                    continue
                if not any(y.kind == z.kind and y.meets(z) and self.same_unit(y, z) for z in a.amounts):
                    return "number" if x.kind in ("cardinal", "money", "percent", "quantity") else x.kind
        return "number" if _figures_differ(a, b) else None

    # -- 4. merging ------------------------------------------------------------------------------

    def _merge(self, vectors: np.ndarray) -> np.ndarray:
        n = len(self.units_)
        labels = np.arange(n)
        members: dict[int, list[int]] = {i: [i] for i in range(n)}
        # A group's vector sum, made when a merge first asks for it: a float64 copy of every unit's
        # vector (3 KiB each) up front held memory for units no linked pair names.
        sums: dict[int, np.ndarray] = {}

        def total(g: int) -> np.ndarray:
            if g not in sums:
                sums[g] = vectors[g].astype(np.float64)  # a group not merged yet is its one unit
            return sums[g]

        cannot: dict[int, set[int]] = defaultdict(set)  # group → groups it must never join
        pairs = self.pairs_
        clashing = pairs.clashing()
        for a, b in zip(pairs.a[clashing].tolist(), pairs.b[clashing].tolist()):
            cannot[a].add(b)
            cannot[b].add(a)
        strengths = self.strengths(pairs)
        rows = np.flatnonzero(~clashing)
        if self.mutual_best:
            rows = rows[_mutual_best(self.units_, pairs.a[rows], pairs.b[rows], strengths[rows])]
        rows = rows[np.argsort(-strengths[rows], kind="stable")]  # best first; ties in the pairs' order
        threshold = self.threshold()
        for p, score in zip(pairs.take(rows), strengths[rows].tolist()):
            if score < threshold:
                break
            ga, gb = labels[p.a], labels[p.b]
            if ga == gb or gb in cannot[ga]:
                continue
            if {self.units_[i].article for i in members[ga]} & {self.units_[i].article for i in members[gb]}:
                continue  # one statement per article in a claim
            mean = float(total(ga) @ total(gb)) / (len(members[ga]) * len(members[gb]))
            if mean < self.group_cosine:
                continue
            if any(self.clash(self.units_[i], self.units_[j]) for i in members[ga] for j in members[gb]):
                continue
            keep, gone = (ga, gb) if len(members[ga]) >= len(members[gb]) else (gb, ga)
            for i in members[gone]:
                labels[i] = keep
            members[keep].extend(members.pop(gone))
            sums[keep] = total(keep) + sums.pop(gone)
            moved = cannot.pop(gone, set())
            cannot[keep] |= moved
            for g in moved:
                cannot[g].discard(gone)
                cannot[g].add(keep)
        return labels


def _mutual_best(units: Sequence[ClaimUnit], a: np.ndarray, b: np.ndarray, strengths: np.ndarray) -> np.ndarray:
    """Which pairs (units ``a``, ``b`` and their strengths) are those in which each statement is the
    other's best match in the other's article: one report says a thing once, so its closest
    statement, not every close one, is the candidate."""
    codes: dict[str, int] = {}
    article = np.array([codes.setdefault(u.article, len(codes)) for u in units], dtype=np.int64)
    # Each (statement, other article) as one number; the best strength of each, over both sides.
    of_a = a.astype(np.int64) * max(len(codes), 1) + article[b]
    of_b = b.astype(np.int64) * max(len(codes), 1) + article[a]
    keys, where = np.unique(np.concatenate([of_a, of_b]), return_inverse=True)
    best = np.full(len(keys), -np.inf)
    np.maximum.at(best, where, np.concatenate([strengths, strengths]))
    return (strengths >= best[where[: len(a)]]) & (strengths >= best[where[len(a):]])


def _ordinals(units: Sequence[ClaimUnit]) -> dict[str, list[Amount]]:
    """Article → the ordinal figures of its statements (see ClaimAligner._other_instance)."""
    out: dict[str, list[Amount]] = defaultdict(list)
    for u in units:
        out[u.article].extend(x for x in u.amounts if x.kind == "ordinal")
    return out


def _figures_differ(a: ClaimUnit, b: ClaimUnit) -> bool:
    """Both statements give different figures of one kind, whatever they are said to count ("1,200
    workers" and "1,500 people"): never one claim (pairs.figures_differ)."""
    return figures_differ(a.amounts, b.amounts)


def _figures_apart(a: ClaimUnit, b: ClaimUnit) -> bool:
    xs = [x for x in a.amounts if x.kind in COUNT_KINDS]
    ys = [y for y in b.amounts if y.kind in COUNT_KINDS]
    return bool(xs and ys) and not any(x.kind == y.kind and x.meets(y) for x in xs for y in ys)


# Closing characters a statement leaves off its sentence (the clause splitter ends before them).
_CLOSING = ".!?;:\"”’')"


def _embedding_texts(units: Sequence[ClaimUnit], articles: Sequence[Article],
                     analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """The text to embed for each unit: the summary's wording of its sentence when the unit is that
    whole sentence short of its closing punctuation, else its own text.

    The summary embeds the same sentences, so the in-process memo then encodes them once (1,842 of
    4,141 statements on 250 GVC reports, 2026-11); the two forms' cosines have median 0.988.
    """
    from newsfuse.fuse.summary.sentences import sentence_text

    article_of = {a.id: a for a in articles}
    spans = {a.article_id: a.sentences for a in analyses}
    out: list[str] = []
    for u in units:
        text = u.text
        sentences = spans.get(u.article, ())
        if 0 <= u.sentence < len(sentences) and u.article in article_of:
            span = sentences[u.sentence]
            whole = sentence_text(article_of[u.article], span.start, span.end)
            if whole.rstrip(_CLOSING) == " ".join(u.text.split()).rstrip(_CLOSING):
                text = whole
        out.append(text)
    return out
