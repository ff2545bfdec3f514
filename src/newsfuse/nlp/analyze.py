"""The per-article step: one ``Article`` and the loaded model in, one ``ArticleAnalysis`` out.

It is a pure function of its inputs, so it can run in worker processes and its
result can be cached by the article's content hash. No spaCy ``Doc`` leaves it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from newsfuse.model import Article, ArticleAnalysis, Mention, Sentence
from newsfuse.nlp.time import TimexValue
from newsfuse.nlp.time import tag as timex
from newsfuse.nlp.claims import find_claims
from newsfuse.nlp.time.dated import find_dated
from newsfuse.nlp.speech.quotes import find_quotes

# Named-entity labels that name a real-world thing; numbers, dates and
# quantities are handled by the time and claim steps instead.
NAMED_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# A longer text is parsed in pieces of at most this many characters, cut at paragraph breaks, and
# the pieces joined into one Doc: spaCy refuses a text over ``nlp.max_length`` (1,000,000; E088)
# and its parser and tagger need about 1 GB per 100,000 characters parsed at once (spaCy's note
# on max_length). Nearly every news article is shorter, so their parses are unchanged.
MAX_PARSE_CHARS = 100_000
# Where a piece is cut when no paragraph break lies in reach, best first.
_CUTS = ("\n\n", "\n", ". ", " ")


def analyze_article(article: Article, nlp) -> ArticleAnalysis:
    """Analyse one article with the spaCy pipeline ``nlp``."""
    return next(analyze_articles([article], nlp))


def analyze_articles(articles: Iterable[Article], nlp, batch_size: int = 32) -> Iterator[ArticleAnalysis]:
    """Analyse articles in spaCy batches, yielding one analysis per article in order.

    Steps:
    1. parse the text with spaCy (sentences, tokens, named entities);
    2. keep sentence boundaries as character offsets;
    3. keep named mentions with their sentence;
    4. find and normalise time expressions, anchored to the publication date;
    5. keep the content lemmas of each sentence for later similarity;
    6. find direct quotations and reported speech with their speakers;
    7. split sentences into claim candidates with their attribution;
    8. describe what each date dates (the happening, its tense and participants) for the timeline.
    """
    articles = list(articles) if not isinstance(articles, list) else articles
    docs = _parsed((a.text for a in articles), nlp, batch_size)
    for article, doc in zip(articles, docs):
        yield _from_doc(article, doc)


def split_for_parsing(text: str, limit: int) -> list[str]:
    """``text`` in consecutive pieces of at most ``limit`` characters that join back to it exactly.

    Each piece ends at the last paragraph break in reach, else a line break, a sentence end or a
    space; only a run of ``limit`` characters without any of them is cut in the middle.
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for mark in _CUTS:
            cut = text.rfind(mark, start + 1, end - len(mark) + 1)
            if cut > start:
                end = cut + len(mark)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _parsed(texts: Iterable[str], nlp, batch_size: int) -> Iterator:
    """One spaCy Doc per text, in order. Texts up to the piece size are parsed in batches as
    usual; a longer one is parsed piece by piece (never a batch of pieces: that would hold them
    in memory at once) and the pieces are joined into one Doc."""
    from spacy.tokens import Doc
    from spacy.util import minibatch

    limit = min(MAX_PARSE_CHARS, nlp.max_length)
    for batch in minibatch(texts, size=batch_size):
        short = iter(nlp.pipe([t for t in batch if len(t) <= limit], batch_size=batch_size))
        for text in batch:
            if len(text) <= limit:
                yield next(short)
            else:
                yield Doc.from_docs([nlp(piece) for piece in split_for_parsing(text, limit)], ensure_whitespace=False)


def _from_doc(article: Article, doc) -> ArticleAnalysis:
    # 1. parsed by the caller
    # 2. sentences
    sents = list(doc.sents)
    sentences = tuple(Sentence(s.start_char, s.end_char) for s in sents)
    sent_of_token = {}
    for i, s in enumerate(sents):
        for t in range(s.start, s.end):
            sent_of_token[t] = i
    # 3. named mentions
    mentions = tuple(
        Mention(ent.start_char, ent.end_char, ent.text, ent.label_, sent_of_token.get(ent.start, -1))
        for ent in doc.ents
        if ent.label_ in NAMED_LABELS and ent.text.strip()
    )
    # 4. time expressions
    times, text_date, text_date_basis = timex.find_times_and_date(doc, _dct(article.published), sent_of_token)
    # 5. content lemmas per sentence
    lemmas = tuple(
        " ".join(t.lemma_.lower() for t in s if t.pos_ in _CONTENT_POS and not t.is_stop) for s in sents
    )
    # 6. quotations and reported speech
    quotes = find_quotes(doc, mentions, article.dateline_span)
    # 7. claim candidates
    claims = find_claims(doc, quotes, mentions, article.dateline_span)
    # 8. what each date dates
    dated = find_dated(doc, times, mentions, article.dateline_span)
    return ArticleAnalysis(
        article_id=article.id,
        content_hash=article.content_hash,
        sentences=sentences,
        mentions=mentions,
        times=times,
        lemmas=lemmas,
        quotes=quotes,
        claims=claims,
        dated=dated,
        text_date=text_date,
        text_date_basis=text_date_basis,
    )


def _dct(published: str | None) -> date | None:
    """The document creation time as a date, when the publication date is known to the day."""
    value = TimexValue.parse(published)
    return value.date if value is not None and value.has_calendar_day else None
