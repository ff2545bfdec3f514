"""What is PostgreSQL's own: connection errors without passwords, the version check, the command line."""

from __future__ import annotations

import psycopg
import pytest

from newsfuse.cli import main
from newsfuse.errors import StoreError
from newsfuse.store import open_store
from newsfuse.store.postgres import PostgresStore, redact
from newsfuse.store.sql import STORE_VERSION
from tests.conftest import fresh_postgres_database


def test_messages_never_show_the_password():
    assert redact("postgresql://news:s3cret@db.example:5432/news") == "postgresql://news:***@db.example:5432/news"
    assert redact("postgresql://news@db.example/news") == "postgresql://news@db.example/news"


def test_a_server_that_cannot_be_reached_is_a_store_error_naming_it(tmp_path):
    url = f"postgresql://news:s3cret@/news?host={tmp_path}&connect_timeout=2"
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store(url)
    assert "s3cret" not in str(caught.value) and "news:***@" in str(caught.value)


def test_a_newer_store_version_is_refused(postgres_server):
    url = fresh_postgres_database(postgres_server)
    PostgresStore(url).close()
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'version'")
    with pytest.raises(StoreError, match=f"version 99, this newsfuse reads {STORE_VERSION}"):
        PostgresStore(url)


def test_the_command_line_takes_a_postgresql_url_as_the_store(postgres_server, capsys):
    url = fresh_postgres_database(postgres_server)
    assert main(["feeds", "--store", url]) == 0
    assert capsys.readouterr().out.strip() == "no feeds followed yet"
    with psycopg.connect(url) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() == (str(STORE_VERSION),)
