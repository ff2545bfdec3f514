"""Extractive summaries: a headline and a few sentences per event and story, each citing every report that says it."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsfuse.errors import ModelError
from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.summary.sentences import ReportSentence, is_dangling, report_sentences
from newsfuse.fuse.summary.support import SentenceCheck, says
from newsfuse.model import (
    ClaimGroup, ClaimSource, Contradiction, Dispute, Event, SentenceRef, Story, SummaryLine,
)
from newsfuse.nlp.time import TimexValue

log = logging.getLogger(__name__)

# A headline and MIN_SENTENCES..MAX_SENTENCES sentences per event: SENTENCES_BASE plus one per
# independent report, so a single report gets a short digest and a crowded event a fuller one.
MIN_SENTENCES = 4
MAX_SENTENCES = 8
SENTENCES_BASE = 3
# Similarity of two sentences: EMBEDDING_WEIGHT times the cosine of their sentence embeddings
# plus the rest times the cosine of TF-IDF vectors fitted on the event's sentences (TF-IDF
# alone without the embedding model). Another report's sentence at SUPPORT_THRESHOLD or above
# "says the same": it is cited beside a summary sentence and kept out of the summary as
# redundant. Chosen on ECB+ (bench/bench_summary_support.py, 2026-11): cross-document sentence
# pairs sharing an event and a participant/time/place chain against pairs sharing no event;
# the highest recall at precision >= 0.8 on the training topics. On the dev topics the mean
# (0.425) scores P 0.81 / R 0.39, embeddings alone (0.75) P 0.88 / R 0.25, TF-IDF alone
# (0.2) P 0.79 / R 0.37; equal weights beat 0.3 and 0.7 on the training topics.
EMBEDDING_WEIGHT = 0.5
SUPPORT_THRESHOLD = 0.425
SUPPORT_THRESHOLD_TFIDF = 0.2
# Relevance of a candidate sentence: cosine to the event's centroid, plus a lead bonus that
# halves every LEAD_HALF_LIFE sentences into a report, plus SUPPORT_WEIGHT times the share of
# the other independent reports that say the same, minus a penalty for an opening pronoun or
# connective (it dangles outside its report). Corroborated claims (CLAIM_MIN_SUPPORT sources
# or more, not disputed) get CLAIM_BONUS per source beyond the first, which puts them first. Set by reading
# the summaries of the seed reports and of examples/setubal, 2026-11; the support and claim
# terms matter most, the others break ties.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
LEAD_WEIGHT = 0.15
LEAD_HALF_LIFE = 3.0
SUPPORT_WEIGHT = 0.3
DANGLING_PENALTY = 0.15
CLAIM_MIN_SUPPORT = 2
CLAIM_BONUS = 0.5
# Maximal marginal relevance: weight of relevance against redundancy with what is chosen.
MMR_LAMBDA = 0.7
# At most POOL_SENTENCES candidates per event (lead sentences first), so the pairwise step
# stays bounded on a crowded event.
POOL_SENTENCES = 1500


@dataclass(slots=True)
class _Group:
    """What one summary covers: an event or a story, its headline and the reports to read."""

    kind: str  # event | story
    id: str
    title: str
    date: str
    main: list[str]  # reports that tell it, in order
    cited: list[str] = field(default_factory=list)  # further reports that may be cited
    events: tuple[str, ...] = ()  # a story's events, whose lines it does not repeat


class Summarizer:
    """A headline and a few sentences for each event (and each story of several events).

    ``fit(corpus, events, stories, claims, contradictions)``; after it:
    ``summary_`` one ``SummaryLine`` per line: ``kind`` (headline | sentence), ``text``,
    ``sources`` (``SentenceRef``, the line's own sentence first), ``support`` (independent
    sources among them, ``Corpus.source``: copies follow their original, an outlet or agency
    counts once), ``event`` or ``story``, and, on a line that states one side of a
    contradiction, ``disputed``: a ``Dispute`` with the other side's sentences (a disputed
    claim is never stated as bare fact);
    ``embedding_used_`` whether sentence embeddings (not TF-IDF alone) measured similarity in any group.

    Steps: 1. collect the candidate sentences of each event's reports (copies left out);
    2. vectorise them; 3. score relevance (centrality, lead position, how many reports say
    the same, corroborated claims); 4. choose with MMR; 5. cite every sentence of the event's
    reports (copies included) that is similar and says the line (``support.SentenceCheck``, the pair model:
    each citation is checked against its own sentence, a claim group's sources too), and the
    other side of any contradiction; 6. put the chosen in time order; 7. leave out a line that
    states a date in another month than its event's, and one that repeats a line shown before it (its
    sentence already cited there, or the same words), in its block or, for a story, in its
    events' blocks; 8. the headline cites only sentences that say it, of reports published on
    or after the event's date.
    """

    def __init__(
        self,
        min_sentences: int = MIN_SENTENCES,
        max_sentences: int = MAX_SENTENCES,
        diversity: float = MMR_LAMBDA,
        support_threshold: float | None = None,
        use_embeddings: bool = True,
    ):
        self.min_sentences = min_sentences
        self.max_sentences = max_sentences
        self.diversity = diversity
        self.support_threshold = support_threshold
        self.use_embeddings = use_embeddings

    def fit(
        self,
        corpus: Corpus,
        events: Sequence[Event] = (),
        stories: Sequence[Story] = (),
        claims: Sequence[ClaimGroup] = (),
        contradictions: Sequence[Contradiction] = (),
    ) -> Summarizer:
        groups = _groups(events, stories, corpus)
        # 1. sentences
        sentences = report_sentences(corpus.articles, corpus.analysis_by_id)
        # 2. vectors: embeddings once for the corpus, for the groups told by two independent
        # reports or more; TF-IDF is fitted per group below. A group of one report (and its copies)
        # has no other report to find support or citations in: its sentences are only ranked and
        # kept apart from one another, which TF-IDF does alone, and the encoder is the costliest
        # step of a first run (a third of the summary's texts on 300 ECB+ and GVC reports, 2026-12).
        compared = [g for g in groups if len(_origins(g, corpus)) > 1]
        needed = sorted({k for g in compared for aid in g.main + g.cited for k in sentences.get(aid, {})})
        self.embedding_used_ = False
        vectors: dict[Any, np.ndarray] | None = None
        if self.use_embeddings and compared:
            vectors = self._embed(needed, sentences, compared)
        claim_support, claim_sources = _claim_index(claims)
        disputes = _dispute_index(claims, contradictions)
        summary: list[SummaryLine] = []
        shown: dict[str, list[SummaryLine]] = {}
        for group in groups:
            embedded = vectors is not None and ("title", group.kind, group.id) in vectors
            threshold = self.support_threshold
            if threshold is None:
                threshold = SUPPORT_THRESHOLD if embedded else SUPPORT_THRESHOLD_TFIDF
            lines = self._summarise(group, sentences, vectors if embedded else None, threshold, corpus,
                                    claim_support, claim_sources)
            # 7. no repeats: within the block, and a story's block against its events' blocks
            earlier = [line for eid in group.events for line in shown.get(eid, ())]
            lines = _without_repeats(lines, earlier)
            shown[group.id] = lines
            summary += [_mark_disputed(line, disputes) if line.kind == "sentence" else line for line in lines]
        self.summary_ = summary
        return self

    def _embed(self, keys, sentences, groups) -> dict[Any, np.ndarray] | None:
        from newsfuse.nlp.encoder import embed_texts

        texts = [sentences[k[0]][k].text for k in keys] + [g.title for g in groups]
        try:
            matrix = embed_texts(texts)
        except ModelError as exc:
            # The embedding model is an optional extra: TF-IDF stands in, and we say so.
            log.warning("summary without sentence embeddings: %s", exc)
            return None
        self.embedding_used_ = True
        out: dict[Any, np.ndarray] = dict(zip(keys, matrix[: len(keys)]))
        out.update({("title", g.kind, g.id): v for g, v in zip(groups, matrix[len(keys):])})
        return out

    def _summarise(self, group, sentences, vectors, threshold, corpus, claim_support, claim_sources):
        # 1. the pool: every scanned sentence of the group's reports; candidates come from originals
        pool: list[ReportSentence] = []
        for aid in dict.fromkeys(group.main + group.cited):
            pool += sentences.get(aid, {}).values()
        if not pool:
            return []
        main = set(group.main)
        # (7. a sentence dated in another month tells another happening: never this event's line)
        candidates = [
            i for i, s in enumerate(pool)
            if s.candidate and s.key[0] in main and not corpus.is_copy(s.key[0]) and not _other_date(s, group)
        ]
        candidates = sorted(candidates, key=lambda i: pool[i].rank)[:POOL_SENTENCES]
        if not candidates:
            return []
        # 2. vectors: the pool's sentences, then the headline
        tfidf = tfidf_vectors([s.text for s in pool] + [group.title])
        embedded = None
        if vectors is not None:
            embedded = np.stack([vectors[s.key] for s in pool] + [vectors[("title", group.kind, group.id)]])

        def sim(a: np.ndarray, b: np.ndarray) -> np.ndarray:
            lexical = _cos(tfidf[a], tfidf[b])
            if embedded is None:
                return lexical
            return EMBEDDING_WEIGHT * _cos(embedded[a], embedded[b]) + (1 - EMBEDDING_WEIGHT) * lexical

        check = _check(pool, group, embedded, corpus)
        origin = [corpus.original(s.key[0]) for s in pool]
        cand = np.array(candidates)
        everything = np.arange(len(pool))
        sim_cc = sim(cand, cand)
        # 3. relevance
        independent = sorted({origin[i] for i in candidates})
        reports = {aid: [k for k, i in enumerate(candidates) if origin[i] == aid] for aid in independent}
        # the centroid of a report's sentences, averaged over reports: each report weighs the same
        article_rows = np.zeros((len(independent), len(candidates)))
        for r, aid in enumerate(independent):
            article_rows[r, reports[aid]] = 1.0 / len(reports[aid])
        weights = article_rows.mean(axis=0)
        centrality = sim_cc @ weights / max(1e-9, float(np.sqrt(weights @ sim_cc @ weights)))
        said_by = np.zeros(len(candidates))
        if len(independent) > 1:
            same = sim_cc >= threshold
            for k, i in enumerate(candidates):
                others = {origin[candidates[j]] for j in np.flatnonzero(same[k])} - {origin[i]}
                said_by[k] = len(others) / (len(independent) - 1)
        lead = np.array([0.5 ** (pool[i].rank / LEAD_HALF_LIFE) for i in candidates])
        dangling = np.array([is_dangling(pool[i].text) for i in candidates], dtype=float)
        claimed = np.array([claim_support.get(pool[i].key, 0) for i in candidates], dtype=float)
        claim_term = np.where(claimed >= CLAIM_MIN_SUPPORT, CLAIM_BONUS * (claimed - 1), 0.0)
        relevance = (
            centrality + LEAD_WEIGHT * lead + SUPPORT_WEIGHT * said_by - DANGLING_PENALTY * dangling + claim_term
        )
        # 4. MMR
        target = min(self.max_sentences, max(self.min_sentences, SENTENCES_BASE + len(independent)))
        chosen = _mmr(relevance, sim_cc, target, self.diversity, threshold)
        # 5. citations: every report's best sentence that says the same (claims' sources too)
        sim_cp = sim(cand[chosen], everything)
        lines = []
        for row, k in enumerate(chosen):
            i = candidates[k]
            lines.append(
                (pool[i], _cite(pool, i, sim_cp[row], threshold, claim_sources.get(pool[i].key, ()), check))
            )
        # 6. time order: the date the sentence gives, else its report's; lead sentences first
        lines.sort(key=lambda line: (line[0].date or group.date or "", line[0].rank))
        # 8. the headline: a report states it only in a sentence that says it, and not before it happened
        out = [_line("headline", group, group.title, _headline_sources(pool, group, corpus, check), corpus)]
        out += [_line("sentence", group, s.text, sources, corpus) for s, sources in lines]
        return out


def tfidf_vectors(texts: Sequence[str]):
    """L2-normalised TF-IDF rows (sparse) of the texts, fitted on the texts themselves."""
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not any(t.strip() for t in texts):
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)
    try:
        vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # only stop words: nothing to compare
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)


def _cos(a, b) -> np.ndarray:
    """Dense cosines between the (already normalised) rows of ``a`` and of ``b``."""
    product = a @ b.T
    return np.asarray(product.toarray() if hasattr(product, "toarray") else product, dtype=np.float64)


def _mmr(relevance: np.ndarray, sim: np.ndarray, target: int, diversity: float, threshold: float) -> list[int]:
    chosen: list[int] = []
    open_ = np.ones(len(relevance), dtype=bool)
    while len(chosen) < target and open_.any():
        redundancy = sim[:, chosen].max(axis=1) if chosen else np.zeros(len(relevance))
        score = np.where(open_, diversity * relevance - (1 - diversity) * redundancy, -np.inf)
        best = int(np.argmax(score))
        chosen.append(best)
        # what says the same as a chosen sentence is cited beside it, not repeated
        open_ &= sim[best] < threshold
        open_[best] = False
    return chosen


def _check(pool: list[ReportSentence], group: _Group, embedded: np.ndarray | None, corpus: Corpus) -> SentenceCheck:
    """The citation check over the pool's sentences and, last, the group's headline."""
    places = []
    for s in pool:
        analysis = corpus.analysis(s.key[0])
        span = analysis.sentences[s.key[1]] if analysis is not None else None
        places.append((analysis, span.start, span.end) if span is not None else (None, 0, len(s.text)))
    places.append((None, 0, len(group.title)))
    return SentenceCheck([s.text for s in pool] + [group.title], places, embedded, corpus.mention_entity)


def _cite(pool: list[ReportSentence], own: int, sims: np.ndarray, threshold: float, extra,
          check: SentenceCheck) -> list[tuple[str, int]]:
    """The line's own sentence, then each other report's most similar sentence that says the line,
    then the claim group's sources whose own sentence says it (a group's sources are not inherited)."""
    line = pool[own]
    best: dict[str, tuple[float, int]] = {}
    for j in np.flatnonzero(sims >= threshold):
        aid = pool[j].key[0]
        if j == own or aid == line.key[0] or _clash(line, pool[j]) or not check(own, int(j)):
            continue
        if aid not in best or sims[j] > best[aid][0]:
            best[aid] = (float(sims[j]), int(j))
    sources = [line.key]
    sources += [pool[j].key for _, j in sorted(best.values(), reverse=True)]
    index_of = {s.key: k for k, s in enumerate(pool)}
    for key in extra:
        k = index_of.get(key)
        # a sentence we cannot read (outside the scanned lead) cannot be checked, so it is not cited
        if key not in sources and k is not None and not _clash(line, pool[k]) and check(own, k):
            sources.append(key)
    return sources


def _headline_sources(pool: list[ReportSentence], group: _Group, corpus: Corpus,
                      check: SentenceCheck) -> list[tuple[str, int]]:
    """Per report, the first sentence that says the headline, of reports not published before the
    group's date; the report whose title (or lead) the headline is states it in its lead sentence."""
    out: dict[str, tuple[str, int]] = {}
    for k, s in enumerate(pool):
        article = corpus.article(s.key[0])
        if s.key[0] in out or _before(article.published if article else "", group.date):
            continue
        if check(len(pool), k) or (s.rank == 0 and _headline_of(group.title, article, s.text)):
            out[s.key[0]] = s.key
    return list(out.values())


