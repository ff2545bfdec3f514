"""The extractive summary: headline and lines per event, MMR, time order, citations of every report that says it."""

from __future__ import annotations

import dataclasses

import pytest

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.summary.rewrite import rewrite
from newsfuse.fuse.summary.summarizer import Summarizer
from newsfuse.model import (
    Article, ArticleAnalysis, ClaimGroup, ClaimSource, Contradiction, Event, Removed, Sentence, SentenceRef, Story,
)
from tests.conftest import needs_seeds

FLOOD = [
    "Heavy rain flooded the lower town of Alderby on Sunday night and forced 300 residents from their homes.",
    "The river rose two metres in six hours, the regional water agency said.",
    "Firefighters used boats to reach families trapped on upper floors near the market square.",
    "The town's only bridge was closed on Monday while engineers checked it for damage.",
    "Schools in Alderby will stay shut until Wednesday, the education office announced.",
    "Volunteers opened the sports hall as a shelter and handed out blankets and hot meals.",
    "Farmers upstream said the fields had been under water since Saturday.",
    "Insurers expect claims to run into the millions once the water recedes.",
]


def _article(aid, sentences, outlet="Alderby Courier", published="2026-03-02", removed=()):
    text, spans = "", []
    for s in sentences:
        if text:
            text += " "
        spans.append(Sentence(len(text), len(text) + len(s)))
        text += s
    article = Article(id=aid, text=text, title=sentences[0][:40], outlet=outlet, published=published, removed=removed)
    return article, ArticleAnalysis(aid, article.content_hash, sentences=tuple(spans))


def _fit(pairs, events, **kw):
    articles = [a for a, _ in pairs]
    analyses = [b for _, b in pairs]
    duplicate_of = kw.pop("duplicate_of", None)
    claims = kw.pop("claims", ())
    stories = kw.pop("stories", ())
    contradictions = kw.pop("contradictions", ())
    return Summarizer(use_embeddings=False, **kw).fit(
        Corpus(articles, analyses, duplicate_of or {}), events, stories, claims, contradictions
    )


def _event(eid, articles, title="Floods in Alderby", date="2026-03-01", mentioned_in=()):
    return Event(id=eid, title=title, date=date, articles=tuple(articles), mentioned_in=tuple(mentioned_in))


def _source(article: str, sentence: int) -> ClaimSource:
    """A claim's source where only its place matters."""
    return ClaimSource(article, sentence, 0, 0, "", "")


def _lines(summary, kind="sentence"):
    return [s for s in summary if s.kind == kind]


def test_headline_then_four_to_eight_lines_each_citing_its_own_sentence():
    a = _article("a", FLOOD)
    summary = _fit([a], [_event("e1", ["a"])]).summary_
    assert summary[0].kind == "headline" and summary[0].text == "Floods in Alderby"
    lines = _lines(summary)
    assert 4 <= len(lines) <= 8
    for line in lines:
        assert line.event == "e1"
        first = line.sources[0]
        span = a[1].sentences[first.sentence]
        assert first.article == "a" and a[0].text[span.start:span.end] == line.text
    # the lead sentence tells what happened: it is in
    assert FLOOD[0] in [line.text for line in lines]


def test_more_reports_make_a_longer_summary_up_to_the_maximum():
    one = _fit([_article("a", FLOOD)], [_event("e", ["a"])]).summary_
    many_articles = [_article(f"x{i}", FLOOD[i:] + FLOOD[:i], outlet=f"Outlet {i}") for i in range(6)]
    many = _fit(many_articles, [_event("e", [a.id for a, _ in many_articles])]).summary_
    assert len(_lines(one)) == 4  # SENTENCES_BASE + one report
    assert len(_lines(many)) <= 8
    assert len(_lines(many)) > len(_lines(one))


def test_support_counts_an_outlet_once_as_a_claim_does():
    a = _article("a", FLOOD, outlet="Alderby Courier")
    b = _article("b", [FLOOD[0], "Residents said the water came faster than in any flood they remembered."] + FLOOD[5:7],
                 outlet="Alderby Courier")
    summary = _fit([a, b], [_event("e", ["a", "b"])]).summary_
    lead = next(line for line in _lines(summary) if line.text == FLOOD[0])
    assert sorted(s.article for s in lead.sources) == ["a", "b"]  # both reports cited ...
    assert lead.support == 1  # ... one source


