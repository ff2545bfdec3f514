"""Events and stories: which articles report the same real-world happening (features, counts, clustering),
how each event is described (date, place, participants) and which events form one storyline."""
