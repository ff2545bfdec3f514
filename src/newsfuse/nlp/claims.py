"""Claim candidates in one parsed article: checkable statements split into clauses, with attribution and slots.

What counts as a claim: a declarative clause with a finite verb (or the complement of a
reporting verb: "analysts expect the bank to cut rates") that states something a reader could
check against another report. A sentence with two independent clauses — two verbs each with
its own subject, joined by "and", "but", "yet" or ";" — gives two claims, so that outlets
agreeing on one half and not the other can be told apart later.

What does not count, and why:

* questions (nothing is asserted), calls to action and imperatives ("Subscribe …", "Let's …"),
  headings and teasers (no sentence, no verb);
* clauses with a normative modal ("should", "ought to", "must") — a demand, not a fact —
  and first-person belief ("I think …", "we believe …") — an opinion of the writer or speaker;
* pure evaluation: a copula with an adjective or noun judgement and no name, number or date
  to check ("This is a shameful decision");
* the reporting frame itself ("X said", "it should be noted"): the reported clause is the claim.

Attribution is who the text says the claim comes from: the subject of a reporting or belief
verb ("Sources said …", "Analysts expect …"), "according to X", "in X's words", "…, AFP
reported", or the speaker of the direct quotation the clause sits in. Without one the claim is
the outlet's own (attribution None). Numbers, negation and the main verb's lemma are kept as
slots for aligning claims and spotting contradictions across outlets.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from newsfuse.model import Claim, Number, QuoteSpan, skip_dateline
from newsfuse.nlp.speech.attribution import Attributor, Source
from newsfuse.nlp.speech.cues import (
    according_to_object,
    doc_ents,
    doc_text,
    is_cognition_verb,
    is_speech_verb,
    reporting_aside,
    subject_of,
    that_clause,
    words_of_object,
)
from newsfuse.lexicon import NUMBER_WORDS, SMALL_NUMBERS, read_number

# Conjunctions that join independent clauses into separate claims; "or" offers alternatives
# and "while"/"because" subordinate, so those stay one claim.
SPLIT_CONJUNCTIONS = frozenset({"and", "but", "yet"})
# Modals that make a clause a demand or a recommendation rather than a statement of fact.
NORMATIVE_MODALS = frozenset({"should", "ought", "must"})
# Words that negate a clause when they are its subject or object ("no soldiers were injured").
NEGATIVE_WORDS = frozenset({"no", "none", "nobody", "nothing", "neither", "nor", "never", "no-one"})
# Reporting verbs whose reported clause is denied by the source.
DENIAL_VERBS = frozenset({"deny", "dismiss", "reject", "refute"})
# A clause this short (words, not counting punctuation) says too little to check.
MIN_CLAIM_WORDS = 3
# A paragraph this short without final punctuation is a heading (our fixtures and the seeds'
# section titles, 2026-05).
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
HEADING_MAX_WORDS = 12
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NUMBER_LABELS = {"CARDINAL": "cardinal", "ORDINAL": "ordinal", "MONEY": "money", "PERCENT": "percent", "QUANTITY": "quantity"}
_DURATION = re.compile(
    r"\b(\d[\d,]*(?:\.\d+)?|(?:a |an )?(?:%s)(?:[ -](?:%s))?)\s+"
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries)\b"
    % ("|".join(sorted([*NUMBER_WORDS, "a dozen"], key=len, reverse=True)), "|".join(SMALL_NUMBERS)),
    re.I,
)
_TERMINAL = ".!?…\"”»’)"
_CLAUSE_MARKS = frozenset({"that", "whether", "because", "since", "although", "though", "as", "if"})


def find_claims(doc, quotes: tuple[QuoteSpan, ...], mentions, dateline: tuple[int, int] | None = None) -> tuple[Claim, ...]:
    """Claim candidates in ``doc``, one per independent clause, in text order; ``dateline`` is the
    article's (``Article.dateline_span``), left out of the clause it opens.

    Steps:
    1. cut the parser's sentences at paragraph breaks (they can run over them) and drop
       headings and pieces without a finite verb;
    2. split each piece at "and"/"but"/"yet"/";" between verbs that have their own subjects;
    3. take reporting frames apart: the reported clause is the claim, the frame's subject its
       attribution; "according to X", a "…, X reported" aside and the enclosing quotation
       attribute the rest;
    4. drop questions, calls to action, demands, opinions and pure evaluations;
    5. keep each clause's span, numbers, negation and main verb.
    """
    direct = _Quotes([q for q in quotes if q.kind == "direct"])
    attributor = Attributor.of(doc, mentions, [(q.start, q.end) for q in direct])
    out: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    # 1. pieces of sentences
    for piece in _pieces(doc):
        if _is_heading(piece, doc) or not any(_finite(t) for t in piece):
            continue
        inside = {t.i for t in piece}
        framing = _framing_source(piece, attributor)
        removed = set(framing[1]) if framing else set()
        for tok in piece:
            if tok.dep_ in ("parataxis", "advcl") and reporting_aside(tok):
                removed.update(t.i for t in tok.subtree)
        for root in _roots(piece, inside):
            lo, hi = _extent(root, piece[0].i, piece[-1].i + 1, inside)
            # 2. and 3. clauses and frames
            for clause in _clauses(root, lo, hi, inside, attributor, framing[0] if framing else None):
                # 4. and 5.
                claim = _claim(clause, piece, inside, removed, attributor, direct, doc, dateline)
                if claim is not None and (claim.start, claim.end) not in seen:
                    seen.add((claim.start, claim.end))
                    out.append(claim)
    out.sort(key=lambda c: c.start)
    return tuple(out)


@dataclass(slots=True)
class _Clause:
    """One clause to make a claim of: its head verb, token bounds [lo, hi), and what attributes it."""

    head: object
    lo: int
    hi: int
    source: Source | None
    framed: bool  # a reporting frame or aside gave the source
    denied: bool = False
    carved: set[int] = field(default_factory=set)  # tokens of frames inside the clause ("…, stressing that …")


# -- 1. pieces ------------------------------------------------------------------------------


def _pieces(doc):
    """The parser's sentences cut at line breaks, as token lists without spaces."""
    for sent in doc.sents:
        piece = []
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if piece:
                    yield piece
                piece = []
                continue
            if not tok.is_space:
                piece.append(tok)
        if piece:
            yield piece


