"""What each time expression dates: the happening its sentence ties to the date, told in a few words."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import timedelta

from newsfuse.model import Dated, Mention, TimeValue
from newsfuse.nlp.speech.cues import is_speech_verb, reporting_aside
from newsfuse.nlp.time.anchor import FUTURE, MAX_HEAD_STEPS, PRESENT, tense_of
from newsfuse.lexicon import ORDINALS, SMALL_NUMBERS, ordinal_number, read_number
from newsfuse.nlp.time.value import TimexValue

# How many clauses down a verb without an object is followed for what it says ("said that
# Moscow proposed to use its bases": two).
COMPLEMENT_DEPTH = 2
# A subject or object longer than this many words is cut to its head and the words before it:
# a timeline line names who did what, the article holds the rest.
MAX_PHRASE_WORDS = 12
# Dependents that belong to a compact noun phrase ("the dramatic fall of the general's regime").
_NP_LEFT = frozenset({"det", "poss", "amod", "compound", "nummod", "nmod", "case", "predet", "quantmod", "neg",
                      "advmod", "npadvmod"})
# Prepositions whose object names a participant or the thing affected, not a time or a place.
_CORE_PREPS = frozenset({"of", "with", "between", "against", "to", "over", "for", "into", "from", "on"})
# Prepositions of a verb that bring a participant into its description ("met with the governor").
_VERB_PREPS = frozenset({"with", "between", "against", "to", "into"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "dative", "acomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
# Labels of named things: a date attached to one of these ("the governor in October") dates the verb.
_NAMED = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "LAW"})
# A date after these words bounds a happening rather than dating it ("frozen since November",
# "no redundancies until the end of 2029", "the first since 2019").
_BOUNDS = frozenset({"since", "until", "till", "through", "throughout", "by", "before", "after", "pending"})
# Nouns that stand for a stretch of time, not a happening ("the first time in 2024").
_TIME_NOUNS = frozenset({"time", "period", "year", "month", "week", "day", "date", "era", "season", "moment"})

# "marks his first year in office", "celebrated the 10th anniversary of", "completes two years in power".
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
_ANNIVERSARY = re.compile(
    r"\b(?P<verb>mark(?:s|ed|ing)?|celebrat(?:e|es|ed|ing)|commemorat(?:e|es|ed|ing)|observ(?:e|es|ed|ing)|"
    r"complet(?:e|es|ed|ing))\s+(?:(?:his|her|their|its|the|a|one)\s+)?"
    r"(?P<n>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|\d{1,3}(?:st|nd|rd|th)?|"
    + "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True)) + r")\s+(?:full\s+)?(?P<unit>years?|anniversary)\b",
    re.I,
)
# "the day before", "on the eve of", "two days after": a shift from the anniversary that follows.
_SHIFT = re.compile(r"\b(?:the\s+(?P<day>day)\s+(?P<dir>before|after)|(?P<eve>the\s+eve\s+of))\s", re.I)
# A range ("from 1965 to 1970", "between May and July") is one happening, dated by its start:
# its end gives no second record. ("through" and "until" are bounds, see _BOUNDS.)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:to|and|[-–—])\s*", re.I)
# How far before a range's start its opening word ("from", "between") is looked for.
RANGE_OPEN_CHARS = 12



def _placeable(value: str) -> bool:
    """Whether a timeline can place the value: a year, month or day, the year possibly unknown
    ("XXXX-10-15"), or a bare weekday ("XXXX-WXX-3"). Seasons, quarters, weeks and decades are
    too coarse to order happenings by."""
    v = TimexValue.parse(value)
    return v is not None and (v.by_month or (v.bare_weekday and v.precision == "day"))


def find_dated(doc, times: Sequence[TimeValue], mentions: Sequence[Mention] = (),
               dateline: tuple[int, int] | None = None) -> tuple[Dated, ...]:
    """One record per placeable date in ``doc``: what it dates, with tense and participants.

    ``dateline`` is the article's (``Article.dateline_span``): no part of what a sentence tells.

    Steps:
    1. for each DATE or TIME at day, month or year precision, find the verb or event noun it
       hangs on in the parse;
    2. describe it: the verb with its subject and object, or the noun with its complements;
    3. work out the dates anniversaries give ("the day before X marks his first year in
       office", X having taken office on a date the sentence gives).
    """
    out: list[Dated] = []
    text = doc.text  # spaCy rebuilds it on every access
    dateline = _dateline_tokens(doc, dateline)
    for i, t in enumerate(times):
        if t.type not in ("DATE", "TIME") or not _placeable(t.value) or _ends_range(text, times, i):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0 or span.start in dateline:
            continue
        # 1. what the date hangs on
        head = _governor(span)
        if head is None or head.i in dateline or _page_stamp(head):
            continue
        # 2. its description
        exclude = dateline | set(range(span.start, span.end))
        tense = tense_of(doc, t.start, t.end)
        if tense == FUTURE and len(t.value) <= 7 and _progressive(head):
            tense = PRESENT  # "is working a case this year" goes on; "are meeting on Friday" is a plan
        out.append(_record(doc, text, head, i, t.value, t.sentence, t.mod, mentions, exclude, tense=tense))
    # 3. anniversaries
    out.extend(_anniversaries(doc, text, times, mentions, dateline))
    return tuple(out)


def _ends_range(text: str, times: Sequence[TimeValue], i: int) -> bool:
    """Whether ``times[i]`` closes a range the time before it opens ("from 1965 to 1970")."""
    if i == 0:
        return False
    before = times[i - 1]
    return bool(_RANGE_JOIN.fullmatch(text, before.end, times[i].start)
                and _RANGE_OPEN.search(text, max(0, before.start - RANGE_OPEN_CHARS), before.start))


def _dateline_tokens(doc, dateline: tuple[int, int] | None) -> set[int]:
    span = doc.char_span(*dateline, alignment_mode="contract") if dateline else None
    return set(range(span.start, span.end)) if span is not None else set()


def _governor(span):
    """The verb or event noun a time expression dates, or None (a dateline, a bare fragment, a
    bound such as "since November")."""
    tok = span.root
    for _ in range(MAX_HEAD_STEPS):
        head = tok.head
        if head.i == tok.i:
            return None
        if span.start <= head.i < span.end:
            tok = head
            continue
        if head.pos_ in ("ADP", "SCONJ") and head.lower_ in _BOUNDS:
            return None
        if head.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return _past_the_reporter(head, span)
        if (head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in _NAMED and head.ent_type_ not in ("DATE", "TIME")
                and head.lemma_.lower() not in _TIME_NOUNS):
            return head
        tok = head
    return None


def _progressive(verb) -> bool:
    """A present progressive ("is working"), not a future ("is going to", "will be working")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBG" and bool(auxes & {"is", "are", "am", "'s", "'re", "'m"}) and not auxes & {"will", "'ll"}


# Verbs of a page's own stamps ("Updated: April 14, 2015", "Posted 3:10 PM"): they date the page.
_PAGE_VERBS = frozenset({"update", "post", "publish", "modify", "edit", "revise"})


def _page_stamp(head) -> bool:
    """Whether the date hangs on a page stamp: a page verb with no subject of its own."""
    return head.lemma_.lower() in _PAGE_VERBS and not any(c.dep_ in _SUBJECTS for c in head.children)


def _past_the_reporter(verb, span):
    """The verb a date hangs on, seen past a reporting frame: in "police were dispatched at 1:45
    a.m. Wednesday, a spokesman said" the parser may hang the date on "said", but what comes
    before the reporter belongs to the clause reported; in "..., the Register reported Sunday"
    and "..., police said Monday" the date tells when it was said, which dates nothing (None)."""
    first = verb.left_edge
    aside = verb.dep_ in ("parataxis", "advcl") or (
        verb.dep_ == "ccomp" and (first.text == "," or (first.i > 0 and verb.doc[first.i - 1].text == ",")))
    if aside and reporting_aside(verb):
        return None
    if not is_speech_verb(verb):
        return verb
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if (verb.dep_ in ("parataxis", "advcl", "ccomp") and subject is not None and subject.left_edge.i > 0
            and verb.doc[subject.left_edge.i - 1].text == "," and span.start > subject.i):
        return None  # "..., the police department said Tuesday", however the parser hung the rest
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return verb
    reporter = subject.left_edge.i if subject is not None else verb.i
    if clause.left_edge.i <= span.start and span.end <= reporter:
        return clause
    return None if span.start >= reporter else verb


def _record(doc, text: str, head, time: int, value: str, sentence: int, mod, mentions, exclude: set[int], tense,
            basis: str = "stated") -> Dated:
    # Words across a line break belong to a heading or a note the parser glued on.
    first = text.rfind("\n", 0, head.idx) + 1
    last = text.find("\n", head.idx)
    last = len(text) if last < 0 else last
    words = [i for i in _describe(head, exclude) if first <= doc[i].idx < last]
    line = _render(doc, words)
    ranges = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in words]
    merged = _merge(ranges)
    # Mentions come in text order: only those between the words' first and last character can lie
    # inside them (a scan of all of them for every date made long texts quadratic).
    inside = []
    for k in range(bisect_left(mentions, merged[0][0], key=lambda m: m.start) if merged else len(mentions), len(mentions)):
        if mentions[k].start >= merged[-1][1]:
            break
        if any(s <= mentions[k].start and mentions[k].end <= e for s, e in merged):
            inside.append(k)
    participants = tuple(inside)
    return Dated(
        time=time,
        value=value,
        sentence=sentence,
        text=line,
        trigger=head.lemma_.lower(),
        trigger_start=head.idx,
        trigger_end=head.idx + len(head),
        tense=tense,
        mod=mod,
        participants=participants,
        basis=basis,
    )


