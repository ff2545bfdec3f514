"""The public API: exactly what __all__ promises, each name importable."""

from __future__ import annotations

import newsfuse


def test_every_public_name_resolves():
    for name in newsfuse.__all__:
        assert getattr(newsfuse, name) is not None, name


def test_public_api_is_what_we_document():
    assert set(newsfuse.__all__) == {
        "Article",
        "ArticleAnalysis",
        "Entity",
        "NewsfuseError",
        "Report",
        "Skip",
        "__version__",
        "analyze",
        "analyze_article",
        "analyze_corpus",
        "load_config",
        "load_nlp",
        "read_inputs",
        "render_markdown",
        "report_dict",
        "write_json",
    }
