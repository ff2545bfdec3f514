"""Walking inputs into Articles and Skips: formats, bad input, ids, and the seed reports."""

from __future__ import annotations

import json

import pytest

from newsfuse.ingest import iter_inputs, read_inputs
from newsfuse.model import Article, Skip
from tests.conftest import SEEDS, TEST_DATA, needs_seeds

DATA = TEST_DATA / "ingest"


@pytest.fixture(scope="module")
def fixtures():
    from newsfuse.config import load_config

    articles, skipped = read_inputs([DATA], load_config(jobs=1, progress="never"))
    return {a.id: a for a in articles}, {s.input: s.reason for s in skipped}


def test_bad_inputs_become_skips_with_reasons(fixtures):
    _, skipped = fixtures
    expected = {
        "empty.txt": "file is empty",
        "image.png": "looks like a PNG image",
        "nul_bytes.txt": "NUL bytes",
        "too_short.txt": "too little article text",
        "records.jsonl:4": "not valid JSON",
        "records.jsonl:5": 'no "text" or "html"',
        "records.jsonl:6": "not a list",
        "records.jsonl:7": 'field "text" must be a string',
    }
    by_name = {key.replace(str(DATA) + "/", ""): reason for key, reason in skipped.items()}
    assert set(by_name) == set(expected)
    for name, words in expected.items():
        assert words in by_name[name], (name, by_name[name])


def test_every_format_is_read(fixtures):
    articles, _ = fixtures
    assert articles["cp1251_article"].text.startswith("МОСКВА, 12 марта.")
    assert articles["cp1251_article"].language == "ru"
    assert articles["latin1_article"].title == "Grève des contrôleurs aériens à Marseille"
    assert articles["utf16_article"].title == "Dam inspection finds no cracks"
    bom = articles["bom_crlf_article"]
    assert bom.title == "Storm closes mountain pass"
    assert "\r" not in bom.text and "\u200b" not in bom.text and "\ufeff" not in bom.title
    assert "heavy snow — the second closure this month — and" in bom.text
    assert articles["council_brief"].published == "2024-02-20"
    assert articles["harbour_page"].outlet == "The Coastal Ledger"


# What the page says about itself, fixture by fixture: (outlet, its basis,
# agency, published, its basis, title basis). A date without a year that the
# text does not settle stays null.
PAGE_METADATA = {
    "syndicated_copy": ("The Marlow Gazette", "masthead", "Bayline News Agency", "2024-06-03", "byline", "heading"),
    "dated_byline": ("Marlow Evening Gazette", "masthead", None, "2024-06-05", "byline", "heading"),
    "analysis_page": ("Quay & Cargo Review", "masthead", None, "2024-06-06", "byline", "heading"),
    "yearless_masthead": ("Harlan Business Daily", "masthead", None, None, None, "heading"),
    "untitled_lead": (None, None, None, None, None, "lead"),
    "wire_story": ("Reuters", "dateline", "Reuters", "2024-03-04", "dateline", "heading"),
    "council_brief": ("Northfield Courier", "metadata", None, "2024-02-20", "metadata", "metadata"),
}


def test_outlet_agency_date_and_title_bases(fixtures):
    articles, _ = fixtures
    for article_id, expected in PAGE_METADATA.items():
        a = articles[article_id]
        got = (a.outlet, a.outlet_basis, a.agency, a.published, a.published_basis, a.title_basis)
        assert got == expected, article_id
    assert articles["dated_byline"].title == "Ferry operator agrees to shelve rosters after two-day strike"
    for article_id in ("syndicated_copy", "dated_byline", "analysis_page"):
        assert not articles[article_id].text.startswith("By "), article_id  # the byline went to `removed`
    assert "covers transport" not in articles["dated_byline"].text  # the author's bio too
    untitled = articles["untitled_lead"]
    assert untitled.title == "The operator of the Kestra island ferries shelved its new shift rosters on Wednesday"
    assert untitled.text.startswith("KESTRA — Against the backdrop")  # the title is cut from the text, not out of it


def test_jsonl_records(fixtures):
    articles, _ = fixtures
    first = articles["rec-1"]
    assert (first.title, first.outlet, first.published, first.url) == (
        "Rail strike halts trains across the north",
        "Northern Echo Wire",
        "2024-05-16",
        "https://echowire.example/rail-strike",
    )
    assert first.source.endswith("records.jsonl:1")
    assert first.text.startswith("Train services")  # the repeated title line went to `removed`
    assert [r.reason for r in first.removed] == ["duplicate title"]
    html_record = articles["rec-2"]
    assert html_record.title == "Flood warning lifted for Ambler valley"
    assert html_record.published == "2024-01-08"
    assert "Home" not in html_record.text
    assert articles["records-8"].source.endswith("records.jsonl:8")
    assert articles["rec-1-2"].text.startswith("A second record that reuses the id")


