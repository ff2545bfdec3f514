"""The sentences a summary reads: cleaned, without the report's dateline."""

from __future__ import annotations

from newsfuse.fuse.summary.sentences import clean_sentence, sentence_text
from newsfuse.model import Article


def test_a_sentence_leaves_out_its_articles_dateline_and_stray_marks():
    first, second = "LISBON, March 5 (Reuters) - The union  agreed.", "MOSCOW — Talks began."
    text = first + "\n\n" + second
    article = Article(id="a", text=text, dateline_start=0, dateline_end=len("LISBON, March 5 (Reuters) -"))
    assert sentence_text(article, 0, len(first)) == "The union agreed."
    # a dateline-like opening that is not the article's dateline stays
    assert sentence_text(article, text.index(second), len(text)) == "MOSCOW — Talks began."
    assert clean_sentence("”\n\nIt will be his second visit.") == "It will be his second visit."
    assert clean_sentence("NATO said it would act.") == "NATO said it would act."
