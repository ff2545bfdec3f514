"""Running the per-article step over many articles: in this process or in worker processes."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol

from newsfuse.errors import ConfigError
from newsfuse.model import Article, ArticleAnalysis
from newsfuse.nlp.analyze import analyze_articles
from newsfuse.nlp.models import load_nlp

# Articles sent to a worker at once. Large enough that pickling and the
# per-call overhead are small next to parsing; small enough that the progress
# bar moves and the two cores stay balanced at the end of a run.
CHUNK_ARTICLES = 16


class Runner(Protocol):
    """Runs ``analyze_articles`` over a sequence of articles, yielding analyses in input order."""

    def map(
        self, articles: Sequence[Article], on_done: Callable[[int], None] | None = None
    ) -> Iterator[ArticleAnalysis]: ...


class SerialRunner:
    """Everything in this process: for one core, small inputs and debugging."""

    def __init__(self, model: str = "en_core_web_sm", batch_size: int = 32):
        self.model = model
        self.batch_size = batch_size

    def map(self, articles, on_done=None):
        nlp = load_nlp(self.model)
        for analysis in analyze_articles(articles, nlp, batch_size=self.batch_size):
            if on_done:
                on_done(1)
            yield analysis


class ProcessRunner:
    """Worker processes, each with its own copy of the model, fed chunks of articles."""

    def __init__(self, workers: int, model: str = "en_core_web_sm", batch_size: int = 32):
        self.workers = workers
        self.model = model
        self.batch_size = batch_size

    def map(self, articles, on_done=None):
        chunks = [articles[i : i + CHUNK_ARTICLES] for i in range(0, len(articles), CHUNK_ARTICLES)]
        # fork shares the loaded interpreter (fast start); spawn elsewhere.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.model,),
        ) as pool:
            futures = [pool.submit(_analyze_chunk, list(chunk), self.batch_size) for chunk in chunks]
            for future in futures:
                results = future.result()
                if on_done:
                    on_done(len(results))
                yield from results


def make_runner(workers: int, model: str, batch_size: int, n_articles: int, scheduler: str = "") -> Runner:
    """The runner that fits: a Dask cluster when one is named, worker processes only when there is enough work to share."""
    if scheduler:
        try:
            from newsfuse.run.dask import DaskRunner
        except ImportError as exc:
            raise ConfigError(
                f"scheduler {scheduler}: Dask needs the distributed package (pip install 'newsfuse[dask]')"
            ) from exc
        return DaskRunner(scheduler, model, batch_size)
    if workers <= 1 or n_articles <= CHUNK_ARTICLES:
        return SerialRunner(model, batch_size)
    return ProcessRunner(min(workers, os.cpu_count() or workers), model, batch_size)


_WORKER_NLP = None


def _init_worker(model: str) -> None:
    global _WORKER_NLP
    # One thread per worker: the workers already use every core.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _WORKER_NLP = load_nlp(model)


def _analyze_chunk(articles: list[Article], batch_size: int) -> list[ArticleAnalysis]:
    return list(analyze_articles(articles, _WORKER_NLP, batch_size=batch_size))
