"""Reported speech in one parsed article: the clauses that reporting verbs and framing phrases attribute.

A clause a reporting verb governs ("X said that …", "…, AFP reported"), or that "according to X",
"in X's words" or "as X said" frames, is reported ("indirect") speech. A clause that is itself
inside quotation marks is the direct quote, not a second one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.model import Mention, skip_dateline
from newsfuse.nlp.speech.attribution import SPEAKER_NOUNS, Attributor, Source
from newsfuse.nlp.speech.cues import (
    SPEECH_VERBS,
    according_to_object,
    doc_text,
    is_speech_verb,
    subject_of,
    that_clause,
    words_of_object,
)
from newsfuse.nlp.speech.marks import CLOSING_MARKS, MarkedQuote, in_ranges

# An indirect clause that is mostly inside quotation marks is the direct quote already.
MAX_QUOTED_SHARE_OF_INDIRECT = 0.8
# Speech acts whose content may be a noun phrase, the verb's object: "cited the figure", "stressed
# her support for the raid", "described Clinton as a disgrace", "announced a benefit concert".
# Verbs of telling someone ("told reporters"), asking or writing ("wrote a memoir") are left out:
# their object is the addressee or a work. PolNeAR train (2026-12): 376 of 1,843 error rows were
# noun-phrase or topic contents.
_OBJECT_CUES = frozenset("""
    announce cite mention note stress emphasise emphasize underline underscore highlight acknowledge
    admit report deny claim propose recommend describe predict reiterate repeat outline confirm
    reveal disclose express concede allege demand discuss detail recall forecast estimate signal
""".split())
# Speech acts whose content may be a gerund's clause: "proposed enforcing a no-fly zone", "suggested
# boycotting the firm", "reported spending $1 million" (PolNeAR train, articles 300-449 by name,
# 2026-12: 5 of 150 reported misses).
_GERUND_CUES = _OBJECT_CUES | {"suggest"}
# Speech acts whose content may be a topic after a preposition: "spoke of the legacy of racism",
# "talked about jobs", "pointed to the deficit", "warned of a recession", "commented on the case".
_TOPIC_CUES = {
    "speak": ("of", "about"), "talk": ("about", "of"), "comment": ("on",), "point": ("to",),
    "warn": ("of", "about", "against"), "caution": ("against",), "complain": ("about", "of"),
    "testify": ("about", "on"), "boast": ("about", "of"), "joke": ("about",), "write": ("about", "of"),
    "argue": ("for", "against"), "report": ("on",),
}
# Speech acts whose content may be an indirect question: "explained why he backs Trump", "asked
# whether the senator disavowed the endorsement".
_QUESTION_CUES = frozenset("explain ask describe reveal detail disclose discuss outline".split())
# Verbs that are cues only with such a content, or with a "that"-clause ("demanded that …",
# "pointed out that …"): they are no reporting verbs of the shared list, where "pointed a gun" or
# "talked" alone would be one.
_CONTENT_ONLY_CUES = (_OBJECT_CUES | frozenset(_TOPIC_CUES) | _QUESTION_CUES) - SPEECH_VERBS
# A pronoun or a word that only stands for the content ("cited it", "said as much") is no content.
_EMPTY_OBJECTS = frozenset("it this that these those them what something nothing anything everything much".split())
# Nouns of saying whose "that"-clause is what their owner said: "Trump's claim that …", "the
# campaign's statement that …", "Stumpf's repeated emphasis that …" (the owner a possessive or
# "by"/"from" X).
_CONTENT_NOUNS = frozenset("""
    claim statement assertion contention remark comment suggestion promise pledge warning insistence
    emphasis allegation charge prediction announcement denial assurance vow argument admission
    acknowledgment acknowledgement complaint accusation threat boast declaration testimony message
