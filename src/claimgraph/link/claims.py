"""Claims across articles: the same statement made or relayed in several documents.

Every attribution of a linked document becomes a member of a claim. A statement joins
the best existing claim of the same polarity (assert / deny / question) found in its
story, or made by the same speaker within the entity window, when the cosine between its
content embedding and the claim centroid reaches a threshold that depends on the
speakers: ``claim_linked`` when they are the same speaker (same name or surname) or one
is the outlet or relay the other names, ``claim_threshold`` when a speaker is unknown,
``claim_strong`` otherwise, and when no member of the claim is further than
``claim_min_member`` from it (complete linkage: claims do not chain through single
links; a statement close to two claims joins the closer, they are not merged unless
``claim_merge``). Otherwise it starts a new claim.

First appearance and relays are derived when read (``relays``), so they do not depend on
the order in which documents arrived.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from claimgraph.link import contrary
from claimgraph.link.config import LinkConfig
from claimgraph.link.text import name_key, pack, speakers_compatible, unpack
from claimgraph.model import Attribution
from claimgraph.store.queries import Conn
from claimgraph.store.queries import link as q

RELAY_KINDS = ("agency", "outlet")  # chain hops that are media relaying a statement
POLARITY = {"deny": "deny", "dispute": "deny", "question": "question"}


def polarity(stance: str, cue_class: str | None = None, content_denies: bool = False) -> str:
    """assert, deny or question. A statement made with a dispute cue ("contested the
    figure, saying ...") or whose content rejects what it is about ("could not confirm
    the report", ``contrary.content_denies``) is on the deny side whatever it asserts."""
    if cue_class == "dispute" or (content_denies and stance not in ("question",)):
        return "deny"
    return POLARITY.get(stance, "assert")


def member_stance(a: Attribution) -> str:
    """The stance a claim member shows: relayed reports and contested details keep their cue
    class ("report", "dispute"), a finer grain than the speaker's stance (assert, deny)."""
    return a.cue_class if a.cue_class in ("report", "dispute") else a.stance


@dataclass
class Statement:
    """An attribution with what claim matching needs."""

    attr: Attribution
    emb: np.ndarray
    speaker_key: str | None
    entities: list[tuple[str, str]]
    via_keys: set[str] = field(default_factory=set)
    lang: str | None = None

    @property
    def polarity(self) -> str:
        return polarity(self.attr.stance, self.attr.cue_class,
                        contrary.content_denies(self.attr.content.text, self.lang))


@dataclass
class DocInfo:
    doc_id: str
    seq: int
    day: int
    date: str
    outlet_id: str | None
    outlet_name: str | None
    language: str | None
    story_id: str | None


def via_json(att: Attribution) -> list[dict[str, Any]]:
    return [{"name": h.name, "kind": h.kind} for h in att.via]


def _candidates(conn: Conn, st: Statement, info: DocInfo, cfg: LinkConfig) -> list[Any]:
    """Claims of the same polarity in the statement's story, or by its speaker lately."""
    rows: dict[str, Any] = {}
    if info.story_id is not None:
        for r in q.claims_in_story(conn, info.story_id, st.polarity):
            rows[r.id] = r
    if st.speaker_key:
        ew = cfg.entity_window_days
        for r in q.claims_of_speaker(conn, st.speaker_key, st.polarity, info.day - ew,
                                     info.day + ew, limit=200):
            rows[r.id] = r
    return list(rows.values())


def _profiles(conn: Conn, ids: list[str]) -> dict[str, tuple[set[str], set[str]]]:
    """claim id -> (speaker keys, outlet and relay keys) of its members."""
    out: dict[str, tuple[set[str], set[str]]] = {i: (set(), set()) for i in ids}
    for row in q.member_sources(conn, ids):
        speakers, sources = out[row.claim_id]
        if row.speaker_key:
            speakers.add(row.speaker_key)
        for name in [row.outlet_name, *(h.get("name") for h in row.via or [])]:
            key = name_key(name)
            if key:
                sources.add(key)
    return out


def link_level(st: Statement, outlet_key: str | None, speakers: set[str], sources: set[str]) -> int:
    """How a statement's speaker relates to a claim's: 2 the same speaker or a relay of it
    ("according to the Ledger" vs the Ledger's own report), 1 unknown, 0 different."""
    if not st.speaker_key or not speakers:
        return 1
    if any(speakers_compatible(st.speaker_key, s) for s in speakers):
        return 2
    if st.speaker_key in sources or any(st.speaker_key.endswith(" " + s) for s in sources):
        return 2  # "le quotidien the northern ledger" names the outlet "northern ledger"
    mine = st.via_keys | ({outlet_key} if outlet_key else set())
    return 2 if speakers & mine else 0


def assign(conn: Conn, info: DocInfo, statements: Iterable[Statement],
           cfg: LinkConfig) -> tuple[dict[str, str], set[str]]:
    """Put each statement in a claim; returns attribution id -> claim id, and every claim
    touched (claims merged because a statement bridges them included)."""
    out: dict[str, str] = {}
    touched: set[str] = set()
    outlet_key = name_key(info.outlet_name)
    for st in statements:
        cands = _candidates(conn, st, info, cfg)
        good: list[tuple[float, str]] = []
        if cands:
            mat = np.stack([unpack(r.centroid) for r in cands])
            norms = np.linalg.norm(mat, axis=1)
            norms[norms == 0] = 1.0
            cos = (mat @ st.emb) / norms
            profiles = _profiles(conn, [r.id for r in cands])
            for r, s in sorted(zip(cands, cos, strict=True), key=lambda x: (-x[1], x[0].id)):
                s = float(s)
                if s < cfg.claim_linked:
                    break
                level = link_level(st, outlet_key, *profiles[r.id])
                need = {2: cfg.claim_linked, 1: cfg.claim_threshold}.get(level, cfg.claim_strong)
                if s >= need:
                    good.append((s, r.id))
            good = _within_spread(conn, st, good, cfg)
        best = good[0] if good else None
        if cfg.claim_merge:  # the statement bridges two claims: they are one (chains)
            for _, other in good[1:]:
                touched |= merge(conn, good[0][1], other)
        if best is None:
            claim_id = _free_id(conn, f"C{info.doc_id[:12]}-{st.attr.id}")
            q.insert_claim(
                conn, id=claim_id, story_id=info.story_id, polarity=st.polarity,
                speaker_key=st.speaker_key, size=0, first_day=info.day, last_day=info.day,
                centroid=pack(np.zeros_like(st.emb)))
            score = 1.0
        else:
            score, claim_id = best
        _insert_member(conn, claim_id, st, info, score)
        _move(conn, claim_id, st.emb, info.day, 1)
        out[st.attr.id] = claim_id
        touched.add(claim_id)
    return out, touched


def _within_spread(conn: Conn, st: Statement, good: list[tuple[float, str]],
                   cfg: LinkConfig) -> list[tuple[float, str]]:
    """The candidate claims every member of which is at least ``claim_min_member`` close
    to the statement (complete linkage: a claim does not drift through single links)."""
    if not good or cfg.claim_min_member <= -1:
        return good
    ids = [cid for _, cid in good]
    worst: dict[str, float] = {}
    rows = q.members_of_claims(conn, ids)
    if rows:
        embs = np.stack([unpack(r.embedding, "<f2") for r in rows])
        sims = embs @ st.emb
        for r, v in zip(rows, sims, strict=True):
            worst[r.claim_id] = min(worst.get(r.claim_id, 1.0), float(v))
    return [(s, cid) for s, cid in good if worst.get(cid, 1.0) >= cfg.claim_min_member]


def merge(conn: Conn, keep: str, other: str) -> set[str]:
    """Fold claim ``other`` into ``keep``; returns the claims whose disputes must be redone."""
    a = q.get_claim(conn, keep)
    b = q.get_claim(conn, other)
    deniers = q.claim_deniers(conn, other)
    q.delete_claim_disputes(conn, other)
    q.move_claim_members(conn, other, keep)
    q.update_claim(conn, keep, size=a.size + b.size,
                   centroid=pack(unpack(a.centroid) + unpack(b.centroid)),
                   first_day=min(a.first_day, b.first_day), last_day=max(a.last_day, b.last_day))
    q.delete_claim(conn, other)
    return {keep} | deniers


def _free_id(conn: Conn, base: str) -> str:
    """``base``, or ``base.2``, ``base.3``... when taken (shared id prefixes, relinking)."""
    taken = q.claim_ids_with_prefix(conn, base)
    n, out = 1, base
    while out in taken:
        n += 1
        out = f"{base}.{n}"
    return out


def _insert_member(conn: Conn, claim_id: str, st: Statement, info: DocInfo,
                   score: float) -> None:
    a = st.attr
    q.insert_claim_member(
        conn, doc_id=info.doc_id, attr_id=a.id, claim_id=claim_id, seq=info.seq, day=info.day,
        date=info.date, outlet_id=info.outlet_id, outlet_name=info.outlet_name,
        language=info.language, speaker_name=a.speaker_name or (a.speaker.text if a.speaker else None),
        speaker_key=st.speaker_key, stance=member_stance(a), kind=a.kind,
        cue=a.cue.text if a.cue else None, content=a.content.text,
        content_start=a.content.start, content_end=a.content.end, via=via_json(a),
        target=a.target, entities=[list(e) for e in st.entities], score=round(score, 4),
        embedding=pack(st.emb, "<f2"))


def _move(conn: Conn, claim_id: str, emb: np.ndarray, day: int, sign: int) -> None:
    row = q.get_claim(conn, claim_id)
    size = row.size + sign
    if size <= 0:
        q.delete_claim(conn, claim_id)
        return
    values: dict[str, Any] = {"size": size, "centroid": pack(unpack(row.centroid) + sign * emb)}
    if sign > 0:
        values |= {"first_day": min(row.first_day, day), "last_day": max(row.last_day, day)}
    q.update_claim(conn, claim_id, **values)


def remove_doc(conn: Conn, doc_id: str) -> set[str]:
    """Take a document's statements out of their claims; returns the claims touched."""
    rows = q.doc_claim_members(conn, doc_id)
    q.delete_doc_claim_members(conn, doc_id)
    for r in rows:
        _move(conn, r.claim_id, unpack(r.embedding, "<f2"), r.day, -1)
    return {r.claim_id for r in rows}


def relays(members: list[dict[str, Any]], dup_of: dict[str, str]) -> list[dict[str, Any]]:
    """Order a claim's members and say, for each after the first, whom it relays.

    ``basis`` is ``"via"`` when the statement names the relaying outlet or agency and a
    member comes from it, ``"republication"`` when the document is a near-duplicate of an
    earlier member's, ``"via_unlinked"`` when it names a relay absent from the corpus, and
    ``"timing"`` otherwise (the earlier member whose wording is closest). A narration
    statement is the outlet's own framing, not a relay of a quoted source: it is only
    linked to an earlier member as a republication.
    """
    # Within one document, text order ("A10" must not sort before "A4").
    order = sorted(members, key=lambda m: (m["day"], m["date"], m["seq"],
                                           m.get("content_start") or 0, m["attr_id"]))
    out: list[dict[str, Any]] = []
    for i, m in enumerate(order):
        entry = dict(m)
        entry["first"] = i == 0
        entry["relayed_from"] = None
        entry["relay_basis"] = None
        earlier = [p for p in order[:i] if p["doc_id"] != m["doc_id"]]
        hops = [name_key(h.get("name")) for h in m["via"] if h.get("kind") in RELAY_KINDS]
        hops = [h for h in hops if h]
        src = None
        basis = None
        for hop in hops:
            src = next((p for p in earlier if name_key(p["outlet_name"]) == hop), None)
            if src is not None:
                basis = "via"
                break
        if src is None and earlier and m["doc_id"] in dup_of:
            group = dup_of[m["doc_id"]]
            src = next((p for p in earlier if dup_of.get(p["doc_id"]) == group), None)
            basis = "republication" if src is not None else None
        if src is None and hops:
            entry["relay_basis"] = "via_unlinked"
            entry["relayed_from"] = {"name": next(h.get("name") for h in m["via"]
                                                  if h.get("kind") in RELAY_KINDS)}
        elif src is None and earlier and m.get("kind") != "narration":
            emb = m["embedding"]
            src = max(earlier, key=lambda p: float(p["embedding"] @ emb))
            basis = "timing"
        if src is not None:
            entry["relay_basis"] = basis
            entry["relayed_from"] = {"doc_id": src["doc_id"], "attr_id": src["attr_id"],
                                     "outlet": src["outlet_name"], "date": src["date"]}
        out.append(entry)
    return out