def test_a_sentence_several_reports_carry_cites_each_once_and_copies_count_once():
    a = _article("a", FLOOD, outlet="Alderby Courier")
    b = _article("b", [FLOOD[0], "Residents said the water came faster than in any flood they remembered."] + FLOOD[5:7],
                 outlet="Dale Times")
    c = _article("c", [FLOOD[0], "Residents said the water came faster than in any flood they remembered."] + FLOOD[5:7],
                 outlet="Dale Times Syndicated")
    summary = _fit([a, b, c], [_event("e", ["a", "b", "c"])], duplicate_of={"c": "b"}).summary_
    lead = next(line for line in _lines(summary) if line.text == FLOOD[0])
    cited = [s.article for s in lead.sources]
    assert sorted(cited) == ["a", "b", "c"]  # the copy is a source too ...
    assert lead.support == 2  # ... but not an independent one
    # said three times, shown once; the copy's sentences never lead a line
    texts = [line.text for line in _lines(summary)]
    assert texts.count(FLOOD[0]) == 1
    assert all(line.sources[0].article != "c" for line in _lines(summary))


def test_similar_sentences_with_different_figures_are_not_cited_as_support():
    a = _article("a", FLOOD, outlet="Alderby Courier")
    b = _article("b", ["Heavy rain flooded the lower town of Alderby on Sunday night and forced 450 residents from their homes."]
                 + FLOOD[1:4], outlet="Dale Times")
    summary = _fit([a, b], [_event("e", ["a", "b"])]).summary_
    for line in _lines(summary):
        if "300 residents" in line.text:
            assert [s.article for s in line.sources] == ["a"]
    assert any("300 residents" in line.text or "450 residents" in line.text for line in _lines(summary))


def test_a_first_and_a_second_of_one_kind_are_not_cited_as_support():
    first = "The minister made her first official visit to the northern province on Tuesday, meeting local officials."
    second = "The minister made her second official visit to the northern province on Tuesday, meeting local officials."
    a = _article("a", [first] + FLOOD[1:4], outlet="Alderby Courier")
    b = _article("b", [second] + FLOOD[4:7], outlet="Dale Times")
    summary = _fit([a, b], [_event("e", ["a", "b"])]).summary_
    visits = [line for line in _lines(summary) if "official visit" in line.text]
    assert visits
    for line in visits:
        assert len({s.article for s in line.sources}) == 1


def test_a_line_never_opens_with_a_pronoun_it_cannot_resolve():
    # four sentences for a four-line summary: only the pronoun keeps the last one out
    echo = "He did not say how many stranded pensioners had been taken to hospital by the evening."
    a = _article("a", FLOOD[:3] + [echo])
    summary = _fit([a], [_event("e", ["a"])]).summary_
    assert _lines(summary)
    assert not [line for line in _lines(summary) if line.text.startswith("He ")]


def test_lines_follow_time_order_of_their_reports():
    early = _article("early", FLOOD[:4], published="2026-03-02")
    late = _article("late", [
        "The water in Alderby fell below the flood mark on Thursday as the rain stopped.",
        "Residents began clearing mud from shops and homes in the lower town.",
        "The council said it would pay for skips on every street of the affected area.",
        "Some families returned home for the first time since Sunday night.",
    ], outlet="Dale Times", published="2026-03-05")
    lines = _lines(_fit([late, early], [_event("e", ["late", "early"])]).summary_)
    dates = [{"early": 1, "late": 2}[line.sources[0].article] for line in lines]
    assert dates == sorted(dates)
    assert {1, 2} <= set(dates)


def test_corroborated_claims_come_first():
    a = _article("a", FLOOD, outlet="Alderby Courier")
    b = _article("b", FLOOD[:3], outlet="Dale Times")
    # the last sentence of a: far from the lead, said by nobody else in these words
    claims = [ClaimGroup("c1", "claims into the millions", (_source("a", 7), _source("b", 2)), support=3,
                         status="corroborated")]
    without = [line.text for line in _lines(_fit([a, b], [_event("e", ["a", "b"])], max_sentences=4, min_sentences=4).summary_)]
    summary = _fit([a, b], [_event("e", ["a", "b"])], claims=claims, max_sentences=4, min_sentences=4).summary_
    assert FLOOD[7] not in without
    line = next(line for line in _lines(summary) if line.text == FLOOD[7])
    # the claim's other source tells of boats, not insurers: a group's sources are not inherited
    assert SentenceRef("b", 2) not in line.sources


def test_a_claim_source_is_cited_where_its_own_sentence_says_the_line():
    a = _article("a", FLOOD, outlet="Alderby Courier")
    b = _article("b", FLOOD[:2] + ["Insurers expect the claims to run into the millions once the waters recede."],
                 outlet="Dale Times")
    claims = [ClaimGroup("c1", "claims into the millions", (_source("a", 7), _source("b", 2)), support=2,
                         status="corroborated")]
    summary = _fit([a, b], [_event("e", ["a", "b"])], claims=claims, max_sentences=4, min_sentences=4).summary_
    line = next(line for line in _lines(summary) if "Insurers" in line.text)
    assert {SentenceRef("a", 7), SentenceRef("b", 2)} == set(line.sources)


