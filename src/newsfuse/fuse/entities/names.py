"""Name keys and name matching: cleaning, particles, phonetic keys, acronyms, spelling variants.

Everything here is a pure function of surface strings. ``canon`` uses the keys
to block mentions (only names that share a key are ever compared) and the
matchers to confirm a match. The rules are general spelling facts of news
English and of common transliterations, never lists of particular names.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from newsfuse.lexicon import NAME_TITLES, SHORT_FORM_OF

# Lower-case name particles ("Muammar al-Gaddafi", "Ludwig van Beethoven"). A particle
# is left out of the name's core key, so "al-Gaddafi", "Al-Gaddafi" and "Gaddafi" agree;
# it is kept when it starts a name without a hyphen ("Al Gore", "El Paso").
PARTICLES = frozenset(
    "al el ad ag ak an ar as ash at az ul bin ibn bint ben de da di del della dei des du dos das "
    "van von der den ter le la lo y".split()
)

# Particles that, capitalised, start a surname used alone ("Lo Presti", "De Niro", "Van Gogh");
# Arabic "Al"/"El" are left out because a capitalised "Al" starts given names ("Al Gore").
SURNAME_PARTICLES = frozenset("lo la le de da di del della van von der den du dos das".split())

# Words an acronym may skip ("Academy of Motion Picture Arts and Sciences" → AMPAS).
ACRONYM_SKIP = PARTICLES | {"of", "the", "and", "for", "in", "on", "at", "to", "&", "a", "an"}

# Name endings that do not tell two names apart: generations and company forms
# ("Arcade Comeaux Jr" / "Comeaux", "Microsoft Corp." / "Microsoft", "Volkswagen AG",
# "Fiat S.p.A.", "The Boeing Company" / "Boeing"): the legal forms of English, German, French,
# Italian, Dutch and Nordic company law, as news writes them after a company's name.
SUFFIXES = frozenset(
    """jr sr ii iii iv junior senior inc incorporated corp corporation co company ltd limited llc llp lp
    plc gmbh ag sa sas spa nv bv ab asa oyj""".split()
)

# Generation endings, folded, and the one each stands for. Unlike a company form they tell two
# people apart: "Donald Trump Jr." is not "Donald Trump", "Trump Jr." not "Trump" (issue 12).
GENERATIONS = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv"}

# Honorifics that say a person's sex: "Mrs. Clinton" is not "Mr. Clinton" (issue 12).
HONORIFIC_SEX = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f"}
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|MR|MRS|MS)\.?\s+$")

# Abbreviations spelled out in keys ("Mt Cook" / "Mount Cook", "Ft. Hood" / "Fort Hood").
ABBREVIATIONS = {"mt": "mount", "mtn": "mountain", "ft": "fort", "pt": "point", "st": "saint"}

# Tokens shorter than this must be spelled the same (after transliteration digraphs are
# unified) to match on their own: short names collide too easily ("Bush"/"Bash").
# Within a multi-word name whose other words agree, FUZZY_LENGTH_IN_NAME applies instead
# ("Duncan Rait"/"Duncan Raite"). B³ F1 on ECB+ train and dev is flat for 4 to 6
# (2026-05); 5 is the shortest that keeps "Bush"/"Bash" apart.
MIN_FUZZY_LENGTH = 5
FUZZY_LENGTH_IN_NAME = 4
# A short form of a given name has at least this many letters ("Ty" / "Tywon"); one letter is an initial.
MIN_NICKNAME = 2
# Edits allowed between two tokens with the same phonetic skeleton, by the longer token's
# length: (up to this length, edits). Set from the variants to catch: Saleh/Salih needs
# 1, Bettie/Betty 2, Mohamed/Muhammad 3; the shared skeleton keeps Iran/Oran apart.
EDIT_BUDGET = ((5, 1), (7, 2), (99, 3))

# Transliteration and spelling equivalences applied before phonetic keys, longest
# first: Khodorkovsky/Hodorkovsky, Qaddafi/Kaddafi, Gaddafi/Gadhafi, Mohammed/Muhammad.
_SPELLING = (
    ("sch", "s"),
    ("kh", "h"),
    ("sh", "s"),
    ("ch", "k"),
    ("ck", "k"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("zh", "j"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
)
_VOWELS = frozenset("aeiouy")
# First letters that transliterations swap freely (Osama/Usama, Emad/Imad).
_FIRST_LETTER = {"o": "u", "e": "i", "y": "i"}

_POSSESSIVE = re.compile(r"['’`ʼ][sS]?$")  # "Obama's", "al-Gaddafi’s", "Forces'" (the s stays)
_EDGE_PUNCT = "\"'“”‘’`«»()[]{}<>,.;:!?*_|/\\-–—#@ "
_SURFACE_EDGE = "\"'“”‘’`«»()[]{}<>,;:!?*_|/\\ "
_SCORE = re.compile(r"\s+\d+\s*[-–]\s*\d+$")  # "Evansville 91-73": a score run into the name
# A sentence end inside a tagged span: a full stop, ? or ! before an opening quote, or a line
# break ('the Constitution. "Our republic ...'); a name never runs on past one. The marks
# alone do not end it: "U.S. Army", "St. Louis", "Yahoo! News".
_SENTENCE_END = re.compile(r"[.?!][\"'”’]?\s+[\"“‘]|\n")
# A nickname set off inside a name: "The Chin" in quotes, or (Jerry); a single quote must
# open after a space and close before one, so "O'Brien" and "Shaquille O'Neal" stay whole.
_NICKNAME = re.compile(r"\s+(?:[\"“”][^\"“”]{1,30}[\"“”]|['‘][^'‘’]{1,30}['’](?=\s)|\([^()]{1,30}\))\s+")
_STRAY_CLOSE = re.compile(r"^[^\"“”\s]+[\"”]\s+")
_TOKEN_SPLIT = re.compile(r"[\s\-‐‑–—/]+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$|^(?:[A-Z]\.){1,6}[A-Z]?\.?$")


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: accents dropped, apostrophes and dots removed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).casefold().encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("", text.lower())


def fold_words(text: str) -> str:
    """Like ``fold`` but keeping word breaks as single spaces (for slugs and display keys)."""
    decomposed = unicodedata.normalize("NFKD", text)
    chars = (ch if ch.isascii() and ch.isalnum() else " " for ch in decomposed.casefold() if not unicodedata.combining(ch))
    return " ".join("".join(chars).split())


def clean(text: str, person: bool = False) -> str:
    """A mention's surface without possessive, edge punctuation, a leading article, what
    follows a comma ("Regina Benjamin, MD", "Biloxi, Miss.") or, for people, titles and a
    nickname inside the name ("Vincent 'The Chin' Gigante")."""
    text = _SENTENCE_END.split(text, maxsplit=1)[0]
    text = " ".join(text.split())
    text = text.strip(_EDGE_PUNCT)
    head = text.split(",", 1)[0]
    if fold(head):
        text = head.strip(_EDGE_PUNCT)
    text = _POSSESSIVE.sub("", text).strip(_EDGE_PUNCT)
    text = _SCORE.sub("", text) or text
    words = text.split(" ")
    while len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]  # "the The Associated Press" in running text
    if person:
        while len(words) > 1 and fold(words[0]) in NAME_TITLES:
            words = words[1:]
        words = _without_nickname(" ".join(words)).split(" ")
    return " ".join(words).strip(_EDGE_PUNCT)


def _without_nickname(name: str) -> str:
    """A person's name without a quoted or bracketed nickname inside it ("Vincent 'The Chin'
    Gigante" → "Vincent Gigante"), or before a stray closing quote ('Chin" Gigante' → "Gigante")."""
    cut = _NICKNAME.sub(" ", name)
    if cut != name and len(cut.split()) >= 2:
        return " ".join(cut.split())
    stray = _STRAY_CLOSE.match(name)
    if stray and name[stray.end() :].strip():
        return name[stray.end() :].strip()
    return name


