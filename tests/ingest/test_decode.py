"""Reading bytes and decoding them: encodings, binary and bad files."""

from __future__ import annotations

import os

import pytest

from newsfuse.errors import BinaryInput, EmptyInput, OversizedInput, UndecodableInput, UnreadableInput
from newsfuse.ingest.decode import decode_bytes, decode_text, read_bytes
from tests.conftest import TEST_DATA

DATA = TEST_DATA / "ingest"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("МОСКВА, 28 января. Президент России заявил, что переговоры продолжатся на следующей неделе.", "cp1251"),
        ("МОСКВА, 28 января. Президент России заявил, что переговоры продолжатся на следующей неделе.", "koi8_r"),
        ("Le président a déclaré mercredi à Paris que la réunion était très importante.", "latin-1"),
        ("Der Kanzler sagte am Mittwoch, dass die Regierung die Pläne für Österreich nicht ändern werde.", "latin-1"),
        ("The minister said “we will not accept this” – and left the café.", "cp1252"),
        ("Předseda vlády řekl, že žádná dohoda nebude podepsána před koncem měsíce.", "cp1250"),
        ("Café crème à Zürich.", "latin-1"),
    ],
)
def test_legacy_encodings_are_detected(text, encoding):
    assert decode_bytes(text.encode(encoding), "x") == text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_unicode_encodings(encoding):
    text = "Kyiv – Київ – “quoted”"
    decoded = decode_bytes(text.encode(encoding), "x")
    assert decoded.lstrip("\ufeff") == text


def test_fixture_files_decode():
    assert "Переговоры" in decode_bytes((DATA / "cp1251_article.txt").read_bytes(), "cp1251")
    assert "contrôleurs aériens" in decode_bytes((DATA / "latin1_article.txt").read_bytes(), "latin1")
    assert decode_bytes((DATA / "utf16_article.txt").read_bytes(), "utf16").startswith("Dam inspection")


def test_binary_is_rejected_with_its_kind():
    with pytest.raises(BinaryInput, match="PNG image"):
        decode_bytes((DATA / "image.png").read_bytes(), "image.png")
    with pytest.raises(BinaryInput, match="NUL bytes"):
        decode_bytes((DATA / "nul_bytes.txt").read_bytes(), "nul_bytes.txt")
    with pytest.raises(BinaryInput, match="PDF"):
        decode_bytes(b"%PDF-1.7\n...", "a.pdf")
    with pytest.raises(BinaryInput, match="control characters"):
        decode_bytes(bytes(range(1, 32)) * 40, "ctl")


def test_bad_bom_is_undecodable():
    with pytest.raises(UndecodableInput, match="UTF-16"):
        decode_bytes(b"\xff\xfe" + b"a\x00\x00\xd8", "x")  # lone surrogate


def test_read_bytes_errors(tmp_path):
    with pytest.raises(EmptyInput, match="empty"):
        read_bytes(DATA / "empty.txt", 1000)
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\n")
    with pytest.raises(EmptyInput, match="white space"):
        read_bytes(blank, 1000)
    with pytest.raises(OversizedInput, match="max_input_bytes"):
        read_bytes(DATA / "wire_story.txt", 100)
    with pytest.raises(UnreadableInput, match="not found"):
        read_bytes(tmp_path / "missing.txt", 1000)
    with pytest.raises(UnreadableInput, match="folder"):
        read_bytes(tmp_path, 1000)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("text")
    locked.chmod(0)
    with pytest.raises(UnreadableInput, match="permission"):
        read_bytes(locked, 1000)


# Western text a browser reads right: re-encodings of our own sentences (accents, "€", a dash).
_WESTERN = (
    "Dockers in Setúbal stopped work on Monday, the union said. The café by the gate stayed open.",
    "SETÚBAL — Port workers began a strike on Tuesday; a coffee at the café cost €2.",
    "Setúbal",
    "The port of Setúbal lost about €4 million a day, the operator said, and the café closed early.",
)


@pytest.mark.parametrize("text", _WESTERN)
def test_windows_1252_text_is_read_as_windows_1252(text):
    assert decode_text(text.encode("cp1252"), "x") == (text, "cp1252")


@pytest.mark.parametrize("text", [t for t in _WESTERN if "€" not in t and "—" not in t])
def test_latin_1_text_is_read_right(text):
    # Latin-1 is Windows-1252 for every character it has (browsers read one as the other).
    assert decode_text(text.encode("latin-1"), "x")[0] == text


def test_utf_8_with_one_bad_byte_keeps_its_utf_8_and_says_so():
    good = _WESTERN[0].encode("utf-8")
    damaged = good[:30] + b"\xff" + good[30:]
    text, encoding = decode_text(damaged, "x")
    assert text == _WESTERN[0][:29] + "\ufffd" + _WESTERN[0][29:]
    assert encoding == "utf-8 (1 invalid byte replaced)"


def test_plain_utf_8_and_a_bom_name_their_encoding():
    assert decode_text("Setúbal café".encode("utf-8"), "x") == ("Setúbal café", "utf-8")
    assert decode_text("Setúbal".encode("utf-16"), "x") == ("Setúbal", "utf-16")
