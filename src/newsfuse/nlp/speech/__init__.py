"""Speech: who said what. Quotations and reported speech with their cues, and the speaker each is
attributed to (a name, or the antecedent of a pronoun or description)."""
