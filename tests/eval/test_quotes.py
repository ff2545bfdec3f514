"""The PolNeAR reader and the quote and speaker scores, on a fixture we wrote (tests/data/quotes/polnear)."""

from __future__ import annotations

import pytest

from newsfuse.errors import EvalError
from newsfuse.eval.polnear import Attribution, PolnearArticle, read_ann, read_splits, split_articles
from newsfuse.eval.quotes import GoldItem, Outcome, evaluate, format_mistakes, format_scores, gold_items, judge
from newsfuse.eval.quotes import same_name, score
from newsfuse.model import ArticleAnalysis, Mention, QuoteSpan, Sentence
from tests.conftest import SHARED_DATA, TEST_DATA, needs_data

FIXTURE = TEST_DATA / "quotes" / "polnear"
NAME = "nyt_2026-03-02_harbour-vote-splits-council"
POLNEAR_DEV = SHARED_DATA / "polnear" / "dev"


def test_read_ann_roles_pieces_and_multi_line_spans():
    attributions = read_ann(FIXTURE / "attributions" / f"{NAME}_4b22.ann")
    assert [a.id for a in attributions] == ["E1", "E2", "E3", "E4", "E5", "E6"]
    text = (FIXTURE / "text" / f"{NAME}.txt").read_text(encoding="utf-8")

    def shown(spans):
        return [text[s:e] for s, e in spans]

    first, second = attributions[0], attributions[1]
    assert (shown(first.source), shown(first.cue)) == (["Mayor Ana Duarte"], ["said"])
    assert shown(first.content) == ["that the harbour plan would go ahead"]
    assert shown(second.content) == ["“We have waited long enough,”", "“The ships will come.”"]
    assert attributions[5].source == () and shown(attributions[5].cue) == ["expect"]


def test_one_annotator_per_article_the_first_by_id():
    (article,) = split_articles(FIXTURE)
    assert (article.name, article.annotator) == (NAME, "4b22")
    assert len(article.attributions) == 6
    assert article.title == "Harbour Vote Splits Council"
    assert (article.outlet, article.published) == ("nyt", "2026-03-02")


def test_reader_errors(tmp_path):
    with pytest.raises(EvalError, match="no such"):
        read_splits([tmp_path / "nowhere"])
    with pytest.raises(EvalError, match="not a PolNeAR split"):
        read_splits([tmp_path])
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    with pytest.raises(EvalError, match="no PolNeAR articles"):
        read_splits([tmp_path])
    (tmp_path / "text" / "a_2016-01-01_x.txt").write_text("Title\n\nShort.", encoding="utf-8")
    ann = tmp_path / "attributions" / "a_2016-01-01_x_0a0a.ann"
    ann.write_text("T1\tContent 7 99\tShort.\nE1\tAttribution-no-source Content:T1\n", encoding="utf-8")
    with pytest.raises(EvalError, match="outside the text"):
        split_articles(tmp_path)
    ann.write_text("T1\tContent seven\tShort.\n", encoding="utf-8")
    with pytest.raises(EvalError, match="not a brat span"):
        read_ann(ann)
    ann.write_text("E1\tAttribution Content:T9\n", encoding="utf-8")
    with pytest.raises(EvalError, match="T9"):
        read_ann(ann)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Trump", "Donald J. Trump", True),
    ("Mrs. Clinton", "Hillary Clinton", True),
    ("Mr. Clinton", "Mrs. Clinton", False),
    ("Trump Jr.", "Donald Trump", False),
    ("Kellyanne Conway's", "Conway", True),
    ("Bill Clinton", "Hillary Clinton", False),
    ("Sen. Tim Kaine", "Kaine", True),
    ("Trump", None, False),
])
def test_same_name(a, b, same):
    assert same_name(a, b) is same
    assert same_name(b, a) is same


def _item(kind="direct", content=((10, 30),), name=(0, 6), name_text="Duarte"):
    return GoldItem("a", "E1", kind, content, (name,), name, name_text, "said")


def _analysis(*quotes, mentions=()):
    return ArticleAnalysis("a", "h", sentences=(Sentence(0, 40),), mentions=tuple(mentions), quotes=quotes)


def test_judge_needs_half_the_content_and_the_named_speaker():
    duarte = Mention(0, 6, "Duarte", "PERSON", 0)
    other = Mention(35, 40, "Silva", "PERSON", 0)
    right = QuoteSpan(12, 22, "x", "Duarte", 0, 6)
    o = judge(_item(), _analysis(right, mentions=[duarte, other]))
    assert o.quote is right and o.right and o.attributed
    assert o.baseline_speaker == "Duarte" and o.baseline_right  # 4 characters before it, Silva 5 after
    short = judge(_item(), _analysis(QuoteSpan(12, 19, "x", "Duarte", 0, 6)))  # 7 of 20 characters
    assert short.quote is None and short.covered == pytest.approx(0.35) and not short.right
    elsewhere = judge(_item(), _analysis(QuoteSpan(12, 22, "x", "Ana Duarte", 50, 60)))
    assert elsewhere.right  # another mention of the same name
    wrong = judge(_item(), _analysis(QuoteSpan(12, 22, "x", "Silva", 35, 40), mentions=[other]))
    assert wrong.attributed and not wrong.right and wrong.baseline_speaker == "Silva" and not wrong.baseline_right
    silent = judge(_item(), _analysis(QuoteSpan(0, 40, "x")))
    assert silent.quote is not None and not silent.attributed and not silent.right


