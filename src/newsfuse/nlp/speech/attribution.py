"""Who said or holds something: the speaker span a cue names, with pronouns and descriptions resolved.

Shared by :mod:`newsfuse.nlp.speech.quotes` and :mod:`newsfuse.nlp.claims`; the cues themselves
(reporting verbs, "according to", subjects) are in :mod:`newsfuse.nlp.speech.cues`. An :class:`Attributor`
is built once per parsed document; it turns the token that names a source (the subject of
"said", the object of "according to") into a :class:`Source` span in the article text:

* the name mention when there is one (PERSON first, then ORG, then a name that heads the
  phrase): "German Foreign Ministry spokeswoman Lena Koch" → "Lena Koch";
* for a pronoun ("he noted", "according to him"), the last compatible person named as a
  subject or source before it;
* for a definite description of a person ("the German leader"), the person named earlier
  whose titles share its words ("German Chancellor ..."), else the last person named as a
  subject or source, unless their nationality words disagree;
* otherwise the noun phrase itself ("Sources", "the two leaders").

The word lists below are English words for people and roles, not facts about any story.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.nlp.speech.cues import SPEECH_NOUNS, according_to_object, doc_text, words_of_object
from newsfuse.lexicon import SHORT_TITLES

# Head nouns that describe a person by role: "the German leader", "the spokeswoman". A definite
# description with one of these heads and no name refers back to a person named before.
PERSON_NOUNS = frozenset(
    """
    leader president minister premier chancellor spokesman spokeswoman spokesperson official chief
    head secretary ambassador envoy diplomat politician lawmaker legislator senator congressman
    congresswoman governor mayor king queen prince princess monarch emperor general commander
    officer director chairman chairwoman chair executive founder owner prosecutor judge lawyer
    attorney candidate nominee activist author writer researcher scientist professor doctor expert
    analyst witness victim suspect defendant man woman player coach manager actor actress singer
    pope bishop priest imam rabbi emir sheikh sultan ruler dictator negotiator mediator deputy aide
    adviser advisor councillor councilor representative delegate economist strategist
    neighbor neighbour friend relative mother father sister brother daughter son wife husband
    grandmother grandfather aunt uncle cousin nephew niece teacher student resident worker
    employee pastor nurse deputy sheriff detective trooper coroner
    """.split()
)
# Person nouns that say nothing of a role ("the man", "a witness"): such a description is only
# resolved by titles it shares with a name, never to whoever was named last.
GENERIC_PERSON_NOUNS = frozenset(
    """
    man woman witness victim suspect defendant author writer player actor actress singer neighbor
    neighbour friend relative mother father sister brother daughter son wife husband grandmother
    grandfather aunt uncle cousin nephew niece teacher student resident worker employee
    """.split()
)
# Relative pronouns, which stand for the noun their clause describes ("X, who noted …").
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Nouns for people in general and for bodies that speak as one (issue 12: a speaker is an agent).
# With PERSON_NOUNS they are the heads an unnamed speaker may have ("officials", "the campaign",
# "a source"); a phrase with another head ("the ad", "that argument", "a state") is no speaker.
AGENT_NOUNS = frozenset(
    """
    source people person critic supporter opponent voter member staffer operative ally associate
    colleague insider observer scholar historian organizer organiser protester demonstrator
    investigator authority pollster spokespeople staff family parent child kid
    campaign committee government administration agency department ministry office police court
    party company firm group organization organisation union team board council commission panel
    network newspaper magazine paper outlet station channel publication website broadcaster publisher
    airline carrier bank lender insurer retailer manufacturer maker corporation business employer
    school university college hospital church club league federation association institute
    foundation charity nonprofit coalition alliance movement regulator watchdog military army navy
    embassy consulate tribunal jury legislature parliament senate congress assembly cabinet
    prosecution defense defence regime authorities media press crew operator agent customer client
    passenger side buyer seller investor trader dealer broker user consumer shopper patient farmer
    driver pilot docker boy girl baby teen teenager youth district dispatch enforcement
    """.split()
)
# Nouns that can head a speaker: people and bodies that speak.
SPEAKER_NOUNS = PERSON_NOUNS | AGENT_NOUNS
# Labels of name mentions that can speak: people, organisations, a people or country standing for
# its government ("Moscow announced") and a building or site for its office ("the Vatican says",
# "the White House said", "the Port of X Authority said", which spaCy tags FAC or LOC); a song, a
# law, a product or an event cannot.
AGENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
# Endings of nouns for people by what they do ("analyst", "historian", "participant", "resident");
# not "-ment", which makes things ("statement", "argument").
_AGENT_ENDINGS = ("ist", "ian", "ant", "ent")
# Second halves of compound nouns for people or firms ("carmaker", "chairman", "shareholder").
_AGENT_COMPOUNDS = ("maker", "man", "woman", "person", "holder", "owner", "worker", "seller", "builder", "producer")
PERSONAL_PRONOUNS = frozenset("he she him her his hers himself herself".split())
GROUP_PRONOUNS = frozenset("it its they them their itself themselves".split())
# A pronoun or bare description refers back at most this many sentences (news keeps a speaker's
# pronoun within a paragraph or two of the name; our fixtures, 2026-05).
PRONOUN_LOOKBACK_SENTENCES = 4
DESCRIPTION_LOOKBACK_SENTENCES = 4
# Words compared by their first letters, so "German" matches "Germany" and "presidential"
# matches "president" without a stemmer (shortest common prefix that kept distinct words apart
# on our fixtures, 2026-05).
STEM_PREFIX = 5
# Dependency labels of the parts of a noun phrase that describe something else: a relative
# clause inside "Smith, who met Jones," must not give Jones as the speaker.
_NOT_PART_OF_NAME = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A subject below one of these is inside a reported or subordinate clause, not a main one.
_EMBEDDING = frozenset({"ccomp", "relcl", "acl", "advcl", "pcomp"})
_DEFINITE = frozenset({"the", "this", "that"})
# Key of the Attributor the quote and claim steps keep on a Doc's user_data so they build it once.
_ATTRIBUTOR_KEY = "newsfuse.attributor"
# Labels that name a source by themselves when they head the phrase ("Paris announced").
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


@dataclass(frozen=True, slots=True)
class Source:
    """A span of the article that names who said something, and how the text referred to them."""

    start: int
    end: int
    text: str
    label: str | None  # PERSON, ORG, ... for a name mention; None for a plain noun phrase
    via: str | None = None  # the pronoun or description the text used, when the span is its antecedent
    plural: bool = False
    proper: bool = False  # a proper noun the tagger did not label ("Waters sent a letter")
    agent: bool = True  # a person or body that can speak, not a thing ("the ad"), an unresolved pronoun or a song

    @property
    def is_person(self) -> bool:
        return self.label == "PERSON"


class Attributor:
    """Speaker and source spans for one parsed document (see the module docstring)."""

    @classmethod
    def of(cls, doc, mentions, quoted: Sequence[tuple[int, int]] = ()) -> Attributor:
        """The attributor of ``doc`` and ``mentions``, built once for the quote and the claim steps."""
        key = (_ATTRIBUTOR_KEY, id(mentions))
        found = doc.user_data.get(key)
        if found is None or found[0] is not mentions:
            found = doc.user_data[key] = (mentions, cls(doc, mentions, quoted))
        return found[1]

    def __init__(self, doc, mentions, quoted: Sequence[tuple[int, int]] = ()):
        """``quoted``: character ranges of direct quotations, whose subjects are the speaker's words, not referents."""
        self.doc = doc
        self._quoted = sorted(quoted)
        self._mention_of: dict[int, tuple[int, int, str]] = {}
        person_words: set[str] = set()
        spans = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0 or not any(t.text[:1].isupper() or t.is_digit for t in span):
                continue  # "the secretary of state's office": a lower-case "name" is the tagger's slip
            spans.append((span, m.label))
            if m.label == "PERSON":
                person_words.add(_key(span.text))
        # A name the tagger once calls PERSON is a person wherever it recurs ("Okafor" as ORG),
        # and so is a name after a title ("Governor Helen Park" read as a place).
        for span, label in spans:
            if label != "PERSON" and (_key(span.text) in person_words or _titled(span)):
                label = "PERSON"
                person_words.add(_key(span.text))
            for tok in span:
                self._mention_of[tok.i] = (span.start, span.end, label)
        self._sent_starts = [s.start for s in doc.sents]
        self._persons = self._person_descriptors(spans, person_words)
        self._history: list[tuple[int, Source]] = []
        self._history_pos: list[int] = []
        self._embedded: set[int] = set()  # subjects inside reported or subordinate clauses
        self._resolved: dict[int, Source | None] = {}
        self._build_history()

    # -- public -------------------------------------------------------------------------
    def source(self, token) -> Source | None:
        """The span naming whoever ``token`` (a subject, an object of "according to", ...) refers to."""
        if token.i in self._resolved:
            return self._resolved[token.i]
        return self._refer(token)

    def sentence_of(self, token_i: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, token_i) - 1)

    # -- building ------------------------------------------------------------------------
    def _build_history(self) -> None:
        """Referents of subjects and sources in reading order, each resolved against those before it."""
        for tok in self.doc:
            obj = None
            if tok.dep_ in _SUBJECTS:
                obj = tok
            elif tok.dep_ == "pobj" and tok.head.dep_ == "agent":
                obj = tok
            else:
                obj = according_to_object(tok) or words_of_object(tok)
            if obj is None or obj.i in self._resolved or self._in_quote(obj.idx):
                continue
            src = self._refer(obj)
            self._resolved[obj.i] = src
            if src is not None and (obj.pos_ != "PRON" or src.via is not None):
                self._history.append((obj.i, src))
                self._history_pos.append(obj.i)
                if any(a.dep_ in _EMBEDDING for a in obj.ancestors):
                    self._embedded.add(obj.i)

    def _in_quote(self, char: int) -> bool:
        k = bisect.bisect_right(self._quoted, (char, float("inf"))) - 1
        return k >= 0 and self._quoted[k][0] <= char < self._quoted[k][1]

    def _person_descriptors(self, spans, person_words) -> list[tuple[int, Source, frozenset[str], frozenset[str]]]:
        """Each person mention with the words that describe it ("German Chancellor", an apposition)."""
        out = []
        for span, label in spans:
            if label != "PERSON" and _key(span.text) not in person_words:
                continue
            words: set[str] = set()
            nationality: set[str] = set()
            head = span.root
            describing = [t for t in head.children if t.i < span.start and t.dep_ in ("amod", "compound", "nmod", "poss")]
            if head.dep_ == "appos":
                describing.append(head.head)
            describing += [t for t in head.children if t.dep_ == "appos"]
            for d in describing:
                for t in _phrase_tokens(d):
                    if span.start <= t.i < span.end or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
                        continue
                    words.add(t.lower_)
                    if self._is_nationality(t):
                        nationality.add(t.lower_)
            src = Source(span.start_char, span.end_char, span.text, "PERSON")
            out.append((span.start, src, frozenset(words), frozenset(nationality)))
        return out

    def _is_nationality(self, token) -> bool:
        m = self._mention_of.get(token.i)
        return m is not None and m[2] in ("NORP", "GPE")

    # -- resolution ----------------------------------------------------------------------
    def _refer(self, token) -> Source | None:
        for _ in range(3):
            inner = self._said_by(token)
            if inner is None:
                break
            token = inner
        token = self._name_after_title(token)
        lower = token.lower_
        if lower in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.pos_ == "PROPN":
            # "said Mr. Ekovich, who noted that …": the relative pronoun stands for the name it
            # describes (not for a common noun: "told a woman who suggested that …" is misparsed as often).
            return self._refer(token.head.head)
        if token.pos_ == "PRON" or lower in PERSONAL_PRONOUNS or lower in GROUP_PRONOUNS:
            if lower in PERSONAL_PRONOUNS:
                # A proper noun no tagger labelled is most often a person's surname. The subject of a
                # main clause comes first: in "She said Dana was generous. "…," she said." the
                # second "she" is the first one, not Dana.
                person = lambda s: s.is_person or s.proper and not s.plural  # noqa: E731
                found = self._last(token.i, person, PRONOUN_LOOKBACK_SENTENCES, main_only=True)
                if found is None:
                    found = self._last(token.i, person, PRONOUN_LOOKBACK_SENTENCES)
                if found is None:
                    found = self._last_person_mention(token.i, PRONOUN_LOOKBACK_SENTENCES)
            elif lower in GROUP_PRONOUNS:
                # "It said": the last organisation, place or (singular) thing that was a subject or source.
                singular = lower.startswith("it")
                found = self._last(
                    token.i,
                    lambda s: not s.is_person and s.via is None and not (singular and s.plural),
                    PRONOUN_LOOKBACK_SENTENCES,
                )
            else:
                found = None
            if found is None:
                return Source(token.idx, token.idx + len(token), token.text, None, agent=False)
            return Source(found.start, found.end, found.text, found.label, via=token.text, agent=found.agent)
        name = self._name_in(token)
        if name is not None and name.is_person:
            return name
        phrase = self._phrase(token)
        if self._is_description(token):
            # "The White House spokesman" is a person named before, not the White House.
            found = self._describe(token, phrase)
            if found is not None:
                return Source(found.start, found.end, found.text, found.label, via=phrase.text, agent=found.agent)
        return name if name is not None else phrase

    def _name_after_title(self, token):
        """For a title the parser made the subject ("said police Sgt. Kari Thompson"), the name after it."""
        if not _is_title_word(token):
            return token
        k = token.i + 1
        while k < len(self.doc) and self.doc[k].text == ".":
            k += 1
        if k < len(self.doc) and k not in self._mention_of and self._mention_of.get(token.i) is None:
            return token
        if k < len(self.doc) and self.doc[k].pos_ == "PROPN" and self._mention_of.get(k, (0, 0, ""))[2] == "PERSON":
            return self.doc[self._mention_of[k][1] - 1]
        return token

    def _said_by(self, token):
        """For "a statement from X", "X's remarks", "reports from X": the token naming X."""
        if token.lemma_.lower() not in SPEECH_NOUNS or token.pos_ not in ("NOUN",):
            return None
        for child in token.children:
            if child.dep_ == "poss":
                return child
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        # "a report published by the WHO"
        for child in token.children:
            if child.dep_ == "acl":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if obj is not None:
                            return obj
        return None

    def _name_in(self, token) -> Source | None:
        """The best name mention inside the phrase headed by ``token``.

        A person counts when the phrase names them directly ("spokeswoman Lena Koch",
        an apposition), not through a possessive or a preposition ("the mayor's spokesman", "the
        lawyer of Smith" are other people); an organisation counts anywhere in the phrase ("a
        spokesman for the ministry"); a place or group only when it heads it ("Paris announced").
        """
        if token.pos_ == "PROPN" and token.i not in self._mention_of and _in_apposition_with_agent(token):
            # "Reince Priebus, the GOP chairman", "Simmons, an Obama supporter": a name the tagger
            # missed, in apposition with a noun for a person, is that person, not a name inside the apposition.
            return None
        # "Assistant Chief of Police David Perkins": a bare title's "of" phrase still names the person.
        bare_title = _is_title_word(token) and not any(c.dep_ in ("det", "poss") for c in token.children)
        core = {t.i for t in _phrase_tokens(token, keep_preps=bare_title, keep_poss=False)}
        found: dict[tuple[int, int], str] = {}
        for t in _phrase_tokens(token):
            m = self._mention_of.get(t.i)
            if m is not None:
                found[(m[0], m[1])] = m[2]

        def rank(item):
            (start, end), label = item
            direct = any(i in core for i in range(start, end))
            if label == "PERSON" and direct:
                return (0, 0 if start <= token.i < end else 1, start)
            if label == "ORG":
                return (1, 0 if direct else 1, start)
            if start <= token.i < end and label in _NAME_LABELS:
                return (2, 0, start)
            return None

        ranked = [(r, item) for item in found.items() if (r := rank(item)) is not None]
        if not ranked:
            return None
        (start, end), label = min(ranked)[1]
        if label == "PERSON":
            # "Mayor Ana Ruiz" → "Ana Ruiz": the title is the role, not the name.
            while end - start > 1 and (self.doc[start].lower_.rstrip(".") in SHORT_TITLES | PERSON_NOUNS or self.doc[start].is_punct):
                start += 1
        span = self.doc[start:end]
        # spaCy tags some bodies as works or products ("The Port of X Authority"): its head noun tells.
        # A name in apposition with a noun for a person ("Will Estrada, the chairman", tagged a
        # work of art) is someone who can speak, whatever its label.
        agent = (label in AGENT_LABELS or span[-1].lower_ in AGENT_NOUNS or span[-1].lower_ in PERSON_NOUNS
                 or _in_apposition_with_agent(span.root))
        return Source(span.start_char, span.end_char, span.text, label, agent=agent)

    def _phrase(self, token) -> Source:
        """The noun phrase of ``token`` up to its head ("the White House press office", "Sources" of "Sources familiar with …")."""
        tokens = [t for t in _phrase_tokens(token, keep_preps=False) if t.i <= token.i and not t.is_punct]
        start = min(t.i for t in tokens) if tokens else token.i
        # "A woman who answered the phone": no name, but a person a later "she" can refer to.
        label = "PERSON" if token.lemma_.lower() in PERSON_NOUNS and token.tag_ == "NN" else None
        if token.pos_ == "PROPN":
            # A name the tagger missed: "Mayor Ana Ruiz" is the person Ana Ruiz.
            k = start
            while k < token.i and (self.doc[k].pos_ == "DET" or self.doc[k].lower_.rstrip(".") in SHORT_TITLES | PERSON_NOUNS):
                k += 1
            if k > start and self.doc[k - 1].pos_ != "DET":
                start, label = k, "PERSON"
        span = self.doc[start : token.i + 1]
        end_char = span.end_char
        if token.text.endswith(".") and len(token.text) > 2 and token.lower_.rstrip(".") not in SHORT_TITLES:
            end_char -= 1  # "says Lopez." tokenised as one word with its full stop
        proper = token.pos_ == "PROPN" and label is None and not self.doc[start].ent_type_
        text = doc_text(self.doc)[span.start_char : end_char]
        agent = label == "PERSON" or proper or _agent_noun(token)
        return Source(span.start_char, end_char, text, label, plural=token.tag_ in ("NNS", "NNPS"), proper=proper, agent=agent)

    def _is_description(self, token) -> bool:
        if token.pos_ != "NOUN" or token.tag_ in ("NNS", "NNPS"):
            return False
        if token.lemma_.lower() not in PERSON_NOUNS and not any(token.lower_ in w for _, _, w, _ in self._persons):
            return False
        # Definite only: "the spokesman" was named before, "a spokesman for the ministry" was not.
        return any(c.dep_ == "det" and c.lower_ in _DEFINITE or c.dep_ == "poss" for c in token.children)

    def _describe(self, token, phrase: Source) -> Source | None:
        """The person an earlier name gave the titles of ``token``'s phrase, or the last person in view."""
        words = {t.lower_ for t in _phrase_tokens(token, keep_preps=False) if t.pos_ in ("NOUN", "PROPN", "ADJ")}
        nationality = {t.lower_ for t in _phrase_tokens(token, keep_preps=False) if self._is_nationality(t)}
        best: tuple[int, int, Source] | None = None
        for start, src, described, their_nationality in self._persons:
            if start >= token.i:
                break
            if _conflicts(nationality, their_nationality):
                continue
            score = sum(1 for w in words if any(_same_word(w, d) for d in described))
            if score and (best is None or (score, start) >= (best[0], best[1])):
                best = (score, start, src)
        if best is not None:
            return best[2]

        if token.lemma_.lower() in GENERIC_PERSON_NOUNS or any(c.dep_ in ("relcl", "acl", "appos") for c in token.children):
            # "The San Diego man who police say …" introduces someone; it does not refer back.
            return None

        def compatible(s: Source) -> bool:
            theirs = frozenset().union(*(n for _, p, _, n in self._persons if _key(p.text) == _key(s.text)))
            return s.is_person and not _conflicts(nationality, theirs)

        return self._last(token.i, compatible, DESCRIPTION_LOOKBACK_SENTENCES)

    def _last(self, before: int, accept, lookback: int, main_only: bool = False) -> Source | None:
        first_sentence = self.sentence_of(before) - lookback
        k = bisect.bisect_left(self._history_pos, before) - 1
        while k >= 0:
            pos, src = self._history[k]
            if self.sentence_of(pos) < first_sentence:
                return None
            if accept(src) and not (main_only and pos in self._embedded):
                return src
            k -= 1
        return None

    def _last_person_mention(self, before: int, lookback: int) -> Source | None:
        first_sentence = self.sentence_of(before) - lookback
        for start, src, _, _ in reversed(self._persons):
            if start < before:
                return src if self.sentence_of(start) >= first_sentence else None
        return None


