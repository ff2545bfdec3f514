"""Quotes: each layout with its speaker, a pinned floor on our annotated fixtures, and the seeds."""

from __future__ import annotations

import json

import pytest

from newsfuse.eval.align import gold_quote_span, gold_quote_words, overlap_match
from newsfuse.eval.align import same_speaker as same_source
from newsfuse.model import ArticleAnalysis, Mention, QuoteSpan, from_dict, to_dict
from newsfuse.nlp.analyze import NAMED_LABELS
from newsfuse.nlp.speech.quotes import find_quotes
from tests.conftest import SEEDS, TEST_DATA, needs_seeds

FIXTURE = TEST_DATA / "quotes" / "quotes.json"
# Floors on tests/data/quotes/quotes.json (25 articles, 66 quotes: 64 before a naming holding a quotation counted
# as reported speech too, 69 before a quotation interrupted by
# its cue counted as one, 2026-12-07). Measured 2026-05: quote
# P/R 1.00/1.00, speaker P/R 1.00/1.00 (docs/quality.md, where the blind half's first score and
# spot checks on real news are too); the floors allow two or three misses before failing.
FLOOR_QUOTE_P = 0.96
FLOOR_QUOTE_R = 0.96
FLOOR_SPEAKER_P = 0.94
FLOOR_SPEAKER_R = 0.94


# -- scoring (also used by test_claims) ------------------------------------------------------


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def analyse(nlp, text: str):
    doc = nlp(text)
    mentions = tuple(Mention(e.start_char, e.end_char, e.text, e.label_, 0) for e in doc.ents if e.label_ in NAMED_LABELS)
    return doc, mentions


def score_quotes(nlp, articles) -> dict[str, float]:
    """Quote detection and speaker precision/recall over the annotated articles."""
    n_gold = n_pred = n_match = n_speaker = 0
    misses = []
    for article in articles:
        text = article["text"]
        doc, mentions = analyse(nlp, text)
        predicted = find_quotes(doc, mentions)
        gold_spans = [gold_quote_span(text, g) for g in article["quotes"]]
        matched = overlap_match(gold_spans, [(q.start, q.end) for q in predicted])
        n_gold += len(gold_spans)
        n_pred += len(predicted)
        n_match += len(matched)
        for i, g in enumerate(article["quotes"]):
            j = matched.get(i)
            if j is not None and same_source(g["speaker"], predicted[j].speaker_text):
                n_speaker += 1
            else:
                misses.append((article["id"], gold_quote_words(g)[:40], None if j is None else predicted[j].speaker_text))
    return {
        "quote_p": ratio(n_match, n_pred),
        "quote_r": ratio(n_match, n_gold),
        "speaker_p": ratio(n_speaker, n_pred),
        "speaker_r": ratio(n_speaker, n_gold),
        "gold": n_gold,
        "predicted": n_pred,
        "misses": misses,
    }


def test_scoring_helpers():
    assert overlap_match([(0, 10), (20, 30)], [(21, 30), (0, 4), (2, 10)]) == {0: 2, 1: 0}
    assert same_source("Vladimir Putin", "Putin") and same_source("The transport ministry", "transport ministry")
    assert not same_source("Putin", "Peskov") and not same_source("Putin", None)


# -- layouts, with the parse -----------------------------------------------------------------


def _quotes(nlp, text: str) -> list[QuoteSpan]:
    doc, mentions = analyse(nlp, text)
    return list(find_quotes(doc, mentions))


def _direct(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_text) for q in _quotes(nlp, text) if q.kind == "direct"]


def _reported(nlp, text: str, cue: bool = False) -> list[tuple]:
    """(text, speaker) of each reported clause, with its cue when ``cue``."""
    return [(q.text, q.speaker_text, q.cue) if cue else (q.text, q.speaker_text)
            for q in _quotes(nlp, text) if q.kind == "indirect"]


@pytest.mark.slow
def test_said_after_and_before_the_quote(nlp):
    assert _direct(nlp, '"We will win," Anna Novak said on Sunday.') == [("We will win", "Anna Novak")]
    assert _direct(nlp, "Anna Novak said: “We will win.”") == [("We will win.", "Anna Novak")]
    assert _direct(nlp, "“We will win,” said Anna Novak, adding that the team was ready.") == [("We will win", "Anna Novak")]


