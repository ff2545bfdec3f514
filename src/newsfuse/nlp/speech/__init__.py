"""Speech: who said what. Quotations and reported speech (quotes), the cues that introduce them (cues),
and the speaker each is attributed to: a name, or the antecedent of a pronoun or description (attribution)."""
