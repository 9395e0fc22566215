"""Statements: passive and raising cues, whose subject is not the speaker.

The agent of a passive cue ("endorsed by the union"), a passive whose subject is what is said
or the person addressed ("X was accused of lying", "X was told that ..."), and raising
constructions whose subject belongs to the content ("X seems to work", "X is expected to win").
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.statements.context import SUBJ, Ctx, _relative_pronoun, np_extent


def _passive_agent(ctx: Ctx, head: Token, hi: int) -> Token | None:
    """The agent of a passive cue with a subject ("the plan was endorsed by the union")."""
    if not any(c.dep_ in ("nsubjpass", "nsubj:pass") for c in head.children):
        return None
    for c in head.children:
        if c.dep_ == "agent" and c.i < hi:
            pobj = [k for k in c.children if k.dep_ == "pobj"]
            if pobj:
                return pobj[0]
        if c.dep_ == "obl:agent" and c.i < hi:
            return c
    return None


def _passive_target(ctx: Ctx, head: Token) -> bool:
    """A passive cue without agent whose subject is what the words are about or the person
    addressed ("X was accused of lying", "X was told that ...", "X a été informé que ..."), not
    the speaker. The subject speaks after a passive of perception or report with a verb of
    saying ("X was heard yelling that ...", "X is reported to have said ...", "X was quoted as
    saying ...") and is the holder
    of a participle that is an attitude ("protesters were frustrated that ...")."""
    if not any(c.dep_ in ("auxpass", "aux:pass") for c in head.children):
        return False
    if not any(c.dep_ in ("nsubjpass", "nsubj:pass") for c in head.children):
        return False
    if head.lower_ in ctx.lex.cue_adjectives or head.lemma_.lower() in ctx.lex.cue_adjectives:
        return False
    said = [c for c in head.children if c.dep_ == "xcomp"]
    said += [
        k for c in head.children if c.lower_ in ctx.lex.as_marks for k in c.children if k.dep_ == "pcomp"
    ]
    return not any(c.i in ctx.cue_at for c in said)


PASSIVE_COMPLEMENTS = frozenset({"obj", "dobj", "ccomp", "xcomp", "oprd", "attr", "prep", "obl"})


def _raised(ctx: Ctx, head: Token, hi: int) -> tuple[int, int] | None:
    """'X seems to work', 'X is expected to win', 'X seems unlikely', 'X was dubbed the winner',
    'it was labeled "true"': the subject is part of the content (from the subject to the end
    of the complement), not a speaker."""
    lex = ctx.lex
    subj = next((c for c in head.children if c.dep_ in SUBJ | {"nsubjpass"} and c.i < head.i), None)
    lem = head.lemma_.lower()
    raising = lem in lex.raising_verbs
    if subj is None or (_relative_pronoun(subj) and not raising) or ctx.quote_of[subj.i] >= 0:
        return None
    passive = any(c.dep_ in ("auxpass", "aux:pass") for c in head.children) and lem not in lex.addressee_cues
    if subj.pos_ == "PRON" and not raising and not (passive and subj.lower_ in lex.thing_pronouns):
        return None
    if not raising and not passive:
        return None
    if passive and _passive_agent(ctx, head, hi) is not None:
        return None
    for c in head.rights:
        if c.i >= hi:
            break
        infinitive = c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and (
            any(k.dep_ in ("aux", "mark") and k.i < c.i for k in c.children) or "VerbForm=Inf" in str(c.morph)
        )
        predicate = c.dep_ in ("acomp", "attr", "oprd", "xcomp")
        chain = [c, *(k for k in c.children if k.dep_ == "xcomp")]
        if c.dep_ in ("xcomp", "oprd") and any(k.i in ctx.cue_at for k in chain):
            return None  # "X appeared to blame Y", "X appears set to veto Y": X speaks
        # ("the attack was treated as a crime": a verb of opinion with "as")
        phrase = passive and lem in lex.as_verbs and c.dep_ in ("prep", "obl") and c.lower_ in lex.as_marks
        # ("X can seem like Y", "X may have seemed far away")
        phrase = phrase or (
            raising and c.i == head.i + 1 and (c.dep_ == "advmod" or c.lower_ in lex.raising_preps)
        )
        if infinitive or predicate or phrase:
            s, e = ctx.trim(subj.left_edge.i, min(c.right_edge.i + 1, hi))
            if e > s and ctx.quote_of[e - 1] >= 0:
                e = max(e, min(hi, ctx.quotes[ctx.quote_of[e - 1]][1]))  # (the whole quotation)
            if ctx.unit_bounds(head.i)[0] <= s and e - s >= 3:
                return s, e
    if (
        passive
        and subj.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in PASSIVE_COMPLEMENTS for c in head.children)
    ):
        # "the diagnosis was confirmed", "how profits are reported": what is confirmed
        lo = ctx.unit_bounds(head.i)[0]
        s, e = np_extent(ctx, subj, lo, head.i)
        if e > s:
            return s, e
    return None