# ---------------------------------------------------------------- descriptions
def _describe(head, exclude: set[int]) -> list[int]:
    """Token indices of the description: subject + verb + object, or the noun phrase."""
    if head.pos_ in ("NOUN", "PROPN"):
        words = set(_phrase(head, exclude))
        if len(words) <= 3 and not any(head.doc[i].ent_type_ in _NAMED for i in words):
            prep = head.head if head.dep_ == "pobj" else None
            if prep is not None and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX"):
                # "During the October 2025 talks, the minister pledged ...": the talks only set the time.
                return sorted(words | {prep.i} | set(_describe(prep.head, exclude | {prep.i, *words})))
            if head.dep_ in _SUBJECTS | _OBJECTS and head.head.pos_ in ("VERB", "AUX"):
                # "the October and January strikes cost exporters €45 million": say what they did.
                return sorted(words | set(_describe(head.head, exclude)))
        return sorted(words)
    words = set(_verb_group(head))
    if head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX", "ADJ"):
        words.update(_verb_group(head.head))  # "is set to travel", "plans to visit"
        if head.head.dep_ == "acomp":
            words.update(_verb_group(head.head.head))  # "is due to end"
    subject = _subject(head, exclude)
    if subject is not None:
        words.update(_phrase(subject, exclude))
    objects = [c for c in head.children if c.dep_ in _OBJECTS]
    for c in objects:
        words.update(_phrase(c, exclude))
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in _VERB_PREPS:
            pobj = [g for g in c.children if g.dep_ == "pobj" and g.i not in exclude]
            if pobj:
                words.add(c.i)
                words.update(_phrase(pobj[0], exclude))
        elif c.dep_ == "agent":  # "was toppled by rebels"
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj:
                words.add(c.i)
                words.update(_phrase(pobj[0], exclude))
    if not objects:
        # "resulted in the ousting of ...": the first complement that is not the date itself.
        prep = next((c for c in head.children if c.dep_ == "prep" and c.i not in exclude and c.i > head.i
                     and any(g.dep_ == "pobj" and g.i not in exclude and g.ent_type_ not in ("DATE", "TIME")
                             for g in c.children)), None)
        if prep is not None and prep.lower_ not in _VERB_PREPS and prep.i == head.i + 1:
            pobj = next(g for g in prep.children if g.dep_ == "pobj")
            words.add(prep.i)
            words.update(_phrase(pobj, exclude))
        # "said that Moscow proposed to use its bases", "pledged to honour past agreements":
        # the complement says what.
        words.update(_complement(head, exclude, COMPLEMENT_DEPTH))
    return sorted(words - exclude)