def test_folders_are_walked_sorted_without_hidden_files(config):
    ids = [a.id if isinstance(a, Article) else a.input for a in iter_inputs([DATA / "folder"], config)]
    assert ids == ["b_wire", "a_blog", "wire_story"]  # b_wire.txt, sub/a_blog.txt, wire_story


def test_ids_are_unique_within_a_run(config):
    articles, _ = read_inputs([DATA / "wire_story.txt", DATA / "folder" / "wire_story", DATA / "wire_story.txt"], config)
    assert [a.id for a in articles] == ["wire_story", "wire_story-2", "wire_story-3"]


def test_a_bug_costs_one_input_not_the_run(monkeypatch, config):
    import newsfuse.ingest.inputs as inputs

    real = inputs.build_article

    def flaky(raw, article_id, *limits):
        if article_id == "b_wire":
            raise RuntimeError("boom")
        return real(raw, article_id, *limits)

    monkeypatch.setattr(inputs, "build_article", flaky)
    items = list(iter_inputs([DATA / "folder"], config))
    assert isinstance(items[0], Skip) and "internal error" in items[0].reason and "boom" in items[0].reason
    assert [i.id for i in items[1:]] == ["a_blog", "wire_story"]


def test_skipped_inputs_take_no_id(tmp_path, config):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("Too short.")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "story.txt").write_text((DATA / "wire_story.txt").read_text(encoding="utf-8"))
    articles, skipped = read_inputs([tmp_path], config)
    assert [a.id for a in articles] == ["story"] and len(skipped) == 1


def test_missing_path_and_oversized_file(tmp_path, config):
    items = list(iter_inputs([tmp_path / "nope.txt", DATA / "wire_story.txt"], config.replace(max_input_bytes=200)))
    assert [type(i) for i in items] == [Skip, Skip]
    assert items[0].reason == "file not found"
    assert "max_input_bytes" in items[1].reason


def test_oversized_jsonl_record_skips_only_that_record(tmp_path, config):
    path = tmp_path / "big.jsonl"
    small = '{"id": "s", "text": "%s"}' % ("Small record with enough words to stay in the run after cleaning. " * 3)
    big = '{"id": "b", "text": "%s"}' % ("x " * 400)
    path.write_text(small + "\n" + big + "\n", encoding="utf-8")
    items = list(iter_inputs([path], config.replace(max_input_bytes=500)))
    assert isinstance(items[0], Article) and items[0].id == "s"
    assert isinstance(items[1], Skip) and items[1].input.endswith("big.jsonl:2") and "too large" in items[1].reason


def test_jsonl_that_is_not_jsonl(tmp_path, config):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    binary = tmp_path / "binary.ndjson"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"text": "caf\u00e9 au lait, with more than enough words to make an article"}'.encode("latin-1"))
    items = {i.input.rsplit("/", 1)[-1]: i.reason for i in iter_inputs([empty, binary, latin], config)}
    assert "white space" in items["empty.jsonl"]
    assert "NUL bytes" in items["binary.ndjson"]
    assert "not valid UTF-8" in items["latin.jsonl:1"]


def test_json_file_of_records(tmp_path, config):
    text = "Crews accepted a pay rise of four percent over two years, the union said on Sunday evening."
    one = tmp_path / "one.json"
    one.write_text('{"title": "Ferry deal", "text": "%s"}' % text)
    many = tmp_path / "many.json"
    many.write_text('[{"id": "m1", "text": "%s"}, {"text": "%s"}, {"text": 5}]' % (text, text.replace("four", "five")))
    items = list(iter_inputs([one, many], config))
    assert [i.id if isinstance(i, Article) else i.input.rsplit("/", 1)[-1] for i in items] == ["one", "m1", "many-2", "many.json#3"]
    assert items[0].title == "Ferry deal"