def _headline_of(headline: str, article, lead: str) -> bool:
    """Whether the headline is the report's own title, or its lead's opening words (the event's
    title is its central report's title, else its lead, cut to a length)."""
    head = " ".join(headline.split())
    if not head:
        return False
    own = " ".join((article.title if article and article.title else lead).split())
    return own[: len(head)] == head


def _before(published: str, date: str) -> bool:
    """Whether a report was published wholly before the day it would announce (False when either is unknown)."""
    a, b = TimexValue.parse(published or ""), TimexValue.parse(date or "")
    end, start = (a.end(), b.start()) if a is not None and b is not None else (None, None)
    return end is not None and start is not None and end < start


def _other_date(sentence: ReportSentence, group: _Group) -> bool:
    """Whether the sentence ties what it tells to another month than its event's (an event only; a
    plan after publication is dated by the report, not by the plan). An event's date may be a day
    off the one a report states ("on Wednesday" against the Tuesday it began); another month is
    another happening: the first visit under the second's heading, last year's strike."""
    if group.kind != "event" or not sentence.stated or sentence.date != sentence.stated:
        return False
    x, y = TimexValue.parse(sentence.stated), TimexValue.parse(group.date)
    return x is not None and y is not None and not x.agrees(y, finest="month")


def _without_repeats(lines: list[SummaryLine], earlier: Sequence[SummaryLine]) -> list[SummaryLine]:
    """The lines without those that repeat one shown before: its own sentence is already cited there
    (the same fact with its citations the other way round), or its words are (nearly) the same."""
    seen = [line for line in earlier if line.kind == "sentence"]
    out = []
    for line in lines:
        if line.kind == "sentence":
            own = line.sources[0]
            if any(own in prior.sources or says(line.text, prior.text) for prior in seen):
                continue
            seen.append(line)
        out.append(line)
    return out


