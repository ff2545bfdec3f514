"""What a figure counts and when, read from the parse of its statement (its frame)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.fuse.claims.slots import lemma
from newsfuse.lexicon import ORDINALS
from newsfuse.nlp.speech.attribution import PERSONAL_PRONOUNS
from newsfuse.nlp.time.spec import PART_OF_DAY_RE

# Subordinators that put a count under a condition or widen what it covers ("1,800 jobs would go
# once contractors are counted"): such a count is of another scope than a plain one. Grammar, not
# vocabulary of any event. "including …" is left out: it lists what a count holds ("1,200 workers,
# including crane operators"), it does not widen it.
CONDITION_MARKS = frozenset({"if", "once", "unless", "when", "provided"})
# Modals that make a figure a prospect (a plan, a forecast) rather than a fact of now or before.
PROSPECT_MODALS = frozenset({"will", "would", "shall", "may", "might", "could", "'ll", "wo"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PLACE_LABELS = frozenset({"FAC", "ORG", "GPE", "LOC"})
# Time words the small tagger leaves outside any entity ("arrested 37 overnight"); the timex step's own.
# Prepositions and adverbs that put what a figure counts at one spot ("found two bodies at the home",
# "one was found outside"): a count of one spot is no rival of a count the other report gives for
# the whole happening. Grammar: "in" is left out, it names the happening itself as often ("in the attack").
SPOT_PREPOSITIONS = frozenset({"at", "outside", "inside", "near", "behind", "beside"})
SPOT_ADVERBS = frozenset({"outside", "inside", "nearby", "upstairs", "downstairs", "there", "here"})
# What befell those counted, by the lemmas of the verb or adjective that says it: the dead, the hurt,
# the shot (the dead and the hurt together). A count of one is no rival of a count of another
# ("killed three officers" / "shot six officers"). General English news usage, not a fit.
TOLLS = {"dead": frozenset({"kill", "die", "dead", "death", "fatal", "fatally", "murder", "slay"}),
         "hurt": frozenset({"wound", "wounded", "injure", "injured", "hurt", "injury"}),
         "shot": frozenset({"shoot", "shot"})}
_TOLL_WORDS = frozenset().union(*TOLLS.values())
# Nouns of a group whose size an "of" phrase gives ("a group of four teenagers", "a family of five"):
# the count describes the group, it is no toll. General English.
# Pronouns that stand for people the report named earlier, whom another report may not mean: the
# attribution step's personal ones, "they" of its group ones (not "it"), and the first and second persons.
PEOPLE_PRONOUNS = PERSONAL_PRONOUNS | {"they", "them", "their"} | {"i", "we", "you", "me", "us", "my", "our", "your"}
COLLECTIVES = frozenset({"group", "crowd", "gang", "family", "team", "pair", "couple", "band", "party", "handful"})
# Plurals the crude singular (slots.lemma) leaves alone: "one man" and "two men" count one noun.
_SINGULAR = {"men": "man", "women": "woman", "children": "child", "people": "person"}
# Hearsay: a figure under "is believed / reported / rumoured / said / thought to …" or "reportedly" is
# not what the outlet asserts. English grammar.
HEARSAY_VERBS = frozenset({"believe", "report", "rumor", "rumour", "say", "think"})
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "rumoredly"})
# Prepositions that bound the span of time a count covers. English grammar.
SPAN_BOUNDS = frozenset({"since", "until", "till"})
_TIME_WORD = re.compile(rf"^(?:{PART_OF_DAY_RE}|today|tonight|yesterday|tomorrow)$", re.I)


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure counts and when, from the parse of its statement: two figures give rival values
    only when their frames are compatible (``frames_comparable``)."""

    counted: str  # crude lemma of the noun the number quantifies ("job"; "turnout" for "turnout was 61%")
    restriction: frozenset[str]  # words narrowing the counted thing: modifiers, "in rural counties"
    predicate: str  # lemma of the verb the count hangs on ("cut", "employ", "lay off"); "" under a copula
    prospect: bool  # told as a plan or a forecast ("will cut", "would be lost")
    tense: str  # "present" for a simple present ("employs"), "past" for a simple past ("cut"), else ""
    period: frozenset[str]  # words of the time anchor on the predicate ("overnight", "sunday night")
    condition: bool  # the count holds under a condition or a wider scope ("once contractors are counted")
    toll: str = ""  # what befell those counted: "dead", "hurt", "shot" (TOLLS), else ""
    role: str = ""  # "agent": who did it ("two men shot him"); "patient": whom it befell ("four were shot"); else ""
    state: bool = False  # told with a copula ("three men are in custody", "there are six victims")
    owner: str = ""  # whose the figure is when not the counted thing's own: the verb's subject ("Gaines" fired two shots)
    owner_kind: str = ""  # "name", "pronoun" or "noun": how the owner is written
    direct: str = ""  # "subject" or "object" when the counted noun is the predicate's own, not in a phrase ("during five operations")
    hedged: bool = False  # told as hearsay, not asserted: "is believed to be", "has been reported to", "reportedly"


