"""newsfuse: fuse many news reports into one sourced account."""

from __future__ import annotations

import importlib
import os
from typing import Any

__version__ = "0.1.0"

# OpenMP threads that wait for one another by sleeping, not spinning. The sentence encoder's
# torch runs on OpenMP (torch loads it when spaCy is imported, so this must come first); with
# spinning waiters, a core taken by any other process stalls every parallel step: 1,000
# sentences took 20 s instead of 2 on two cores with one busy, and as long as before with
# passive waiting on a quiet machine (docs/benchmarks.md, 2026-12). A value the user set wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
# numpy's and scipy's OpenBLAS on one thread (read when they load, so this too comes before any
# import of numpy). Our matrix products are small (a block's statements, an event's leads): a second
# thread made no difference on a quiet 2-core machine, and with one core busy elsewhere each product
# waited for it: a 1,000-report re-run took 29-31 s instead of 27, with the same report
# (docs/benchmarks.md, 2026-12). The encoder's torch uses its own MKL and OpenMP threads. A value
# the user set wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# Public name → module that defines it. Imported on first use so that
# `import newsfuse` stays cheap (spaCy and trafilatura load only when needed).
_EXPORTS = {
    "analyze": "newsfuse.pipeline",
    "analyze_corpus": "newsfuse.pipeline",
    "read_inputs": "newsfuse.ingest",
    "analyze_article": "newsfuse.nlp.analyze",
    "load_nlp": "newsfuse.nlp.models",
    "load_config": "newsfuse.config",
    "write_json": "newsfuse.render.json_report",
    "report_dict": "newsfuse.render.json_report",
    "render_markdown": "newsfuse.render.markdown",
    "Article": "newsfuse.model",
    "ArticleAnalysis": "newsfuse.model",
    "Entity": "newsfuse.model",
    "Report": "newsfuse.model",
    "Skip": "newsfuse.model",
    "NewsfuseError": "newsfuse.errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return __all__
