"""Reads for entity (people and organisations) and outlet pages: entity rows, statements
with their document context, and the link layer's claims and disputes around them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, text

from claimgraph.store.queries.facets import _json

#: Entity labels an entity page is made for.
LABELS = ("PER", "ORG")


def stamp(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever a document is saved or linked, or a review added: document count and
    latest update (indexed), the row counts of the link layer and of the reviews, and the
    change log's newest id."""
    row = conn.execute(text(
        "SELECT (SELECT count(*) FROM documents) AS n, (SELECT max(updated_at) FROM documents) AS last, "
        "(SELECT count(*) FROM link_docs) AS linked, (SELECT count(*) FROM link_claim_members) AS members, "
        "(SELECT count(*) FROM link_disputes) AS disputes, (SELECT count(*) FROM reviews) AS reviews, "
        "(SELECT max(id) FROM change_log) AS logged")).one()
    return tuple(str(v) for v in row)


def doc_stamp(conn: Connection) -> tuple[Any, ...]:
    """Document count and latest update: changes whenever a document is saved or deleted."""
    return tuple(conn.execute(text("SELECT count(*), max(updated_at) FROM documents")).one())


def doc_versions(conn: Connection, since: Any = None) -> dict[str, Any]:
    """Document id -> last update, of every document (or those updated at or after ``since``)."""
    if since is None:
        rows = conn.execute(text("SELECT id, updated_at FROM documents")).all()
    else:
        rows = conn.execute(text("SELECT id, updated_at FROM documents WHERE updated_at >= :s"),
                            {"s": since}).all()
    return {r.id: r.updated_at for r in rows}


def _in(doc_ids: Sequence[str] | None, column: str) -> list[tuple[str, dict[str, Any]]]:
    """(extra WHERE condition, params) per chunk of ``doc_ids`` (one without a condition)."""
    if doc_ids is None:
        return [("", {})]
    ids = sorted(set(doc_ids))
    out = []
    for start in range(0, len(ids), 500):
        names = {f"d{i}": d for i, d in enumerate(ids[start:start + 500])}
        out.append((f" AND {column} IN ({', '.join(':' + n for n in names)})", names))
    return out


