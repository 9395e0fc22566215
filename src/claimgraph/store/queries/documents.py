"""Listings of stored documents for the server: recent documents, outlets, disputes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, select, text

from claimgraph.store.schema import documents

if TYPE_CHECKING:
    from claimgraph.store.core import Store


def _rows(store: Store, sql: str, **params: Any) -> list[Row[Any]]:
    with store.connection() as conn:
        return list(conn.execute(text(sql), params).all())


def disputed_documents(store: Store, limit: int = 50, offset: int = 0) -> list[str]:
    """Ids of documents with an attribution that names its target, in id order."""
    rows = _rows(
        store,
        "SELECT DISTINCT doc_id FROM attributions WHERE target IS NOT NULL ORDER BY doc_id "
        "LIMIT :limit OFFSET :offset", limit=limit, offset=offset)
    return [r.doc_id for r in rows]


def outlet_counts(store: Store) -> list[Row[Any]]:
    """(outlet_id, n, sample) per outlet of the stored documents, most documents first;
    ``sample`` is the id of one of its documents."""
    return _rows(
        store,
        "SELECT outlet_id, count(*) AS n, max(id) AS sample FROM documents "
        "WHERE outlet_id IS NOT NULL GROUP BY outlet_id ORDER BY n DESC, outlet_id")


def outlet_record(store: Store, outlet_id: str, sample: str | None = None) -> dict[str, Any] | None:
    """The Outlet JSON as stored with one of its documents (``sample`` or the last id)."""
    c = documents.c
    query = select(c.data).where(c.outlet_id == outlet_id)
    query = query.where(c.id == sample) if sample else query.order_by(c.id.desc()).limit(1)
    with store.connection() as conn:
        data = conn.execute(query).scalar()
    if isinstance(data, str):
        data = json.loads(data)
    return (data or {}).get("outlet")


def outlet_documents(store: Store, outlet_id: str, limit: int = 100) -> list[dict[str, Any]]:
    """(id, title, language, published) of an outlet's documents, latest publication first."""
    rows = _rows(
        store,
        "SELECT id, title, language, published FROM documents WHERE outlet_id = :o "
        "ORDER BY published DESC, id LIMIT :limit", o=outlet_id, limit=limit)
    return [dict(r._mapping) for r in rows]


def recent_documents(store: Store, limit: int = 20, offset: int = 0, outlet: str | None = None,
                     language: str | None = None) -> list[dict[str, Any]]:
    """Summaries (id, title, url, outlet_id, outlet_name, language, published, created_at)
    of documents, most recently stored first."""
    c = documents.c
    query = (select(c.id, c.title, c.url, c.outlet_id, c.outlet_name, c.language, c.published,
                    c.created_at)
             .order_by(c.created_at.desc(), c.id).limit(limit).offset(offset))
    if outlet:
        query = query.where(c.outlet_id == outlet)
    if language:
        query = query.where(c.language == language)
    with store.connection() as conn:
        rows = conn.execute(query).all()
    return [dict(r._mapping) for r in rows]
