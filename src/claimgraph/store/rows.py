"""Flat rows of a Document: the child-table rows and the export columns."""

from __future__ import annotations

from typing import Any

from claimgraph.event_records import flat_rows
from claimgraph.model import Document, EventActor, Rejected, content_id, is_quote


def _actor_name(actor: EventActor | None) -> str | None:
    if actor is None:
        return None
    if actor.name:
        return actor.name
    return actor.span.text if actor.span else None


def source_of(r: Rejected | Document) -> str | None:
    """The path or URL an input came from."""
    return r.origin.path or r.origin.url or getattr(r, "url", None)


def rejected_key(r: Rejected) -> str:
    """The ``rejected`` row id: the content id and the origin (identical inputs rejected at
    two origins are two rows; the same input rejected again at one origin is one)."""
    where = r.origin.model_dump_json(include={"kind", "path", "url", "record"})
    return content_id(f"{r.id}\n{where}")


def document_row(doc: Document, data: dict[str, Any]) -> dict[str, Any]:
    """The ``documents`` row (without timestamps); ``data`` is the Document JSON."""
    return {
        "id": doc.id,
        "url": doc.url,
        "origin": data["origin"],
        "outlet_id": doc.outlet.id if doc.outlet else None,
        "outlet_name": doc.outlet.name if doc.outlet else None,
        "language": doc.language,
        "title": doc.title,
        "published": doc.published.date if doc.published else None,
        "text": doc.text,
        "data": data,
    }


def removed_rows(doc: Document) -> list[dict[str, Any]]:
    return [
        {"doc_id": doc.id, "seq": i, "line": r.line, "text": r.text, "reason": r.reason, "detail": r.detail}
        for i, r in enumerate(doc.removed)
    ]


def caption_rows(doc: Document) -> list[dict[str, Any]]:
    return [
        {"doc_id": doc.id, "seq": i, "line": c.line, "text": c.text, "language": c.language}
        for i, c in enumerate(doc.captions)
    ]


def entity_rows(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc.id,
            "id": e.id,
            "name": e.name,
            "label": e.label,
            "role": e.role,
            "country": e.country,
            "sector": e.sector,
            "kind": e.kind,
            "mentions": [m.model_dump(mode="json") for m in e.mentions],
        }
        for e in doc.entities
    ]


def attribution_rows(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc.id,
            "id": a.id,
            "speaker_name": a.speaker_name,
            "speaker_entity": a.speaker_entity,
            "role": a.role,
            "cue_start": a.cue.start if a.cue else None,
            "cue_end": a.cue.end if a.cue else None,
            "cue_text": a.cue.text if a.cue else None,
            "content_start": a.content.start,
            "content_end": a.content.end,
            "content_text": a.content.text,
            "kind": a.kind,
            "stance": a.stance,
            "negated": a.negated,
            "via": [link.model_dump(mode="json") for link in a.via],
            "target": a.target,
            "data": a.model_dump(mode="json"),
        }
        for a in doc.attributions
    ]


def event_rows(doc: Document) -> list[dict[str, Any]]:
    rows = []
    for ev in doc.events:
        actor, recipient = ev.actor, ev.recipient
        rows.append(
            {
                "doc_id": doc.id,
                "id": ev.id,
                "type": ev.type,
                "mode": ev.mode,
                "modality": ev.modality,
                "confidence": ev.confidence,
                "actor_name": _actor_name(actor),
                "actor_country": actor.country if actor else None,
                "actor_sector": actor.sector if actor else None,
                "recipient_name": _actor_name(recipient),
                "recipient_country": recipient.country if recipient else None,
                "recipient_sector": recipient.sector if recipient else None,
                "date": ev.date,
                "location": _actor_name(ev.location),
                "status": ev.status,
                "asserted_by": list(ev.asserted_by),
                "denied_by": list(ev.denied_by),
                "trigger_start": ev.trigger.start,
                "trigger_end": ev.trigger.end,
                "data": ev.model_dump(mode="json"),
            }
        )
    return rows


# ---------------------------------------------------------------- export (flat) rows


