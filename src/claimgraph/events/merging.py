"""Merging the mentions of one event in a document, and the headline's support of body events."""

from __future__ import annotations

from typing import Any

from claimgraph.config import Config
from claimgraph.events.actors import ActorDictionary
from claimgraph.events.detect import Detector, detect_sentence
from claimgraph.events.lexicon import Lexicon
from claimgraph.model import Document, Event, Span
from claimgraph.stage import MissingLayer

STATE_SIDE = {"GOV", "MIL", "COP", "JUD", "LEG", "IGO"}
NON_STATE_SIDE = {"OPP", "REB", "CVL", "REF", "LAB", "NGO", "REL"}


def _side(sector: str | None) -> str | None:
    if sector in STATE_SIDE:
        return "state"
    if sector in NON_STATE_SIDE:
        return "nonstate"
    return None


def _compatible_party(a: Any, b: Any) -> bool | None:
    """True/False when both are known and agree/disagree, None when one is missing."""
    if a is None or b is None or a.country is None or b.country is None:
        return None
    if a.country != b.country:
        return False
    sa, sb = _side(a.sector), _side(b.sector)
    return not (sa and sb and sa != sb)


def same_event(a: Event, b: Event) -> bool:
    """Two events of a document that are mentions of one event (type and parties agree)."""
    if a.type != b.type:
        return False
    act = _compatible_party(a.actor, b.actor)
    rec = _compatible_party(a.recipient, b.recipient)
    if act is False or rec is False:
        return False
    return bool(act) or (bool(rec) and act is None)


def merge(raw: list[tuple[Event, bool]]) -> list[Event]:
    """Merge mentions of one event; the primary mention is the first asserted one."""
    groups: list[list[tuple[Event, bool]]] = []
    for item in raw:
        for g in groups:
            if any(same_event(item[0], other[0]) for other in g):
                g.append(item)
                break
        else:
            groups.append([item])
    out: list[Event] = []
    for g in groups:
        stated = [e for e, _r in g if e.asserted_by]
        primary = (stated or [g[0][0]])[0]
        ev = primary.model_copy(deep=True)
        for other, _r in g:
            if other is primary:
                continue
            ev.mentions.append(other.trigger)
            for x in other.asserted_by:
                if x not in ev.asserted_by:
                    ev.asserted_by.append(x)
            for x in other.denied_by:
                if x not in ev.denied_by:
                    ev.denied_by.append(x)
            if ev.mode is None and other.mode:
                ev.mode = other.mode
            if ev.location is None and other.location is not None:
                ev.location = other.location
            if ev.recipient is None and other.recipient is not None:
                ev.recipient = other.recipient
            if ev.date_source != "text" and other.date_source == "text" and not ev.background:
                ev.date, ev.date_span, ev.date_source = other.date, other.date_span, "text"
        confs = [e.confidence for e, _r in g if e.confidence is not None]
        if confs:
            ev.confidence = max(confs)  # the surest mention
        ev.mentions.sort(key=lambda s: s.start)
        out.append(ev)
    out.sort(key=lambda e: e.trigger.start)
    return out


def title_support(doc: Document, config: Config, lang: str, lex: Lexicon,
                   actors: ActorDictionary, events: list[Event]) -> None:
    """A headline is the outlet's own voice: body events it repeats gain "outlet" and its mode."""
    title = Document(id=doc.id, origin=doc.origin, text=doc.title or "", language=lang)
    tdoc = doc.nlp_title
    if tdoc is None:
        raise MissingLayer("events", "the parse of the title (doc.nlp_title)", "nlp")
    det = Detector(title, tdoc, lex, actors)
    for sent in tdoc.sents:
        for c in detect_sentence(det, sent):
            probe = Event(id="", type=c.type, trigger=Span(start=0, end=0, text=""),
                          sentence=Span(start=0, end=0, text=""),
                          actor=c.actor.to_model(title, actors) if c.actor else None,
                          recipient=c.recipient.to_model(title, actors) if c.recipient else None)
            for ev in events:
                if same_event(ev, probe):
                    if "outlet" not in ev.asserted_by:
                        ev.asserted_by.append("outlet")
                    if ev.mode is None and c.mode:
                        ev.mode = c.mode
                    break
