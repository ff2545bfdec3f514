"""What an article counts: the ordinal of the event it reports ("his second visit") and the things its lead numbers."""

from __future__ import annotations

import re

from newsfuse.lexicon import SMALL_NUMBERS, ordinal_number

# Ordinals of events ("his second visit", "her first trip abroad") are read in the title
# and the first ORDINAL_SENTENCES: a wire lead often states the count a few sentences
# down ("It will be the minister's second visit ..."). Two articles whose counts of the same
# kind of event differ report two events, whatever their words share (a cannot-link);
# so do an article counting its event and one that places that count in the past
# ("this visit follows his first meeting"). Only a possessive count is read ("his",
# "the mayor's"): "the second shooting this week", "the sixth round", "the first time" count
# a place's, a match's or nobody's series and differ between reports of one event. On the
# candidate pairs of ECB+ train/dev and GVC train/dev the possessive form clashes once
# (two different matches); counts without it clashed on 25 same-event pairs, 2026-11.
ORDINAL_SENTENCES = 6
# Words just before the ordinal that make its event background, a past one
# ("follows his first meeting", "since her second term"); set by hand.
ORDINAL_BACKGROUND = frozenset(
    {"since", "after", "follows", "followed", "following", "previous", "before", "than", "like", "unlike", "during"}
)
ORDINAL_BACKGROUND_WORDS = 3
# Nouns of events that recur for their participants, by kind: counted, they tell one
# occurrence from another. Sub-parts of an event (round, game, set) and career tallies
# (win, title, appearance) are left out: reports of one match count them differently.
# Nouns of one kind count one series ("his first visit" is "his first trip").
EVENT_KINDS = {
    **dict.fromkeys("visit trip tour journey meeting talk summit".split(), "visit"),
    **dict.fromkeys("earthquake quake tremor".split(), "earthquake"),
    **dict.fromkeys("storm hurricane typhoon cyclone tornado".split(), "storm"),
    **dict.fromkeys("fire blaze wildfire".split(), "fire"),
    **dict.fromkeys("strike walkout".split(), "strike"),
    **dict.fromkeys("protest rally march demonstration".split(), "protest"),
    **dict.fromkeys("election vote referendum".split(), "election"),
    **{
        noun: noun
        for noun in """session conference debate hearing trial sentencing arrest indictment aftershock eruption
        flood attack bombing blast explosion shooting stabbing raid airstrike assault offensive invasion crash
        collision derailment outbreak launch test flight mission landing concert festival ceremony speech address
        interview announcement recall acquisition merger deal agreement treaty ceasefire truce inauguration coup
        resignation incident accident spill leak outage hijacking kidnapping execution operation exercise drill
        hack breach""".split()
    },
}
# Words allowed between the ordinal and its noun ("his first official visit").
ORDINAL_GAP = 2

# Counted things in the lead ("captured 23 pirates", "two boats"): reports of one event
# give the same count of the same thing, two events of one kind usually do not. Units of
# time and measure are not counted things. Set by hand, 2026-11-22.
COUNT_UNITS = frozenset(
    """day week month year hour minute second time times percent per cent mile kilometre kilometer km metre meter
    foot feet inch kg pound ton tonne dollar euro million billion thousand hundred""".split()
)
# Words allowed between the number and the counted noun ("23 Somali pirates", "26 heavily armed men").
COUNT_GAP = 2
# Counts written in words are read from one to twelve (set by hand with COUNT_UNITS).
MAX_COUNT_WORD = 12
_COUNT_WORDS = {w: n for w, n in SMALL_NUMBERS.items() if 1 <= n <= MAX_COUNT_WORD}

POSSESSIVE = re.compile(r"['’]s$")
# Words and punctuation marks, hyphenated words and numbers with thousands commas whole.
WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|[^\W_][\w'’]*(?:-[\w'’]+)*|[^\w\s]")
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# Words that end the search for the counted noun ("the first time in years", "second of the").
_ORDINAL_STOP = frozenset({"of", "in", "to", "for", "the", "a", "an", "and", "or", "at", "on", "by", "with", "time"})


def event_ordinals(text: str) -> frozenset[tuple[str, int, bool]]:
    """(kind, count, own) for each possessive count of an event in ``text``: "his second visit" → ("visit", 2, True).

    A count just after a background word ("follows his first meeting") is a past
    event's: own is False.
    """
    words = WORD.findall(text)
    found = set()
    for k, word in enumerate(words):
        count = ordinal_number(word)
        if count is None or k == 0:
            continue
        before = words[k - 1]
        if before.lower() not in _POSSESSIVE_DETERMINERS and not POSSESSIVE.search(before):
            continue
        own = not any(w.lower() in ORDINAL_BACKGROUND for w in words[max(0, k - ORDINAL_BACKGROUND_WORDS) : k])
        for w in words[k + 1 : k + 2 + ORDINAL_GAP]:
            kind = EVENT_KINDS.get(_singular(w.lower()))
            if kind:
                found.add((kind, count, own))
                break
            if not w[0].isalnum() or w.lower() in _ORDINAL_STOP or ordinal_number(w) is not None:
                break
    return frozenset(found)


def counted_things(text: str) -> tuple[tuple[str, frozenset[int]], ...]:
    """(noun, numbers) of each thing ``text`` counts: "23 pirates, two boats" → (("boat", {2}), ("pirate", {23}))."""
    words = WORD.findall(text)
    found: dict[str, set[int]] = {}
    for k, word in enumerate(words):
        value = _count_value(word)
        if value is None:
            continue
        for w in words[k + 1 : k + 2 + COUNT_GAP]:
            if not w[0].isalpha() or w.lower() in _ORDINAL_STOP:
                break
            if w[0].isupper() or "-" in w:
                continue  # "23 Somali pirates", "26 heavily-armed men"
            noun = w.lower()
            noun = noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun
            if noun not in COUNT_UNITS and len(noun) > 2:
                found.setdefault(noun, set()).add(value)
            break
    return tuple(sorted((noun, frozenset(v)) for noun, v in found.items()))


def _count_value(word: str) -> int | None:
    if word in _COUNT_WORDS:
        return _COUNT_WORDS[word]
    digits = word.replace(",", "")
    if not digits.isdigit() or (len(digits) == 4 and digits[:2] in ("19", "20")):
        return None  # not a count, or a year
    return int(digits)


def _singular(word: str) -> str:
    for suffix in ("es", "s"):
        if word.endswith(suffix) and word[: -len(suffix)] in EVENT_KINDS:
            return word[: -len(suffix)]
    return word
