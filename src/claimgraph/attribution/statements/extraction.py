"""Statements: the candidate statements of a document.

Runs every construction (cue verbs with their speaker and content, noun and adverb cues,
source markers, transcript turns, colon quotations, quotations standing alone after a
statement), sets negation and stance, drops repeated and nested statements and lists a claim
before the denial that answers it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.attribution.cues import Cue, content_stance, is_negated
from claimgraph.attribution.entities import EntityIndex
from claimgraph.attribution.lexicon import Lexicon
from claimgraph.attribution.polarity import denial_predicate, doubted_claim, in_dispute, negated_claim
from claimgraph.attribution.statements.content import find_content
from claimgraph.attribution.statements.context import MAX_SPEAKER, Cand, Ctx, _side_participle, stance_of
from claimgraph.attribution.statements.inversion import inverted_object, quoted_as_saying
from claimgraph.attribution.statements.nouns import adverb_cues, noun_cues
from claimgraph.attribution.statements.sources import according_to, in_source, in_view
from claimgraph.attribution.statements.speaker import find_speaker
from claimgraph.attribution.statements.turns import colon_quotes, transcript


def extract(doc: Doc, lex: Lexicon, index: EntityIndex) -> tuple[Ctx, list[Cand]]:
    """Candidate statements of a document, in text order."""
    ctx = Ctx(doc, lex, index)
    cands: list[Cand] = []
    used_quotes: set[int] = set()
    for cue in ctx.cues:
        speaker, inverted = find_speaker(ctx, cue)
        if speaker is not None and not inverted:
            speaker = _coordinated_subject(ctx, cue, speaker, cands)
        found = find_content(ctx, cue, speaker, inverted)
        if found is None:
            continue
        swapped = inverted_object(ctx, cue, speaker, found)
        if swapped is not None:
            speaker, found = swapped
        if speaker is None and found[0][0] >= cue.end:
            speaker = _subject_before_incise(ctx, cue)
        (s, e), direct, before = _whole_marks(ctx, *found[0]), found[1], found[2]
        if speaker is not None and s <= speaker[0] < e and not (s <= cue.head < e):
            if before and not direct:
                e = min(e, speaker[0])
                s, e = ctx.trim(s, e)
            if e <= s:
                continue
        qs = {ctx.quote_of[i] for i in range(s, e) if ctx.quote_of[i] >= 0}
        used_quotes |= qs
        if direct:
            kind = "direct"
        elif qs and any(ctx.quotes[q][1] - ctx.quotes[q][0] >= 1 for q in qs):
            kind = "mixed"
        else:
            kind = "indirect"
        cands.append(
            Cand(
                content=(s, e),
                kind=kind,
                stance=stance_of(cue.stance),
                cue_class=cue.stance,
                unit=ctx.unit_of[cue.head],
                para=ctx.para_of[cue.head],
                cue=cue,
                speaker=speaker,
                inverted=before,
                quote=direct,
            )
        )
    cands.extend(noun_cues(ctx))
    cands.extend(adverb_cues(ctx))
    cands.extend(according_to(ctx))
    cands.extend(in_source(ctx))
    cands.extend(in_view(ctx))
    taken = {i for c in cands for i in range(*c.content)}
    for c in transcript(ctx):
        # a transcript turn ("NAME: I want to ...") holds its own cues; a signed quotation is
        # kept out by a statement that already covers its first words
        if c.content[0] not in taken or (c.cue is not None and c.cue.lemma == ":"):
            cands.append(c)
            used_quotes |= {ctx.quote_of[i] for i in range(*c.content) if ctx.quote_of[i] >= 0}
    for c in colon_quotes(ctx, used_quotes):
        cands.append(c)
        used_quotes |= {ctx.quote_of[i] for i in range(*c.content) if ctx.quote_of[i] >= 0}
    # quotations standing alone after a statement: same speaker, no cue
    for k, (qs, qe) in enumerate(ctx.quotes):
        if k in used_quotes or qe - qs < 5 or doc[qs].text == "'":
            continue  # (a single-quoted line is a heading: 'All Bets Are Off.')
        lo, hi = ctx.unit_bounds(qs)
        if qs > lo + 1 or (hi - qe) > 2:
            continue
        prev = [c for c in cands if c.content[1] <= qs and c.speaker is not None]
        if not prev:
            continue
        last = max(prev, key=lambda c: c.content[1])
        if ctx.para_of[qs] - last.para > 1:
            continue
        cands.append(
            Cand(
                content=(qs, qe),
                kind="direct",
                stance="assert",
                unit=ctx.unit_of[qs],
                para=ctx.para_of[qs],
                cue=None,
                speaker=last.speaker,
                quote=True,
                stance_evidence=None,
            )
        )
    quoted_as_saying(ctx, cands)
    cands.sort(key=lambda c: (c.content[0], c.cue.head if c.cue else 0))
    # negation and stance from the content
    claims = [(cue.head, cue.stance) for cue in ctx.cues]
    for c in cands:
        if c.cue is not None and c.kind != "according_to":
            c.negated = is_negated(doc, c.cue.head, lex)
        if c.stance in ("assert", "estimate") or c.cue is None:
            found_stance = content_stance(doc, c.content[0], c.content[1], lex)
            if found_stance:
                c.stance, c.stance_evidence = stance_of(found_stance[0]), found_stance[1]
            elif c.stance == "assert" and (neg := negated_claim(doc, c.content[0], c.content[1], lex)) \
                    and in_dispute(doc, c.content[0], c.content[1], lex, ctx.para_of, claims):
                c.stance, c.stance_evidence = "deny", neg
            elif c.stance == "assert" and (verb := denial_predicate(doc, c.content[0], c.content[1], lex)):
                c.stance, c.stance_evidence = "deny", verb
            elif c.cue is not None and (noun := doubted_claim(doc, c.content[0], c.content[1],
                                                              doc[c.cue.head], lex)):
                c.stance, c.stance_evidence, c.cue_class = "deny", noun, "dispute"
    return ctx, claims_first(ctx, _dedupe(ctx, _drop_governed_nouns(ctx, cands)))


def _drop_governed_nouns(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """A noun of saying without a holder, the object of another statement's cue ("denied
    reports that X", "dismissed a report that X"), is what that statement is about, not a
    statement of its own."""
    doc = ctx.doc
    verbs = {c.cue.head for c in cands if c.cue is not None and doc[c.cue.head].pos_ == "VERB"}
    out = []
    for c in cands:
        noun = doc[c.cue.head] if c.cue is not None else None
        # (its object only: "amid growing concerns that ..." is a statement of its own)
        if noun is not None and c.speaker is None and noun.pos_ == "NOUN" and noun.dep_ in ("dobj", "obj") \
                and noun.head.i in verbs and noun.head.i != noun.i:
            continue
        out.append(c)
    return out


def _coordinated_subject(
    ctx: Ctx, cue: Cue, speaker: tuple[int, int], cands: list[Cand]
) -> tuple[int, int] | None:
    """'X a rejeté l'implication de Y et a appelé Z à ...' parsed as two sentences: the
    "subject" of the second verb, cut from it by "et", is the object the first cue says; the
    second verb has the first one's speaker."""
    doc = ctx.doc
    between = doc[speaker[1]:cue.start]
    if not between or between[0].pos_ != "CCONJ" or any(
            t.pos_ not in ("AUX", "ADV", "CCONJ") for t in between):
        return speaker
    prev = next((c for c in reversed(cands) if c.content[0] <= speaker[0] and speaker[1] <= c.content[1]
                 and c.cue is not None and c.cue.head < speaker[0]), None)
    return prev.speaker if prev is not None else speaker


