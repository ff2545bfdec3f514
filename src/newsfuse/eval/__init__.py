"""Evaluation against annotated gold data, so users can score newsfuse on their own."""
