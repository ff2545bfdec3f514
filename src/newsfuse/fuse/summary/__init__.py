"""Summaries: a headline and a few lines per event and story, each citing the reports that say it,
optionally reworded by a local chat model that may not change what is cited."""
