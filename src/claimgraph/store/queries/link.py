"""The link layer's writes and the lookups incremental linking needs.

Every function runs on the connection it is given, inside the caller's transaction
(``Store.transaction()``); nothing is committed here. Vectors are passed and returned as
the raw bytes stored in the tables (see ``store/schema.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Row, Table, and_, delete, func, insert, or_, select, update

from claimgraph.store.schema import (
    documents,
    link_claim_members,
    link_claims,
    link_disputes,
    link_docs,
    link_dup_groups,
    link_lsh,
    link_stories,
    link_story_days,
    link_story_entities,
)


def _now() -> datetime:
    return datetime.now(UTC)


# ---------------------------------------------------------------- linked documents


def linked_doc(conn: Connection, doc_id: str) -> Row[Any] | None:
    """(text_hash, story_id) of a linked document, None when it is not linked."""
    return conn.execute(select(link_docs.c.text_hash, link_docs.c.story_id)
                        .where(link_docs.c.doc_id == doc_id)).first()


def first_seen(conn: Connection, doc_id: str) -> datetime | None:
    """When the document was first stored (None when it is not in the store)."""
    return conn.execute(select(documents.c.created_at).where(documents.c.id == doc_id)).scalar()


def next_link_seq(conn: Connection) -> int:
    """The link order number of the next document linked."""
    return int(conn.execute(select(func.coalesce(func.max(link_docs.c.seq), 0))).scalar_one()) + 1


def insert_link_doc(conn: Connection, **values: Any) -> None:
    """A ``link_docs`` row (``linked_at`` is now)."""
    conn.execute(insert(link_docs).values(**values, linked_at=_now()))


def get_link_doc(conn: Connection, doc_id: str) -> Row[Any]:
    """The full ``link_docs`` row of a linked document."""
    return conn.execute(select(link_docs).where(link_docs.c.doc_id == doc_id)).one()


def delete_link_doc(conn: Connection, doc_id: str) -> None:
    conn.execute(delete(link_docs).where(link_docs.c.doc_id == doc_id))


def story_of_docs(conn: Connection, doc_ids: Sequence[str]) -> str | None:
    """The story of one of these linked documents that has one."""
    return conn.execute(select(link_docs.c.story_id).where(link_docs.c.doc_id.in_(list(doc_ids)))
                        .where(link_docs.c.story_id.is_not(None))).scalars().first()


def set_doc_story(conn: Connection, doc_id: str, story_id: str) -> None:
    conn.execute(update(link_docs).where(link_docs.c.doc_id == doc_id).values(story_id=story_id))


def unlinked_documents(conn: Connection) -> list[str]:
    """Ids of stored documents not linked yet, oldest publication first."""
    d = documents.c
    return list(conn.execute(
        select(d.id).where(d.id.not_in(select(link_docs.c.doc_id)))
        .order_by(d.published, d.created_at, d.id)).scalars())


# ---------------------------------------------------------------- near-duplicates


def lsh_candidates(conn: Connection, keys: Sequence[tuple[int, str]], doc_id: str) -> list[str]:
    """Documents other than ``doc_id`` sharing one of the (band, key) LSH buckets."""
    if not keys:
        return []
    cond = or_(*(and_(link_lsh.c.band == b, link_lsh.c.key == k) for b, k in keys))
    return list(conn.execute(
        select(link_lsh.c.doc_id).where(cond).where(link_lsh.c.doc_id != doc_id).distinct()
    ).scalars().all())


def minhashes(conn: Connection, doc_ids: Sequence[str]) -> list[Row[Any]]:
    """(doc_id, minhash) of linked documents."""
    return list(conn.execute(
        select(link_docs.c.doc_id, link_docs.c.minhash).where(link_docs.c.doc_id.in_(list(doc_ids)))
    ).all())


def insert_lsh(conn: Connection, doc_id: str, keys: Sequence[tuple[int, str]]) -> None:
    if keys:
        conn.execute(insert(link_lsh), [{"band": b, "key": k, "doc_id": doc_id} for b, k in keys])


def delete_lsh(conn: Connection, doc_id: str) -> None:
    conn.execute(delete(link_lsh).where(link_lsh.c.doc_id == doc_id))


def dup_groups_of(conn: Connection, doc_ids: Sequence[str]) -> list[str | None]:
    """The duplicate group of each of these documents (None when it has none)."""
    return list(conn.execute(
        select(link_docs.c.dup_group).where(link_docs.c.doc_id.in_(list(doc_ids)))).scalars())


def rename_dup_group(conn: Connection, old: str, new: str) -> None:
    """Move the documents of group ``old`` into ``new`` and drop ``old``."""
    conn.execute(update(link_docs).where(link_docs.c.dup_group == old).values(dup_group=new))
    conn.execute(delete(link_dup_groups).where(link_dup_groups.c.id == old))


def set_dup_group(conn: Connection, doc_ids: Sequence[str], gid: str | None) -> None:
    conn.execute(update(link_docs).where(link_docs.c.doc_id.in_(list(doc_ids)))
                 .values(dup_group=gid))


def dup_group_members(conn: Connection, gid: str) -> list[str]:
    """A group's documents, earliest first (day, publication date first, date, link order)."""
    return list(conn.execute(
        select(link_docs.c.doc_id).where(link_docs.c.dup_group == gid)
        .order_by(link_docs.c.day, link_docs.c.dated.desc(), link_docs.c.date, link_docs.c.seq)
    ).scalars().all())


