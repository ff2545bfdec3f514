"""The public API: exactly what __all__ promises, each name importable."""

from __future__ import annotations

import newsfuse


def test_every_public_name_resolves():
    for name in newsfuse.__all__:
        assert getattr(newsfuse, name) is not None, name


def test_public_api_is_what_we_document():
    assert set(newsfuse.__all__) == {
        "Article",
        "ArticleAnalysis",
        "Entity",
        "NewsfuseError",
        "Report",
        "Skip",
        "__version__",
        "analyze",
        "analyze_article",
        "analyze_corpus",
        "load_config",
        "load_nlp",
        "read_inputs",
        "render_markdown",
        "report_dict",
        "write_json",
    }


def test_importing_newsfuse_makes_openmp_waiters_sleep_unless_the_user_chose():
    import os
    import subprocess
    import sys

    code = "import newsfuse, os; print(os.environ['OMP_WAIT_POLICY'])"
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "PASSIVE"
    out = subprocess.run([sys.executable, "-c", code], env={**env, "OMP_WAIT_POLICY": "ACTIVE"},
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ACTIVE"


def test_importing_newsfuse_before_numpy_keeps_openblas_on_one_thread_unless_the_user_chose():
    import os
    import subprocess
    import sys

    code = ("import newsfuse, numpy, os; from threadpoolctl import threadpool_info; "
            "print(os.environ['OPENBLAS_NUM_THREADS'], "
            "sorted({i['num_threads'] for i in threadpool_info() if i['internal_api'] == 'openblas'}))")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1 [1]"
    out = subprocess.run([sys.executable, "-c", code], env={**env, "OPENBLAS_NUM_THREADS": "2"},
                         capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "2"
