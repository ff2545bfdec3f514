"""Named mentions as ``canon`` works on them: keys, and spans the tagger ran on or cut short.

Each named mention becomes an ``Item``: the mention with the keys of its
cleaned form (``names.name_key``). The tagger's spans are not always names:

* a headline in title case runs on ("Lindsay Lohan Checks Into Rehab",
  "Obama To Nominate Regina Benjamin") and a span may run across lines
  ("Teixeira" / "Boston": a headline and the line below it);
* a descriptor runs into a name ("Coroner Gary Hargrove", "American Hasim Rahman");
* two names run together ("Lopez and Carrasquillo", "the Colts and Jaguars");
* a span stops short of a name ("Indianapolis" before an untagged "Colts"), or
  a given name is cut from its surname at a nickname ("Vincent" | 'The Chin' | "Gigante").

``fix_spans`` reads each such span back to a name known from running text
(tagged outside headlines somewhere in the corpus). A span cut back to one name
inside it is marked ``trimmed``: the look-up of untagged names (``propagate``)
may then find the other names inside it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

from newsfuse.fuse.entities import types as entity_types
from newsfuse.fuse.entities import names
from newsfuse.fuse.entities.names import NameKey
from newsfuse.lexicon import PERSON_TITLES
from newsfuse.model import ArticleAnalysis, Mention

# A line is in title case (a headline inside the text) when at least this share of its
# words of four letters or more start with a capital (and one is a common word); spaCy's spans there run on
# ("Lindsay Lohan Checks Into Rehab") and are cut back to a name known from running text.
# B³ F1 on ECB+ train: 0.879 at 0.7 and 0.8, 0.878 at 0.9, 0.855 with no cutting (2026-05).
TITLE_CASE_SHARE = 0.8
TITLE_CASE_MIN_WORDS = 3

# A place name followed by a lower-case "state" names the state, not the city of that name.
_STATE_AFTER = re.compile(r"\s+state\b")
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
_ANY_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")
_UPPER_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
# A capitalised word, then a quoted or bracketed nickname up to the next name: "Vincent 'The Chin' ".
_NICKNAME_GAP = re.compile(r"[A-Z][\w'’.-]*\s+(?:[\"“][^\"“”\n]{1,30}[\"”]|['‘][^'‘’\n]{1,30}['’]|\([^()\n]{1,30}\))\s+")
# Up to three capitalised or numbered words right after a span, on the same line ("Colts", "76ers").
_FOLLOWING_NAME_WORDS = re.compile(r"(?: (?:[A-Z]|\d+[a-z])[\w'’-]*){1,3}")
_QUOTES = "\"'“”‘’`«» "
_JOINS = re.compile(r"\s+(?:and|&|at)\s+")


@dataclass(slots=True)
class Item:
    """One named mention with the keys of its cleaned form (``canon``'s working record)."""

    article: str
    mention: Mention
    key: NameKey
    trimmed: bool = False  # key taken from a known name inside a run-on span
    cue: str | None = None  # what the words around it say it is (``entity_types.context_cue``)
    found: bool = False  # an untagged occurrence found in the text: no vote on the type
    full_name: bool = False  # two name words or more, all proper nouns ("Muammar al-Gaddafi", not "Warship Sukanya")
    sex: str | None = None  # "m" or "f" from an honorific at the mention ("Mrs. Clinton"; ``names.honorific_sex``)

    def vote(self) -> entity_types.Vote:
        return entity_types.Vote(self.article, self.mention.label, self.full_name, self.cue)


def items_of(analysis: ArticleAnalysis, text: str | None, common: frozenset[str] = frozenset()) -> list[Item]:
    """The named mentions of one article as items, in text order; ``common``: see ``common_words``."""
    items = []
    for mention in sorted(analysis.mentions, key=lambda m: (m.start, m.end)):
        person = mention.label == "PERSON"
        form = _without_common_tail(names.clean(mention.text, person=person), common)
        if not names.fold(form):
            continue
        if mention.label in ("GPE", "LOC") and text is not None and _STATE_AFTER.match(text, mention.end):
            form = f"{form} State"  # "Washington state" is not the capital, "New York state" not the city
        cue = entity_types.context_cue(text, mention.start, mention.end) if text is not None else None
        key = _with_article_acronyms(names.name_key(form, person=person), mention.text)
        sex = names.honorific_sex(text, mention.start, mention.end) if text is not None else None
        items.append(Item(analysis.article_id, mention, key, cue=cue, full_name=full_name(key, common), sex=sex))
    if text is not None:
        _join_nicknamed(items, text, common)
    return items


def common_words(texts) -> frozenset[str]:
    """Words the corpus writes in lower case more often than capitalised ("warship", "checks")."""
    joined = "\n".join(texts)
    lower = Counter(_LOWER_WORD.findall(joined))
    upper = Counter(w.lower() for w in _UPPER_WORD.findall(joined) if w.lower() in lower)
    return frozenset(w for w, n in lower.items() if n > upper[w])


def full_name(key: NameKey, common: frozenset[str]) -> bool:
    """Two name words or more, every capitalised one a proper-noun spelling."""
    return len(key.core) >= 2 and not key.acronym and _all_proper(key.form, common)


def fix_spans(
    per_article: list[list[Item]],
    texts: dict[str, str],
    common: frozenset[str],
    title_case_share: float = TITLE_CASE_SHARE,
) -> None:
    """Read the spans the tagger ran on or cut short back to known names, in place.

    Steps:
    1. cut headline spans back to the longest name known from running text;
    2. cut a descriptor off a known person's name;
    3. key a span cut short of a known longer name by that name;
    4. cut two known names run together, or a span run across lines, back to the first.
    """
    # 1. headlines (what is known comes from the spans outside them)
    known = _cut_headlines(per_article, texts, common, title_case_share)
    # 2. descriptors
    _cut_descriptors(per_article, known, common)
    # 3. spans cut short
    _extend_cut_short(per_article, texts, known, common)
    # 4. names run together
    _cut_joined(per_article, known, common)


def _cut_headlines(
    per_article: list[list[Item]], texts: dict[str, str], common: frozenset[str], share: float
) -> Counter[str]:
    """Cut spans in title-case lines back to a known name; returns the core keys of the
    spans outside such lines, with their counts."""
    known: Counter[str] = Counter()
    flagged: list[tuple[list[Item], int]] = []
    lower = {w for text in texts.values() for w in _LONG_WORD.findall(text) if w[0].islower()}
    for items in per_article:
        text = texts.get(items[0].article) if items else None
        lines: dict[int, bool] = {}  # line start → in title case
        for i, it in enumerate(items):
            if text is not None and _in_title_case(text, it.mention, lines, lower, share):
                flagged.append((items, i))
            else:
                known[it.key.core_key] += 1
    for items, i in flagged:
        it = items[i]
        if known[it.key.core_key]:
            continue
        part = _known_part(it.key.form, it.mention.label == "PERSON", known)
        if part is not None:
            items[i] = _trimmed(it, part, common)
    return known


def _in_title_case(text: str, mention: Mention, lines: dict[int, bool], lower: set[str], share: float) -> bool:
    """Whether the line holding ``mention`` is set in title case (a headline).

    Names are capitalised in any sentence, so a line full of them is not yet a
    headline; it must also capitalise a word the corpus writes in lower case
    elsewhere ("Checks", "Into"), other than its first.
    """
    start = text.rfind("\n", 0, mention.start) + 1
    if start not in lines:
        end = text.find("\n", mention.end)
        words = _LONG_WORD.findall(text[start : end if end >= 0 else len(text)])
        capitals = [w for w in words if w[0].isupper()]
        lines[start] = (
            len(words) >= TITLE_CASE_MIN_WORDS
            and len(capitals) >= share * len(words)
            and any(w.lower() in lower for w in capitals[1:])
        )
    return lines[start]


def _cut_descriptors(per_article: list[list[Item]], known: Counter[str], common: frozenset[str]) -> None:
    """A person's name run on after a descriptor ("Colts QB Andrew Luck", "Coroner Gary
    Hargrove") is cut back to the full name it ends with, when that is known. A leading word
    the corpus writes in lower case or tags as a people ("coroner", "American") is a
    descriptor however often the run-on span recurs and whatever its label, before a full
    name of proper words tagged as a person at least twice. A span not tagged as a person that
    opens with a person's title ("President Obama" as ORG) is the person named after the
    title, when that name, or a full name with it as surname, is tagged as a person twice (one
    "Gordon Smith Boulevard" tagged PERSON does not make "Admiral Boulevard" a person)."""
    peoples = {names.fold(it.key.form) for items in per_article for it in items if it.mention.label == "NORP"}
    people = Counter(
        it.key.core_key for items in per_article for it in items if it.mention.label == "PERSON" and not it.trimmed
    )
    surnames = Counter(
        it.key.core[-1] for items in per_article for it in items if it.mention.label == "PERSON" and len(it.key.core) >= 2
    )
    for items in per_article:
        for i, it in enumerate(items):
            if it.trimmed:
                continue
            if it.mention.label != "PERSON" and len(it.key.core) >= 2 and names.fold(it.key.form.split()[0]) in PERSON_TITLES:
                # "President Obama", "Coach Brad Childress" tagged ORG: a title before a person's name
                # known from spans tagged PERSON elsewhere is that person.
                part = names.name_key(names.clean(it.key.form.split(" ", 1)[1], person=True), person=True)
                if people[part.core_key] >= 2 or (len(part.core) == 1 and surnames[part.core[0]] >= 2):
                    items[i] = dataclasses.replace(_trimmed(it, part, common), cue=entity_types.PERSON)
                    continue
            if len(it.key.core) < 3:
                continue
            if it.mention.label == "PERSON" and known[it.key.core_key] <= 1:
                part = _known_part(it.key.form, True, known, suffix=True)
                if part is not None and len(part.core) >= 2:
                    items[i] = _trimmed(it, part, common)
                    continue
            words = it.key.form.split()
            if len(words) >= 3 and (words[0].casefold() in common or names.fold(words[0]) in peoples):
                part = names.name_key(names.clean(" ".join(words[1:]), person=True), person=True)
                if people[part.core_key] >= 2 and len(part.core) >= 2 and _all_proper(part.form, common):
                    items[i] = _trimmed(it, part, common)


def _extend_cut_short(
    per_article: list[list[Item]], texts: dict[str, str], known: Counter[str], common: frozenset[str]
) -> None:
    """A span the tagger cut short of a longer name known from running text ("Indianapolis"
    in "Indianapolis Colts") takes that name's key."""
    for items in per_article:
        text = texts.get(items[0].article) if items else None
        if text is None:
            continue
        for i, it in enumerate(items):
            if it.trimmed:
                continue
            longer = _known_extension(text, it.mention, it.mention.label == "PERSON", known)
            if longer is not None:
                items[i] = Item(it.article, it.mention, longer, cue=it.cue, full_name=full_name(longer, common), sex=it.sex)


def _cut_joined(per_article: list[list[Item]], known: Counter[str], common: frozenset[str]) -> None:
    """Two names the tagger ran into one span ("Lopez and Carrasquillo", "the Colts and
    Jaguars") are cut back to the first when each is a name known on its own (a tagged name
    or a person's surname); so is a span run across lines, to its first line."""
    seen = set(known) | {
        it.key.core[-1] for items in per_article for it in items if it.mention.label == "PERSON" and len(it.key.core) >= 2
    }
    for items in per_article:
        for i, it in enumerate(items):
            if it.trimmed:
                continue
            parts = _joined_names(it.key.form, it.mention.label == "PERSON", seen, common)
            if parts and " at " in it.key.form and known[it.key.core_key] > 1:
                parts = []  # a recurring "X at Y" is a name ("University of Alabama at Birmingham")
            if parts:
                items[i] = _trimmed(it, parts[0], common)
            elif "\n" in it.mention.text.strip():
                part = _first_line_name(it.mention.text, it.mention.label == "PERSON", seen)
                if part is not None:
                    items[i] = _trimmed(it, part, common)


def _join_nicknamed(items: list[Item], text: str, common: frozenset[str]) -> None:
    """A given name the model split from its surname at a nickname ("Vincent" | 'The Chin' |
    "Gigante") takes the whole name's key, so it is not read as a bare given name."""
    for i in range(len(items) - 1):
        first, last = items[i], items[i + 1]
        if "PERSON" not in (first.mention.label, last.mention.label) or len(first.key.core) != 1:
            continue
        if not _NICKNAME_GAP.fullmatch(text[first.mention.start : last.mention.start]):
            continue
        form = names.clean(text[first.mention.start : last.mention.end], person=True)
        key = names.name_key(form, person=True)
        if len(key.core) >= 2:
            items[i] = Item(first.article, first.mention, key, cue=first.cue, full_name=full_name(key, common), sex=first.sex)


def _with_article_acronyms(key: NameKey, text: str) -> NameKey:
    """A name written with a capitalised "The" may be abbreviated with its T ("The Hollywood Reporter"
    → THR); ``clean`` drops the article, so its acronyms are added here."""
    if not key.acronyms or not text.lstrip(_QUOTES).startswith("The "):
        return key
    return dataclasses.replace(key, acronyms=key.acronyms + tuple("t" + a for a in key.acronyms))


def _without_common_tail(form: str, common: frozenset[str]) -> str:
    """A name without the lower-case common words a span ran on into ("SEACOM undersea cable",
    "Banstead in", "the Associated Press news agency"): a name ends with a name word."""
    words = form.split(" ")
    if all(w.islower() for w in words):
        return form  # no name word at all ("the civil war" tagged EVENT): nothing to cut back to
    end = len(words)
    while end > 1 and words[end - 1].islower() and words[end - 1] in common:
        end -= 1
    return form if end == len(words) else " ".join(words[:end]).rstrip(" ,;:-–—")


def _trimmed(item: Item, part: NameKey, common: frozenset[str]) -> Item:
    """An item whose run-on span is cut back to the known name ``part``."""
    return Item(item.article, item.mention, part, trimmed=True, cue=item.cue, full_name=full_name(part, common), sex=item.sex)


def _all_proper(form: str, common: frozenset[str]) -> bool:
    """Whether every capitalised word of a name is a proper-noun spelling (not "Warship Sukanya")."""
    words = [w for w in _ANY_WORD.findall(form) if w[0].isupper()]
    return bool(words) and all(w.casefold() not in common for w in words)


def _known_part(form: str, person: bool, known: Counter[str], suffix: bool = False) -> NameKey | None:
    """The longest run of words of ``form`` (or, with ``suffix``, of its last words) that is a
    name seen in running text (ties: the most seen)."""
    words = form.split()
    for size in range(len(words) - 1, 0, -1):
        found = []
        for start in [len(words) - size] if suffix else range(len(words) - size + 1):
            part = names.clean(" ".join(words[start : start + size]), person=person)
            if names.fold(part):
                key = names.name_key(part, person=person)
                if known[key.core_key]:
                    found.append((known[key.core_key], -start, key))
        if found:
            return max(found, key=lambda f: f[:2])[2]
    return None


def _known_extension(text: str, mention: Mention, person: bool, known: Counter[str]) -> NameKey | None:
    """The longest name known from running text that the words right after ``mention`` complete
    ("Indianapolis" + " Colts"), if any."""
    follow = _FOLLOWING_NAME_WORDS.match(text, mention.end)
    if follow is None:
        return None
    words = follow.group().split()
    for size in range(len(words), 0, -1):
        form = names.clean(text[mention.start : mention.end] + " " + " ".join(words[:size]), person=person)
        key = names.name_key(form, person=person)
        if known[key.core_key]:
            return key
    return None


def _first_line_name(text: str, person: bool, known: set[str]) -> NameKey | None:
    """The name a span run across lines stands for ("Teixeira" / "Boston" of a headline and the
    line below it): its first line that is a known name, else its first line."""
    keys = []
    for line in text.split("\n"):
        part = names.clean(line, person=person)
        if names.fold(part):
            keys.append(names.name_key(part, person=person))
    return next((k for k in keys if k.core_key in known), keys[0] if keys else None)


def _joined_names(form: str, person: bool, known: set[str], common: frozenset[str]) -> list[NameKey]:
    """The names a span joins with "and", "&" or "at", when every one is a name seen in running
    text; else none ("Fish and Wildlife Service" is one name: "Fish" is not known)."""
    pieces = _JOINS.split(form)
    if len(pieces) < 2:
        return []
    keys = []
    for piece in pieces:
        part = names.clean(piece, person=person)
        if not names.fold(part):
            return []
        key = names.name_key(part, person=person)
        if key.core_key not in known or not _all_proper(part, common):
            return []
        keys.append(key)
    return keys if len({k.core_key for k in keys}) == len(keys) else []
