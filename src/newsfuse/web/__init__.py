"""The desk: a local web app over a store (its latest fused report, search, feeds and uploads)."""