""".split())
# Verbs whose subject owns the noun of saying they take: "made the claim that …", "issued a warning that …".
_MAKING_VERBS = frozenset({"make", "issue", "repeat", "reiterate", "voice", "renew"})
_CUE_LEMMAS = SPEECH_VERBS | {"put"} | _CONTENT_ONLY_CUES | _CONTENT_NOUNS
# Speech acts whose content is a request or a promise rather than a clause ("urged X to …",
# "pledged to …"; "call" is read apart: "called for …", "called on X to …", "called X Y").
# PolNeAR train (2026-12): 42 of dev's and 288 of train's misses were requests, promises and calls.
_PROMISE_CUES = frozenset({"promise", "pledge", "vow", "threaten"})
# Reporting verbs whose object is the hearer ("told CNN", "assured reporters").
_HEARER_CUES = frozenset({"tell", "inform", "assure", "remind", "brief"})
_REQUEST_CUES = frozenset({"urge", "ask", "plead"})
# Consent to do something is a promise too ("agreed to pay a fee"), but only with what is agreed
# to do (PolNeAR train, articles 300-449 by name, 2026-12: 4 of 150 reported misses).
_CONSENT_CUES = frozenset({"agree"})
# Verbs whose complement is speech that did not happen ("refused to say", "declined to confirm"),
# and modals of speech that only may happen ("callers may call …", "you can text …").
_REFUSAL_VERBS = frozenset({"refuse", "decline", "fail"})
_POSSIBILITY_MODALS = frozenset({"may", "might", "can", "could", "should", "must"})
# The modals reported speech shifts a future into ("said she hoped …, and would continue …"): a
# predicate joined to the cue with one of these and no subject of its own goes on with what was said.
_BACKSHIFT_MODALS = frozenset({"would", "could", "might", "should"})
# Conjunctions of a condition or concession the parser hangs on the cue when they open the reported
# clause ("said if the bill passes, he will veto it", "said just because X did not mean Y").
_OPENING_MARKS = frozenset({"if", "unless", "because", "although", "though"})
# Fewer words than this is no statement ("called for it").
MIN_REQUEST_WORDS = 2
# A noun-phrase content needs this many words besides determiners: "cited the figure" and
# "described the scene" name what was spoken of; "cited rising rents" says something.
MIN_OBJECT_WORDS = 2
# A line that opens with a name and a colon is that person's or body's statement: a headline's
# attribution ("Graham: Trump's Rhetoric Destroying GOP's Chance") or a transcript's turn ("PENCE:
# Well, …"). The name is at most this many capitalised words; the statement at least
# MIN_LINE_STATEMENT_WORDS words. PolNeAR train (2026-12): 35 of 315 error rows in 150 articles
# were such lines; checked on dev.
MAX_LINE_NAME_WORDS = 5
MIN_LINE_STATEMENT_WORDS = 3
_LINE_NAME = re.compile(r"^[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,%d}[A-Z][\w.'’-]*)[ \t]*:[ \t]+(?=\S)" % (MAX_LINE_NAME_WORDS - 1), re.M)
# Labels of the name before the colon: a person or an organisation, not a time, place or label ("Update:").
_LINE_SPEAKER_LABELS = ("PERSON", "ORG")


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """A reported clause: its character span, the cue that reports it and the source it names."""

    start: int
    end: int
    cue: str  # speech verb lemma ("say", "note"), "according to" or "in the words of"
    speaker: Source | None


def reported_speech(doc, attributor: Attributor, direct: list[MarkedQuote], inside, dateline) -> list[ReportedSpeech]:
    """Every reported clause in ``doc`` outside the ``direct`` quotes and the ranges ``inside`` marks,
    in text order of its cue; ``dateline`` (``Article.dateline_span``) is left out of the clause it opens."""
    quoted = sorted(p for q in direct for p in q.pieces)
    out = []
    for tok in doc:
        # Cheap test first: only these words can start a cue.
        if tok.lower_ not in ("according", "words") and tok.lemma_.lower() not in _CUE_LEMMAS:
            continue
        if in_ranges(inside, tok.idx):
            continue
        found = reported_clause(tok)
        if found is None:
            continue
        span_tokens, cue, source_token = found
        if source_token is None:
            # "It should be recalled that …" reports nobody's speech.
            continue
        start, end = _clause_chars(span_tokens, dateline)
        if end <= start or _quoted_share(quoted, start, end) > MAX_QUOTED_SHARE_OF_INDIRECT:
            continue
        if any(t.i == source_token.i for t in span_tokens):
            continue  # a source inside what it is said to have said is a misparse of the sentence
        if cue not in ("according to", "in the words of") and _as_clause(tok) and _quoted_share(quoted, start, end):
            # "…, "…," as he described": the "as" clause attributes the quote, which is found already.
            # A participle's clause is its own ("…, adding that the party "will get there"").
            continue
        end = _through_open_quote(direct, start, end)
        if any(r.start == start and r.end == end for r in out):
            continue  # "repeating claims that …": the verb and its noun report one clause
        out.append(ReportedSpeech(start, end, cue, attributor.source(source_token)))
    return out


def line_statements(text: str, mentions) -> list[ReportedSpeech]:
    """Lines that open with a person's or organisation's name and a colon: the rest of the line is
    their statement (cue ":"), in text order."""
    out = []
    # A transcript's "PENCE:" or a headline's "Lynch: …" is seldom tagged; it names a person the article
    # names elsewhere ("Mike Pence", "Attorney General Loretta Lynch").
    person_words = {w.casefold() for x in mentions if x.label == "PERSON" and not x.text.isupper() for w in x.text.split()}
    for m in _LINE_NAME.finditer(text):
        name_start, name_end = m.span(1)
        prefix = m.group(1)
        # All capitals is a transcript's speaker or a page's label ("RELATED ARTICLES:"): only a person's name counts.
        names = [x for x in mentions if x.label in _LINE_SPEAKER_LABELS and name_start <= x.start and x.end == name_end
                 and not prefix.isupper()]
        if not names and all(w.casefold() in person_words for w in prefix.split()):
            names = [Mention(name_start, name_end, prefix, "PERSON", 0)]
        if not names:
            continue
        line_end = text.find("\n", m.end())
        end = len(text[: line_end if line_end >= 0 else len(text)].rstrip())
        words = [w for w in text[m.end() : end].split() if w.strip(".,;:!?“”\"'‘’").isalpha()]
        if len(words) < MIN_LINE_STATEMENT_WORDS:  # "Jane Roe: jroe@paper.com or 555-0100" is a contact line
            continue
        name = min(names, key=lambda x: x.start)
        out.append(ReportedSpeech(m.end(), end, ":", Source(name.start, name.end, name.text, name.label)))
    return out


def reported_clause(tok):
    """For a reporting cue at ``tok``: (tokens of the reported clause, cue, token naming the source), or None.

    The cues: a reporting verb with a complement clause ("X said (that) …", "…, AFP reported"),
    or set aside in the clause it reports ("the law, he argued, would …"), "as X said, …",
    "according to X, …" and "in X's words, …". Questions ("asked whether …")
    and denied speech ("did not say that …") report nothing; a clause in another paragraph
    (the parser's sentences can run over paragraph breaks) is not the one reported.
    """
    doc = tok.doc
    obj = according_to_object(tok)
    if obj is not None:
        return _framed_clause(tok, doc), "according to", obj
    obj = words_of_object(tok)
    if obj is not None:
        return _framed_clause(tok.head, doc), "in the words of", obj
    if tok.pos_ == "NOUN":
        return _noun_content(tok)
    content_only = _content_only_cue(tok)
    if not (is_speech_verb(tok) or content_only) or _unsaid(tok):
        return None
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and not c.is_punct), None) or that_clause(tok)
    if comp is not None:
        if not _same_paragraph_as(comp, tok):
            return None
        question = any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in comp.children) or any(
            c.tag_ in ("WRB", "WP", "WDT") and c.i < comp.i and c.lower_ != "that" for c in comp.children)
        if question and tok.lemma_.lower() not in _QUESTION_CUES:
            return None
        if content_only and not question and not any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
            # "demanded a recount after X was certified": without "that", a clause of such a verb is a misparse.
            return None
        if content_only and tok.lemma_.lower() == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
            return None  # "pointed to …" is a topic; "pointed out that …" reports a clause
        # "…, citing hospital staff" / "…, adding that …" after the clause says how the source
        # spoke, not what it said, wherever the parser hangs it.
        aside = {t.i for c in comp.children if _speaking_participle(c) for t in c.subtree}
        # "that" goes; "whether" and "if" stay, so a reported question reads as one.
        tokens = [t for t in comp.subtree
                  if not (t.dep_ == "mark" and t.head.i == comp.i and t.i < comp.i and t.lower_ == "that") and t.i not in aside]
        tokens = _opening_clause(tok, comp) + tokens + _continued_past_quote(tok, comp) + _rest_after_aside(tok, comp)
        return _same_paragraph(tokens, comp, doc), tok.lemma_.lower(), subject_of(tok)
    as_clause = _as_clause(tok)
    # "The law, he argued, would …" and "…, AFP reported" parsed as a clause aside.
    aside = (tok.dep_ == "parataxis" or _inverted_after_comma(tok)) and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and not _hearer(tok, c) for c in tok.children)
    if as_clause or aside:
        if not _same_paragraph_as(tok.head, tok):
            return None
        rest = _rest_after_aside(tok, tok.head) if aside else []
        return _framed_clause(tok, doc) + _same_paragraph(rest, tok.head, doc), tok.lemma_.lower(), subject_of(tok)
    tokens = _request_or_naming(tok) or _object_or_topic(tok)
    if tokens and _same_paragraph_as(tokens[-1], tok):
        return _same_paragraph(tokens, tok, doc), tok.lemma_.lower(), subject_of(tok)
    return None


def _opening_clause(verb, comp) -> list:
    """A condition or concession between the cue and its clause, which the parser hung on the cue:
    "said if the bill passes, he will veto it" reports the condition too."""
    return [t for c in verb.children if c.dep_ == "advcl" and verb.i < c.left_edge.i and c.right_edge.i < comp.left_edge.i
            and any(m.dep_ == "mark" and m.lower_ in _OPENING_MARKS for m in c.children) for t in c.subtree]


def _rest_after_aside(verb, clause) -> list:
    """The end of a reported clause (headed by ``clause``) the cue interrupts, which the parser hung
    on the cue: "The argument would be aided, Devine said, by the upcoming primary calendar". Only
    after a comma right after the cue: "…, he said on Tuesday" says when it was said."""
    doc = verb.doc
    if not (clause.i < verb.i and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","):
        return []
    return [t for c in verb.children if c.i > verb.i + 1 and (
        c.dep_ == "prep" or c.dep_ == "advcl" and c.tag_ != "VBG" and any(m.dep_ == "mark" for m in c.children))
            for t in c.subtree]


def _continued_past_quote(verb, comp) -> list:
    """The rest of a reported clause that the parser hung on the cue after a partial quotation
    closed in it: `said her country watched with "bemusement," and there was …`, `said he is ready
    to "take on the cartel," secure the border …`, or that goes on with a shifted modal and no
    subject of its own ("said she hoped to get it back, and would continue …"). Any other predicate
    after the clause with no closing mark before it is the reporter's ("said he was tired and left")."""
    doc = verb.doc
    end = max(t.i for t in comp.subtree)
    out = []
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.i <= end or c.dep_ not in ("conj", "advcl") or c.pos_ not in ("VERB", "AUX"):
            continue
        between = doc[end + 1 : c.left_edge.i]
        shifted = any(a.dep_ == "aux" and a.lower_ in _BACKSHIFT_MODALS for a in c.children) and not any(
            a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
        if not (between and all(t.is_punct or t.dep_ == "cc" for t in between)
                and (shifted or any(t.text in CLOSING_MARKS for t in between))):
            break
        out += [*between, *c.subtree]
        end = max(t.i for t in c.subtree)
    return out


def _unsaid(verb) -> bool:
    """Speech denied ("did not say that …"), refused ("refused to put in writing a promise that …",
    "declined to say that …") or only possible ("callers may call X at …"): nothing was said."""
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _POSSIBILITY_MODALS for c in verb.children):
        return True
    current = verb
    for _ in range(3):
        if current.dep_ != "xcomp" or current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_.lower() in _REFUSAL_VERBS:
            return True
    return False


def _hearer(verb, obj) -> bool:
    """Whether ``obj`` is whom ``verb`` was said to ("…, Trump told CNN, …"), not what was said."""
    return (obj.dep_ == "dobj" and verb.lemma_.lower() in _HEARER_CUES
            and (obj.pos_ in ("PROPN", "PRON") or obj.lemma_.lower() in SPEAKER_NOUNS))


def _inverted_after_comma(verb) -> bool:
    """"A, but B, said the chief executive" parsed as a verb joined to the clause it reports: after
    a comma, its subject after it."""
    return (verb.dep_ == "conj" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
            and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children))


