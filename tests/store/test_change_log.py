"""The change log (migration 0009): triggers record the documents, outlets and claims each
write touches, on SQLite and PostgreSQL; pruned to the newest rows."""

from __future__ import annotations

from tests.fixtures.workbench import corpus

from claimgraph.config import Config
from claimgraph.link import Linker
from claimgraph.store import Store
from claimgraph.store.queries import changes as cq


def test_triggers_log_documents_claims_and_outlets(store: Store) -> None:
    docs = [d for d in corpus() if d.outlet is not None][:3]
    with store.connection() as conn:
        start = cq.last_id(conn)
    store.save(docs[0])
    with store.connection() as conn:
        rows, _ = cq.read_since(conn, start)
    assert (docs[0].id, None, docs[0].outlet.id) in [r[1:] for r in rows]  # type: ignore[union-attr]
    linker = Linker(store, Config.load())
    for doc in docs[1:]:
        store.save(doc)
    for doc in docs:
        linker.add(doc)
    with store.connection() as conn:
        rows, least = cq.read_since(conn, start)
        claims = {r[2] for r in rows if r[2]}
        member_docs = {r[1] for r in rows if r[2] and r[1]}
        assert claims and member_docs <= {d.id for d in docs}
        assert cq.claim_docs(conn, sorted(claims)) <= {d.id for d in docs}
        assert [r[0] for r in rows] == sorted(r[0] for r in rows) and least <= rows[0][0]
    store.save(docs[0])  # saved again: the update is logged
    with store.connection() as conn:
        newest = cq.last_id(conn)
        again, _ = cq.read_since(conn, rows[-1][0])
    assert (docs[0].id, None, docs[0].outlet.id) in [r[1:] for r in again]  # type: ignore[union-attr]
    with store.transaction() as conn:
        cq.prune(conn, keep=2)
    with store.connection() as conn:
        left, least = cq.read_since(conn, 0)
    assert [r[0] for r in left] == [newest - 1, newest] and least == newest - 1
