"""Quotations in one parsed article: direct quotes and reported speech, each with its speaker span.

Direct quotes are found from the quotation marks (:mod:`~newsfuse.nlp.speech.marks`), reported
speech from reporting verbs and framing phrases (:mod:`~newsfuse.nlp.speech.reported`); this module
gives each direct quote its speaker and joins the two. The speaker comes from the nearest
speech cue in the same sentence outside the marks — a reporting verb before or after the quote
(`"…," X said`, `X said: "…"`, `"…," said X`, `— "…," X said`, `called the deal "a key …"`),
"according to X", "in X's words", "as X said" — else from the sentence just before (`X spoke
on Tuesday. "…"`, a line ending in a colon) or from the quote just before it (a quote that
carries on in the next sentence). :class:`~newsfuse.nlp.speech.attribution.Attributor` turns the cue's
subject into a span: a name mention, a pronoun's or description's antecedent, or the phrase.
Reported speech becomes an "indirect" quote.
"""

from __future__ import annotations

import bisect
import dataclasses

from newsfuse.model import QuoteSpan
from newsfuse.nlp.speech.attribution import Attributor, Source
from newsfuse.nlp.speech.cues import (
    according_to_object,
    doc_text,
    is_speech_verb,
    misread_as_modifier,
    subject_of,
    words_of_object,
)
from newsfuse.nlp.speech.marks import (
    DASHES,
    MarkedQuote,
    in_ranges,
    quote_ranges,
    quoted_passages,
    sentence_breaks,
)
from newsfuse.nlp.speech.reported import ReportedSpeech, line_statements, reported_speech

# A quote with no speech cue is kept only when it is at least this long and reads as a sentence:
# shorter ones are titles, names and scare quotes ("the so-called "peace plan"") (our fixtures, 2026-05).
MIN_UNCUED_WORDS = 4
# A cue after a quote that ends its own sentence ("…!" Hutton commented on the photo.) is read
# only when its speech verb is among the first this many words of what follows: further in, the
# words are a new sentence, not an attribution (our fixtures; GVC spot checks, 2026-05).
MAX_TRAILING_CUE_TOKENS = 4
# A cue before a quote and further from it than this (in words) must govern it in the parse, or
# be governed by it: "X said: "…"" is next to its quote, "X called the deal "…"" governs it
# (our fixtures and the seeds; GVC spot checks, 2026-05).
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
MAX_UNLINKED_CUE_DISTANCE = 3
# Lower-case words of a title between an inverted cue and the name ("said retired neurosurgeon Ben Carson").
MAX_TITLE_WORDS = 3
# Dependency labels the parser gives a speaker written after the verb ("asked resident X").
# Verbs of answering a quote, not of saying it: `"…." Others disagreed.` gives the quote no speaker.
_REACTIONS = frozenset({"agree", "disagree", "concur"})
_INVERTED = frozenset({"dobj", "attr", "dative", "npadvmod", "oprd", "dep", "appos"})
# What stands for the reporter's words between the parts of one interrupted quotation in its text.
ELLIPSIS = "…"
_SCARE_PREFIXES = ("so-called", "so called", "dubbed", "titled", "entitled", "named", "nicknamed", "known as")


def find_quotes(doc, mentions, dateline: tuple[int, int] | None = None) -> tuple[QuoteSpan, ...]:
    """Every direct quotation and reported-speech clause in ``doc`` with its speaker span;
    ``dateline`` is the article's (``Article.dateline_span``), left out of the clause it opens.

    Steps:
    1. find quoted passages from the quotation marks, joining those that run over paragraphs;
    2. give each the speech cue nearest to it in its sentence, and the cue's speaker;
    3. give a quote without a cue the speaker of the sentence or the quote just before it;
    4. join a quotation interrupted by its cue (`"A," X said. "B."`, `"A," X said, "B."`) into
       one quote, and drop titles and scare quotes (short, no cue);
    5. add reported speech: clauses governed by reporting verbs or framed by "according to", and
       lines that open with a name and a colon ("PENCE: …");
    6. return them in text order with their sentence index.
    """
    text = doc_text(doc)
    # 1. marks
    marked = quoted_passages(text)
    attributor = Attributor.of(doc, mentions, [(q.open_at, q.close_at) for q in marked])
    inside = quote_ranges(marked)
    breaks = sentence_breaks(doc, marked, inside)
    # 2. cues in the same sentence
    for q in marked:
        _attribute(q, doc, attributor, inside, breaks)
    # 3. cues from the sentence or quote before
    for k, q in enumerate(marked):
        if not q.cue and q.speaker is None:
            _inherit(q, marked[k - 1] if k else None, doc, attributor, inside, breaks)
    # 4. one quotation interrupted by its cue is one quote; titles and scare quotes are none
    kept = [q for q in _joined(marked, doc) if _is_quotation(q, text)]
    # 5. reported speech; a partial quote inside it whose "speaker" is a plain noun of the
    # reported clause itself ("X claimed officers were responding to "…"") is the reporter's
    reported = reported_speech(doc, attributor, kept, inside, dateline)
    reported += [r for r in line_statements(text, mentions) if not any(
        r.start < q.end and q.start < r.end for q in [*kept, *reported])]
    indirect = [_indirect_record(r, text, attributor, doc, dateline) for r in reported]
    for q in kept:
        _speaker_of_enclosing(q, indirect)
    out = [_direct_record(q, text, attributor, doc, dateline) for q in kept] + indirect
    # 6. order
    out.sort(key=lambda r: (r.start, r.kind != "direct"))
    return tuple(out)