@pytest.mark.slow
def test_a_quotation_interrupted_by_its_cue_is_one_quote(nlp):
    (q,) = _quotes(nlp, '"We will win," Anna Novak said on Sunday. "The team is ready."')
    assert (q.text, q.speaker_text) == ("We will win … The team is ready.", "Anna Novak")
    assert q.pieces == ((1, 12), (43, 61))
    assert _direct(nlp, '“We will win,” Anna Novak said, “because the team is ready.”') == [
        ("We will win … because the team is ready.", "Anna Novak")]
    # A second cue makes a second quote; so does a new paragraph.
    assert _direct(nlp, '"We will win," Anna Novak said. "The team is ready," she added.') == [
        ("We will win", "Anna Novak"), ("The team is ready", "Anna Novak")]
    assert len(_direct(nlp, '"We will win," Anna Novak said.\n\n"The team is ready."')) == 2
    # A participle on the speaker tells more of the same cue ("speaking of …") and cues nothing itself.
    assert _direct(nlp, '"These guys know how to use words," said John Sherman, speaking of politicians, '
                        '"and leave themselves a little wiggle room."') == [
        ("These guys know how to use words … and leave themselves a little wiggle room.", "John Sherman")]


@pytest.mark.slow
def test_an_aside_between_the_speaker_and_the_cue(nlp):
    assert _direct(nlp, 'Clinton, exasperated, responded: "What difference does it make?" Her critics cited it.') == [
        ("What difference does it make?", "Clinton")]


@pytest.mark.slow
def test_dash_opened_quote_takes_the_speaker_after_it(nlp):
    text = "The talks lasted two hours.\n\n— “Our countries are close friends,” Karl Weber said."
    assert _direct(nlp, text) == [("Our countries are close friends", "Karl Weber")]


@pytest.mark.slow
def test_pronoun_speaker_resolves_to_the_person_before(nlp):
    text = "Senator Joan Ellis spoke after the vote. “This is a good day,” she said."
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert (q.speaker_text, q.speaker_ref) == ("Joan Ellis", "she")
    assert text[q.speaker_start : q.speaker_end] == "Joan Ellis"


@pytest.mark.slow
def test_description_resolves_by_its_titles(nlp):
    text = (
        "French President Paul Marin met German Chancellor Eva Brandt in Berlin. "
        "“We agree on the budget,” said the German leader."
    )
    (q,) = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker_text == "Eva Brandt" and q.speaker_ref == "the German leader"


@pytest.mark.slow
def test_partial_quote_speaker_is_the_subject_of_the_governing_verb(nlp):
    text = "Mayor Ines Duarte called the new stadium “a gift to the whole city.”"
    assert _direct(nlp, text) == [("a gift to the whole city.", "Ines Duarte")]


@pytest.mark.slow
def test_apposition_gives_the_person_not_the_organisation(nlp):
    text = "German Foreign Ministry spokeswoman Lena Koch stated that the embassy would stay open."
    (q,) = _quotes(nlp, text)
    assert (q.kind, q.cue, q.speaker_text) == ("indirect", "state", "Lena Koch")
    assert q.text == "the embassy would stay open"


@pytest.mark.slow
def test_indirect_speech_cues(nlp):
    found = _quotes(nlp, "According to Reuters, the talks were postponed. Police said two men were arrested.")
    assert [(q.kind, q.cue, q.speaker_text, q.text) for q in found] == [
        ("indirect", "according to", "Reuters", "the talks were postponed"),
        ("indirect", "say", "Police", "two men were arrested"),
    ]
    assert _quotes(nlp, "The minister did not say that the plan was dead.") == []
    # A question is reported by verbs of asking and explaining, and reads as one.
    assert [(q.cue, q.speaker_text, q.text) for q in _quotes(nlp, "Reporters asked whether the plan was dead.")] == [
        ("ask", "Reporters", "whether the plan was dead")]


@pytest.mark.slow
def test_titles_nicknames_and_scare_quotes_are_not_quotes(nlp):
    text = 'The film "Dark Water" opened in the so-called "arts quarter" last week.'
    assert _quotes(nlp, text) == []
    assert _direct(nlp, "Josue ‘Joshua’ Guzman, 15, was found in the park on Sunday.") == []


