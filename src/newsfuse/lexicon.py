"""The English words newsfuse reads by: months, weekdays, titles and roles, status words and numbers.

The assumption that a report is written in English lives here: the calendar names, the
titles, roles and status words, and the number words that ingest, nlp and fuse match text
against, with the one reader of numbers written in words; other modules import these names
instead of spelling the words again. Another language would get a module of its own with
the same names (weekdays still numbered Monday = 0), chosen by the article's language where
the lists are used. Words that a single step reads are English too but stay beside their
use: the units and seasons of time expressions (nlp/time/words.py), the reporting verbs and
person nouns of speech (nlp/speech) and the site-chrome phrases of ingest/patterns.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# ---------------------------------------------------------------- calendar
MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# "May" has no shorter spelling.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Every spelling of a month, name or abbreviation, and its number (January = 1).
MONTH_WORDS = {**MONTH_NAMES, **MONTH_ABBREVIATIONS}

# Weekdays numbered as ``datetime.date.weekday()`` does: Monday = 0 … Sunday = 6. TIMEX3 values
# write ISO numbers (Monday = 1); code that reads or writes those adds one where it does.
WEEKDAY_NAMES = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
WEEKDAY_WORDS = {**WEEKDAY_NAMES, **WEEKDAY_ABBREVIATIONS}
# Words that tell a date is still to come ("will meet on", "the upcoming vote on", "scheduled
# for"): read by ingest (tense of a date before parsing) and by the report-date inference.
FUTURE_WORDS = frozenset(
    {"will", "would", "shall", "'ll", "upcoming", "next", "scheduled", "planned", "plans", "plan", "expected",
     "expects", "due", "set", "going", "forthcoming", "slated", "deadline"}
)

# ---------------------------------------------------------------- titles and roles
# Honorifics: stay a person's even inside a span spaCy tagged ORG ("Ms Page").
HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame".split())
# Honorifics and abbreviated titles that stand before a person's name ("Sen. Warren", "Coach Dungy").
SHORT_TITLES = HONORIFICS | frozenset("lord lady sen rep gov gen col capt lt sgt prof rev fr coach".split())
# Honorifics and office titles stripped from the front of a PERSON mention ("President Obama",
# "Mr. Smith"); only a person's, so "General Motors" or "Justice Department" keep their first word.
NAME_TITLES = HONORIFICS | frozenset(
    """prof lord lady rev reverend fr father sister brother
    president vice prime minister premier chancellor secretary general gen lt col colonel
    maj major capt captain sgt sergeant cpl adm admiral cmdr commander marshal field
    sen senator rep representative congressman congresswoman gov governor mayor judge
    justice attorney ambassador envoy king queen prince princess crown emperor empress
    sheikh sheik emir amir sultan ayatollah imam pope cardinal bishop archbishop rabbi
    chief officer inspector detective agent deputy acting interim former late
    foreign defense defence interior finance state chairman chairwoman ceo director
    coach manager actor actress singer rapper star comedian host producer""".split()
)
# Titles and roles that put a person's name after them ("President Obama", "spokesman Jay
# Carney", "coach Tony Dungy"), used to type a mention. Words that also open names of
# organisations or places ("General Motors", "King County", "Justice Department", "Prince
# Edward Island") are left out.
PERSON_TITLES = HONORIFICS | frozenset(
    """prof rev reverend president vice-president premier
    chancellor minister secretary senator sen rep representative congressman congresswoman
    governor gov mayor ambassador envoy sheikh emir ayatollah imam pope rabbi
    spokesman spokeswoman spokesperson aide adviser advisor coach manager director
    chairman chairwoman ceo founder actor actress singer rapper comedian star producer
    author writer reporter correspondent editor lawyer attorney prosecutor judge sheriff
    officer detective deputy inspector sergeant sgt lieutenant lt colonel col captain capt
    commander gen general admiral adm marshal quarterback receiver linebacker striker
    defender goalkeeper forward guard pitcher boxer referee
    mother father son daughter wife husband brother sister uncle aunt widow""".split()
)
# Role words a title or description ends in: offices, professions and the roles news gives
# people and organisations in a story ("interim leader", "the port operator").
ROLE_NOUNS = frozenset({
    "president", "leader", "minister", "premier", "chancellor", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "chief", "head", "executive", "officer", "director", "chairman", "chairwoman", "chair",
    "governor", "mayor", "senator", "lawmaker", "congressman", "congresswoman", "representative", "ambassador",
    "envoy", "diplomat", "judge", "justice", "prosecutor", "lawyer", "attorney", "general", "commander", "colonel",
    "captain", "admiral", "king", "queen", "prince", "princess", "emperor", "monarch", "pope", "cardinal", "bishop",
    "imam", "cleric", "politician", "official", "analyst", "expert", "economist", "professor", "founder", "owner",
    "ceo", "coach", "manager", "player", "star", "actor", "actress", "singer", "candidate", "nominee", "activist",
    "militant", "sheriff", "detective", "inspector", "suspect", "victim", "witness", "journalist", "reporter",
    "editor", "mediator", "negotiator", "strongman", "dictator", "ruler", "rebel", "warlord", "chieftain",
    "operator", "company", "group", "firm", "union", "government", "administration", "regime", "authority",
    "agency", "ministry", "council", "party", "coalition", "militia", "army", "force", "forces", "movement",
})
# Offices whose holders are one person at a time: two of them for one person disagree. Generic
# words ("leader", "official", "head") fit any office, and roles described in many ways
# ("spokesman" / "press secretary") are left out.
OFFICES = frozenset({
    "president", "vice president", "prime minister", "premier", "chancellor", "minister", "governor", "mayor",
    "senator", "king", "queen", "pope", "chief executive", "ceo", "chairman", "chairwoman", "attorney general",
    "foreign minister", "defence minister", "defense minister", "interior minister", "finance minister",
})

# ---------------------------------------------------------------- status words
# How a post is held, written before its title ("interim leader", "former President").
STATUS_WORDS = frozenset({
    "interim", "acting", "former", "deputy", "vice", "new", "current", "incoming", "outgoing", "caretaker",
    "transitional", "elected", "late", "ex", "longtime", "veteran", "senior", "top", "chief", "self-proclaimed",
})
# STATUS_WORDS and more words that say how an office is held rather than which office it is,
# dropped before two offices are compared ("then-President", "the sitting mayor", "First Lady").
# "de facto" is one entry of two words, and offices are compared word by word, so it never
# drops anything; it is kept so that the comparison stays as it was.
OFFICE_STATUS_WORDS = STATUS_WORDS | {"then", "first", "lady", "sitting", "de facto"}
# STATUS_WORDS and the lower-case words a title can hold before its role word besides them:
# the field or body of the office ("foreign minister", "union leader", "port operator") and how
# the news describes its holder ("embattled", "ousted"). Not a superset of OFFICE_STATUS_WORDS:
# "then", "first", "lady" and "sitting" do not continue a title.
TITLE_WORDS = STATUS_WORDS | {
    "de", "facto", "prime", "foreign", "defence", "defense", "interior", "finance", "health", "press", "security",
    "union", "labour", "labor", "court", "party", "opposition", "rebel", "army", "police", "military", "state",
    "government", "trade", "energy", "economy", "justice", "presidential", "executive", "managing", "general",
    "retired", "assistant", "associate", "terminal", "port", "company", "main", "key", "powerful", "embattled",
    "ousted", "exiled", "deposed", "jailed", "islamist", "militant", "armed", "ruling",
}

# English given names and their usual short forms that are not simply their first letters
# ("Liz" for Elizabeth, "Bill" for William; "Chris" for Christopher needs no entry): two
# people of one surname named by a full form and one of its short forms may be one person.
# The common forms of English-language naming, as name dictionaries list them; no list of
# particular people.
GIVEN_NAME_SHORT_FORMS = {
    "elizabeth": ("liz", "lizzie", "beth", "betty", "betsy", "bess", "eliza", "libby", "lisa"),
    "william": ("bill", "billy", "will", "willy", "liam"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "richard": ("dick", "rick", "ricky", "rich", "richie"),
    "james": ("jim", "jimmy", "jamie"),
    "john": ("jack", "johnny"),
    "margaret": ("peggy", "maggie", "meg", "marge", "margie", "greta"),
    "edward": ("ted", "teddy", "ned", "eddie"),
    "theodore": ("ted", "teddy"),
    "anthony": ("tony",),
    "charles": ("chuck", "charlie"),
    "henry": ("hank", "harry"),
    "harold": ("harry", "hal"),
    "lawrence": ("larry",),
    "michael": ("mike", "mick", "mickey"),
    "katherine": ("kate", "katie", "kathy", "kay"),
    "catherine": ("kate", "katie", "cathy", "kay"),
    "kathleen": ("kathy", "kate"),
    "kathryn": ("kate", "katie", "kathy", "kay"),
    "bernard": ("bernie",),
    "susan": ("sue", "susie"),
    "patricia": ("pat", "patty", "patsy", "trish", "tricia"),
    "sarah": ("sally", "sadie"),
    "mary": ("molly", "polly", "mamie"),
    "ann": ("nancy", "annie"),
    "anne": ("nancy", "annie"),
    "jennifer": ("jenny", "jen"),
    "rebecca": ("becky", "becca"),
    "joseph": ("joe", "joey"),
    "gerald": ("jerry", "gerry"),
    "jerome": ("jerry",),
    "andrew": ("andy", "drew"),
    "stephen": ("steve", "stevie"),
    "daniel": ("danny",),
    "nicholas": ("nick", "nicky"),
    "jeffrey": ("jeff",),
    "geoffrey": ("jeff", "geoff"),
    "frederick": ("fred", "freddie"),
    "alfred": ("al", "alf", "fred", "freddie"),
    "albert": ("al", "bert"),
    "alan": ("al",),
    "allen": ("al",),
    "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"),
    "douglas": ("doug",),
    "eugene": ("gene",),
    "jonathan": ("jon", "jonny"),
    "timothy": ("tim", "timmy"),
    "vincent": ("vince", "vinny"),
    "walter": ("walt",),
    "abraham": ("abe",),
    "deborah": ("debbie", "deb"),
    "jacqueline": ("jackie",),
    "amanda": ("mandy",),
    "eleanor": ("ellie", "nell", "nora"),
    "helen": ("nell", "nellie"),
    "alexander": ("alex", "sandy", "sasha"),
    "alexandra": ("alex", "sandra", "sandy", "sasha"),
    "christopher": ("kit",),
    "christine": ("chris", "tina"),
    "victoria": ("vicky", "tori"),
    "valerie": ("val",),
    "theresa": ("terry", "tess"),
    "teresa": ("terry", "tess"),
    "barbara": ("barb", "babs"),
    "dorothy": ("dot", "dottie", "dolly"),
    "matthew": ("matt",),
    "samuel": ("sam", "sammy"),
    "benjamin": ("ben", "benny"),
    "thomas": ("tom", "tommy"),
    "peter": ("pete",),
    "gregory": ("greg",),
    "kenneth": ("ken", "kenny"),
    "leonard": ("len", "lenny", "leo"),
    "raymond": ("ray",),
    "russell": ("russ",),
    "zachary": ("zach", "zack"),
}
# Short form -> the full names it may stand for ("ted" -> edward, theodore).
SHORT_FORM_OF: dict[str, frozenset[str]] = {
    short: frozenset(full for full, shorts in GIVEN_NAME_SHORT_FORMS.items() if short in shorts)
    for short in {s for shorts in GIVEN_NAME_SHORT_FORMS.values() for s in shorts}
}

# ---------------------------------------------------------------- numbers
SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}
DOZEN = 12
# Words that add their value where they stand ("twenty" "five"); "dozen" multiplies the count
# before it ("two dozen" 24, "a dozen" 12).
NUMBER_WORDS = {**SMALL_NUMBERS, **TENS, "dozen": DOZEN, "half": 0.5}
# Words that multiply what comes before them ("five hundred", "2.5 million"); first, they are
# the number itself ("a thousand").
SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Short scales written after digits ("€4m", "$3bn", "10k").
SCALE_ABBREVIATIONS = {"m": 1e6, "bn": 1e9, "k": 1e3}
_MULTIPLIERS = {**SCALE_WORDS, **SCALE_ABBREVIATIONS}
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
# A proper fraction of one digit each ("1/2", "3/4"); "9/11" and "24/7" are names.
_DIGIT_FRACTION = re.compile(r"(?<![\d/])(?:(\d+)\s+)?([1-8])/([2-9])(?![\d/])")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)


def month_number(word: str) -> int | None:
    """1–12 for a month name or abbreviation ("Sept." → 9), or None."""
    return MONTH_WORDS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """0 (Monday) – 6 (Sunday) for a weekday name, abbreviation or plural ("Tuesdays", "Thurs."), or None."""
    w = word.lower().rstrip(".")
    w = w[:-2] if w.endswith("'s") else w
    w = w[:-1] if w.endswith("s") and w[:-1] in WEEKDAY_NAMES else w
    return WEEKDAY_WORDS.get(w)


def ordinal_number(word: str) -> int | None:
    """The number an ordinal says ("twentieth" → 20, "21st" → 21), or None."""
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w)
    return int(m.group(1)) if m else None


def read_number_words(words: Sequence[str]) -> tuple[float | None, int]:
    """The number the lower-case ``words`` spell from their first one, and how many words it took.

    "twenty four", "two hundred and five", "three million"; (None, 0) when the first word is no
    number word (an article before it is the caller's to skip). A scale word first ("thousand")
    is that number alone; "and" joins only after a scale ("two hundred and five"), so "two and
    three" stops after "two".
    """
    if not words:
        return None, 0
    if words[0] in SCALE_WORDS:
        return SCALE_WORDS[words[0]], 1
    if words[0] not in NUMBER_WORDS:
        return None, 0
    total = current = 0.0
    k = 0
    while k < len(words):
        w = words[k]
        if w == "dozen":
            current = max(current, 1) * DOZEN
        elif w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
        elif w == "hundred":
            current *= SCALE_WORDS[w]
        elif w in SCALE_WORDS:
            total += current * SCALE_WORDS[w]
            current = 0.0
        elif (w == "and" and words[k - 1] in SCALE_WORDS and k + 1 < len(words)
              and (words[k + 1] in SMALL_NUMBERS or words[k + 1] in TENS)):
            pass
        else:
            break
        k += 1
    return total + current, k


def read_number(text: str, ordinal: bool = False) -> float | None:
    """The value of a written number: "12,400", "4.2 million", "two million", "a dozen", "second", "3rd",
    "68 percent", or None when it holds none ("several").

    Words before the number are passed over ("some two million"); after it, any scale word or
    abbreviation multiplies it ("2.5 million", "€4m"). With ``ordinal``, or when its last word
    is an ordinal, it is read as one.
    """
    low = text.lower().replace("-", " ")
    words = low.split()
    if ordinal or (words and (words[-1] in ORDINALS or _ORDINAL_DIGITS.match(words[-1]))):
        last = words[-1] if words else ""
        m = _ORDINAL_DIGITS.match(last)
        if m:
            return float(m.group(1))
        return float(ORDINALS[last]) if last in ORDINALS else None
    value: float | None = None
    rest: list[str] = []
    if (m := _DIGIT_FRACTION.search(low)) and m.group(2) < m.group(3):  # "1/2 liter", "2 1/2 miles"
        value = float(m.group(1) or 0) + float(m.group(2)) / float(m.group(3))
        rest = low[m.end() :].split()
    elif m := _DIGITS.search(low):
        value = float(m.group(0).replace(",", ""))
        rest = low[m.end() :].split()
    else:
        for k, w in enumerate(words):
            if w in NUMBER_WORDS or w in SCALE_WORDS:
                value, n = read_number_words(words[k:])
                rest = words[k + n :]
                break
    if value is None:
        return None
    for w in rest:
        if w in _MULTIPLIERS:
            value *= _MULTIPLIERS[w]
    return value
