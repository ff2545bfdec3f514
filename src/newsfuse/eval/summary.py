"""Scoring summaries: ROUGE-1/2/L F1 of each event's summary against reference summaries, beside a lead-sentence baseline.

``newsfuse eval summary REPORT REFERENCES`` reads a ``report.json`` (or the folder
holding it) and a reference file, JSONL or a JSON list, one item per event::

    {"articles": ["a1", "a2"], "reference": "..."}            # or "references": ["...", "..."]

Event ids are generated, so a reference names the articles of its event; it is
matched to the report's event sharing the most of them. Two texts are scored
against each reference (the best reference counts where there are several):

* ours: the event's summary sentences (the headline left out), in order;
* lead: the first sentence of each report of the event (copies left out), in the
  report's article order: the baseline every news summariser has to beat.

Scores are F1 of Google's ``rouge-score`` (the ROUGE-1.5.5 reimplementation: its own
tokenizer, Porter stemming, no NLTK data), averaged over the references.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsfuse.errors import EvalError
from newsfuse.fuse.summary.sentences import MIN_WORDS, clean_sentence
from newsfuse.ingest.meta import parse_dateline

METRICS = ("rouge1", "rouge2", "rougeL")
# A lead sentence is the first of the report that the summariser could also have chosen:
# at least MIN_WORDS words ending in a full stop or a closing quote (not a byline or standfirst).
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")")


def evaluate(report_path: str | Path, references_path: str | Path) -> dict[str, Any]:
    """Scores (see :func:`score`) of the report at ``report_path`` against the reference file."""
    scores = score(read_report(report_path), read_references(references_path))
    return {"report": str(report_path), "references": str(references_path), **scores}


def score(report: Mapping[str, Any], references: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Mean ROUGE F1 of our summaries and of the lead baseline per reference, their difference, and each item."""
    scorer = _scorer()
    items = []
    for ref in references:
        event = match_event(report, ref["articles"])
        ours = summary_text(report, event["id"]) if event else ""
        lead = lead_text(report, event["articles"] if event else ref["articles"])
        items.append({
            "articles": ref["articles"],
            "event": event["id"] if event else None,
            "ours": _score(scorer, ref["references"], ours),
            "lead": _score(scorer, ref["references"], lead),
        })
    ours_mean = _mean([i["ours"] for i in items])
    lead_mean = _mean([i["lead"] for i in items])
    return {
        "events": len(items),
        "matched": sum(1 for i in items if i["event"]),
        "ours": ours_mean,
        "lead": lead_mean,
        "difference": {m: round(ours_mean[m] - lead_mean[m], 4) for m in METRICS},
        "items": items,
    }


def read_report(path: str | Path) -> dict[str, Any]:
    """A report.json, given as the file or as the folder ``newsfuse analyze --out`` wrote it into."""
    path = Path(path)
    if path.is_dir():
        path = path / "report.json"
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise EvalError(f"{path}: cannot read the report ({exc})") from exc
    if not isinstance(report, dict) or not all(isinstance(report.get(k), list) for k in ("articles", "events", "summary")):
        raise EvalError(f"{path}: not a newsfuse report with articles, events and summary")
    return report


def read_references(path: str | Path) -> list[dict[str, Any]]:
    """Reference items ``{articles, references}`` from JSONL or a JSON list of ``{articles, reference(s)}``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        stripped = text.lstrip()
        if stripped.startswith("["):
            rows = json.loads(stripped)
        else:
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise EvalError(f"{path}: cannot read reference summaries ({exc})") from exc
    out = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise EvalError(f"{path}: item {number} is not an object")
        texts = row.get("references", row.get("reference"))
        texts = [texts] if isinstance(texts, str) else texts
        articles = row.get("articles")
        if not texts or not all(isinstance(t, str) and t.strip() for t in texts):
            raise EvalError(f"{path}: item {number} has no reference text")
        if not articles or not all(isinstance(a, str) for a in articles):
            raise EvalError(f"{path}: item {number} names no articles")
        out.append({"articles": list(articles), "references": list(texts)})
    if not out:
        raise EvalError(f"{path}: no reference summaries")
    return out


def match_event(report: Mapping[str, Any], articles: Sequence[str]) -> dict[str, Any] | None:
    """The report's event sharing the most articles with the reference (then the fewest others); None if none shares any."""
    wanted = set(articles)
    best, best_key = None, (0, 0)
    for event in report["events"]:
        members = set(event.get("articles") or ())
        key = (len(members & wanted), -len(members - wanted))
        if key[0] and key > best_key:
            best, best_key = event, key
    return best


def summary_text(report: Mapping[str, Any], event_id: str) -> str:
    """The event's summary sentences, headline left out, as one text."""
    return " ".join(
        s["text"] for s in report["summary"] if s.get("event") == event_id and s.get("kind", "sentence") == "sentence"
    )


def lead_text(report: Mapping[str, Any], article_ids: Sequence[str]) -> str:
    """The first sentence of each of the reports (copies left out), joined in the report's article order."""
    wanted = set(article_ids)
    leads = []
    for article in report["articles"]:
        if article["id"] in wanted and not article.get("duplicate_of"):
            lead = lead_sentence(article)
            if lead:
                leads.append(lead)
    return " ".join(leads)


def lead_sentence(article: Mapping[str, Any]) -> str:
    """The article's first full sentence, dateline dropped, as the summariser would read it."""
    text = article.get("text") or ""
    for start, end in article.get("sentences") or ():
        # report.json keeps no dateline span: read the sentence's own as ingest reads one
        dateline = parse_dateline(text[start:end])
        sentence = clean_sentence(text[start + dateline.end if dateline else start : end])
        if len(sentence.split()) >= MIN_WORDS and sentence.endswith(_TERMINAL):
            return sentence
    return ""


def format_scores(scores: Mapping[str, Any]) -> str:
    lines = [
        f"{scores['events']} reference events, {scores['matched']} matched to a report event",
        f"{'':12}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-L':>9}",
    ]
    for name, label in (("ours", "ours"), ("lead", "lead"), ("difference", "ours - lead")):
        row = scores[name]
        sign = "+" if name == "difference" else ""
        lines.append(f"{label:12}" + "".join(f"{row[m]:>{sign}9.4f}" for m in METRICS))
    return "\n".join(lines)


def _scorer():
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:
        raise EvalError("ROUGE needs the rouge-score package (pip install rouge-score)") from exc
    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def _score(scorer, references: Sequence[str], text: str) -> dict[str, float]:
    if not text.strip():
        return {m: 0.0 for m in METRICS}
    scores = scorer.score_multi(list(references), text)
    return {m: round(scores[m].fmeasure, 4) for m in METRICS}


def _mean(rows: Sequence[Mapping[str, float]]) -> dict[str, float]:
    return {m: round(sum(r[m] for r in rows) / len(rows), 4) if rows else 0.0 for m in METRICS}