def figure_frame(doc, start: int, end: int) -> Frame | None:
    """The frame of the figure at character offsets ``[start, end)`` of a parsed statement ``doc``
    (a spaCy ``Doc``), or None when no token lies there."""
    tokens = [t for t in doc if t.idx < end and start < t.idx + len(t.text)]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    noun = top.head if top.dep_ in ("nummod", "quantmod", "amod", "compound") and top.head.i != top.i else top
    partitive = next((w for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for w in c.children
                      if w.dep_ == "pobj"), None) if noun.pos_ == "NUM" else None
    if partitive is not None:  # "900 of its staff" counts staff
        noun = partitive
    elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in COLLECTIVES:
        noun = noun.head.head  # "a group of four teenagers" is one group, however many it holds
    elif noun.lower_ in ("percent", "%", "cent") or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        # A share or a bare number is of what the clause's subject names ("turnout was 61 percent").
        verb = noun.head if noun.dep_ in ("attr", "dobj", "acomp", "oprd", "npadvmod") else None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
        noun = subject if subject is not None else noun
    restriction = set()
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.i not in inside and not child.like_num and not child.ent_type_:
            # (a hedge the tagger puts beside the number, "fewer than 900", is in a numeric entity)
            restriction.add(lemma(child.text))
        elif child.dep_ == "prep" and child.lower_ != "of":
            restriction.update(lemma(w.text) for w in child.subtree if w.is_alpha and not w.is_stop and w.ent_type_
                               not in _TIME_LABELS)
    predicate = noun
    while predicate.pos_ not in ("VERB", "AUX") and predicate.head.i != predicate.i:
        predicate = predicate.head
    if predicate.pos_ not in ("VERB", "AUX"):
        # A headline's count with its participle ("12 wounded in shootings throughout the day"):
        # the participle is what befell those counted, and carries the count's place and time.
        predicate = next((c for c in predicate.children if c.dep_ == "acl" and c.pos_ == "VERB"), predicate)
    is_verb = predicate.pos_ in ("VERB", "AUX")
    # A number the parse leaves without a noun ("an earthquake of magnitude 6.4 shook" read with
    # "6.4" as the subject) counts nothing the parse can name: neither its noun nor its verb decides.
    known = noun.pos_ in ("NOUN", "PROPN", "PRON")
    name = ""
    if is_verb and known and predicate.lemma_ != "be":
        particle = [c.lower_ for c in predicate.children if c.dep_ == "prt"]
        name = " ".join([predicate.lemma_.lower(), *particle])
    prospect = is_verb and any(c.lower_ in PROSPECT_MODALS for c in predicate.children if c.dep_ == "aux")
    simple = is_verb and not any(c.dep_ in ("aux", "auxpass") for c in predicate.children)
    tense = {"VBZ": "present", "VBP": "present", "VBD": "past"}.get(predicate.tag_, "") if simple else ""
    # Who acts is not whom it befell: "two men were shooting at each other" counts shooters, "three
    # people were taken to hospital" victims. Grammar: the counted noun as the active subject of a
    # verb with an object or an "at" target, against the subject of a passive.
    role = ""
    if is_verb and known and predicate.lemma_ not in ("be", "have") and noun.head.i == predicate.i:
        if noun.dep_ == "nsubjpass":
            role = "patient"
        elif noun.dep_ == "nsubj" and any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "at"
                                          for c in predicate.children):
            role = "agent"
    path = [noun]  # the counted noun up to its predicate: "the bodies of two people at the home"
    while path[-1].i != predicate.i and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    for node in path:
        for child in node.children:
            if child.i in inside or any(child.i == n.i for n in path):
                continue
            if child.dep_ == "prep" and child.lower_ in SPOT_PREPOSITIONS:
                restriction.update(lemma(w.text) for w in child.subtree if w.is_alpha and not w.is_stop
                                   and w.ent_type_ not in _TIME_LABELS and not _TIME_WORD.match(w.text))
            elif child.dep_ == "advmod" and child.lower_ in SPOT_ADVERBS:
                restriction.add(child.lower_)
            elif child.dep_ == "prep" and child.lower_ == "to" and any(
                    w.dep_ == "pobj" and (w.pos_ == "PROPN" or w.ent_type_ in _PLACE_LABELS) for w in child.children):
                # A named destination counts those sent there ("took two victims to Stroger Hospital,
                # one to Northwestern"): a part, unless the other report names it too.
                restriction.update(lemma(w.text) for w in child.subtree if w.is_alpha and not w.is_stop)
    if is_verb:
        # A part of a period narrows the count as a modifier does: "had 10 points in the first 7½
        # minutes", "had five points during a 15-2 run" (the whole game's count is no rival).
        for child in predicate.children:
            if child.dep_ == "prep" and child.i not in inside and (child.lower_ in ("during", "within") or any(
                    w.lower_ in ORDINALS or w.ent_type_ == "ORDINAL" for w in child.subtree)):
                restriction.update(lemma(w.text) for w in child.subtree if w.is_alpha and not w.is_stop)
    if is_verb and predicate.lemma_ == "be":
        # A state narrows those counted as a modifier does ("four victims are stable", "three men are
        # in custody"), except what befell them, which the toll compares ("three people are dead").
        # Only the complement: the first phrase after the copula ("in custody", not "after a shooting").
        first = next((c for c in predicate.rights if c.dep_ in ("acomp", "prep")), None)
        for child in [first] if first is not None else []:
            if child.i not in inside and not any(child.i == n.i for n in path):
                restriction.update(lemma(w.text) for w in child.subtree if w.is_alpha and not w.is_stop
                                   and w.ent_type_ not in _TIME_LABELS and not _TIME_WORD.match(w.text)
                                   and w.lemma_.lower() not in _TOLL_WORDS and w.lower_ not in _TOLL_WORDS)
    period: set[str] = set()
    condition = False
    if is_verb:
        for child in predicate.children:
            words = [w for w in child.subtree if w.ent_type_ in _TIME_LABELS or _TIME_WORD.match(w.text)]
            if child.dep_ in ("npadvmod", "advmod", "prep", "obl") and words and not (
                    child.dep_ == "prep" and child.lower_ in ("for", "during")):  # "for 48 hours" is a length
                period.update(w.lower_ for w in words)
            if child.dep_ == "prep" and child.lower_ in SPAN_BOUNDS and words:
                # "arrested three times since October" counts part of a life: a narrower scope than
                # "arrested four times", as a modifier narrows what is counted.
                restriction.update(lemma(w.text) for w in child.subtree if w.is_alpha and not w.is_stop)
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
                condition = True
        # A count over several happenings ("12 people were wounded in shootings across the city", "in
        # two crashes") is a wider scope than one; "shot in the legs" has its article. A phrase after
        # the last of joined verbs may scope them all ("four were killed and seven injured in
        # shootings across the city"): the parse hangs it on the last, so every conjunct is read.
        for child in (c for verb in (predicate, *predicate.conjuncts) for c in verb.children):
            if child.dep_ == "prep" and child.lower_ in ("in", "from") and any(
                    o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS") and o.i not in inside
                    and not any(d.dep_ in ("det", "poss") for d in o.children) for o in child.children):
                condition = True
    told = [predicate] + [c for c in predicate.children if c.dep_ in ("acomp", "xcomp", "oprd", "advmod")]
    # ("the death toll is 12": a compound names what befell those counted too)
    told += [c for c in noun.children if c.dep_ in ("amod", "acl", "relcl", "compound") and c.i not in inside]
    # "found shot dead", "shot to death"
    told += [g for t in told[1:] for g in t.children if g.dep_ in ("acomp", "oprd", "advmod", "amod")]
    told += [o for t in told for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
             if o.dep_ == "pobj"]
    # "found with gunshot wounds", "hospitalized with injuries" (not "charged with murder": a charge)
    told += [o for c in predicate.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
             if o.dep_ == "pobj" and o.lemma_.lower() in TOLLS["hurt"]] if is_verb else []
    # "left 19 people injured": the word after the object says what befell it, wherever the parse hangs it
    if noun.i + 1 < len(doc) and doc[noun.i + 1].tag_ in ("VBN", "VBD", "JJ"):
        told.append(doc[noun.i + 1])
    lemmas = {t.lemma_.lower() for t in told} | {t.lower_ for t in told}
    toll = next((name_ for name_, words in TOLLS.items() if lemmas & words), "")
    owner, owner_kind = _owner(predicate, inside | {noun.i}) if is_verb else ("", "")
    possessor = next((c for c in noun.children if c.dep_ == "poss" and c.i not in inside), None)
    if possessor is not None:  # "his 14 points", "Charles' 226 yards": the figure is the possessor's
        owner, owner_kind = _written(possessor)
    chain = [predicate, *predicate.ancestors] if is_verb else []
    hedged = any(any(c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS for c in t.children)
                 or t.lemma_.lower() in HEARSAY_VERBS and t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children)
                 and any(c.dep_ == "xcomp" for c in t.children) for t in chain)
    # (the subject of a passive is what an active verb's object is: "2,400 are employed" / "employs 2,400")
    direct = {"nsubj": "subject", "nsubjpass": "object", "dobj": "object", "attr": "object"}.get(
        noun.dep_, "") if is_verb and noun.head.i == predicate.i else ""
    return Frame(lemma(noun.text) if known else "", frozenset(restriction), name, prospect, tense, frozenset(period),
                 condition, toll, role, is_verb and predicate.lemma_ == "be", owner, owner_kind, direct, hedged)


