"""Reading an input file's bytes and decoding them to text, or saying exactly why not."""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

from newsfuse.errors import BinaryInput, EmptyInput, OversizedInput, UndecodableInput, UnreadableInput
from newsfuse.ingest.lang import language_scores
from newsfuse.util import path_text

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

# A file that is not valid UTF-8 is still read as UTF-8, its bad bytes replaced, when at least
# this share of its non-ASCII sequences are valid UTF-8 characters: a file saved in a legacy code
# page almost never holds one (an accented letter is followed by ASCII, which UTF-8 forbids),
# while a UTF-8 file damaged by a stray byte holds little else. Any share between those two
# extremes gives the same answer on such files; a majority is the natural cut.
MIN_VALID_UTF8_SHARE = 0.5
# Characters of a decoding judged for misfits (enough text to tell, bounded on big files).
MISFIT_SAMPLE_CHARS = 100_000
# Scripts that mix within one word in real text (Japanese writes kanji and kana together).
_SAME_SCRIPT = {"HIRAGANA": "CJK", "KATAKANA": "CJK"}
# Punctuation that sits inside words (apostrophes, hyphens and dashes, quotation marks).
_INNER_PUNCTUATION = frozenset({"Pd", "Pi", "Pf"})
_NAMES = {"utf-8-sig": "utf-8"}

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
    name = path_text(path)
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


def bom_encoding(head: bytes) -> str | None:
    """The encoding the byte-order mark opening ``head`` names ("utf-8", "utf-16", "utf-32"), or None."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return _NAMES.get(encoding, encoding)
    return None


def decode_bytes(data: bytes, name: str) -> str:
    """The text of ``data``; see ``decode_text``."""
    return decode_text(data, name)[0]


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` to text and say which encoding was used.

    A BOM decides; else strict UTF-8; else UTF-8 with the bad bytes replaced when nearly all of
    its non-ASCII bytes are valid UTF-8 (the encoding then reads "utf-8 (N invalid bytes
    replaced)"); else charset detection. Raises BinaryInput for non-text and UndecodableInput
    when no encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), _NAMES.get(encoding, encoding)
            except UnicodeDecodeError as exc:
                what = encoding.upper().removesuffix("-SIG")
                raise UndecodableInput(name, f"starts with a {what} byte-order mark but is not valid {what}") from exc
    reject_binary(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    return _detect(data, name)


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """``data`` as UTF-8 with its invalid bytes replaced, when nearly all of it is valid UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    if bad <= 0 or valid < MIN_VALID_UTF8_SHARE * (valid + bad):
        return None
    return text, f"utf-8 ({bad} invalid byte{'s' if bad > 1 else ''} replaced)"


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


def _detect(data: bytes, name: str) -> tuple[str, str]:
    """charset-normalizer's candidates, re-ranked by how much real language each decoding holds.

    charset-normalizer alone often calls Western European text cp1250 (turning
    "à" into "ŕ"): the single-byte Latin code pages all decode it without
    "chaos". The right decoding is the one whose words are real words, so
    candidates with near-best chaos are ranked by their misfit characters (see ``_misfits``), then
    by their share of stopwords, then by how common the encoding is on the web (Windows-1252 first).
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
        return str(matches[0]), matches[0].encoding

    def rank(encoding: str) -> tuple[int, float, int]:
        scores = language_scores(decoded[encoding])
        common = COMMON_ENCODINGS.index(encoding) if encoding in COMMON_ENCODINGS else len(COMMON_ENCODINGS)
        return (_misfits(decoded[encoding][:MISFIT_SAMPLE_CHARS]), -max(scores.values(), default=0.0), common)

    best = min(decoded, key=rank)
    return decoded[best], best


def _misfits(text: str) -> int:
    """How many non-ASCII characters of ``text`` sit where no real text puts them.

    A wrong code page turns accented letters into symbols, control characters or letters of
    another script inside a word ("Set๚bal", "SET⁄BAL"), or into a capital after small letters
    ("cafÚ"); the right one gives letters of the word's own script. Words of plain ASCII are
    the same in every candidate and are not looked at.
    """
    count = 0
    for word in text.split():
        if not word.isascii():
            count += _word_misfits(word)
    return count


def _word_misfits(word: str) -> int:
    bad = 0
    scripts = set()
    lower_seen = False
    core_start = next((i for i, ch in enumerate(word) if ch.isalnum()), len(word))
    core_end = next((i for i in range(len(word), 0, -1) if word[i - 1].isalnum()), 0)
    for i, ch in enumerate(word):
        category = unicodedata.category(ch)
        if category[0] == "C":
            bad += 1
        elif ch.isalpha():
            scripts.add(_script(ch))
            if ch.isupper() and lower_seen:
                bad += 1
            lower_seen = lower_seen or ch.islower()
        elif category[0] == "M":
            before = word[i - 1] if i else ""
            if not (0x300 <= ord(ch) < 0x370 or (before.isalpha() and _script(before) == _script(ch))):
                bad += 1
        elif core_start < i < core_end and ord(ch) > 0x7F and category not in _INNER_PUNCTUATION and category[0] != "N":
            bad += 1  # a symbol inside a word
    if len(scripts) > 1:
        bad += sum(1 for ch in word if ch.isalpha() and ord(ch) > 0x7F)
    return bad


def _script(ch: str) -> str:
    first = unicodedata.name(ch, "?").split(" ", 1)[0]
    return _SAME_SCRIPT.get(first, first)
