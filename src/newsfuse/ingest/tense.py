"""The tense a date is told in, read from the English words around it: for text not yet parsed.

Ingest runs before spaCy, so it has no parse to ask; it reads these word lists
instead (``ingest.meta.infer_year``). Once an article is parsed, the governing
verb's morphology tells the tense (``nlp.time.anchor.tense_of``). Both answer in
the one vocabulary of ``model.PAST``/``PRESENT``/``FUTURE``.
"""

from __future__ import annotations

import re

from newsfuse.lexicon import FUTURE_WORDS
from newsfuse.model import FUTURE, PAST

# Words around a full date that are read to tell whether the text reports it
# as past (a lower bound on the publication date) or as coming. Eight words
# reach the verb of the clause in most news sentences ("On December 19, 2024,
# the country's prime minister Jane Doe said") without reaching the next clause.
TENSE_WINDOW_WORDS = 8

_IRREGULAR_PAST = frozenset(
    "said told was were had did made took came went met held left began fell rose won lost gave saw found became "
    "fled struck sent led brought thought knew ran stood spoke wrote broke chose drove flew froze grew hid hit "
    "kept laid meant paid rode rang sang sank sat shot slid sold sought spent stole swore swept swung taught "
    "threw tore understood woke wore withdrew overtook undertook".split()
)
# Words ending in "-ed" that are not past-tense verbs here (or are participles used as adjectives).
_NOT_PAST_ED = frozenset(
    "need speed bed indeed united red seed hundred feed shed breed proceed succeed exceed embed weed greed creed "
    "sacred naked wicked aged based related alleged armed detailed".split()
)
_RANGE_WORDS = frozenset({"until", "till", "through", "by", "before", "to", "from", "between"})
_WORD_RE = re.compile(r"[A-Za-z']+")


def tense_from_words(text: str, start: int, end: int) -> str | None:
    """PAST, FUTURE or None for the date at ``text[start:end]``, from the tense marker nearest to it.

    The verb that places a date usually comes before it in its own clause
    ("who assumed the post on ..."), so that clause (back to the last comma)
    is read first, nearest word first; a date that opens its sentence ("On
    December 19, 2024, the minister said") is placed by the words after it.
    """
    left = re.split(r"[.!?;](?:\s|$)", text[max(0, start - 200) : start])[-1]
    clause = re.split(r"[,:;—(]", left)[-1]
    right = re.split(r"[.!?;](?:\s|$)", text[end : end + 200])[0]
    before = _WORD_RE.findall(clause)[-TENSE_WINDOW_WORDS:]
    if before and before[-1].lower() in _RANGE_WORDS:
        return None  # "postponed to March 3": a deadline or a range end, not when something happened
    for word in [*reversed(before), *_WORD_RE.findall(right)[:TENSE_WINDOW_WORDS]]:
        w = word.lower()
        if w in FUTURE_WORDS:
            return FUTURE
        if w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED) or w == "ago":
            return PAST
    return None