@pytest.mark.slow
def test_pronoun_prefers_the_subject_of_a_main_clause(nlp):
    text = "Ann Lee said Dana Cole was generous. “I will miss her,” she said."
    assert _direct(nlp, text) == [("I will miss her", "Ann Lee")]


@pytest.mark.slow
def test_organisation_pronoun_and_quoted_as_saying(nlp):
    found = _quotes(nlp, "The airline cancelled 300 flights. It said that passengers would get refunds.")
    assert [(q.text, q.speaker_text, q.speaker_ref) for q in found] == [
        ("passengers would get refunds", "The airline", "It")
    ]
    (q,) = _quotes(nlp, "Spokesman Isaac Mwangi was quoted as saying that the talks had failed.")
    assert (q.speaker_text, q.text) == ("Isaac Mwangi", "the talks had failed")


def test_analysis_with_quotes_round_trips():
    quote = QuoteSpan(3, 9, "We won", "Ann Lee", 12, 19, "direct", "say", 0, "she")
    analysis = ArticleAnalysis(article_id="a", content_hash="h", quotes=(quote,))
    assert from_dict(ArticleAnalysis, json.loads(json.dumps(to_dict(analysis)))) == analysis


# -- quality on our annotated fixtures --------------------------------------------------------


@pytest.mark.slow
def test_quote_quality_floor(nlp):
    articles = json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]
    s = score_quotes(nlp, articles)
    print(
        f"\nquotes: gold {s['gold']} predicted {s['predicted']} "
        f"P {s['quote_p']:.3f} R {s['quote_r']:.3f}; speaker P {s['speaker_p']:.3f} R {s['speaker_r']:.3f}"
    )
    for miss in s["misses"]:
        print("  miss:", miss)
    assert s["quote_p"] >= FLOOR_QUOTE_P and s["quote_r"] >= FLOOR_QUOTE_R
    assert s["speaker_p"] >= FLOOR_SPEAKER_P and s["speaker_r"] >= FLOOR_SPEAKER_R


# -- the seed reports -----------------------------------------------------------------------

# Every direct quotation in ../shared/seeds: (file stem, words from the quote, its speaker).
SEED_QUOTES = [
    ("000_f7b9fb23c4114c27", "plan to discuss the state and prospects", "Kremlin"),
    ("000_f7b9fb23c4114c27", "to restart the entire complex of relations", "Ahmed al-Sharaa"),
    ("000_f7b9fb23c4114c27", "are connected by solid bridges of cooperation", "Ahmed al-Sharaa"),
    ("001_12b1d7691e41a902", "Special, friendly relations have developed", "Putin"),
    ("001_12b1d7691e41a902", "Hundreds, perhaps thousands of people", "Putin"),
    ("001_12b1d7691e41a902", "The election results are an important step", "Vladimir Putin"),
    ("001_12b1d7691e41a902", "a key partner in rebuilding the new Syria", "Ahmad al-Sharaa"),
    ("001_12b1d7691e41a902", "a possible reconfiguration of the functions", "Maria Zakharova"),
    ("001_12b1d7691e41a902", "on humanitarian grounds", "Moscow"),
    ("002_fd27662df4f2f4bd", "You know that we always stood for the restoration", "Vladimir Putin"),
    ("004_7b1bc22cdb14519c", "friendly", "Putin"),
    ("004_7b1bc22cdb14519c", "sovereignty, territorial integrity, and security stability", "Sharaa"),
]


@pytest.fixture(scope="module")
def seed_quotes(nlp):
    from newsfuse.config import load_config
    from newsfuse.ingest.inputs import read_inputs

    articles, _ = read_inputs([SEEDS], load_config(jobs=1, progress="never"))
    out = {}
    for article in articles:
        doc, mentions = analyse(nlp, article.text)
        out[article.id] = [q for q in find_quotes(doc, mentions) if q.kind == "direct"]
    return out


@needs_seeds
@pytest.mark.slow
def test_every_seed_quotation_is_found_with_its_speaker(seed_quotes):
    for stem, words, speaker in SEED_QUOTES:
        found = [q for q in seed_quotes[stem] if words in q.text]
        assert len(found) == 1, (stem, words, [q.text for q in seed_quotes[stem]])
        assert same_source(speaker, found[0].speaker_text), (stem, words, found[0].speaker_text)
    # No other direct quotations: nothing in the seeds is quoted without being listed above.
    assert sum(len(v) for v in seed_quotes.values()) == len(SEED_QUOTES)