def test_score_rates_per_kind():
    q = QuoteSpan(0, 1, "x", "A", 0, 1)
    outcomes = [
        Outcome(_item("direct"), q, True, "A", True),
        Outcome(_item("direct"), q, False, None, False),
        Outcome(_item("direct"), QuoteSpan(0, 1, "x"), False, "B", False),
        Outcome(_item("reported"), None, False, None, False),
        Outcome(_item("other"), q, True, "A", True),
    ]
    s = score(outcomes)
    assert (s["direct_items"], s["direct_found"], s["direct_attributed"], s["direct_right"]) == (3, 3, 2, 1)
    assert s["direct_speaker_accuracy"] == pytest.approx(0.5) and s["direct_speaker_recall"] == pytest.approx(1 / 3)
    assert s["reported_quote_recall"] == 0.0 and s["reported_speaker_accuracy"] == 0.0
    assert s["all_items"] == 4 and s["all_speaker_recall"] == pytest.approx(0.25)
    assert (s["other_items"], s["other_right"]) == (1, 1)
    assert s["all_baseline_accuracy"] == pytest.approx(0.5) and s["all_baseline_recall"] == pytest.approx(0.25)
    table = format_scores({"articles": 1, "attributions": 6, **s})
    assert "speaker accuracy 0.500" in table.splitlines()[0]
    assert [line.split()[0] for line in table.splitlines()[2:]] == ["direct", "reported", "all", "other"]


@pytest.mark.slow
def test_gold_items_keep_named_sources_and_tell_quotes_from_reported_speech(nlp):
    (article,) = split_articles(FIXTURE)
    items = gold_items(article, nlp(article.text))
    assert [(i.attribution, i.kind, i.name_text) for i in items] == [
        ("E1", "reported", "Ana Duarte"), ("E2", "direct", "Duarte"), ("E5", "reported", "Tribune"),
    ]


@pytest.mark.slow
def test_two_apostrophes_open_a_quotation_and_a_wish_is_no_speech(nlp):
    text = "Title\n\n''We will win,'' Ana Duarte said. Carlos Silva wants a recount.\n"

    def at(words):
        return ((text.index(words), text.index(words) + len(words)),)

    article = PolnearArticle("nyt_2016-01-01_x", "0a0a", text, (
        Attribution("E1", at("Ana Duarte"), at("said"), at("''We will win,''")),
        Attribution("E2", at("Carlos Silva"), at("wants"), at("a recount")),
    ))
    assert [i.kind for i in gold_items(article, nlp(text))] == ["direct", "other"]


@pytest.mark.slow
def test_evaluate_on_the_fixture(nlp):
    mistakes = []
    s = evaluate([FIXTURE], nlp=nlp, mistakes=mistakes)
    assert (s["articles"], s["attributions"], s["all_items"], s["direct_items"]) == (1, 6, 3, 1)
    assert s["direct_right"] == 1 and s["direct_speaker_accuracy"] == 1.0
    assert s["all_found"] - s["all_right"] + (s["all_items"] - s["all_found"]) == len(mistakes)
    assert format_mistakes(mistakes).startswith("kind\tfile\t")


# Floors pinned a little under the dev figures in docs/quality.md ("Speakers (PolNeAR)", 2026-12-07,
# sixth session: speaker accuracy 0.977, speaker recall 0.792, direct quote recall 0.956; 0.973,
# 0.780 and 0.963 after the second round, 0.944 and 0.671 before issue 12's work);
# deterministic runs, the room is for parser updates. Issue 12 asks for accuracy 0.93 and recall
# 0.80 on the test split.
DEV_SPEAKER_ACCURACY = 0.96
DEV_SPEAKER_RECALL = 0.77
DEV_DIRECT_QUOTE_RECALL = 0.94


@pytest.mark.slow
@needs_data
def test_polnear_dev_floors(nlp):
    s = evaluate([POLNEAR_DEV], nlp=nlp)
    assert s["articles"] == 84
    assert s["all_speaker_accuracy"] >= DEV_SPEAKER_ACCURACY
    assert s["all_speaker_recall"] >= DEV_SPEAKER_RECALL
    assert s["direct_quote_recall"] >= DEV_DIRECT_QUOTE_RECALL
    assert s["all_speaker_accuracy"] > s["all_baseline_accuracy"]