def _is_heading(piece, doc) -> bool:
    text = doc_text(doc)
    start, end = piece[0].idx, piece[-1].idx + len(piece[-1])
    whole_line = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
    words = [t for t in piece if not t.is_punct]
    return whole_line and text[end - 1] not in _TERMINAL and len(words) <= HEADING_MAX_WORDS


def _framing_source(piece, attributor: Attributor):
    """(source, token ids of the phrase) for "according to X" / "in X's words" in the piece, or None."""
    for tok in piece:
        obj = according_to_object(tok)
        cue = [tok, tok.nbor(1)] if obj is not None else []
        if obj is None:
            obj = words_of_object(tok)
            cue = [tok.head, tok]
        if obj is not None:
            # Only the phrase itself: the parser sometimes hangs the clause's subject on "according".
            drop = {t.i for t in cue} | {t.i for t in obj.subtree}
            hi = max(drop) + 1
            if hi < len(tok.doc) and tok.doc[hi].text == ",":
                drop.add(hi)
            return attributor.source(obj), drop
    return None


def _roots(piece, inside: set[int]):
    """Tokens of the piece whose head lies outside it (the parse can join pieces), verbs first."""
    roots = [t for t in piece if (t.head.i == t.i or t.head.i not in inside) and not t.is_punct]
    roots = [t for t in roots if t.lower_ != "according" and not (t.dep_ == "prep" and t.head.i not in inside)]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
    return verbs or roots[:1]


def _extent(head, lo: int, hi: int, inside: set[int]) -> tuple[int, int]:
    ids = [t.i for t in head.subtree if t.i in inside and lo <= t.i < hi]
    return (min(ids), max(ids) + 1) if ids else (head.i, head.i + 1)


# -- 2. splitting -----------------------------------------------------------------------------


