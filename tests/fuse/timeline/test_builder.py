"""The timeline: hand-made dated records (word overlap instead of embeddings), then the seed reports."""

from __future__ import annotations


import pytest

from newsfuse.fuse.corpus import Corpus
from newsfuse.fuse.timeline.builder import TimelineBuilder
from newsfuse.model import Article, ArticleAnalysis, Dated, Event, Mention
from tests.conftest import SEEDS, needs_seeds


def _article(aid: str, *dated: tuple, people: tuple[str, ...] = ()) -> tuple[Article, ArticleAnalysis]:
    """An article whose sentences date the given (value, line, tense[, sentence]) happenings; every
    person in ``people`` is mentioned in each line that names them."""
    records, mentions = [], []
    text = ""
    for n, (value, line, tense, *rest) in enumerate(dated):
        start = len(text)
        text += line + ". "
        participants = []
        for person in people:
            at = line.find(person)
            if at >= 0:
                participants.append(len(mentions))
                mentions.append(Mention(start + at, start + at + len(person), person, "PERSON", n))
        records.append(Dated(time=n, value=value, sentence=rest[0] if rest else n, text=line, trigger=line.split()[-1],
                             tense=tense, participants=tuple(participants)))
    return Article(id=aid, text=text), ArticleAnalysis(aid, "h", mentions=tuple(mentions), dated=tuple(records))


def _fit(*pairs, events=(), article_event=None, duplicate_of=None, mention_entity=None):
    corpus = Corpus([a for a, _ in pairs], [b for _, b in pairs], duplicate_of or {}, mention_entity=mention_entity or {})
    return TimelineBuilder(use_embeddings=False).fit(corpus, events, article_event).timeline_


def test_one_happening_at_several_precisions_is_one_entry_dated_by_the_finest():
    timeline = _fit(
        _article("a", ("2024-05-04", "the government of Nordland collapsed", "past"), people=("Nordland",)),
        _article("b", ("2024", "the collapse of the government of Nordland", "past")),
        _article("c", ("2024-05", "the government of Nordland collapsed after protests", "past")),
    )
    assert len(timeline) == 1
    [entry] = timeline
    assert (entry.date, entry.precision, entry.sources) == ("2024-05-04", "day", ("a", "b", "c"))
    assert entry.status == "reported" and entry.event is None
    assert [s.value for s in entry.sentences] == ["2024-05-04", "2024", "2024-05"]


def test_different_happenings_and_dates_stay_apart_in_date_order():
    timeline = _fit(
        _article("a", ("2025-06-02", "the minister took office", "past"),
                 ("2024-05-04", "the government of Nordland collapsed", "past")),
        _article("b", ("2024-05-04", "floods closed the northern railway", "past")),
    )
    assert [(e.date, e.text) for e in timeline] == [
        ("2024-05-04", "the government of Nordland collapsed"),
        ("2024-05-04", "floods closed the northern railway"),
        ("2025-06-02", "the minister took office"),
    ]


def test_a_part_of_a_year_holds_only_its_months():
    early = Dated(time=0, value="2024", sentence=0, text="the collapse of the government of Nordland", mod="START")
    a = _article("a", ("2024-11-04", "the government of Nordland collapsed", "past"))
    b = Article(id="b", text="x"), ArticleAnalysis("b", "h", dated=(early,))
    assert [e.sources for e in _fit(a, b)] == [("b",), ("a",)]


def test_a_date_without_a_year_joins_an_entry_but_never_starts_one():
    timeline = _fit(
        _article("a", ("2025-10-15", "Holt visited Oslo for talks", "past"), people=("Holt",)),
        _article("b", ("XXXX-10", "Holt visited Oslo", "past"), ("XXXX-03", "Holt visited Bergen", "past"),
                 people=("Holt",)),
    )
    assert [(e.date, e.sources) for e in timeline] == [("2025-10-15", ("a", "b"))]


def test_a_bare_weekday_joins_only_a_day_that_falls_on_it():
    timeline = _fit(
        _article("a", ("2026-03-11", "Holt met Vale in Oslo", "past"), people=("Holt", "Vale")),  # a Wednesday
        _article("b", ("XXXX-WXX-3", "Holt met Vale in Oslo", "future"), people=("Holt", "Vale")),
        _article("c", ("XXXX-WXX-4", "Holt met Vale in Oslo", "future"), people=("Holt", "Vale")),
    )
    assert [e.sources for e in timeline] == [("a", "b")]


def test_a_plan_is_marked_until_a_source_reports_it_done():
    planned = _fit(_article("a", ("2026-03-11", "Holt will meet Vale", "future"), people=("Holt", "Vale")))
    assert planned[0].status == "planned"
    done = _fit(
        _article("a", ("2026-03-11", "Holt will meet Vale", "future"), people=("Holt", "Vale")),
        _article("b", ("2026-03-11", "Holt met Vale", "past"), people=("Holt", "Vale")),
    )
    assert [(e.status, e.text, e.sources) for e in done] == [("reported", "Holt met Vale", ("a", "b"))]


