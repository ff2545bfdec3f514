"""One event's parts, the lookups report.html and the desk share: citations, contradictions, the matrix, the axis."""

from __future__ import annotations

from newsfuse.render.event import AXIS_MARGIN, AXIS_WIDTH, LABEL_UNITS, EventParts


class _Links(EventParts):
    """The parts with links of a page of its own (each page says where its links lead)."""

    def article_href(self, article_id):
        return f"#{article_id}"

    def sentence_href(self, article_id, sentence):
        return f"#{article_id}-{sentence}"


def _article(aid, outlet, event="e1", n=2):
    text = " ".join(f"Sentence {i} of {aid}." for i in range(n))
    spans, start = [], 0
    for i in range(n):
        s = f"Sentence {i} of {aid}."
        spans.append([start, start + len(s)])
        start += len(s) + 1
    return {"id": aid, "outlet": outlet, "text": text, "sentences": spans, "event": event}


def _report():
    return {
        "articles": [_article("a", "Coastline Wire"), _article("b", "Daily Post"), _article("c", "Coastline Wire")],
        "events": [{"id": "e1", "title": "Bridge opens", "articles": ["a", "b", "c"], "who": []}],
        "claims": [  # an older report: no claim names its event
            {"id": "c1", "text": "200 came", "sources": [{"article": "a", "sentence": 0}], "support": 1},
            {"id": "c2", "text": "500 came", "sources": [{"article": "b", "sentence": 1}], "support": 1},
        ],
        "contradictions": [{"claims": ["c1", "c2"], "kind": "number", "explanation": "200 against 500"}],
    }


def test_citations_follow_the_article_list_and_number_a_second_article_of_an_outlet():
    parts = _Links(_report())
    cites = parts.cites([{"article": "c", "sentence": 1}, "b", {"article": "a", "sentence": 9}, {"article": "a", "sentence": 0}])
    assert [(c["label"], c["href"], c["sentence"]) for c in cites] == [
        ("Coastline", "#a", False), ("Daily", "#b", False), ("Coastline 2", "#c-1", True)]


def test_a_contradiction_without_an_event_goes_with_its_claims_and_shows_both_sides():
    parts = _Links(_report())
    [c] = parts.contradictions("e1")
    assert c["explanation"] == "200 against 500"
    assert [(s["outlet"], s["text"], [x["label"] for x in s["cites"]]) for s in c["sides"]] == [
        ("Coastline Wire", "200 came", ["Coastline"]), ("Daily Post", "500 came", ["Daily"])]
    assert parts.contradictions(None) == []


def test_the_matrix_marks_each_outlet_carried_contradicted_or_omitted():
    data = _report()
    data["claims"].append({"id": "c3", "text": "It rained", "sources": [{"article": "z", "sentence": 0}], "event": "e1", "support": 1})
    data["articles"].append(_article("z", "Far Gazette", event="e2"))
    m = _Links(data).matrix("e1")
    assert [o["name"] for o in m["outlets"]] == ["Coastline Wire", "Daily Post", "Far Gazette"]
    states = {r["claim"]["id"]: [cell["state"] for cell in r["cells"]] for r in m["rows"]}
    assert states == {"c1": ["carried", "contradicted", "not covering"], "c2": ["contradicted", "carried", "not covering"],
                      "c3": ["omitted", "omitted", "carried"]}


def test_timeline_dates_sit_by_day_and_crowded_labels_give_way():
    entries = [{"date": d} for d in ("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-31", "2026-03-31", "garbage")]
    marks = EventParts.timeline_marks(entries)
    assert [m["date"] for m in marks] == ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-31"]
    assert marks[0]["x"] == AXIS_MARGIN and marks[-1]["x"] == AXIS_WIDTH - AXIS_MARGIN and marks[-1]["count"] == 2
    assert [(m["label"], m["row"]) for m in marks] == [(True, 0), (True, 1), (False, 1), (True, 0)]
    labelled = {}
    for m in marks:
        if m["label"]:
            assert m["x"] - labelled.get(m["row"], -LABEL_UNITS) >= LABEL_UNITS
            labelled[m["row"]] = m["x"]
    assert EventParts.timeline_marks([{"date": "2026"}, {"date": "2026-01"}])[1]["x"] == AXIS_MARGIN
