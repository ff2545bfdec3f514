"""report.json: the schema-v1 layout, validated against the schema shipped in the package."""

from __future__ import annotations

import json

import jsonschema
import pytest

from newsfuse.errors import NewsfuseError
from newsfuse.model import Article, ArticleAnalysis, Entity, EntityMention, Removed, Report, Sentence, Skip, TimeValue
from newsfuse.render import json_report
from newsfuse.render.json_report import json_text, report_dict, schema, validate, write_json


def _report():
    article = Article(
        id="a1",
        text="Ana Costa opened the bridge on Tuesday.",
        title="Bridge opens",
        outlet="Coastline Wire",
        outlet_basis="dateline",
        published="2026-03-03",
        published_basis="dateline",
        removed=(Removed("Follow us on Telegram", "prompt"),),
    )
    analysis = ArticleAnalysis(
        "a1",
        article.content_hash,
        sentences=(Sentence(0, 39),),
        times=(TimeValue(31, 38, "Tuesday", "DATE", "2026-03-03"),),
    )
    entity = Entity("ana-costa", "Ana Costa", "PERSON", ("Ana Costa",), ("a1",), 1, (EntityMention("a1", 0, 9, "Ana Costa"),))
    return Report(
        articles=[article],
        analyses=[analysis],
        skipped=[Skip("bad.bin", "binary file (NUL bytes)")],
        entities=[entity],
        generated="2026-11-22T00:00:00+00:00",
        version="0.1.0",
    )


def test_report_matches_schema_and_contract(tmp_path):
    data = write_json(_report(), tmp_path / "report.json")
    on_disk = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert on_disk == data
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(on_disk, schema())
    article = on_disk["articles"][0]
    for key in ("id", "title", "outlet", "url", "published", "published_basis", "event", "story", "duplicate_of", "removed"):
        assert key in article
    assert article["removed"] == [{"text": "Follow us on Telegram", "reason": "prompt"}]
    assert article["times"][0]["value"] == "2026-03-03"
    assert on_disk["skipped"] == [{"input": "bad.bin", "reason": "binary file (NUL bytes)"}]
    assert on_disk["entities"][0]["aliases"] == ["Ana Costa"]


def test_contract_breaks_are_reported_with_their_place():
    data = report_dict(_report())
    data["articles"][0]["published"] = "28 January"
    with pytest.raises(NewsfuseError, match="articles/0/published"):
        validate(data)
    data = report_dict(_report())
    del data["entities"][0]["aliases"]
    with pytest.raises(NewsfuseError, match="aliases"):
        validate(data)


def test_dates_at_every_precision_are_valid():
    data = report_dict(_report())
    for value in ("2026-01-28", "2025-10", "2024", "XXXX-10-15", None):
        data["articles"][0]["published"] = value
        validate(data)


def test_report_json_is_written_in_pieces_with_the_characters_of_one_dump(tmp_path, monkeypatch):
    monkeypatch.setattr(json_report, "JOIN_PIECES", 3)  # many pieces even for a small report
    data = report_dict(_report())
    data["articles"][0]["title"] = "Ponte reabre às 9h — “hoje”"  # characters beyond ASCII stay as they are
    whole = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    pieces = list(json_text(data))
    assert len(pieces) > 1
    assert "".join(pieces) == whole
    write_json(_report(), tmp_path / "report.json")
    data = report_dict(_report())
    assert (tmp_path / "report.json").read_bytes() == (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
