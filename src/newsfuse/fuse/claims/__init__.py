"""Claims across outlets: split statements into comparable units and slots, align the ones that say the
same thing, count their independent sources, and find the pairs that contradict each other."""