def test_unknown_extension_is_sniffed(tmp_path, config):
    page = tmp_path / "page.php"
    page.write_text("<!DOCTYPE html><html><head><title>Ferry service resumes after strike</title></head><body><article><h1>Ferry service resumes after strike</h1><p>" + "Ferries between the island and the mainland resumed on Monday after a three-day strike by crews ended with a pay deal. " * 2 + "</p></article></body></html>")
    lines = tmp_path / "export.log"
    lines.write_text('{"id": "x1", "text": "' + "Crews accepted a pay rise of four percent over two years, the union said on Sunday evening. " * 2 + '"}\n')
    articles, skipped = read_inputs([page, lines], config)
    assert not skipped
    assert [a.id for a in articles] == ["page", "x1"]
    assert articles[0].title == "Ferry service resumes after strike"


# What the seed reports hold: chrome that must leave the title and text, and
# where it must be found instead.
SEED_CHROME = {
    "000_f7b9fb23c4114c27": {"PREVIEW:": "label", "Russian Politics & Diplomacy January 28, 7:49": "section/time header", "Read more on the site →": "prompt"},
    "001_12b1d7691e41a902": {"Read “Zamin” on Telegram!": "prompt"},
    "002_fd27662df4f2f4bd": {
        "admin": "author box",
        "About Author": "author box",
        "Leave a comment": "comment form",
        "Your email address will not be published. Required fields are marked *": "comment form",
        "You may also like": "related-articles tail",
    },
}
SEED_TEASER_WORDS = ("Police Arrest", "Falana", "Muyiwa Adejobi", "AfriCare", "February 10, 2025", "Foreign News")


@needs_seeds
@pytest.mark.slow
def test_seeds(config):
    articles, skipped = read_inputs([SEEDS], config)
    assert not skipped
    by_id = {a.id: a for a in articles}
    assert len(by_id) == 5
    for article_id, cuts in SEED_CHROME.items():
        article = by_id[article_id]
        removed = {r.text: r.reason for r in article.removed}
        for text, reason in cuts.items():
            assert removed.get(text) == reason, (article_id, text)
            assert text not in article.text and text not in article.title
    for article in articles:
        for words in SEED_TEASER_WORDS:
            assert words not in article.text and words not in article.title, (article.id, words)
    tass = by_id["000_f7b9fb23c4114c27"]
    assert tass.title == "Putin to receive Syrian interim leader"
    assert (tass.outlet, tass.outlet_basis, tass.dateline) == ("TASS", "dateline", "MOSCOW")
    assert (tass.published, tass.published_basis) == ("2026-01-28", "header")
    assert tass.text.startswith("MOSCOW, January 28. /TASS/. Russian President")
    assert (by_id["001_12b1d7691e41a902"].outlet, by_id["001_12b1d7691e41a902"].outlet_basis) == ("Zamin", "self-reference")
    nigerian = by_id["002_fd27662df4f2f4bd"]
    assert nigerian.title == "Syrian Interim President Al-Sharaa, Putin Discuss Future of Russian Military Bases in Syria"
    assert nigerian.text.endswith("long-term security of Russia’s Mediterranean bases.")
    assert by_id["004_7b1bc22cdb14519c"].title == "Syria's President to meet Putin in Moscow on Wednesday"
    for article in articles:
        assert article.published in (None, "2026-01-28"), article.id  # correct or null
        assert article.outlet in (None, "TASS", "Zamin"), article.id
        assert article.language == "en"
        assert "\u00a0" not in article.text


_WESTERN = (
    "Dockers in Setúbal stopped work on Monday, the union said. The café by the gate stayed open "
    "all day, and a coffee there cost €2 as before."
)


def test_every_article_says_which_encoding_it_was_read_in(tmp_path, config):
    (tmp_path / "a-cp1252.txt").write_bytes(_WESTERN.encode("cp1252"))
    (tmp_path / "b-utf8.txt").write_bytes(_WESTERN.encode("utf-8"))
    damaged = _WESTERN.encode("utf-8")
    (tmp_path / "c-damaged.txt").write_bytes(damaged[:40] + b"\x9d" + damaged[40:])
    (tmp_path / "d.jsonl").write_text('{"text": "%s"}\n' % _WESTERN, encoding="utf-8")
    articles, skipped = read_inputs([tmp_path], config)
    assert skipped == []
    by_id = {a.id: a for a in articles}
    assert by_id["a-cp1252"].encoding == "cp1252"
    assert "Setúbal" in by_id["a-cp1252"].text and "€2" in by_id["a-cp1252"].text
    assert by_id["b-utf8"].encoding == "utf-8"
    assert by_id["c-damaged"].encoding == "utf-8 (1 invalid byte replaced)"
    assert "Setúbal" in by_id["c-damaged"].text and "café" in by_id["c-damaged"].text
    assert by_id["d-1"].encoding == "utf-8"


