"""Speech cues on parses we build: the subject a reporting verb names when the parser lost it."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsfuse.nlp.speech.cues import subject_of

# "In Leith, Senator Ana Ruiz, the minority leader, said that she left." as the small parser can
# read it: the name joined to the place before it, the verb without a subject.
_WORDS = "In Leith , Senator Ana Ruiz , the minority leader , said that she left .".split()
_HEADS = [11, 0, 1, 5, 5, 1, 5, 9, 9, 5, 11, 11, 14, 14, 11, 11]
_DEPS = "prep pobj punct compound compound conj punct det compound appos punct ROOT mark nsubj ccomp punct".split()
_POS = "ADP PROPN PUNCT PROPN PROPN PROPN PUNCT DET NOUN NOUN PUNCT VERB SCONJ PRON VERB PUNCT".split()
_TAGS = "IN NNP , NNP NNP NNP , DT NN NN , VBD IN PRP VBD .".split()


def _doc(words=_WORDS, ents=None):
    ents = ents or ["O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON"] + ["O"] * (len(words) - 6)
    return Doc(spacy.blank("en").vocab, words=words, heads=_HEADS, deps=_DEPS, pos=_POS, tags=_TAGS, ents=ents)


def test_a_verb_without_a_subject_takes_the_name_before_its_apposition():
    doc = _doc()
    assert subject_of(doc[11]).text == "Ruiz"


def test_no_name_is_taken_across_a_clause_or_from_a_thing():
    # "Ruiz, the leader, wrote, said …": a verb in between makes it a clause, not a title.
    words = list(_WORDS)
    words[8] = "wrote"
    doc = Doc(spacy.blank("en").vocab, words=words, heads=_HEADS, deps=_DEPS,
              pos=_POS[:8] + ["VERB"] + _POS[9:], tags=_TAGS[:8] + ["VBD"] + _TAGS[9:],
              ents=["O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 10)
    assert subject_of(doc[11]) is None
    # A name that is no person (a firm, a place) is not taken for the speaker.
    assert subject_of(_doc(ents=["O", "B-GPE", "O", "O", "B-ORG", "I-ORG"] + ["O"] * 10)[11]) is None


def test_a_source_inside_the_clause_it_is_said_to_have_said_reports_nothing():
    from newsfuse.model import Mention
    from newsfuse.nlp.speech.quotes import find_quotes

    # "“The port is fine,” Hugo Lind, an adviser, said." with the name parsed into the quotation's clause.
    words = ["“", "The", "port", "is", "fine", ",", "”", "Hugo", "Lind", ",", "an", "adviser", ",", "said", "."]
    spaces = [False, True, True, True, False, False, True, True, False, True, True, False, True, False, False]
    heads = [3, 2, 3, 13, 3, 3, 3, 8, 2, 8, 11, 8, 13, 13, 13]
    deps = "punct det nsubj ccomp acomp punct punct compound appos punct det appos punct ROOT punct".split()
    pos = "PUNCT DET NOUN AUX ADJ PUNCT PUNCT PROPN PROPN PUNCT DET NOUN PUNCT VERB PUNCT".split()
    tags = "`` DT NN VBZ JJ , '' NNP NNP , DT NN , VBD .".split()
    ents = ["O"] * 7 + ["B-PERSON", "I-PERSON"] + ["O"] * 6
    lemmas = [{"said": "say", "is": "be"}.get(w, w.lower()) for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
              lemmas=lemmas, ents=ents)
    mentions = tuple(Mention(e.start_char, e.end_char, e.text, e.label_, 0) for e in doc.ents)
    quotes = find_quotes(doc, mentions)
    assert [(q.kind, q.text, q.speaker_text) for q in quotes] == [("direct", "The port is fine", "Hugo Lind")]
