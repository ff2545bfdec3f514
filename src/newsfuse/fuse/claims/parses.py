"""Parses of claim statements for the contradiction tests: batched, memoised, the entity types only on demand."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

from newsfuse.fuse.claims.units import ClaimUnit

# Statement parses kept between pairs (figure frames, denials); a few MB of short docs.
PARSE_CACHE = 4096
PARSE_BATCH = 64
# The spaCy component that sets entity types, run on a statement only when a figure frame reads them.
ENTITY_PIPE = "ner"


def statement_parses(units: Sequence[ClaimUnit], texts: Mapping[str, str],
            entities: bool = True) -> dict[tuple[str, int, int], Any]:
    """Parses of the statements holding candidate figures, keyed by (article, start, end); empty
    when no parser can be loaded (figures are then compared by their words alone). Without
    ``entities`` the entity recognizer may be left out when it is the pipeline's last component:
    it then changes nothing but the entity types."""
    keys = list(dict.fromkeys((u.article, u.start, u.end) for u in units if u.article in texts))
    nlp = _parser() if keys else None
    if nlp is None:
        return {}
    spans = {key: texts[key[0]][key[1]:key[2]] for key in keys}
    found = {}
    for text in dict.fromkeys(spans.values()):
        if text in _parsed:
            _parsed.move_to_end(text)  # least recently used goes first, as with the lru_cache before
            found[text] = _parsed[text]
    missing = [text for text in dict.fromkeys(spans.values()) if text not in found]
    # One batched pass: parsing statements one call at a time cost spaCy's per-call overhead on
    # each short text (contradictions took 13.6 s of a 1,000-report run, 2026-12). The recognizer
    # waits until a caller needs entity types: it is half of a statement's parse, and most parses
    # only serve the predicate test and denials, which read heads, tags and lemmas (2026-12).
    later = [ENTITY_PIPE] if nlp.pipe_names[-1:] == [ENTITY_PIPE] else []
    # (a curly apostrophe is parsed as a quotation mark: "Charles’ 226 yards" lost its possessor;
    # the straight one has the same length, so offsets hold)
    plain = [text.replace("’", "'") for text in missing]
    for text, doc in zip(missing, nlp.pipe(plain, batch_size=PARSE_BATCH, disable=later)):
        found[text] = doc
        _parsed[text] = doc
    if entities and later:
        # (a doc the recognizer has seen has every token marked in or out of an entity)
        unmarked = list({id(doc): doc for doc in found.values() if not doc.has_annotation("ENT_IOB")}.values())
        for _ in nlp.get_pipe(ENTITY_PIPE).pipe(unmarked, batch_size=PARSE_BATCH):
            pass  # the component sets the entities on each doc in place
    while len(_parsed) > PARSE_CACHE:
        _parsed.popitem(last=False)
    return {key: found[text] for key, text in spans.items()}


# Statement text → its parse: a statement is looked at again by each pair it stands in.
_parsed: OrderedDict[str, Any] = OrderedDict()


def forget_parses() -> None:
    """Drop the kept statement parses (and so their hold on the parser: ``models.release_nlp``)."""
    _parsed.clear()


def _parser():
    """The per-article step's spaCy pipeline, loaded once; None when it is not installed."""
    from newsfuse.errors import ModelError
    from newsfuse.nlp.models import load_nlp

    try:
        return load_nlp()
    except ModelError:
        return None