def delete_dup_group(conn: Connection, gid: str) -> None:
    conn.execute(delete(link_dup_groups).where(link_dup_groups.c.id == gid))


def dissolve_dup_group(conn: Connection, gid: str) -> None:
    """Take every document out of group ``gid`` (its row is not touched)."""
    conn.execute(update(link_docs).where(link_docs.c.dup_group == gid).values(dup_group=None))


def insert_dup_group(conn: Connection, gid: str, original: str, size: int) -> None:
    conn.execute(insert(link_dup_groups).values(id=gid, original=original, size=size))


def count_dup_groups(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(link_dup_groups)).scalar_one())


# ---------------------------------------------------------------- stories


def stories_near_day(conn: Connection, lo: int, hi: int) -> list[str]:
    """Stories with a document on a day in [lo, hi] (date index)."""
    d = link_story_days.c
    return list(conn.execute(select(d.story_id).where(d.day.between(lo, hi)).distinct()).scalars())


def stories_naming(conn: Connection, keys: Sequence[str], lo: int, hi: int) -> list[str]:
    """Stories naming one of the entity ``keys`` with a document on a day in [lo, hi]."""
    d, e = link_story_days.c, link_story_entities.c
    return list(conn.execute(
        select(d.story_id)
        .join(link_story_entities, and_(e.story_id == d.story_id, e.key.in_(list(keys))))
        .where(d.day.between(lo, hi)).distinct()).scalars())


def story_centroids(conn: Connection, story_ids: Sequence[str]) -> list[Row[Any]]:
    """(id, centroid, first_day, last_day) of stories."""
    s = link_stories.c
    return list(conn.execute(select(s.id, s.centroid, s.first_day, s.last_day)
                             .where(s.id.in_(list(story_ids)))).all())


def shared_entities(conn: Connection, story_ids: Sequence[str], keys: Sequence[str]) -> dict[str, int]:
    """story id -> how many of the entity ``keys`` it names (stories naming none are absent)."""
    e = link_story_entities.c
    return {sid: int(n) for sid, n in conn.execute(
        select(e.story_id, func.count())
        .where(e.story_id.in_(list(story_ids)))
        .where(e.key.in_(list(keys)))
        .group_by(e.story_id))}


def story_exists(conn: Connection, story_id: str) -> bool:
    return conn.execute(select(link_stories.c.id).where(link_stories.c.id == story_id)).first() is not None


def insert_story(conn: Connection, story_id: str, title: str | None, day: int, centroid: bytes) -> None:
    """An empty story (size 0) on ``day``."""
    conn.execute(insert(link_stories).values(
        id=story_id, title=title, first_day=day, last_day=day, size=0,
        centroid=centroid, updated_at=_now()))


def get_story(conn: Connection, story_id: str) -> Row[Any]:
    """The full ``link_stories`` row of an existing story."""
    return conn.execute(select(link_stories).where(link_stories.c.id == story_id)).one()


def update_story(conn: Connection, story_id: str, **values: Any) -> None:
    """Set columns of a story (``updated_at`` is now)."""
    conn.execute(update(link_stories).where(link_stories.c.id == story_id).values(
        **values, updated_at=_now()))


def story_day_range(conn: Connection, story_id: str) -> tuple[int | None, int | None]:
    """The first and last day of the story's documents (date index)."""
    d = link_story_days.c
    lo, hi = conn.execute(select(func.min(d.day), func.max(d.day))
                          .where(d.story_id == story_id)).one()
    return lo, hi


