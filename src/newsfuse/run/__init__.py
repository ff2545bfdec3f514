"""Running the per-article step: local worker processes and the analysis cache."""