@needs_seeds
@pytest.mark.slow
def test_seed_dash_opened_quote(seed_quotes):
    (q,) = [q for q in seed_quotes["001_12b1d7691e41a902"] if q.text.startswith("Special, friendly")]
    assert q.text.endswith("in the interests of your people")
    assert (q.speaker_text, q.cue) == ("Putin", "say")


@pytest.mark.slow
def test_blind_set_repairs(nlp):
    # A name the tagger calls ORG is a person after a lower-case role or before a role in apposition.
    doc, mentions = analyse(nlp, "Chief executive Helena Marsh said the firm had no choice.\n\n"
                                 "\"We cannot run a factory on goodwill,\" she said.")
    direct = [q for q in find_quotes(doc, mentions) if q.kind == "direct"]
    assert [(q.speaker_text, q.speaker_ref) for q in direct] == [("Helena Marsh", "she")]
    # A partial quote inside reported speech is the reporter's, not the reported clause's subject's.
    doc, mentions = analyse(nlp, "Police Chief Angela Moreno claimed officers were responding to "
                                 "“a small number of violent individuals”, but video shows a calm crowd.")
    (partial,) = [q for q in find_quotes(doc, mentions) if q.kind == "direct"]
    assert partial.speaker_text == "Angela Moreno"
    # "…, citing X" says how the source spoke, not what it said; a lower-case "name" is no speaker.
    doc, mentions = analyse(nlp, "The coalition said four people had been killed, citing hospital staff.")
    (reported,) = find_quotes(doc, mentions)
    assert reported.text == "four people had been killed"
    doc, mentions = analyse(nlp, "The mayor won by 204 votes, the secretary of state's office said on Thursday.")
    assert [q.speaker_text for q in find_quotes(doc, mentions)] == ["the secretary of state's office"]


@pytest.mark.slow
def test_a_speaker_that_is_no_agent_is_left_unattributed(nlp):
    # A thing, an unresolved pronoun and a work's title say nothing themselves.
    assert _direct(nlp, "“Taxes will rise for every family,” the advertisement says.") == [
        ("Taxes will rise for every family", None)]
    said = [q for q in _quotes(nlp, "The river flooded again. “We lost everything in one night,” we were told.")]
    assert all(q.speaker_text is None for q in said)
    kept = _direct(nlp, "“The vote was fair,” the spokeswoman said. “We counted twice,” officials said.")
    assert [s for _, s in kept] == ["the spokeswoman", "officials"]


@pytest.mark.slow
def test_the_dateline_is_never_the_speaker(nlp):
    # A clause whose subject the parser finds only in the dateline: the outlet filed it, it did not say it.
    text = "BERLIN (Reuters) — told reporters that the talks went well."
    doc, mentions = analyse(nlp, text)
    assert [q.speaker_text for q in find_quotes(doc, mentions)] == ["Reuters"]
    assert [q.speaker_text for q in find_quotes(doc, mentions, dateline=(0, 18))] == [None]



@pytest.mark.slow
def test_a_line_opening_with_a_name_and_a_colon_is_their_statement(nlp):
    headline = "Graham: Trump’s Rhetoric Is Destroying the Party’s Chance\n\nOn Thursday, Lindsey Graham spoke."
    assert [(q.text, q.speaker_text, q.cue) for q in _quotes(nlp, headline)][:1] == [
        ("Trump’s Rhetoric Is Destroying the Party’s Chance", "Graham", ":")]
    transcript = "The debate was heated. Mike Pence answered first.\nPENCE: Well, that is not what the record shows at all."
    assert [(q.text, q.speaker_text) for q in _quotes(nlp, transcript) if q.cue == ":"] == [
        ("Well, that is not what the record shows at all.", "PENCE")]
    # A surname the tagger leaves untagged in a headline, of a person the article names in full.
    untagged = "Lynch: No outside influence on FBI probe into emails\n\nAttorney General Loretta Lynch said on Tuesday."
    assert [(q.speaker_text, q.cue) for q in _quotes(nlp, untagged)][:1] == [("Lynch", ":")]
    labels = "Update: The talks were delayed until Monday.\n10:22 p.m.: Results are in from Ohio now."
    assert [q for q in _quotes(nlp, labels) if q.cue == ":"] == []
    contact = "The council met on Monday.\nAnna Novak: anovak@example.com or 555-0100.\nRELATED ARTICLES: Council Votes on Harbour Plan Tonight"
    assert [q for q in _quotes(nlp, contact) if q.cue == ":"] == []
    doc, _ = analyse(nlp, "RELATED ARTICLES: Toledo man sentenced to 11 years in prison for robbery")
    tagged = (Mention(0, 16, "RELATED ARTICLES", "PERSON", 0),)  # as the tagger can read a page label
    assert [q for q in find_quotes(doc, tagged) if q.cue == ":"] == []


