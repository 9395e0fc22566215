"""Rule-based event detection over a spaCy parse: one pass per sentence.

(1) trigger candidates (``triggers``); (2) arguments (``arguments``, coded by ``coding``);
(3) nested candidates are absorbed by the event that governs them ("agreed to cooperate" is
one AGREE), with promises of cooperative acts typed AGREE and promises of hostile acts THREATEN;
(4) negated and merely considered acts are dropped, modes and dates attached (``modes``).
"""

from __future__ import annotations

from typing import Any

from claimgraph.events.arguments import arguments, fallback_recipient
from claimgraph.events.coding import word_sector
from claimgraph.events.detector import Detector
from claimgraph.events.implicit import instrument_actor, place_actor
from claimgraph.events.modes import is_background, mode_of, type_by_modality
from claimgraph.events.parties import not_political
from claimgraph.events.syntax import descends
from claimgraph.events.tokens import NOMINAL_LINKS, NON_STATE_SECTORS, Arg, Candidate, dep, lem, low
from claimgraph.events.triggers import candidates
from claimgraph.lang.dates import calendar, text_dates

__all__ = ["Arg", "Candidate", "Detector", "detect_sentence"]


def _describes_thing(c: Candidate, det: Detector) -> bool:
    """A verb trigger in a participial or relative clause on a noun that names no event
    ("property seized by ...", "a helicopter that was captured ..."): background."""
    h = c.head
    if c.noun is not None or dep(h) not in ("acl", "acl:relcl", "relcl"):
        return False
    if dep(h) == "acl" and not (h.tag_ == "VBN" or "Past" in h.morph.get("Tense")):
        return False  # present participles ("..., calling for") often carry the main act
    owner = h.head
    return owner.pos_ in ("NOUN", "PROPN") and not det.lex.type_of_noun(lem(owner)) and \
        owner.i not in det.phrase_type


def _circumstantial(c: Candidate, det: Detector) -> bool:
    """The trigger sits in a clause or phrase that sets the scene of another act ("after the
    protests", "until the government provides", "at the request of"): a ``circumstance``
    conjunction or preposition on its way to the root."""
    words = det.lex.classes.get("circumstance", set())
    cur = c.noun if c.noun is not None else c.head
    for _ in range(8):
        if cur.head is cur:
            return False
        d = dep(cur)
        if d in ("advcl", "acl", "relcl", "acl:relcl") and any(
                dep(m) == "mark" and low(m) in words for m in cur.children):
            return True
        if d in ("pobj", "pcomp") and low(cur.head) in words:
            return True
        if d in ("obl", "nmod") and any(dep(m) == "case" and low(m) in words
                                        for m in cur.children):
            return True
        cur = cur.head
    return False


def _words_only(det: Detector, c: Candidate, sent: Any) -> bool:
    """An attack by a civilian or political actor in a sentence that names no weapon, harm or
    armed party: an attack in words."""
    lex = det.lex
    a = c.actor
    if a is None or a.sector in ("MIL", "REB", "COP") or (
            lex.in_class(lem(a.head), "agent") and a.entity is None and a.code is None):
        return False
    harm = lex.classes.get("harm", set()) | lex.violence_heavy | lex.violence_generic
    return not any(lem(t) in harm or low(t) in harm for t in sent if t.i != c.noun.i) and \
        not any(word_sector(det, t) in ("MIL", "REB") for t in sent)


def _nominal_argument(inner: Candidate, outer: Candidate) -> bool:
    """``inner`` is an event noun that is an argument of ``outer``'s trigger ("rejected the
    offer", "complained over the raids"): it is what the outer event is about, not a new event.
    """
    if inner.noun is None or inner.noun is outer.noun or inner.inverse:
        return False
    targets = {outer.head.i} | ({outer.noun.i} if outer.noun is not None else set())
    cur = inner.noun
    for _ in range(4):
        if dep(cur) not in NOMINAL_LINKS or cur.head is cur:
            return False
        cur = cur.head
        if cur.i in targets:
            return True
        if cur.pos_ in ("VERB", "AUX"):
            return False
    return False


