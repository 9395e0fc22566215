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

from claimgraph.link.text import shingles
from claimgraph.store.queries import Conn
from claimgraph.store.queries import link as q


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


def find(conn: Conn, doc_id: str, sig: np.ndarray, keys: list[tuple[int, str]],
         threshold: float) -> list[tuple[str, float]]:
    """Linked documents whose signature is within ``threshold`` of ``sig``, best first."""
    if not keys:
        return []
    cands = q.lsh_candidates(conn, keys, doc_id)
    if not cands:
        return []
    found = []
    for row in q.minhashes(conn, cands):
        sim = similarity(sig, np.frombuffer(row.minhash, dtype="<u4"))
        if sim >= threshold:
            found.append((row.doc_id, sim))
    return sorted(found, key=lambda x: (-x[1], x[0]))


def index(conn: Conn, doc_id: str, keys: list[tuple[int, str]]) -> None:
    q.insert_lsh(conn, doc_id, keys)


def assign(conn: Conn, doc_id: str, dups: list[tuple[str, float]]) -> str | None:
    """Put ``doc_id`` in the group of its duplicates (merging groups it bridges)."""
    if not dups:
        return None
    ids = [d for d, _ in dups]
    groups = sorted({g for g in q.dup_groups_of(conn, ids) if g})
    gid = groups[0] if groups else "D" + min([doc_id, *ids])
    for other in groups[1:]:
        q.rename_dup_group(conn, other, gid)
    q.set_dup_group(conn, [doc_id, *ids], gid)
    refresh(conn, gid)
    return gid


def refresh(conn: Conn, gid: str) -> None:
    """Recompute a group's original and size; a group left with one document is dissolved."""
    members = q.dup_group_members(conn, gid)
    q.delete_dup_group(conn, gid)
    if len(members) < 2:
        q.dissolve_dup_group(conn, gid)
        return
    q.insert_dup_group(conn, gid, members[0], len(members))


def remove(conn: Conn, doc_id: str, gid: str | None) -> None:
    """Take a document out of the LSH index and of its group."""
    q.delete_lsh(conn, doc_id)
    if gid:
        q.set_dup_group(conn, [doc_id], None)
        refresh(conn, gid)


def count_groups(conn: Conn) -> int:
    return q.count_dup_groups(conn)
