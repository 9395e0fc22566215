"""Alembic configured in code: the scripts ship inside the package (``store/migrations``)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_LOCK = 0x636C61696D  # advisory lock key: concurrent openers migrate one at a time
_REV = re.compile(r'^(down_revision|revision)\s*=\s*(?:"([^"]*)"|None)', re.M)


class MigrationError(Exception):
    """A migration could not run (alembic's CommandError, without importing alembic)."""


def alembic_config() -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    return cfg


@functools.cache
def head_revision() -> str:
    """The newest migration shipped with the package: the one no other revises.

    Read from the scripts' ``revision``/``down_revision`` lines, so that opening a store that
    is already at head does not import alembic (a test checks it against alembic's head)."""
    revs, downs = set(), set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REV.findall(script.read_text(encoding="utf-8")))
        if found.get("revision"):
            revs.add(found["revision"])
            if found.get("down_revision"):
                downs.add(found["down_revision"])
    heads = revs - downs
    if len(heads) != 1:
        raise MigrationError(f"migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def current_revision(conn: Connection) -> str | None:
    """The revision stamped in the database, or None (no alembic_version table yet)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(conn: Connection) -> None:
    """Bring the database behind ``conn`` to the head revision, in its transaction."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
    if current_revision(conn) == head_revision():
        return
    from alembic import command
    from alembic.util import CommandError

    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    try:
        command.upgrade(cfg, "head")
    except CommandError as exc:
        raise MigrationError(str(exc)) from exc
