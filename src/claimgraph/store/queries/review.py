"""Analysts' reviews: an attribution, event or dispute judged right or wrong, with an
optional correction; and their export as development-set records.

The development-set schema is the one of the shared attribution sets (fr-dev,
en-stance-dev): one record per document with its text and the attributions judged, each
with ``source_span``, ``speaker``, ``cue_span``, ``cue_lemma``, ``content_span``, ``kind``,
``stance``, ``via`` and ``negated_cue``; corrections replace the extracted values.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, insert, select

from claimgraph.store.schema import documents, reviews

Kind = Literal["attribution", "event", "dispute"]
Verdict = Literal["right", "wrong"]
#: What a correction of an attribution may set (the development-set fields).
CORRECTABLE = ("speaker", "stance", "kind", "cue_span", "content_span", "source_span", "via",
               "negated_cue")
DEV_KINDS = ("direct", "indirect", "mixed")  # the kinds the development sets annotate


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def add(conn: Connection, kind: Kind, doc_id: str | None, item_id: str, verdict: Verdict,
        item: dict[str, Any], correction: dict[str, Any] | None = None, note: str | None = None,
        reviewer: str | None = None) -> int:
    """Store one review; returns its id."""
    row = conn.execute(insert(reviews).values(
        kind=kind, doc_id=doc_id, item_id=item_id, verdict=verdict, correction=correction or None,
        note=note or None, reviewer=reviewer or None, item=item, created_at=datetime.now(UTC),
    ).returning(reviews.c.id)).scalar_one()
    return int(row)


def listing(conn: Connection, doc_id: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """Reviews (of one document, of one kind), oldest first."""
    c = reviews.c
    q = select(reviews).order_by(c.id)
    if doc_id is not None:
        q = q.where(c.doc_id == doc_id)
    if kind is not None:
        q = q.where(c.kind == kind)
    out = []
    for r in conn.execute(q).mappings():
        item = dict(r)
        item["created_at"] = item["created_at"].isoformat() if item["created_at"] else None
        item["correction"], item["item"] = _json(item["correction"]), _json(item["item"])
        out.append(item)
    return out


def latest(conn: Connection, doc_id: str) -> dict[tuple[str, str], dict[str, Any]]:
    """(kind, item id) -> the latest review of each item of a document."""
    return {(r["kind"], r["item_id"]): r for r in listing(conn, doc_id)}


def dev_attribution(a: dict[str, Any], correction: dict[str, Any] | None) -> dict[str, Any]:
    """An Attribution JSON (with a correction applied) in the development-set schema."""
    def span(x: dict[str, Any] | None) -> list[int] | None:
        return [x["start"], x["end"]] if x else None

    cue = a.get("cue")
    out = {
        "source_span": span(a.get("speaker")), "speaker": a.get("speaker_name")
        or (a.get("speaker") or {}).get("text"),
        "cue_span": span(cue), "cue_lemma": (cue or {}).get("text", "").lower() or None,
        "content_span": span(a.get("content")),
        "kind": a.get("kind") if a.get("kind") in DEV_KINDS else "indirect",
        "stance": "deny" if a.get("stance") in ("deny", "dispute") else "assert",
        "via": [h["name"] for h in a.get("via") or [] if h.get("kind") != "publisher"],
        "negated_cue": bool(a.get("negated")),
    }
    for key in CORRECTABLE:
        if correction and correction.get(key) not in (None, ""):
            out[key] = correction[key]
    return out


def devset_records(conn: Connection) -> Iterator[dict[str, Any]]:
    """One development-set record per document with reviewed attributions: those judged
    right as extracted, those judged wrong with their correction (wrong without one are
    left out, and said so in ``notes``). The latest review of an attribution counts."""
    by_doc: dict[str, dict[str, dict[str, Any]]] = {}
    for r in listing(conn, kind="attribution"):
        by_doc.setdefault(r["doc_id"], {})[r["item_id"]] = r
    for doc_id, items in sorted(by_doc.items()):
        data = _json(conn.execute(select(documents.c.data).where(documents.c.id == doc_id)).scalar())
        if not data:  # the document is gone: its offsets point nowhere
            continue
        kept, dropped = [], 0
        for r in items.values():
            if r["verdict"] == "wrong" and not r["correction"]:
                dropped += 1
                continue
            kept.append(dev_attribution(r["item"], r["correction"] if r["verdict"] == "wrong" else None))
        kept.sort(key=lambda x: (x["cue_span"] or x["content_span"] or [0])[0])
        outlet = (data.get("outlet") or {}).get("name")
        published = (data.get("published") or {}).get("date")
        record = {"id": doc_id, "url": data.get("url"), "outlet": outlet, "lang": data.get("language"),
                  "text": data.get("text", ""), "attributions": kept,
                  "notes": f"reviewed in claimgraph: {len(items)} attribution(s) judged, {dropped} "
                           "wrong without a correction left out; unreviewed ones are not listed"}
        if published:
            record["date"] = published[:10]
        yield record
