"""Trigger candidates of a sentence: multi-word phrases, verbs, verb-particle and verb-object
pairs, event nouns under light verbs, undoing verbs and nouns, "X said Y must ..."."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimgraph.events.lexicon import COOPERATIVE
from claimgraph.events.syntax import object_of, particle, pp_args
from claimgraph.events.tokens import (
    IOBJ,
    OBJ,
    SUBJ,
    Candidate,
    children,
    dep,
    hyphen_lemma,
    lem,
    lex_classes,
    low,
)

if TYPE_CHECKING:
    from claimgraph.events.detector import Detector


def candidates(det: Detector, sent: Any) -> list[Candidate]:
    lex = det.lex
    out: list[Candidate] = []
    taken: set[int] = set()
    # multi-word phrases first
    text = sent.text.lower().replace("’", "'")
    for phrase, typ in lex.phrases_longest_first():
        pos = text.find(phrase)
        while pos >= 0:
            before = text[pos - 1] if pos > 0 else " "
            after_i = pos + len(phrase)
            after = text[after_i] if after_i < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                span = sent.char_span(pos, after_i, alignment_mode="expand")
                if span is not None and not any(t.i in taken for t in span):
                    root = span.root
                    head = root.head if root.pos_ in ("NOUN", "PROPN") and \
                        root.head.pos_ in ("VERB", "AUX") and dep(root) in OBJ else root
                    out.append(Candidate(typ, span.start, span.end, head,
                                         root if root.pos_ in ("NOUN", "PROPN") else None,
                                         lemma=phrase, kind="phrase"))
                    taken.update(t.i for t in span)
                    det.phrase_type.update(dict.fromkeys((t.i for t in span), typ))
            pos = text.find(phrase, pos + 1)
    for tok in sent:
        if tok.i in taken:
            continue
        cand = token_candidate(det, tok, taken)
        if cand is not None:
            out.append(cand)
            taken.update(range(cand.start, cand.end))
            taken.update(cand.consumed)
            if cand.noun is not None:
                taken.add(cand.noun.i)
    # "X said (that) Y must ..." -> DEMAND
    for tok in sent:
        cand = must_candidate(det, tok)
        if cand is not None:
            out.append(cand)
    return out


def token_candidate(det: Detector, tok: Any, taken: set[int]) -> Candidate | None:
    lex = det.lex
    lemma = lem(tok)
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and lemma in lex.verbs
                                        and tok.tag_.startswith("VB")):
        if tok.pos_ == "AUX" and not children(tok, OBJ):
            return None
        if lemma in lex.reporting and children(tok, {"ccomp"}):
            return None
        obj = object_of(det, tok)
        if is_idiom(det, tok):
            return None
        part = particle(det, tok)
        if part is not None and (lemma, part) in lex.verb_particles:
            return Candidate(lex.verb_particles[(lemma, part)], tok.i, tok.i + 1, tok,
                             lemma=f"{lemma} {part}", kind="particle")
        for x in children(tok, {"oprd", "xcomp", "ccomp", "acomp"}):
            # "found X guilty": a verb and its predicative complement
            if x.pos_ == "ADJ" and lex.pair(lemma, lem(x)):
                return Candidate(lex.pair(lemma, lem(x)) or "", tok.i, tok.i + 1, tok,
                                 lemma=f"{lemma} {lem(x)}", consumed=(x.i,), kind="pair")
        reverse = lemma in lex.reverse_verbs or (part is not None and
                                                 (lemma, part) in lex.reverse_particles)
        if obj is not None:
            olemma = hyphen_lemma(obj)
            paired = lex.pair(lemma, olemma)
            if not paired:
                # "granted the agency permission": the pair is with the second object
                for o in children(tok, OBJ | IOBJ):
                    if o.i != obj.i and lex.pair(lemma, lem(o)):
                        obj, olemma, paired = o, lem(o), lex.pair(lemma, lem(o))
                        break
            if paired:
                return Candidate(paired, tok.i, tok.i + 1, tok, lemma=f"{lemma} {olemma}",
                                 reversed_personnel=lex.in_class(olemma, "personnel"),
                                 consumed=(obj.i,), kind="pair")
            otype = lex.type_of_noun(olemma) if obj.i not in taken else None
            if otype is None and obj.i not in taken and reverse:
                # "eased curfew hours": the undone thing is the object's modifier
                mods = [m for m in children(obj, {"compound"}) if lex.type_of_noun(lem(m))]
                if mods:
                    obj, olemma = mods[0], lem(mods[0])
                    otype = lex.type_of_noun(olemma)
            if reverse and otype is None and obj.i in det.phrase_type:
                otype = det.phrase_type[obj.i]  # "lifted a state of emergency"
            if reverse and (otype or lex.in_class(olemma, "personnel")):
                return reversed_candidate(det, tok, obj, otype, lemma)
            if otype and (lemma in lex.light or lemma in lex.inverse):
                return Candidate(otype, obj.i, obj.i + 1, tok, obj, lemma=olemma,
                                 inverse=lemma in lex.inverse, kind="light")
        if reverse and obj is None and part is None and lemma not in lex.verbs:
            return None
        if lemma in lex.transitive and obj is not None and obj.pos_ in ("NOUN", "PROPN") \
                and dep(obj) in OBJ:
            return Candidate(lex.transitive[lemma], tok.i, tok.i + 1, tok, lemma=lemma,
                             kind="verb")
        if lemma in lex.verbs:
            if lemma in lex.reporting and obj is not None and lem(obj) in lex.claims:
                return None
            return Candidate(lex.verbs[lemma], tok.i, tok.i + 1, tok, lemma=lemma, kind="verb")
        return None
    if tok.pos_ in ("NOUN", "PROPN") and tok.i not in taken:
        if lemma in lex.reverse_nouns:
            inner = [n for p, n in pp_args(det, tok) if p in lex.preps.get("source", set())]
            for n in inner:
                target = n
                if lem(n) in lex_classes(lex, "quantity"):
                    deeper = [m for _p, m in pp_args(det, n)]
                    target = deeper[0] if deeper else n
                ttype = lex.type_of_noun(lem(target))
                if ttype or lex.in_class(lem(target), "personnel"):
                    cand = reversed_candidate(det, tok, target, ttype, lemma)
                    cand.noun = tok
                    return cand
            return None
        typ = lex.nouns.get(lemma) or lex.nouns.get(low(tok))
        if typ:
            head = tok.head if dep(tok) in OBJ and tok.head.pos_ in ("VERB", "AUX") else tok
            inverse = head is not tok and lem(head) in lex.inverse
            return Candidate(typ, tok.i, tok.i + 1, head, tok, lemma=lemma, inverse=inverse, kind="noun")
    if tok.pos_ == "ADJ" and lemma in lex.intent_adjs and children(tok, {"xcomp", "ccomp",
                                                                           "obl", "obl:arg",
                                                                           "prep"}):
        return Candidate("AGREE", tok.i, tok.i + 1, tok, lemma=lemma, intent=True, kind="intent")
    return None


def reversed_candidate(det: Detector, tok: Any, obj: Any, otype: str | None, lemma: str) -> Candidate:
    """An undoing verb or noun applied to an event noun or to personnel."""
    lex = det.lex
    personnel = lex.in_class(lem(obj), "personnel")
    subj = children(tok, SUBJ)
    subj_personnel = bool(subj) and lex.in_class(lem(subj[0]), "personnel")
    if personnel or (otype in COOPERATIVE and subj_personnel):
        typ = "RETREAT"
    elif otype in COOPERATIVE:
        typ = "SANCTION"
    else:
        typ = "CONCEDE"
    return Candidate(typ, tok.i, tok.i + 1, tok, lemma=f"{lemma} {lem(obj)}",
                     reversed_personnel=personnel, consumed=(obj.i,), kind="reversed")


def must_candidate(det: Detector, tok: Any) -> Candidate | None:
    lex = det.lex
    lemma = lem(tok)
    if lemma not in lex.must:
        return None
    if dep(tok) == "aux":
        verb = tok.head
    else:
        xs = children(tok, {"xcomp"})
        if not xs:
            return None
        verb = xs[0]
    # the clause must be the complement of a reporting (or demanding) verb with a subject
    clause = tok if dep(tok) != "aux" else verb
    rep = clause.head if dep(clause) in ("ccomp", "xcomp") else None
    if rep is None or not (lem(rep) in lex.reporting or lex.verbs.get(lem(rep)) == "DEMAND"):
        return None
    if lex.verbs.get(lem(rep)) == "DEMAND":
        return None  # the demand verb is a trigger already
    return Candidate("DEMAND", tok.i, tok.i + 1, verb, lemma=lemma, demand_of=rep, kind="must")



def is_idiom(det: Detector, tok: Any) -> bool:
    """The verb and one of its dependents (or the next word) form an idiom that is no event
    ("a tiré parti de", "beat expectations")."""
    lex = det.lex
    if not lex.idioms:
        return False
    lemma = lem(tok)
    nxt = [det.sdoc[tok.i + 1]] if tok.i + 1 < len(det.sdoc) else []
    return any((lemma, lem(x)) in lex.idioms or (lemma, low(x)) in lex.idioms
               for x in (*tok.children, *nxt))
