"""Whether a sentence says a line: nearly the same words, the same figures, the same denials."""

from __future__ import annotations

from newsfuse.fuse.summary.support import content_words, coverage, says

LINE = "Heavy rain flooded the lower town of Alderby on Sunday night and forced 300 residents from their homes."


def test_a_close_rewording_says_the_line():
    assert says(LINE, "Heavy rain flooded Alderby's lower town on Sunday night, forcing 300 residents from their homes.")


def test_a_sentence_that_adds_another_fact_does_not_say_the_line():
    assert not says(LINE, "Heavy rain flooded the lower town of Alderby on Sunday night and closed its bridge to traffic.")


def test_another_figure_is_another_fact():
    assert not says(LINE, LINE.replace("300", "350"))
    assert says(LINE.replace("300", "1,200"), LINE.replace("300", "1200"))


def test_a_denial_does_not_say_what_it_denies():
    denied = "Heavy rain flooded the lower town of Alderby on Sunday night but did not force 300 residents from their homes."
    assert coverage(LINE, denied) > 0.8
    assert not says(LINE, denied)


def test_content_words_leave_out_stop_words_plurals_and_possessives():
    assert content_words("The residents of Alderby's flooded homes") == {"resident", "alderby", "flooded", "home"}


def test_sentence_check_uses_the_pair_model_with_vectors_and_the_word_rule_without():
    import numpy as np

    from newsfuse.fuse.summary.support import SentenceCheck

    texts = ["The storm killed three people in the coastal town on Monday.",
             "Three people were killed in the coastal town by the storm on Monday.",
             "The storm killed five people in the coastal town on Monday."]
    places = [(None, 0, len(t)) for t in texts]
    close = np.array([[1.0, 0.0], [0.95, 0.312], [0.99, 0.141]])
    close /= np.linalg.norm(close, axis=1, keepdims=True)
    learnt = SentenceCheck(texts, places, close, {})
    assert learnt(0, 1) and learnt(1, 0)  # a restatement in other words
    assert not learnt(0, 2)  # another figure, however close the vectors
    rule = SentenceCheck(texts, places, None, {})
    assert rule(0, 1) == says(texts[0], texts[1])
    assert rule(0, 2)  # the word rule reads figures in digits only: "three" and "five" pass it
