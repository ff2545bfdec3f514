"""newsfuse: fuse many news reports into one sourced account."""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

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
