"""The Store: documents, their flat child rows and rejected inputs in SQLite or PostgreSQL."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Literal, NamedTuple

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from claimgraph.event_records import records
from claimgraph.model import Document, Origin, Rejected
from claimgraph.store import export as exp
from claimgraph.store import migrate, rows
from claimgraph.store import schema as t
from claimgraph.store.queries import changes, review, tables
from claimgraph.store.urls import StoreError, is_memory, mask_url, resolve_url, scrub

Format = Literal["jsonl", "csv", "parquet"]
Table = Literal["documents", "attributions", "entities", "events", "claims", "disputes", "rejected",
                "plover", "reviews", "devset"]
_PAGE = 500
_LOCK_SPACE = 0x636C  # first key of the advisory locks of named write sections ("cl")


class AmbiguousIdError(StoreError, LookupError):
    """An id prefix matches more than one document."""

    def __init__(self, prefix: str, candidates: list[str]) -> None:
        shown = ", ".join(candidates[:2]) + (", ..." if len(candidates) > 2 else "")
        super().__init__(f"id prefix {prefix!r} matches several documents: {shown}")
        self.prefix = prefix
        self.candidates = candidates


class SaveCounts(NamedTuple):
    documents: int
    rejected: int


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite keeps no offset; values are written in UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def _check_sqlite_path(url: URL, create: bool, must_exist: bool) -> None:
    """Create the parent folders of a SQLite file (``create``), else require them; with
    ``must_exist`` the file itself must be there (reading commands never create a store)."""
    if is_memory(url) or not url.database or url.database.startswith("file:"):
        return
    path = os.path.abspath(url.database)
    if must_exist and not os.path.isfile(path):
        raise StoreError(f"no store at {url.database}: run 'claimgraph analyze' first, "
                         "or name another store with --db")
    parent = os.path.dirname(path)
    if create:
        os.makedirs(parent, exist_ok=True)
    elif not os.path.isdir(parent):
        raise StoreError(f"cannot create the store {url.database}: the folder {parent} does not "
                         "exist (create it, or pass --create)")


def _sqlite_engine(url: URL) -> Engine:
    memory = is_memory(url)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": 30}}
    if memory:
        kwargs = {"connect_args": {"check_same_thread": False}, "poolclass": StaticPool}
    engine = create_engine(url, json_serializer=functools.partial(json.dumps, ensure_ascii=False), **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide where transactions begin (see "begin").
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get("claimgraph_begin", "BEGIN"))

    return engine


class Store:
    """Documents and rejected inputs in one database (see ``open_store``)."""

    def __init__(self, url: str, *, create: bool = True, must_exist: bool = False) -> None:
        self._url = resolve_url(url)
        self.url = mask_url(url)
        self._closed = False
        if self._url.get_backend_name() == "sqlite":
            _check_sqlite_path(self._url, create, must_exist)
        try:
            if self._url.get_backend_name() == "sqlite":
                self._engine = _sqlite_engine(self._url)
            else:
                self._engine = create_engine(self._url, pool_pre_ping=True)
            with self._write() as conn:
                migrate.upgrade(conn)
        except (SQLAlchemyError, OSError, migrate.MigrationError) as exc:
            self._closed = True
            engine = getattr(self, "_engine", None)
            if engine is not None:
                engine.dispose()
            raise StoreError(
                scrub(f"cannot open store {self.url}: {type(exc).__name__}: {exc}", self._url)
            ) from None

    # ------------------------------------------------------------------ plumbing

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._engine.dialect.name

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (tests and benchmarks; code queries through ``store.queries``)."""
        if self._closed:
            raise StoreError(f"store {self.url} is closed")
        return self._engine

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A connection in a write transaction (SQLite: BEGIN IMMEDIATE, no lock upgrade)."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn.execution_options(claimgraph_begin="BEGIN IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A connection for reading, to pass to ``claimgraph.store.queries`` functions."""
        with self._read() as conn:
            yield conn

    @contextmanager
    def transaction(self, lock: str | None = None) -> Iterator[Connection]:
        """A connection in a write transaction, committed when the block ends (rolled back
        on an exception), to pass to ``claimgraph.store.queries`` functions.

        ``lock`` names a section that writers enter one at a time, across processes: the
        link layer reads then writes stories and claims, so two processes linking at once
        must not both miss each other's new story. SQLite write transactions are already
        serialised (BEGIN IMMEDIATE); PostgreSQL takes a transaction advisory lock."""
        with self._write() as conn:
            if lock and conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:a, hashtext(:name))"),
                             {"a": _LOCK_SPACE, "name": lock})
            yield conn

    def _insert(self, table: Any) -> Any:
        return (pg_insert if self.dialect == "postgresql" else sqlite_insert)(table)

    def _upsert(self, conn: Connection, table: Any, row: dict[str, Any]) -> None:
        stmt = self._insert(table).values(row)
        keep = {"id", "created_at"}
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.id],
            set_={k: stmt.excluded[k] for k in row if k not in keep},
        )
        conn.execute(stmt)

    def close(self) -> None:
        """Release all connections; the store cannot be used afterwards."""
        if not self._closed:
            self._closed = True
            self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # ------------------------------------------------------------------ writing

    def _save_doc(self, conn: Connection, doc: Document, now: datetime,
                  config_hash: str | None = None) -> None:
        data = doc.model_dump(mode="json")
        self._upsert(
            conn,
            t.documents,
            {**rows.document_row(doc, data), "created_at": now, "updated_at": now,
             "config_hash": config_hash},
        )
        for table in t.CHILD_TABLES:
            conn.execute(delete(table).where(table.c.doc_id == doc.id))
        for table, make in (
            (t.removed_lines, rows.removed_rows),
            (t.captions, rows.caption_rows),
            (t.entities, rows.entity_rows),
            (t.attributions, rows.attribution_rows),
            (t.events, rows.event_rows),
        ):
            items = make(doc)
            if items:
                conn.execute(table.insert(), items)
        rej = t.rejected.c
        conn.execute(delete(t.rejected).where((rej.content_id == doc.id) | (rej.id == doc.id)))
        changes.prune(conn)

    def _save_rejected(self, conn: Connection, r: Rejected, now: datetime) -> None:
        self._upsert(
            conn,
            t.rejected,
            {
                "id": rows.rejected_key(r),
                "content_id": r.id,
                "origin": r.origin.model_dump(mode="json"),
                "source": rows.source_of(r),
                "reason": r.reason,
                "detail": r.detail,
                "created_at": now,
                "updated_at": now,
            },
        )

    def save(self, doc: Document, config_hash: str | None = None) -> None:
        """Insert or update a document and replace its child rows, in one transaction.

        A rejection recorded earlier under the same id is removed. ``config_hash`` names the
        pipeline configuration that produced the analysis (see ``stored_hashes``).
        """
        with self._write() as conn:
            self._save_doc(conn, doc, _now(), config_hash)

    def save_rejected(self, r: Rejected) -> None:
        """Insert or update a rejected input (an existing document with its id is kept)."""
        with self._write() as conn:
            self._save_rejected(conn, r, _now())

    def save_many(self, results: Iterable[Document | Rejected], batch_size: int = 100,
                  config_hash: str | None = None) -> SaveCounts:
        """Save pipeline results, ``batch_size`` per transaction, in order."""
        n_docs = n_rej = 0
        batch: list[Document | Rejected] = []

        def flush() -> None:
            with self._write() as conn:
                now = _now()
                for item in batch:
                    if isinstance(item, Document):
                        self._save_doc(conn, item, now, config_hash)
                    else:
                        self._save_rejected(conn, item, now)
            batch.clear()

        for item in results:
            if isinstance(item, Document):
                n_docs += 1
            elif isinstance(item, Rejected):
                n_rej += 1
            else:
                raise TypeError(f"expected Document or Rejected, got {type(item).__name__}")
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        return SaveCounts(n_docs, n_rej)

    # ------------------------------------------------------------------ reading

    def get(self, id: str) -> Document | None:
        """The document with this id, or with this unambiguous id prefix; None if absent.

        Raises AmbiguousIdError when the prefix matches several documents.
        """
        col = t.documents.c
        with self._read() as conn:
            data = conn.execute(select(col.data).where(col.id == id)).scalar()
            if data is None and id:
                found = conn.execute(
                    select(col.id, col.data)
                    .where(func.substr(col.id, 1, len(id)) == id)
                    .order_by(col.id)
                    .limit(3)
                ).all()
                if len(found) > 1:
                    raise AmbiguousIdError(id, [row.id for row in found])
                data = found[0].data if found else None
        return None if data is None else Document.model_validate(data)

    def documents(self, limit: int | None = None, offset: int = 0) -> Iterator[Document]:
        """Documents in id order, read page by page (no connection is held between pages)."""
        col = t.documents.c
        remaining = limit
        last: str | None = None
        while remaining is None or remaining > 0:
            size = _PAGE if remaining is None else min(_PAGE, remaining)
            query = select(col.id, col.data).order_by(col.id).limit(size)
            if last is not None:
                query = query.where(col.id > last)
            elif offset:
                query = query.offset(offset)
            with self._read() as conn:
                page = conn.execute(query).all()
            for row in page:
                yield Document.model_validate(row.data)
            if len(page) < size:
                return
            last = page[-1].id
            if remaining is not None:
                remaining -= len(page)

    def stored_hashes(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The configuration hash of each of ``ids`` stored as a document (absent ids left out)."""
        col = t.documents.c
        wanted = list(dict.fromkeys(ids))
        found: dict[str, str | None] = {}
        with self._read() as conn:
            for i in range(0, len(wanted), _PAGE):
                query = select(col.id, col.config_hash).where(col.id.in_(wanted[i : i + _PAGE]))
                found.update({row.id: row.config_hash for row in conn.execute(query)})
        return found

    def rejected(self) -> list[Rejected]:
        """All rejected inputs, oldest first (one per origin: identical inputs from two
        places are both listed)."""
        c = t.rejected.c
        with self._read() as conn:
            found = conn.execute(
                select(c.id, c.content_id, c.origin, c.reason, c.detail)
                .order_by(c.created_at, c.id)
            ).all()
        return [
            Rejected(id=r.content_id or r.id, origin=Origin.model_validate(r.origin),
                     reason=r.reason, detail=r.detail)
            for r in found
        ]

    def stats(self) -> dict[str, Any]:
        """Counts: documents, by language and outlet, rejected by reason, entities,
        attributions by stance, events by type."""

        def count(conn: Connection, table: Any) -> int:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

        def by(conn: Connection, col: Any) -> dict[str, int]:
            n = func.count().label("n")
            found = conn.execute(select(col, n).group_by(col).order_by(n.desc(), col)).all()
            return {("unknown" if key is None else str(key)): int(v) for key, v in found}

        with self._read() as conn:
            return {
                "documents": count(conn, t.documents),
                "by_language": by(conn, t.documents.c.language),
                "by_outlet": by(conn, t.documents.c.outlet_id),
                "rejected": count(conn, t.rejected),
                "rejected_by_reason": by(conn, t.rejected.c.reason),
                "entities": count(conn, t.entities),
                "attributions": count(conn, t.attributions),
                "attributions_by_stance": by(conn, t.attributions.c.stance),
                "events": count(conn, t.events),
                "events_by_type": by(conn, t.events.c.type),
            }

    # ------------------------------------------------------------------ export

    def _rejected_rows(self) -> Iterator[dict[str, Any]]:
        c = t.rejected.c
        with self._read() as conn:
            found = conn.execute(select(t.rejected).order_by(c.created_at, c.id)).all()
        for r in found:
            origin = r.origin or {}
            yield {
                "id": r.content_id or r.id,
                "origin_kind": origin.get("kind"),
                "source": r.source,
                "origin_record": origin.get("record"),
                "reason": r.reason,
                "detail": r.detail,
                "created_at": _iso(r.created_at),
                "updated_at": _iso(r.updated_at),
            }

    def export(
        self,
        path: str | os.PathLike[str],
        format: Format | None = None,
        table: Table = "documents",
        quotes_only: bool = False,
    ) -> int:
        """Write a table to ``path``; returns the number of rows.

        ``format`` defaults from the suffix (``.parquet`` or JSONL). JSONL of documents is
        one Document JSON per line (the contract), JSONL of rejected one Rejected JSON per
        line; everything else is flat rows (entity, attribution and event rows carry the
        document id, URL and outlet). ``quotes_only`` keeps the attributions of speech and
        writing (``model.is_quote``): no beliefs, no refusals to comment, no according-to.
        """
        if format is None:
            format = "parquet" if str(path).endswith((".parquet", ".pq")) else \
                "csv" if str(path).endswith(".csv") else "jsonl"
        if format not in exp.FORMATS:
            raise ValueError(f"unknown export format {format!r}: use jsonl, csv or parquet")
        if table in ("reviews", "devset"):  # analysts' reviews; devset: the dev-set schema, nested
            if format == "parquet" or (table == "devset" and format != "jsonl"):
                raise ValueError(f"export {table} as jsonl" + (" or csv" if table == "reviews" else ""))
            with self._read() as conn:
                found = list(review.listing(conn) if table == "reviews" else review.devset_records(conn))
            if format == "csv":
                return exp.write_csv(path, None, found)
            return exp.write_jsonl(path, (json.dumps(r, ensure_ascii=False) for r in found))
        if table == "plover" and format != "jsonl":  # nested records: flat, they are the event rows
            table = "events"
        if table == "plover":
            return exp.write_jsonl(path, (json.dumps(r, ensure_ascii=False)
                                          for d in self.documents() for r in records(d)))
        if table not in exp.COLUMNS:
            raise ValueError(f"unknown table {table!r}: use one of {', '.join(exp.COLUMNS)}")
        if quotes_only and table != "attributions":
            raise ValueError("quotes only applies to the attributions table")
        if format == "jsonl" and table == "documents":
            return exp.write_jsonl(path, (d.model_dump_json() for d in self.documents()))
        if format == "jsonl" and table == "rejected":
            return exp.write_jsonl(path, (r.model_dump_json() for r in self.rejected()))
        if table == "rejected":
            flat: Iterable[dict[str, Any]] = self._rejected_rows()
        elif table in ("claims", "disputes"):
            with self._read() as conn:
                make_link = tables.claim_rows if table == "claims" else tables.dispute_rows
                flat = list(make_link(conn))
        else:
            make = {
                "documents": rows.export_document,
                "entities": rows.export_entities,
                "attributions": functools.partial(rows.export_attributions, quotes_only=quotes_only),
                "events": rows.export_events,
            }[table]
            flat = (row for doc in self.documents() for row in make(doc))
        if format == "jsonl":
            return exp.write_jsonl(path, (json.dumps(r, ensure_ascii=False) for r in flat))
        if format == "csv":
            return exp.write_csv(path, table, flat)
        return exp.write_parquet(path, table, flat)


def open_store(url: str, *, create: bool = True, must_exist: bool = False) -> Store:
    """Open (and create or migrate) the store at ``url``.

    A plain path or ``sqlite:///path`` is a SQLite file (parent directories are created
    with ``create``, else they must exist; with ``must_exist`` the file must exist; WAL and
    foreign keys are on); ``postgresql://`` or ``postgresql+psycopg://`` is
    PostgreSQL through psycopg 3. Raises StoreError, whose message hides the password.
    """
    return Store(url, create=create, must_exist=must_exist)