@pytest.mark.slow
def test_requests_promises_and_namings_are_reported_speech(nlp):
    assert _reported(nlp, cue=True, text="Anna Novak called for a ban on new coal plants.") == [("a ban on new coal plants", "Anna Novak", "call")]
    assert _reported(nlp, cue=True, text="Karl Weber urged voters to stay at home.") == [("voters to stay at home", "Karl Weber", "urge")]
    assert _reported(nlp, cue=True, text="Anna Novak pledged to cut the budget.") == [("to cut the budget", "Anna Novak", "pledge")]
    assert _reported(nlp, cue=True, text="Karl Weber called the plan a disaster.") == [("the plan a disaster", "Karl Weber", "call")]
    assert _reported(nlp, cue=True, text="Karl Weber called her on Monday.") == []  # a telephone call says nothing


@pytest.mark.slow
def test_noun_phrase_topic_question_and_noun_contents_are_reported_speech(nlp):
    assert _reported(nlp, cue=True, text="Anna Novak cited rising rents.") == [("rising rents", "Anna Novak", "cite")]
    assert _reported(nlp, cue=True, text="Karl Weber described the plan as a disaster.") == [("the plan as a disaster", "Karl Weber", "describe")]
    assert _reported(nlp, cue=True, text="Anna Novak spoke of the legacy of the strike.") == [("the legacy of the strike", "Anna Novak", "speak")]
    assert _reported(nlp, cue=True, text="Karl Weber explained why he backs the plan.") == [("why he backs the plan", "Karl Weber", "explain")]
    assert _reported(nlp, cue=True, text="Anna Novak pointed out that the budget had grown.") == [("the budget had grown", "Anna Novak", "point")]
    assert _reported(nlp, cue=True, text="The council rejected Karl Weber's claim that the budget had grown.") == [
        ("the budget had grown", "Karl Weber", "claim")]
    # An object that only stands for the content, a pointed gun, a claim without its owner: nothing.
    assert _reported(nlp, cue=True, text="Anna Novak cited it as an example.") == []
    assert _reported(nlp, cue=True, text="Karl Weber described the scene.") == []
    assert _reported(nlp, cue=True, text="Karl Weber pointed his camera at the crowd.") == []
    assert _reported(nlp, cue=True, text="The council rejected the claim that the budget had grown.") == []
    # A question the speaker would not answer reports nothing.
    assert _reported(nlp, cue=True, text="Karl Weber did not say whether the plan would pass.") == []


@pytest.mark.slow
def test_a_clause_holding_a_partial_quotation_is_reported_speech_with_it(nlp):
    # A participle's clause is its own, not an "as" aside that attributes a quote found already.
    adding = "Lena Ortiz spoke at the harbour, adding that the council would hold “open hearings” soon."
    assert _reported(nlp, cue=True, text=adding) == [("the council would hold “open hearings” soon", "Lena Ortiz", "add")]
    assert _reported(nlp, cue=True, text="Tom Berg called the harbour plan “a costly mistake.”") == [
        ("the harbour plan “a costly mistake.”", "Tom Berg", "call")]
    # The quoted words alone are still the direct quote.
    assert [q.text for q in _quotes(nlp, adding) if q.kind == "direct"] == ["open hearings"]


