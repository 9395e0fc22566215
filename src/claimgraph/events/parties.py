"""What may be a party of an event: an agent or a place (an entity, a name, a coded country or
organisation, or a noun phrase headed by an agent noun), never a clause, a gerund phrase or a
number. A phrase headed by a thing ("a U.S. court decision") stands for the agent that
modifies it ("U.S. court") when there is one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from claimgraph.events.tokens import ACTOR_LABELS, Arg, Candidate, children, dep, lem, low

if TYPE_CHECKING:
    from claimgraph.events.detector import Detector

#: Dependents of a thing noun that can name the agent behind it.
AGENT_MODIFIERS = {"compound", "amod", "poss", "nmod:poss", "nmod", "flat", "prep", "appos"}


def acronym(tok: Any) -> bool:
    """An all-capitals name the tagger took for a common noun ("ICE", "UNHCR")."""
    return tok.text.isupper() and tok.text.isalpha() and 2 <= len(tok.text) <= 8


def agentive(det: Detector, tok: Any) -> bool:
    """``tok`` names an agent or a place by itself (entity, dictionary, sector or class word)."""
    lex = det.lex
    if tok.i in det.hit_at or tok.ent_type_ in ACTOR_LABELS or tok.pos_ == "PROPN" or \
            acronym(tok):
        return True
    lemma, text = lem(tok), low(tok)
    if lemma in lex.anaphora_country or lex.in_class(lemma, "personnel") or \
            lex.in_class(lemma, "quantity") or lex.in_class(lemma, "agent"):
        return True
    return any(lemma in ws or text in ws for ws in lex.sectors.values())


def is_clause_or_number(tok: Any) -> bool:
    """A verb (clause, gerund phrase) or a number heads the phrase."""
    return tok.pos_ in ("VERB", "AUX", "NUM") or tok.tag_ == "VBG" or tok.like_num


def agent_modifier(det: Detector, head: Any) -> Any | None:
    """The agentive modifier of a thing noun ("the [U.S.] decision", "the decision [of Iran]")."""
    for ch in head.children:
        d = ch.dep_.lower()
        if d not in AGENT_MODIFIERS:
            continue
        if d == "prep":
            if low(ch) not in det.lex.preps.get("source", set()):
                continue
            ch = next(iter(children(ch, {"pobj"})), None)
            if ch is None:
                continue
        elif d == "nmod" and not children(ch, {"case"}) and ch.pos_ != "PROPN":
            continue
        if agentive(det, ch) and not is_clause_or_number(ch):
            return ch
    return None


def check_party(det: Detector, head: Any, arg: Arg | None) -> Arg | Any | None:
    """``arg`` when it is an agent or a place; the agentive modifier's token when the phrase is
    headed by a thing (the caller codes it); else None."""
    if arg is None or arg.event_type:
        return arg
    if is_clause_or_number(head) and head.i not in det.hit_at:
        # a reduced relative parsed as the head ("the Red Cross [operating] in Iraq")
        subj = [c for c in head.children if c.dep_.lower() in ("nsubj", "nsubj:pass")
                and c.i < head.i and agentive(det, c)]
        return subj[0] if subj and head.tag_ in ("VBG", "VBN") else None
    if head.pos_ == "NOUN" and not agentive(det, head) and arg.entity is None:
        return agent_modifier(det, head)
    return arg


#: A sports score ("3-1", "2–0"): the clause reports a result, not a political event.
SCORE = re.compile(r"^\d{1,2}\s?[-–]\s?\d{1,2}$")
ARG_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "obj", "dobj", "obl", "obl:arg",
            "agent", "iobj", "dative", "pobj", "prep", "compound", "nmod"}
UP_DEPS = {"advcl", "xcomp", "conj", "acl", "ccomp", "parataxis"}


def not_political(det: Detector, c: Candidate) -> bool:
    """The trigger's clause is about an accident, the weather, a disaster or a sports result:
    the trigger's own arguments, its parties, or the clauses it hangs from name one of the
    ``[not_events] words``, or a score is among its dependents ("beat Barcelona 3-1")."""
    words = det.lex.not_event_words
    trigger = set(range(c.start, c.end))
    seen: list[Any] = []
    for t in (c.head, c.noun):
        if t is None:
            continue
        for ch in t.children:
            if ch.i in trigger or (dep(ch) == "prep" and low(ch) in det.lex.skip_preps):
                continue
            if SCORE.match(ch.text) or _score_at(det, ch.i):
                return True
            if dep(ch) in ARG_DEPS:
                seen.append(ch)
                seen.extend(g for g in ch.children if dep(g) in ("compound", "pobj", "amod"))
    for arg in (c.actor, c.recipient):
        if arg is not None and arg.head is not None:
            seen.append(arg.head)
    cur = c.head
    for _ in range(3):
        if dep(cur) not in UP_DEPS or cur.head is cur:
            break
        cur = cur.head
        seen.append(cur)
        seen.extend(ch for ch in cur.children if dep(ch) in ("nsubj", "nsubj:pass", "nsubjpass"))
    return any(t.i not in trigger and (lem(t) in words or low(t) in words) for t in seen)


def _score_at(det: Detector, i: int) -> bool:
    """Tokens ``i``..``i+2`` read "3 - 1" (a score split by the tokenizer)."""
    sd = det.sdoc
    return i + 2 < len(sd) and sd[i].like_num and sd[i + 1].text in ("-", "–") and \
        sd[i + 2].like_num and not sd[i].whitespace_ and not sd[i + 1].whitespace_
