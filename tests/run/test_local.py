"""Runners: worker processes give exactly what one process gives, in input order."""

from __future__ import annotations

import pytest

from newsfuse.run.local import CHUNK_ARTICLES, ProcessRunner, SerialRunner, make_runner

@pytest.mark.slow
def test_process_runner_matches_serial_runner(articles_of):
    articles = articles_of(CHUNK_ARTICLES * 2 + 3)
    done = []
    serial = list(SerialRunner().map(articles))
    parallel = list(ProcessRunner(workers=2).map(articles, on_done=done.append))
    assert [a.article_id for a in parallel] == [a.id for a in articles]
    assert parallel == serial
    assert sum(done) == len(articles)
    assert any(m.text == "Lisbon" for m in serial[0].mentions)


def test_make_runner_uses_processes_only_for_enough_work():
    assert isinstance(make_runner(4, "en_core_web_sm", 32, 3), SerialRunner)
    assert isinstance(make_runner(1, "en_core_web_sm", 32, 1000), SerialRunner)
    assert isinstance(make_runner(2, "en_core_web_sm", 32, 1000), ProcessRunner)