def surface(text: str) -> tuple[str, str]:
    """A mention as shown to users, and the article it began with ("the", "The" or "").

    Whitespace is collapsed and quotes, brackets and a possessive ending come off
    ("al-Gaddafi’s" → "al-Gaddafi"); unlike ``clean``, titles, dots and what follows a
    comma stay, as spelled. The article is returned apart so the caller can decide
    whether it is part of the name ("The Hague") or not ("the National Rifle Association").
    """
    text = " ".join(_SENTENCE_END.split(text, maxsplit=1)[0].split()).strip(_SURFACE_EDGE)
    text = _POSSESSIVE.sub("", text).strip(_SURFACE_EDGE) or text
    first, _, rest = text.partition(" ")
    if rest and first.casefold() == "the":
        return rest, first if first != "THE" else "the"
    return text, ""


def honorific_sex(text: str, start: int, end: int) -> str | None:
    """"m" or "f" when an honorific that says so opens the mention ``text[start:end]`` or stands
    right before it ("Mrs. Clinton", "Mr Trump"), else None."""
    first = text[start:end].split(" ", 1)[0]
    sex = HONORIFIC_SEX.get(fold(first)) if " " in text[start:end].strip() else None
    if sex is None:
        hit = _HONORIFIC_BEFORE.search(text[max(0, start - 6) : start])
        sex = HONORIFIC_SEX.get(fold(hit.group(1))) if hit else None
    return sex


