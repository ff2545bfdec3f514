"""Per-article language processing: model loading and the pure analysis step."""
