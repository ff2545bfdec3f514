"""Reading an input file's bytes and decoding them to text, or saying exactly why not."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from newsfuse.errors import BinaryInput, EmptyInput, OversizedInput, UndecodableInput, UnreadableInput
from newsfuse.ingest.lang import language_scores

# Only the head of a file is sniffed for binary content: enough to see a
# format's magic number and a fair sample of its bytes, cheap on big files.
SNIFF_BYTES = 8192
# Share of control characters (other than tab/newline/CR/FF) above which a
# file is not text. Real text in any legacy encoding has almost none; 5 % is
# far above what a stray control byte in a text file gives and far below what
# any binary format gives (hand-checked on PDF, ZIP, PNG, SQLite heads).
MAX_CONTROL_SHARE = 0.05
# charset-normalizer's "chaos" (mess) score above which its best guess is
# still gibberish; its own default threshold is 0.2.
MAX_CHAOS = 0.2

# Candidates whose chaos is within this of the least chaotic one are judged
# by their words instead (chaos differences this small are noise).
CHAOS_TIE = 0.05
# Tie-break among decodings with equal word evidence: legacy encodings in
# order of how common they are on the web (W3Techs usage shares).
COMMON_ENCODINGS = (
    "cp1252", "cp1251", "cp1250", "gb18030", "shift_jis", "euc_kr", "iso8859_15",
    "cp1256", "cp1253", "cp1254", "cp1255", "cp1257", "koi8_r", "big5", "euc_jp",
)

# Magic numbers of formats people drop into a folder of articles by mistake;
# naming the format makes the skip reason useful.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF media file"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF)"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")


def read_bytes(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of ``path``; raises UnreadableInput, OversizedInput or EmptyInput."""
    name = str(path)
    if os.path.isdir(path):
        raise UnreadableInput(name, "is a folder, not a file")
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise OversizedInput(name, f"file is too large ({size:,} bytes; the limit max_input_bytes is {max_bytes:,})")
        data = Path(path).read_bytes()
    except OversizedInput:
        raise
    except FileNotFoundError as exc:
        raise UnreadableInput(name, "file not found") from exc
    except PermissionError as exc:
        raise UnreadableInput(name, "permission denied") from exc
    except OSError as exc:
        raise UnreadableInput(name, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:  # grew between stat and read
        raise OversizedInput(name, f"file is too large (more than {max_bytes:,} bytes)")
    if not data.strip():
        raise EmptyInput(name, "file is empty" if not data else "file holds only white space")
    return data


def decode_bytes(data: bytes, name: str) -> str:
    """Decode ``data`` to text: a BOM, else strict UTF-8, else charset detection.

    Raises BinaryInput for non-text and UndecodableInput when no encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                what = encoding.upper().removesuffix("-SIG")
                raise UndecodableInput(name, f"starts with a {what} byte-order mark but is not valid {what}") from exc
    reject_binary(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data, name)


def reject_binary(data: bytes, name: str) -> None:
    """Raise BinaryInput if the head of ``data`` is not text (magic number, NUL bytes, control characters)."""
    head = data[:SNIFF_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BinaryInput(name, f"not text: looks like {what}")
    if b"\x00" in head:
        raise BinaryInput(name, "not text: contains NUL bytes (a binary file, or UTF-16 without a byte-order mark)")
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(head):
        raise BinaryInput(name, f"not text: {controls / len(head):.0%} of its first bytes are control characters")


def _detect(data: bytes, name: str) -> str:
    """charset-normalizer's candidates, re-ranked by how much real language each decoding holds.

    charset-normalizer alone often calls Western European text cp1250 (turning
    "à" into "ŕ"): the single-byte Latin code pages all decode it without
    "chaos". The right decoding is the one whose words are real words, so
    candidates with near-best chaos are ranked by their share of stopwords,
    then by how common the encoding is on the web.
    """
    try:
        from charset_normalizer import from_bytes

        matches = list(from_bytes(data))
    except Exception as exc:  # third-party detector: wrap whatever it raises
        raise UndecodableInput(name, f"encoding detection failed ({exc})") from exc
    matches = [m for m in matches if m.chaos <= MAX_CHAOS]
    if not matches:
        raise UndecodableInput(name, "not valid UTF-8 and no other encoding decodes it to sensible text")
    least = min(m.chaos for m in matches)
    encodings = {"cp1252"}
    for m in matches:
        if m.chaos <= least + CHAOS_TIE:
            encodings.update(m.could_be_from_charset)
    decoded = {}
    for encoding in encodings:
        try:
            decoded[encoding] = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    if not decoded:
        return str(matches[0])

    def rank(encoding: str) -> tuple[float, int]:
        scores = language_scores(decoded[encoding])
        common = COMMON_ENCODINGS.index(encoding) if encoding in COMMON_ENCODINGS else len(COMMON_ENCODINGS)
        return (-max(scores.values(), default=0.0), common)

    return decoded[min(decoded, key=rank)]
