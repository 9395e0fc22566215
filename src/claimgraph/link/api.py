"""Read API of the link layer: stories, one story, claims, disputes, duplicate groups.

Every function takes a Store and returns plain JSON-ready dicts and lists.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from claimgraph.link import graph
from claimgraph.link.claims import relays
from claimgraph.link.text import fold, name_key, unpack
from claimgraph.store import Store
from claimgraph.store.queries import Conn
from claimgraph.store.queries import link_read as q


def _iso(day: int) -> str | None:
    """The ISO date of a day ordinal; None for 0 (a story without a dated document)."""
    return date.fromordinal(day).isoformat() if day > 0 else None


def _docs(conn: Conn, story_ids: list[str] | None = None) -> list[dict[str, Any]]:
    rows = q.linked_docs(conn, story_ids)
    groups = {g.id: g.original for g in q.dup_groups(conn)}
    return [{
        "doc_id": r.doc_id, "date": r.date, "dated": bool(r.dated), "language": r.language,
        "outlet": r.outlet_name, "outlet_id": r.outlet_id, "title": r.title, "url": r.url,
        "story_id": r.story_id, "dup_group": r.dup_group,
        "duplicate_of": (groups.get(r.dup_group) if r.dup_group and groups.get(r.dup_group) != r.doc_id
                         else None),
        "_day": r.day, "_seq": r.seq,
    } for r in rows]


def _public(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if not k.startswith("_")}


def _summary(row: Any, docs: list[dict[str, Any]], entities: list[str], n_claims: int,
             n_disputes: int) -> dict[str, Any]:
    first = docs[0] if docs else {}
    return {
        "id": row.id, "title": first.get("title") or row.title,
        "first_date": _iso(row.first_day), "last_date": _iso(row.last_day), "documents": row.size,
        "languages": dict(Counter(d["language"] or "unknown" for d in docs).most_common()),
        "outlets": sorted({d["outlet"] for d in docs if d["outlet"]}),
        "entities": entities, "claims": n_claims, "disputes": n_disputes,
    }


def _entities(conn: Conn, story_ids: list[str], top: int = 8) -> dict[str, list[str]]:
    out: dict[str, list[tuple[int, str]]] = {}
    for r in q.story_entities(conn, story_ids):
        if r.key.startswith(("per:", "cc:", "n:")):
            continue
        out.setdefault(r.story_id, []).append((-int(r.n), r.name))
    return {k: [name for _, name in sorted(v)[:top]] for k, v in out.items()}


def _counts(conn: Conn, story_ids: list[str]) -> tuple[Counter[str], Counter[str]]:
    claims: Counter[str] = Counter()
    owner: dict[str, str] = {}
    for r in q.story_claim_ids(conn, story_ids):
        claims[r.story_id] += 1
        owner[r.id] = r.story_id
    disputes: Counter[str] = Counter()
    for r in q.dispute_pairs(conn):
        if r.claim_id in owner:
            disputes[owner[r.claim_id]] += 1
    return claims, disputes


def stories(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Stories, most recent first, with dates, size, languages, outlets and main entities."""
    with store.connection() as conn:
        rows = q.latest_stories(conn, limit)
        ids = [r.id for r in rows]
        docs: dict[str, list[dict[str, Any]]] = {}
        for d in _docs(conn, ids):
            docs.setdefault(d["story_id"], []).append(d)
        ents = _entities(conn, ids)
        n_claims, n_disputes = _counts(conn, ids)
    return [_summary(r, docs.get(r.id, []), ents.get(r.id, []), n_claims[r.id], n_disputes[r.id])
            for r in rows]


def _claims(conn: Conn, claim_ids: list[str] | None = None,
            story: str | None = None) -> list[dict[str, Any]]:
    rows = q.claims(conn, claim_ids, story)
    if not rows:
        return []
    members: dict[str, list[dict[str, Any]]] = {}
    doc_ids: set[str] = set()
    for item in q.claim_members(conn, [r.id for r in rows]):
        item["embedding"] = unpack(item["embedding"], "<f2")
        members.setdefault(item["claim_id"], []).append(item)
        doc_ids.add(item["doc_id"])
    dup_of = q.doc_dup_groups(conn, doc_ids)
    out = []
    for r in rows:
        ordered = relays(members.get(r.id, []), dup_of)
        if not ordered:
            continue
        first = ordered[0]
        out.append({
            "id": r.id, "story_id": r.story_id, "polarity": r.polarity, "size": len(ordered),
            "content": first["content"], "speaker": first["speaker_name"],
            "first": {"doc_id": first["doc_id"], "attr_id": first["attr_id"],
                      "outlet": first["outlet_name"], "date": first["date"]},
            "speakers": sorted({x["speaker_name"] for x in ordered if x["speaker_name"]}),
            "outlets": sorted({x["outlet_name"] for x in ordered if x["outlet_name"]}),
            "languages": sorted({x["language"] for x in ordered if x["language"]}),
            "members": [_member(x) for x in ordered],
        })
    return sorted(out, key=lambda x: (x["first"]["date"], -x["size"], x["id"]))


