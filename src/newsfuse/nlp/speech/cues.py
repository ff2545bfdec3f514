"""Speech cues in the parse: reporting verbs and nouns, "according to", asides, subjects and "that"-clauses.

Shared by :mod:`newsfuse.nlp.speech.quotes`, :mod:`newsfuse.nlp.claims`,
:mod:`newsfuse.nlp.speech.attribution` (which resolves the speaker a cue names) and the time
steps (a date in reported speech is anchored to when it was said). The word lists are English
reporting language, not facts about any story.
"""

from __future__ import annotations

# Verbs that report speech (say, tell, ...): a verb from this list next to a quotation or
# governing a "that"-clause marks who said it. Compiled from the reporting verbs of English
# grammars (Quirk et al. §16.31; Bergler's news reporting verbs), checked on our fixtures, 2026-05.
SPEECH_VERBS = frozenset(
    """
    say tell add note stress emphasise emphasize state announce claim insist warn indicate call
    describe write explain argue assert acknowledge admit affirm allege answer ask assure boast
    caution comment complain concede confirm contend declare deny disclose highlight hint inform
    mention observe predict proclaim promise pledge reaffirm recall recount remark remind reply
    report respond retort reveal reiterate signal specify speak suggest tweet post underline
    underscore urge vow shout testify threaten conclude counter agree disagree express quip
    charge lament concur brief outline forecast estimate confess yell scream exclaim plead
    joke muse brag scoff
    """.split()
)
# Phrasal verbs that report speech only with their particle: "shot back", "fired back", "chimed in"
# (PolNeAR train, 2026-12: cues of quotations left without a speaker).
_PHRASAL_SPEECH_VERBS = {"shoot": "back", "fire": "back", "hit": "back", "chime": "in"}
# Verbs of belief and expectation: "analysts expect ...", "experts believe ..." attribute the
# clause they govern, but are not speech, so they make claims attributed, never quotes.
COGNITION_VERBS = frozenset("believe think expect suspect fear hope feel reckon assume suppose doubt guess anticipate".split())
# Nouns for what a source says or publishes: "a statement from the ministry said" names the
# ministry; "according to reports from X" names X.
SPEECH_NOUNS = frozenset(
    """
    statement quote remark comment word message letter post tweet release communique report
    interview speech address announcement declaration memo email video publication briefing
    text claim testimony figure data estimate document record statistic tally
    """.split()
)
# What a reporting aside may have besides its verb: "police said", "as he said", "AFP reported on Monday".
# Longest apposition between a name and its verb when the parser lost the subject ("Jane Roe, a
# spokeswoman for the union, said …"): a title phrase, not a clause (PolNeAR train articles 300-449
# by name, 2026-12: the appositions of such misparsed subjects ran to 11 tokens).
MAX_APPOSITION_TOKENS = 12
_ASIDE_PARTS = frozenset({"nsubj", "nsubjpass", "punct", "mark", "advmod", "aux", "auxpass", "npadvmod", "neg"})
# Keys of what the quote and claim steps keep on a Doc's user_data so they build it once.
_TEXT_KEY = "newsfuse.text"
_ENTS_KEY = "newsfuse.ents"


def doc_text(doc) -> str:
    """``doc.text``, built once: spaCy joins it from the tokens again on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def doc_ents(doc) -> tuple:
    """``doc.ents``, built once: spaCy makes new spans on every access."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


def is_speech_verb(token) -> bool:
    """A verb (not a noun such as "the report") whose lemma reports speech, or "put" of "as X put it"."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ == "amod":  # "so-called" says nothing
        return False
    lemma = token.lemma_.lower()
    if lemma == "put":
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children) and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in token.children
        )
    if lemma in _PHRASAL_SPEECH_VERBS:
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == _PHRASAL_SPEECH_VERBS[lemma] for c in token.children)
    return lemma in SPEECH_VERBS


def is_cognition_verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in COGNITION_VERBS


def reporting_aside(verb) -> bool:
    """"…, AFP reported", "as he said", "police said in a statement": a reporting verb hung on
    the clause it reports, with nothing of its own but a subject, a time or where it was said
    ("when officers responded to a disturbance" is an event, not an aside)."""
    if not (is_speech_verb(verb) or is_cognition_verb(verb)):
        return False
    for c in verb.children:
        if c.dep_ in _ASIDE_PARTS:
            continue
        if c.dep_ == "prep" and any(g.lemma_.lower() in SPEECH_NOUNS or g.ent_type_ in ("DATE", "TIME") for g in c.children):
            continue
        return False
    return True


def according_to_object(token):
    """The object of "according to" when ``token`` is the word "according" of that phrase."""
    if token.lower_ != "according":
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for child in nxt.children:
        if child.dep_ == "pobj":
            return child
    return nxt.nbor(1) if nxt.i + 1 < len(token.doc) and not nxt.nbor(1).is_punct else None


def words_of_object(token):
    """X in "in X's words" or "in the words of X" when ``token`` is "words" in such a phrase."""
    if token.lower_ != "words" or token.head.lower_ != "in" or token.dep_ != "pobj":
        return None
    for child in token.children:
        if child.dep_ == "poss":
            return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _name_as_compound(verb):
    """The name right before ``verb`` that the parser hung on it as a compound ("…," Conway notes,
    with "notes" read as a plural noun): the verb's subject; None when there is none."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.dep_ == "compound" and before.head.i == verb.i and before.pos_ == "PROPN":
        return before
    return None