def _as_clause(verb) -> bool:
    """Whether ``verb`` heads a clause aside opened by "as" ("as X said", "as he put it",
    "as he told reporters"); one with a content of its own ("as Trump called for a boycott") says
    that, not the clause around it."""
    return (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
            and not any(c.dep_ in ("ccomp", "xcomp", "oprd") or c.dep_ == "dobj" and not _hearer(verb, c) and c.lower_ != "it"
                        or c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in verb.children))


def _request_or_naming(verb) -> list:
    """What a speech act without a clause says: a request, promise or naming after its verb.

    "called for a ban", "called on Congress to act", "urged voters to stay home", "pledged to
    work together", "promised a new deal", "called the deal a disaster": the verb's objects and
    complements, not its time or manner ("on Monday", "in a speech"). Empty for other verbs, or
    when the parse has no such complement ("called him", a telephone call)."""
    lemma = verb.lemma_.lower()
    kids = [c for c in verb.children if c.i > verb.i]
    dep = {c.dep_: c for c in reversed(kids)}
    parts = []
    if lemma == "call":
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")), None)
        for_clause = next((c for c in kids if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
        if prep is not None and prep.lower_ == "for":
            parts = [c for c in prep.children if c.dep_ == "pobj"]
        elif for_clause is not None:
            parts = [for_clause]  # "called for the president to resign", parsed as a for-to clause
        elif prep is not None:
            # "called on Congress to act": the addressee with the request, as with "urged X to".
            request = [c for c in kids if c.dep_ == "xcomp"]
            addressee = [c for c in prep.children if c.dep_ == "pobj"][:1]
            if request:
                parts = addressee + request
            elif addressee and any(t.dep_ in ("acl", "relcl") and t.i > addressee[0].i for t in addressee[0].children):
                parts = addressee  # the request parsed as a clause of the addressee: "on Obama to retaliate"
        elif "dobj" in dep and any(d in dep for d in ("oprd", "xcomp", "ccomp")):
            parts = [dep["dobj"]] + [dep[d] for d in ("oprd", "xcomp", "ccomp") if d in dep]
    elif lemma in _PROMISE_CUES:
        parts = [dep[d] for d in ("xcomp", "dobj") if d in dep][:1]
    elif lemma in _CONSENT_CUES and "xcomp" in dep:
        parts = [dep["xcomp"]]  # "agreed to meet again"; not "agreed with the point"
    elif lemma in _REQUEST_CUES and "xcomp" in dep:
        parts = [dep[d] for d in ("dobj", "xcomp") if d in dep]
    tokens = sorted({t.i: t for p in parts for t in p.subtree}.values(), key=lambda t: t.i)
    if len(tokens) < MIN_REQUEST_WORDS:
        return []
    # One contiguous span from the first complement to the last.
    doc = verb.doc
    return [doc[i] for i in range(tokens[0].i, tokens[-1].i + 1) if not (i == tokens[-1].i and doc[i].is_punct)]


def _noun_content(noun):
    """For a noun of ``_CONTENT_NOUNS`` with a "that"-clause and an owner ("Trump's claim that …",
    "a statement from the ministry that …"): (the clause's tokens, the noun, the owner), or None."""
    if noun.lemma_.lower() not in _CONTENT_NOUNS:
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None or not _same_paragraph_as(clause, noun):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                      for o in c.children if o.dep_ == "pobj"), None)
    if owner is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _MAKING_VERBS | _OBJECT_CUES:
        owner = subject_of(noun.head)  # "repeating claims that …", "made the argument that …"
    if owner is None:
        return None
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i and t.i < clause.i)]
    return _same_paragraph(tokens, noun, noun.doc), noun.lemma_.lower(), owner