def _member(x: dict[str, Any]) -> dict[str, Any]:
    chain = [h["name"] for h in x["via"] if h.get("kind") != "publisher"]
    return {
        "doc_id": x["doc_id"], "attr_id": x["attr_id"], "date": x["date"],
        "outlet": x["outlet_name"], "language": x["language"], "speaker": x["speaker_name"],
        "stance": x["stance"], "kind": x["kind"], "cue": x["cue"], "content": x["content"],
        "span": [x["content_start"], x["content_end"]], "via": x["via"],
        "chain": [x["speaker_name"] or "?", *chain, x["outlet_name"] or "?"],
        "target": x["target"], "entities": [name for _, name in x["entities"]],
        "score": x["score"], "first": x["first"], "relayed_from": x["relayed_from"],
        "relay_basis": x["relay_basis"],
    }


def claims(store: Store, speaker: str | None = None, outlet: str | None = None,
           entity: str | None = None, stance: str | None = None,
           story: str | None = None) -> list[dict[str, Any]]:
    """Claims with their members and relays; filters keep claims with a matching member."""
    with store.connection() as conn:
        ids = None
        if speaker or outlet or entity or stance:
            sp, ou, en = name_key(speaker), name_key(outlet), fold(entity) if entity else None
            ids = sorted({r.claim_id for r in q.member_filters(conn, stance)
                          if _matches(r, sp, ou, en, outlet)})
            if not ids:
                return []
        return _claims(conn, ids, story)


def _matches(r: Any, speaker: str | None, outlet_key: str | None, entity: str | None,
             outlet: str | None) -> bool:
    if speaker and not (r.speaker_key and (speaker == r.speaker_key or speaker in r.speaker_key)):
        return False
    if outlet and not (outlet == r.outlet_id or (outlet_key and outlet_key == name_key(r.outlet_name))):
        return False
    if entity:
        names = [fold(n) for _, n in r.entities or []] + [k for k, _ in r.entities or []]
        if not any(entity in n for n in names):
            return False
    return True


def disputes(store: Store, story: str | None = None) -> list[dict[str, Any]]:
    """Each disputed claim with the claims that deny or dispute it, both sides in full."""
    with store.connection() as conn:
        rows = q.disputes(conn)
        ids = sorted({r.claim_id for r in rows} | {r.against_id for r in rows})
        by_id = {c["id"]: c for c in _claims(conn, ids)}
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        claim, against = by_id.get(r.claim_id), by_id.get(r.against_id)
        if claim is None or against is None:
            continue
        if story is not None and claim["story_id"] != story:
            continue
        entry = out.setdefault(r.claim_id, {"story_id": claim["story_id"], "claim": _side(claim),
                                            "denied_by": []})
        entry["denied_by"].append({**_side(against), "basis": r.basis, "score": r.score})
    return sorted(out.values(), key=lambda d: (d["claim"]["first"]["date"], d["claim"]["id"]))


def _side(claim: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": claim["id"], "content": claim["content"], "speaker": claim["speaker"],
        "first": claim["first"], "speakers": claim["speakers"], "outlets": claim["outlets"],
        "languages": claim["languages"],
        "statements": [{k: m[k] for k in ("doc_id", "attr_id", "date", "outlet", "language",
                                          "speaker", "stance", "content", "chain", "relayed_from",
                                          "relay_basis")} for m in claim["members"]],
    }


def duplicates(store: Store) -> list[dict[str, Any]]:
    """Near-duplicate groups with their original and republications."""
    with store.connection() as conn:
        docs = _docs(conn)
        groups = q.dup_groups(conn)
    by_group: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        if d["dup_group"]:
            by_group.setdefault(d["dup_group"], []).append(_public(d))
    return [{"id": g.id, "original": g.original, "size": g.size,
             "documents": by_group.get(g.id, [])} for g in groups]


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story: timeline, who says what (claims), disputes and the source graph."""
    with store.connection() as conn:
        row = q.find_story(conn, story_id)
        if row is None:
            return None
        docs = _docs(conn, [row.id])
        ents = _entities(conn, [row.id], top=20)
        story_claims = _claims(conn, story=row.id)
        n_claims, n_disputes = _counts(conn, [row.id])
    out = _summary(row, docs, ents.get(row.id, []), n_claims[row.id], n_disputes[row.id])
    out["timeline"] = [_public(d) for d in docs]
    out["claims"] = story_claims
    out["disputes"] = disputes(store, story=row.id)
    out["graph"] = graph.build(out["timeline"], story_claims)
    return out


def translations(store: Store) -> list[dict[str, Any]]:
    """Translation links: a document, the one it translates or parallels, and the score."""
    from claimgraph.store.queries import link2

    with store.connection() as conn:
        return [{"doc_id": r.doc_id, "other_id": r.other_id, "score": r.score}
                for r in link2.translations(conn)]