def _count(conn: Connection, table: Table, key: dict[str, object], sign: int, **extra: object) -> None:
    """Add ``sign`` to the counter ``n`` of the row ``key`` (created, or deleted at 0)."""
    cond = and_(*(table.c[k] == v for k, v in key.items()))
    n = conn.execute(select(table.c.n).where(cond)).scalar()
    if n is None:
        if sign > 0:
            conn.execute(insert(table).values(**key, **extra, n=sign))
    elif n + sign <= 0:
        conn.execute(delete(table).where(cond))
    else:
        conn.execute(update(table).where(cond).values(n=n + sign))


def count_story_day(conn: Connection, story_id: str, day: int, sign: int) -> None:
    """Count one document of the story on ``day`` in (sign=1) or out (sign=-1)."""
    _count(conn, link_story_days, {"story_id": story_id, "day": day}, sign)


def count_story_entity(conn: Connection, story_id: str, key: str, name: str, sign: int) -> None:
    """Count one document of the story naming entity ``key`` in (sign=1) or out (sign=-1)."""
    _count(conn, link_story_entities, {"story_id": story_id, "key": key}, sign, name=name)


def move_story_indexes(conn: Connection, keep: str, other: str) -> None:
    """Add the day and entity counts of story ``other`` to ``keep`` and drop ``other``'s."""
    for table in (link_story_days, link_story_entities):
        key = "day" if table is link_story_days else "key"
        for row in conn.execute(select(table).where(table.c.story_id == other)).mappings().all():
            extra = {"name": row["name"]} if table is link_story_entities else {}
            _count(conn, table, {"story_id": keep, key: row[key]}, int(row["n"]), **extra)
        conn.execute(delete(table).where(table.c.story_id == other))


def move_story_members(conn: Connection, other: str, keep: str) -> None:
    """Documents and claims of story ``other`` now belong to ``keep``."""
    conn.execute(update(link_docs).where(link_docs.c.story_id == other).values(story_id=keep))
    conn.execute(update(link_claims).where(link_claims.c.story_id == other).values(story_id=keep))


def delete_story(conn: Connection, story_id: str) -> None:
    """A story with its date and entity index rows."""
    for table in (link_story_days, link_story_entities):
        conn.execute(delete(table).where(table.c.story_id == story_id))
    conn.execute(delete(link_stories).where(link_stories.c.id == story_id))


# ---------------------------------------------------------------- claims


def claims_in_story(conn: Connection, story_id: str, polarity: str) -> list[Row[Any]]:
    """(id, centroid, speaker_key) of the story's claims of one polarity."""
    c = link_claims.c
    return list(conn.execute(select(c.id, c.centroid, c.speaker_key).where(c.story_id == story_id)
                             .where(c.polarity == polarity)))


def claims_of_speaker(conn: Connection, speaker_key: str, polarity: str, lo: int, hi: int,
                      limit: int = 200) -> list[Row[Any]]:
    """(id, centroid, speaker_key) of a speaker's claims of one polarity overlapping the
    days [lo, hi], most recent first."""
    c = link_claims.c
    return list(conn.execute(select(c.id, c.centroid, c.speaker_key).where(c.speaker_key == speaker_key)
                             .where(c.polarity == polarity)
                             .where(and_(c.last_day >= lo, c.first_day <= hi))
                             .order_by(c.last_day.desc()).limit(limit)))


def member_sources(conn: Connection, claim_ids: Sequence[str]) -> list[Row[Any]]:
    """(claim_id, speaker_key, outlet_name, via) of the members of claims."""
    m = link_claim_members.c
    return list(conn.execute(select(m.claim_id, m.speaker_key, m.outlet_name, m.via)
                             .where(m.claim_id.in_(list(claim_ids)))))


def claim_ids_with_prefix(conn: Connection, prefix: str) -> set[str]:
    return set(conn.execute(select(link_claims.c.id)
                            .where(link_claims.c.id.startswith(prefix))).scalars())


def insert_claim(conn: Connection, **values: Any) -> None:
    conn.execute(insert(link_claims).values(**values))


def get_claim(conn: Connection, claim_id: str) -> Row[Any]:
    """The full ``link_claims`` row of an existing claim."""
    return conn.execute(select(link_claims).where(link_claims.c.id == claim_id)).one()


