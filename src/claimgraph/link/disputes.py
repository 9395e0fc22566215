"""Disputes: a claim and the statements that deny or dispute it, across documents.

A deny-side claim (stance deny or dispute) is linked to an assert-side claim:

- by ``target``: inside one document the attribution stage already says which
  statement a denial answers (``Attribution.target``);
- by the same speaker: a denial without a target denies what the same speaker's other
  denials in the document deny;
- by the same document: otherwise it answers, most likely, one of the claims its own
  article reports (the closest, cosine + a bonus for reports and for claims relayed by
  other articles >= ``dispute_same_doc``);
- by similarity: across documents, assert-side claims of the same story whose centroid
  is close to the denial's (cosine + a bonus per shared entity >= ``dispute_threshold``),
  keeping the best match and those within ``dispute_spread`` of it (weak links below
  ``dispute_threshold`` are never shown). A speaker never disputes himself.

Assertions contradict each other too, without any denial verb ("all advisers remained at
their posts" against "Kaskar withdrew its advisers"): ``refresh_contrary`` links two
assert-side claims of a story whose statements conflict (``contrary.conflict``: contrary
predicates, negation, incompatible shares) and are about the same thing (cosine + a
bonus when one article carries both + a bonus per shared entity >= ``contrary_threshold``;
a shared content word, or a cosine of ``contrary_alone``, shows they are about one thing).
The later claim disputes the earlier one (basis ``contrary``, ``negation`` or
``quantity``). A denial is never linked to a claim that contradicts a claim it denies
better (they are on the same side).

Disputes are recomputed for the deny-side claims a new document touches (and for the
deny-side claims of the stories of the assert-side claims it touches), so the result
does not depend on the order in which documents arrive.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from claimgraph.link import contrary
from claimgraph.link.config import LinkConfig
from claimgraph.link.text import speakers_compatible, unit, unpack
from claimgraph.store.queries import Conn
from claimgraph.store.queries import link as q

CONTRARY_BASES = ("contrary", "negation", "quantity")


def _members(conn: Conn, ids: Iterable[str]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    ids = list(ids)
    if not ids:
        return out
    for row in q.members_of_claims(conn, ids):
        out.setdefault(row.claim_id, []).append(row)
    return out


def _same_speaker(a: list[Any], b: list[Any]) -> bool:
    sa = {r.speaker_key for r in a if r.speaker_key}
    sb = {r.speaker_key for r in b if r.speaker_key}
    return any(x == y or speakers_compatible(x, y) for x in sa for y in sb) if sa and sb else False


def _keys(rows: list[Any]) -> set[str]:
    return {k for r in rows for k, _ in (r.entities or [])}


def _sibling_target(conn: Conn, member: Any) -> str | None:
    """The claim denied by another denial of the same speaker in the same document."""
    if not member.speaker_key:
        return None
    for r in q.targeted_denials(conn, member.doc_id):
        if r.speaker_key and speakers_compatible(r.speaker_key, member.speaker_key):
            return q.claim_of_statement(conn, member.doc_id, r.target)
    return None


def _same_document(conn: Conn, member: Any, mine: list[Any],
                   cfg: LinkConfig) -> tuple[float, str] | None:
    """The assert-side claim reported in the denial's own document closest to it."""
    rows = q.doc_assert_claims(conn, member.doc_id)
    if not rows:
        return None
    emb = unit(unpack(member.embedding, "<f2"))
    members = _members(conn, {r.id for r in rows})
    reports = {r.id for r in rows if r.stance == "report"}
    # A report, or a claim relayed by other articles, is the likelier one to be denied.
    relayed = {cid for cid, ms in members.items() if len({x.doc_id for x in ms}) > 1}
    scored = [(float(unit(unpack(r.centroid)) @ emb)
               + (cfg.dispute_report_bonus if r.id in reports | relayed else 0.0), r.id)
              for r in {r.id: r for r in rows}.values()
              if not _same_speaker(mine, members.get(r.id, []))]
    scored = _without_allies(conn, [x for x in scored if x[0] >= cfg.dispute_same_doc])
    return max(scored) if scored else None