def _owner(predicate, figure: set[int]) -> tuple[str, str]:
    """The subject of ``predicate`` (or of the verb it is joined to: "opened fire and shot three"; or,
    for a subjectless participle or gerund, of the clause it hangs on: "Artino complemented him by
    scoring 14 points", "came in needing 11 points") unless it holds the figure or its counted noun
    (token indices ``figure``: "an earthquake of magnitude 6.4 shook"), lower-cased, with how it is
    written."""
    verb = predicate
    while True:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.head.i == verb.i:
            break
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "by scoring": the verb the phrase modifies
        elif verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN"):
            verb = verb.head
        else:
            break
    if subject is None or subject.dep_ == "expl" or any(t.i in figure for t in subject.subtree):
        return "", ""
    return _written(subject)


def _written(subject) -> tuple[str, str]:
    """A subject or possessor lower-cased, with how it is written: "pronoun", "name" or "noun"."""
    if subject.pos_ == "PRON":
        return subject.lower_, "pronoun"
    # (the tagger takes some surnames for common nouns, "Sanders", "Trump": the entity label says a name)
    if subject.pos_ == "PROPN" or subject.ent_type_ in _NAME_LABELS:
        name = [t.lower_ for t in subject.subtree if (t.pos_ == "PROPN" or t.ent_type_ in _NAME_LABELS)
                and (t.i == subject.i or t.dep_ == "compound")]
        return " ".join(name), "name"
    return lemma(subject.text), "noun"


