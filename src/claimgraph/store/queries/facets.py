"""Filtered, paged lists of documents and statements with their facet counts.

A ``Filters`` value holds what an analyst can narrow a list by: a date range (on the
publication date, ``YYYY-MM-DD`` prefixes), outlet (id or name), outlet country (ISO code
or name, matched through the outlets' stored records), language, stance, speaker (a
case-insensitive substring) and a minimum link score (the statement's claim membership).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text

#: Most documents or statements one page returns.
MAX_LIMIT = 500


@dataclass(frozen=True)
class Filters:
    """What a list is narrowed by; None means no restriction."""

    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    country: str | None = None
    language: str | None = None
    stance: str | None = None
    speaker: str | None = None
    min_score: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def outlet_countries(conn: Connection) -> dict[str, tuple[str | None, str | None]]:
    """outlet id -> (country code, country name), from one stored document per outlet."""
    rows = conn.execute(text(
        "SELECT d.outlet_id, d.data FROM documents d JOIN (SELECT outlet_id, max(id) AS id "
        "FROM documents WHERE outlet_id IS NOT NULL GROUP BY outlet_id) s ON s.id = d.id")).all()
    out: dict[str, tuple[str | None, str | None]] = {}
    for r in rows:
        o = (_json(r.data) or {}).get("outlet") or {}
        out[r.outlet_id] = (o.get("country_code"), o.get("country"))
    return out


def _doc_where(conn: Connection, f: Filters, params: dict[str, Any], alias: str = "d") -> list[str]:
    where: list[str] = []
    if f.date_from:
        where.append(f"substr({alias}.published, 1, 10) >= :date_from")
        params["date_from"] = f.date_from[:10]
    if f.date_to:
        where.append(f"substr({alias}.published, 1, 10) <= :date_to")
        params["date_to"] = f.date_to[:10]
    if f.outlet:
        where.append(f"({alias}.outlet_id = :outlet OR lower({alias}.outlet_name) = lower(:outlet))")
        params["outlet"] = f.outlet
    if f.language:
        where.append(f"{alias}.language = :language")
        params["language"] = f.language
    if f.country:
        want = f.country.strip().lower()
        ids = sorted(oid for oid, (code, name) in outlet_countries(conn).items()
                     if want in ((code or "").lower(), (name or "").lower()))
        if not ids:
            where.append("1 = 0")
        else:
            names = [f"c{i}" for i in range(len(ids))]
            where.append(f"{alias}.outlet_id IN ({', '.join(':' + n for n in names)})")
            params.update(zip(names, ids, strict=True))
    return where


def _stmt_where(conn: Connection, f: Filters, params: dict[str, Any]) -> list[str]:
    where = _doc_where(conn, f, params)
    if f.stance:
        where.append("a.stance = :stance")
        params["stance"] = f.stance
    if f.speaker:
        where.append("lower(coalesce(a.speaker_name, '')) LIKE :speaker")
        params["speaker"] = "%" + f.speaker.lower().replace("%", "").replace("_", "") + "%"
    if f.min_score is not None:
        where.append("m.score >= :min_score")
        params["min_score"] = float(f.min_score)
    return where


def _sql_where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def _counts(conn: Connection, expr: str, base: str, params: dict[str, Any],
            order: str = "n DESC, k", limit: int | None = None) -> dict[str, int]:
    """Rows per value of ``expr`` over ``base`` (a FROM ... WHERE clause): a facet."""
    sql = f"SELECT {expr} AS k, count(*) AS n {base} GROUP BY {expr} ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return {("unknown" if r.k is None else str(r.k)): int(r.n)
            for r in conn.execute(text(sql), params).all()}


def documents(conn: Connection, f: Filters, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of document summaries (latest publication first), the total and facets."""
    params: dict[str, Any] = {}
    where = _sql_where(_doc_where(conn, f, params))
    base = f"FROM documents d{where}"
    total = int(conn.execute(text(f"SELECT count(*) {base}"), params).scalar_one())
    rows = conn.execute(text(
        "SELECT d.id, d.title, d.url, d.outlet_id, d.outlet_name, d.language, d.published "
        f"{base} ORDER BY d.published DESC, d.id LIMIT :limit OFFSET :offset"),
        {**params, "limit": min(limit, MAX_LIMIT), "offset": offset}).all()
    facets = {
        "outlet": _counts(conn, "d.outlet_name", base, params),
        "language": _counts(conn, "d.language", base, params),
        "month": _counts(conn, "substr(d.published, 1, 7)", base, params, order="k"),
    }
    return {"total": total, "limit": limit, "offset": offset, "filters": f.as_dict(),
            "items": [dict(r._mapping) for r in rows], "facets": facets}


_STMT_FROM = (
    "FROM attributions a JOIN documents d ON d.id = a.doc_id "
    "LEFT JOIN link_claim_members m ON m.doc_id = a.doc_id AND m.attr_id = a.id")


def statements(conn: Connection, f: Filters, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of statements (attributions with their document), the total and facets."""
    params: dict[str, Any] = {}
    base = _STMT_FROM + _sql_where(_stmt_where(conn, f, params))
    total = int(conn.execute(text(f"SELECT count(*) {base}"), params).scalar_one())
    rows = conn.execute(text(
        "SELECT a.doc_id, a.id AS attr_id, a.speaker_name, a.speaker_entity, a.role, a.stance, "
        "a.kind, a.cue_text, a.content_text, a.via, a.target, d.title, d.outlet_id, d.outlet_name, "
        f"d.language, d.published, m.claim_id, m.score {base} "
        "ORDER BY d.published DESC, a.doc_id, a.content_start LIMIT :limit OFFSET :offset"),
        {**params, "limit": min(limit, MAX_LIMIT), "offset": offset}).all()
    facets = {
        "stance": _counts(conn, "a.stance", base, params),
        "outlet": _counts(conn, "d.outlet_name", base, params),
        "language": _counts(conn, "d.language", base, params),
        "speaker": _counts(conn, "a.speaker_name", base, params, limit=20),
    }
    items = []
    for r in rows:
        item = dict(r._mapping)
        item["via"] = _json(item["via"])
        items.append(item)
    return {"total": total, "limit": limit, "offset": offset, "filters": f.as_dict(),
            "items": items, "facets": facets}


def _json(value: Any) -> Any:
    """A JSON column read through ``text()``: text on SQLite, decoded on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value