def _in_apposition_with_agent(token) -> bool:
    """Whether an apposition of ``token`` is headed by a noun for a person or a speaking body."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in SPEAKER_NOUNS for c in token.children)


def _agent_noun(token) -> bool:
    """A noun for people or a body that speaks: a known one, one with a people ending, or a plural
    ("two shipping agents", "forwarders": things in the plural seldom say anything)."""
    lemma = token.lemma_.lower()
    if lemma in SPEAKER_NOUNS or token.tag_ in ("NNS", "NNPS"):
        return True
    if lemma.endswith(_AGENT_COMPOUNDS):
        return True  # "carmaker", "policymaker", "chairman", "shareholder"
    return lemma.endswith(_AGENT_ENDINGS) and not lemma.endswith("ment")


def _phrase_tokens(token, keep_preps: bool = True, keep_poss: bool = True) -> list:
    """The tokens of the noun phrase headed by ``token``, without clauses that describe something else."""
    out = [token]
    stack = [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in _NOT_PART_OF_NAME:
                continue
            if not keep_preps and child.dep_ == "prep" or not keep_poss and child.dep_ == "poss":
                continue
            out.append(child)
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _titled(span) -> bool:
    """Whether a title or honorific stands right before the name, or opens it ("Governor Helen Park", "Dr. Lind").

    For a name of two or more capitalised words the role may be written in lower case ("chief
    executive Helena Marsh") or stand in apposition after it ("Marcus Hale, director of the
    coalition"): the small tagger labels such names ORG often enough (blind set, 2026-11)."""
    first = span[0]
    before = span.doc[span.start - 1] if span.start > 0 else None
    for t in (before, first if len(span) > 1 else None):
        if t is not None and t.lower_.rstrip(".") in SHORT_TITLES | PERSON_NOUNS and t.is_title:
            return True
    if len(span) < 2 or not all(t.pos_ == "PROPN" and t.is_title for t in span):
        return False
    if before is not None and before.lower_ in PERSON_NOUNS and before.pos_ == "NOUN":
        return True
    root = span.root
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in PERSON_NOUNS for c in root.children)


def _is_title_word(token) -> bool:
    return token.is_title and token.lower_.rstrip(".") in SHORT_TITLES | PERSON_NOUNS


def _key(name: str) -> str:
    """The last word of a name, for "Gaulle" ~ "Charles de Gaulle"."""
    words = name.replace("-", " ").replace("’s", "").replace("'s", "").split()
    return words[-1].lower() if words else ""


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    n = min(len(a), len(b))
    return n >= STEM_PREFIX and a[:STEM_PREFIX] == b[:STEM_PREFIX]


def _conflicts(ours: set[str] | frozenset[str], theirs: frozenset[str]) -> bool:
    """A nationality word in the description that none of the person's nationality words matches."""
    if not ours or not theirs:
        return False
    return not any(_same_word(a, b) for a in ours for b in theirs)