def owners_apart(f: Frame, g: Frame, close: bool) -> bool:
    """Whether two figures belong to two different subjects, so are no rival values: two names
    with no word in common ("Gaines" / "Lorne Ahrens"); and, for what someone did or has rather
    than a toll of victims, a name against a description unless their words are alike
    (``close``: "Gaines fired two shots" / "an officer fired one shot"; "the Bank of Valdoria" /
    "the central bank" are alike), or a name against an unresolved pronoun. A toll's
    subject is whoever did the harm, which reports name each their own way ("a gunman", "the
    suspect", a name). Outside a toll, a personal pronoun owner on either side ("he had 269 yards" /
    "he has rushed for 150 yards") may be anyone the other report names or not: apart."""
    if not (f.counted and g.counted):
        return False  # (a figure the parse leaves without a noun has no reliable subject either)
    personal = bool({f.owner, g.owner} & PEOPLE_PRONOUNS) and not (f.toll and g.toll)
    if not (f.owner and g.owner):
        return personal
    kinds = {f.owner_kind, g.owner_kind}
    close = close or f.owner in g.owner or g.owner in f.owner
    if kinds == {"name"}:
        return not set(f.owner.split()) & set(g.owner.split())
    if f.toll and g.toll and "time" not in (f.counted, g.counted):
        return False
    if kinds == {"name", "pronoun"} or personal:
        return True
    # (two descriptions may be one referent told two ways: "the plant" / "the site")
    return kinds == {"name", "noun"} and not close


