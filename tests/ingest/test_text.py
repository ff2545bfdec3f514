"""Plain-text and Markdown inputs split into blocks."""

from __future__ import annotations

from newsfuse.ingest.document import Block
from newsfuse.ingest.normalize import normalize_text
from newsfuse.ingest.text import markdown_blocks, markdown_front_matter, text_blocks
from tests.conftest import TEST_DATA


def test_one_paragraph_per_line_when_lines_are_long():
    text = "First paragraph that is long enough to be a whole paragraph on its own line in a file copied from a page.\nSecond one, just as long, also a paragraph of its own and not a continuation of the line above it."
    assert [b.text for b in text_blocks(text)] == text.split("\n")


def test_hard_wrapped_lines_are_joined():
    text = (
        "The council voted on Tuesday to keep all three library branches open,\n"
        "reversing a plan to close the Eastgate branch that drew more than 1,500\n"
        "signatures in protest.\n"
        "\n"
        "Short line\n"
        "Another short line\n"
    )
    blocks = [b.text for b in text_blocks(text)]
    assert blocks[0].startswith("The council voted") and blocks[0].endswith("signatures in protest.")
    assert blocks[1:] == ["Short line", "Another short line"]


def test_title_line_is_not_glued_to_a_wrapped_paragraph():
    text = "Title of the story here\nThis is a wrapped paragraph of text that goes on for quite a while\nand continues here."
    assert [b.text for b in text_blocks(text)][0] == "Title of the story here"


def test_masthead_over_breadcrumb_stays_two_blocks():
    assert len(text_blocks("NORTHBRIDGE HERALD\nHome › World › Europe")) == 2


def test_markdown_markup_is_stripped_and_structure_kept():
    text = normalize_text((TEST_DATA / "ingest" / "council_brief.md").read_text(encoding="utf-8"))
    meta, body = markdown_front_matter(text)
    assert meta == {
        "title": "Council votes to keep library branches open",
        "date": "2024-02-20",
        "outlet": "Northfield Courier",
        "url": "https://northfieldcourier.example/2024/02/20/libraries",
    }
    blocks = markdown_blocks(body)
    assert blocks[0] == Block("Council votes to keep library branches open", heading=True)
    assert blocks[1].text.startswith("NORTHFIELD — The town council voted 7–2 on Tuesday")
    assert "1,500 signatures in protest." in blocks[1].text  # link text kept, soft breaks joined
    assert Block("Budget shortfall remains", heading=True) in blocks
    assert Block("delaying the repaving of Mill Road,") in blocks
    joined = " ".join(b.text for b in blocks)
    for markup in ("**", "](", "![", "> ", "eastgate.jpg", "#"):
        assert markup not in joined


def test_markdown_inline_markup():
    blocks = markdown_blocks("Some *emphasis*, __strong__, `code`, a [link](http://x.y) and snake_case_name.\n\nTitle\n=====")
    assert blocks == [
        Block("Some emphasis, strong, code, a link and snake_case_name."),
        Block("Title", heading=True),
    ]


def test_markdown_without_front_matter():
    meta, body = markdown_front_matter("# Heading\n\nText.")
    assert meta == {} and body == "# Heading\n\nText."