def _without_allies(conn: Conn, scored: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """Drop a candidate that contradicts a better candidate: a denial of the better one
    is on its side, not against it."""
    if len(scored) < 2:
        return scored
    ids = [cid for _, cid in scored]
    links = q.links_among(conn, ids, CONTRARY_BASES)
    if not links:
        return scored
    score = {cid: s for s, cid in scored}
    drop = set()
    for a, b in links:
        drop.add(a if score[a] < score[b] else b)
    return [x for x in scored if x[1] not in drop]


def refresh(conn: Conn, touched: set[str], cfg: LinkConfig) -> int:
    """Recompute the disputes of the deny-side claims concerned by ``touched`` claims."""
    if not touched:
        return 0
    rows = q.claim_polarities(conn, touched)
    deny = {r.id for r in rows if r.polarity == "deny"}
    stories = {r.story_id for r in rows if r.polarity == "assert" and r.story_id}
    if stories:
        deny.update(q.deny_claims_in_stories(conn, stories))
    gone = touched - {r.id for r in rows}
    if gone:  # claims that no longer exist take their disputes with them
        q.delete_disputes_of(conn, gone)
    n = refresh_contrary(conn, {r.id for r in rows if r.polarity == "assert"}, cfg)
    for did in sorted(deny):
        n += _refresh_one(conn, did, cfg)
    return n


def _refresh_one(conn: Conn, deny_id: str, cfg: LinkConfig) -> int:
    q.delete_disputes_against(conn, deny_id)
    me = q.claim_centroid(conn, deny_id)
    found: dict[str, tuple[str, float]] = {}
    mine = _members(conn, [deny_id]).get(deny_id, [])
    for r in mine:  # stated in the document
        if r.target:
            target = q.claim_of_statement(conn, r.doc_id, r.target)
            if target and target != deny_id:
                found[target] = ("target", 1.0)
            continue
        sibling = _sibling_target(conn, r)
        if sibling and sibling != deny_id:
            found.setdefault(sibling, ("same_speaker", 1.0))
            continue
        best = _same_document(conn, r, mine, cfg)  # the claim its own article reports
        if best and best[1] not in found:
            found[best[1]] = ("same_document", round(best[0], 4))
    if me.story_id:
        cands = q.story_assert_claims(conn, me.story_id)
        if cands:
            members = _members(conn, [r.id for r in cands])
            vec = unit(unpack(me.centroid))
            my_keys = _keys(mine)
            scored = []
            for r in cands:
                rows = members.get(r.id, [])
                if _same_speaker(mine, rows):
                    continue
                s = float(unit(unpack(r.centroid)) @ vec)
                s += cfg.dispute_entity_bonus * min(len(my_keys & _keys(rows)), 4)
                scored.append((s, r.id))
            scored = _without_allies(conn, [x for x in scored if x[0] >= cfg.dispute_threshold])
            if scored:
                top = max(s for s, _ in scored)
                for s, cid in scored:
                    if s >= top - cfg.dispute_spread and cid not in found:
                        found[cid] = ("similarity", round(s, 4))
    found = _drop_allies(conn, found)
    if found:
        q.insert_disputes(conn, [
            {"claim_id": cid, "against_id": deny_id, "basis": basis, "score": score}
            for cid, (basis, score) in sorted(found.items())])
    return len(found)


_RANK = {"target": 3, "same_speaker": 2, "same_document": 1, "similarity": 0}


def _drop_allies(conn: Conn, found: dict[str, tuple[str, float]]) -> dict[str, tuple[str, float]]:
    """Of two claims a denial would dispute that contradict each other, keep the one found
    on the firmer basis: the other one says what the denial says."""
    if len(found) < 2:
        return found
    links = q.links_among(conn, list(found), CONTRARY_BASES)
    drop = set()
    for a, b in links:
        ka, kb = ((_RANK.get(found[x][0], 0), found[x][1]) for x in (a, b))
        drop.add(a if ka < kb else b)
    return {k: v for k, v in found.items() if k not in drop}


# ---------------------------------------------------------------- contradiction


def _story_asserts(conn: Conn, story_id: str) -> list[Any]:
    return q.story_assert_members(conn, story_id)


def refresh_contrary(conn: Conn, claim_ids: set[str], cfg: LinkConfig) -> int:
    """Recompute the contradiction links of assert-side claims ``claim_ids`` against the
    other assert-side claims of their stories; returns how many links were made.

    Work is bounded by the story: members of the touched claims against the assert-side
    members of their story."""
    if not claim_ids:
        return 0
    ids = list(claim_ids)
    q.delete_links_of(conn, ids, CONTRARY_BASES)
    stories = {sid for sid in q.stories_of_claims(conn, ids) if sid}
    found: dict[tuple[str, str], tuple[str, float]] = {}
    for sid in sorted(stories):
        rows = _story_asserts(conn, sid)
        mine = [r for r in rows if r.claim_id in claim_ids]
        if not mine or len({r.claim_id for r in rows}) < 2:
            continue
        embs = np.stack([unpack(r.embedding, "<f2") for r in rows])
        embs /= np.maximum(np.linalg.norm(embs, axis=1, keepdims=True), 1e-9)
        index = {(r.doc_id, r.attr_id): i for i, r in enumerate(rows)}
        sig = [contrary.signals(r.content, r.language) for r in rows]
        first: dict[str, tuple[Any, ...]] = {}
        for r in rows:  # a claim's first appearance, independent of linking order
            key = (r.day, r.date, r.doc_id, r.attr_id)
            if r.claim_id not in first or key < first[r.claim_id]:
                first[r.claim_id] = key
        for a in mine:
            i = index[(a.doc_id, a.attr_id)]
            if not sig[i].predicates and not sig[i].shares:
                continue
            cos = embs @ embs[i]
            for j, b in enumerate(rows):
                if b.claim_id == a.claim_id or (b.claim_id in claim_ids and b.claim_id < a.claim_id):
                    continue  # pairs of touched claims are seen once
                if a.speaker_key and b.speaker_key and speakers_compatible(a.speaker_key, b.speaker_key):
                    continue
                if a.doc_id == b.doc_id and a.content_start < b.content_end \
                        and b.content_start < a.content_end:
                    continue  # one statement inside the other
                why = contrary.conflict(sig[i], sig[j])
                if why is None:
                    continue
                score = float(cos[j])
                if not (sig[i].topic & sig[j].topic) and score < cfg.contrary_alone:
                    continue  # nothing shows they are about the same thing
                if a.doc_id == b.doc_id:
                    score += cfg.contrary_same_doc
                shared = {k for k, _ in a.entities or []} & {k for k, _ in b.entities or []}
                score += cfg.dispute_entity_bonus * min(len(shared), 4)
                if score < cfg.contrary_threshold:
                    continue
                early, late = sorted((a.claim_id, b.claim_id), key=lambda x: first[x])
                if score > found.get((early, late), ("", -1.0))[1]:
                    found[(early, late)] = (why, round(score, 4))
    if found:
        q.insert_disputes(conn, [
            {"claim_id": a, "against_id": b, "basis": why, "score": score}
            for (a, b), (why, score) in sorted(found.items())])
    return len(found)
