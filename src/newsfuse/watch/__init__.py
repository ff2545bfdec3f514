"""Following news feeds: the sources list, a guarded HTTP client, feed entries, and polling rounds into a store."""
