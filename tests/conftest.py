"""Shared pytest fixtures."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from claimgraph.store import Store

# ---------------------------------------------------------------- databases (store)
#
# `store_url` runs a test on SQLite (a file under tmp_path) and on PostgreSQL (a fresh
# database per test, created from CLAIMGRAPH_TEST_PG_URL and dropped afterwards).
# Without that variable the PostgreSQL case is skipped, except when CI is set: there it
# fails, so CI can never pass without PostgreSQL. Start a server with
#     eval "$(scripts/start-postgres.sh)"

PG_ENV = "CLAIMGRAPH_TEST_PG_URL"
STORE_TABLES = (
    "alembic_version", "events", "attributions", "entities", "captions", "removed_lines",
    "rejected", "documents",
)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def pg_base_url() -> str:
    """CLAIMGRAPH_TEST_PG_URL, or skip (fail under CI) when it is unset."""
    url = os.environ.get(PG_ENV, "").strip()
    if url:
        return url
    if _in_ci():
        pytest.fail(
            f"{PG_ENV} is not set but CI is: PostgreSQL tests must run in CI "
            '(eval "$(scripts/start-postgres.sh)")',
            pytrace=False,
        )
    pytest.skip(f'{PG_ENV} not set (eval "$(scripts/start-postgres.sh)" to enable)')


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL to an empty database that exists for this test only."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(pg_base_url())
    conninfo = base.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"claimgraph_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(conninfo, autocommit=True) as admin:
        try:
            admin.execute(f'CREATE DATABASE "{name}"')
        except psycopg.errors.InsufficientPrivilege:
            name = ""  # no CREATEDB: empty the given database instead
    if not name:
        _drop_store_tables(conninfo)
        yield base.render_as_string(hide_password=False)
        _drop_store_tables(conninfo)
        return
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        # an autovacuum worker of another role may still be on the new database, which this
        # role may not terminate: it ends within moments, so try again
        for attempt in range(20):
            try:
                with psycopg.connect(conninfo, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                break
            except psycopg.errors.InsufficientPrivilege:
                if attempt == 19:
                    raise
                time.sleep(0.5)


def _drop_store_tables(conninfo: str) -> None:
    import psycopg

    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"DROP TABLE IF EXISTS {', '.join(STORE_TABLES)} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store URL for an empty store, once per backend."""
    if request.param == "sqlite":
        (tmp_path / "store").mkdir(exist_ok=True)
        return str(tmp_path / "store" / "claimgraph.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, empty Store on each backend."""
    from claimgraph.store import open_store

    with open_store(store_url) as opened:
        yield opened
