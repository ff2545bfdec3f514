"""The autouse ``no_network`` fixture: tests reach this machine and nothing else."""

from __future__ import annotations

import socket
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import NetworkBlockedError, is_local_address


@pytest.mark.parametrize("address", [("192.0.2.1", 80), ("8.8.8.8", 53), ("2001:db8::1", 443, 0, 0), ("example.org", 80)])
def test_a_connection_off_this_machine_fails(address):
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        with pytest.raises(NetworkBlockedError):
            sock.connect(address)
        with pytest.raises(NetworkBlockedError):
            sock.connect_ex(address)


def test_create_connection_and_urllib_fail_off_this_machine():
    with pytest.raises(NetworkBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(urllib.error.URLError) as caught:
        urllib.request.urlopen("http://192.0.2.1/", timeout=1)
    assert isinstance(caught.value.reason, NetworkBlockedError)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "localhost", "LOCALHOST", "fe80::1%lo"])
def test_loopback_hosts_are_local(host):
    assert is_local_address((host, 80)) is (host != "fe80::1%lo")


def test_a_unix_socket_path_is_local():
    assert is_local_address("/tmp/some.sock")


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"hello"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_local_server_is_still_reachable():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        port = httpd.server_address[1]
        for host in ("127.0.0.1", "localhost"):
            with urllib.request.urlopen(f"http://{host}:{port}/", timeout=5) as response:
                assert response.read() == b"hello"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(scope="module")
def reached_at_module_setup():
    """What a connection attempt off the machine gives while a module fixture sets up."""
    try:
        socket.create_connection(("192.0.2.1", 80), timeout=1).close()
    except NetworkBlockedError as exc:
        return exc
    return None


def test_the_block_is_in_place_before_module_and_session_fixtures(reached_at_module_setup):
    assert isinstance(reached_at_module_setup, NetworkBlockedError)
