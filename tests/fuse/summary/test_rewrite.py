"""The abstractive rewrite against a real local HTTP server that speaks the chat-completions API."""

from __future__ import annotations

import dataclasses

import json
import logging
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsfuse.errors import ModelError
from newsfuse.fuse.summary.rewrite import ChatRewriter, parse_numbered, rewrite, unfaithful
from newsfuse.model import SentenceRef, SummaryLine

SUMMARY = [
    SummaryLine("headline", "Floods in Alderby", (SentenceRef("a", 0),), support=1, event="e1"),
    SummaryLine("sentence", "heavy rain forced 300 residents of Alderby from their homes on Sunday.",
                (SentenceRef("a", 0), SentenceRef("b", 2)), support=2, event="e1"),
    SummaryLine("sentence", "the bridge was closed while engineers checked it.",
                (SentenceRef("b", 4),), support=1, event="e1"),
    SummaryLine("sentence", "schools will stay shut until Wednesday, the education office said.",
                (SentenceRef("c", 1),), support=1, event="e2"),
]
SLOW_SECONDS = 2.0


def _first_word_upper(line: str) -> str:
    word, _, rest = line.partition(" ")
    return f"{word.upper()} {rest}"


class _Handler(BaseHTTPRequestHandler):
    """Answers like a llama.cpp server: numbered lines in, the same lines reworded out (first word upper-cased).

    The path picks a misbehaviour: /fail answers 500, /garbage non-JSON, /drop drops a figure,
    /slow answers after SLOW_SECONDS, /bare answers unnumbered text."""

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length))
        self.server.requests.append((self.path, body))
        mode = self.path.split("/")[1]
        if mode == "fail":
            self.send_error(500, "model not loaded")
            return
        if mode == "slow":
            time.sleep(SLOW_SECONDS)
        lines = body["messages"][-1]["content"].splitlines()
        out = []
        for line in lines:
            number, _, text = line.partition(". ")
            text = _first_word_upper(text)
            if mode == "drop":
                text = re.sub(r"\d+", "many", text)
            out.append(text if mode == "bare" else f"{number}. {text}")
        content = "\n".join(out)
        payload = b"this is not JSON {" if mode == "garbage" else json.dumps(
            {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.requests = []
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_each_group_is_rewritten_in_one_request_and_keeps_its_citations(server):
    httpd, url = server
    out = rewrite(SUMMARY, ChatRewriter(url + "/ok", model="tiny", timeout=5))
    assert [line.text for line in out] == [
        "Floods in Alderby",  # headlines are event titles: left as they are
        "HEAVY rain forced 300 residents of Alderby from their homes on Sunday.",
        "THE bridge was closed while engineers checked it.",
        "SCHOOLS will stay shut until Wednesday, the education office said.",
    ]
    assert [line.sources for line in out] == [line.sources for line in SUMMARY]
    assert [line.rewritten for line in out] == [None, True, True, True]
    assert len(httpd.requests) == 2  # one per event
    path, body = httpd.requests[0]
    assert path == "/ok/v1/chat/completions"
    assert body["model"] == "tiny" and body["temperature"] == 0.0
    assert body["messages"][-1]["content"].splitlines()[0].startswith("1. heavy rain")


def test_a_base_url_ending_in_v1_is_not_doubled(server):
    httpd, url = server
    assert ChatRewriter(url + "/ok/v1/")(["one line of ten words to say here."]) == ["ONE line of ten words to say here."]
    assert httpd.requests[0][0] == "/ok/v1/chat/completions"


def test_a_rewrite_that_drops_a_figure_keeps_the_extractive_line(server):
    _, url = server
    out = rewrite(SUMMARY, ChatRewriter(url + "/drop", timeout=5))
    assert out[1].text == SUMMARY[1].text and out[1].rewritten is False
    assert out[2].text == "THE bridge was closed while engineers checked it." and out[2].rewritten is True


@pytest.mark.parametrize("mode", ["fail", "garbage"])
def test_a_refusing_or_garbled_endpoint_leaves_the_whole_summary_extractive(server, mode, caplog):
    httpd, url = server
    with caplog.at_level(logging.WARNING, logger="newsfuse.fuse.summary.rewrite"):
        out = rewrite(SUMMARY, ChatRewriter(f"{url}/{mode}", timeout=5))
    assert [line.text for line in out] == [line.text for line in SUMMARY]
    assert not any(line.rewritten for line in out)
    assert len(httpd.requests) == 1  # the endpoint is not asked again for the other event
    assert "summary left extractive" in caplog.text


def test_unnumbered_answers_keep_every_line(server):
    _, url = server
    out = rewrite(SUMMARY, ChatRewriter(url + "/bare", timeout=5))
    assert [line.text for line in out] == [line.text for line in SUMMARY]
    assert [line.rewritten for line in out] == [None, False, False, False]


def test_a_slow_endpoint_times_out_and_the_summary_stays_extractive(server, caplog):
    _, url = server
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="newsfuse.fuse.summary.rewrite"):
        out = rewrite(SUMMARY, ChatRewriter(url + "/slow", timeout=0.3))
    assert time.monotonic() - started < SLOW_SECONDS
    assert [line.text for line in out] == [line.text for line in SUMMARY]
    assert "summary left extractive" in caplog.text


def test_a_closed_port_is_a_model_error_and_an_extractive_summary():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # the port is closed again: nothing listens there
    rewriter = ChatRewriter(f"http://127.0.0.1:{port}", timeout=2)
    with pytest.raises(ModelError, match="unreachable"):
        rewriter(["A line to reword."])
    assert rewrite(SUMMARY, rewriter) == [dataclasses.replace(line, rewritten=False) if line.kind == "sentence" else line
                                          for line in SUMMARY]


def test_parse_numbered_is_strict():
    assert parse_numbered("Here you are:\n1. One.\n2) Two.\n", 2) == ["One.", "Two."]
    assert parse_numbered("1. One.\n1. Again.\n2. Two.", 2) == [None, "Two."]  # a number twice
    assert parse_numbered("1. One\ncontinued.\n2. Two.", 2) == [None, "Two."]  # a wrapped line
    assert parse_numbered("1. One.\n3. Three.", 2) == ["One.", None]
    assert parse_numbered("", 1) == [None]


def test_unfaithful_names_what_a_rewrite_loses():
    original = "Vladimir Putin met Ahmed al-Sharaa in Moscow on January 28, saying “we support you”."
    assert unfaithful(original, "In Moscow on January 28, Vladimir Putin met Ahmed al-Sharaa, saying “we support you”.") == ""
    assert "figure" in unfaithful(original, original.replace("28", "twenty-eight"))
    assert "Moscow" in unfaithful(original, original.replace("Moscow", "the capital"))
    assert "Vladimir" in unfaithful(original, original.replace("Vladimir Putin", "The president"))
    assert "quotation" in unfaithful(original, original.replace("we support you", "we back you"))
    assert "negation" in unfaithful("The union did not accept the offer.", "The union accepted the offer.")
    assert "long" in unfaithful("Talks began today.", "Talks began today, " + "and went on " * 10 + ".")
    assert unfaithful("Talks began on Tuesday.", "") and unfaithful("Talks began.", None)
    assert unfaithful("Syria’s president spoke.", "Syria's president spoke.") == ""