def entity_rows(conn: Connection, doc_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every person or organisation row (of these documents) with its document's language,
    outlet and date."""
    out = []
    for cond, params in _in(doc_ids, "e.doc_id"):
        rows = conn.execute(text(
            "SELECT e.doc_id, e.id, e.name, e.label, e.role, e.country, e.sector, e.kind, e.mentions, "
            "d.language, d.outlet_id, d.outlet_name, d.published FROM entities e "
            "JOIN documents d ON d.id = e.doc_id WHERE e.label IN ('PER', 'ORG')" + cond +
            " ORDER BY e.doc_id, e.id"), params).all()
        for r in rows:
            item = dict(r._mapping)
            item["mentions"] = [m.get("text", "") for m in _json(item["mentions"]) or []]
            out.append(item)
    return out


def speaker_rows(conn: Connection, doc_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """(doc_id, id, speaker_name, speaker_entity, role) of every attribution with a speaker
    (of these documents)."""
    out = []
    for cond, params in _in(doc_ids, "doc_id"):
        rows = conn.execute(text(
            "SELECT doc_id, id, speaker_name, speaker_entity, role FROM attributions "
            "WHERE speaker_name IS NOT NULL" + cond + " ORDER BY doc_id, id"), params).all()
        out.extend(dict(r._mapping) for r in rows)
    return out


_STATEMENT = (
    "SELECT a.doc_id, a.id AS attr_id, a.speaker_name, a.speaker_entity, a.role, a.stance, "
    "a.kind, a.cue_text, a.content_text, a.via, a.target, "
    "CASE WHEN a.speaker_name IS NULL THEN a.data END AS data, d.title, d.outlet_id, "
    "d.outlet_name, d.language, d.published, m.claim_id, m.score "
    "FROM attributions a JOIN documents d ON d.id = a.doc_id "
    "LEFT JOIN link_claim_members m ON m.doc_id = a.doc_id AND m.attr_id = a.id ")


def _dicts(result: Any) -> list[dict[str, Any]]:
    keys = list(result.keys())
    return [dict(zip(keys, r, strict=True)) for r in result.all()]


def _statements(conn: Connection, where: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Statements with their document context; ``speaker_text`` (the speaker's words, read
    from the attribution's JSON) only for those without a speaker name, the only ones that
    show it."""
    rows = _dicts(conn.execute(text(_STATEMENT + where + " ORDER BY d.published, a.doc_id, a.content_start"),
                               params))
    for item in rows:
        item["via"] = _json(item["via"]) or []
        data = _json(item.pop("data")) or {}
        item["speaker_text"] = (data.get("speaker") or {}).get("text")
    return rows


def statements_of(conn: Connection, keys: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """The statements with these (doc id, attribution id) keys, by date."""
    keys = sorted(set(keys))
    if not keys:
        return []
    out: list[dict[str, Any]] = []
    for start in range(0, len(keys), 200):
        chunk = keys[start:start + 200]
        params: dict[str, Any] = {}
        ors = []
        for i, (doc_id, attr_id) in enumerate(chunk):
            params[f"d{i}"], params[f"a{i}"] = doc_id, attr_id
            ors.append(f"(a.doc_id = :d{i} AND a.id = :a{i})")
        out.extend(_statements(conn, "WHERE " + " OR ".join(ors), params))
    out.sort(key=lambda s: (s["published"] or "", s["doc_id"], s["attr_id"]))
    return out


def outlet_statements(conn: Connection, outlet_id: str) -> list[dict[str, Any]]:
    """Every statement published by this outlet, by date."""
    return _statements(conn, "WHERE d.outlet_id = :o", {"o": outlet_id})


def doc_statements(conn: Connection, doc_ids: Sequence[str]) -> dict[tuple[str, str], dict[str, Any]]:
    """(doc id, attribution id) -> speaker, stance and target of these documents' statements."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    ids = sorted(set(doc_ids))
    for start in range(0, len(ids), 200):
        chunk = ids[start:start + 200]
        names = {f"d{i}": d for i, d in enumerate(chunk)}
        rows = conn.execute(text(
            "SELECT doc_id, id, speaker_name, speaker_entity, stance, target, content_text FROM attributions "
            f"WHERE doc_id IN ({', '.join(':' + n for n in names)})"), names).all()
        out.update({(r.doc_id, r.id): dict(r._mapping) for r in rows})
    return out


def linked_disputes_of(conn: Connection, keys: Iterable[tuple[str, str]],
                       claims: dict[tuple[str, str], str] | None = None,
                       read: set[str] | None = None) -> list[dict[str, Any]]:
    """Link-layer disputes a statement takes part in, on either side.

    One row per (statement, other statement): ``side`` is "denies" when the statement is on
    the deny side, "denied" when its claim is the one denied; with basis and score.
    ``claims``: the claim of each statement, when known (else read from the link layer);
    only the disputes and claim members around these claims are read (indexed). ``read``
    receives the ids of the claims read (for the read cache's dependencies)."""
    keys = set(keys)
    if not keys:
        return []
    if claims is None:
        claims = {(m.doc_id, m.attr_id): m.claim_id for m in conn.execute(text(
            "SELECT doc_id, attr_id, claim_id FROM link_claim_members")).all()}
    mine = sorted({claims[k] for k in keys if claims.get(k)})
    if not mine:
        return []
    disputes = {}
    for cond, params in _in(mine, "claim_id"):
        for col in ("claim_id", "against_id"):
            rows = conn.execute(text("SELECT claim_id, against_id, basis, score FROM link_disputes "
                                     "WHERE 1 = 1" + cond.replace("claim_id", col)), params).all()
            disputes.update({(d.claim_id, d.against_id): d for d in rows})
    involved = sorted({c for d in disputes.values() for c in (d.claim_id, d.against_id)})
    if read is not None:
        read.update(mine, involved)
    by_claim: dict[str, list[Any]] = {}
    for cond, params in _in(involved, "claim_id"):
        for m in conn.execute(text("SELECT doc_id, attr_id, claim_id, speaker_name FROM link_claim_members "
                                   "WHERE 1 = 1" + cond + " ORDER BY doc_id, attr_id"), params).all():
            by_claim.setdefault(m.claim_id, []).append(m)
    wanted = set(mine)
    out = []
    for _, d in sorted(disputes.items()):
        for side, own, other in (("denies", d.against_id, d.claim_id), ("denied", d.claim_id, d.against_id)):
            if own not in wanted:
                continue
            for me in by_claim.get(own, []):
                if (me.doc_id, me.attr_id) not in keys:
                    continue
                for o in by_claim.get(other, []):
                    out.append({"doc_id": me.doc_id, "attr_id": me.attr_id, "side": side,
                                "other_doc": o.doc_id, "other_attr": o.attr_id,
                                "other_speaker": o.speaker_name, "basis": d.basis,
                                "score": float(d.score)})
    return out


def find_outlet(conn: Connection, name: str) -> str | None:
    """The id of the stored outlet with this id or name (case-insensitive), else one whose
    name contains it when only one does."""
    rows = conn.execute(text("SELECT DISTINCT outlet_id, outlet_name FROM documents "
                             "WHERE outlet_id IS NOT NULL")).all()
    want = name.strip().lower()
    for r in rows:
        if want in (r.outlet_id.lower(), (r.outlet_name or "").lower()):
            return str(r.outlet_id)
    near = {r.outlet_id for r in rows if want and want in (r.outlet_name or "").lower()}
    return str(near.pop()) if len(near) == 1 else None