def _clash(a: ReportSentence, b: ReportSentence) -> bool:
    """Two similar sentences that cannot say the same: their stated dates differ where both are
    known (2025-10 against 2026-01, not 2025 against 2025-10), or both give figures and share
    none (1,200 against 1,500 people: a disagreement to show, not a source to cite), or both
    count and share no count (the first visit against the second)."""
    if a.stated and b.stated:
        x, y = TimexValue.parse(a.stated), TimexValue.parse(b.stated)
        if x is not None and y is not None and not x.agrees(y):
            return True
    if a.ordinals and b.ordinals and not a.ordinals & b.ordinals:
        return True  # "his first visit" against "his second visit": two happenings, not one told twice
    return bool(a.numbers and b.numbers and not a.numbers & b.numbers)


def _line(kind: str, group: _Group, text: str, sources, corpus: Corpus) -> SummaryLine:
    return SummaryLine(
        kind=kind,
        text=text,
        sources=tuple(SentenceRef(a, s) for a, s in sources),
        support=len(corpus.sources(a for a, _ in sources)),
        event=group.id if group.kind == "event" else None,
        story=group.id if group.kind == "story" else None,
    )


def _origins(group: _Group, corpus: Corpus) -> set[str]:
    """The reports of a group, each copy counted as its original."""
    return {corpus.original(aid) for aid in group.main + group.cited}


