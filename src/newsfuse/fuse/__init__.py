"""Cross-document steps: estimators that fit on all analyses at once."""

from newsfuse.fuse.corpus import Corpus

__all__ = ["Corpus"]