def subject_of(verb):
    """The token naming who performs ``verb``: its subject, a passive agent, or a governing verb's subject.

    "…, adding that …", "… and added …" and "was quoted as saying …" have no subject of their
    own; the verb they hang from has it. "It was announced by the ministry" gives the ministry; the "it" of "it was
    reported that" names nobody.
    """
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ == "nsubj" or c.dep_ == "nsubjpass" and c.lower_ != "it"]
        if subjects:
            # Two subjects of a reporting verb set off by a comma ("Voters, Clinton suggested, don't
            # …"): the one right before the verb is the aside's own.
            near = subjects[-1]
            if (len(subjects) > 1 and current is verb and near.i == verb.i - 1 and near.left_edge.i > 0
                    and verb.doc[near.left_edge.i - 1].text == ","):
                return near
            return subjects[0]
        for child in current.children:
            if child.dep_ == "agent":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        # "Clinton, exasperated, responded": the parse hangs the subject on the aside before the verb.
        for child in current.children:
            if child.dep_ == "parataxis" and child.i < current.i:
                aside = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
                if aside is not None:
                    return aside
        if any(c.dep_ in ("nsubjpass", "expl") for c in current.children):
            return None
        if (current.dep_ == "acl" and current.head.lemma_.lower() in SPEECH_NOUNS
                and current.head.dep_ == "dobj" and current.head.head.pos_ == "VERB"):
            # "issued a statement saying that …": whoever issued the statement says it.
            current = current.head.head
            continue
        if current is verb and misread_as_modifier(verb):
            return verb.head
        if current is verb and (name := _name_as_compound(verb)) is not None:
            return name
        if current.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or current.head.i == current.i:
            return _name_before_apposition(verb) if current is verb else None
        # "was quoted as saying": from the participle through "as" to the verb.
        current = current.head.head if current.dep_ == "pcomp" else current.head
    return None


def misread_as_modifier(verb) -> bool:
    """"Mitt Romney, the 2012 nominee, tweeted: …": a finite verb after a person's name and its
    apposition that the parser read as a participle modifying the name."""
    return (verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.head.ent_type_ == "PERSON"
            and verb.i > verb.head.i and verb.doc[verb.i - 1].text == ",")


def _name_before_apposition(verb):
    """For a finite verb the parser gave no subject, a person's name right before it and its
    apposition: "Jane Roe, a spokeswoman for the union, said …" (the parse hangs the name elsewhere)."""
    doc = verb.doc
    j = verb.i - 1
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or j < 2 or doc[j].text != ",":
        return None
    k = j - 1
    while k > 0 and doc[k].text != ",":
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].is_punct and doc[k].text not in (".", "-"):
            return None  # a clause or a quotation, not a title phrase
        k -= 1
    if not 0 < j - k - 1 <= MAX_APPOSITION_TOKENS or k < 1:
        return None
    name = doc[k - 1]
    return name if name.ent_type_ == "PERSON" else None


def that_clause(verb):
    """A "that"-clause the parser hung below the verb's object ("said during the visit that …")."""
    for t in verb.subtree:
        if t.i <= verb.i or t.dep_ not in ("acl", "advcl", "relcl", "dep"):
            continue
        mark = t.left_edge
        if mark.lower_ != "that" or mark.dep_ != "mark":
            continue
        # Only through prepositions and nouns: a verb in between reports its own clause.
        up = t.head
        while up.i != verb.i and up.pos_ not in ("VERB", "AUX"):
            up = up.head
        if up.i == verb.i:
            return t
    return None