def test_a_line_naming_nobody_joins_its_own_article_s_happening_of_that_date():
    timeline = _fit(
        _article("a", ("2026-03-11", "Holt will hold talks with Vale", "future"),
                 ("2026-03-11", "The meeting will be held", "future", 5), people=("Holt", "Vale")),
        _article("b", ("2026-03-11", "Holt met Vale", "past"), people=("Holt", "Vale")),
    )
    assert len(timeline) == 1 and len(timeline[0].sentences) == 3


def test_entries_of_the_event_day_belong_to_the_event_and_copies_are_sources():
    a = _article("a", ("2026-03-11", "Holt met Vale", "past"), ("2024-05-04", "the government of Nordland collapsed",
                                                                 "past"), people=("Holt", "Vale"))
    b = _article("b", ("2026-03-11", "Holt met Vale in Oslo", "past"), people=("Holt", "Vale"))
    copy = _article("b-copy", ("2026-03-11", "Holt met Vale in Oslo", "past"), people=("Holt", "Vale"))
    events = [Event(id="e1", date="2026-03-11")]
    timeline = _fit(a, b, copy, article_event={"a": "e1", "b": "e1", "b-copy": "e1"}, events=events,
                    duplicate_of={"b-copy": "b"})
    assert [(e.date, e.event, e.sources) for e in timeline] == [
        ("2024-05-04", None, ("a",)),
        ("2026-03-11", "e1", ("a", "b", "b-copy")),
    ]


def test_lines_of_reports_of_one_clustered_event_merge_more_readily():
    # Two wordings that share little: one entry when the clusterer put both reports in one event,
    # two when it put them in two events of that day.
    events = [Event(id="e1", date="2026-03-11"), Event(id="e2", date="2026-03-11")]
    for first, second in [("the dockers walked out", "the dockers began a strike"),
                          ("the union called a strike", "the strike began at dawn")]:
        a = _article("a", ("2026-03-11", first, "past"))
        b = _article("b", ("2026-03-11", second, "past"))
        together = _fit(a, b, article_event={"a": "e1", "b": "e1"}, events=events)
        apart = _fit(a, b, article_event={"a": "e1", "b": "e2"}, events=events)
        assert [(e.sources, e.event) for e in together] == [(("a", "b"), "e1")]
        assert [(e.sources, e.event) for e in apart] == [(("a",), "e1"), (("b",), "e2")]


def test_participants_are_reported_as_entity_ids():
    a = _article("a", ("2026-03-11", "Holt met Vale", "past"), people=("Holt", "Vale"))
    mention_entity = {("a", m.start, m.end): "E-" + m.text for m in a[1].mentions}
    [entry] = _fit(a, mention_entity=mention_entity)
    assert sorted(entry.who) == ["E-Holt", "E-Vale"]


def test_the_same_words_on_other_days_and_months_stay_apart():
    days = [(f"2025-{m:02d}-0{d}", "the council met", "past") for m in range(1, 13) for d in (1, 2)]
    timeline = _fit(*(_article(f"a{k}", day) for k, day in enumerate(days)))
    assert [e.date for e in timeline] == [value for value, _, _ in days]
    # a month joins the one day of it that is told; a day of another month stays apart
    timeline = _fit(_article("a", ("2025-03-01", "the council met", "past")), _article("b", ("2025-03", "the council met", "past")),
                    _article("c", ("2025-04-02", "the council met", "past")))
    assert [(e.date, e.sources) for e in timeline] == [("2025-03-01", ("a", "b")), ("2025-04-02", ("c",))]


def test_reports_of_an_event_that_date_nothing_of_it_join_the_event_s_entry():
    in_event = ("a", "b", "c", "c2", "d", "e")
    timeline = _fit(
        _article("a", ("2025-03-04", "Holt met Vik in Oslo", "past"), people=("Holt", "Vik")),
        _article("b", ("2025-03-04", "Holt and Vik met in Oslo", "past"), people=("Holt", "Vik")),
        _article("c"),  # reports the meeting, dates nothing
        _article("c2"),  # a copy of c
        # its lead dates another meeting: it may report that one
        _article("d", ("XXXX-10", "Holt visited Oslo", "past")),
        # dates only background, further down
        _article("e", ("2019", "Holt took office", "past", 5)),
        _article("f"),  # another event's report
        article_event={**dict.fromkeys(in_event, "E"), "f": "F"},
        events=[Event(id="E", date="2025-03-04"), Event(id="F", date=None)],
        duplicate_of={"c2": "c"},
    )
    meeting = next(e for e in timeline if e.date == "2025-03-04")
    assert meeting.event == "E"
    assert meeting.sources == ("a", "b", "c", "c2", "e")
    # Only the lines that date it are its sentences.
    assert [s.article for s in meeting.sentences] == ["a", "b"]
    # Nothing joins an entry that is no event's.
    background = next(e for e in timeline if e.date == "2019")
    assert background.event is None and background.sources == ("e",)


