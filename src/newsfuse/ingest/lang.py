"""A light offline language detector: which language's stopwords cover most of the text.

Function words make up a third to a half of running prose in any language
and differ between languages, so the share of tokens found in each
language's stoplist identifies the language of a news paragraph reliably,
with no model. The stoplists are jusText's (shipped with trafilatura's
dependencies), one per language. Scripts without spaces between words
(Chinese, Japanese, Thai ...) are named by their script instead.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

# ISO 639-1 code of each jusText stoplist we score. Limited to languages with
# a sizeable news press; scoring all ~100 lists only adds confusable
# regional variants (Simple English, Low Saxon ...) and time.
LANGUAGES: dict[str, str] = {
    "English": "en", "French": "fr", "German": "de", "Spanish": "es", "Portuguese": "pt",
    "Italian": "it", "Dutch": "nl", "Swedish": "sv", "Danish": "da", "Norwegian_Bokmal": "no",
    "Finnish": "fi", "Polish": "pl", "Czech": "cs", "Slovak": "sk", "Slovenian": "sl",
    "Croatian": "hr", "Serbian": "sr", "Romanian": "ro", "Hungarian": "hu", "Greek": "el",
    "Bulgarian": "bg", "Russian": "ru", "Ukrainian": "uk", "Belarusian": "be", "Turkish": "tr",
    "Azerbaijani": "az", "Kazakh": "kk", "Uzbek": "uz", "Georgian": "ka", "Armenian": "hy",
    "Arabic": "ar", "Persian": "fa", "Urdu": "ur", "Hebrew": "he", "Hindi": "hi",
    "Bengali": "bn", "Indonesian": "id", "Malay": "ms", "Vietnamese": "vi", "Tagalog": "tl",
    "Swahili": "sw", "Lithuanian": "lt", "Latvian": "lv", "Estonian": "et", "Catalan": "ca",
}
NAME_OF_CODE = {code: name for name, code in LANGUAGES.items()}

# Below this share of stopword tokens no language is claimed: lists of names,
# tables and very short snippets. English news prose scores 0.35-0.5; 0.15
# leaves room for headline-heavy text (hand-checked on the seeds and GVC).
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
MIN_STOPWORD_SHARE = 0.15
# Fewer word tokens than this say too little to name a language (a headline
# of names scores by accident in some lists).
MIN_TOKENS = 8
# Tokens scored at most; the first few hundred words decide the language.
MAX_TOKENS = 600
# Scripts written without spaces between words, named by the script: share of
# letters in the script above which the text is in that language.
MIN_SCRIPT_SHARE = 0.3

_CHARS_PER_TOKEN = 8  # generous: English averages under 6 characters a word with its space
_LETTER_RE = re.compile(r"[^\W\d_]")
_SCRIPTS = {
    "ja": re.compile(r"[\u3040-\u30ff]"),  # hiragana, katakana
    "zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
    "ko": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "th": re.compile(r"[\u0e00-\u0e7f]"),
    "lo": re.compile(r"[\u0e80-\u0eff]"),
    "km": re.compile(r"[\u1780-\u17ff]"),
    "my": re.compile(r"[\u1000-\u109f]"),
}
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=None)
def stopwords(code: str) -> frozenset[str]:
    """jusText's stoplist for ISO code ``code`` (lower-case words); empty when there is none."""
    name = NAME_OF_CODE.get(code)
    if name is None:
        return frozenset()
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist(name))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (letters, with an inner apostrophe kept)."""
    return [t.lower().replace("’", "'") for t in _TOKEN_RE.findall(text)]


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """Word -> codes of the languages whose stoplist holds it (one pass per text instead of one per language)."""
    index: dict[str, list[str]] = {}
    for code in LANGUAGES.values():
        for word in stopwords(code):
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def release() -> None:
    """Forget the stoplists read so far (17 MiB of words with the index over them, 2026-12-07), for
    a process that reads no more inputs (a one-off run, after its ingest); they are read again when asked for."""
    stopwords.cache_clear()
    _index.cache_clear()


def language_scores(text: str) -> dict[str, float]:
    """Share of the text's tokens found in each language's stoplist (languages with no hit left out)."""
    return _scores(_head_tokens(text))


def _head_tokens(text: str) -> list[str]:
    return tokens(text[: MAX_TOKENS * _CHARS_PER_TOKEN])[:MAX_TOKENS]


def _scores(toks: list[str]) -> dict[str, float]:
    if not toks:
        return {}
    index = _index()
    hits: Counter[str] = Counter()
    for tok, count in Counter(toks).items():
        for code in index.get(tok, ()):
            hits[code] += count
    return {code: n / len(toks) for code, n in hits.items()}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text``, or None when it cannot be told."""
    script = _spaceless_script(text)
    if script:
        return script
    toks = _head_tokens(text)
    if len(toks) < MIN_TOKENS:
        return None
    scores = _scores(toks)
    if not scores:
        return None
    code, share = max(scores.items(), key=lambda kv: kv[1])
    return code if share >= MIN_STOPWORD_SHARE else None


def _spaceless_script(text: str) -> str | None:
    sample = text[: MAX_TOKENS * _CHARS_PER_TOKEN]
    letters = len(_LETTER_RE.findall(sample))
    if not letters:
        return None
    counts = {code: len(pattern.findall(sample)) for code, pattern in _SCRIPTS.items()}
    if counts["ja"] > 0.05 * letters:  # kana next to kanji: Japanese
        return "ja"
    code, n = max(counts.items(), key=lambda kv: kv[1])
    return code if n >= MIN_SCRIPT_SHARE * letters else None
