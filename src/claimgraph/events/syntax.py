"""Dependency-tree helpers of the event rules: subjects, controllers, prepositional arguments,
objects, phrases, negation, complement paths."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimgraph.events.lexicon import Lexicon
from claimgraph.events.tokens import (
    CLAUSE_CUT,
    COMPLEMENT,
    NOMINAL_LINKS,
    OBJ,
    PASS_SUBJ,
    SUBJ,
    children,
    dep,
    lem,
    lex_classes,
    low,
)

if TYPE_CHECKING:
    from claimgraph.events.detector import Detector


def pp_args(det: Detector, tok: Any) -> list[tuple[str, Any]]:
    """(preposition, noun) pairs attached to ``tok`` (UD obl/nmod or ClearNLP prep/pobj)."""
    out: list[tuple[str, Any]] = []
    for c in tok.children:
        d = dep(c)
        if d == "prep" or (d == "agent" and c.pos_ == "ADP"):
            for g in c.children:
                if dep(g) in ("pobj", "pcomp"):
                    out.append((low(c) if d == "prep" else "by", g))
        elif d in ("obl", "obl:arg", "obl:mod", "nmod", "obl:agent", "iobj", "nmod:poss"):
            cases = [low(x) for x in c.children if dep(x) in ("case", "fixed")]
            if d == "obl:agent":
                prep = "par"
            elif cases:
                prep = " ".join(cases)
            else:
                prep = ""
            out.append((prep, c))
        elif d == "advmod" and c.pos_ == "ADV":
            for g in c.children:
                if dep(g) in ("obl:arg", "obl", "nmod"):
                    cases = [low(x) for x in g.children if dep(x) == "case"]
                    out.append((" ".join([low(c), *cases]), g))
    return out


def subject(det: Detector, verb: Any) -> tuple[Any | None, bool]:
    """The subject of ``verb`` and whether the verb is passive (then it is the patient).

    A dateline parsed as a subject ("ALGIERS, Algeria - Police have arrested ...") gives way
    to the phrase after its separator."""
    s = children(verb, SUBJ)
    if s and det.in_dateline(s[0]):
        s = [x for x in s if not det.in_dateline(x)] or after_dateline(det, s[0], verb)
    if s:
        return s[0], False
    s = children(verb, PASS_SUBJ)
    if s:
        return s[0], True
    return None, False


def controller(det: Detector, verb: Any) -> Any | None:
    """Subject of a subjectless verb: xcomp/advcl/participle take the governing subject."""
    if "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and \
            not children(verb, {"aux", "aux:tense", "aux:pass", "auxpass"}):
        return None
    if verb.tag_ == "VBN" and not children(verb, {"aux", "auxpass"}):
        return None
    cur = verb
    for _ in range(6):
        d = dep(cur)
        head = cur.head
        if head is cur:
            return None
        if d in ("xcomp", "advcl", "acl", "conj", "ccomp", "obl", "obl:arg", "nmod", "obj",
                 "dobj", "pobj", "prep", "pcomp", "acomp") or cur.pos_ in ("NOUN", "ADP"):
            s, passive = subject(det, head) if head.pos_ in ("VERB", "AUX", "ADJ") else (None, 0)
            if s is not None and not passive and s.i != verb.i:
                if d in ("acl",) and cur.pos_ == "VERB" and "Pres" not in cur.morph.get("Tense") \
                        and cur.tag_ != "VBG":
                    return None
                return s
            cur = head
            continue
        return None
    return None


def nominal_controller(det: Detector, noun: Any) -> Any | None:
    """Actor of an event noun without its own: the subject of the verb it hangs from
    ("continued their hunger strike", "were converging for a rally")."""
    cur = noun
    for _ in range(2):
        if cur.head is cur or dep(cur) not in NOMINAL_LINKS - {"nmod", "appos", "compound",
                                                               "conj"}:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            if lem(cur) in det.lex.reporting:
                return None
            subj, passive = subject(det, cur)
            if subj is not None and (not passive or lem(cur) in det.lex.stative):
                return subj if subj.i != noun.i else None
            if subj is None and dep(cur) == "xcomp":
                return controller(det, cur)
            return None
        if cur.pos_ != "ADP":
            return None
    return None


def object_of(det: Detector, tok: Any) -> Any | None:
    objs = children(tok, OBJ) or children(tok, PASS_SUBJ)
    if not objs:
        # fr "mettre fin à X", en "call off the strike": object through a preposition
        for p, n in pp_args(det, tok):
            if p in det.lex.object_preps and n.pos_ in ("NOUN", "PROPN"):
                return n
        return None
    obj = objs[0]
    if lem(obj) in lex_classes(det.lex, "quantity"):
        inner = [n for _p, n in pp_args(det, obj)]
        if inner:
            return inner[0]
    return obj


def particle(det: Detector, tok: Any) -> str | None:
    for c in tok.children:
        if dep(c) in ("prt", "compound:prt", "fixed", "obj", "dobj", "advmod"):
            key = (lem(tok), lem(c))
            if key in det.lex.verb_particles or key in det.lex.reverse_particles:
                return lem(c)
    return None


def negated(det: Detector, tok: Any) -> bool:
    neg = det.lex.negation
    for c in tok.children:
        if dep(c) == "neg" or (low(c) in neg and dep(c) in ("advmod", "det", "neg", "cc")):
            return True
    return False


def phrase_tokens(det: Detector, head: Any) -> list[Any]:
    toks = [head]
    stack = list(head.children)
    while stack:
        t = stack.pop()
        d = dep(t)
        if d in CLAUSE_CUT and not (d in ("acl:relcl", "relcl") and t.pos_ == "PROPN"):
            continue
        toks.append(t)
        stack.extend(t.children)
    return sorted(toks, key=lambda t: t.i)


def resolve_pronoun(det: Detector, tok: Any) -> Any | None:
    """A subject pronoun in a reported clause refers to the reporting verb's subject."""
    cur = tok.head
    for _ in range(4):
        if lem(cur) in det.lex.reporting or lem(cur) in det.lex.intent_verbs:
            s, _p = subject(det, cur)
            if s is not None and s.i != tok.i and s.pos_ != "PRON":
                return s
        if cur.head is cur:
            break
        cur = cur.head
    return None


def descends(tok: Any, anc: Any, lex: Lexicon, limit: int = 8) -> bool:
    """``tok`` lies under ``anc`` through complement links, not crossing a reporting verb."""
    cur = tok
    for _ in range(limit):
        if cur.head is cur:
            return False
        if dep(cur) not in COMPLEMENT or (dep(cur) == "acl" and cur.pos_ == "VERB"):
            return False
        cur = cur.head
        if cur.i == anc.i:
            return True
        if lem(cur) in lex.reporting and cur.pos_ == "VERB":
            return False
    return False



def after_dateline(det: Detector, tok: Any, verb: Any) -> list[Any]:
    """The first nominal after the dateline holding ``tok`` that hangs from the dateline or
    the verb ("THE HAGUE, Netherlands -- A United Nations [prosecutor] has charged")."""
    end = next((k for k, s in det.dateline.items() if s <= tok.i <= k), None)
    if end is None:
        return []
    for t in det.sdoc[end + 1:verb.i]:
        if t.pos_ in ("NOUN", "PROPN") and (det.in_dateline(t.head) or t.head.i == verb.i) \
                and dep(t) not in ("compound", "amod"):
            return [t]
    return []
