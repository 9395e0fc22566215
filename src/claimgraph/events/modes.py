"""Modes, tense and modality of a candidate: PLOVER mode words, background (pluperfect),
conditions, "may", promises and plans."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimgraph.events.lexicon import COOPERATIVE
from claimgraph.events.syntax import negated, object_of
from claimgraph.events.tokens import Candidate, dep, lem, low

if TYPE_CHECKING:
    from claimgraph.events.detector import Detector


def mode_of(det: Detector, c: Candidate) -> str | None:
    modes = det.lex.modes.get(c.type)
    if not modes:
        return None
    # the trigger's own words first ("imposed sanctions": restrict, whatever the clause says)
    own = det.sdoc[c.start:c.end]
    trig = {lem(t) for t in own} | {low(t) for t in own} | set(c.lemma.split()) | \
        {lem(det.sdoc[i]) for i in c.consumed}
    for mode, keys in modes.items():
        if trig & keys:
            return mode
    scope: list[Any] = []
    for t in (c.head, c.noun, *(x.head for x in c.absorbed), *(x.noun for x in c.absorbed)):
        if t is None:
            continue
        scope.append(t)
        scope.extend(x for x in t.children if dep(x) not in ("nsubj", "nsubj:pass",
                                                                 "nsubjpass", "punct"))
        obj = object_of(det, t) if t.pos_ == "VERB" else None
        if obj is not None:
            scope.extend(obj.subtree)
    scope.extend(det.sdoc[c.start:c.end])
    words = {lem(t) for t in scope} | {low(t) for t in scope}
    for mode, keys in modes.items():
        if words & keys:
            return mode
    return None


def is_background(det: Detector, c: Candidate) -> bool:
    lex = det.lex
    cur = c.head
    for _ in range(6):
        for a in cur.children:
            if dep(a) in ("aux", "aux:tense") and "Imp" in a.morph.get("Tense") and \
                    lem(a) in lex.imperfect_aux:
                return True
            if dep(a) == "aux" and lem(a) in lex.past_aux and "Past" in a.morph.get("Tense"):
                return True
            if lem(a) in lex.background and dep(a) in ("advmod",):
                return True
        if cur.head is cur:
            break
        cur = cur.head
    return False


def condition(det: Detector, head: Any) -> str | None:
    """The conjunction of a conditional clause under ``head`` ("unless", "if"), if any."""
    for ch in head.children:
        if dep(ch) in ("advcl", "ccomp"):
            for m in ch.children:
                if dep(m) == "mark" and low(m) in det.lex.unless | det.lex.if_words:
                    return low(m)
    return None


def modal(det: Detector, c: Candidate) -> bool:
    """Marked as possible ("may halt", "pourrait suspendre")."""
    h = c.head
    if any(dep(a) == "aux" and lem(a) in det.lex.may for a in h.children):
        return True
    return bool(dep(h) == "xcomp" and lem(h.head) in det.lex.may)


def future(det: Detector, c: Candidate) -> bool:
    """Marked as a promise or plan: future tense, will/would, aller + infinitive."""
    lex = det.lex
    h = c.head
    if "Fut" in h.morph.get("Tense"):
        return True
    for a in h.children:
        if dep(a) in ("aux", "aux:tense") and (lem(a) in lex.intent_aux or low(a) in lex.intent_aux):
            return True
    return bool(dep(h) == "xcomp" and lem(h.head) in lex.intent_aux)



def type_by_modality(det: Detector, c: Candidate) -> None:
    """Promises become AGREE (cooperative act) or THREATEN (hostile act); a negated act is
    dropped (a negated promise of cooperation is a REJECT); acts in an "if" clause are dropped;
    a conditional act ("will withdraw ... unless") is a threat. Sets ``c.type`` / ``c.drop``."""
    before = c.type
    _type_by_modality(det, c)
    c.retyped = c.type != before


def _type_by_modality(det: Detector, c: Candidate) -> None:
    lex = det.lex
    # promises
    inner_types = [x.type for x in c.absorbed]
    if c.intent or (c.lemma in lex.intent_verbs and inner_types):
        first = c.absorbed[0] if c.absorbed else None
        if first is not None and first.type in lex.intent_object_types and \
                first.noun is not None and first.noun.head.i == c.head.i and \
                dep(first.noun) in ("obj", "dobj"):
            c.type = first.type  # "pledged his full support for X": support
        elif inner_types:
            offered = lex.in_class(c.lemma, "offer")  # one offers help, not harm
            c.type = "AGREE" if inner_types[0] in COOPERATIVE or offered else "THREATEN"
        elif c.intent:
            c.drop = True
    elif future(det, c) and c.type not in ("THREATEN", "DEMAND", "REJECT", "AGREE",
                                            "DISAPPROVE", "INVESTIGATE"):
        c.type = "AGREE" if c.type in COOPERATIVE else "THREATEN"
    elif future(det, c) and c.type == "REJECT" and c.lemma in lex.ambiguous and \
            not negated(det, c.head):
        c.type = "THREATEN"  # "will boycott the vote": a promised boycott is a threat
    # negation
    neg = negated(det, c.head) or (c.noun is not None and negated(det, c.noun))
    if not neg:
        cur = c.head
        for _ in range(4):
            if cur.head is cur or dep(cur) not in ("xcomp", "ccomp", "obj", "dobj", "nmod",
                                                   "pobj", "prep", "nsubj:pass", "nsubjpass"):
                break
            cur = cur.head
            if lem(cur) in lex.reporting:
                break
            if negated(det, cur):
                neg = True
                if lem(cur) in lex.consider:
                    c.drop = True
                break
    if neg and not c.drop:
        if future(det, c) and c.type in COOPERATIVE | {"AGREE"}:
            c.type = "REJECT"
        else:
            c.modality = "negated"  # "did not attack": kept apart, emitted only on request
            return
    if c.drop:
        return
    # hypothetical or conditional clauses are not events
    for a in c.head.children:
        if dep(a) == "mark" and low(a) in lex.if_words | lex.unless:
            c.drop = True
    if c.drop:
        return
    # "will withdraw ... unless", "may halt ... if": a conditional act is a threat
    cond = condition(det, c.head)
    if cond is not None and c.type not in ("THREATEN", "DEMAND") and (
            cond in lex.unless or ((future(det, c) or modal(det, c)) and
                                   c.type not in COOPERATIVE | {"AGREE"})):
        c.type = "THREATEN"
    if cond is not None:
        c.modality = "conditional"  # "will invade unless", "may halt if"
    elif modal(det, c):
        c.modality = "possible"  # "may halt", "pourrait suspendre"
    elif future(det, c):
        c.modality = "planned"  # "will withdraw", "va retirer"