def _context(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.id,
        "url": doc.url,
        "outlet_id": doc.outlet.id if doc.outlet else None,
        "outlet_name": doc.outlet.name if doc.outlet else None,
        "language": doc.language,
        "published": doc.published.date if doc.published else None,
    }


def export_document(doc: Document) -> list[dict[str, Any]]:
    o, p = doc.outlet, doc.published
    return [
        {
            "id": doc.id,
            "url": doc.url,
            "origin_kind": doc.origin.kind,
            "origin_path": doc.origin.path,
            "origin_url": doc.origin.url,
            "origin_record": doc.origin.record,
            "origin_fetched": doc.origin.fetched,
            "content_type": doc.content_type,
            "language": doc.language,
            "title": doc.title,
            "author": doc.author,
            "site": doc.site,
            "outlet_id": o.id if o else None,
            "outlet_name": o.name if o else None,
            "outlet_country": o.country if o else None,
            "outlet_country_code": o.country_code if o else None,
            "outlet_typology": o.typology if o else None,
            "published": p.date if p else None,
            "published_source": p.source if p else None,
            "text": doc.text,
            "n_captions": len(doc.captions),
            "n_removed": len(doc.removed),
            "n_entities": len(doc.entities),
            "n_attributions": len(doc.attributions),
            "n_events": len(doc.events),
            "meta": doc.meta,
        }
    ]


def export_entities(doc: Document) -> list[dict[str, Any]]:
    ctx = _context(doc)
    return [
        {
            **ctx,
            "id": e.id,
            "name": e.name,
            "label": e.label,
            "role": e.role,
            "country": e.country,
            "sector": e.sector,
            "kind": e.kind,
            "n_mentions": len(e.mentions),
            "mentions": [m.model_dump(mode="json") for m in e.mentions],
        }
        for e in doc.entities
    ]


def export_attributions(doc: Document, quotes_only: bool = False) -> list[dict[str, Any]]:
    """Flat attribution rows; ``quotes_only``: speech and writing only, as quote trackers count."""
    ctx = _context(doc)
    rows = []
    for a in doc.attributions:
        if quotes_only and not is_quote(a):
            continue
        rows.append(
            {
                **ctx,
                "id": a.id,
                "speaker_text": a.speaker.text if a.speaker else None,
                "speaker_start": a.speaker.start if a.speaker else None,
                "speaker_end": a.speaker.end if a.speaker else None,
                "speaker_entity": a.speaker_entity,
                "speaker_name": a.speaker_name,
                "role": a.role,
                "cue_start": a.cue.start if a.cue else None,
                "cue_end": a.cue.end if a.cue else None,
                "cue_text": a.cue.text if a.cue else None,
                "content_start": a.content.start,
                "content_end": a.content.end,
                "content_text": a.content.text,
                "kind": a.kind,
                "mode": a.mode,
                "stance": a.stance,
                "stance_evidence": a.stance_evidence,
                "negated": a.negated,
                "target": a.target,
                "via_names": " > ".join(link.name for link in a.via) or None,
                "via": [link.model_dump(mode="json") for link in a.via],
                "channel": a.channel.text if a.channel else None,
                "quantities": [q.model_dump(mode="json") for q in a.quantities],
                "dates": [d.model_dump(mode="json") for d in a.dates],
            }
        )
    return rows


def export_events(doc: Document) -> list[dict[str, Any]]:
    """The flat event rows (claimgraph.event_records) with the document context."""
    ctx = _context(doc)
    rows = []
    for ev, flat in zip(doc.events, flat_rows(doc), strict=True):
        rows.append({
            **ctx, **flat,
            "id": ev.id,
            "trigger_text": ev.trigger.text,
            "sentence_text": ev.sentence.text,
            "actor_entity": ev.actor.entity if ev.actor else None,
            "recipient_entity": ev.recipient.entity if ev.recipient else None,
            "asserted_by": ev.asserted_by,  # lists, not the flat ";"-joined strings
            "denied_by": ev.denied_by,
            "confidence": ev.confidence,
        })
    return rows
