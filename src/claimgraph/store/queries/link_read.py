"""Reads of the link layer's tables: for its read API, the server and evaluation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Connection, Row, select

from claimgraph.store.schema import (
    documents,
    link_claim_members,
    link_claims,
    link_disputes,
    link_docs,
    link_dup_groups,
    link_stories,
    link_story_entities,
)

if TYPE_CHECKING:
    from claimgraph.store.core import Store


def linked_docs(conn: Connection, story_ids: Sequence[str] | None = None) -> list[Row[Any]]:
    """Linked documents (of these stories, or all), by day, date and link order: doc_id,
    seq, day, date, dated, language, outlet_id, outlet_name, title, dup_group, story_id, url."""
    d, doc = link_docs.c, documents.c
    q = (select(d.doc_id, d.seq, d.day, d.date, d.dated, d.language, d.outlet_id, d.outlet_name,
                d.title, d.dup_group, d.story_id, doc.url)
         .join(documents, doc.id == d.doc_id))
    if story_ids is not None:
        q = q.where(d.story_id.in_(list(story_ids)))
    return list(conn.execute(q.order_by(d.day, d.date, d.seq)).all())


def dup_groups(conn: Connection) -> list[Row[Any]]:
    """Near-duplicate groups (id, original, size) in id order."""
    return list(conn.execute(select(link_dup_groups).order_by(link_dup_groups.c.id)).all())


def doc_dup_groups(conn: Connection, doc_ids: Iterable[str]) -> dict[str, str]:
    """doc id -> duplicate group, for the documents that have one."""
    d = link_docs.c
    return {r.doc_id: r.dup_group for r in conn.execute(
        select(d.doc_id, d.dup_group).where(d.doc_id.in_(list(doc_ids)))) if r.dup_group}


def story_of_doc(conn: Connection, doc_id: str) -> str | None:
    """The story of a linked document (None when unlinked)."""
    c = link_docs.c
    return conn.execute(select(c.story_id).where(c.doc_id == doc_id)).scalar()


def latest_stories(conn: Connection, limit: int | None = None) -> list[Row[Any]]:
    """Story rows, most recent first (then largest, then id)."""
    s = link_stories.c
    q = select(link_stories).order_by(s.last_day.desc(), s.size.desc(), s.id)
    if limit:
        q = q.limit(limit)
    return list(conn.execute(q).all())


def find_story(conn: Connection, story_id: str) -> Row[Any] | None:
    """The story with this id, or with this unambiguous id prefix; None otherwise."""
    s = link_stories.c
    row = conn.execute(select(link_stories).where(s.id == story_id)).first()
    if row is None:
        found = conn.execute(select(s.id).where(s.id.startswith(story_id)).limit(2)).scalars().all()
        if len(found) != 1:
            return None
        row = conn.execute(select(link_stories).where(s.id == found[0])).one()
    return row


def story_entities(conn: Connection, story_ids: Sequence[str]) -> list[Row[Any]]:
    """(story_id, key, name, n) of the entities the stories name."""
    e = link_story_entities.c
    return list(conn.execute(select(e.story_id, e.key, e.name, e.n)
                             .where(e.story_id.in_(list(story_ids)))))


def story_claim_ids(conn: Connection, story_ids: Sequence[str]) -> list[Row[Any]]:
    """(id, story_id) of the claims of these stories."""
    c = link_claims.c
    return list(conn.execute(select(c.id, c.story_id).where(c.story_id.in_(list(story_ids)))))


def dispute_pairs(conn: Connection) -> list[Row[Any]]:
    """(claim_id, against_id) of every dispute."""
    d = link_disputes.c
    return list(conn.execute(select(d.claim_id, d.against_id)))


def disputes(conn: Connection) -> list[Row[Any]]:
    """Every dispute row (claim_id, against_id, basis, score), by claim id."""
    return list(conn.execute(select(link_disputes).order_by(link_disputes.c.claim_id)).all())


def claims(conn: Connection, claim_ids: Sequence[str] | None = None,
           story: str | None = None) -> list[Row[Any]]:
    """Claim rows: these ids and/or this story's, or all."""
    c = link_claims.c
    q = select(link_claims)
    if claim_ids is not None:
        q = q.where(c.id.in_(list(claim_ids)))
    if story is not None:
        q = q.where(c.story_id == story)
    return list(conn.execute(q).all())


def claim_members(conn: Connection, claim_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Every column of the members of these claims, as dicts."""
    m = link_claim_members.c
    return [dict(r) for r in conn.execute(
        select(link_claim_members).where(m.claim_id.in_(list(claim_ids)))).mappings()]


def member_filters(conn: Connection, stance: str | None = None) -> list[Row[Any]]:
    """(claim_id, speaker_key, speaker_name, outlet_id, outlet_name, entities, stance) of
    every claim member (of this stance), to filter claims by."""
    m = link_claim_members.c
    q = select(m.claim_id, m.speaker_key, m.speaker_name, m.outlet_id, m.outlet_name,
               m.entities, m.stance)
    if stance:
        q = q.where(m.stance == stance)
    return list(conn.execute(q))


class LinkAssignments(NamedTuple):
    """Where the link layer put every document and statement."""

    story_of: dict[str, str | None]  # doc id -> story id
    dup_of: dict[str, str]  # doc id -> duplicate group (documents in one)
    claim_of: dict[tuple[str, str], str]  # (doc id, attribution id) -> claim id
    disputes: set[tuple[str, str]]  # (claim id, deny-side claim id)


def assignments(store: Store) -> LinkAssignments:
    """Stories, duplicate groups, claims and disputes of every linked document."""
    with store.connection() as conn:
        rows = conn.execute(select(link_docs.c.doc_id, link_docs.c.story_id,
                                   link_docs.c.dup_group)).all()
        m = link_claim_members.c
        claim_of = {(r.doc_id, r.attr_id): r.claim_id for r in conn.execute(
            select(m.doc_id, m.attr_id, m.claim_id))}
        pairs = {(r.claim_id, r.against_id) for r in conn.execute(select(link_disputes))}
    return LinkAssignments(
        story_of={r.doc_id: r.story_id for r in rows},
        dup_of={r.doc_id: r.dup_group for r in rows if r.dup_group},
        claim_of=claim_of, disputes=pairs)


def translation_pairs(store: Store) -> list[tuple[str, str]]:
    """(doc_id, other doc_id) of every translation link."""
    from claimgraph.store.schema import link_translations

    with store.connection() as conn:
        return [(r.doc_id, r.other_id) for r in conn.execute(select(link_translations))]
