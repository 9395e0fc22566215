"""Events as output records: PLOVER-style JSON records and flat one-row-per-event dicts.

Depends on the data model only, so the store (exports) and the events stage can both use it.
"""

from __future__ import annotations

from typing import Any

from claimgraph.model import Document, Event, EventActor


def _party(a: EventActor | None) -> dict[str, Any] | None:
    if a is None:
        return None
    out: dict[str, Any] = {"text": a.span.text if a.span else a.name, "name": a.name,
                           "country": a.country, "sector": a.sector}
    if a.entity:
        out["entity"] = a.entity
    if a.state_owned:
        out["state_owned"] = True
    return out


def _speakers(doc: Document, ids: list[str]) -> list[str]:
    names = {a.id: a.speaker_name or (a.speaker.text if a.speaker else None) or a.id
             for a in doc.attributions}
    outlet = doc.outlet.name if doc.outlet else "outlet"
    return [outlet if i == "outlet" else names.get(i, i) for i in ids]


def record(doc: Document, ev: Event) -> dict[str, Any]:
    """One event as a PLOVER-style JSON record (with claimgraph provenance fields)."""
    return {
        "id": f"{doc.id}-{ev.id}",
        "event_type": ev.type,
        "mode": ev.mode,
        "modality": ev.modality,
        "confidence": ev.confidence,
        "event_date": ev.date,
        "date_source": ev.date_source,
        "background": ev.background,
        "source": _party(ev.actor),
        "target": _party(ev.recipient),
        "location": _party(ev.location),
        "event_text": ev.trigger.text,
        "text": ev.sentence.text,
        "offsets": {"trigger": [ev.trigger.start, ev.trigger.end],
                    "sentence": [ev.sentence.start, ev.sentence.end],
                    "mentions": [[m.start, m.end] for m in ev.mentions]},
        "language": doc.language,
        "source_url": doc.url or (doc.origin.url if doc.origin else None),
        "publication": doc.outlet.name if doc.outlet else None,
        "story_date": doc.published.date if doc.published else None,
        "asserted_by": ev.asserted_by,
        "asserted_by_names": _speakers(doc, ev.asserted_by),
        "denied_by": ev.denied_by,
        "denied_by_names": _speakers(doc, ev.denied_by),
        "status": ev.status,
    }


def records(doc: Document) -> list[dict[str, Any]]:
    """PLOVER-style JSON records, one per event of ``doc``."""
    return [record(doc, ev) for ev in doc.events]


def flat_rows(doc: Document) -> list[dict[str, Any]]:
    """One flat row per event (for JSONL/Parquet tables): scalar columns only."""
    rows: list[dict[str, Any]] = []
    for ev in doc.events:
        a, r, loc = ev.actor, ev.recipient, ev.location
        rows.append({
            "doc_id": doc.id,
            "event_id": ev.id,
            "date": ev.date,
            "date_source": ev.date_source,
            "actor_name": a.name if a else None,
            "actor_country": a.country if a else None,
            "actor_sector": a.sector if a else None,
            "type": ev.type,
            "mode": ev.mode,
            "modality": ev.modality,
            "confidence": ev.confidence,
            "recipient_name": r.name if r else None,
            "recipient_country": r.country if r else None,
            "recipient_sector": r.sector if r else None,
            "location": loc.name if loc else None,
            "location_country": loc.country if loc else None,
            "source_url": doc.url or (doc.origin.url if doc.origin else None),
            "outlet": doc.outlet.name if doc.outlet else None,
            "asserted_by": ";".join(ev.asserted_by),
            "asserted_by_names": ";".join(_speakers(doc, ev.asserted_by)),
            "denied_by": ";".join(ev.denied_by),
            "status": ev.status,
            "trigger": ev.trigger.text,
            "trigger_start": ev.trigger.start,
            "trigger_end": ev.trigger.end,
            "sentence_start": ev.sentence.start,
            "sentence_end": ev.sentence.end,
        })
    return rows