def _content_only_cue(tok) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _CONTENT_ONLY_CUES


def _object_or_topic(verb) -> list:
    """What a speech act says when its content is a noun phrase: the object of a verb of
    ``_OBJECT_CUES`` with what describes it ("described Clinton as a disgrace"), or the topic after
    a preposition of ``_TOPIC_CUES`` ("spoke of the legacy of racism"). Empty otherwise, and for
    an object that only stands for the content ("cited it")."""
    lemma = verb.lemma_.lower()
    kids = [c for c in verb.children if c.i > verb.i]
    parts = []
    if lemma in _OBJECT_CUES:
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_ not in _EMPTY_OBJECTS and obj.pos_ != "PRON" and _noun_content(obj) is None:
            parts = [obj] + [c for c in kids if c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"]
    if not parts and lemma in _GERUND_CUES:
        # "proposed enforcing a no-fly zone", "suggested boycotting the firm": a gerund is the content.
        parts = [c for c in kids if c.dep_ == "xcomp" and c.tag_ == "VBG"][:1]
    if not parts and lemma in _TOPIC_CUES:
        for prep in (c for c in kids if c.dep_ == "prep" and c.lower_ in _TOPIC_CUES[lemma]):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ not in _EMPTY_OBJECTS and obj.pos_ != "PRON":
                parts = [obj]
                break
    if parts and verb.tag_ in ("VBD", "VBZ", "VBP"):
        # "announced plans to axe jobs and move production": a bare infinitive joined to the finite
        # verb cannot be its coordinate; it goes on the infinitive inside the content.
        parts += [c for c in kids if c.dep_ == "conj" and c.tag_ == "VB" and c.i > parts[0].i
                  and not any(g.dep_ in ("nsubj", "aux", "nsubjpass") for g in c.children)]
    tokens = sorted({t.i: t for p in parts for t in p.subtree}.values(), key=lambda t: t.i)
    # "described the scene", "mentioned Machado": a bare thing or name is what was spoken of, not said.
    if sum(1 for t in tokens if not (t.is_punct or t.pos_ == "DET" or t.dep_ == "poss" and t.pos_ == "PRON")) < MIN_OBJECT_WORDS:
        return []
    if lemma == "cite" and parts[0].lemma_.lower() in SPEAKER_NOUNS:
        return []  # "…, citing hospital staff" names where the words came from, not what they said
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()  # "plans to axe 1,200 jobs and" when the parser hangs what follows elsewhere
    doc = verb.doc
    return [doc[i] for i in range(tokens[0].i, tokens[-1].i + 1)]


def _speaking_participle(tok) -> bool:
    """A participle clause after a comma that tells how the source spoke ("citing", "adding")."""
    # One with a subject of its own ("…, some of it mentioning Mr. Trump") is part of the clause.
    return (tok.dep_ in ("advcl", "xcomp", "conj") and tok.tag_ == "VBG" and tok.i > tok.head.i
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            and tok.i > 0 and tok.doc[tok.i - 1].text == "," and (tok.lemma_.lower() in _CUE_LEMMAS or tok.lemma_.lower() == "cite"))


def _same_paragraph_as(a, b) -> bool:
    text = doc_text(a.doc)
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in text[lo:hi]


def _through_open_quote(direct: list[MarkedQuote], start: int, end: int) -> int:
    """Extend a clause that stops inside a quotation to the quotation's closing mark."""
    for q in direct:
        if start <= q.open_at < end < q.close_at:
            return q.close_at
    return end


def _framed_clause(phrase_head, doc) -> list:
    """The clause around a framing phrase ("according to X", "as X said"), without the phrase."""
    anchor = phrase_head.head if phrase_head.head.i != phrase_head.i else phrase_head
    drop = {t.i for t in phrase_head.subtree}
    # "…, according to X, raising fresh questions about …": a participle after the frame is the reporter's comment.
    last = max(drop)
    drop |= {t.i for c in anchor.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > last for t in c.subtree}
    tokens = [t for t in anchor.subtree if t.i not in drop]
    return _same_paragraph(tokens, anchor, doc)


def _same_paragraph(tokens, anchor, doc) -> list:
    """Tokens on the anchor's side of any paragraph break (the parser's sentences can cross them)."""
    text = doc_text(doc)
    lo = text.rfind("\n", 0, anchor.idx) + 1
    hi = text.find("\n", anchor.idx)
    hi = len(text) if hi < 0 else hi
    return [t for t in tokens if lo <= t.idx < hi]


def _clause_chars(tokens, dateline: tuple[int, int] | None) -> tuple[int, int]:
    """The character span of ``tokens`` without the dateline opening it, punctuation, quotation
    marks or "that" at its edges."""
    toks = sorted(tokens, key=lambda t: t.i)
    if toks and (start := skip_dateline(toks[0].idx, dateline)) != toks[0].idx:
        toks = [t for t in toks if t.idx >= start]
    # "that" opens a clause without saying anything; "whether" and "if" keep a question a question.
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ == "that"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return 0, 0
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _quoted_share(quoted: list[tuple[int, int]], start: int, end: int) -> float:
    covered = sum(max(0, min(e, end) - max(s, start)) for s, e in quoted)
    return covered / max(1, end - start)
