"""Statements: the bounds of a cue clause and of an indirect content.

Where the cue clause starts (auxiliaries, the subject) and ends (an inverted subject), the
cue's own modifiers ("said Friday in a statement to reporters"), the end of an indirect content
before a trailing ", a rapporté X", and whether a sentence goes on after ", he said,".
"""

from __future__ import annotations

from claimgraph.attribution.cues import Cue
from claimgraph.attribution.statements.context import DASHES, MAX_SPEAKER, SUBJ, Ctx


def _clause_end(ctx: Ctx, cue: Cue, speaker: tuple[int, int] | None, inverted: bool) -> int:
    """First token after the cue clause (verb, adverbs, inverted subject)."""
    end = cue.end
    if speaker and inverted:
        end = max(end, speaker[1])
    return end


def _clause_start(ctx: Ctx, cue: Cue, speaker: tuple[int, int] | None, inverted: bool) -> int:
    doc = ctx.doc
    start = cue.start
    for c in doc[cue.head].lefts:
        if (
            (c.dep_ in ("aux", "aux:tense", "aux:pass", "neg", "advmod", "expl:comp", "expl:pv")
             or c.lower_ in ctx.lex.pronouns_obj)  # (an object clitic: "comme l'a dit X")
            and c.i >= start - 4
        ):
            start = min(start, c.i)
    # ('X sings before asking her, "..."', 'X chose to file in Y, where ...': a gerund after a
    # preposition or the infinitive of the main verb has the subject of another verb, and its
    # clause does not reach back over that verb; a participle after a comma does: '"A," X
    # said, suggesting B')
    h = doc[cue.head]
    other_verb = (
        speaker is not None
        and (h.dep_ == "pcomp" or (h.dep_ == "xcomp" and h.head.dep_ == "ROOT"))
        and any(doc[k].pos_ in ("VERB", "AUX") for k in range(speaker[1], start))
    )
    if speaker and not inverted and speaker[0] < start and start - speaker[1] <= 5 and not other_verb:
        start = speaker[0]
    elif (
        speaker
        and not inverted
        and speaker[0] < start
        and speaker[1] < len(doc)
        and doc[speaker[1]].text == ","
        and start - speaker[1] <= MAX_SPEAKER
        and not any(
            doc[k].pos_ in ("VERB", "AUX", "SCONJ") or ctx.quote_of[k] >= 0 for k in range(speaker[1], start)
        )
    ):
        start = speaker[0]  # "X, a top aide to the senator, said"
    while start > 0 and doc[start - 1].lower_ in ctx.lex.neg_particles:
        start -= 1
    return start


def _goes_on(ctx: Ctx, j: int, hi: int) -> bool:
    """After ", he said," the sentence goes on with a clause of its own (a finite verb that is
    no cue, not a participle): 'It was quick, he said, and nobody was hurt'."""
    doc = ctx.doc
    while j < hi and (doc[j].pos_ in ("CCONJ", "ADV") or doc[j].is_quote):
        j += 1
    if hi - j < 3 or j in ctx.cue_at:
        return False
    return any(
        (doc[k].pos_ in ("VERB", "AUX") and doc[k].tag_ not in ("VBG", "VBN")) and k not in ctx.cue_at
        for k in range(j, hi)
    ) and not any(k in ctx.cue_at for k in range(j, hi))


TAIL_DEPS = frozenset(
    {"npadvmod", "tmod", "obl:tmod", "prep", "obl", "advmod", "dative", "iobj", "agent", "prt",
     "nsubj", "nsubj:pass", "compound", "punct_in", "obl:mod", "nmod"}
)


def _tail_end(ctx: Ctx, cue: Cue, cend: int, hi: int, extra: tuple[str, ...] = ()) -> int:
    """First token after the cue's own modifiers ("said Friday in a statement to reporters");
    ``extra``: more dependency labels that belong to the cue ("told CBS")."""
    doc = ctx.doc
    j = cend
    while j < hi and not doc[j].is_punct:
        t = doc[j]
        while t.head.i != cue.head and t.head.i != t.i and cend <= t.head.i < hi:
            t = t.head
        if t.head.i != cue.head or (t.dep_ not in TAIL_DEPS and t.dep_ not in extra):
            break
        j += 1
    return j


def _content_end(ctx: Ctx, start: int, hi: int) -> int:
    """End of an indirect content: the unit end, or before a trailing ", a rapporté X"."""
    doc = ctx.doc
    for c in ctx.cues:
        if start < c.head < hi and doc[c.head].dep_ in ("parataxis", "ROOT", "advcl", "conj", "xcomp"):
            k = c.start
            while k > start and (doc[k - 1].pos_ in ("AUX", "ADV", "PART") or doc[k - 1].dep_ in SUBJ):
                k = doc[k - 1].left_edge.i if doc[k - 1].dep_ in SUBJ else k - 1
            k = max(k, start)
            # ('... because "A," she said': the quotation ends the content, marks included)
            quoted = k - 1 > start and ctx._quote_edge(k - 1, 1) and doc[k - 2].text in DASHES
            if k > start and (doc[k - 1].text in DASHES or quoted):
                tail = doc[c.end : hi]
                head = doc[c.head]
                participle = head.tag_ == "VBG" or (
                    "VerbForm=Part" in str(head.morph) and "Tense=Pres" in str(head.morph)
                )
                if len(tail) <= 6 or participle:
                    return k if quoted else ctx.trim(start, k - 1)[1]
    return ctx.trim(start, hi)[1]