def _complement(verb, exclude: set[int], depth: int) -> set[int]:
    """The clause a verb without an object takes: its verb, own subject and objects, and, while
    it has no object either, its own complement, ``depth`` levels down."""
    comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
    if comp is None or comp.pos_ not in ("VERB", "AUX") or depth <= 0 or reporting_aside(comp):
        return set()  # "police were dispatched, a spokesman said": the aside is no part of it
    if comp.i < verb.i and is_speech_verb(verb):
        return set()  # '"I offer our condolences," Esserman said at a press conference': not the quote
    words = set(_verb_group(comp))
    own = _own_subject(comp, exclude)
    if own is not None:
        words.update(_phrase(own, exclude))
    objects = [c for c in comp.children if c.dep_ in _OBJECTS]
    for c in objects:
        words.update(_phrase(c, exclude))
    if not objects:
        words.update(_complement(comp, exclude, depth - 1))
    return words


def _verb_group(verb) -> list[int]:
    """The verb with its auxiliaries, negation, particle and infinitive marker ("will be held")."""
    return [verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]


def _own_subject(verb, exclude: set[int]):
    """The verb's own subject nearest to it (a dateline the parser took for one excepted)."""
    found = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i not in exclude]
    if not found:
        # "An autopsy Saturday ruled ...": the parser made the date the subject and the noun its modifier.
        found = [g for c in verb.children if c.dep_ in _SUBJECTS and c.i in exclude
                 for g in c.children if g.i < c.i and g.i not in exclude and g.pos_ in ("NOUN", "PROPN", "ADJ")]
    return min(found, key=lambda c: abs(c.i - verb.i)) if found else None


