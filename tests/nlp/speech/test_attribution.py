"""Who said something: speech cues in the parse, speaker spans, pronouns and descriptions resolved to names."""

from __future__ import annotations

import pytest

from newsfuse.model import Mention
from newsfuse.nlp.speech.attribution import Attributor
from newsfuse.nlp.speech.cues import (
    according_to_object,
    is_cognition_verb,
    is_speech_verb,
    reporting_aside,
    subject_of,
    that_clause,
    words_of_object,
)

pytestmark = pytest.mark.slow  # every test parses with spaCy


def _parse(nlp, text: str):
    """The parse and its named mentions, as the analysis step hands them to the attributor."""
    doc = nlp(text)
    mentions = [Mention(e.start_char, e.end_char, e.text, e.label_, 0) for e in doc.ents]
    return doc, mentions


def _token(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def _speaker(nlp, text: str, verb: str, nth: int = 0, quoted=()) -> str | None:
    """The text of the span the attributor names for the subject of ``verb``."""
    doc, mentions = _parse(nlp, text)
    subject = subject_of(_token(doc, verb, nth))
    assert subject is not None, [(t.text, t.dep_) for t in doc]
    source = Attributor(doc, mentions, quoted).source(subject)
    return source.text if source is not None else None


def test_speech_and_cognition_verbs_are_told_apart_from_nouns(nlp):
    doc = nlp("The minister said the report was late, and she believes it will be published.")
    assert is_speech_verb(_token(doc, "said"))
    assert not is_speech_verb(_token(doc, "report"))  # a noun, though reports are speech
    assert is_cognition_verb(_token(doc, "believes"))
    assert not is_cognition_verb(_token(doc, "said"))


def test_a_named_subject_is_its_own_source(nlp):
    assert _speaker(nlp, "Prime Minister Ana Okafor said the talks would resume.", "said") == "Ana Okafor"


def test_a_pronoun_takes_the_person_named_before_it(nlp):
    text = "Angela Merkel arrived in Lagos on Monday. She said the talks would resume."
    doc, mentions = _parse(nlp, text)
    source = Attributor(doc, mentions).source(subject_of(_token(doc, "said")))
    assert source is not None and source.text == "Angela Merkel" and source.is_person
    assert source.via == "She"  # how the text referred to her is kept


def test_a_description_takes_the_person_it_describes(nlp):
    text = (
        "Finance Minister Ana Okafor met the union on Monday. "
        "The minister said an agreement was close."
    )
    assert _speaker(nlp, text, "said") == "Ana Okafor"


def test_a_group_pronoun_does_not_take_a_person(nlp):
    text = "Angela Merkel met the dockers' union on Monday. They said the strike would go on."
    assert _speaker(nlp, text, "said") == "They"  # left as written: no group was named before it


def test_according_to_names_its_object(nlp):
    doc, mentions = _parse(nlp, "Ships were diverted to Lisbon, according to the port authority.")
    obj = according_to_object(_token(doc, "according"))
    assert obj is not None and obj.text == "authority"
    assert according_to_object(_token(doc, "diverted")) is None
    source = Attributor(doc, mentions).source(obj)
    assert source is not None and source.text == "the port authority" and source.label is None


def test_in_the_words_of_names_the_speaker(nlp):
    doc = nlp("The deal was, in the words of Ana Okafor, a fair one.")
    obj = words_of_object(_token(doc, "words"))
    assert obj is not None and obj.text == "Okafor"
    assert words_of_object(_token(doc, "deal")) is None


def test_a_reporting_aside_hangs_on_the_clause_it_reports(nlp):
    for text in ("The strike, the union said, will end on Friday.", "The strike will end on Friday, as he said."):
        assert reporting_aside(_token(nlp(text), "said")), text
    # the verb that governs what it reports, and a verb that is not speech, are no asides
    assert not reporting_aside(_token(nlp("The union said the strike will end on Friday."), "said"))
    assert not reporting_aside(_token(nlp("The strike, the union decided, will end on Friday."), "decided"))


def test_a_that_clause_below_the_object_is_found(nlp):
    doc = nlp("Okafor told reporters during the visit that the talks would resume.")
    clause = that_clause(_token(doc, "told"))
    assert clause is not None and clause.text == "resume"
    assert that_clause(_token(nlp("Okafor left early."), "left")) is None


def test_a_pronoun_after_a_quotation_skips_the_names_inside_it(nlp):
    text = 'Angela Merkel spoke on Monday. "Boris Johnson said nothing," she told reporters.'
    doc, mentions = _parse(nlp, text)
    quote = (text.index('"'), text.rindex('"') + 1)
    attributor = Attributor(doc, mentions, [quote])
    told = attributor.source(subject_of(_token(doc, "told")))
    assert told is not None and told.text == "Angela Merkel" and told.via == "she"
    assert attributor.sentence_of(_token(doc, "told").i) == 1


def test_the_attributor_of_a_document_is_built_once_per_mentions(nlp):
    doc, mentions = _parse(nlp, "Ana Okafor said the talks would resume.")
    assert Attributor.of(doc, mentions) is Attributor.of(doc, mentions)
    assert Attributor.of(doc, list(mentions)) is not Attributor.of(doc, mentions)
