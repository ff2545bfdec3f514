"""The desk for tests: a store holding the example corpus and its report, and a real uvicorn server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest


@contextlib.contextmanager
def live_server(app):
    """Serve ``app`` with uvicorn in a thread on a free port of 127.0.0.1; yields its base URL."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the desk's server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def desk_store(examples_fused, tmp_path_factory) -> str:
    """A store holding the example corpus with its analyses, assignments and latest report, as
    ``newsfuse analyze examples/setubal --store`` leaves it (shared by the session's desk tests)."""
    from newsfuse.config import load_config
    from newsfuse.store import open_store
    from newsfuse.web.publish import publish

    path = str(tmp_path_factory.mktemp("desk") / "news.db")
    with open_store(path) as store:
        store.add(examples_fused.articles, examples_fused.analyses)
        store.save_assignments("event", examples_fused.article_event)
        store.save_assignments("duplicate", examples_fused.duplicate_of)
        publish(store, load_config(jobs=1, progress="never"), examples_fused)
    return path


@pytest.fixture(scope="session")
def desk_url(desk_store, tmp_path_factory):
    """The desk over ``desk_store``, served for real (uploads analyse with one job, cached in a tmp folder)."""
    from newsfuse.config import load_config
    from newsfuse.web.app import create_app

    config = load_config(jobs=1, progress="never", cache_dir=str(tmp_path_factory.mktemp("desk-cache")))
    with live_server(create_app(desk_store, config)) as url:
        yield url
