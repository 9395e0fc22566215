"""The analysis job queue (migration 0007): submissions queued by the API, taken by the
server's background worker, kept with their results; a restart puts running jobs back."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from claimgraph.store.schema import jobs


def _now() -> datetime:
    return datetime.now(UTC)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def enqueue(conn: Connection, payload: dict[str, Any]) -> str:
    """A new queued job; returns its id."""
    job_id = uuid.uuid4().hex
    now = _now()
    conn.execute(insert(jobs).values(id=job_id, status="queued", payload=payload, created_at=now,
                                     updated_at=now))
    return job_id


def claim_next(conn: Connection) -> dict[str, Any] | None:
    """Take the oldest queued job (status -> running); None when the queue is empty."""
    c = jobs.c
    while True:
        row = conn.execute(select(c.id, c.payload).where(c.status == "queued")
                           .order_by(c.created_at, c.id).limit(1)).first()
        if row is None:
            return None
        taken = conn.execute(update(jobs).where(c.id == row.id, c.status == "queued")
                             .values(status="running", updated_at=_now())).rowcount
        if taken:
            return {"id": row.id, "payload": _json(row.payload)}


def finish(conn: Connection, job_id: str, result: Any = None, error: str | None = None) -> None:
    conn.execute(update(jobs).where(jobs.c.id == job_id).values(
        status="failed" if error else "done", result=result, error=error, updated_at=_now()))


def requeue(conn: Connection, job_id: str | None = None) -> int:
    """Put a running job (or every running job: after a restart) back in the queue."""
    q = update(jobs).where(jobs.c.status == "running")
    if job_id is not None:
        q = q.where(jobs.c.id == job_id)
    return int(conn.execute(q.values(status="queued", updated_at=_now())).rowcount or 0)


def get(conn: Connection, job_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(jobs).where(jobs.c.id == job_id)).mappings().first()
    if row is None:
        return None
    out = {k: row[k] for k in ("id", "status", "error")}
    out["result"] = _json(row["result"])
    out["created_at"], out["updated_at"] = row["created_at"].isoformat(), row["updated_at"].isoformat()
    return out


def counts(conn: Connection) -> dict[str, int]:
    from sqlalchemy import func

    return {r.status: int(r.n) for r in conn.execute(
        select(jobs.c.status, func.count().label("n")).group_by(jobs.c.status))}
