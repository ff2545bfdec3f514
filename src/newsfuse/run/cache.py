"""The analysis cache: per-article analyses on disk, keyed by content, date, model and code version."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from newsfuse.model import Article, ArticleAnalysis, from_dict, to_dict
from newsfuse.util import content_hash, write_atomic

# Bump when analyze_articles' output changes, so stale cached analyses are not reused.
ANALYSIS_VERSION = "18"


class AnalysisCache:
    """A folder of JSON analyses. A damaged entry is ignored and recomputed, never fatal."""

    def __init__(self, folder: str | Path, model_id: str):
        self.folder = Path(folder)
        self.model_id = model_id

    def key(self, article: Article) -> str:
        # The publication date anchors relative times, so it is part of the key.
        return content_hash(ANALYSIS_VERSION, self.model_id, article.content_hash, article.published or "")

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> ArticleAnalysis | None:
        path = self._path(self.key(article))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            analysis = from_dict(ArticleAnalysis, data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError):
            return None
        # The same text may come under another id (a renamed file): the id is the caller's.
        if analysis.article_id != article.id:
            analysis = _with_id(analysis, article.id)
        return analysis

    def put(self, article: Article, analysis: ArticleAnalysis) -> None:
        try:
            write_atomic(self._path(self.key(article)), json.dumps(to_dict(analysis), separators=(",", ":")))
        except OSError as exc:
            # A read-only or full disk makes the next run slower, not this one wrong.
            warnings.warn(f"analysis cache {self.folder}: cannot write ({exc})", RuntimeWarning, stacklevel=2)


def _with_id(analysis: ArticleAnalysis, article_id: str) -> ArticleAnalysis:
    from dataclasses import replace

    return replace(analysis, article_id=article_id)