def _split(head, lo: int, hi: int, inside: set[int]) -> list[tuple[object, int, int]]:
    """``head`` and the independent clauses coordinated with it, each with its token bounds.

    The bounds come from the position of the joining word, not from the parse's subtrees, so
    a misattached subject ("killed 40 people and thousands were left …") stays on its side.
    """
    parts = [(head, lo, hi)]
    reported = _reported(head, inside)
    children = [
        c for c in head.children
        if c.i in inside and lo <= c.i < hi and c.pos_ in ("VERB", "AUX") and c.dep_ in ("conj", "parataxis", "ccomp")
        and _has_subject(c) and not (reported is not None and c.i == reported.i)
    ]
    after = sorted((c for c in children if c.i > head.i), key=lambda c: -c.i)
    before = sorted((c for c in children if c.i < head.i), key=lambda c: c.i)
    for c in after + before:
        cut = _joining_token(head, c)
        if cut is None:
            continue
        _, l, r = parts[0]
        if c.i > head.i:
            if not l <= cut < r:
                continue
            parts[0] = (head, l, cut)
            parts.extend(_split(c, cut + 1, r, inside))
        else:
            if not l <= cut < r:
                continue
            parts[0] = (head, cut + 1, r)
            parts.extend(_split(c, l, cut, inside))
    return parts


def _has_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _joining_token(head, other) -> int | None:
    """The index of the "and"/"but"/"yet" or ";" between two clauses (a coordinated verb needs one)."""
    doc = head.doc
    lo, hi = sorted((head.i, other.i))
    found = [
        t.i for t in doc[lo + 1 : hi]
        if t.text == ";" or other.dep_ == "conj" and t.dep_ == "cc" and t.lower_ in SPLIT_CONJUNCTIONS
    ]
    if not found:
        return None
    return found[-1] if other.i > head.i else found[0]


# -- 3. frames ------------------------------------------------------------------------------


def _clauses(head, lo, hi, inside, attributor: Attributor, source, framed=False, denied=False):
    """The clauses under ``head`` to make claims of, with reporting frames taken apart."""
    for h, l, r in _split(head, lo, hi, inside):
        comp = _reported(h, inside)
        if comp is not None and l <= comp.i < r:
            subj = subject_of(h)
            if subj is not None and subj.lower_ in ("i", "we") and is_cognition_verb(h):
                continue  # "I think …": an opinion
            if any(c.dep_ == "neg" for c in h.children):
                continue  # "did not say that …"
            src = attributor.source(subj) if subj is not None else source
            c_lo, c_hi = _extent(comp, l, r, inside)
            yield from _clauses(comp, c_lo, c_hi, inside, attributor, src, True, denied or h.lemma_.lower() in DENIAL_VERBS)
            continue
        clause = _Clause(h, l, r, source, framed, denied)
        aside = next((c for c in h.children if c.dep_ in ("parataxis", "advcl") and reporting_aside(c)), None)
        if aside is not None and subject_of(aside) is not None:
            # "…, AFP reported", "the law, he argued, would …"
            clause.source, clause.framed = attributor.source(subject_of(aside)), True
        for inner in h.children:
            # "The mayor discussed the budget, stressing that …": the participle frames its own claim.
            if inner.dep_ in ("advcl", "conj", "xcomp") and l <= inner.i < r and not _has_subject(inner):
                inner_comp = _reported(inner, inside)
                if inner_comp is None or any(c.dep_ == "neg" for c in inner.children):
                    continue
                clause.carved.update(t.i for t in inner.subtree)
                subj = subject_of(inner)
                src = attributor.source(subj) if subj is not None else source
                c_lo, c_hi = _extent(inner_comp, l, r, inside)
                yield from _clauses(inner_comp, c_lo, c_hi, inside, attributor, src, True, denied)
        yield clause


def _reported(verb, inside: set[int] | None = None):
    """The clause a reporting, belief or "it should be noted" verb frames (within ``inside``), or None."""
    if not (is_speech_verb(verb) or is_cognition_verb(verb) or _expletive_frame(verb)):
        return None
    for child in verb.children:
        if child.dep_ == "ccomp" and not child.is_punct and (inside is None or child.i in inside):
            if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in child.children):
                return None
            return child
    found = that_clause(verb)
    return found if found is not None and (inside is None or found.i in inside) else None


def _expletive_frame(verb) -> bool:
    """"It should be noted that …", "it is believed that …": a frame with no source."""
    return any(c.dep_ in ("nsubjpass", "expl", "nsubj") and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "ccomp" for c in verb.children
    )


