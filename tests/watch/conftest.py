"""A real HTTP server on 127.0.0.1 serving the feeds and pages of tests/data/feeds, plus misbehaving routes."""

from __future__ import annotations

import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import TEST_DATA

FEEDS = TEST_DATA / "feeds"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet: the tests assert on what the client saw
        pass

    def do_GET(self) -> None:  # noqa: N802 (the http.server convention)
        server = self.server
        path = self.path.split("?", 1)[0]
        server.requests.append((path, dict(self.headers)))
        if path == "/robots.txt":
            return self._send(200, ROBOTS, "text/plain")
        if path == "/slow":
            time.sleep(server.slow_s)
            return self._send(200, b"late", "text/plain")
        if path == "/big":
            return self._send(200, b"<rss>" + b" " * 20_000 + b"</rss>", "application/rss+xml")
        if path == "/redirect-private":
            return self._redirect(f"http://127.0.0.2:{server.server_port}/feeds/world.rss")
        if path == "/loop":
            return self._redirect("/loop")
        if path == "/flaky":
            server.flaky_calls += 1
            if server.flaky_calls == 1:
                return self._send(503, b"busy", "text/plain")
            return self._send(200, b"fine", "text/plain")
        file = FEEDS / path.lstrip("/").removeprefix("feeds/")
        if not file.is_file() or FEEDS not in file.resolve().parents:
            return self._send(404, b"not found", "text/plain")
        body = file.read_bytes().replace(b"{base}", server.base.encode())
        etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", "", etag)
        kind = "text/html; charset=utf-8" if file.suffix == ".html" else "application/xml"
        return self._send(200, body, kind, etag)

    def _send(self, status: int, body: bytes, kind: str, etag: str = "") -> None:
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def feed_server():
    """The server, with ``base`` (its URL), ``requests`` (path, headers) seen, ``slow_s`` to tune /slow."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.base = f"http://127.0.0.1:{server.server_port}"
    server.requests = []
    server.slow_s = 2.0
    server.flaky_calls = 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()