@pytest.mark.slow
def test_requests_keep_their_addressee_and_consent_is_a_promise(nlp):
    assert _reported(nlp, cue=True, text="Tom Berg called upon the mayor to reopen the ferry line.") == [
        ("the mayor to reopen the ferry line", "Tom Berg", "call")]
    assert _reported(nlp, cue=True, text="Lena Ortiz agreed to fund the ferry line for two more years.") == [
        ("to fund the ferry line for two more years", "Lena Ortiz", "agree")]
    assert _reported(nlp, cue=True, text="Lena Ortiz agreed with the ferry captains.") == []


@pytest.mark.slow
def test_a_clause_before_an_inverted_cue_is_reported_speech(nlp):
    text = "In the old port, the shipyard is hiring again, but it is short of welders, said the yard's owner, Ines Moreau."
    found = [(q.text, q.speaker_text) for q in _quotes(nlp, text) if q.kind == "indirect"]
    assert found == [("In the old port, the shipyard is hiring again, but it is short of welders", "Ines Moreau")]


@pytest.mark.slow
def test_a_participle_clause_keeps_its_own_subject(nlp):
    text = "Hugo Lind said he had received many letters, some of them praising the new ferry timetable."
    found = [(q.text, q.speaker_text) for q in _quotes(nlp, text) if q.kind == "indirect"]
    assert ("he had received many letters, some of them praising the new ferry timetable", "Hugo Lind") in found


@pytest.mark.slow
def test_a_quotation_carried_on_after_a_long_inverted_cue_is_one_quote(nlp):
    text = "Voters were split.\n\n“The ferry is late again,” said Ines Moreau, 41, of Jacksonville, Fla. “We need a new timetable.”"
    assert _direct(nlp, text) == [("The ferry is late again … We need a new timetable.", "Ines Moreau")]
    # Another sentence between the two parts: the second takes its own speaker, not the first's.
    other = "“We won,” said Ana Ruiz. Then Tom Berg shrugged. “Not yet.”"
    assert _direct(nlp, other) == [("We won", "Ana Ruiz"), ("Not yet.", "Tom Berg")]


@pytest.mark.slow
def test_gerund_contents_and_that_clauses_after_an_addressee_are_reported_speech(nlp):
    assert _reported(nlp, cue=True, text="In May, Lena Ortiz proposed extending the ferry line to the islands.") == [
        ("extending the ferry line to the islands", "Lena Ortiz", "propose")]
    # "that" read as a wh-word does not make the clause a question.
    assert _reported(nlp, cue=True, text="Tom Berg admitted to the council that, looking back, what he signed was a bad deal.") == [
        ("looking back, what he signed was a bad deal", "Tom Berg", "admit")]
    assert _reported(nlp, cue=True, text="Tom Berg did not say whether the ferry would run.") == []


@pytest.mark.slow
def test_refused_and_only_possible_speech_reports_nothing(nlp):
    text = "Lena Ortiz said the owners had refused to put in writing a pledge that the ferry would keep running."
    found = [(q.text, q.speaker_text) for q in _quotes(nlp, text) if q.kind == "indirect"]
    assert found == [("the owners had refused to put in writing a pledge that the ferry would keep running", "Lena Ortiz")]
    assert [q for q in _quotes(nlp, "Tom Berg declined to say that the ferry was sold.") if q.kind == "indirect"] == []
    assert [q for q in _quotes(nlp, "Tom Berg may announce that the ferry will be sold.") if q.kind == "indirect"] == []


@pytest.mark.slow
def test_words_of_the_quotation_are_never_its_speaker(nlp):
    text = ("The vote was close. ''My neighbours, whoever they voted for, all of them,'' Mr. Okafor, the council "
            "member, said, ''tell me the same thing about the bridge.''")
    speakers = {q.speaker_text for q in _quotes(nlp, text) if q.kind == "direct"}
    assert speakers and "My neighbours" not in speakers
    assert any(s and "Okafor" in s for s in speakers)


@pytest.mark.slow
def test_the_speaker_after_an_inverted_cue_whatever_the_parse_hangs_it_on(nlp):
    # The quote's own words are the verb's first subject; the name after the verb is its speaker.
    text = ('The port was busy. "Anybody who crosses the mayor, it\'s like buyer beware," said Lena Ortiz, '
            "who has known him since the 1990s and worked with him for years.")
    assert _direct(nlp, text) == [("Anybody who crosses the mayor, it's like buyer beware", "Lena Ortiz")]
    # The name is hung on the second part's verb.
    text = ('The city is growing. "The risk," said Hugo Lind, an economist who is the director of the Harbour '
            'Forecast, "is that the ferries leave."')
    assert _direct(nlp, text) == [("The risk … is that the ferries leave.", "Hugo Lind")]


