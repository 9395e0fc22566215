"""Statements: quotations inside and after a sentence.

Whether a quotation closes its sentence, opens in lower case and continues words before it,
or is part of a longer phrase; and the continuation of a direct quotation over the next
quotations of its paragraph that have no cue of their own ('"A," he said. "B."').
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.statements.context import DASHES, SUBJ, Ctx, _relative_pronoun


def _closes_sentence(ctx: Ctx, q: int) -> bool:
    """The quotation ends on a full stop ('... "spiraling out of control."'), not on a comma."""
    doc = ctx.doc
    qs, qe = ctx.quotes[q]
    k = qe - 1
    while k > qs and (doc[k].is_quote or ctx._quote_edge(k, 1)):
        k -= 1
    return doc[k].text in (".", "!", "?") or doc[qe - 1].text[:1] in (".", "!", "?")


def _after_quote_paragraph(ctx: Ctx, lo: int) -> bool:
    """The unit opens a paragraph that follows a paragraph ending on a quotation."""
    doc = ctx.doc
    k = lo - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or ctx.para_of[k] == ctx.para_of[lo]:
        return False
    return ctx.quote_of[k] >= 0 or (k > 0 and ctx.quote_of[k - 1] >= 0 and doc[k].is_punct)


def _opens_lower(ctx: Ctx, qs: int, qe: int) -> bool:
    """The quotation's first word is in lower case (it goes on from words before it)."""
    first = next((t for t in ctx.doc[qs:qe] if t.is_alpha), None)
    return first is not None and first.text[0].islower() and first.text != "i"


def _completes_sentence(ctx: Ctx, cstart: int, lo: int, qs: int, qe: int) -> bool:
    """A quotation after ', X said,' that opens in lower case and continues the words before the
    cue clause (unquoted, at least three words)."""
    doc = ctx.doc
    if not _opens_lower(ctx, qs, qe):
        return False
    if cstart - 1 <= lo or doc[cstart - 1].text not in DASHES:
        return False
    if any(ctx.quote_of[k] >= 0 for k in range(lo, cstart)):
        return False
    return sum(1 for t in doc[lo : cstart - 1] if t.is_alpha) >= 3


def _quote_ends_sentence(ctx: Ctx, lo: int, qs: int, qe: int, head: Token) -> bool:
    """A quotation opening in lower case after unquoted words of its sentence (at least three,
    no cue among them but in the clause the cue ``head`` reports) that it continues."""
    doc = ctx.doc
    if not _opens_lower(ctx, qs, qe):
        return False
    # ('Her plans offer X and send a message that a priority "is Y," Mr. Kamin said': "offer"
    # is in the clause "said" reports)
    reported = {t.i for c in head.children if c.dep_ == "ccomp" and c.i < head.i for t in c.subtree}
    if any((k in ctx.cue_at and k not in reported) or ctx.quote_of[k] >= 0 for k in range(lo, qs)):
        return False
    return sum(1 for t in doc[lo:qs] if t.is_alpha) >= 3 and doc[qs - 1].text not in (":", ";")


def _quote_in_phrase(ctx: Ctx, qs: int, qe: int, hi: int) -> bool:
    """A short quotation that the sentence goes on after, without punctuation: it is part of
    a longer phrase ('reveals "demoralizing" experience of ...')."""
    doc = ctx.doc
    if qe >= hi or qe - qs > 8 or doc[qe].is_punct:
        return False
    return sum(1 for t in doc[qe:hi] if t.is_alpha) >= 2


def _in_relative(tok: Token) -> bool:
    """The token is in a relative clause (or a participle clause) of a noun."""
    for _ in range(4):
        if tok.dep_ in ("relcl", "acl:relcl", "acl"):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _continue_quotes(ctx: Ctx, qe: int, after: int) -> int:
    """Extend a direct quotation over the next quotations of the paragraph that have no cue
    of their own: '"A," he said after the vote. "B."' is one statement."""
    doc = ctx.doc
    para = ctx.para_of[qe - 1]
    pos = max(qe, after)
    if ctx.quote_of[qe - 1] >= 0:
        k = ctx.quote_of[qe - 1] + 1
    else:  # an indirect content: the first quotation after it
        k = next((n for n, (a, _) in enumerate(ctx.quotes) if a >= pos), len(ctx.quotes))
    while k < len(ctx.quotes):
        qs2, qe2 = ctx.quotes[k]
        if ctx.para_of[qs2] != para or qs2 < pos:
            break
        # ('"A." She became upset ...: "B."': a quotation that closes its sentence is followed
        # by a sentence of its own)
        ended = pos == qe and ctx.quote_of[qe - 1] >= 0 and _closes_sentence(ctx, ctx.quote_of[qe - 1])
        relative = False
        for t in doc[pos:qs2]:
            # a cue of the speaker's own relative clause ("said X, who has backed Y", "said X,
            # who led the party and has backed Y") is no stop
            relative = relative or (_relative_pronoun(t) and t.i > pos)
            own = relative and not any(c.dep_ in SUBJ for c in t.children)
            # ('"A," said X, speaking of Y. "B."': a participle on the cue before the gap)
            side = _side_in_gap(ctx, t, pos, qs2)
            # ('said after X failed to show up. "B."': a cue in an adverbial clause of the cue)
            top = _top_in(t, pos, qs2)
            adverbial = (top.dep_ == "advcl" and any(m.dep_ == "mark" for m in top.children)) or (
                top.dep_ == "prep" and top.i != t.i
            )
            if t.i in ctx.cue_at and t.i != pos and not _in_relative(t) and not (own or side or adverbial):
                return qe
            if t.tag_ == "VBG" and t.head.i < pos and _introduces_next(ctx, t):
                return qe  # '"A," she said, going on to contrast B. "C."': C is what follows
            if ended and not (t.is_space or t.is_punct):
                return qe
            if t.text in (".", "!", "?"):
                ended = True
        hi = ctx.unit_bounds(qe2 - 1)[1]
        if any(i in ctx.cue_at for i in range(qs2, hi) if ctx.quote_of[i] < 0):
            break  # the next quotation has a cue of its own
        qe = pos = qe2
        k += 1
    return qe


def _side_in_gap(ctx: Ctx, t: Token, pos: int, end: int) -> bool:
    """``t`` is (or is inside) a participle clause hanging on a word before ``pos`` that ends
    its sentence before ``end`` ('"A," she said, emphasizing why knowing B is crucial. "C."')."""
    doc = ctx.doc
    for a in [t, *t.ancestors]:
        if not pos <= a.i < end:
            return False
        if a.tag_ == "VBG" and a.dep_ in ("advcl", "xcomp", "conj") and a.head.i < pos:
            if _introduces_next(ctx, a):
                return False  # "going on to contrast A. "B."": B is what the participle introduces
            return any(doc[m].text in (".", "!", "?") for m in range(a.i, end))
    return False


def _introduces_next(ctx: Ctx, t: Token) -> bool:
    """A participle that introduces the next words ('going on to', 'adding'), cue or not."""
    cue = ctx.cue_at.get(t.i)
    lemma = t.lemma_.lower()
    words = {lemma} | {f"{lemma} {c.lower_}" for c in t.children if c.dep_ == "prt"}
    return (cue is not None and cue.lemma in ctx.lex.next_words) or bool(words & ctx.lex.next_words)


def _top_in(t: Token, lo: int, hi: int) -> Token:
    """The highest ancestor of ``t`` (itself included) within ``[lo, hi)``."""
    for _ in range(30):
        if t.head.i == t.i or not lo <= t.head.i < hi:
            return t
        t = t.head
    return t