def detect_sentence(det: Detector, sent: Any) -> list[Candidate]:
    """Candidates of one sentence after absorption, intent typing, negation and arguments."""
    lex = det.lex
    cands = candidates(det, sent)
    if not cands:
        return []
    used = {i for c in cands for i in c.consumed}
    cands = [c for c in cands if not any(i in used for i in range(c.start, c.end))]
    for c in cands:
        arguments(det, c)
    # absorption: an event under another event's complement is its content
    cands.sort(key=lambda c: c.head.i)
    for inner in cands:
        for outer in cands:
            if outer is inner or outer.drop or inner.drop:
                continue
            anchor = inner.noun if inner.noun is not None else inner.head
            same = inner.head.i == outer.head.i and (
                outer.demand_of is not None or (outer.noun is None and inner.noun is not None
                                                and _nominal_argument(inner, outer)))
            if not same:
                if inner.head.i == outer.head.i:
                    continue
                if not (descends(anchor, outer.head, lex) or
                        (outer.noun is not None and descends(anchor, outer.noun, lex))):
                    continue
            if not same and outer.actor is None and inner.actor is not None:
                continue  # "people were killed when X launched an attack": X's attack stands
            if outer.lemma in lex.purpose and anchor.head.i == outer.head.i and \
                    dep(anchor) in ("xcomp", "advcl"):
                # "summoned the envoy to complain": the purpose is the event, the envoy its
                # recipient
                if inner.recipient is None:
                    inner.recipient = outer.recipient
                if inner.actor is None:
                    inner.actor = outer.actor
                outer.drop = True
                inner.absorbed.append(outer)
                continue
            clausal = dep(anchor) in ("ccomp", "xcomp") and anchor.head.i == outer.head.i
            if clausal and inner.actor is not None and outer.recipient is None and (
                    outer.actor is None or inner.actor.start != outer.actor.start):
                outer.recipient = inner.actor
            argument = not clausal and any(_nominal_argument(inner, o) for o in cands
                                           if o is not inner)
            if argument and inner.actor is not None and outer.recipient is None and (
                    outer.actor is None or (inner.actor.start != outer.actor.start and
                                            inner.actor.country != outer.actor.country)):
                # "rejected a U.S. offer": whoever made the offer is the recipient
                outer.recipient = inner.actor
            if not same and not clausal and not argument and inner.own_actor and \
                    outer.actor is not None and \
                    inner.actor is not None and inner.actor.country != outer.actor.country and \
                    inner.actor.start != outer.actor.start:
                # its own actor: a separate event; an outer event noun is its recipient
                if inner.recipient is None:
                    inner.recipient = outer.actor
                continue
            inner.drop = True
            outer.absorbed.append(inner)
    live = [c for c in cands if not c.drop]
    if len(live) > 1:
        scene = [c for c in live if _circumstantial(c, det)]
        if len(scene) < len(live):
            for c in scene:
                c.drop = True  # the main act of the sentence stands, its circumstances not
            live = [c for c in live if not c.drop]
    if len(live) > 1:
        for c in live:
            if c.noun is None and _describes_thing(c, det) and any(
                    o is not c and not _describes_thing(o, det) for o in live):
                c.drop = True
        live = [c for c in live if not c.drop]
    for c in live:
        for x in c.absorbed:
            if c.recipient is None and x.recipient is not None and (
                    c.actor is None or x.recipient.country != c.actor.country):
                c.recipient = x.recipient
            if c.location is None and x.location is not None:
                c.location = x.location
        type_by_modality(det, c)
    for c in live:
        instrument_actor(det, c, live)
        place_actor(det, c)
    live = [c for c in live if not c.drop and not not_political(det, c)]
    for c in live:
        retyped = lex.nonstate_types.get(c.lemma) or lex.nonstate_types.get(lem(c.head))
        if retyped and c.type in ("COERCE", "SANCTION") and c.actor is not None and \
                c.actor.sector in NON_STATE_SECTORS:
            c.type = retyped  # "workers blocked the bridge": a protest
        if c.type == "COERCE" and c.actor is not None and lex.in_class(lem(c.head), "armed_force") \
                and (c.actor.sector == "REB" or (c.actor.sector == "MIL" and lex.in_class(
                    lem(c.actor.head), "personnel"))):
            c.type = "FIGHT"  # "fighters seized the airport": force, not a legal seizure
        if c.type == "MOBILIZE" and any(lex.in_class(lem(t), "peacekeeping")
                                        for t in c.head.subtree):
            c.type = "AID"  # "sent troops to the peacekeeping force": aid, not a show of force
        if c.recipient is None and c.actor is not None:
            c.recipient = fallback_recipient(det, c)
        if c.type in ("ASSAULT", "FIGHT") and c.noun is not None and \
                lex.in_class(lem(c.noun), "verbal_attack") and _words_only(det, c, sent):
            c.type = "DISAPPROVE"  # "the minister launched a scathing attack on the press"
        if c.type in ("ASSAULT", "FIGHT") and (c.lemma in lex.violence_generic or
                                               lem(c.head) in lex.violence_generic):
            words = {lem(t) for t in sent}
            military = c.actor is not None and c.actor.sector in ("MIL", "GOV")
            c.type = "FIGHT" if military or words & lex.violence_heavy else "ASSAULT"
        c.mode = mode_of(det, c)
        c.background = is_background(det, c)
    # dates
    hits = text_dates(sent.text, sent.start_char, calendar(lex.lang), det.base)
    for h in hits:
        span = det.sdoc.char_span(h.start, h.end, alignment_mode="expand")
        if span is None:
            continue
        cur = span.root
        for _ in range(8):
            owner = next((c for c in live if cur.i in (c.head.i, *(range(c.start, c.end)))), None)
            if owner is None and cur.pos_ == "VERB":
                owner = next((c for c in live if c.head.head.i == cur.i and
                              dep(c.head) == "xcomp"), None)
            if owner is not None:
                if owner.date is None:
                    owner.date = h
                break
            if cur.head is cur or (cur.pos_ == "VERB" and cur.i != span.root.i):
                break
            cur = cur.head
    return live

