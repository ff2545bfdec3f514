"""Shared test fixtures: paths to ../shared, the loaded spaCy model, a small config, no network,
and the seeds and the example corpus fused once per test run."""

from __future__ import annotations

import copy
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
# Fixtures that load the models (directly or through the pipeline): a test using one is marked slow,
# so that `pytest -m "not slow"` stays the quick loop.
MODEL_FIXTURES = frozenset({"nlp", "seeds_fused", "examples_fused", "mrpc_check_pairs"})
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


def pytest_collection_modifyitems(config, items):
    unmarked = [
        item.nodeid
        for item in items
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("slow") is None
    ]
    if unmarked:
        raise pytest.UsageError("these tests load the models and must be marked slow: " + ", ".join(unmarked))


@pytest.fixture(scope="session", autouse=True)
def no_network():
    """Every connection the run makes must stay on this machine: the suite runs offline, always.

    Session-scoped, so it is in place before any other session or module fixture (the fused seeds,
    the browser) sets up.
    """
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guarded(real):
        def call(sock, address, *args, **kwargs):
            if not is_local_address(address):
                raise NetworkBlockedError(f"tests may not connect to {address!r}: the suite runs offline")
            return real(sock, address, *args, **kwargs)

        return call

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", guarded(connect))
        patch.setattr(socket.socket, "connect_ex", guarded(connect_ex))
        yield


@pytest.fixture(scope="session")
def nlp():
    from newsfuse.nlp.models import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def mrpc_check_pairs(nlp):
    """The held-out fifth of MRPC train (``SentencePair.part == "check"``) and each pair analysed as the
    pair model and the aligner read it (eval.paraphrase.analyse_pairs), once per run; skips without the data."""
    from newsfuse.eval.paraphrase import analyse_pairs, read_pairs

    path = SHARED_DATA / "mrpc"
    if not path.is_dir():
        pytest.skip("needs ../shared/data/mrpc")
    pairs = [p for p in read_pairs(path) if p.part == "check"]
    return pairs, analyse_pairs(pairs, nlp)


@pytest.fixture()
def config():
    from newsfuse.config import load_config

    return load_config(jobs=1, progress="never")


# --- the stores: SQLite in a temporary file, PostgreSQL in a throwaway server -------------------------
# .ci/run starts a server (scripts/pg-test-server.sh) and names it in NEWSFUSE_TEST_POSTGRES; without
# it the tests start one themselves where Debian's PostgreSQL is installed, and skip, saying why,
# where it is not. In CI (CI set) they never skip: a missing server fails them.
PG_SERVER_SCRIPT = REPO / "scripts" / "pg-test-server.sh"


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server whose user may create databases."""
    import os
    import subprocess

    url = os.environ.get("NEWSFUSE_TEST_POSTGRES")
    if url:
        yield url
        return
    started = subprocess.run(["bash", str(PG_SERVER_SCRIPT), "start"], capture_output=True, text=True)
    if started.returncode != 0:
        reason = f"no PostgreSQL server for the store tests ({started.stderr.strip()[-300:] or 'it did not start'})"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI must start one (see .ci/run)")
        pytest.skip(reason)
    url = started.stdout.strip()
    yield url
    subprocess.run(["bash", str(PG_SERVER_SCRIPT), "stop", url], capture_output=True)


_DATABASES = iter(range(1, 1_000_000))


def fresh_postgres_database(server_url: str) -> str:
    """A new empty database on the test server; its URL."""
    import psycopg

    name = f"newsfuse_test_{next(_DATABASES)}"
    with psycopg.connect(server_url, autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {name}")
        db.execute(f"CREATE DATABASE {name}")
    base, _, query = server_url.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request, tmp_path):
    """Where an empty store lives: a SQLite file, or a new PostgreSQL database (one test each)."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return fresh_postgres_database(request.getfixturevalue("postgres_server"))


# --- the seeds and the example corpus, fused once per test run ---------------------------------------
# A test that needs other settings runs the pipeline itself; these are the default settings with one job.


def _fused(folder: Path, tmp_path_factory):
    from newsfuse.config import load_config
    from newsfuse.pipeline import analyze

    return analyze([folder], load_config(jobs=1, progress="never"), cache_dir=tmp_path_factory.mktemp("cache"))


def _report_data(report) -> dict:
    from newsfuse.render.json_report import report_dict, validate

    data = report_dict(report)
    validate(data)
    return data


@pytest.fixture(scope="session")
def seeds_fused(tmp_path_factory):
    """The Report of ../shared/seeds (read it, never change it: every test of the run shares it)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    return _fused(SEEDS, tmp_path_factory)


@pytest.fixture(scope="session")
def examples_fused(tmp_path_factory):
    """The Report of examples/setubal (read it, never change it: every test of the run shares it)."""
    return _fused(EXAMPLES, tmp_path_factory)


@pytest.fixture(scope="session")
def seeds_report_once(seeds_fused) -> dict:
    return _report_data(seeds_fused)


@pytest.fixture(scope="session")
def examples_report_once(examples_fused) -> dict:
    return _report_data(examples_fused)


@pytest.fixture()
def seeds_report(seeds_report_once) -> dict:
    """report.json of the seeds, validated against the schema; a copy each test may change."""
    return copy.deepcopy(seeds_report_once)


@pytest.fixture()
def examples_report(examples_report_once) -> dict:
    """report.json of the example corpus, validated against the schema; a copy each test may change."""
    return copy.deepcopy(examples_report_once)


# --- a real browser ------------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
# The marks of a test module that drives Chromium: slow, and skipped where setup.sh could not install it.
NEEDS_CHROMIUM = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"no Chromium at {CHROMIUM}: setup.sh installs Debian's chromium when run as root with apt-get",
    ),
]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright, one per test module (the modules skip without it)."""
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