def update_claim(conn: Connection, claim_id: str, **values: Any) -> None:
    conn.execute(update(link_claims).where(link_claims.c.id == claim_id).values(**values))


def delete_claim(conn: Connection, claim_id: str) -> None:
    conn.execute(delete(link_claims).where(link_claims.c.id == claim_id))


def move_claim_members(conn: Connection, other: str, keep: str) -> None:
    """Members of claim ``other`` now belong to ``keep``."""
    conn.execute(update(link_claim_members).where(link_claim_members.c.claim_id == other)
                 .values(claim_id=keep))


def insert_claim_member(conn: Connection, **values: Any) -> None:
    conn.execute(insert(link_claim_members).values(**values))


def doc_claim_members(conn: Connection, doc_id: str) -> list[Row[Any]]:
    """(claim_id, embedding, day) of a document's claim members."""
    m = link_claim_members.c
    return list(conn.execute(select(m.claim_id, m.embedding, m.day).where(m.doc_id == doc_id)).all())


def delete_doc_claim_members(conn: Connection, doc_id: str) -> None:
    conn.execute(delete(link_claim_members).where(link_claim_members.c.doc_id == doc_id))


def members_of_claims(conn: Connection, claim_ids: Iterable[str]) -> list[Row[Any]]:
    """(claim_id, doc_id, attr_id, speaker_key, target, entities, embedding) of members."""
    m = link_claim_members.c
    return list(conn.execute(select(m.claim_id, m.doc_id, m.attr_id, m.speaker_key, m.target,
                                    m.entities, m.embedding).where(m.claim_id.in_(list(claim_ids)))))


def targeted_denials(conn: Connection, doc_id: str) -> list[Row[Any]]:
    """(speaker_key, target) of the document's denials that name their target, in id order."""
    m = link_claim_members.c
    return list(conn.execute(select(m.speaker_key, m.target).where(m.doc_id == doc_id)
                             .where(m.target.is_not(None)).where(m.stance.in_(("deny", "dispute")))
                             .order_by(m.attr_id)))


def claim_of_statement(conn: Connection, doc_id: str, attr_id: str) -> str | None:
    """The claim of attribution ``attr_id`` of a document."""
    m = link_claim_members.c
    return conn.execute(select(m.claim_id).where(and_(m.doc_id == doc_id,
                                                      m.attr_id == attr_id))).scalar()


def doc_assert_claims(conn: Connection, doc_id: str) -> list[Row[Any]]:
    """(id, centroid, stance, content_start, content_end): the assert-side claims of the
    document's statements, one row per statement."""
    m, c = link_claim_members.c, link_claims.c
    return list(conn.execute(select(c.id, c.centroid, m.stance, m.content_start, m.content_end)
                             .join(link_claim_members, m.claim_id == c.id)
                             .where(m.doc_id == doc_id).where(c.polarity == "assert")).all())


def claim_polarities(conn: Connection, claim_ids: Iterable[str]) -> list[Row[Any]]:
    """(id, story_id, polarity) of the claims that still exist."""
    c = link_claims.c
    return list(conn.execute(select(c.id, c.story_id, c.polarity).where(c.id.in_(list(claim_ids)))).all())


def deny_claims_in_stories(conn: Connection, story_ids: Iterable[str]) -> list[str]:
    c = link_claims.c
    return list(conn.execute(select(c.id).where(c.polarity == "deny")
                             .where(c.story_id.in_(list(story_ids)))).scalars())


def claim_centroid(conn: Connection, claim_id: str) -> Row[Any]:
    """(id, story_id, centroid) of an existing claim."""
    c = link_claims.c
    return conn.execute(select(c.id, c.story_id, c.centroid).where(c.id == claim_id)).one()


def story_assert_claims(conn: Connection, story_id: str) -> list[Row[Any]]:
    """(id, centroid) of the story's assert-side claims."""
    c = link_claims.c
    return list(conn.execute(select(c.id, c.centroid).where(c.story_id == story_id)
                             .where(c.polarity == "assert")).all())


def story_assert_members(conn: Connection, story_id: str) -> list[Row[Any]]:
    """Members of the story's assert-side claims (claim_id, doc_id, attr_id, speaker_key,
    content, content_start, content_end, language, entities, embedding, day, date)."""
    m, c = link_claim_members.c, link_claims.c
    return list(conn.execute(
        select(m.claim_id, m.doc_id, m.attr_id, m.speaker_key, m.content, m.content_start,
               m.content_end, m.language, m.entities, m.embedding, m.day, m.date)
        .join(link_claims, m.claim_id == c.id)
        .where(c.story_id == story_id).where(c.polarity == "assert")
        .order_by(m.doc_id, m.attr_id)).all())