def frames_comparable(f: Frame, g: Frame, words_f: frozenset[str], words_g: frozenset[str], same_counted: bool,
                      owners_close: bool = False, one_deed: bool = False) -> bool:
    """Whether two figures can be rival values of one count. Not when any of these tells them apart:
    a condition or a narrowing word on one side only; a fact against a prospect; hearsay on either
    side ("the deal is believed to be worth $160 million"); who acted against
    whom it befell; the dead, the hurt and the shot; a state told with a copula against a deed
    ("three men are in custody" / "two men were having an argument") unless both say what befell
    those counted; two owners (``owners_apart``; ``owners_close``: the owners are written alike);
    how often against how many; a group's size against a count of people; a simple present against
    a simple past; two periods; two verbs, unless both say what befell those counted ("three were
    killed" / "four died") or ``one_deed`` (the two verbs tell one deed: "will get a 6% pay rise" /
    "will receive a 6.5% pay rise"); two counted nouns (``same_counted``: they name one thing,
    "vessels" / "ships"), unless one verb counts both; in a toll, two nouns however alike. ``words_*``
    are each statement's content words."""
    if f.condition != g.condition or f.prospect != g.prospect or {f.role, g.role} == {"agent", "patient"}:
        return False
    if f.hedged or g.hedged:
        return False  # hearsay asserts no figure to set against another
    if f.toll and g.toll and f.toll != g.toll:
        return False  # the dead, the hurt and the shot are three counts
    if f.state != g.state and not (f.toll and g.toll):
        return False
    if owners_apart(f, g, owners_close):
        return False  # whom the figure is about: two people's shots, years or times
    if (f.counted == "time") != (g.counted == "time"):
        return False  # how often ("shot seven times") against how many ("four civilians")
    if (f.counted in COLLECTIVES) != (g.counted in COLLECTIVES):
        return False  # the size of a group ("a group of four teenagers") against a count of people
    if {f.tense, g.tense} == {"present", "past"}:
        return False  # a standing count ("employs 2,400") against a past event ("cut 1,200")
    if f.period and g.period and not f.period & g.period:
        return False
    if f.restriction - words_g or g.restriction - words_f:
        return False
    if f.predicate != g.predicate and bool(f.toll) != bool(g.toll):
        # Two verbs (or a verb and a copula), one of which says what befell those counted and one
        # not ("two teens shot themselves" / "one teen was playing with the gun"; "one person was
        # killed" / "two people are in critical condition"), count two happenings.
        return False
    if f.predicate and g.predicate and f.predicate != g.predicate and not (f.toll and g.toll or one_deed):
        # Two deeds ("one patient remains hospitalized" / "two patients were transferred"; "he heard
        # two gunshots" / "three shots were fired"), unless both say what befell those counted.
        return False
    nf, ng = _SINGULAR.get(f.counted, f.counted), _SINGULAR.get(g.counted, g.counted)
    if (f.toll or g.toll) and nf and ng and not (nf in ng or ng in nf):
        # In a toll, two nouns are two counts however alike ("two men wounded" / "three people
        # wounded"; "shot two bailiffs" / "four people were shot"): one is most often a part.
        return False
    if f.counted and g.counted and not same_counted:
        # Two nouns ("two groups of people" / "four people") count two things, unless one verb
        # counts both as its subject or object ("employs about 3,100 people" / "employs 2,400
        # workers"; not "seized 14 rifles during the five operations" / "six rifles were seized").
        # ("four men drove a 4x4" / "drove two cars": the doers and what they drove are two things)
        return bool(f.predicate) and f.predicate == g.predicate and same_role(f, g)
    return True


def same_role(f: Frame, g: Frame) -> bool:
    """Both counted nouns are their predicates' own subjects, or both their objects."""
    return bool(f.direct) and f.direct == g.direct