def test_only_the_cleaned_text_is_read_and_fragments_are_left_out():
    chrome = "Subscribe to the Alderby Courier newsletter for the latest flood updates every morning."
    a = _article("a", FLOOD[:3] + [
        "“The water came in through the floor,” one resident said, “and then it did not stop.",
        "We lost everything on the ground floor.”",
        "Officials listed the streets that were closed:",
    ] + FLOOD[3:], removed=(Removed(chrome, "prompt"),))
    texts = [s.text for s in _fit([a], [_event("e", ["a"])]).summary_]
    assert chrome not in texts
    assert all(not t.endswith(":") for t in texts)
    assert "We lost everything on the ground floor.”" not in texts  # half of a quotation


def test_stories_of_several_events_get_their_own_summary():
    a = _article("a", FLOOD[:4])
    b = _article("b", FLOOD[4:], outlet="Dale Times")
    events = [_event("e1", ["a"]), _event("e2", ["b"], title="Alderby clears up")]
    stories = [Story(id="s1", title="Alderby floods", events=("e1", "e2"), articles=("a", "b")),
               Story(id="s2", title="Only one event", events=("e1",), articles=("a",))]
    summary = _fit([a, b], events, stories=stories).summary_
    assert [s.text for s in summary if s.kind == "headline"] == ["Floods in Alderby", "Alderby clears up", "Alderby floods"]
    assert {s.story for s in summary} == {None, "s1"}


def test_rewrite_seam_keeps_sources_and_checks_each_line():
    summary = _fit([_article("a", FLOOD)], [_event("e", ["a"])]).summary_

    def reword(lines):
        # the first line loses its figure: that one must stay as it was
        return [line.replace("300 residents", "many residents").replace("The ", "This ") for line in lines]

    out = rewrite(summary, reword)
    assert [s.sources for s in out] == [s.sources for s in summary]
    for before, after in zip(summary, out):
        if before.kind == "headline":
            assert after == before
        elif "300 residents" in before.text or "The " not in before.text:
            assert after.text == before.text and after.rewritten is False
        else:
            assert after.text == before.text.replace("The ", "This ") and after.rewritten is True
    assert any(s.rewritten for s in out) and FLOOD[0] in [s.text for s in out]
    assert rewrite(summary) == summary and rewrite(summary) is not summary
    # a rewriter that answers the wrong number of lines changes nothing
    assert [s.text for s in rewrite(summary, lambda lines: lines[:1])] == [s.text for s in summary]


def test_a_disputed_claim_is_never_stated_without_its_other_side():
    a = _article("a", FLOOD, outlet="Alderby Courier")
    b = _article("b", FLOOD[:1] + FLOOD[2:4], outlet="Dale Times")
    c = _article("c", ["Officials said 450 residents had left their homes in the lower town of Alderby on Sunday night.",
                       "The council opened a second shelter in the school gym."], outlet="Wold Post")
    claims = [
        ClaimGroup("c1", FLOOD[0], (_source("a", 0), _source("b", 0)), support=2, status="disputed"),
        ClaimGroup("c2", "450 residents", (_source("c", 0),), support=1, status="disputed"),
        ClaimGroup("c3", FLOOD[2], (_source("a", 2), _source("b", 1)), support=2, status="corroborated"),
    ]
    contradictions = [Contradiction("x1", ("c1", "c2"), "number", "number: Alderby Courier says 300, Wold Post says 450")]
    summary = _fit([a, b, c], [_event("e", ["a", "b", "c"])], claims=claims, contradictions=contradictions).summary_
    lines = _lines(summary)
    for line in lines:
        keys = {(s.article, s.sentence) for s in line.sources}
        if keys & {("a", 0), ("b", 0)}:
            assert line.disputed.explanation.startswith("number:")
            assert SentenceRef("c", 0) in line.disputed.sources
        elif ("c", 0) in keys:
            assert SentenceRef("a", 0) in line.disputed.sources
        else:
            assert line.disputed is None
    assert any(line.disputed for line in lines)
    assert all(s.disputed is None for s in summary if s.kind == "headline")


