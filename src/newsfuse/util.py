"""Small shared helpers: content hashing, atomic file writes, text safe to write, and the Jaccard overlap of two sets."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Set
from pathlib import Path


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


def jaccard(a: Set, b: Set) -> float:
    """The share of the two sets' members that both hold, |a ∩ b| / |a ∪ b|; 0.0 when both are empty."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write a file so that readers see the old content or the new, never half of it.

    The data goes to a temporary file in the same folder, is flushed to disk,
    and is renamed over the target; a crash or Ctrl-C leaves at most a stray
    temporary file, never a truncated report.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
