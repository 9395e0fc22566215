"""The events stage: PLOVER events with coded actors, dates, places and provenance.

``EventStage`` fills ``doc.events`` from the spaCy parse (``doc.nlp``), the document's entities
and attributions. ``extract_events(doc, config)`` does the same for one document.
"""

from __future__ import annotations

from typing import Any

from claimgraph.config import Config
from claimgraph.events.actors import ActorDictionary, load_actors
from claimgraph.events.detect import Candidate, Detector, detect_sentence
from claimgraph.events.lexicon import TYPES, Lexicon, load_lexicon
from claimgraph.model import Attribution, Document, Event, Span
from claimgraph.stage import MissingLayer, Stage, register

__all__ = ["TYPES", "EventStage", "actors_for", "extract_events", "lexicon_for"]

STATE_SIDE = {"GOV", "MIL", "COP", "JUD", "LEG", "IGO"}
NON_STATE_SIDE = {"OPP", "REB", "CVL", "REF", "LAB", "NGO", "REL"}


def lexicon_for(config: Config, lang: str) -> Lexicon:
    extra = config.get(f"events.lexicon_files.{lang}", []) or []
    return load_lexicon(lang, tuple(str(x) for x in extra))


def actors_for(config: Config) -> ActorDictionary:
    extra = config.get("events.actor_files", []) or []
    return load_actors(tuple(str(x) for x in extra))


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


def _claim_embedded(c: Candidate, lex: Lexicon) -> bool:
    """The trigger sits in the complement of a statement noun ("the rumour that ...")."""
    cur = c.noun if c.noun is not None else c.head
    for _ in range(8):
        if cur.head is cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in lex.claims and cur.pos_ == "NOUN":
            return True
    return False


def _innermost(attrs: list[Attribution], pos: int) -> Attribution | None:
    """The smallest attribution with a known speaker whose content holds ``pos``.

    Unnamed reports nested in a statement ("the reports of a withdrawal", inside a denial) are
    part of what that statement is about, not separate asserters.
    """
    inside = [a for a in attrs if a.content.start <= pos < a.content.end]
    named = [a for a in inside if a.speaker is not None or a.speaker_name or a.speaker_entity]
    pool = named or inside
    if not pool:
        return None
    return min(pool, key=lambda a: a.content.end - a.content.start)



def _status(ev: Event, attrs: dict[str, Attribution]) -> str | None:
    if ev.denied_by:
        # A flat denial wins; statements that only contest details (cue class "dispute",
        # e.g. figures called overestimated) make the event disputed.
        denials = [attrs[i] for i in ev.denied_by if i in attrs]
        flat = [a for a in denials if a.stance == "deny" and a.cue_class != "dispute"]
        return "denied" if flat or not denials else "disputed"
    if any(x != "outlet" for x in ev.asserted_by):
        return "asserted"
    if ev.asserted_by:
        return "stated_by_outlet"
    return None


class _Builder:
    def __init__(self, doc: Document, config: Config, lex: Lexicon, actors: ActorDictionary):
        self.doc = doc
        self.config = config
        self.lex = lex
        self.actors = actors

    def build(self, det: Detector, c: Candidate, sent: Any) -> tuple[Event, bool]:
        doc = self.doc
        toks = det.sdoc[c.start:c.end]
        trig = Span(start=toks.start_char, end=toks.end_char, text=doc.text[toks.start_char:toks.end_char])
        ev = Event(
            id="",
            type=c.type,
            mode=c.mode,
            trigger=trig,
            sentence=Span(start=sent.start_char, end=sent.end_char, text=sent.text),
            actor=c.actor.to_model(doc, self.actors) if c.actor else None,
            recipient=c.recipient.to_model(doc, self.actors) if c.recipient else None,
            location=c.location.to_model(doc, self.actors) if c.location else None,
            background=c.background,
        )
        for arg, model in ((c.actor, ev.actor), (c.recipient, ev.recipient)):
            if arg is not None and model is not None and arg.state:
                model.state_owned = True
        if c.date is not None and c.date.date:
            ev.date = c.date.date
            ev.date_span = Span(start=c.date.start, end=c.date.end, text=c.date.text)
            ev.date_source = "text"
        elif not c.background and doc.published is not None:
            ev.date = doc.published.date[:10]
            ev.date_source = "published"
        # provenance
        attr = _innermost(doc.attributions, trig.start)
        reported = False
        if attr is not None and attr.kind == "narration":
            ev.asserted_by.append("outlet")  # the outlet's own framing, not a quoted source
        elif attr is not None:
            if attr.stance in ("deny", "dispute"):
                ev.denied_by.append(attr.id)
            else:
                ev.asserted_by.append(attr.id)
        elif _claim_embedded(c, self.lex):
            reported = True
        else:
            ev.asserted_by.append("outlet")
        return ev, reported