# -- 2. cues in the sentence ----------------------------------------------------------------


def _frame(q: MarkedQuote, doc, breaks: list[int]) -> tuple[int, int, int, int]:
    """(left start, left end, right start, right end): the sentence around the quote, outside it."""
    k = bisect.bisect_right(breaks, q.open_at) - 1
    left_start = breaks[k] if k >= 0 else 0
    k = bisect.bisect_left(breaks, q.close_at)
    right_end = breaks[k] if k < len(breaks) else len(doc_text(doc))
    if right_end == q.close_at and right_end < len(doc_text(doc)) and doc_text(doc)[right_end - 1] not in "\n":
        # The quote ended its sentence: look at a short trailing cue ("…." Smith said.) only.
        k2 = bisect.bisect_right(breaks, q.close_at)
        nxt = breaks[k2] if k2 < len(breaks) else len(doc_text(doc))
        if "\n" not in doc_text(doc)[q.close_at:nxt]:
            span = doc.char_span(q.close_at, nxt, alignment_mode="expand")
            words = [t for t in span if not t.is_punct and not t.is_space] if span is not None else []
            # Active voice only: "They are asked to …" is not the quote's speaker.
            if words and any(is_speech_verb(t) and not _passive(t) and t.lemma_.lower() not in _REACTIONS
                             for t in words[:MAX_TRAILING_CUE_TOKENS]):
                right_end = nxt
    return left_start, q.open_at, q.close_at, right_end


def _passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _cue_tokens(doc, start: int, end: int, inside) -> list:
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if start <= t.idx < end and not in_ranges(inside, t.idx)]


def _cues(tokens, attributor: Attributor, after_quote: bool = False, inside=()) -> list[tuple[object, str, Source | None]]:
    """(position token, cue, speaker) for each speech cue among ``tokens``.

    After a quote the speaker may follow the verb with no subject link ("…?" asked resident
    Peter Novak): the first noun after the verb then names them. A subject the parse found inside
    the quotation (``inside``: its character ranges) is words of the quote, not its speaker
    (''My bosses …,'' Mr. Conant said): the first name between the quote and the verb is.
    """
    out = []
    for tok in tokens:
        obj = according_to_object(tok)
        if obj is not None:
            out.append((tok, "according to", attributor.source(obj)))
            continue
        obj = words_of_object(tok)
        if obj is not None:
            out.append((tok, "in the words of", attributor.source(obj)))
            continue
        if (is_speech_verb(tok) or after_quote and _continues(tok)) and not _elaborates(tok) and not _bare_passive(tok):
            subj = subject_of(tok)
            if subj is not None and in_ranges(inside, subj.idx):
                # The verb's other subject outside the quote ("…," said Louise Sunshine, with the
                # quote's "Anybody" as a first subject), else a name between the quote and the verb.
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i
                             and not in_ranges(inside, c.idx)), None) or next(
                    (t for t in tokens if t.i < tok.i and t.pos_ == "PROPN"), None)
            if subj is None and after_quote:
                after = [c for c in tok.rights if c.pos_ in ("PROPN", "NOUN") and c.dep_ in _INVERTED]
                subj = next((c for c in after if c.pos_ == "PROPN"), after[0] if after else None)
            if subj is None and after_quote and all(t.is_punct for t in tokens if t.i < tok.i):
                subj = _name_right_after(tok)
            out.append((tok, tok.lemma_.lower(), attributor.source(subj) if subj is not None else None))
    return out


