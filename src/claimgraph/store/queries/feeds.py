"""Watched feeds (migration 0007): validators for conditional requests, entries seen, and
the documents the last poll analysed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from claimgraph.store.schema import feeds

MAX_SEEN = 5000  # entry ids remembered per feed (feeds list their latest entries)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def get(conn: Connection, url: str) -> dict[str, Any]:
    """The state of a feed (empty validators and nothing seen for a new one)."""
    row = conn.execute(select(feeds).where(feeds.c.url == url)).mappings().first()
    if row is None:
        return {"url": url, "etag": None, "last_modified": None, "seen": [], "new_documents": [],
                "checked_at": None}
    out = dict(row)
    out["seen"], out["new_documents"] = _json(out["seen"]) or [], _json(out["new_documents"]) or []
    return out


def save(conn: Connection, url: str, etag: str | None, last_modified: str | None, seen: list[str],
         new_documents: list[str]) -> None:
    conn.execute(delete(feeds).where(feeds.c.url == url))
    conn.execute(insert(feeds).values(url=url, etag=etag, last_modified=last_modified,
                                      seen=seen[-MAX_SEEN:], new_documents=new_documents,
                                      checked_at=datetime.now(UTC)))


def listing(conn: Connection) -> list[dict[str, Any]]:
    """Every watched feed, most recently checked first, with its new documents' titles."""
    out = []
    for row in conn.execute(select(feeds).order_by(feeds.c.checked_at.desc())).mappings():
        item = {"url": row["url"], "checked_at": row["checked_at"].isoformat() if row["checked_at"] else None,
                "seen": len(_json(row["seen"]) or [])}
        ids = _json(row["new_documents"]) or []
        from claimgraph.store.schema import documents

        titles = {r.id: r.title for r in conn.execute(
            select(documents.c.id, documents.c.title).where(documents.c.id.in_(ids)))} if ids else {}
        item["new"] = [{"id": i, "title": titles.get(i)} for i in ids if i in titles]
        out.append(item)
    return out
