"""Every query against the store's tables, outside the Store class itself.

- ``link``: the link layer's incremental writes and the lookups they need;
- ``link_read``: the link layer's read API (stories, claims, disputes, duplicates);
- ``documents``: document, outlet and dispute listings for the server;
- ``search``: full-text search (FTS5 on SQLite, tsvector on PostgreSQL).

Functions take an open connection (``Store.connection()`` for reads,
``Store.transaction()`` for writes) or the Store, and return plain values or rows
(read by attribute: ``row.story_id``). Callers never build SQL themselves.
"""

from __future__ import annotations

from sqlalchemy import Connection

#: An open store connection: obtained from ``Store.connection()`` or
#: ``Store.transaction()`` and only passed on to the query functions.
Conn = Connection

__all__ = ["Conn"]
