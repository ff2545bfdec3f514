"""The latest report of a store: fused from everything it holds and saved in it for the desk to read."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsfuse.config import Config
from newsfuse.model import Report
from newsfuse.store import Store


def publish(store: Store, config: Config, report: Report | None = None) -> dict[str, Any]:
    """Save ``report`` (by default: the fusion of all ``store`` holds) as the store's latest report;
    returns the report dict saved, validated against the schema."""
    from newsfuse.render.json_report import report_dict, validate

    if report is None:
        report = fuse_store(store, config)
    data = report_dict(report)
    validate(data)
    store.save_report(data)
    return data


def fuse_store(store: Store, config: Config, paths: Sequence[str | Path] = ()) -> Report:
    """Add ``paths`` to ``store`` and fuse everything it holds."""
    from newsfuse.pipeline import analyze

    return analyze(list(paths), config, store=store)