@pytest.mark.slow
def test_a_name_in_apposition_with_a_person_noun_is_that_person(nlp):
    # The tagger reads "Will Estrada" as a work of art; the apposition says it is someone who speaks.
    text = '"We need a new timetable," Will Estrada, the chairman of the harbour board, said of the meeting.'
    assert _direct(nlp, text) == [("We need a new timetable", "Will Estrada")]
    # A name the tagger missed is the person, not the party named in its apposition.
    text = "Reince Priebus, the GOP chairman, this past week announced the creation of a website to explain the timetable."
    assert [q.speaker_text for q in _quotes(nlp, text) if q.kind == "indirect"] == ["Reince Priebus"]


@pytest.mark.slow
def test_a_name_the_parser_reads_as_a_compound_of_its_cue_speaks(nlp):
    # "Conway notes" read as a plural noun with a compound: the name is the cue's subject.
    text = '"Look at the statement Mr. Hale put out after the Dover floods," Conway notes. "It was very different in tone."'
    assert [s for _, s in _direct(nlp, text)] == ["Conway"]


@pytest.mark.slow
def test_phrasal_verbs_of_speech_cue_a_quotation(nlp):
    assert _direct(nlp, '"The ferry is never late," Ana Ruiz shot back with a laugh.') == [("The ferry is never late", "Ana Ruiz")]


@pytest.mark.slow
def test_a_reported_clause_runs_on_past_a_partial_quotation_closed_inside_it(nlp):
    text = 'Lena Ortiz told reporters that the fares could be "far too high," and have been rising for years.'
    assert _reported(nlp, text) == [('the fares could be "far too high," and have been rising for years', "Lena Ortiz")]
    # Without a closing mark, what follows is the reporter's: "and left the room" was not said.
    assert _reported(nlp, "Tom Berg said he was tired, and left the room.") == [("he was tired", "Tom Berg")]
    # A predicate with a shifted modal and no subject of its own goes on with what was said.
    assert _reported(nlp, "Lena Ortiz said she hoped to win the seat back, and then would push for lower fares.") == [
        ("she hoped to win the seat back, and then would push for lower fares", "Lena Ortiz")]
    # A condition or concession that opens the reported clause is reported with it.
    assert _reported(nlp, "The governor said if the bill passes, he will veto it.") == [
        ("if the bill passes, he will veto it", "The governor")]
    # A cue set off by commas inside its clause: the clause's end, which the parser hung on the cue, is
    # said too; a time right after the cue, with no comma, says when it was said.
    assert _reported(nlp, "The argument would be aided, Lena Ortiz said, by the upcoming primary calendar.") == [
        ("The argument would be aided, Lena Ortiz said, by the upcoming primary calendar", "Lena Ortiz")]
    assert _reported(nlp, "The plan will fail, Lena Ortiz said on Tuesday.") == [("The plan will fail", "Lena Ortiz")]
    # "told CNN" in an aside: the hearer is no content, and the clause around the aside is reported.
    text = "Instead, Tom Berg told reporters, the plan would be to sell the ferry if he wins the vote."
    assert _reported(nlp, text) == [("the plan would be to sell the ferry if he wins the vote", "Tom Berg")]


@pytest.mark.slow
def test_a_name_and_a_colon_after_a_dash_signs_the_quote(nlp):
    # A digest's signed quote; the cue of the next sentence ("Polls disagree") is not its speaker.
    text = "The race has been close in the Midwest - Hillary Clinton: “We will win Ohio. Then we win the rest.” Polls disagree."
    assert _direct(nlp, text) == [("We will win Ohio. Then we win the rest.", "Hillary Clinton")]


