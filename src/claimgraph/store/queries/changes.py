"""The change log (``change_log``, filled by triggers since migration 0009): which
documents, claims and outlets the writes touched, so that readers can drop only what a
write changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

#: Rows kept when the log is pruned (a reader further behind treats everything as changed).
KEEP = 200_000


@dataclass
class Changes:
    """What changed: ``every`` when it cannot be told (the log was pruned past the reader)."""

    docs: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    every: bool = False

    def update(self, other: Changes) -> None:
        self.docs |= other.docs
        self.claims |= other.claims
        self.outlets |= other.outlets
        self.every = self.every or other.every


def last_id(conn: Connection) -> int:
    """The newest row's id (0 when the log is empty)."""
    return int(conn.execute(text("SELECT coalesce(max(id), 0) FROM change_log")).scalar() or 0)


LogRow = tuple[int, str | None, str | None, str | None]


def read_since(conn: Connection, low: int) -> tuple[list[LogRow], int]:
    """Rows with an id above ``low`` (id, doc_id, claim_id, outlet_id), and the log's
    smallest id (0 when it is empty)."""
    rows = conn.execute(text("SELECT id, doc_id, claim_id, outlet_id FROM change_log WHERE id > :low "
                             "ORDER BY id"), {"low": low}).all()
    first = int(conn.execute(text("SELECT coalesce(min(id), 0) FROM change_log")).scalar() or 0)
    return [(int(r[0]), r[1], r[2], r[3]) for r in rows], first


def claim_docs(conn: Connection, claim_ids: Sequence[str]) -> set[str]:
    """The documents with a statement in one of these claims (indexed)."""
    out: set[str] = set()
    ids = sorted(set(claim_ids))
    for start in range(0, len(ids), 500):
        names = {f"c{i}": c for i, c in enumerate(ids[start:start + 500])}
        out.update(conn.execute(text(
            "SELECT DISTINCT doc_id FROM link_claim_members "
            f"WHERE claim_id IN ({', '.join(':' + n for n in names)})"), names).scalars())
    return out


def prune(conn: Connection, keep: int = KEEP) -> None:
    """Drop all but the newest ``keep`` rows (in a write transaction)."""
    conn.execute(text("DELETE FROM change_log WHERE id <= (SELECT max(id) FROM change_log) - :keep"),
                 {"keep": keep})
