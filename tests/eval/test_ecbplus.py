"""The ECB+ reader on two tiny documents we wrote in the ECB+ format (tests/data/canon/ecbplus)."""

from __future__ import annotations

import pytest

from newsfuse.errors import EvalError
from newsfuse.eval import ecbplus
from newsfuse.eval.ecbplus import EcbDocument, EcbToken
from tests.conftest import TEST_DATA

FIXTURE = TEST_DATA / "canon" / "ecbplus"


def _doc(name: str) -> EcbDocument:
    return ecbplus.read_document(FIXTURE / "docs" / "1" / f"{name}.xml")


def _surface(doc: EcbDocument, m_id: str) -> str:
    article, spans = ecbplus.to_article(doc)
    markable = next(m for m in doc.markables if m.id == m_id)
    span = ecbplus.token_span(markable, spans)
    assert span is not None
    return article.text[span[0] : span[1]]


def test_find_documents_sorted_and_filtered():
    found = ecbplus.find_documents([FIXTURE])
    assert [p.name for p in found] == ["1_2ecb.xml", "1_1ecbplus.xml"]
    assert ecbplus.find_documents([found[1]]) == [found[1]]
    with pytest.raises(EvalError, match="topics"):
        ecbplus.find_documents([FIXTURE], topics=[7])


def test_missing_path_is_an_eval_error(tmp_path):
    with pytest.raises(EvalError, match="no such"):
        ecbplus.find_documents([tmp_path / "nowhere"])


def test_malformed_xml_is_an_eval_error(tmp_path):
    bad = tmp_path / "3_1ecb.xml"
    bad.write_text("<Document><token t_id='1'", encoding="utf-8")
    with pytest.raises(EvalError, match="cannot read"):
        ecbplus.read_document(bad)


def test_markables_chains_and_descriptors():
    doc = _doc("1_1ecbplus")
    assert (doc.topic, doc.kind, doc.event_id) == ("1", "ecbplus", "1ecbplus")
    by_id = {m.id: m for m in doc.markables}
    assert "20" not in by_id  # instance descriptors carry no tokens and are not mentions
    assert by_id["4"].chain == by_id["6"].chain == by_id["8"].chain == "HUM1"
    assert by_id["9"].chain is None
    assert by_id["4"].is_entity and not by_id["1"].is_entity and by_id["1"].is_event


def test_article_skips_the_url_and_detokenises():
    doc = _doc("1_1ecbplus")
    article, _ = ecbplus.to_article(doc)
    assert "http" not in article.text
    assert article.id == "1_1ecbplus"
    assert "Maria Lopez, the chief executive of Acme Corp, said" in article.text
    assert "Lopez's company" in article.text
    assert _surface(doc, "4") == "Maria Lopez"
    assert _surface(doc, "7") == "Lopez's company"


def test_ecb_files_keep_sentence_zero():
    article, _ = ecbplus.to_article(_doc("1_2ecb"))
    assert article.text.startswith("Acme chief Maria Lopez")
    assert '"hard-hit"' in article.text


def test_detokenise_hyphens_quotes_and_clitics():
    words = ["Bashar", "al", "-", "Assad", "’", "s", "``", "talks", "''", "(", "Syria", ")", "."]
    doc = EcbDocument("9_1ecb", "9", "ecb", tuple(EcbToken(i + 1, 0, w) for i, w in enumerate(words)), ())
    article, spans = ecbplus.to_article(doc)
    assert article.text == 'Bashar al-Assad’s "talks" (Syria).'
    assert article.text[slice(*spans[4])] == "Assad"


def test_selected_sentences_found_from_a_docs_folder():
    selected = ecbplus.read_selected_sentences([FIXTURE / "docs"])
    assert selected is not None
    assert ("1_1ecbplus", 2) in selected and ("1_2ecb", 1) not in selected


def test_no_selected_sentence_index(tmp_path):
    assert ecbplus.read_selected_sentences([tmp_path]) is None
