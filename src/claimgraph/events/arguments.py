"""Actor, recipient and location of a trigger candidate from the dependency tree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimgraph.events.coding import actor_like, code_phrase, is_place
from claimgraph.events.syntax import (
    controller,
    nominal_controller,
    object_of,
    pp_args,
    resolve_pronoun,
    subject,
)
from claimgraph.events.tokens import IOBJ, OBJ, SUBJ, Arg, Candidate, children, dep, lem, low

if TYPE_CHECKING:
    from claimgraph.events.detector import Detector


def fallback_recipient(det: Detector, c: Candidate) -> Arg | None:
    """The nearest coded party in the event's own clause (breadth first from the trigger):
    "demanded that Hamas renounce ...", "to protest Sweden's decision", "calls by X"."""
    skip: set[int] = set(range(c.start, c.end))
    if c.actor is not None:
        span = det.sdoc.char_span(c.actor.start, c.actor.end, alignment_mode="expand")
        if span is not None:
            skip.update(range(span.start, span.end))
    roots = [t for t in (c.head, c.noun) if t is not None]
    seen = {t.i for t in roots}
    frontier = list(roots)
    for _depth in range(5):
        nxt: list[Any] = []
        for t in frontier:
            for ch in t.children:
                d = dep(ch)
                if ch.i in seen or d in ("punct", "parataxis", "cc", "appos") or \
                        (d in SUBJ and t is c.head):
                    continue
                if lem(ch) in det.lex.reporting and ch.pos_ == "VERB":
                    continue
                if d in ("advcl", "acl:relcl", "relcl") and any(
                        dep(m) == "mark" and low(m) not in det.lex.unless
                        for m in ch.children):
                    continue
                if d == "prep" and low(ch) in det.lex.skip_preps:
                    continue
                seen.add(ch.i)
                nxt.append(ch)
        hits = [t for t in nxt if t.i not in skip and (
            (t.i in det.hit_at and det.hit_at[t.i][2].kind != "capital") or
            (t.i in det.hit_at and t.pos_ == "PROPN") or
            (t.ent_type_ in ("GPE", "NORP", "ORG") and t.pos_ == "PROPN"))]
        for t in sorted(hits, key=lambda x: x.i):
            arg = code_phrase(det, t, c.actor.country if c.actor else None)
            if arg is not None and arg.country is not None and not arg.event_type and (
                    c.actor is None or arg.start != c.actor.start):
                return arg
        frontier = nxt
    return None


def _speaker_governs(det: Detector, c: Candidate, subj: Any, actor_tok: Any,
                     of_arg: Any) -> bool:
    """An event noun that is the object of a light or reporting verb whose subject differs from
    the actor read off the noun ("announced the release of X", "expressed Egypt's support")."""
    noun, head = c.noun, c.head
    if noun is None or head is noun or c.inverse or subj is None or actor_tok is None or \
            subj.i == noun.i or head.pos_ != "VERB":
        return False
    if dep(noun) not in OBJ or noun.head.i != head.i:
        return False
    lemma = lem(head)
    if lemma not in det.lex.light and lemma not in det.lex.reporting:
        return False
    return of_arg is not None or dep(actor_tok) in ("poss", "nmod:poss")


def arguments(det: Detector, c: Candidate) -> None:
    lex = det.lex
    source = lex.preps.get("source", set())
    head = c.head
    noun = c.noun
    actor_tok = None
    recip_tok = None
    own = False
    of_arg = None  # an actor read from "the release of X": the patient when a verb governs
    # nominal arguments of the event noun
    if noun is not None:
        for ch in noun.children:
            d = dep(ch)
            if d in ("poss", "nmod:poss") and ch.pos_ != "PRON":
                actor_tok, own = ch, True
            elif d in ("compound", "amod") and (ch.i in det.hit_at or "-" in ch.text):
                codes = det.actors.compound(ch.text) if "-" in ch.text else []
                if len(codes) >= 2:
                    c.actor = Arg(ch, ch.idx, ch.idx + len(ch), codes[0].canonical,
                                  code=codes[0], country=codes[0].country)
                    c.recipient = Arg(ch, ch.idx, ch.idx + len(ch), codes[1].canonical,
                                      code=codes[1], country=codes[1].country)
                    own = True
                elif ch.i in det.hit_at and actor_tok is None:
                    actor_tok, own = ch, True
            elif d == "amod" and low(ch) in det.actors.prefixes and ch.i + 2 < len(det.sdoc) \
                    and det.sdoc[ch.i + 1].text == "-" and (ch.i + 2) in det.hit_at:
                first = det.actors.prefixes[low(ch)]
                second = det.hit_at[ch.i + 2][2]
                c.actor = Arg(ch, ch.idx, ch.idx + len(ch), first.canonical, code=first,
                              country=first.country)
                nxt = det.sdoc[ch.i + 2]
                c.recipient = Arg(nxt, nxt.idx, nxt.idx + len(nxt), second.canonical,
                                  code=second, country=second.country)
                own = True
        for prep, n in pp_args(det, noun):
            if c.start <= n.i < c.end:
                continue
            if prep in lex.preps.get("between", set()):
                actor_tok, own = n, True
                conj = children(n, {"conj"}) or [x for x in children(noun, {"conj"})
                                                  if x.i > n.i]
                if conj:
                    recip_tok = conj[0]
            elif prep in source and c.type in ("FIGHT", "ASSAULT", "COERCE") and \
                    head is not noun and lem(head) in lex.light and \
                    children(head, SUBJ) and recip_tok is None and actor_like(det, n):
                # "X mounted an invasion of Y": Y undergoes what X's subject does
                recip_tok = n
            elif actor_tok is None and actor_like(det, n) and (
                    (prep in source | {"by", "par"} and not is_place(det, n)) or
                    (prep in source and (c.inverse or c.type != "RETREAT"))):
                actor_tok, own = n, True
                of_arg = n if prep in source else None
            elif prep in lex.preps.get("recipient", set()) and actor_like(det, n) and \
                    recip_tok is None and not is_place(det, n):
                recip_tok = n
    # verbal arguments
    if head.pos_ in ("VERB", "AUX", "ADJ") or head is not noun or children(head, SUBJ):
        subj, passive = subject(det, head)
        agent = [n for p, n in pp_args(det, head) if p in ("by", "par")]
        if agent and actor_tok is None:
            actor_tok, own = agent[0], True
            if not passive and dep(head) == "acl" and recip_tok is None:
                recip_tok = head.head
        if passive and lem(head) in lex.stative and not agent and subj is not None and \
                actor_tok is None:
            # "X is opposed to ...", "X was engaged in ...": a state of the subject
            actor_tok, own = subj, True
        elif passive:
            if recip_tok is None and subj is not None and subj.i != (noun.i if noun else -1):
                recip_tok = subj
        elif _speaker_governs(det, c, subj, actor_tok, of_arg):
            # "Iran announced the release of two nationals", "X reiterated Turkey's support":
            # whoever announces, orders or expresses the act does it
            if of_arg is not None and recip_tok is None:
                recip_tok = of_arg
            actor_tok, own = subj, True
        elif c.inverse:
            if subj is not None:
                recip_tok = subj
        elif subj is not None and actor_tok is None and (noun is None or subj.i != noun.i):
            actor_tok, own = subj, True
        if actor_tok is None and not c.inverse and (subj is None or passive):
            ctrl = controller(det, head)
            if ctrl is not None and (noun is None or ctrl.i != noun.i):
                actor_tok = ctrl
        if recip_tok is None:
            for o in children(head, IOBJ):
                recip_tok = o
                break
        pps = pp_args(det, head)
        obj = object_of(det, head) if head.pos_ == "VERB" else None
        if obj is not None:
            pps = pps + pp_args(det, obj)
        if noun is not None and noun is not head:
            pps = pps + pp_args(det, noun)
        for prep, n in pps:
            if n is actor_tok or n is recip_tok:
                continue
            if is_place(det, n) and (prep in lex.preps.get("location", set()) or
                                     (c.type == "RETREAT" and
                                      prep in lex.preps.get("source", set()))):
                if c.location is None and prep in lex.preps.get("location", set()):
                    c.location = code_phrase(det, n)
                elif c.type == "RETREAT" and recip_tok is None:
                    recip_tok = n
            elif recip_tok is None and (
                    (prep in lex.preps.get("recipient", set()) and actor_like(det, n)
                     and not prep.startswith("auprès")) or
                    (c.type == "RETREAT" and prep in source and
                     lem(n) in lex.anaphora_country)):
                recip_tok = n
        if recip_tok is None and head.pos_ == "VERB" and c.noun is None and \
                not c.reversed_personnel:
            for o in children(head, OBJ):
                if lem(o) in lex.claims or lex.in_class(lem(o), "personnel"):
                    continue
                owners = [x for x in o.children if dep(x) in ("poss", "nmod:poss", "amod",
                                                               "compound", "nmod")
                          and x.pos_ != "PRON" and (x.i in det.hit_at or (
                              dep(x) != "amod" and actor_like(det, x)))]
                if c.type != "AID" and actor_like(det, o) and o.pos_ != "PRON":
                    recip_tok = o
                elif owners and c.type != "AID":
                    recip_tok = owners[0]
                break
    if actor_tok is None and c.actor is None and noun is not None and not c.inverse:
        actor_tok = nominal_controller(det, noun)
    if c.demand_of is not None:
        subj, _p = subject(det, c.demand_of)
        recip_tok = subject(det, head)[0]
        actor_tok, own = subj, True
    # pronouns, and clausal subjects of a reported clause ("X said that removing Y is out of
    # the question"): the reporting verb's subject
    if actor_tok is not None and actor_tok.pos_ == "PRON":
        actor_tok = resolve_pronoun(det, actor_tok)
    elif actor_tok is not None and actor_tok.pos_ in ("VERB", "AUX"):
        actor_tok = resolve_pronoun(det, actor_tok) or actor_tok
    if recip_tok is not None and recip_tok.pos_ == "PRON":
        recip_tok = resolve_pronoun(det, recip_tok)
    if c.actor is None and actor_tok is not None:
        c.actor = code_phrase(det, actor_tok)
    c.own_actor = own and c.actor is not None
    if c.recipient is None and recip_tok is not None:
        c.recipient = code_phrase(det, recip_tok, c.actor.country if c.actor else None)
        if c.recipient is not None and c.actor is not None and \
                c.recipient.start == c.actor.start:
            c.recipient = None
    if c.location is None and c.recipient is None and noun is not None:
        # "a coup ... in Venezuela": a place anywhere under the event noun
        for t in noun.subtree:
            if t.i != noun.i and is_place(det, t) and t.i not in range(c.start, c.end):
                cases = {low(x) for x in t.children if dep(x) in ("case", "prep")}
                if dep(t.head) == "prep":
                    cases.add(low(t.head))
                if cases & lex.preps.get("location", set()):
                    c.location = code_phrase(det, t)
                    break
    if c.recipient is None and c.location is not None and c.location.code is not None and \
            c.location.code.kind in ("country", "capital"):
        loc = c.location
        c.recipient = Arg(loc.head, loc.start, loc.end, loc.text, loc.entity, loc.code,
                          loc.country, "GOV")
    # AID: origin of the goods ("Russian-made weapons") names the supplier
    if c.actor is None and c.type == "AID":
        scope = list(head.subtree) if head is not None else []
        for t in scope:
            h = det.hit_at.get(t.i)
            if h is not None and h[2].kind == "demonym" and \
                    (c.recipient is None or h[2].country != c.recipient.country):
                c.actor = Arg(t, t.idx, t.idx + len(t), h[2].canonical, code=h[2],
                              country=h[2].country, sector="GOV")
                break