def _subject(verb, exclude: set[int]):
    """The verb's subject; a relative pronoun stands for the noun it follows, an infinitive on a
    noun has that noun ("the operator's plan to install"), and a verb without a subject
    ("pledged to honour", "is due to end", "... and fled") shares the one of the verb it hangs on."""
    tok = verb
    for _ in range(MAX_HEAD_STEPS):
        subj = _own_subject(tok, exclude)
        if subj is not None:
            if subj.lower_ in _RELATIVE and tok.dep_ == "relcl":
                return tok.head
            return subj
        if tok.dep_ == "relcl":
            return None  # "the talks that followed": the noun is the object, not the subject
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i not in exclude:
            return tok.head
        if tok.dep_ not in ("conj", "xcomp", "advcl", "acomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _phrase(tok, exclude: set[int]) -> list[int]:
    """A compact noun phrase: modifiers before the head, the head, and 'of'/'with' complements
    (fewer levels of them while it is longer than MAX_PHRASE_WORDS); a name in apposition joins
    a description ("the president, Ana Ruiz")."""
    for depth in (2, 1, 0):
        words = _np(tok, exclude, depth)
        if len(words) <= MAX_PHRASE_WORDS:
            return words
    return [i for i in words if i <= tok.i][-MAX_PHRASE_WORDS:]


def _np(tok, exclude: set[int], depth: int) -> list[int]:
    if tok.i in exclude:
        return []
    words = [tok.i]
    for c in tok.children:
        if c.i in exclude or c.dep_ == "punct":
            continue
        if c.i < tok.i and c.dep_ in _NP_LEFT:
            words.extend(_subtree(c, exclude))
        elif c.dep_ == "case":
            words.append(c.i)
        elif c.dep_ == "prep" and c.lower_ in _CORE_PREPS and depth > 0:
            pobj = [g for g in c.children if g.dep_ == "pobj" and g.i not in exclude]
            if pobj:
                words.append(c.i)
                words.extend(_np(pobj[0], exclude, depth - 1))
        elif c.dep_ == "appos" and c.ent_type_ == "PERSON" and not tok.ent_type_:
            words.extend(_np(c, exclude, 0))
        elif c.dep_ in ("cc", "conj") and c.i > tok.i and depth > 0:
            words.extend(_np(c, exclude, depth - 1) if c.dep_ == "conj" else [c.i])
    return sorted(words)


def _subtree(tok, exclude: set[int]) -> list[int]:
    return [t.i for t in tok.subtree if t.i not in exclude and t.dep_ not in ("punct", "relcl", "appos", "acl")]


def _render(doc, words: list[int]) -> str:
    """The words in text order, with their own spacing, and one space where words were left out."""
    words = _fill_glue(doc, words)
    parts: list[str] = []
    prev = None
    for i in words:
        tok = doc[i]
        if prev is not None:
            parts.append(doc[prev].whitespace_ if i == prev + 1 else " ")
        parts.append(tok.text)
        prev = i
    text = "".join(parts).strip(" ,;:-–—|")
    return re.sub(r"\s+", " ", text)


def _fill_glue(doc, words: list[int]) -> list[int]:
    """Put back punctuation glued inside a kept stretch ("al-Hassan", "face-to-face")."""
    out: list[int] = []
    for a, b in zip(words, words[1:] + [None]):
        out.append(a)
        if b is None or b - a < 2:
            continue
        gap = range(a + 1, b)
        if all(doc[k].is_punct and not doc[k - 1].whitespace_ for k in gap) and not doc[b - 1].whitespace_:
            out.extend(gap)
    return out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges of adjacent words joined, so a name of several words falls inside one."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


# ---------------------------------------------------------------- anniversaries
def _anniversaries(doc, text: str, times: Sequence[TimeValue], mentions: Sequence[Mention],
                   dateline: set[int]) -> list[Dated]:
    """Dates a sentence gives by counting years from a date it names.

    "The meeting will be held the day before the politician, who took office on January 29,
    2025, marks his first year in office" dates the meeting 2026-01-28. Only when the sentence
    names exactly one full date, so the anniversary cannot count from another one.
    """
    out: list[Dated] = []
    if not _ANNIVERSARY.search(text):
        return out  # the usual case: no sentence to walk
    for sent_index, sent in enumerate(doc.sents):
        m = _ANNIVERSARY.search(text, sent.start_char, sent.end_char)
        if not m:
            continue
        n = _count(m["n"])
        verb = doc.char_span(m.start("verb"), m.end("verb"), alignment_mode="expand")
        head = verb.root if verb is not None and len(verb) else None
        shift = None
        for s in _SHIFT.finditer(text, sent.start_char, m.start()):
            shift = s
        if shift is not None:
            anchor = doc.char_span(shift.start(), shift.end() - 1, alignment_mode="expand")
            head = _governor(anchor) if anchor is not None and len(anchor) else None
        if not n or head is None or verb is None:
            continue
        # The year is counted from a date on another verb ("who took office on ..."), not from
        # the day the anniversary is marked ("marked the anniversary on Sunday").
        days = set()
        for t in times:
            value = TimexValue.parse(t.value)
            if not (sent.start_char <= t.start < sent.end_char and value is not None and value.year is not None
                    and value.has_calendar_day):
                continue
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            governor = _governor(span) if span is not None and len(span) else None
            if governor is not None and governor.i not in (head.i, verb.root.i):
                days.add(value.coarsen("day"))
        if len(days) != 1:
            continue
        base = days.pop().date
        if base is None:
            continue
        try:
            day = base.replace(year=base.year + n)
        except ValueError:  # 29 February
            day = base.replace(year=base.year + n, day=28)
        if shift is not None:
            day += timedelta(days=-1 if shift["eve"] or (shift["dir"] or "").lower() == "before" else 1)
        exclude = set(dateline)
        if shift:
            exclude.update(t.i for t in doc.char_span(m.start(), m.end(), alignment_mode="expand") or ())
        tense = tense_of(doc, head.idx, head.idx + len(head))
        out.append(_record(doc, text, head, -1, day.isoformat(), sent_index, None, mentions, exclude, tense,
                           basis="anniversary"))
    return out


def _count(word: str) -> int | None:
    """The count an anniversary gives: "first", "10th", "two", "10"."""
    n = ordinal_number(word)
    if n is None and (value := read_number(word)) is not None:
        n = int(value)
    return n