def _subject_before_incise(ctx: Ctx, cue: Cue) -> tuple[int, int] | None:
    """'Le Washington Post, en citant des sources, avait rapporté que', 'X, le Franco-Marocain
    de 26 ans, arrêté vendredi, a déclaré que': the noun phrase before an apposition or a
    participle phrase set off by commas, which the parser left unattached to the cue."""
    doc = ctx.doc
    lo = ctx.unit_bounds(cue.head)[0]
    b = cue.start - 1
    while b >= lo and doc[b].pos_ in ("AUX", "ADV"):
        b -= 1
    if b <= lo or doc[b].text != ",":
        return None
    k = b - 1
    while k > lo and b - k < 25 and doc[k].text != ",":
        if ctx.quote_of[k] >= 0 or (doc[k].pos_ in ("VERB", "AUX") and "VerbForm=Fin" in str(doc[k].morph)):
            return None
        k -= 1
    # (more commas: an apposition and a participle, "X, le Franco-Marocain de 26 ans, arrêté ...,")
    while k > lo and doc[k].text == "," and doc[k - 1].pos_ not in ("NOUN", "PROPN", "X"):
        k2 = k - 1
        while k2 > lo and k - k2 < 15 and doc[k2].text != ",":
            if ctx.quote_of[k2] >= 0 or "VerbForm=Fin" in str(doc[k2].morph):
                return None
            k2 -= 1
        if doc[k2].text != ",":
            return None
        k = k2
    if k <= lo or doc[k].text != "," or k + 1 >= b:
        return None
    first = doc[k + 1]
    if not (first.pos_ in ("DET", "ADP", "VERB") or "VerbForm=Part" in str(first.morph)):
        return None
    tok = doc[k - 1]
    if tok.pos_ not in ("NOUN", "PROPN", "X") or ctx.quote_of[tok.i] >= 0:
        return None
    while tok.head.i != tok.i and lo <= tok.head.i < k and tok.head.pos_ in ("NOUN", "PROPN") \
            and tok.dep_ in ("flat", "flat:name", "compound", "amod", "nmod"):
        tok = tok.head
    if any(doc[i].pos_ in ("VERB", "AUX") for i in range(tok.left_edge.i, k)) and tok.left_edge.i < k:
        s0 = tok.i
    else:
        s0 = max(lo, tok.left_edge.i)
    while any(doc[i].text == "," for i in range(s0, tok.i)):
        s0 += 1  # (the noun phrase holds no comma: "Selon X, le Franco-Marocain, arrêté ...,")
    s, e = ctx.trim(s0, k)
    return (s, e) if e > s and e - s <= MAX_SPEAKER else None


