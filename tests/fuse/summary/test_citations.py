"""Citations checked one sentence at a time, no repeated lines, no line of another day, headlines cited by what states them."""

from __future__ import annotations

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.summary.summarizer import Summarizer
from newsfuse.model import Article, ArticleAnalysis, Dated, Event, Sentence, SentenceRef, Story

LEAD = "Heavy rain flooded the lower town of Alderby on Sunday night and forced 300 residents from their homes."
REST = [
    "The river rose two metres in six hours, the regional water agency said.",
    "Firefighters used boats to reach families trapped on upper floors near the market square.",
    "The town's only bridge was closed on Monday while engineers checked it for damage.",
    "Schools in Alderby will stay shut until Wednesday, the education office announced.",
]
QUAKE = [
    "A strong earthquake shook the hill villages east of Alderby early on Tuesday morning.",
    "Several old farmhouses lost their roofs and chimneys fell into narrow lanes.",
    "Geologists put the tremor's magnitude at 5.1 and its centre twelve kilometres deep.",
    "Mountain rescue teams searched the damaged houses until late in the evening.",
]


def _article(aid, sentences, outlet, published="2026-03-02", dated=()):
    text, spans = "", []
    for s in sentences:
        text += " " if text else ""
        spans.append(Sentence(len(text), len(text) + len(s)))
        text += s
    article = Article(id=aid, text=text, title=sentences[0][:40], outlet=outlet, published=published)
    return article, ArticleAnalysis(aid, article.content_hash, sentences=tuple(spans), dated=tuple(dated))


def _summary(pairs, events, stories=()):
    corpus = Corpus([a for a, _ in pairs], [b for _, b in pairs])
    return Summarizer(use_embeddings=False).fit(corpus, events, stories).summary_


def _event(eid, articles, title="Floods in Alderby", date="2026-03-01"):
    return Event(id=eid, title=title, date=date, articles=tuple(articles))


def _lines(summary):
    return [line for line in summary if line.kind == "sentence"]


def test_a_report_is_cited_for_a_line_its_own_sentence_says():
    a = _article("a", [LEAD, *REST], "Alderby Courier")
    b = _article("b", ["Heavy rain flooded Alderby's lower town on Sunday night, forcing 300 residents from their homes.",
                       *REST[2:]], "Dale Times")
    lead = next(line for line in _lines(_summary([a, b], [_event("e", ["a", "b"])])) if "flooded" in line.text)
    assert {SentenceRef("a", 0), SentenceRef("b", 0)} == set(lead.sources)
    assert lead.support == 2


def test_a_similar_sentence_of_another_fact_is_not_cited():
    a = _article("a", [LEAD, *REST], "Alderby Courier")
    b = _article("b", ["Heavy rain flooded the lower town of Alderby on Sunday night and closed its bridge to traffic.",
                       *REST[2:]], "Dale Times")
    for line in _lines(_summary([a, b], [_event("e", ["a", "b"])])):
        cited = {ref.article for ref in line.sources[1:]}
        assert not (line.text == LEAD and "b" in cited)
        assert line.sources[0].article not in cited


def test_a_sentence_giving_another_figure_is_not_cited():
    a = _article("a", [LEAD, *REST], "Alderby Courier")
    b = _article("b", [LEAD.replace("300", "350"), *REST[2:]], "Dale Times")
    # one of the two is the line; the other, giving another count, is not cited for it
    lead = next(line for line in _lines(_summary([a, b], [_event("e", ["a", "b"])])) if "flooded" in line.text)
    assert len(lead.sources) == 1


def test_no_line_repeats_another_in_its_block():
    a = _article("a", [LEAD, *REST], "Alderby Courier")
    b = _article("b", [LEAD, *REST], "Dale Times")
    lines = _lines(_summary([a, b], [_event("e", ["a", "b"])]))
    texts = [line.text for line in lines]
    assert len(texts) == len(set(texts))
    lead = next(line for line in lines if line.text == LEAD)
    assert {ref.article for ref in lead.sources} == {"a", "b"}


def test_a_story_block_leaves_out_what_its_events_show():
    a = _article("a", [LEAD, *REST], "Alderby Courier")
    b = _article("b", QUAKE, "Dale Times", published="2026-03-04")
    events = [_event("e1", ["a"]), _event("e2", ["b"], title="Earthquake near Alderby", date="2026-03-03")]
    story = Story("s", "Alderby's hard week", ("e1", "e2"), ("a", "b"))
    summary = _summary([a, b], events, [story])
    shown = {line.text for line in _lines(summary) if line.event}
    assert shown
    assert not [line for line in _lines(summary) if line.story and line.text in shown]


def test_a_line_dated_another_day_is_not_under_this_event():
    # the report recalls last year's flood: a happening of its own, not this event's
    recalled = "The same street flooded in June 2025 after a week of storms in the hills."
    dated = [Dated(time=0, value="2025-06", sentence=5, text="street flooded")]
    a = _article("a", [LEAD, *REST, recalled], "Alderby Courier", dated=dated)
    lines = _lines(_summary([a], [_event("e", ["a"])]))
    assert lines
    assert recalled not in [line.text for line in lines]


def test_a_line_dated_a_day_off_its_event_stays():
    # the event is dated by its start; a report dates the rescue to the next day
    rescue = "Firefighters rescued 40 people from the flooded lower town on Monday 2 March 2026."
    dated = [Dated(time=0, value="2026-03-02", sentence=0, text="firefighters rescued")]
    a = _article("a", [rescue, *REST], "Alderby Courier", dated=dated)
    lines = _lines(_summary([a], [_event("e", ["a"])]))
    assert rescue in [line.text for line in lines]


def test_the_headline_cites_only_reports_that_state_it_on_or_after_its_day():
    title = "Heavy rain flooded the lower town of Alderby on Sunday night"
    a = _article("a", [f"{title}.", *REST], "Alderby Courier", published="2026-03-02")
    early = _article("early", [f"{title}.", *REST[2:]], "Dale Times", published="2026-02-27")
    other = _article("c", ["Rescuers in Alderby worked through the night as the rain went on.", *REST[1:]],
                     "Hill Post", published="2026-03-02")
    summary = _summary([a, early, other], [_event("e", ["a", "early", "c"], title=title)])
    headline = next(line for line in summary if line.kind == "headline")
    assert [ref.article for ref in headline.sources] == ["a"]


def test_the_report_whose_title_is_the_headline_states_it_from_its_day_on():
    a, analysis = _article("a", [LEAD, *REST], "Alderby Courier", published="2026-03-02")
    a = Article(id=a.id, text=a.text, title="Alderby under water", outlet=a.outlet, published=a.published)
    early, early_analysis = _article("early", [LEAD, *REST[1:]], "Dale Times", published="2026-02-27")
    early = Article(id=early.id, text=early.text, title="Alderby under water", outlet=early.outlet,
                    published=early.published)
    other = _article("c", [LEAD, *REST[2:]], "Hill Post", published="2026-03-02")
    summary = _summary([(a, analysis), (early, early_analysis), other],
                       [_event("e", ["a", "early", "c"], title="Alderby under water")])
    headline = next(line for line in summary if line.kind == "headline")
    assert headline.sources == (SentenceRef("a", 0),)
