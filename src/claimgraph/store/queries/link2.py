"""Queries of the link layer's second part (migration 0008): shingle samples, translation
links, passage vectors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, or_, select, update

from claimgraph.store.schema import link_docs, link_shingles, link_translations


def insert_shingles(conn: Connection, doc_id: str, keys: Sequence[int]) -> None:
    if keys:
        conn.execute(insert(link_shingles), [{"key": k, "doc_id": doc_id} for k in keys])


def delete_shingles(conn: Connection, doc_id: str) -> None:
    conn.execute(delete(link_shingles).where(link_shingles.c.doc_id == doc_id))


def shingle_overlaps(conn: Connection, keys: Sequence[int], doc_id: str,
                     at_least: int) -> dict[str, int]:
    """doc id -> how many of the sampled shingle ``keys`` it shares (>= ``at_least``)."""
    s = link_shingles.c
    out: dict[str, int] = {}
    keys = list(keys)
    for i in range(0, len(keys), 900):
        for d, n in conn.execute(select(s.doc_id, func.count()).where(s.key.in_(keys[i:i + 900]))
                                 .where(s.doc_id != doc_id).group_by(s.doc_id)):
            out[d] = out.get(d, 0) + int(n)
    return {d: n for d, n in out.items() if n >= at_least}


def shingle_counts(conn: Connection, doc_ids: Sequence[str]) -> dict[str, int]:
    s = link_shingles.c
    return {d: int(n) for d, n in conn.execute(
        select(s.doc_id, func.count()).where(s.doc_id.in_(list(doc_ids))).group_by(s.doc_id))}


def set_passages(conn: Connection, doc_id: str, data: bytes) -> None:
    conn.execute(update(link_docs).where(link_docs.c.doc_id == doc_id).values(passages=data))


def story_docs_other_language(conn: Connection, story_id: str, language: str | None,
                              doc_id: str, limit: int = 500) -> list[Row[Any]]:
    """(doc_id, language, embedding, passages, entities) of a story's documents in another
    language than ``language``."""
    d = link_docs.c
    q = select(d.doc_id, d.language, d.embedding, d.passages, d.entities).where(
        d.story_id == story_id).where(d.doc_id != doc_id)
    if language:
        q = q.where(or_(d.language != language, d.language.is_(None)))
    return list(conn.execute(q.order_by(d.seq.desc()).limit(limit)))


def insert_translation(conn: Connection, doc_id: str, other_id: str, score: float) -> None:
    conn.execute(insert(link_translations).values(doc_id=doc_id, other_id=other_id, score=score))


def delete_translations(conn: Connection, doc_id: str) -> None:
    t = link_translations.c
    conn.execute(delete(link_translations).where(or_(t.doc_id == doc_id, t.other_id == doc_id)))


def translations(conn: Connection) -> list[Row[Any]]:
    """Every translation link: (doc_id, other_id, score)."""
    return list(conn.execute(select(link_translations).order_by(link_translations.c.doc_id)))
