"""Running the per-article step on a Dask cluster: the model loaded once per worker, articles in, analyses out.

Only plain records cross the network (``Article`` in, ``ArticleAnalysis`` out), never spaCy
objects. A worker that dies mid-batch has its chunks rescheduled on the others by the
scheduler; a chunk that raises is retried; either costs a retry, not the run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from newsfuse.errors import ConfigError
from newsfuse.model import Article, ArticleAnalysis
from newsfuse.nlp.analyze import analyze_articles
from newsfuse.nlp.models import load_nlp
from newsfuse.run.local import CHUNK_ARTICLES

# Tries of a chunk whose task raised (beyond the first); a lost worker is handled by the scheduler.
RETRIES = 2
# How long to wait for the scheduler to answer before telling the user it cannot be reached.
CONNECT_TIMEOUT = "20s"
_PLUGIN = "newsfuse-model"


class DaskRunner:
    """Per-article analysis on ``scheduler``: ``tcp://HOST:PORT`` (a running cluster) or ``local:N``."""

    def __init__(
        self, scheduler: str, model: str = "en_core_web_sm", batch_size: int = 32, timeout: str = CONNECT_TIMEOUT
    ):
        self.scheduler = scheduler
        self.model = model
        self.batch_size = batch_size
        self.timeout = timeout

    def map(
        self, articles: Sequence[Article], on_done: Callable[[int], None] | None = None
    ) -> Iterator[ArticleAnalysis]:
        client, cluster = self._connect()
        try:
            client.register_plugin(_ModelPlugin(self.model), name=_PLUGIN)
            chunks = [list(articles[i : i + CHUNK_ARTICLES]) for i in range(0, len(articles), CHUNK_ARTICLES)]
            # The spaCy batch size goes positionally: Client.map has a batch_size of its own.
            sizes = [self.batch_size] * len(chunks)
            futures = client.map(_analyze_chunk, chunks, sizes, retries=RETRIES, pure=False)
            for future in futures:
                results = future.result()
                if on_done:
                    on_done(len(results))
                yield from results
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _connect(self):
        cluster = None
        try:
            if self.scheduler.startswith("local:"):
                cluster = LocalCluster(
                    n_workers=_local_workers(self.scheduler),
                    threads_per_worker=1,  # spaCy is not thread-safe; a worker per core instead
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                return Client(cluster, timeout=self.timeout), cluster
            return Client(self.scheduler, timeout=self.timeout), None
        except (OSError, TimeoutError) as exc:
            if cluster is not None:
                cluster.close()
            raise ConfigError(f"scheduler {self.scheduler}: cannot connect ({exc})") from exc


def _local_workers(scheduler: str) -> int:
    count = scheduler.removeprefix("local:")
    if not count.isdigit() or int(count) < 1:
        raise ConfigError(f"scheduler {scheduler}: write local:N with N workers, e.g. local:4")
    return int(count)


class _ModelPlugin(WorkerPlugin):
    """Loads the spaCy model once when a worker starts (and again on a worker that replaces it)."""

    def __init__(self, model: str):
        super().__init__()
        self.model = model
        self.nlp = None

    def setup(self, worker) -> None:
        self.nlp = load_nlp(self.model)

    def teardown(self, worker) -> None:
        self.nlp = None


def _analyze_chunk(articles: list[Article], batch_size: int) -> list[ArticleAnalysis]:
    plugin = get_worker().plugins[_PLUGIN]
    return list(analyze_articles(articles, plugin.nlp, batch_size=batch_size))
