"""Store URLs: plain paths and ``sqlite:///`` for SQLite, ``postgresql://`` for PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError


class StoreError(Exception):
    """The store cannot be opened or used; messages never contain a password."""


_USERINFO = re.compile(r"(://[^:/@\s]*):[^@/\s]*@")


def mask_url(url: str | URL) -> str:
    """``url`` with its password replaced by ``***`` (plain paths are returned unchanged)."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    if "://" not in url:
        return url
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _USERINFO.sub(r"\1:***@", url)


def scrub(message: str, url: str | URL) -> str:
    """Remove the password of ``url`` from ``message``."""
    password: str | None = None
    if isinstance(url, URL):
        password = url.password
    elif "://" in url:
        try:
            password = make_url(url).password
        except (ArgumentError, ValueError):
            match = re.search(r"://[^:/@\s]*:([^@/\s]*)@", url)
            password = match.group(1) if match else None
    if password:
        for form in {password, quote(password, safe=""), quote(password)}:
            message = message.replace(form, "***")
    return message


def resolve_url(url: str) -> URL:
    """The SQLAlchemy URL for a store URL or path; PostgreSQL always uses psycopg 3."""
    text = url.strip()
    if not text:
        raise StoreError("empty store URL")
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser()))
    try:
        parsed = make_url(text)
    except (ArgumentError, ValueError):
        raise StoreError(f"cannot parse store URL {mask_url(text)!r}") from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend in ("postgresql", "postgres"):
        if driver not in ("", "psycopg"):
            raise StoreError(f"unsupported PostgreSQL driver {driver!r}: use postgresql:// (psycopg 3)")
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if driver not in ("", "pysqlite"):
            raise StoreError(f"unsupported SQLite driver {driver!r}")
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            parsed = parsed.set(database=str(Path(database).expanduser()))
        return parsed.set(drivername="sqlite+pysqlite")
    raise StoreError(
        f"unsupported store URL {mask_url(text)!r}: use a file path, sqlite:///path "
        "or postgresql://user:password@host/db"
    )


def is_memory(url: URL) -> bool:
    """Whether a SQLite URL names an in-memory database."""
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")
