"""Narrator framing: the outlet's own evaluative sentences, attributed to the outlet.

A sentence (unit) of the article that no statement covers, and that uses a loaded or
evaluative word of ``[narration]`` in ``cues.toml`` ("coup d'État", "régime", "democratically
elected"), is the publisher's assertion, not a neutral fact. It becomes a statement of kind
"narration" whose speaker is the publishing outlet (no speaker mention in the text); the
loaded phrase is its cue and its stance evidence. Only when the publisher is known.
"""

from __future__ import annotations

from claimgraph.attribution.cues import Cue, _match
from claimgraph.attribution.statements import Cand, Ctx, Link

MIN_TOKENS = 6


def _loaded(ctx: Ctx, s: int, e: int) -> tuple[int, int] | None:
    """Token range of the first loaded phrase in ``[s, e)``."""
    words = [{t.lower_} for t in ctx.doc[s:e]]  # forms only: loaded words are exact
    for k in range(len(words)):
        for _, pattern in ctx.lex.narration:
            first = pattern[0]
            if first is not None and not (words[k] & first):
                continue
            m = _match(words, k, pattern)
            if m:
                return s + k, s + m
    return None


def narration(ctx: Ctx, cands: list[Cand], publisher: str) -> list[Cand]:
    """Statements of the outlet itself: loaded sentences that no other statement covers."""
    if not ctx.lex.narration:
        return []
    covered = [False] * len(ctx.doc)
    for c in cands:
        for i in range(*c.content):
            covered[i] = True
        if c.cue is not None:
            for i in range(c.cue.start, c.cue.end):
                covered[i] = True
    out: list[Cand] = []
    for lo, hi in ctx.units:
        s, e = ctx.trim(lo, hi)
        if e - s < MIN_TOKENS or ctx.quote_of[s] >= 0:
            continue
        if sum(covered[s:e]) * 2 > e - s:
            continue  # mostly someone else's statement
        hit = _loaded(ctx, s, e)
        if hit is None or any(covered[hit[0] : hit[1]]):
            continue
        phrase = ctx.doc[hit[0] : hit[1]].text
        out.append(
            Cand(
                content=(s, e),
                kind="narration",
                stance="assert",
                cue_class="narration",
                unit=ctx.unit_of[s],
                para=ctx.para_of[s],
                cue=Cue(head=hit[0], start=hit[0], end=hit[1], stance="narration", lemma=phrase.lower()),
                speaker_name=publisher,
                stance_evidence=phrase,
                via=[Link(name=publisher, kind="publisher", span=None)],
            )
        )
    return out