def stories_of_claims(conn: Connection, claim_ids: Iterable[str]) -> list[str | None]:
    c = link_claims.c
    return [r.story_id for r in conn.execute(select(c.story_id).where(c.id.in_(list(claim_ids))))]


# ---------------------------------------------------------------- disputes


def claim_deniers(conn: Connection, claim_id: str) -> set[str]:
    """The claims that deny or dispute ``claim_id``."""
    d = link_disputes.c
    return set(conn.execute(select(d.against_id).where(d.claim_id == claim_id)).scalars())


def delete_claim_disputes(conn: Connection, claim_id: str) -> None:
    """Every dispute with ``claim_id`` on either side."""
    d = link_disputes.c
    conn.execute(delete(link_disputes).where(or_(d.claim_id == claim_id, d.against_id == claim_id)))


def delete_disputes_of(conn: Connection, claim_ids: Iterable[str]) -> None:
    """Every dispute with one of ``claim_ids`` on either side."""
    ids = list(claim_ids)
    d = link_disputes.c
    conn.execute(delete(link_disputes).where(or_(d.claim_id.in_(ids), d.against_id.in_(ids))))


def delete_disputes_against(conn: Connection, claim_id: str) -> None:
    """The disputes made by (deny-side) claim ``claim_id``."""
    conn.execute(delete(link_disputes).where(link_disputes.c.against_id == claim_id))


def delete_links_of(conn: Connection, claim_ids: Iterable[str], bases: Sequence[str]) -> None:
    """Disputes on one of ``bases`` with one of ``claim_ids`` on either side."""
    ids = list(claim_ids)
    d = link_disputes.c
    conn.execute(delete(link_disputes).where(d.basis.in_(bases))
                 .where(or_(d.claim_id.in_(ids), d.against_id.in_(ids))))


def links_among(conn: Connection, claim_ids: Iterable[str], bases: Sequence[str]) -> list[Row[Any]]:
    """(claim_id, against_id) of the disputes on one of ``bases`` between ``claim_ids``."""
    ids = list(claim_ids)
    d = link_disputes.c
    return list(conn.execute(select(d.claim_id, d.against_id).where(d.basis.in_(bases))
                             .where(d.claim_id.in_(ids)).where(d.against_id.in_(ids))).all())


def insert_disputes(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Dispute rows: claim_id, against_id, basis, score."""
    if rows:
        conn.execute(insert(link_disputes), rows)


def set_doc_day(conn: Connection, doc_id: str, day: int) -> None:
    """The day an undated document is placed at (its story's)."""
    conn.execute(update(link_docs).where(link_docs.c.doc_id == doc_id).values(day=day))


def stories_sharing(conn: Connection, keys: Sequence[str], limit: int = 20) -> list[str]:
    """The stories naming most of the entity ``keys``, whatever their days (entity index)."""
    e = link_story_entities.c
    return list(conn.execute(
        select(e.story_id).where(e.key.in_(list(keys))).group_by(e.story_id)
        .order_by(func.count().desc(), e.story_id).limit(limit)).scalars())


def story_bags(conn: Connection, story_ids: Sequence[str]) -> list[Row[Any]]:
    """(story_id, key, n) of every entity and name key of the stories."""
    e = link_story_entities.c
    return list(conn.execute(select(e.story_id, e.key, e.n).where(e.story_id.in_(list(story_ids)))))


def key_story_counts(conn: Connection, keys: Sequence[str]) -> dict[str, int]:
    """key -> how many stories name it (for inverse document frequencies)."""
    e = link_story_entities.c
    out: dict[str, int] = {}
    keys = list(keys)
    for i in range(0, len(keys), 900):
        out.update({k: int(n) for k, n in conn.execute(
            select(e.key, func.count()).where(e.key.in_(keys[i:i + 900])).group_by(e.key))})
    return out


def count_stories(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(link_stories)).scalar_one())


def story_sizes(conn: Connection, story_ids: Sequence[str]) -> list[Row[Any]]:
    s = link_stories.c
    return list(conn.execute(select(s.id, s.size).where(s.id.in_(list(story_ids)))))
