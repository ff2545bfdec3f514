"""Unicode and whitespace normalisation applied to every input before it becomes ``Article.text``.

* Lone surrogates (a JSON ``\\ud800`` escape) are no characters: they become U+FFFD.

All normalisation happens here, before cleaning, so that every character
offset computed later (sentences, mentions, quotes) points into the final
``Article.text``; no later step rewrites the text.

Choices, and why:

* NFC, so one letter has one code point sequence and string matching works.
* Line ends become ``\\n`` (CRLF and lone CR from old Mac files).
* Odd spaces (no-break, thin, figure, ideographic ...) become a plain space,
  so tokenisers and regexes see one kind of space.
* Invisible characters (zero-width space, word joiner, BOM, soft hyphen) are
  removed. ZWJ and ZWNJ are *kept*: they change spelling in Persian, Indic
  scripts and emoji.
* Curly quotes are kept as written: they carry the quote boundaries that the
  quote step reads, and straightening them loses the open/close distinction.
* Dashes are unified: hyphen look-alikes become ``-``; the quotation dash and
  other long dashes become an em dash ``—``; a dash used *between words* (a
  spaced hyphen, ``--``, a spaced en dash, the old wire-service ``_``) becomes
  an em dash, keeping its spacing; an en dash between numbers (a range) stays.
"""

from __future__ import annotations

import re
import unicodedata

from newsfuse.util import safe_text

# Characters that only ever mean "a space" in running news text.
_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v"
# Invisible characters that carry nothing in news prose (ZWJ/ZWNJ deliberately absent).
_INVISIBLE = "\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f"
_HYPHENS = "\u2010\u2011\u2212\ufe63\uff0d"  # hyphen, non-breaking hyphen, minus, small/fullwidth hyphen-minus
_LONG_DASHES = "\u2015\u2e3a\u2e3b\ufe58\ufe31\ufe32"  # quotation dash, two/three-em dash, small/vertical em dashes

_TRANSLATE = str.maketrans(
    {
        **{c: " " for c in _ODD_SPACES},
        **{c: None for c in _INVISIBLE},
        **{c: "-" for c in _HYPHENS},
        **{c: "\u2014" for c in _LONG_DASHES},
        "\u2012": "\u2013",  # figure dash: an en dash set to digit width
        "\u2028": "\n",  # line separator
        "\u2029": "\n\n",  # paragraph separator
    }
)

# C0/C1 control characters other than the newline, which survive decoding of odd files.
_CONTROL_RE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# A dash standing between words, written as a spaced hyphen, a spaced en dash,
# a double hyphen or the wire-service underscore: all are em dashes in meaning.
_SPACED_DASH_RE = re.compile(r"(?<=\S) (?:-{1,3}|\u2013|_) (?=\S)|(?<=\S) (?:-{1,3}|\u2013|_)$", re.M)
_DOUBLE_HYPHEN_RE = re.compile(r"(?<=\w)-{2,3}(?=\w)")
_SPACES_RE = re.compile(r" {2,}")


def normalize_text(text: str) -> str:
    """Return ``text`` with line ends, spaces, invisible characters and dashes normalised (see module doc)."""
    text = safe_text(text).replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_TRANSLATE)
    text = _CONTROL_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    text = _SPACED_DASH_RE.sub(lambda m: m.group(0).replace(m.group(0).strip(), "\u2014"), text)
    text = _DOUBLE_HYPHEN_RE.sub("\u2014", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def collapse_spaces(text: str) -> str:
    """One paragraph on one line: inner newlines and runs of spaces become single spaces."""
    return " ".join(text.split())
