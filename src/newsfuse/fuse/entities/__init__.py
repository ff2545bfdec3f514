"""Entity canonicalisation: one entity per real person, organisation or place across all articles,
with every spelling seen, its type and its mentions."""
