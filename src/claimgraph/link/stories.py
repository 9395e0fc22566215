"""Stories: documents about the same events, across outlets, languages and days.

Incremental: a new document is compared only with the stories found through two indexes,
never with the whole corpus:

- the date index (``link_story_days``): stories with a document within ``window_days``
  (none for an undated document);
- the entity inverted index (``link_story_entities``): the ``entity_candidates`` stories
  naming most of the document's entity and name keys, whatever their days.

Each candidate is scored by the cosine between the document vector (multilingual
sentence embedding of title and lead) and the story centroid, plus ``name_weight`` times
the idf-weighted similarity of their entity and name keys (capitalised words, numbers:
they cross languages and need no model), plus a bonus per shared entity, minus a penalty
per day of distance when both are dated (capped at ``day_penalty_max``: a date is
evidence, a wrong one must not split a story). The best story at or above the threshold
is joined; a second story that also scores ``merge_margin`` above it is merged in (the
document bridges them). Otherwise the document starts a new story.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from claimgraph.link.config import LinkConfig
from claimgraph.link.text import pack, unpack
from claimgraph.store.queries import Conn
from claimgraph.store.queries import link as q


@dataclass
class Candidate:
    story_id: str
    score: float
    cosine: float
    shared: int
    distance: int


def candidates(conn: Conn, day: int | None, keys: list[str], cfg: LinkConfig) -> list[str]:
    """Story ids found through the date index and the entity index.

    The date index gives the stories active around ``day`` (none for an undated
    document); the entity index the ``entity_candidates`` stories naming most of the
    document's entities, whatever their days: time is evidence, not a gate. The cost
    depends on how many stories are active or share entities, not on the corpus size.
    """
    found: set[str] = set()
    if day is not None:
        w = cfg.window_days
        found.update(q.stories_near_day(conn, day - w, day + w))
    if keys:
        found.update(q.stories_sharing(conn, keys, cfg.entity_candidates))
    return sorted(found)


def score(conn: Conn, ids: list[str], vec: np.ndarray, day: int | None, keys: list[str],
          cfg: LinkConfig) -> list[Candidate]:
    """Scores of candidate stories for a document vector, best first. A day distance
    counts only when both the document and the story are dated."""
    if not ids:
        return []
    rows = q.story_centroids(conn, ids)
    ents = [k for k in keys if not k.startswith("n:")]
    shared: dict[str, int] = q.shared_entities(conn, ids, ents) if ents else {}
    names = name_similarity(conn, ids, keys) if cfg.name_weight else {}
    mat = np.stack([unpack(r.centroid) for r in rows])
    norms = np.linalg.norm(mat, axis=1)
    norms[norms == 0] = 1.0
    cos = (mat @ vec) / norms
    out = []
    for r, c in zip(rows, cos, strict=True):
        if day is None or not r.first_day:
            dist = 0
        else:
            dist = 0 if r.first_day <= day <= r.last_day else min(abs(day - r.first_day),
                                                                  abs(day - r.last_day))
        s = shared.get(r.id, 0)
        penalty = min(cfg.day_penalty * max(0, dist - 1), cfg.day_penalty_max)
        content = float(c) + cfg.name_weight * names.get(r.id, 0.0)
        total = content + cfg.entity_bonus * min(s, cfg.entity_bonus_max) - penalty
        out.append(Candidate(r.id, total, float(c), s, dist))
    return sorted(out, key=lambda c: (-c.score, c.story_id))


def name_similarity(conn: Conn, ids: list[str], keys: list[str]) -> dict[str, float]:
    """story id -> cosine between the document's keys (entities, names, numbers) and the
    story's, each key weighted by its inverse story frequency and, in the story, by the
    share of its documents naming it. Vectorised over the candidates' keys."""
    if not keys or not ids:
        return {}
    rows = q.story_bags(conn, ids)
    if not rows:
        return {}
    total = max(q.count_stories(conn), 1)
    vocab = sorted({r.key for r in rows} | set(keys))
    df = q.key_story_counts(conn, vocab)
    col = {k: i for i, k in enumerate(vocab)}
    idf = np.log((total + 1) / (np.array([df.get(k, 0) for k in vocab], dtype=np.float32) + 0.5))
    idf = np.maximum(idf, 0.0)
    sizes = {r.id: max(r.size, 1) for r in q.story_sizes(conn, ids)}
    sid = {s: i for i, s in enumerate(ids)}
    mat = np.zeros((len(ids), len(vocab)), dtype=np.float32)
    for r in rows:
        mat[sid[r.story_id], col[r.key]] = min(r.n / sizes.get(r.story_id, 1), 1.0)
    mat *= idf
    doc = np.zeros(len(vocab), dtype=np.float32)
    # a key no story names cannot be shared: it would only weigh the document down
    doc[[col[k] for k in keys if df.get(k)]] = 1.0
    doc *= idf
    dn = float(np.linalg.norm(doc)) or 1.0
    sn = np.linalg.norm(mat, axis=1)
    sn[sn == 0] = 1.0
    sims = (mat @ doc) / sn / dn
    return {s: float(sims[i]) for s, i in sid.items()}


