"""How two articles compare: the pair features of their profiles and the cannot-links."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsfuse.fuse.events.features import PAIR_FEATURES, cannot_link, pair_features, vectorize
from newsfuse.fuse.events.profile import build_profile
from newsfuse.model import Article, Mention, TimeValue
from tests.fuse.events.builders import analysis_of, one_sentence, visit


def test_the_pair_features_have_one_column_per_named_feature_and_copies_score_highest():
    rows = [visit("a", "first"), visit("b", "first"), visit("c", "second")]
    v = vectorize([build_profile(a, x) for a, x in rows], None)
    f = pair_features(v, np.array([0, 0]), np.array([1, 2]))
    assert f.shape == (2, len(PAIR_FEATURES))
    body = PAIR_FEATURES.index("body")
    assert f[0, body] >= f[1, body] and f[0, body] > 0.99
    assert np.all(f[:, PAIR_FEATURES.index("embedding")] == 0)  # no embeddings given


def test_same_kind_of_event_on_other_dates_and_places_scores_lower():
    text = "gunman shoot two man outside bar police say suspect flee"
    a = Article(id="a", text=text, published="2016-03-05")
    b = Article(id="b", text=text, published="2016-03-06")
    c = Article(id="c", text=text, published="2017-09-20")
    place = {"a": "Dayton", "b": "Dayton", "c": "Tulsa"}
    analyses = [
        analysis_of(x, [Mention(0, 6, place[x.id], "GPE", 0)], [TimeValue(0, 6, "Saturday", "DATE", x.published, sentence=0)])
        for x in (a, b, c)
    ]
    v = vectorize([build_profile(x, y) for x, y in zip((a, b, c), analyses)], None)
    f = pair_features(v, np.array([0, 0]), np.array([1, 2]))
    near, far, clash = (PAIR_FEATURES.index(n) for n in ("near", "far_apart", "place_clash"))
    assert f[0, near] == 1 and f[1, near] == 0
    assert f[0, far] == 0 and f[1, far] == 1
    assert f[0, clash] == 0 and f[1, clash] == 1


def test_cannot_link_pairs_that_count_one_kind_of_event_differently():
    rows = [visit("a", "first"), visit("b", "second"), visit("c", "second")]
    v = vectorize([build_profile(a, x) for a, x in rows], None)
    assert list(cannot_link(v, np.array([0, 0, 1]), np.array([1, 2, 2]))) == [True, True, False]


def test_leads_counting_one_thing_differently_clash_unless_a_text_gives_the_others_count():
    text = {
        "a": "The navy captured 23 pirates in the gulf.",
        "b": "The navy captured 26 pirates in the gulf.",
        "c": "The navy said it captured 23 pirates. Earlier reports said 26 pirates.",
        "d": "The navy captured pirates in the gulf.",
    }
    profiles = [build_profile(Article(id=k, text=t), one_sentence(t)) for k, t in text.items()]
    v = vectorize(profiles, None)
    column = PAIR_FEATURES.index("count_clash")
    f = pair_features(v, np.array([0, 1, 0]), np.array([1, 2, 3]))[:, column]
    assert f.tolist() == [1.0, 0.0, 0.0]


def test_an_undated_report_naming_only_years_long_before_the_others_is_older_news():
    def row(aid, published, year_values):
        text = "quake strike island on Sunday " + " ".join(f"in {y}" for y in year_values)
        times = [TimeValue(0, 6, "Sunday", "DATE", "XXXX-WXX-7", sentence=0)]
        times += [TimeValue(0, 4, y, "DATE", y, sentence=0) for y in year_values]
        article = Article(id=aid, text=text, published=published)
        return build_profile(article, analysis_of(article, times=times))

    v = vectorize(
        [row("dated", "2012-07-07", []), row("old", None, ["2001", "2005"]), row("recent", None, ["2011", "2012"]),
         row("yearless", None, []), row("dated-old", "2005-03-01", ["2001"])],
        None,
    )
    column = PAIR_FEATURES.index("older_news")
    f = pair_features(v, np.array([0, 0, 0, 0, 1]), np.array([1, 2, 3, 4, 2]))[:, column]
    # two dated or two undated articles, or an undated one without a year, say nothing
    assert f.tolist() == [1.0, 0.0, 0.0, 0.0, 0.0]


def test_leads_naming_different_weekdays_clash():
    def row(aid, day, value):
        text = f"fire destroy church on {day}"
        article = Article(id=aid, text=text)
        times = [TimeValue(text.index(day), len(text), day, "DATE", value, sentence=0)] if day else []
        return build_profile(article, analysis_of(article, times=times))

    # a resolved date counts by its weekday (2009-03-03 was a Tuesday)
    v = vectorize([row("a", "Friday", "XXXX-WXX-5"), row("b", "Tuesday", "2009-03-03"), row("c", "Friday", "XXXX-WXX-5"),
                   row("d", "", "")], None)
    column = PAIR_FEATURES.index("weekday_clash")
    f = pair_features(v, np.array([0, 0, 0]), np.array([1, 2, 3]))[:, column]
    assert f.tolist() == [1.0, 0.0, 0.0]


def test_weekdays_of_two_dated_reports_are_left_to_their_dates():
    # A follow-up names the day of the arrest, the first report the day of the shooting: both are
    # dated, so the dates, not the weekday names, say whether they are days apart.
    def row(aid, published, day, value):
        text = f"man shot outside bar on {day}"
        article = Article(id=aid, text=text, published=published)
        times = [TimeValue(text.index(day), len(text), day, "DATE", value, sentence=0)]
        return build_profile(article, analysis_of(article, times=times))

    v = vectorize([row("a", "2016-03-06", "Saturday", "2016-03-05"), row("b", "2016-03-09", "Tuesday", "2016-03-08"),
                   row("c", None, "Tuesday", "XXXX-WXX-2")], None)
    column = PAIR_FEATURES.index("weekday_clash")
    f = pair_features(v, np.array([0, 0]), np.array([1, 2]))[:, column]
    assert f.tolist() == [0.0, 1.0]


def test_a_person_both_name_in_full_links_them_the_more_the_fewer_reports_name_them():
    def report(aid: str, names: tuple[str, ...]) -> tuple[Article, object]:
        text = "Police said " + " and ".join(names) + " were at the scene."
        article = Article(id=aid, text=text)
        mentions = [Mention(text.index(n), text.index(n) + len(n), n, "PERSON", 0) for n in names]
        return article, analysis_of(article, mentions)

    rows = [
        report("shot", ("Jamyha Luss", "Steve Marino")),
        report("charged", ("Jamyha Luss", "Steve Marino")),
        report("other", ("Steve Marino",)),
        report("surname", ("Luss",)),
        report("spokesman", ("Steve Marino", "Dana Cole")),
    ]
    v = vectorize([build_profile(a, x) for a, x in rows], None)
    column = PAIR_FEATURES.index("same_person")
    f = pair_features(v, np.array([0, 0, 0, 2]), np.array([1, 3, 4, 4]))[:, column]
    # the victim, named in full by two reports; a surname alone is no evidence; a name four reports give, half
    assert f.tolist() == [1.0, 0.0, 0.5, 0.5]


def test_a_person_both_reports_quote_is_a_source_not_evidence_of_one_event():
    from newsfuse.model import QuoteSpan

    def report(aid: str, quoted: bool) -> tuple[Article, object]:
        text = 'Marta Quintela said "the port lost a week of exports" after the strike.'
        article = Article(id=aid, text=text)
        quotes = (QuoteSpan(16, 47, "the port lost a week of exports", "Marta Quintela", 0, 14),) if quoted else ()
        analysis = analysis_of(article, [Mention(0, 14, "Marta Quintela", "PERSON", 0)])
        return article, replace(analysis, quotes=quotes)

    rows = [report("october", True), report("march", True), report("named", False)]
    v = vectorize([build_profile(a, x) for a, x in rows], None)
    column = PAIR_FEATURES.index("same_person")
    f = pair_features(v, np.array([0, 0]), np.array([1, 2]))[:, column]
    # quoted by both: no evidence; quoted by one and named by the other (a victim's mother, say): evidence
    assert f[0] == 0.0 and f[1] > 0
