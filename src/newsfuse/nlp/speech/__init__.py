"""Speech: who said what. Quotations and reported speech (quotes, from marks and reported), their cues
(cues), and the speaker each is attributed to: a name, or a pronoun's or description's antecedent (attribution)."""