def given_names_differ(a: str, b: str) -> bool:
    """Whether two folded given names name different people: neither a spelling nor a short form of
    the other ("bill" / "hillary"; not "mohamed" / "muhammad", "ray" / "raymond")."""
    return not (tokens_match(a, b) or nickname_of(a, b) or nickname_of(b, a))


def is_acronym(form: str) -> bool:
    """"NRA", "U.S.", "NATO": a single word of two to seven capitals, dotted or not."""
    return " " not in form and bool(_ACRONYM.match(form))


@dataclass(frozen=True, slots=True)
class NameKey:
    """The keys of one cleaned form."""

    form: str  # the cleaned surface
    compact: str  # every letter, no spaces: "Al Qaeda", "al-Qaeda" → "alqaeda"
    core: tuple[str, ...]  # name words: "W. Mark Felt Sr." → ("mark", "felt"); "Muammar al-Gaddafi" → ("muammar", "gaddafi")
    initials: tuple[str, ...]  # one-letter words left out of ``core``: "W. Mark Felt" → ("w",)
    acronym: str | None  # "nra" for an acronym form, else None
    acronyms: tuple[str, ...]  # acronyms a multi-word form could have: "National Rifle Association" → ("nra",)
    generation: str | None = None  # "jr" of "Trump Jr.", "sr" of "W. Mark Felt Sr."; left out of ``core``
    company: bool = False  # ends in a company form ("Chrysler Group LLC"), left out of ``core``

    @property
    def core_key(self) -> str:
        initials = "|" + "".join(self.initials) if self.initials else ""
        return " ".join(self.core) + initials + ("#" + self.generation if self.generation else "")


@functools.lru_cache(maxsize=65536)
def name_key(form: str, person: bool = False) -> NameKey:
    """All keys of a cleaned form (see ``clean``); ``person`` reads "Lo Presti" as a bare surname."""
    raw = [t for t in _TOKEN_SPLIT.split(form) if t and fold(t)]
    hyphen_before = _hyphen_flags(form, raw)
    core: list[str] = []
    initials: list[str] = []
    generation = None
    company = False
    for i, tok in enumerate(raw):
        folded = fold(tok)
        last = i + 1 == len(raw)
        if not last and folded in PARTICLES and (tok[:1].islower() or i > 0 or hyphen_before[i + 1]):
            continue
        if person and i == 0 and len(raw) == 2 and folded in SURNAME_PARTICLES:
            continue
        if len(folded) == 1 and folded.isalpha() and len(raw) > 1:
            initials.append(folded)
            continue
        if folded in SUFFIXES and i > 0 and last:
            generation = GENERATIONS.get(folded)
            company = generation is None
            continue
        if folded in ABBREVIATIONS and not last and (folded != "st" or i == 0):
            folded = ABBREVIATIONS[folded]
        core.append(folded)
    if not core:
        core = [fold(form)] if fold(form) else []
        initials = []
    acronym = fold(form) if is_acronym(form) else None
    return NameKey(
        form=form,
        compact=fold(form),
        core=tuple(core),
        initials=tuple(initials),
        acronym=acronym,
        acronyms=_acronyms(raw),
        generation=generation,
        company=company,
    )


