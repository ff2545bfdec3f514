"""The Dask runner on a real local cluster: the same analyses as one process, even when a worker dies."""

from __future__ import annotations

import os
import signal

import pytest

from newsfuse.config import load_config
from newsfuse.errors import ConfigError
from newsfuse.run.dask import DaskRunner
from newsfuse.run.local import CHUNK_ARTICLES, SerialRunner, make_runner

pytest.importorskip("distributed", reason="the distributed package is not installed (pip install 'newsfuse[dask]')")

@pytest.mark.slow
def test_a_local_cluster_gives_what_one_process_gives_in_input_order(articles_of):
    articles = articles_of(CHUNK_ARTICLES * 2 + 3)
    done = []
    serial = list(SerialRunner().map(articles))
    distributed = list(DaskRunner("local:2").map(articles, on_done=done.append))
    assert distributed == serial and sum(done) == len(articles)


@pytest.mark.slow
def test_a_worker_that_dies_mid_batch_costs_a_retry_not_the_run(articles_of):
    articles = articles_of(CHUNK_ARTICLES * 6)
    runner = DaskRunner("local:2")
    killed = []

    def kill_a_worker(count: int) -> None:
        # After the first chunk comes back, others are still queued or running: kill one worker process.
        if killed:
            return
        from distributed import get_client

        pids = get_client().run(os.getpid)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        killed.append(victim)

    analyses = list(runner.map(articles, on_done=kill_a_worker))
    assert killed and [a.article_id for a in analyses] == [a.id for a in articles]
    assert analyses == list(SerialRunner().map(articles))


def test_a_scheduler_is_named_as_a_url_or_local_n(articles_of):
    assert isinstance(make_runner(1, "en_core_web_sm", 32, 5, scheduler="local:2"), DaskRunner)
    assert load_config(scheduler="tcp://10.0.0.5:8786").scheduler == "tcp://10.0.0.5:8786"
    with pytest.raises(ConfigError, match="tcp://HOST:PORT or local:N"):
        load_config(scheduler="10.0.0.5:8786")
    with pytest.raises(ConfigError, match="local:N"):
        list(DaskRunner("local:none").map(articles_of(1)))


def test_a_scheduler_that_does_not_answer_is_a_clear_error(articles_of):
    runner = DaskRunner("tcp://127.0.0.1:9", timeout="2s")  # the discard port: nothing listens there
    with pytest.raises(ConfigError, match=r"scheduler tcp://127.0.0.1:9: cannot connect"):
        list(runner.map(articles_of(1)))
