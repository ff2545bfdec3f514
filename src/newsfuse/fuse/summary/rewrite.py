"""Optional abstractive rewrite of summary lines through an OpenAI-compatible chat endpoint, checked against the original."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence

from newsfuse.errors import ModelError
from newsfuse.model import SummaryLine

log = logging.getLogger(__name__)

# A rewrite longer than MAX_GROWTH or shorter than MIN_SHRINK times its original (in characters)
# is not a rewording but a different sentence: an added clause or a dropped one. Set by hand, 2026-11:
# plain rewordings of the seed and example summary lines stay within 0.6-1.3 of the original.
# Provisional (set on the examples or seeds): docs/quality.md, "Provisional constants".
MAX_GROWTH = 1.5
MIN_SHRINK = 0.4
# Deterministic output: the same summary gives the same rewrite.
TEMPERATURE = 0.0
# The largest answer read back (bytes): a summary of eight lines is a few kilobytes.
MAX_ANSWER_BYTES = 1_000_000

SYSTEM_PROMPT = (
    "You rewrite lines of a news summary so they read smoothly. Rewrite each numbered line on its own "
    "into one plain, neutral sentence. Keep every name, number, date and quotation exactly as written, "
    "add nothing that the line does not say, and drop nothing it says. Answer with the same numbers, "
    "one line each, as 'N. rewritten line', and nothing else."
)

_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+(\S.*?)\s*$")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[\w’'-]+")
_QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
# Words that turn a statement into its denial; a rewrite must keep at least as many.
_NEGATIONS = frozenset("not no never nor none nobody nothing without n't cannot".split())


class ChatRewriter:
    """Rewrites numbered lines with one request to ``{base_url}/v1/chat/completions``.

    Calling it with the lines of one event returns one text per line, or None for a line
    whose rewrite could not be read back; it raises :class:`ModelError` when the endpoint is
    absent, refuses, times out or answers something that is not a chat completion.
    """

    def __init__(self, base_url: str, model: str = "", timeout: float = 30.0, temperature: float = TEMPERATURE):
        self.base_url = base_url
        self.model = model
        self.timeout = timeout
        self.temperature = temperature

    @property
    def endpoint(self) -> str:
        base = self.base_url.rstrip("/")
        # Ollama and llama.cpp document their base URL both with and without /v1.
        return base + ("/chat/completions" if base.endswith("/v1") else "/v1/chat/completions")

    def __call__(self, lines: Sequence[str]) -> list[str | None]:
        numbered = "\n".join(f"{n}. {' '.join(line.split())}" for n, line in enumerate(lines, start=1))
        answer = self.complete([
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": numbered},
        ])
        return parse_numbered(answer, len(lines))

    def complete(self, messages: list[dict[str, str]]) -> str:
        """The content of the first choice the endpoint answers with."""
        body = json.dumps({"model": self.model, "messages": messages, "temperature": self.temperature})
        request = urllib.request.Request(
            self.endpoint, data=body.encode("utf-8"), headers={"Content-Type": "application/json"}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read(MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise ModelError(f"rewrite endpoint {self.endpoint} answered HTTP {exc.code}") from exc
        except urllib.error.URLError as exc:
            raise ModelError(f"rewrite endpoint {self.endpoint} unreachable: {exc.reason}") from exc
        except (TimeoutError, socket.timeout, OSError, ValueError) as exc:
            raise ModelError(f"rewrite endpoint {self.endpoint} failed: {exc}") from exc
        if len(raw) > MAX_ANSWER_BYTES:
            raise ModelError(f"rewrite endpoint {self.endpoint} answered more than {MAX_ANSWER_BYTES} bytes")
        try:
            content = json.loads(raw.decode("utf-8"))["choices"][0]["message"]["content"]
        except (UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError) as exc:
            raise ModelError(f"rewrite endpoint {self.endpoint} answered no chat completion ({exc})") from exc
        if not isinstance(content, str):
            raise ModelError(f"rewrite endpoint {self.endpoint} answered content of type {type(content).__name__}")
        return content


def rewrite(summary: Sequence[SummaryLine], rewriter: Callable[[list[str]], list[str | None]] | None = None
            ) -> list[SummaryLine]:
    """The summary with its sentence lines reworded by ``rewriter`` where the rewording keeps their facts.

    ``rewriter`` gets the sentence lines of one event or story at a time and returns one text
    per line (None: keep the original). A rewording replaces a line only when
    :func:`unfaithful` finds nothing wrong with it (no figure, name,
    quotation or negation dropped; not far longer or shorter); every sentence line then says
    ``rewritten`` true (reworded) or false (kept). Sources, support and groups never change. When the rewriter
    fails (``ModelError``: the endpoint is absent, refuses, times out, answers garbage) the whole
    summary stays extractive, with a logged warning. Without a rewriter (the default, and all
    that runs offline) the summary comes back as is.
    """
    lines = list(summary)
    if rewriter is None:
        return lines
    groups: dict[tuple[str, str], list[int]] = {}
    for i, item in enumerate(lines):
        if item.kind == "sentence":
            key = ("story", item.story) if item.story else ("event", str(item.event))
            groups.setdefault(key, []).append(i)
    texts: dict[int, str] = {}
    for (kind, gid), members in groups.items():
        originals = [lines[i].text for i in members]
        try:
            answers = list(rewriter(originals))
        except ModelError as exc:
            log.warning("summary left extractive: %s", exc)
            texts = {}
            break
        if len(answers) != len(members):
            log.warning("summary rewrite of %s %s: %d lines for %d, kept extractive", kind, gid, len(answers), len(members))
            continue
        for i, original, answer in zip(members, originals, answers):
            reason = unfaithful(original, answer)
            if reason:
                log.info("summary line kept extractive (%s): %s", reason, original)
            elif " ".join(str(answer).split()) != " ".join(original.split()):
                texts[i] = " ".join(str(answer).split())
    for members in groups.values():
        for i in members:
            lines[i] = dataclasses.replace(lines[i], text=texts.get(i, lines[i].text), rewritten=i in texts)
    return lines



def parse_numbered(answer: str, n: int) -> list[str | None]:
    """Lines 1..n of an answer written as 'N. text'; None for a number missing, repeated or out of range.

    Text before the first numbered line is a preamble and ignored; any other unnumbered text
    makes the line it follows unreadable (a wrapped line or a comment: we cannot tell which).
    """
    found: dict[int, str | None] = {}
    current: int | None = None
    for raw in answer.splitlines():
        if not raw.strip():
            continue
        match = _NUMBERED.match(raw)
        if match:
            current = int(match.group(1))
            found[current] = match.group(2) if current not in found else None
        elif current is not None:
            found[current] = None
    return [found.get(k) if 1 <= k <= n else None for k in range(1, n + 1)]


def unfaithful(original: str, rewritten: str | None) -> str:
    """Why the rewrite cannot stand for the original ("" when it can): empty, far too long or short,
    or it drops a figure, a capitalised name, a quotation or a negation the original has."""
    if rewritten is None or not rewritten.strip():
        return "empty or unreadable"
    if len(rewritten) > MAX_GROWTH * len(original):
        return "far too long"
    if len(rewritten) < MIN_SHRINK * len(original):
        return "far too short"
    new_numbers = {d.replace(",", "") for d in _DIGITS.findall(rewritten)}
    for number in _DIGITS.findall(original):
        if number.replace(",", "") not in new_numbers:
            return f"drops the figure {number}"
    new_words = {_bare(w) for w in _WORD.findall(rewritten)}
    for name in map(_bare, _names(original)):
        if name not in new_words:
            return f"drops the name {name}"
    for match in _QUOTED.finditer(original):
        quote = " ".join((match.group(1) or match.group(2)).split())
        if quote not in " ".join(rewritten.split()):
            return "changes a quotation"
    if _negations(rewritten) < _negations(original):
        return "drops a negation"
    return ""


def _names(text: str) -> list[str]:
    """Capitalised words past the first (names, months, places); the first only when the next is capitalised
    too ("Angela Merkel said"), since a capital there is mostly the sentence's own."""
    words = _WORD.findall(text)
    out = [w for w in words[1:] if w[0].isupper()]
    if len(words) > 1 and words[0][0].isupper() and words[1][0].isupper():
        out.insert(0, words[0])
    return out


def _bare(word: str) -> str:
    """A word without its possessive, either apostrophe: "Chile’s" and "Chile's" keep the name "Chile"."""
    word = word.replace("’", "'")
    return word[:-2] if word.endswith("'s") else word.rstrip("'")


def _negations(text: str) -> int:
    lowered = text.lower().replace("n’t", " n't").replace("n't", " n't")
    return sum(1 for w in lowered.split() if w.strip(".,;:!?\"“”") in _NEGATIONS)