def _hyphen_flags(form: str, tokens: list[str]) -> list[bool]:
    """For each token, whether a hyphen (not a space) joins it to the token before."""
    flags = []
    pos = 0
    for tok in tokens:
        at = form.find(tok, pos)
        gap = form[pos:at] if at >= 0 else " "
        flags.append(any(h in gap for h in "-‐‑"))
        pos = at + len(tok) if at >= 0 else pos
    return flags


def _acronyms(tokens: list[str]) -> tuple[str, ...]:
    words = [w for w in (fold(t) for t in tokens) if w]
    if len(words) < 2:
        return ()
    # A company form at the end is no part of the acronym: "General Motors Corp." is GM.
    bare = list(words)
    while len(bare) > 2 and bare[-1] in SUFFIXES:
        bare.pop()
    keys = []
    for ws in (words, bare):
        keys.append("".join(w[0] for w in ws if w not in ACRONYM_SKIP))
        keys.append("".join(w[0] for w in ws))
    return tuple(dict.fromkeys(k for k in keys if len(k) >= 2))


@functools.lru_cache(maxsize=65536)
def spelling(token: str) -> str:
    """A folded token with transliteration digraphs unified (kh→h, q→k, ph→f, ...)."""
    s = token
    for a, b in _SPELLING:
        s = s.replace(a, b)
    return s


@functools.lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """A phonetic blocking key: first letter, then consonants without vowels or doubles."""
    s = spelling(token)
    if not s:
        return ""
    out = [_FIRST_LETTER.get(s[0], s[0])]
    for prev, ch in zip(s, s[1:]):
        if ch in _VOWELS or ch == prev:
            continue
        out.append(ch)
    return "".join(out)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit`` (returns limit + 1 then)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


@functools.lru_cache(maxsize=65536)
def tokens_match(a: str, b: str, min_fuzzy_length: int = MIN_FUZZY_LENGTH) -> bool:
    """Whether two folded name tokens are spellings of one name (Mohamed/Muhammad, Khodorkovsky/Hodorkovsky)."""
    if a == b:
        return True
    sa, sb = spelling(a), spelling(b)
    if sa == sb:
        return True
    if min(len(sa), len(sb)) < min_fuzzy_length or skeleton(a) != skeleton(b):
        return False
    longest = max(len(sa), len(sb))
    budget = next(edits for length, edits in EDIT_BUDGET if longest <= length)
    return edit_distance(sa, sb, budget) <= budget


def nickname_of(short: str, full: str) -> bool:
    """Whether the folded given name ``short`` is a short form of ``full``: one that begins it
    ("chris" of "christopher", "ty" of "tywon"; not "jon" of "james"), or one English usage
    gives it ("liz" of "elizabeth", "bill" of "william"; ``lexicon.SHORT_FORM_OF``)."""
    if full in SHORT_FORM_OF.get(short, ()):
        return True
    return MIN_NICKNAME <= len(short) < len(full) and full.startswith(short)


def names_match(a: NameKey, b: NameKey, min_fuzzy_length: int = MIN_FUZZY_LENGTH) -> bool:
    """Whether two names agree word by word; middle names and initials may be missing from one."""
    if a.initials and b.initials and a.initials != b.initials:
        return False  # "George W. Bush" is not "George H. W. Bush"
    if a.generation != b.generation:
        return False  # "Donald Trump Jr." is not "Donald Trump"
    if a.core == b.core:
        return True
    if len(a.core) == 1 or len(b.core) == 1:
        return len(a.core) == len(b.core) and tokens_match(a.core[0], b.core[0], min_fuzzy_length)
    pairs = [(a.core[0], b.core[0]), (a.core[-1], b.core[-1])]
    mid_a, mid_b = a.core[1:-1], b.core[1:-1]
    if mid_a and mid_b:
        if len(mid_a) != len(mid_b):
            return False
        pairs.extend(zip(mid_a, mid_b))
    # Words beside an exact one may be shorter and still fuzzy: the exact word vouches for them.
    anchored = any(spelling(x) == spelling(y) for x, y in pairs)
    limit = min(min_fuzzy_length, FUZZY_LENGTH_IN_NAME) if anchored else min_fuzzy_length
    return all(tokens_match(x, y, limit) or _plural(x, y) for x, y in pairs)


def _plural(a: str, b: str) -> bool:
    """"Picture"/"Pictures" inside a longer name."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long == short + "s"
