"""Flat rows of the link layer's claims and disputes, for exports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, text

from claimgraph.chain_text import chain_names, chain_text

_ARROW = " → "  # claimgraph.chain_text.ARROW: the store imports nothing above it


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def scope(claim_docs: set[str], against_docs: set[str]) -> str:
    """Where a dispute lies: both sides in one article, in different articles, or both."""
    shared = claim_docs & against_docs
    if shared and len(claim_docs | against_docs) == 1:
        return "within one article"
    return "within one article and across articles" if shared else "across articles"


def claim_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    """One row per claim member: the claim, the statement with its document context and score."""
    rows = conn.execute(text(
        "SELECT c.id AS claim_id, c.story_id, c.polarity, m.doc_id, d.url, m.outlet_id, "
        "m.outlet_name, m.language, d.published, m.attr_id, m.speaker_name, m.stance, m.kind, "
        "m.cue, m.content, m.content_start, m.content_end, m.via, m.score "
        "FROM link_claim_members m JOIN link_claims c ON c.id = m.claim_id "
        "JOIN documents d ON d.id = m.doc_id ORDER BY c.id, m.seq, m.attr_id")).all()
    for r in rows:
        item = dict(r._mapping)
        item["chain"] = chain_text(chain_names(item["speaker_name"], _json(item.pop("via")) or [],
                                               item["outlet_name"]))
        yield item


def dispute_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    """One row per dispute: both claims' speakers, first content and documents, with the
    basis, score and whether it lies within one article or across articles."""
    members: dict[str, list[Any]] = {}
    for m in conn.execute(text(
            "SELECT claim_id, doc_id, speaker_name, content FROM link_claim_members "
            "ORDER BY seq, attr_id")).all():
        members.setdefault(m.claim_id, []).append(m)
    for d in conn.execute(text("SELECT claim_id, against_id, basis, score FROM link_disputes "
                               "ORDER BY claim_id, against_id")).all():
        a, b = members.get(d.claim_id, []), members.get(d.against_id, [])
        docs_a, docs_b = {m.doc_id for m in a}, {m.doc_id for m in b}
        yield {
            "claim_id": d.claim_id, "against_id": d.against_id, "basis": d.basis,
            "score": float(d.score),
            "scope": scope(docs_a, docs_b),
            "claim_speakers": "; ".join(sorted({m.speaker_name or "unnamed source" for m in a})),
            "claim_content": a[0].content if a else None,
            "claim_docs": "; ".join(sorted({m.doc_id for m in a})),
            "against_speakers": "; ".join(sorted({m.speaker_name or "unnamed source" for m in b})),
            "against_content": b[0].content if b else None,
            "against_docs": "; ".join(sorted({m.doc_id for m in b})),
        }