# -- 4. and 5. the claim --------------------------------------------------------------------


def _claim(clause: _Clause, piece, inside, removed, attributor, direct, doc, dateline) -> Claim | None:
    head = clause.head
    drop = removed | clause.carved
    tokens = _after_dateline(_trim([t for t in piece if clause.lo <= t.i < clause.hi and t.i not in drop]), dateline)
    words = [t for t in tokens if not t.is_punct]
    if len(words) < MIN_CLAIM_WORDS:
        return None
    text = doc_text(doc)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if _is_question(text, end, piece) or _is_imperative(head, tokens) or _is_normative(head) or _is_evaluation(head, tokens):
        return None
    if not clause.framed and not _finite(head):
        return None
    source = clause.source
    quoted = direct.around(start, end)
    if source is None and quoted is not None and quoted.speaker_text is not None:
        source = Source(quoted.speaker_start, quoted.speaker_end, quoted.speaker_text, None)
    if source is None and quoted is None and is_speech_verb(head) and direct.opens_in(start, end):
        # "X called the deal "a key step"": the quoted words in the clause are X's.
        subj = subject_of(head)
        source = attributor.source(subj) if subj is not None else None
    return Claim(
        start=start,
        end=end,
        text=text[start:end],
        sentence=attributor.sentence_of(tokens[0].i),
        attribution=source.text if source else None,
        attribution_start=source.start if source else None,
        attribution_end=source.end if source else None,
        numbers=_numbers(tokens, doc),
        negated=clause.denied or _negated(head, tokens),
        verb=_verb(head),
        quoted=quoted is not None,
    )


def _trim(tokens: list) -> list:
    """Without edge punctuation, quotation marks, or a leading "that"/"because"."""
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in _CLAUSE_MARKS and tokens[0].dep_ == "mark"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in SPLIT_CONJUNCTIONS):
        tokens = tokens[:-1]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    return tokens


def _after_dateline(tokens: list, dateline: tuple[int, int] | None) -> list:
    """Without the article's dateline when it opens the clause ("LONDON, March 10 (Reuters) - "):
    its place is where the report was filed, not part of the statement, and would set the claim
    apart from the same statement in a report filed elsewhere."""
    if not tokens:
        return tokens
    start = skip_dateline(tokens[0].idx, dateline)
    if start == tokens[0].idx:
        return tokens
    return _trim([t for t in tokens if t.idx >= start])


def _is_question(text: str, end: int, piece) -> bool:
    """A "?" right after the clause, or ending its sentence when the clause runs to the end of it."""
    rest = text[end : end + 3].lstrip(" \"”’»")
    if rest.startswith("?"):
        return True
    last = piece[-1]
    return last.text == "?" and end >= piece[-2].idx if len(piece) > 1 else False


def _is_imperative(head, tokens) -> bool:
    if head.lower_ == "let" or tokens[0].lower_ in ("let", "let's", "please"):
        return True
    return head.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in head.children)


def _is_normative(head) -> bool:
    for c in head.children:
        if c.dep_ == "aux" and c.lower_ in NORMATIVE_MODALS:
            nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
            # "must have been" guesses at a fact; it does not demand one.
            return not (c.lower_ == "must" and nxt is not None and nxt.lower_ == "have")
    return False


def _is_evaluation(head, tokens) -> bool:
    """A copula with a judgement and nothing checkable: no name, number or date in the clause."""
    copular = head.lemma_ == "be" or head.pos_ == "ADJ" or any(c.dep_ == "cop" for c in head.children)
    if not copular:
        return False
    predicate = [c for c in head.children if c.dep_ in ("acomp", "attr")]
    judged = any(p.pos_ == "ADJ" or any(c.dep_ == "amod" for c in p.children) for p in predicate) or head.pos_ == "ADJ"
    checkable = any(t.ent_type_ or t.like_num for t in tokens)
    return judged and not checkable


def _finite(head) -> bool:
    if head.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in head.children):
        return True
    # The tagger reads some past tenses as participles ("The bridge reopened in June" → VBN).
    return head.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in head.children)