def _name_right_after(verb):
    """`"…," said Edward Leamer, an economist …`: the parser hung the name on the quote's own verb;
    the run of proper nouns right after a verb that opens the words after the quote is its subject,
    after the words of a title before it ("said retired neurosurgeon Ben Carson, asked …")."""
    doc = verb.doc
    k = verb.i + 1
    while k < len(doc) and k - verb.i <= MAX_TITLE_WORDS and doc[k].pos_ != "PROPN" and doc[k].dep_ in ("amod", "compound"):
        k += 1
    first = k
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    return doc[k - 1] if k > first and doc[k - 1].ent_type_ in ("PERSON", "ORG") else None


def _continues(verb) -> bool:
    """`"…," he continued.`: "continue" with nothing to continue after a quote goes on saying it
    (PolNeAR train: 34 such cues); "continued to fight" and "continued the talks" say nothing."""
    return (verb.lemma_.lower() == "continue" and verb.pos_ == "VERB"
            and not any(c.dep_ in ("dobj", "xcomp", "prep", "attr", "acomp") for c in verb.children))


def _new_clause(verb, right) -> bool:
    """`… "an attack on our country," but he also noted …`: a verb joined after the quote by "and"
    or "but", with its subject before it, says something new and is no cue of that quote."""
    return (verb.dep_ == "conj" and any(t.dep_ == "cc" and t.i < verb.i for t in right)
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children))


def _bare_passive(verb) -> bool:
    """"when asked in May if …", "when questioned after the debate": a participle with no
    auxiliary, subject or agent is said to someone, and names no speaker."""
    return verb.tag_ == "VBN" and not misread_as_modifier(verb) and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in verb.children)


def _elaborates(verb) -> bool:
    """A participle on the speaker of another cue ("said John Sherman, speaking of politicians,"):
    it tells more of that speech act and cues nothing of its own."""
    return (verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.dep_ in ("nsubj", "nsubjpass")
            and is_speech_verb(verb.head.head))


def _attribute(q: MarkedQuote, doc, attributor: Attributor, inside, breaks) -> None:
    left_start, left_end, right_start, right_end = _frame(q, doc, breaks)
    left = _cue_tokens(doc, left_start, left_end, inside)
    right = _cue_tokens(doc, right_start, right_end, inside)
    # "Smith: "…"": a name and a colon before the quote, as in transcripts and headlines, is the
    # speaker, before any cue of the sentence after the quote ("… Polls disagree.").
    # After a dash, the name starts afresh ("… contests - Philip Bump: "…"", a digest's signed quote).
    dash = max((k for k, t in enumerate(left) if t.text in DASHES), default=-1)
    words = [t for t in left[dash + 1:] if not t.is_punct and not t.is_space]
    if words and len(words) <= 4 and doc_text(doc)[left_start:left_end].rstrip().endswith(":"):
        src = attributor.source(words[-1])
        if src is not None and src.label in ("PERSON", "ORG"):
            q.speaker = src
            return
    best = None
    for tok, cue, speaker in _cues(right, attributor, after_quote=True, inside=inside):
        if _new_clause(tok, right):
            continue
        distance = sum(1 for t in right if t.i < tok.i and not t.is_punct)
        cand = (distance, 0, tok, cue, speaker)
        if best is None or cand[:2] < best[:2]:
            best = cand
    quoted = _quote_tokens(q, doc)
    for tok, cue, speaker in _cues(left, attributor):
        distance = sum(1 for t in left if t.i > tok.i and not t.is_punct)
        if distance > MAX_UNLINKED_CUE_DISTANCE and not _linked(tok, quoted):
            # Far before the quote and not governing it: "… police said, and … was "critical."".
            continue
        cand = (distance, 1, tok, cue, speaker)
        if best is None or cand[:2] < best[:2]:
            best = cand
    if best is not None:
        _, _, tok, q.cue, q.speaker = best
        q.cue_at = tok.i
        return
    # ""…," Gibson." with the verb left out.
    after = [t for t in right if not t.is_punct and not t.is_space]
    if after and len(after) <= 3 and all(t.pos_ == "PROPN" for t in after):
        src = attributor.source(after[-1])
        if src is not None and src.is_person:
            q.speaker = src
            return
    q.speaker = _signature(q, doc, attributor)