def _whole_marks(ctx: Ctx, s: int, e: int) -> tuple[int, int]:
    """A content that stops inside a quotation just before its closing punctuation and mark
    ('went on about "how the system is rigged,"') takes them; likewise an opening mark."""
    doc = ctx.doc
    q = ctx.quote_of[e - 1]
    if q >= 0:
        qe = ctx.quotes[q][1]
        if e < qe <= e + 3 and all(doc[k].is_punct for k in range(e, qe)):
            e = qe
    q = ctx.quote_of[s]
    if q >= 0 and s > 0 and ctx.quotes[q][0] == s - 1 and doc[s - 1].is_punct and ctx.quotes[q][1] <= e:
        s -= 1
    return s, e


def claims_first(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """A claim held by someone inside a denial ("disputing the union's claim that ...") is
    listed before the denial that answers it: what is denied comes first."""
    out = list(cands)
    for c in cands:
        for o in cands:
            if o is not c and _denied_claim(ctx, c, o) and _inside(c, o):
                i, j = out.index(o), out.index(c)
                if j > i:
                    out.insert(i, out.pop(j))
                break
    return out


def _inside(c: Cand, o: Cand) -> bool:
    """The cue of ``c`` lies in the content of ``o``."""
    return c.cue is not None and o.content[0] <= c.cue.head < o.content[1]


def _own_subject(ctx: Ctx, c: Cand, o: Cand) -> bool:
    """The nested cue has a subject of its own in a clause coordinated with the outer content
    ('X said A, and he noted that B'; 'X said A and suggested that B')."""
    if c.cue is None or (c.speaker is None and ctx.doc[c.cue.head].tag_ != "VBG"):
        return False
    head = ctx.doc[c.cue.head]
    if o.cue is None or head.head.i != o.cue.head:
        return False
    # 'said A and suggested B'; '"A," he said, referring to X, "B."'
    return head.dep_ == "conj" or _side_participle(ctx, o.cue, head)


def _denied_claim(ctx: Ctx, c: Cand, o: Cand) -> bool:
    """A noun of saying with its own holder in what a denial rejects ("disputing the union's
    claim that ...", "conteste l'affirmation du syndicat que ..."): the claim is a statement
    of its own, the one the denial targets."""
    if c.cue is None or c.speaker is None or o.cue_class not in ("deny", "dispute"):
        return False
    return ctx.doc[c.cue.head].pos_ == "NOUN" and c.speaker[0] >= o.content[0]


def _cue_inside(c: Cand) -> bool:
    return c.cue is not None and c.content[0] <= c.cue.head < c.content[1]


def _dedupe(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """Drop repeated contents and statements nested in another statement's content.

    A cue inside the content of another statement is part of what that speaker says
    ('X said the bill would allow Y to ...', 'X said Y wants ...'): only reporting cues of the
    [nesting] list stay separate statements there ("X a rapporté que Y a démenti ...").
    """
    out: list[Cand] = []
    for c in cands:
        same = next((k for k, o in enumerate(out) if o.content == c.content
                     and not (o.relayed_words or c.relayed_words)), None)
        if same is not None:
            # 'The plan is expected to cost more, officials said': the cue outside the content
            # reports it, the one inside is part of it
            if _cue_inside(out[same]) and c.cue is not None and not _cue_inside(c):
                out[same] = c
            continue
        out.append(c)
    keep = ctx.lex.nested_cues
    drop: set[int] = set()
    for k, c in enumerate(out):
        if c.cue is None or c.kind == "according_to":
            continue
        for o in out:
            if o is c or not _inside(c, o):
                continue
            if _inside(o, c):
                # each holds the other's cue ('"A," he said, adding "B"'): keep the larger
                if (c.content[1] - c.content[0]) < (o.content[1] - o.content[0]):
                    drop.add(k)
                    break
                continue
            if c.cue.lemma not in keep and not _own_subject(ctx, c, o) and not _denied_claim(ctx, c, o):
                drop.add(k)
                break
    return [c for k, c in enumerate(out) if k not in drop]