class _Quotes:
    """The direct quotations of an article, looked up by position (a long article has thousands;
    scanning all of them for every clause made claims quadratic in the article's length)."""

    def __init__(self, quotes: list[QuoteSpan]):
        self._quotes = quotes
        self._order = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
        self._starts = [quotes[i].start for i in self._order]
        # The furthest end among the quotes up to each position in start order: a backward walk
        # stops where no earlier quote reaches the clause.
        self._reach: list[int] = []
        for i in self._order:
            self._reach.append(max(quotes[i].end, self._reach[-1] if self._reach else quotes[i].end))

    def __iter__(self):
        return iter(self._quotes)

    def around(self, start: int, end: int) -> QuoteSpan | None:
        """The first quotation (in article order) holding the span ``[start, end)`` or half of it."""
        best = None
        for k in range(bisect_left(self._starts, end) - 1, -1, -1):
            if self._reach[k] < start:
                break
            i = self._order[k]
            if (best is None or i < best) and _holds(self._quotes[i], start, end):
                best = i
        return None if best is None else self._quotes[best]

    def opens_in(self, start: int, end: int) -> bool:
        """Whether a quotation opens inside ``[start, end)``."""
        k = bisect_left(self._starts, start)
        return k < len(self._starts) and self._starts[k] < end


def _holds(q: QuoteSpan, start: int, end: int) -> bool:
    # Each part of a quote interrupted by its cue: the cue between them is the reporter's.
    for s, e in q.parts:
        if s <= start and end <= e + 1:
            return True
    overlap = sum(max(0, min(end, e) - max(start, s)) for s, e in q.parts)
    return overlap > 0 and overlap >= 0.5 * (end - start)


def _negated(head, tokens) -> bool:
    if any(c.dep_ == "neg" for c in head.children):
        return True
    for c in head.children:
        if c.dep_ in ("aux", "auxpass", "xcomp") and any(g.dep_ == "neg" for g in c.children):
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            if c.lower_ in NEGATIVE_WORDS or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children):
                return True
    return any(t.lower_ == "never" and t.head.i == head.i for t in tokens)


def _verb(head) -> str:
    """The main verb's lemma; "has yet to indicate" → "indicate", copulas stay "be"."""
    if head.lemma_.lower() in ("have", "be") and head.dep_ != "aux":
        for c in head.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB":
                return c.lemma_.lower()
    lemma = head.lemma_.lower()
    if not lemma.isalpha():
        # "That’s": the contracted copula comes back as "’".
        return "be" if head.lower_ in ("’s", "'s", "’re", "'re", "’m", "'m") else head.lower_
    return lemma


# -- numbers --------------------------------------------------------------------------------


def _numbers(tokens, doc) -> tuple[Number, ...]:
    """Cardinals, ordinals, money, percentages and quantities in the clause (dates are times, not numbers)."""
    ids = {t.i for t in tokens}
    out = []
    covered: set[int] = set()
    ents = doc_ents(doc)
    # Only the entities starting among the clause's tokens count: bisect to them, not a scan of all.
    first, last = (min(ids), max(ids)) if ids else (0, -1)
    for k in range(bisect_left(ents, first, key=lambda e: e.start), len(ents)):
        ent = ents[k]
        if ent.start > last:
            break
        if ent.start not in ids:
            continue
        if ent.label_ in ("DATE", "TIME"):
            # Calendar dates are times, but a length of time ("2.5 hours", "three months") is an amount.
            covered.update(range(ent.start, ent.end))
            m = _DURATION.search(ent.text)
            if m:
                start = ent.start_char + m.start()
                out.append(Number(start, start + len(m.group(0)), m.group(0), read_number(m.group(1)), "duration"))
            continue
        if ent.label_ not in _NUMBER_LABELS:
            continue
        covered.update(range(ent.start, ent.end))
        kind = _NUMBER_LABELS[ent.label_]
        out.append(Number(ent.start_char, ent.end_char, ent.text, read_number(ent.text, ordinal=kind == "ordinal"), kind))
    for t in tokens:
        if t.like_num and t.i not in covered:
            out.append(Number(t.idx, t.idx + len(t), t.text, read_number(t.text), "cardinal"))
    return tuple(sorted(out, key=lambda n: n.start))