def _signature(q: MarkedQuote, doc, attributor: Attributor) -> Source | None:
    """`"…" -Michelle Marks, Philadelphia.`: a person's name after a dash that follows the quote, in
    its paragraph or opening the next line, signs it (collections of quotes, fact-check lists)."""
    text = doc_text(doc)
    k = q.close_at
    while k < len(text) and text[k] in " \t.":
        k += 1
    if k < len(text) and text[k] == "\n":
        k += 1
    if k >= len(text) or text[k] not in DASHES:
        return None
    span = doc.char_span(k + 1, min(len(text), k + 80), alignment_mode="expand")
    if span is None:
        return None
    names = [t for t in span if not t.is_space]
    run = 0
    while run < len(names) and names[run].pos_ == "PROPN":
        run += 1
    if run == 0:
        return None
    src = attributor.source(names[run - 1])
    if src is None or not src.is_person:
        return None
    # The tokenizer may keep the dash on the name ("-Michelle").
    cut = len(src.text) - len(src.text.lstrip(DASHES + " "))
    return dataclasses.replace(src, start=src.start + cut, text=src.text[cut:]) if cut else src


def _quote_tokens(q: MarkedQuote, doc) -> set[int]:
    out: set[int] = set()
    for s, e in q.pieces:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _linked(cue, quoted: set[int]) -> bool:
    """Whether the parse joins the cue and the quote: one governs the other."""
    if any(a.i in quoted for a in cue.ancestors):
        return True
    return any(cue.i == a.i for k in quoted for a in cue.doc[k].ancestors)


# -- 3. cues from before --------------------------------------------------------------------


def _inherit(q: MarkedQuote, prev: MarkedQuote | None, doc, attributor: Attributor, inside, breaks) -> None:
    """A quote that opens its sentence with no cue: the speaker of the sentence or quote just before."""
    text = doc_text(doc)
    if _after_its_cue(q, prev, doc):
        # `"A," said X, 20, of Y. "B."`: nothing but the previous quote's cue between the two.
        q.speaker, q.cue, q.cue_at = prev.speaker, prev.cue, prev.cue_at
        return
    left_start, left_end, _, _ = _frame(q, doc, breaks)
    if text[left_start:left_end].strip(" \t\n" + DASHES):
        return
    # The sentence before: up to the previous break, across a paragraph break.
    k = bisect.bisect_right(breaks, left_start - 1) - 1
    before_end = left_start
    while k >= 0 and not text[breaks[k] : before_end].strip():
        before_end = breaks[k]
        k -= 1
    before_start = breaks[k] if k >= 0 else 0
    before = _cue_tokens(doc, before_start, before_end, inside)
    if prev is not None and prev.close_at >= before_start and prev.speaker is not None:
        # The sentence before is the previous quote's own (`"A," X said. "B."`).
        q.speaker, q.cue, q.cue_at = prev.speaker, prev.cue, prev.cue_at
        return
    cues = [c for c in _cues(before, attributor) if c[2] is not None]
    if cues:
        tok, q.cue, q.speaker = cues[-1]
        q.cue_at = tok.i
        return
    same_paragraph = "\n" not in text[before_start:left_end]
    if same_paragraph or text[before_start:before_end].rstrip().endswith(":"):
        # "X was blunt:" or "X was blunt. "…"": whoever the sentence before is about.
        for tok in before:
            if tok.dep_ in ("nsubj", "nsubjpass"):
                src = attributor.source(tok)
                if src is not None and (src.label == "PERSON" or not same_paragraph and src.label is not None):
                    q.speaker = src
                    return


def _after_its_cue(q: MarkedQuote, prev: MarkedQuote | None, doc) -> bool:
    """Whether only the previous quote's cue clause stands between it and ``q``, in one paragraph."""
    if prev is None or prev.speaker is None or prev.cue_at is None:
        return False
    text = doc_text(doc)
    if not prev.close_at <= doc[prev.cue_at].idx < q.open_at or "\n" in text[prev.close_at : q.open_at]:
        return False
    between = doc.char_span(prev.close_at, q.open_at, alignment_mode="expand")
    if between is None:
        return False
    clause = {t.i for t in doc[prev.cue_at].subtree}
    return all(t.i in clause or t.is_punct or t.is_space for t in between if prev.close_at <= t.idx < q.open_at)


def _speaker_of_enclosing(q: MarkedQuote, indirect: list[QuoteSpan]) -> None:
    """Give a partial quote the speaker of the reported speech around it when its own speaker is
    an unnamed noun inside that reported clause: the verb it hangs on is not the speech act."""
    s = q.speaker
    if s is None or s.label is not None or s.via is not None:
        return
    for r in indirect:
        if (r.start <= q.open_at and q.close_at <= r.end + 1 and r.start <= s.start and s.end <= r.end
                and r.speaker_text is not None):
            q.speaker = Source(r.speaker_start, r.speaker_end, r.speaker_text, None, via=r.speaker_ref)
            q.cue = r.cue
            return