def _cue_overlap(doc: Document, start: int, end: int) -> bool:
    # A narration's "cue" is the loaded word that frames an event ("coup d'État"), not a
    # speech verb: it must not hide that event.
    return any(a.cue is not None and a.kind != "narration" and a.cue.start < end
               and start < a.cue.end for a in doc.attributions)


def extract_events(doc: Document, config: Config | None = None, sdoc: Any = None) -> list[Event]:
    """Events of one document from its parse (``sdoc``, else ``doc.nlp`` of the nlp stage)."""
    config = config or Config.load()
    lang = doc.language or config.default_language
    lex = lexicon_for(config, lang)
    actors = actors_for(config)
    if sdoc is None:
        sdoc = doc.nlp
    if sdoc is None:
        raise MissingLayer("events", "the spaCy parse (doc.nlp)", "nlp")
    det = Detector(doc, sdoc, lex, actors)
    builder = _Builder(doc, config, lex, actors)
    raw: list[tuple[Event, bool]] = []
    for sent in sdoc.sents:
        for c in detect_sentence(det, sent):
            if c.actor is None or c.actor.event_type:
                continue  # PLOVER events need a source actor
            ev, reported = builder.build(det, c, sent)
            if c.recipient is not None and c.recipient.event_type:
                # "a coup backed by X": the recipient is whoever carries out that event
                ref = next((e for e, _r in reversed(raw)
                            if e.type == c.recipient.event_type and e.actor is not None), None)
                ev.recipient = ref.actor.model_copy() if ref is not None and ref.actor else None
            if _cue_overlap(doc, ev.trigger.start, ev.trigger.end):
                continue
            raw.append((ev, reported))
    attrs = {a.id: a for a in doc.attributions}
    # denials of an attribution reach the events it asserts
    for ev, _r in raw:
        for a in doc.attributions:
            if a.target and a.target in ev.asserted_by and a.stance in ("deny", "dispute") \
                    and a.id not in ev.denied_by:
                ev.denied_by.append(a.id)
    merged = _merge(raw)
    if doc.title and merged:
        _title_support(doc, config, lang, lex, actors, merged)
    out: list[Event] = []
    for ev in merged:
        for a in doc.attributions:
            if a.target and a.target in ev.asserted_by and a.stance in ("deny", "dispute") \
                    and a.id not in ev.denied_by:
                ev.denied_by.append(a.id)
        status = _status(ev, attrs)
        if status is None:
            continue
        ev.status = status  # type: ignore[assignment]
        ev.id = f"V{len(out) + 1}"
        out.append(ev)
    return out


def _merge(raw: list[tuple[Event, bool]]) -> list[Event]:
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
        ev.mentions.sort(key=lambda s: s.start)
        out.append(ev)
    out.sort(key=lambda e: e.trigger.start)
    return out


def _title_support(doc: Document, config: Config, lang: str, lex: Lexicon,
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


@register("events")
class EventStage(Stage):
    """Fills ``doc.events`` (PLOVER types, coded actors, dates, places, provenance)."""

    requires = ("nlp",)

    def process(self, doc: Document) -> Document:
        doc.events = extract_events(doc, self.config) if doc.text.strip() else []
        return doc
