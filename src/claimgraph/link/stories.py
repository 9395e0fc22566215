"""Stories: documents about the same events, across outlets, languages and days.

Incremental: a new document is compared only with the stories found through two indexes,
never with the whole corpus:

- the date index (``link_story_days``): stories with a document within ``window_days``;
- the entity inverted index (``link_story_entities``): stories naming one of the
  document's entities and active within ``entity_window_days``.

Each candidate is scored by the cosine between the document vector (multilingual
sentence embedding of title and lead) and the story centroid, plus a bonus per shared
entity, minus a penalty per day of distance. The best story at or above the threshold is
joined; a second story that also scores well above it is merged in (the document bridges
them). Otherwise the document starts a new story.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import Connection, and_, delete, func, insert, select, update

from claimgraph.link.config import LinkConfig
from claimgraph.link.text import pack, unpack
from claimgraph.store.schema import (
    link_claims,
    link_docs,
    link_stories,
    link_story_days,
    link_story_entities,
)


@dataclass
class Candidate:
    story_id: str
    score: float
    cosine: float
    shared: int
    distance: int


def candidates(conn: Connection, day: int, keys: list[str], cfg: LinkConfig) -> list[str]:
    """Story ids found through the date index and the entity index.

    Both queries start from the day index, so their cost depends on how many stories are
    active around ``day``, not on the size of the corpus.
    """
    d, e = link_story_days.c, link_story_entities.c
    w = cfg.window_days
    found = set(conn.execute(select(d.story_id).where(d.day.between(day - w, day + w))
                             .distinct()).scalars())
    if keys:
        ew = cfg.entity_window_days
        found.update(conn.execute(
            select(d.story_id)
            .join(link_story_entities, and_(e.story_id == d.story_id, e.key.in_(keys)))
            .where(d.day.between(day - ew, day + ew)).distinct()).scalars())
    return sorted(found)


def score(conn: Connection, ids: list[str], vec: np.ndarray, day: int, keys: list[str],
          cfg: LinkConfig) -> list[Candidate]:
    """Scores of candidate stories for a document vector, best first."""
    if not ids:
        return []
    rows = conn.execute(select(link_stories.c.id, link_stories.c.centroid, link_stories.c.first_day,
                               link_stories.c.last_day).where(link_stories.c.id.in_(ids))).all()
    shared: dict[str, int] = {}
    if keys:
        for sid, n in conn.execute(
            select(link_story_entities.c.story_id, func.count())
            .where(link_story_entities.c.story_id.in_(ids))
            .where(link_story_entities.c.key.in_(keys))
            .group_by(link_story_entities.c.story_id)):
            shared[sid] = int(n)
    mat = np.stack([unpack(r.centroid) for r in rows])
    norms = np.linalg.norm(mat, axis=1)
    norms[norms == 0] = 1.0
    cos = (mat @ vec) / norms
    out = []
    for r, c in zip(rows, cos, strict=True):
        dist = 0 if r.first_day <= day <= r.last_day else min(abs(day - r.first_day),
                                                              abs(day - r.last_day))
        s = shared.get(r.id, 0)
        total = float(c) + cfg.entity_bonus * min(s, 4) - cfg.day_penalty * max(0, dist - 1)
        out.append(Candidate(r.id, total, float(c), s, dist))
    return sorted(out, key=lambda c: (-c.score, c.story_id))


def create(conn: Connection, story_id: str, title: str | None, day: int, dim: int) -> None:
    conn.execute(insert(link_stories).values(
        id=story_id, title=title, first_day=day, last_day=day, size=0,
        centroid=pack(np.zeros(dim, dtype=np.float32)), updated_at=datetime.now(UTC)))


def add_member(conn: Connection, story_id: str, vec: np.ndarray, day: int,
               entities: list[tuple[str, str]], sign: int = 1) -> None:
    """Add (sign=1) or remove (sign=-1) a document's vector, day and entities to a story."""
    row = conn.execute(select(link_stories).where(link_stories.c.id == story_id)).one()
    centroid = unpack(row.centroid) + sign * vec
    _count(conn, link_story_days, {"story_id": story_id, "day": day}, sign)
    for key, name in entities:
        _count(conn, link_story_entities, {"story_id": story_id, "key": key}, sign, name=name)
    size = row.size + sign
    if size <= 0:
        drop(conn, story_id)
        return
    lo, hi = conn.execute(select(func.min(link_story_days.c.day), func.max(link_story_days.c.day))
                          .where(link_story_days.c.story_id == story_id)).one()
    conn.execute(update(link_stories).where(link_stories.c.id == story_id).values(
        centroid=pack(centroid), size=size, first_day=lo, last_day=hi,
        updated_at=datetime.now(UTC)))


