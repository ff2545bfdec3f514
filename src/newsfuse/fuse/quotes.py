"""Quotes in the report: every quotation and reported statement with its speaker as a canonical entity.

The per-article step already found each quote's speaker span, resolving "he said" and "the
German leader said" to the name they stand for. Here that span meets the entity
canonicalisation: the entity of a mention inside the span is the speaker, so one person's
quotes carry one id across outlets whatever spelling or pronoun each used.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsfuse.fuse.corpus import Corpus
from newsfuse.model import ArticleAnalysis, Mention, Quote, QuoteSpan

# Entity types that can speak; a place or people that is the whole speaker ("Moscow announced")
# speaks for its government, so it is kept when nothing better is there.
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")


class QuoteAttributor:
    """Maps each article's quotes to canonical speakers.

    After ``fit``: ``quotes_`` one ``Quote`` each, in article and text order: speaker (entity id
    or None), speaker_name (the entity's canonical name, else the words that named the
    speaker), speaker_ref (the pronoun or description used, if any), text, article, outlet,
    sentence, start, end, kind (direct | indirect), cue (the speech verb or phrase).
    """

    def fit(self, corpus: Corpus) -> QuoteAttributor:
        """Steps:
        1. for each quote, the mentions inside its speaker span, people first;
        2. their canonical entity is the speaker;
        3. one ``Quote`` each, with where it stands and how it was introduced.
        """
        names = {e.id: e.name for e in corpus.entities}
        outlet = {a.id: a.outlet or a.id for a in corpus.articles}
        mention_entity = corpus.mention_entity
        self.quotes_: list[Quote] = []
        for analysis in corpus.analyses:
            for quote in analysis.quotes:
                # 1. and 2. speaker
                speaker = speaker_entity(analysis, quote, mention_entity)
                # 3. record
                self.quotes_.append(Quote(
                    speaker=speaker,
                    speaker_name=names.get(speaker, quote.speaker_text) if speaker else quote.speaker_text,
                    speaker_ref=quote.speaker_ref,
                    text=quote.text,
                    article=analysis.article_id,
                    outlet=outlet.get(analysis.article_id, analysis.article_id),
                    sentence=quote.sentence,
                    start=quote.start,
                    end=quote.end,
                    kind=quote.kind,
                    cue=quote.cue,
                ))
        return self


def speaker_entity(analysis: ArticleAnalysis, quote: QuoteSpan, mention_entity: Mapping[tuple[str, int, int], str]
                   ) -> str | None:
    """The canonical entity of the best mention inside the quote's speaker span, or None."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    inside = [m for m in analysis.mentions
              if m.start < quote.speaker_end and quote.speaker_start < m.end and m.label in SPEAKER_LABELS
              and (m.label in ("PERSON", "ORG") or _whole(m, quote))]
    for m in sorted(inside, key=lambda m: _preference(m, quote)):
        entity = mention_entity.get((analysis.article_id, m.start, m.end))
        if entity:
            return entity
    return None


def _whole(m: Mention, quote: QuoteSpan) -> bool:
    """A people or place that is the whole speaker ("Moscow announced"), not a word describing it
    ("pro-government Turkish media", "German officials")."""
    words = (quote.speaker_text or "").split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words).rstrip("'’s").strip() == m.text.rstrip("'’s").strip()


def _preference(m: Mention, quote: QuoteSpan) -> tuple[int, int]:
    """People before organisations before peoples and places; then the longest mention."""
    return SPEAKER_LABELS.index(m.label), -(m.end - m.start)
