"""Actors the sentence leaves implicit: the agent behind an instrument subject ("a U.S.
airstrike killed ...") and the state where an agentless passive act took place ("was arrested
in Niger"), PLOVER's convention when no perpetrator is named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimgraph.events.coding import code_phrase, is_place
from claimgraph.events.syntax import pp_args, subject
from claimgraph.events.tokens import ACTOR_LABELS, Arg, Candidate, children, dep, lem

if TYPE_CHECKING:
    from claimgraph.events.detector import Detector

#: Types whose instrument may stand as the subject ("the strike killed", "the raid destroyed").
INSTRUMENT_TYPES = frozenset({"ASSAULT", "FIGHT", "COERCE"})
#: Types of acts that, in an agentless passive, were done by the state where they took place
#: ("arrested in Rwanda", "expelled from North Korea", "released in Libya").
STATE_ACT_TYPES = frozenset({"ASSAULT", "FIGHT", "COERCE", "RETREAT", "SANCTION"})


def _agent_in(det: Detector, head: Any) -> Any | None:
    """The first agent named before ``head`` in its phrase ("[U.S.] military airstrike",
    "[Taliban]-claimed car bomb", "[Saudi]-led strike")."""
    for t in head.subtree:
        if t.i >= head.i:
            break
        if t.i in det.hit_at or (t.ent_type_ in ACTOR_LABELS and t.pos_ == "PROPN"):
            return t
    return None


def _place_of(det: Detector, c: Candidate, heads: list[Any]) -> Arg | None:
    """The coded place of the act: its location, else a place under one of ``heads`` after a
    location (or, for undoing acts, a source) preposition."""
    if c.location is not None and c.location.country is not None:
        return c.location
    preps = det.lex.preps.get("location", set()) | det.lex.preps.get("source", set())
    for h in heads:
        for prep, n in pp_args(det, h):
            if prep in preps and is_place(det, n):
                arg = code_phrase(det, n)
                if arg is not None and arg.country is not None:
                    return arg
    return None


def _as_state(arg: Arg) -> Arg:
    return Arg(arg.head, arg.start, arg.end, arg.text, arg.entity, arg.code, arg.country,
               arg.sector or "GOV")


def instrument_actor(det: Detector, c: Candidate, live: list[Candidate]) -> None:
    """A violent verb whose subject is an attack noun: the agent named in that phrase (else the
    act's place) is the actor, and the noun is no second event."""
    a = c.actor
    if a is None or not a.event_type or c.type not in INSTRUMENT_TYPES or c.noun is not None:
        return
    noun = a.head
    inst = next((o for o in live if o is not c and o.noun is not None and o.noun.i == noun.i),
                None)
    if (inst.type if inst is not None else a.event_type) not in INSTRUMENT_TYPES:
        return  # "the strike [by workers] paralysed ...": no instrument of force
    own = inst if inst is not None and inst.actor is not None and \
        not inst.actor.event_type else None
    agent = _agent_in(det, noun)
    arg = own.actor if own is not None else code_phrase(det, agent) if agent is not None \
        else None
    if arg is None or arg.event_type:
        place = _place_of(det, c, [noun])
        arg = _as_state(place) if place is not None else None
    c.actor = arg
    if arg is None:
        return
    for o in live:
        if o is not c and o.noun is not None and o.noun.i == noun.i:
            o.drop = True


def _agentless_passive(det: Detector, c: Candidate) -> bool:
    h = c.head
    if c.noun is not None or h.pos_ != "VERB":
        return False
    _subj, passive = subject(det, h)
    if not passive and not (h.tag_ == "VBN" and children(h, {"auxpass", "aux:pass"})):
        return False
    return not any(p in ("by", "par") for p, _n in pp_args(det, h))


def place_actor(det: Detector, c: Candidate) -> None:
    """An agentless passive act of coercion or force: the state where it happened acts."""
    if c.actor is not None or c.type not in STATE_ACT_TYPES or not _agentless_passive(det, c):
        return
    place = _place_of(det, c, [c.head])
    if place is None or (c.recipient is not None and c.recipient.start == place.start):
        return
    if c.recipient is not None and c.recipient.country == place.country and \
            lem(c.recipient.head) in det.lex.anaphora_country:
        return
    if dep(c.head) in ("amod",):
        return
    c.actor = _as_state(place)