def _count(conn: Connection, table, key: dict[str, object], sign: int, **extra: object) -> None:  # type: ignore[no-untyped-def]
    cond = and_(*(table.c[k] == v for k, v in key.items()))
    n = conn.execute(select(table.c.n).where(cond)).scalar()
    if n is None:
        if sign > 0:
            conn.execute(insert(table).values(**key, **extra, n=sign))
    elif n + sign <= 0:
        conn.execute(delete(table).where(cond))
    else:
        conn.execute(update(table).where(cond).values(n=n + sign))


def drop(conn: Connection, story_id: str) -> None:
    for table in (link_story_days, link_story_entities):
        conn.execute(delete(table).where(table.c.story_id == story_id))
    conn.execute(delete(link_stories).where(link_stories.c.id == story_id))


def merge(conn: Connection, keep: str, other: str) -> None:
    """Move every document, day, entity and claim of ``other`` into ``keep``."""
    a = conn.execute(select(link_stories).where(link_stories.c.id == keep)).one()
    b = conn.execute(select(link_stories).where(link_stories.c.id == other)).one()
    for table in (link_story_days, link_story_entities):
        key = "day" if table is link_story_days else "key"
        for row in conn.execute(select(table).where(table.c.story_id == other)).mappings().all():
            extra = {"name": row["name"]} if table is link_story_entities else {}
            _count(conn, table, {"story_id": keep, key: row[key]}, int(row["n"]), **extra)
        conn.execute(delete(table).where(table.c.story_id == other))
    conn.execute(update(link_docs).where(link_docs.c.story_id == other).values(story_id=keep))
    conn.execute(update(link_claims).where(link_claims.c.story_id == other).values(story_id=keep))
    conn.execute(update(link_stories).where(link_stories.c.id == keep).values(
        centroid=pack(unpack(a.centroid) + unpack(b.centroid)), size=a.size + b.size,
        first_day=min(a.first_day, b.first_day), last_day=max(a.last_day, b.last_day),
        title=a.title or b.title, updated_at=datetime.now(UTC)))
    conn.execute(delete(link_stories).where(link_stories.c.id == other))


def assign(conn: Connection, doc_id: str, title: str | None, vec: np.ndarray, day: int,
           entities: list[tuple[str, str]], cfg: LinkConfig,
           forced: str | None = None) -> tuple[str, list[Candidate]]:
    """The story of a new document (joined, merged or created); ``forced`` skips the search."""
    keys = [k for k, _ in entities]
    scored: list[Candidate] = []
    if forced is not None:
        story_id = forced
    else:
        scored = score(conn, candidates(conn, day, keys, cfg), vec, day, keys, cfg)
        good = [c for c in scored if c.score >= cfg.story_threshold]
        if good:
            story_id = good[0].story_id
            for extra in good[1:]:
                if extra.score >= cfg.story_threshold + cfg.merge_margin:
                    merge(conn, story_id, extra.story_id)
        else:
            story_id = "S" + doc_id[:12]
            n = 1
            while conn.execute(select(link_stories.c.id).where(link_stories.c.id == story_id)).first():
                n += 1  # a shared id prefix, or the document's former story still lives
                story_id = f"S{doc_id}.{n}"
            create(conn, story_id, title, day, len(vec))
    add_member(conn, story_id, vec, day, entities)
    conn.execute(update(link_docs).where(link_docs.c.doc_id == doc_id).values(story_id=story_id))
    return story_id, scored
