"""Content hashing, atomic writes and the Jaccard overlap."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.util import content_hash, jaccard, release_freed_memory, write_atomic


@given(st.text(), st.text())
def test_content_hash_separates_parts(a, b):
    assert content_hash(a, b) == content_hash(a, b)
    assert content_hash(a, b) != content_hash(a + "\x01", b)


def test_write_atomic_replaces_whole_file(tmp_path):
    target = tmp_path / "sub" / "report.json"
    write_atomic(target, "old")
    write_atomic(target, "new content")
    assert target.read_text() == "new content"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_write_atomic_leaves_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    write_atomic(target, "complete report")

    def broken_fsync(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "half")
    assert target.read_text() == "complete report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_jaccard_is_the_shared_share_of_the_members():
    assert jaccard({"a", "b", "c"}, {"b", "c", "d"}) == 0.5
    assert jaccard(frozenset({"a"}), {"a"}) == 1.0
    assert jaccard({"a"}, set()) == 0.0
    assert jaccard(set(), set()) == 0.0


@given(st.frozensets(st.integers(0, 9)), st.frozensets(st.integers(0, 9)))
def test_jaccard_is_symmetric_and_a_share(a, b):
    assert jaccard(a, b) == jaccard(b, a)
    assert 0.0 <= jaccard(a, b) <= 1.0
    assert (jaccard(a, b) == 1.0) == (a == b and bool(a))


def test_safe_text_shows_file_name_bytes_and_replaces_lone_surrogates():
    from newsfuse.util import path_text, safe_text

    assert safe_text("plain café") == "plain café"
    assert safe_text("caf\udce9") == "caf\\xe9"
    assert safe_text("a\ud800b") == "a\ufffdb"
    assert path_text(b"caf\xe9.txt") == "caf\\xe9.txt"
    assert safe_text("caf\udce9").encode("utf-8")


def test_write_atomic_writes_text_in_pieces_as_one_text(tmp_path):
    target = tmp_path / "report.json"
    write_atomic(target, (piece for piece in ['{"title": ', '"Ponte reabre — “hoje”"', "}\n"]))
    assert target.read_bytes() == '{"title": "Ponte reabre — “hoje”"}\n'.encode("utf-8")
    assert os.listdir(tmp_path) == ["report.json"]


def test_freed_memory_is_handed_back_without_harm_to_live_objects():
    kept = [bytearray(64 * 1024) for _ in range(32)]
    del kept[::2]  # free half of the buffers: glibc may give their pages back
    release_freed_memory(collect=True)
    assert len(kept) == 16 and all(len(b) == 64 * 1024 and not any(b[:16]) for b in kept)
