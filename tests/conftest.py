"""Shared test fixtures: paths to ../shared, the loaded spaCy model, a small config, no network."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"
SEEDS = SHARED / "seeds"
TEST_DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = REPO / "examples" / "setubal"
# Names a test may connect to besides loopback addresses (the local HTTP servers and Chromium's driver).
LOCAL_HOST_NAMES = frozenset({"localhost", "ip6-localhost", "ip6-loopback"})

needs_data = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is absent")
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")


class NetworkBlockedError(OSError):
    """A test tried to reach a machine other than this one."""


def is_local_address(address: object) -> bool:
    """True for a Unix socket path or an (host, port, ...) tuple naming loopback."""
    if not isinstance(address, tuple):  # AF_UNIX paths, abstract sockets
        return True
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).split("%", 1)[0]  # an IPv6 scope id
    if host.lower() in LOCAL_HOST_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name other than localhost: resolving it would already leave the machine
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Every connection a test makes must stay on this machine: the suite runs offline, always."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guarded(real):
        def call(sock, address, *args, **kwargs):
            if not is_local_address(address):
                raise NetworkBlockedError(f"tests may not connect to {address!r}: the suite runs offline")
            return real(sock, address, *args, **kwargs)

        return call

    monkeypatch.setattr(socket.socket, "connect", guarded(connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(connect_ex))


@pytest.fixture(scope="session")
def nlp():
    from newsfuse.nlp.models import load_nlp

    return load_nlp()


@pytest.fixture()
def config():
    from newsfuse.config import load_config

    return load_config(jobs=1, progress="never")
