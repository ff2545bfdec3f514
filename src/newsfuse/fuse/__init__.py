"""Cross-document steps: estimators that fit on all analyses at once."""