# -- 4. what counts as a quotation ----------------------------------------------------------


def _joined(marked: list[MarkedQuote], doc) -> list[MarkedQuote]:
    """Quotes with a quote that continues them after their cue joined in: `"A," X said. "B."` and
    `"A," X said, "B."` are one quotation with one speaker, in news style and in PolNeAR (where
    868 of 898 such pairs in train are one content; the cue of a second quote, "he added", makes
    it another). The second part must take its speaker from the same cue, which stands between
    the two in one paragraph."""
    text = doc_text(doc)
    out: list[MarkedQuote] = []
    for q in marked:
        prev = out[-1] if out else None
        if (prev is not None and q.cue_at is not None and q.cue_at == prev.cue_at
                and prev.close_at <= doc[q.cue_at].idx < q.open_at and "\n" not in text[prev.close_at : q.open_at]):
            prev.pieces.extend(q.pieces)
            prev.close_at = q.close_at
            continue
        out.append(q)
    return out



def _is_quotation(q: MarkedQuote, text: str) -> bool:
    before = text[max(0, q.open_at - 20) : q.open_at].lower().rstrip()
    if before.endswith(_SCARE_PREFIXES):
        return False
    if _nickname(q, text):
        return False
    if q.speaker is not None:
        return True
    words = text[q.start : q.end].split()
    return len(words) >= MIN_UNCUED_WORDS and (text[q.end - 1] in ".!?…" or len(words) >= 2 * MIN_UNCUED_WORDS)


def _nickname(q: MarkedQuote, text: str) -> bool:
    """Josue ‘Joshua’ Guzman: one or two capitalised words quoted between two names."""
    words = text[q.start : q.end].split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, q.open_at - 30) : q.open_at].split()
    after = text[q.close_at : q.close_at + 30].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def _direct_record(q: MarkedQuote, text: str, attributor: Attributor, doc, dateline=None) -> QuoteSpan:
    """The quote's words: its pieces joined by the paragraph breaks between them, or by an
    ellipsis where words of the reporter's stand between them (the cue of an interrupted quote)."""
    parts = [text[q.pieces[0][0] : q.pieces[0][1]]]
    for (_, prev_end), (s, e) in zip(q.pieces, q.pieces[1:]):
        between = text[prev_end:s]
        if any(ch.isalnum() for ch in between):
            parts.append(f" {ELLIPSIS} ")
        else:
            parts.append("".join(ch for ch in between if ch.isspace()) or " ")
        parts.append(text[s:e])
    pieces = tuple(q.pieces) if len(q.pieces) > 1 else ()
    return _record(q.start, q.end, "".join(parts), q.speaker, "direct", q.cue, _sentence_at(doc, attributor, q.start),
                   dateline, pieces)


def _indirect_record(r: ReportedSpeech, text: str, attributor: Attributor, doc, dateline=None) -> QuoteSpan:
    sentence = _sentence_at(doc, attributor, r.start)
    return _record(r.start, r.end, text[r.start : r.end], r.speaker, "indirect", r.cue, sentence, dateline)


def _record(start, end, text, speaker: Source | None, kind, cue, sentence, dateline=None, pieces=()) -> QuoteSpan:
    if speaker is not None and not _speaks(speaker, dateline):
        speaker = None  # precision first: no speaker rather than a thing, a place or a bare pronoun
    return QuoteSpan(
        start=start,
        end=end,
        text=text,
        speaker_text=speaker.text if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        kind=kind,
        cue=cue,
        sentence=sentence,
        speaker_ref=speaker.via if speaker else None,
        pieces=pieces,
    )


def _speaks(speaker: Source, dateline: tuple[int, int] | None) -> bool:
    """Whether a speaker span names someone who can speak: an agent (``Source.agent``) and not the
    place or outlet of the dateline ("WASHINGTON (AP) —" is where and by whom the story was filed).
    A person is kept even there: "Sen. Jane Roe (D-Mass.) said" can read as a dateline."""
    if dateline is not None and dateline[0] <= speaker.start < dateline[1] and not speaker.is_person:
        return False
    return speaker.agent


def _sentence_at(doc, attributor: Attributor, char: int) -> int:
    span = doc.char_span(char, min(char + 1, len(doc_text(doc))), alignment_mode="expand")
    return attributor.sentence_of(span.start) if span is not None and len(span) else 0