def test_ids_taken_before_the_run_are_not_reused(tmp_path, config):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"The {folder} report: " + _WESTERN, encoding="utf-8")
    articles, _ = read_inputs([tmp_path / "one", tmp_path / "two"], config, taken={"report", "report-2"})
    assert [a.id for a in articles] == ["report-3", "report-4"]


def test_a_record_longer_than_the_article_cap_is_kept_cut_with_a_note(tmp_path, config):
    body = "\n\n".join(f"Update {i}: the strike at the port of Setúbal went on, the union said." for i in range(17_000))
    assert 1_000_000 < len(body) < config.max_input_bytes
    (tmp_path / "long.jsonl").write_text(json.dumps({"id": "long", "text": body}) + "\n", encoding="utf-8")
    articles, skipped = read_inputs([tmp_path], config)
    assert skipped == [] and len(articles) == 1
    assert len(articles[0].text) <= config.max_article_chars
    assert "max_article_chars" in articles[0].removed[-1].reason


def test_a_linked_folder_is_followed_once_and_a_link_loop_is_skipped(tmp_path, config):
    real = tmp_path / "real"
    (real / "inner").mkdir(parents=True)
    (real / "inner" / "strike.txt").write_text(_WESTERN, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "linked").symlink_to(real, target_is_directory=True)  # a folder of articles behind a link
    (real / "inner" / "back").symlink_to(real, target_is_directory=True)  # a loop back up the tree
    (corpus / "again").symlink_to(real / "inner", target_is_directory=True)  # reached twice
    items = list(iter_inputs([corpus], config))
    assert [(i.id, i.source) for i in items if isinstance(i, Article)] == [("strike", str(corpus / "again" / "strike.txt"))]
    skips = {i.input.replace(str(corpus) + "/", ""): i.reason for i in items if isinstance(i, Skip)}
    # folders in sorted order: "again" is read first, so "linked/inner" is the second way in
    assert set(skips) == {"again/back", "linked/inner"}, skips
    assert all("already read" in reason for reason in skips.values()), skips


def test_a_utf16_jsonl_with_a_byte_order_mark_is_read(tmp_path, config):
    lines = [json.dumps({"id": f"wide-{n}", "text": f"Report {n}. " + _WESTERN}, ensure_ascii=False) for n in (1, 2)]
    for encoding in ("utf-16-le", "utf-16-be"):
        bom = "\ufeff".encode(encoding)
        (tmp_path / f"{encoding}.jsonl").write_bytes(bom + ("\n".join(lines) + "\n").encode(encoding))
    articles, skipped = read_inputs([tmp_path], config)
    assert skipped == []
    assert [a.id for a in articles] == ["wide-1", "wide-2", "wide-1-2", "wide-2-2"]
    assert {a.encoding for a in articles} == {"utf-16"}
    assert "Setúbal" in articles[0].text and "€2" in articles[0].text
    (tmp_path / "nobom.jsonl").write_bytes(lines[0].encode("utf-16-le"))
    _, skipped = read_inputs([tmp_path / "nobom.jsonl"], config)
    assert "without a byte-order mark" in skipped[0].reason


def test_a_bad_metadata_field_drops_the_field_not_the_record(tmp_path, config):
    records = [
        {"id": "bad-outlet", "text": _WESTERN, "outlet": 42, "published": "2024-05-16"},
        {"id": "bad-date", "text": _WESTERN, "outlet": "Port Wire", "published": 20240516},
        {"id": "odd-date", "text": _WESTERN, "published": "the day after the strike"},
    ]
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    articles, skipped = read_inputs([tmp_path], config)
    assert skipped == []
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"bad-outlet", "bad-date", "odd-date"}
    assert by_id["bad-outlet"].published == "2024-05-16" and by_id["bad-outlet"].outlet_basis != "metadata"
    assert by_id["bad-date"].outlet == "Port Wire" and by_id["bad-date"].published_basis != "metadata"
    notes = {aid: [(r.text, r.reason) for r in a.removed if "field" in r.reason] for aid, a in by_id.items()}
    assert notes["bad-outlet"] == [("42", 'field "outlet" dropped: it must be a string, not a number')]
    assert notes["bad-date"] == [("20240516", 'field "published" dropped: it must be a string, not a number')]
    assert notes["odd-date"] == [("the day after the strike", 'field "published" dropped: not a date')]
