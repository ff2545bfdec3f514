"""Articles and analyses written for the event tests: one sentence holding the whole text, no parse needed."""

from __future__ import annotations

from newsfuse.model import Article, ArticleAnalysis, Mention, Sentence, TimeValue


def analysis_of(article: Article, mentions=(), times=()) -> ArticleAnalysis:
    """One sentence holding the whole text, its lemmas the lower-cased text."""
    return ArticleAnalysis(
        article_id=article.id,
        content_hash="",
        sentences=(Sentence(0, len(article.text)),),
        mentions=tuple(mentions),
        times=tuple(times),
        lemmas=(article.text.lower(),),
    )


def one_sentence(text: str, times: tuple[TimeValue, ...] = (), mentions: tuple[Mention, ...] = ()) -> ArticleAnalysis:
    """The analysis of article "a" whose one sentence is ``text``."""
    return ArticleAnalysis(
        article_id="a", content_hash="h", sentences=(Sentence(0, len(text)),), times=times, mentions=mentions
    )


def visit(aid: str, count: str, published: str | None = None) -> tuple[Article, ArticleAnalysis]:
    """A report of Ana Okafor's ``count`` ("first", "second") visit to Lagos."""
    text = (
        f"Prime Minister Ana Okafor made her {count} official visit to Lagos, where she met President "
        "Bello at the state house to discuss trade, security and a new rail line between the two cities."
    )
    article = Article(id=aid, text=text, title=f"Okafor in Lagos on her {count} visit", published=published)
    return article, analysis_of(article, [Mention(text.index("Ana"), text.index("Ana") + 10, "Ana Okafor", "PERSON", 0)])