def test_an_article_that_dates_the_month_keeps_its_own_place():
    timeline = _fit(
        _article("a", ("2025-03-04", "Holt met Vik in Oslo", "past"), people=("Holt", "Vik")),
        _article("b", ("2025-03", "floods closed the northern railway", "past")),
        article_event={"a": "E", "b": "E"},
        events=[Event(id="E", date="2025-03-04")],
    )
    meeting = next(e for e in timeline if e.date == "2025-03-04")
    assert meeting.sources == ("a",)


def test_empty_and_undatable():
    assert _fit() == []
    assert _fit(_article("a", ("XXXX-10", "Holt visited Oslo", "past"))) == []


@pytest.mark.slow
def test_with_embeddings_other_words_for_one_happening_merge():
    builder = TimelineBuilder().fit(
        Corpus(*zip(
            _article("a", ("2024-12-08", "the regime of Lars Vik collapsed", "past"), people=("Lars Vik",)),
            _article("b", ("2024", "the dramatic fall of Lars Vik's regime", "past"), people=("Lars Vik",)),
            _article("c", ("2024-12-08", "the central bank cut interest rates", "past")),
        ))
    )
    assert builder.embedding_used_
    assert [e.sources for e in builder.timeline_] == [("a", "b"), ("c",)]


# --- the seed reports -------------------------------------------------------------------------------


def _entry(timeline, date):
    found = [e for e in timeline if e.date == date]
    assert len(found) == 1, [(e.date, e.text) for e in timeline]
    return found[0]


@needs_seeds
@pytest.mark.slow
def test_seed_timeline(seeds_fused):
    seed_report, seed_timeline = seeds_fused, seeds_fused.timeline
    ids = {p.stem[:3]: p.stem for p in SEEDS.glob("*.txt")}
    # The collapse of the old government, told four ways at three precisions.
    collapse = _entry(seed_timeline, "2024-12-08")
    assert set(collapse.sources) == {ids["001"], ids["002"], ids["003"], ids["004"]}
    # Taking office, told by one report.
    assert _entry(seed_timeline, "2025-01-29").sources == (ids["000"],)
    # The first visit: "mid-October", "in October", "October 15", "the October 2025 talks".
    # 001 reports that visit and dates nothing: its event is dated by the reports that recall it
    # ("first face-to-face meeting ... October 15"), and it joins that event's entry.
    first = _entry(seed_timeline, "2025-10")
    assert set(first.sources) == {ids["000"], ids["001"], ids["003"], ids["004"]}
    assert first.event == seed_report.article_event[ids["001"]]
    # The second visit, the reports' own event; 001 reports the first visit and is not a source.
    second = _entry(seed_timeline, "2026-01-28")
    assert {ids["000"], ids["002"], ids["004"]} <= set(second.sources)
    assert second.event is not None and second.status == "reported"
    # 003 reports the second visit and dates nothing of it: it joins the event's entry when the
    # clusterer tells it from 001 (the first visit, no date in its lead either); when the two
    # share an event, nothing in either text can tell which visit each reports.
    event_of = seed_report.article_event
    if event_of.get(ids["003"]) == second.event != event_of.get(ids["001"]):
        assert ids["003"] in second.sources
        assert ids["001"] not in second.sources
    # Nothing from the teasers cut from 002 (dated February 10, 2025).
    assert not any(e.date.startswith("2025-02") for e in seed_timeline)
    assert [e.date for e in seed_timeline] == sorted(e.date for e in seed_timeline)


def test_an_entry_told_only_in_passing_belongs_to_the_event_it_recalls():
    # Every source reports the later visit; the line recalls the first one, which most of them
    # mention in passing and which falls in the line's month: the entry is the first visit's.
    def entry(mentioned_in, first_date):
        recalling = [_article(k, ("2025-10", "her first visit", "past")) for k in ("b1", "b2", "b3")]
        events = [
            Event(id="second", date="2026-01-28", articles=("b1", "b2", "b3")),
            Event(id="first", date=first_date, articles=("a1",), mentioned_in=tuple(mentioned_in)),
        ]
        article_event = {"b1": "second", "b2": "second", "b3": "second", "a1": "first"}
        [found] = _fit(*recalling, article_event=article_event, events=events)
        assert (found.date, found.sources) == ("2025-10", ("b1", "b2", "b3"))
        return found.event

    assert entry(["b1", "b2"], "2025-10-15") == "first"
    # recalled by a minority of the sources, or on another date, it is no event's
    assert entry(["b1"], "2025-10-15") is None
    assert entry(["b1", "b2"], "2025-09") is None


def test_the_entry_tells_a_line_that_says_what_before_a_bare_one():
    # The bare "being shot" is as typical as the line with its object, but says less.
    timeline = _fit(
        _article("a", ("2016-06-03", "Jon Hale was shot", "past"), ("2016-06-03", "being shot", "past", 4),
                 people=("Jon Hale",)),
        _article("b", ("2016-06-03", "Jon Hale was shot", "past"), ("2016-06-03", "being shot", "past", 4),
                 people=("Jon Hale",)),
        _article("c", ("2016-06-03", "being shot", "past")),
    )
    [entry] = timeline
    assert len(entry.sentences) == 5 and entry.text == "Jon Hale was shot"
