"""Near-duplicates: MinHash signatures of word shingles, LSH buckets in the store, groups.

A republication (an agency wire taken up by several outlets with small edits) shares most
of its word shingles with the original. Each document's MinHash signature is cut into
``b`` bands of ``r`` rows (chosen by datasketch for the Jaccard threshold); a document is
a candidate duplicate of those sharing a band key, and a duplicate when the signatures
agree on at least ``threshold`` of their values. Groups are stored with their original:
the earliest document (publication date, else first seen).
"""

from __future__ import annotations

import hashlib
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from claimgraph.link.text import shingles
from claimgraph.store.schema import link_docs, link_dup_groups, link_lsh


@cache
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch picks for ``threshold`` with ``num_perm`` permutations."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def signature(text: str, k: int = 3, num_perm: int = 128) -> np.ndarray:
    """The MinHash signature (uint32) of the word k-shingles of ``text``."""
    mh = MinHash(num_perm=num_perm)
    sh = shingles(text, k)
    if sh:
        mh.update_batch(list(sh))
    return np.asarray(mh.hashvalues, dtype="<u4")


def band_keys(sig: np.ndarray, bands: int, rows: int) -> list[tuple[int, str]]:
    """The LSH bucket keys of a signature, one per band."""
    return [
        (b, hashlib.blake2b(sig[b * rows : (b + 1) * rows].tobytes(), digest_size=8).hexdigest())
        for b in range(bands)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def find(conn: Connection, doc_id: str, sig: np.ndarray, keys: list[tuple[int, str]],
         threshold: float) -> list[tuple[str, float]]:
    """Linked documents whose signature is within ``threshold`` of ``sig``, best first."""
    if not keys:
        return []
    cond = or_(*(and_(link_lsh.c.band == b, link_lsh.c.key == k) for b, k in keys))
    cands = conn.execute(
        select(link_lsh.c.doc_id).where(cond).where(link_lsh.c.doc_id != doc_id).distinct()
    ).scalars().all()
    if not cands:
        return []
    found = []
    for row in conn.execute(
        select(link_docs.c.doc_id, link_docs.c.minhash).where(link_docs.c.doc_id.in_(cands))
    ):
        sim = similarity(sig, np.frombuffer(row.minhash, dtype="<u4"))
        if sim >= threshold:
            found.append((row.doc_id, sim))
    return sorted(found, key=lambda x: (-x[1], x[0]))


def index(conn: Connection, doc_id: str, keys: list[tuple[int, str]]) -> None:
    if keys:
        conn.execute(insert(link_lsh), [{"band": b, "key": k, "doc_id": doc_id} for b, k in keys])


def assign(conn: Connection, doc_id: str, dups: list[tuple[str, float]]) -> str | None:
    """Put ``doc_id`` in the group of its duplicates (merging groups it bridges)."""
    if not dups:
        return None
    ids = [d for d, _ in dups]
    groups = sorted({g for g in conn.execute(
        select(link_docs.c.dup_group).where(link_docs.c.doc_id.in_(ids))).scalars() if g})
    gid = groups[0] if groups else "D" + min([doc_id, *ids])
    for other in groups[1:]:
        conn.execute(update(link_docs).where(link_docs.c.dup_group == other).values(dup_group=gid))
        conn.execute(delete(link_dup_groups).where(link_dup_groups.c.id == other))
    conn.execute(update(link_docs).where(link_docs.c.doc_id.in_([doc_id, *ids]))
                 .values(dup_group=gid))
    refresh(conn, gid)
    return gid


def refresh(conn: Connection, gid: str) -> None:
    """Recompute a group's original and size; a group left with one document is dissolved."""
    members = conn.execute(
        select(link_docs.c.doc_id).where(link_docs.c.dup_group == gid)
        .order_by(link_docs.c.day, link_docs.c.dated.desc(), link_docs.c.date, link_docs.c.seq)
    ).scalars().all()
    conn.execute(delete(link_dup_groups).where(link_dup_groups.c.id == gid))
    if len(members) < 2:
        conn.execute(update(link_docs).where(link_docs.c.dup_group == gid).values(dup_group=None))
        return
    conn.execute(insert(link_dup_groups).values(id=gid, original=members[0], size=len(members)))


def remove(conn: Connection, doc_id: str, gid: str | None) -> None:
    """Take a document out of the LSH index and of its group."""
    conn.execute(delete(link_lsh).where(link_lsh.c.doc_id == doc_id))
    if gid:
        conn.execute(update(link_docs).where(link_docs.c.doc_id == doc_id).values(dup_group=None))
        refresh(conn, gid)


def count_groups(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(link_dup_groups)).scalar_one())