@pytest.mark.slow
def test_speakers_named_through_a_relative_clause_or_a_statement(nlp):
    # "who" stands for the name it describes.
    text = "''Fares are up a little,'' said Mr. Ekovich, who noted that ferry prices had fallen by half."
    assert ("ferry prices had fallen by half", "Ekovich") in _reported(nlp, text)
    # Whoever issued the statement says what it says.
    text = 'On Saturday, Tom Berg issued a statement saying that the ferry was "a remarkable boat and a fine ship."'
    assert [q.speaker_text for q in _quotes(nlp, text) if q.kind == "direct"] == ["Tom Berg"]
    # An untagged name in apposition with "supporter" is that person, not the name inside the apposition.
    text = "He also worked at the port. Simmons, an Obama supporter, said he saw the shift in his own family."
    assert _reported(nlp, text) == [("he saw the shift in his own family", "Simmons")]


@pytest.mark.slow
def test_answers_and_questions_put_to_someone_name_no_speaker(nlp):
    # `"…." Others disagreed.` answers the quote, which is the statement's named before it; "when asked" is said to someone.
    text = "After the attacks, Tom Berg issued a statement. “Our city was attacked last night. It was the worst attack.” Others disagreed."
    assert _direct(nlp, text) == [("Our city was attacked last night. It was the worst attack.", "Tom Berg")]
    text = "When Trump used the words, “I’m not quite there yet,” he was echoing Ryan, who used the same words when asked in May if he would endorse Trump."
    assert [s for _, s in _direct(nlp, text)] in ([], [None])


@pytest.mark.slow
def test_a_name_after_a_dash_signs_the_quote_before_it(nlp):
    text = "Voters spoke.\n\n\"The whole idea of it is something we hear about all the time, and it needs to stop.\"\n-Michelle Marks, Philadelphia."
    assert _direct(nlp, text) == [("The whole idea of it is something we hear about all the time, and it needs to stop.", "Michelle Marks")]


@pytest.mark.slow
def test_an_as_clause_with_its_own_content_is_no_aside(nlp):
    # "as X called for a boycott" says the boycott, not the clause around it.
    text = "The move may come as no surprise as Tom Berg called for a ferry boycott after the company refused to talk."
    assert _reported(nlp, text) == [("a ferry boycott", "Tom Berg")]
    assert ("for the mayor to resign", "Tom Berg") in _reported(nlp, "Likewise, Tom Berg called for the mayor to resign.")


@pytest.mark.slow
def test_a_clause_joined_after_the_quote_is_not_its_cue(nlp):
    text = ('In somber comments, Tom Berg called the assault that hurt five Dallas officers "an attack on our city," '
            'but he also noted the "senseless, tragic" deaths.')
    direct = [q.text for q in _quotes(nlp, text) if q.kind == "direct"]
    assert "an attack on our city" in direct and "senseless, tragic" in direct


@pytest.mark.slow
def test_the_subject_of_an_aside_is_the_name_right_before_its_verb(nlp):
    text = "Sanders was less shy about it. Voters, Clinton suggested, don't have to worry that big banks can sway her."
    assert [s for _, s in _reported(nlp, text)] == ["Clinton"]
    # "questioned" is no cue: it doubts more often than it asks.
    text = "Reynolds says that the show has attracted ire from all sides: Howard Stern, in 2013, questioned its role."
    assert _reported(nlp, text) == [("the show has attracted ire from all sides", "Reynolds")]


@pytest.mark.slow
def test_a_speaker_the_parse_reads_as_a_modifier_or_behind_a_title(nlp):
    text = ('The debate went on. "I\'m not going to say it is a mistake, so forget about it," said retired '
            "neurosurgeon Ben Carson, asked about his claims.")
    assert _direct(nlp, text) == [("I'm not going to say it is a mistake, so forget about it", "Ben Carson")]
    text = ("The issue came up Friday. Mitt Romney, the 2012 Republican presidential nominee, tweeted in response: "
            "''Important distinction: thug Putin kills journalists and opponents.''")
    assert _direct(nlp, text) == [("Important distinction: thug Putin kills journalists and opponents.", "Mitt Romney")]


@pytest.mark.slow
def test_continued_after_a_quote_goes_on_saying_it(nlp):
    text = '"We will win this," Tom Berg said. "And then," he continued, "we rebuild."'
    assert _direct(nlp, text) == [("We will win this", "Tom Berg"), ("And then … we rebuild.", "Tom Berg")]
    # Fighting that continued says nothing.
    assert _direct(nlp, '"The talks failed," Ana Ruiz said. "We tried." Fighting continued on Monday.') == [
        ("The talks failed … We tried.", "Ana Ruiz")]
