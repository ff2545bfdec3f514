"""Small shared helpers: content hashing, atomic file writes, text safe to write, the Jaccard overlap of two sets, freed memory handed back."""

from __future__ import annotations

import ctypes
import functools
import gc
import hashlib
import os
import tempfile
from collections.abc import Iterable, Set
from pathlib import Path
from typing import BinaryIO


def content_hash(*parts: str) -> str:
    """A stable hash of text parts; the key of the analysis cache and the store."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def safe_text(text: str) -> str:
    """``text`` that can be written as UTF-8 anywhere (JSON, Markdown, HTML, SQLite, a terminal).

    A byte of a file name that is not UTF-8 (Python keeps it as a surrogate escape) is shown as
    ``\\xNN``; any other lone surrogate (a JSON ``"\\ud800"`` escape) becomes U+FFFD.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join(_safe_char(ch) for ch in text)


def path_text(path: str | bytes | os.PathLike) -> str:
    """A path as text for messages, ids and reports; see ``safe_text``."""
    return safe_text(os.fsdecode(path))


def _safe_char(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else ch


def write_text(fh: BinaryIO, data: str | bytes | Iterable[str]) -> None:
    """Write ``data`` to a binary file: bytes as they are, text (whole or in pieces) as UTF-8, a
    piece at a time, so that a large text made in pieces is never held whole."""
    if isinstance(data, bytes):
        fh.write(data)
        return
    for piece in (data,) if isinstance(data, str) else data:
        fh.write(piece.encode("utf-8"))


def jaccard(a: Set, b: Set) -> float:
    """The share of the two sets' members that both hold, |a ∩ b| / |a ∪ b|; 0.0 when both are empty."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def write_atomic(path: str | os.PathLike[str], data: str | bytes | Iterable[str]) -> None:
    """Write a file so that readers see the old content or the new, never half of it.

    The data goes to a temporary file in the same folder, is flushed to disk,
    and is renamed over the target; a crash or Ctrl-C leaves at most a stray
    temporary file, never a truncated report. ``data`` may also be text in pieces
    (``write_text``), written as they come.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write_text(fh, data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def release_freed_memory(collect: bool = False) -> None:
    """Give the pages that freed memory left in glibc's heaps back to the system (after the
    collector, with ``collect``, for objects that refer to one another, as a model's modules do).

    torch and numpy take large buffers from malloc, and glibc keeps freed ones inside its heaps,
    where Python's objects (in arenas of their own) never reuse them: a run's resident memory kept
    what its encoding took. Without glibc (musl, macOS) only the collector runs. Figures:
    docs/benchmarks.md, 2026-12-07.
    """
    if collect:
        gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS, Windows): its allocator is left as it is
        return None