def centre(conn: Conn, story_id: str) -> int:
    """The middle day of a story's dated documents (0 when it has none)."""
    row = q.get_story(conn, story_id)
    return (row.first_day + row.last_day) // 2 if row.first_day else 0


def create(conn: Conn, story_id: str, title: str | None, day: int | None, dim: int) -> None:
    q.insert_story(conn, story_id, title, day or 0, pack(np.zeros(dim, dtype=np.float32)))


def add_member(conn: Conn, story_id: str, vec: np.ndarray, day: int | None,
               entities: list[tuple[str, str]], sign: int = 1) -> None:
    """Add (sign=1) or remove (sign=-1) a document's vector, day (None: undated) and
    entities to a story. A story without a dated document has days 0."""
    row = q.get_story(conn, story_id)
    centroid = unpack(row.centroid) + sign * vec
    if day is not None:
        q.count_story_day(conn, story_id, day, sign)
    for key, name in entities:
        q.count_story_entity(conn, story_id, key, name, sign)
    size = row.size + sign
    if size <= 0:
        drop(conn, story_id)
        return
    lo, hi = q.story_day_range(conn, story_id)
    lo, hi = lo or 0, hi or 0
    q.update_story(conn, story_id, centroid=pack(centroid), size=size, first_day=lo or 0,
                   last_day=hi or 0)


def drop(conn: Conn, story_id: str) -> None:
    q.delete_story(conn, story_id)


def merge(conn: Conn, keep: str, other: str) -> None:
    """Move every document, day, entity and claim of ``other`` into ``keep``."""
    a = q.get_story(conn, keep)
    b = q.get_story(conn, other)
    q.move_story_indexes(conn, keep, other)
    q.move_story_members(conn, other, keep)
    lo, hi = q.story_day_range(conn, keep)
    q.update_story(conn, keep, centroid=pack(unpack(a.centroid) + unpack(b.centroid)),
                   size=a.size + b.size, first_day=lo or 0, last_day=hi or 0,
                   title=a.title or b.title)
    q.delete_story(conn, other)


def assign(conn: Conn, doc_id: str, title: str | None, vec: np.ndarray, day: int | None,
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
            while q.story_exists(conn, story_id):
                n += 1  # a shared id prefix, or the document's former story still lives
                story_id = f"S{doc_id}.{n}"
            create(conn, story_id, title, day, len(vec))
    add_member(conn, story_id, vec, day, entities)
    q.set_doc_story(conn, doc_id, story_id)
    if forced is None and scored and scored[0].story_id == story_id:
        absorb(conn, story_id, scored, cfg)
    return story_id, scored


def absorb(conn: Conn, story_id: str, scored: list[Candidate], cfg: LinkConfig) -> list[str]:
    """Single-document stories that scored below the threshold, re-scored against the story
    just joined (now holding the new document) and merged in when they reach it: a document
    that arrived before its neighbours and started a story of its own joins them later, so
    the partition depends less on the order of arrival. At most ``absorb_candidates``."""
    merged: list[str] = []
    low = [c for c in scored if c.story_id != story_id and c.score < cfg.story_threshold
           and c.score >= cfg.story_threshold * cfg.absorb_floor]
    for c in low[:cfg.absorb_candidates]:
        if not q.story_exists(conn, c.story_id):
            continue
        row = q.get_story(conn, c.story_id)
        if row.size != 1:
            continue
        keys = [r.key for r in q.story_bags(conn, [c.story_id])]
        again = score(conn, [story_id], unpack(row.centroid), row.first_day or None, keys, cfg)
        if again and again[0].score >= cfg.story_threshold:
            merge(conn, story_id, c.story_id)
            merged.append(c.story_id)
    return merged
