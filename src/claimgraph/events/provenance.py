"""Who asserts or denies an event: the innermost attribution holding its trigger, the outlet's
own voice, claims embedded in statement nouns; the event's status."""

from __future__ import annotations

from typing import Any

from claimgraph.config import Config
from claimgraph.events.actors import ActorDictionary
from claimgraph.events.confidence import features, load_weights, score
from claimgraph.events.detect import Candidate, Detector
from claimgraph.events.lexicon import Lexicon
from claimgraph.model import Attribution, Document, Event, Span


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



def status_of(ev: Event, attrs: dict[str, Attribution]) -> str | None:
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


class Builder:
    def __init__(self, doc: Document, config: Config, lex: Lexicon, actors: ActorDictionary):
        self.doc = doc
        self.config = config
        self.lex = lex
        self.actors = actors
        self.features: dict[str, float] = {}  # of the last event built

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
            modality=c.modality,
        )
        self.features = features(c, self.lex.ambiguous)
        ev.confidence = score(self.features, load_weights())
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


def cue_overlap(doc: Document, start: int, end: int) -> bool:
    # A narration's "cue" is the loaded word that frames an event ("coup d'État"), not a
    # speech verb: it must not hide that event.
    return any(a.cue is not None and a.kind != "narration" and a.cue.start < end
               and start < a.cue.end for a in doc.attributions)
