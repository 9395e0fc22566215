"""Targets: a statement that denies or disputes another statement of the article points to it.

Candidates are earlier or later statements of other speakers that assert or report. Each is
scored by the content words (lemmas) both contents share, plus a bonus when the denial names
the candidate's speaker ("... que le Wall Street Journal avait surestimé ...") or when the
candidate is a report by a news outlet. The best speaker wins and the target is that speaker's
first matching statement (the original report rather than its restatement). A denial with no
evidence of its own follows the previous denial of the same speaker. A denial whose object is
a short demonstrative phrase ("a contesté ce chiffre", "disputed this figure") points to the
nearest earlier statement of another speaker. A counter-claim given in the same breath as a
denial ("a contesté ce chiffre, affirmant que ...", "denied the report, saying ...": a
participle hanging from the denial's cue, same speaker) disputes the same statement: it gets
that target, the cue class "dispute" and the stance deny: it contradicts what the denial
rejects (a refusal of an act, "refused to comment, saying ...", has no counter-claim).
"""

from __future__ import annotations

from claimgraph.attribution.statements import Cand, Ctx

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
NEGATIVE = frozenset({"deny"})


def _lemmas(ctx: Ctx, c: Cand) -> set[str]:
    return {
        t.lemma_.lower()
        for t in ctx.doc[c.content[0] : c.content[1]]
        if t.pos_ in CONTENT_POS and not t.is_stop and len(t.text) > 2
    }


def _held_claim(ctx: Ctx, c: Cand, t: Cand) -> bool:
    """``t`` is a noun of saying with its holder in the denial ``c`` ("disputing the union's
    claim that ...", the denial's content being "the union's claim"): the statement the
    denial answers."""
    if t.cue is None or t.speaker is None or ctx.doc[t.cue.head].pos_ != "NOUN":
        return False
    return c.content[0] <= t.speaker[0] < c.content[1]


def _anaphoric(ctx: Ctx, c: Cand) -> bool:
    """The denial's content is a short demonstrative phrase ("ce chiffre", "this figure") or
    a lone pronoun ("denied it"): it points back to what was just said."""
    toks = ctx.doc[c.content[0] : c.content[1]]
    if len(toks) == 1 and toks[0].pos_ == "PRON":
        return True  # "denied it", "nie tout"
    return 0 < len(toks) <= 4 and "Dem" in toks[0].morph.get("PronType")


def assign_targets(ctx: Ctx, cands: list[Cand]) -> dict[int, int]:
    """{index of a denying statement: index of the statement it targets} (list indices)."""
    lemmas = [_lemmas(ctx, c) for c in cands]
    out: dict[int, int] = {}
    last_by_speaker: dict[int, int] = {}
    for i, c in enumerate(cands):
        if c.stance not in NEGATIVE:
            continue
        scores: dict[object, list[tuple[float, int]]] = {}
        anaphoric = _anaphoric(ctx, c)
        for j, t in enumerate(cands):
            if i == j or t.stance in NEGATIVE or t.speaker is None:
                continue
            nested = c.content[0] <= t.content[0] < c.content[1]
            claim = _held_claim(ctx, c, t)
            if nested and not claim:
                continue  # nested in the denial itself ("réfute les informations faisant état...")
            if c.entity is not None and t.entity is c.entity:
                continue
            if t.entity is None and c.speaker_name == t.speaker_name:
                continue
            score = float(len(lemmas[i] & lemmas[j]))
            if anaphoric and j < i:
                score += 2.0 / (i - j)  # "ce chiffre": the nearest earlier statement first
            if t.entity is not None and any(
                ctx.index.tok2ent[k] == t.entity.idx for k in range(c.content[0], c.content[1])
            ):
                score += 2.0
            if claim:
                score += 3.0  # the denial's object is that very claim ("disputing X's claim that")
            if score <= 0:
                continue
            if t.cue_class == "report" or (t.entity is not None and t.entity.sector == "MED"):
                score += 0.5
            key = t.entity.idx if t.entity is not None else ("name", t.speaker_name)
            scores.setdefault(key, []).append((score, j))
        prev = last_by_speaker.get(c.entity.idx) if c.entity is not None else None
        if prev is not None and prev in out:
            # the speaker keeps disputing what it disputed before
            j = out[prev]
            t = cands[j]
            key = t.entity.idx if t.entity is not None else ("name", t.speaker_name)
            scores.setdefault(key, []).append((1.5, j))
        if scores:
            best = max(scores.values(), key=lambda v: (sum(s for s, _ in v), -min(j for _, j in v)))
            out[i] = min(j for _, j in best)
        if c.entity is not None and i in out:
            last_by_speaker[c.entity.idx] = i
    return out


def _claim_like(ctx: Ctx, c: Cand) -> bool:
    """The content says something: a clause (a finite or infinitive verb) or a quotation."""
    toks = ctx.doc[c.content[0] : c.content[1]]
    return any(ctx.quote_of[t.i] >= 0 for t in toks) or any(
        t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl") for t in toks)


def _refusal(ctx: Ctx, d: Cand) -> bool:
    """The denial refuses an act ("refused to teach", "declined to speculate", "a refusé de"):
    its content is an infinitive with a marker, not a claim."""
    toks = ctx.doc[d.content[0] : d.content[1]]
    roots = [t for t in toks if not d.content[0] <= t.head.i < d.content[1] or t.head.i == t.i]
    return any("Inf" in t.morph.get("VerbForm") and any(
        c.i < t.i and c.dep_ in ("mark", "aux") and c.pos_ in ("PART", "ADP") for c in t.children)
        for t in roots[:1])


def counter_claims(ctx: Ctx, cands: list[Cand], targets: dict[int, int]) -> None:
    """Counter-claims of a denial (in place): a participle after the denial's cue and hanging
    from it, same speaker, saying something (a clause or a quotation), denies too (cue class
    "dispute") and gets the denial's target."""
    for i, d in enumerate(cands):
        if d.stance not in NEGATIVE or d.cue is None or _refusal(ctx, d):
            continue
        j = targets.get(i)
        for k, c in enumerate(cands):
            if k in targets or c.stance != "assert" or c.cue is None or k in (j, i):
                continue
            head = ctx.doc[c.cue.head]
            participle = bool({"Part", "Ger"} & set(head.morph.get("VerbForm"))) or head.tag_ == "VBG"
            same = (c.entity is not None and c.entity is d.entity) or (
                c.entity is None and c.speaker_name is not None and c.speaker_name == d.speaker_name)
            if c.cue.head < d.cue.head or d.content[0] <= c.cue.head < d.content[1] \
                    or not _claim_like(ctx, c):
                continue  # a cue inside what is denied; a topic ("commenting on the reports")
            if same and head.head.i == d.cue.head and participle:
                if j is not None:
                    targets[k] = j
                c.cue_class, c.stance, c.stance_evidence = "dispute", "deny", "counter-claim"
