"""Model loading: the installed package, and sentences that respect paragraph breaks."""

from __future__ import annotations

import pytest

from newsfuse.errors import ModelError
from newsfuse.nlp.models import PARAGRAPHS, load_nlp


@pytest.mark.slow
def test_sentences_end_at_paragraph_breaks(nlp):
    assert PARAGRAPHS in nlp.pipe_names
    doc = nlp("Ties run deep between the peoples\n\n— “We are friends,” the minister said.\n\nShips left. Cranes stopped.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "Ties run deep between the peoples",
        "— “We are friends,” the minister said.",
        "Ships left.",
        "Cranes stopped.",
    ]


def test_missing_model_is_a_model_error():
    with pytest.raises(ModelError, match="no_such_model"):
        load_nlp("no_such_model")