def _groups(events: Sequence[Event], stories: Sequence[Story], corpus: Corpus) -> list[_Group]:
    known = {a.id for a in corpus.articles}
    groups = []
    for e in events:
        main = [a for a in e.articles if a in known]
        if main:
            cited = [a for a in e.mentioned_in if a in known]
            groups.append(_Group("event", e.id, e.title or "", e.date or "", main, cited))
    for s in stories:
        # A story of one event would repeat that event's summary; a story has no date of its own.
        main = [a for a in s.articles if a in known]
        if len(s.events) > 1 and main:
            groups.append(_Group("story", s.id, s.title or "", "", main, events=tuple(s.events)))
    return groups


def _claim_index(claims: Sequence[ClaimGroup]):
    """(article, sentence) → the largest support of an undisputed claim made there, and that claim's sources.

    A disputed claim earns no corroboration bonus: several outlets saying it does not settle it."""
    support: dict[tuple[str, int], int] = {}
    sources: dict[tuple[str, int], tuple[tuple[str, int], ...]] = {}
    for claim in claims:
        if claim.status == "disputed":
            continue
        keys = _keys(claim.sources)
        n = claim.support
        for key in keys:
            if n > support.get(key, -1):
                support[key] = n
                sources[key] = keys
    return support, sources


def _dispute_index(claims: Sequence[ClaimGroup], contradictions: Sequence[Contradiction]):
    """(article, sentence) → [(explanation, the other side's sentences)] for every contradiction it is a side of."""
    sources_of = {c.id: _keys(c.sources) for c in claims}
    out: dict[tuple[str, int], list[tuple[str, tuple[tuple[str, int], ...]]]] = {}
    for record in contradictions:
        ids = list(record.claims)
        sides = [sources_of.get(cid, ()) for cid in ids]
        # the records name their sides' sentences too: a side whose claim is not at hand still counts
        for side in record.sides:
            if side.claim in ids:
                k = ids.index(side.claim)
                key = (side.article, int(side.sentence))
                if key not in sides[k]:
                    sides[k] = (*sides[k], key)
        for k, side in enumerate(sides):
            others = tuple(key for j, other in enumerate(sides) if j != k for key in other)
            for key in side:
                out.setdefault(key, []).append((record.explanation or "", others))
    return out


def _mark_disputed(line: SummaryLine, disputes) -> SummaryLine:
    """The line with ``disputed`` (the contradictions' explanations and other sides) if any source is a side of one."""
    own = [(s.article, s.sentence) for s in line.sources]
    explanations: list[str] = []
    others: list[tuple[str, int]] = []
    for key in own:
        for explanation, side in disputes.get(key, ()):
            if explanation and explanation not in explanations:
                explanations.append(explanation)
            # the other side even where the line cites it too (a sentence that gives both figures)
            others += [k for k in side if k not in others]
    if not explanations and not others:
        return line
    return dataclasses.replace(line, disputed=Dispute(
        explanation="; ".join(explanations), sources=tuple(SentenceRef(a, n) for a, n in others),
    ))


def _keys(sources: Sequence[ClaimSource]) -> tuple[tuple[str, int], ...]:
    return tuple((s.article, int(s.sentence)) for s in sources)
