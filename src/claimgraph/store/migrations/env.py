"""Alembic environment: runs on the connection the store passes in ``config.attributes``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from claimgraph.store.schema import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # plain `alembic -x url=... upgrade head` from a shell
        url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
            "sqlalchemy.url"
        )
        if not url:
            raise RuntimeError("no connection: pass -x url=... or use claimgraph.store")
        engine = create_engine(url)
        with engine.connect() as conn:
            _migrate(conn)
        engine.dispose()
        return
    _migrate(connection)


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported")
run()
