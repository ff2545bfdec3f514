"""Per-article language processing: the models (spaCy, the sentence encoder), the pure analysis step,
and what it finds: times (time/), who said what (speech/) and claim candidates (claims)."""