def test_disputed_claims_earn_no_corroboration_bonus():
    a = _article("a", FLOOD, outlet="Alderby Courier")
    b = _article("b", FLOOD[:3], outlet="Dale Times")
    claim = ClaimGroup("c1", "claims into the millions", (_source("a", 7), _source("b", 2)), support=3)
    kw = dict(max_sentences=4, min_sentences=4)
    corroborated = _lines(_fit([a, b], [_event("e", ["a", "b"])], claims=[dataclasses.replace(claim, status="corroborated")], **kw).summary_)
    disputed = _lines(_fit([a, b], [_event("e", ["a", "b"])], claims=[dataclasses.replace(claim, status="disputed")], **kw).summary_)
    assert FLOOD[7] in [line.text for line in corroborated]
    assert FLOOD[7] not in [line.text for line in disputed]


@pytest.mark.slow
def test_embeddings_cite_a_paraphrase():
    a = _article("a", FLOOD, outlet="Alderby Courier")
    b = _article("b", [
        "About 300 people had to leave their houses when floodwater swept through the lower part of Alderby late on Sunday.",
        "Rescue crews in boats reached families stuck upstairs close to the market square.",
    ], outlet="Dale Times")
    s = Summarizer().fit(Corpus([a[0], b[0]], [a[1], b[1]]), [_event("e", ["a", "b"])])
    assert s.embedding_used_
    # the two ways of telling the lead are one line; the loose paraphrase is too far from its
    # words to be cited for them (a citation needs a sentence that clearly says the line)
    tellings = {SentenceRef("a", 0), SentenceRef("b", 0)}
    lead = [line for line in _lines(s.summary_) if tellings & set(line.sources)]
    assert len(lead) == 1
    assert len(tellings & set(lead[0].sources)) == 1


@pytest.mark.slow
@needs_seeds
def test_seed_summary_names_both_leaders_the_bases_and_territorial_integrity(seeds_fused):
    report = seeds_fused
    lines = [s for s in report.summary if s.kind == "sentence"]
    groups = sum(1 for s in report.summary if s.kind == "headline")  # events, and stories of several
    assert 4 <= len(lines) <= 8 * max(1, groups)
    text = " ".join(s.text for s in lines).lower()
    assert "putin" in text and "sharaa" in text
    assert "base" in text
    assert "territor" in text
    ids = {a.id for a in report.articles}
    assert all(src.article in ids for s in report.summary for src in s.sources)
    # every citation beyond a line's own sentence is a sentence that says the line (a group's
    # sources are not inherited), and no line repeats one shown before it in its block
    from newsfuse.fuse.summary.sentences import sentence_text
    from newsfuse.fuse.summary.support import says

    article = {a.id: a for a in report.articles}
    analysis = {a.article_id: a for a in report.analyses}
    for line in lines:
        for ref in line.sources[1:]:
            span = analysis[ref.article].sentences[ref.sentence]
            assert says(line.text, sentence_text(article[ref.article], span.start, span.end)), (line.text, ref)
    for block in {(s.event, s.story) for s in lines}:
        texts = [s.text for s in lines if (s.event, s.story) == block]
        assert len(texts) == len(set(texts))
    # nothing cut as chrome or teaser reaches the summary
    from tests.test_pipeline import CHROME

    removed = [b.text for a in report.articles for b in a.removed]
    for line in report.summary:
        assert not any(marker in line.text for marker in CHROME), line.text
    for line in lines:  # (a headline is the title, which a page may also repeat as chrome)
        assert not any(line.text in block for block in removed), line.text


@pytest.mark.slow
def test_a_group_of_one_report_is_summarised_without_the_encoder():
    from newsfuse.nlp import encoder as embed

    a = _article("a", FLOOD, outlet="Alderby Courier")
    b = _article("b", [
        "About 300 people had to leave their houses when floodwater swept through the lower part of Alderby late on Sunday.",
        "Rescue crews in boats reached families stuck upstairs close to the market square.",
    ], outlet="Dale Times")
    alone = _article("c", [
        "A fire destroyed a warehouse in the port of Carrow early on Tuesday, the harbour authority said.",
        "No one was hurt, but smoke closed the coast road for three hours.",
        "Investigators have not yet said what started the blaze in the timber store.",
        "The warehouse belonged to a shipping firm that moved to the port last year.",
    ], outlet="Carrow Post")
    copy = _article("d", alone[0].text.split(". "), outlet="Coast Wire")  # a copy adds no second source
    embed.clear_memo()
    s = Summarizer().fit(Corpus([a[0], b[0], alone[0], copy[0]], [a[1], b[1], alone[1], copy[1]], {"d": "c"}),
                         [_event("e", ["a", "b"]), _event("f", ["c", "d"], title="Warehouse fire in Carrow")])
    assert s.embedding_used_
    assert embed.counts.encoded == len(FLOOD) + 2 + 1  # the two reports' sentences and their headline only
    fire = _lines([line for line in s.summary_ if line.event == "f"])
    assert len(fire) >= 3 and all(line.sources[0].article == "c" for line in fire)
