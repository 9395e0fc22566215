"""Nested reports and the last clean-up of source chains.

A statement reported inside another speaker's statement reached the reader through that
speaker: '"Les gouvernements ont démenti", a expliqué X' (the denial via X), "Selon X, Y a
déclaré que..." (Y via X), "..., indique Le Parisien" (via Le Parisien). The enclosing
statement is the innermost one whose content holds the inner cue, inside one of its
quotations or in the same sentence as its own cue; its speaker (when named) and its hops
follow the inner statement's own hops. A report that is the object of a denial ("denied a
report saying...") is no relay.

Each hop is then a named entity: unnamed relays ("une source proche", "les agences russes")
are left out, and so is the statement's own speaker.
"""

from __future__ import annotations

from claimgraph.attribution.hops import channel_hops, char_span, contact_hops, is_source
from claimgraph.attribution.statements import Cand, Ctx, Link
from claimgraph.model import Attribution, ChainLink, Span

NAMED_KINDS = ("agency", "outlet", "other")
# cue classes and stances of a statement whose content is a report it rejects
NO_RELAY_CLASSES = ("deny", "dispute")
# parser relations of a cue that depends on another cue of the same speaker (participle,
# coordinated verb, infinitive): "told Reuters, dismissing ...", "a déclaré ... et a ajouté"
DEPENDENT_CUES = ("advcl", "xcomp", "conj")


def _key(text: str | None) -> str:
    return " ".join((text or "").lower().replace("’", "'").split())


def same_name(a: str | None, b: str | None) -> bool:
    """Names agree: equal after normalising, or one (over 3 characters) inside the other."""
    x, y = _key(a), _key(b)
    return bool(x and y) and (x == y or (len(x) > 3 and x in y) or (len(y) > 3 and y in x))


def _encloser(ctx: Ctx, c: Cand, cands: list[Cand]) -> Cand | None:
    """The innermost statement whose content holds the cue of ``c``."""
    assert c.cue is not None
    i = c.cue.head
    best: Cand | None = None
    for a in cands:
        if a is c or a.cue is None or not (a.content[0] <= c.cue.start and c.cue.end <= a.content[1]):
            continue
        if a.cue.start <= i < a.cue.end or (c.content[0] <= a.cue.head < c.content[1]):
            continue  # the same cue, or each inside the other: no nesting
        if ctx.quote_of[i] < 0 and not _governs(ctx, a, c):
            continue
        if best is None or a.content[1] - a.content[0] < best.content[1] - best.content[0]:
            best = a
    return best


def _governs(ctx: Ctx, a: Cand, c: Cand) -> bool:
    """Outside quotations, ``a`` encloses ``c`` in its sentence when ``a`` is an adjunct source
    ("Selon X, Y a déclaré"), an inverted cue after ``c`` ("..., indique Le Parisien"), or
    when the cue of ``c`` depends on the cue of ``a``."""
    assert a.cue is not None and c.cue is not None
    if ctx.unit_of[c.cue.head] != ctx.unit_of[a.cue.head]:
        return False
    if a.kind == "according_to" or (a.inverted and a.cue.start > c.cue.end):
        return True
    t = ctx.doc[c.cue.head]
    for _ in range(8):
        if t.head.i == t.i:
            return False
        t = t.head
        if a.cue.start <= t.i < a.cue.end or t.i == a.cue.head:
            return True
    return False


def rejects(stance: str, evidence: str | None, inner_cue: str) -> bool:
    """The encloser rejects what it reports ("denied a report saying ...", "said there was no
    truth to a report that ..."), unless its denial is the inner statement itself ("a confié
    que Y «rejetait ...»": the content's denial is the inner cue)."""
    if stance not in NO_RELAY_CLASSES:
        return False
    ev, cue = _key(evidence), _key(inner_cue)
    return evidence == "cue" or not ev or not cue or (cue not in ev and ev not in cue)


def _speaker_link(ctx: Ctx, a: Cand) -> Link | None:
    if a.speaker is None:
        return None
    # "un porte-parole de l'armée israélienne": the organisation the unnamed speaker speaks for
    ent = a.entity or ctx.index.in_span(*a.speaker, ("ORG",))
    if ent is None or not ent.name or ent.label not in ("ORG", "PER", "MISC"):
        return None
    if _key(ent.name) in ctx.lex.unnamed_nouns:
        return None
    kind = ("agency" if ent.kind == "news_agency" else "outlet") if is_source(ent) else "other"
    return Link(name=ent.name, kind=kind, span=char_span(ctx, *a.speaker), entity=ent)


def nested_hops(ctx: Ctx, cands: list[Cand]) -> None:
    """Append to each nested statement its encloser's speaker and hops (outer ones first)."""
    order = sorted((c for c in cands if c.cue is not None),
                   key=lambda c: c.content[0] - c.content[1])  # widest first
    for c in order:
        a = _encloser(ctx, c, order)
        if a is None or a.cue_class in NO_RELAY_CLASSES or rejects(
                a.stance, a.stance_evidence, ctx.doc[c.cue.start:c.cue.end].text):
            continue
        if a.entity is not None and a.entity is c.entity:
            continue
        links = [lk for lk in [_speaker_link(ctx, a)] if lk is not None]
        links += [lk for lk in a.via if lk.kind in NAMED_KINDS and not lk.carried]
        for lk in links:
            c.via.append(Link(name=lk.name, kind=lk.kind, span=lk.span, entity=lk.entity))


def _same_speaker(a: Cand, b: Cand) -> bool:
    if a.entity is not None or b.entity is not None:
        return a.entity is b.entity
    return a.speaker is None or b.speaker is None or a.speaker == b.speaker


def shared_hops(ctx: Ctx, cands: list[Cand]) -> None:
    """A statement whose cue hangs on another statement's cue, with the same speaker, reached
    the reader the same way: "told Reuters ..., dismissing a report", "confirmed to the Post
    that ..., claiming that ...", "a déclaré à l'AFP ... et a ajouté". The dependent statement
    takes the named hops of its governor when it has none of its own."""
    by_head = {c.cue.head: c for c in cands if c.cue is not None and c.kind != "according_to"}
    for c in cands:
        if c.cue is None or c.kind == "according_to" or any(lk.kind in NAMED_KINDS for lk in c.via):
            continue
        tok = ctx.doc[c.cue.head]
        if tok.dep_ not in DEPENDENT_CUES:
            continue
        gov = by_head.get(tok.head.i)
        if gov is None and tok.head.i in ctx.cue_at:
            gov = _bare(ctx, c, tok.head.i)  # "told Reuters, dismissing ...": a cue with no content
        if gov is None or gov is c or ctx.unit_of[tok.head.i] != c.unit or not _same_speaker(c, gov):
            continue
        for lk in gov.via:
            if lk.kind in NAMED_KINDS and not lk.carried:
                c.via.append(Link(name=lk.name, kind=lk.kind, span=lk.span, entity=lk.entity))


def _bare(ctx: Ctx, c: Cand, head: int) -> Cand:
    """The statement of a cue that says nothing itself, with the hops around it."""
    cue = ctx.cue_at[head]
    gov = Cand(content=c.content, kind="indirect", stance="assert", unit=c.unit, para=c.para,
               cue=cue, speaker=c.speaker, entity=c.entity)
    lo, hi = ctx.unit_bounds(head)
    links = channel_hops(ctx, gov, lo, hi)[1] + contact_hops(ctx, gov, hi)
    gov.via = [lk for lk in links if lk.span is None or not _quoted(ctx, lk.span)]
    return gov


def _quoted(ctx: Ctx, span: tuple[int, int]) -> bool:
    """A hop inside a quotation is what the bare cue says ("dénoncé « une insulte à X »")."""
    sp = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
    return sp is not None and len(sp) > 0 and ctx.quote_of[sp[0].i] >= 0


def _named(lk: Link) -> bool:
    if lk.kind not in NAMED_KINDS:
        return lk.kind not in ("unnamed",)
    return lk.entity is not None or any(ch.isupper() for ch in lk.name)


def clean_hops(cands: list[Cand]) -> None:
    """Keep named hops only, never the statement's own speaker, each name once."""
    for c in cands:
        own = [c.speaker_name, c.entity.name if c.entity is not None else None]
        out: list[Link] = []
        for lk in c.via:
            if lk.kind in NAMED_KINDS or lk.kind == "unnamed":
                if not _named(lk) or (lk.entity is not None and lk.entity is c.entity):
                    continue
                if any(o and _key(lk.name) == _key(o) for o in own):
                    continue
                if lk.kind == "other" and any(same_name(lk.name, o) for o in own):
                    continue  # "Trump" relaying "Donald Trump": two entities of one person
                if any(same_name(lk.name, o.name) for o in out if o.kind in NAMED_KINDS):
                    continue
            out.append(lk)
        c.via = out


def _tok(ctx: Ctx, char: int) -> int | None:
    sp = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return sp[0].i if sp is not None and len(sp) else None


def _late_encloser(ctx: Ctx, d: Attribution, atts: list[Attribution]) -> Attribution | None:
    """The innermost statement whose content holds the cue of ``d`` (a statement added after
    the chains were built), inside one of its quotations or governing it in its sentence."""
    assert d.cue is not None
    i = _tok(ctx, d.cue.start)
    if i is None:
        return None
    best: Attribution | None = None
    for a in atts:
        if a is d or a.cue is None or a.kind == "according_to" or a.cue_class in NO_RELAY_CLASSES:
            continue
        if not (a.content.start <= d.cue.start and d.cue.end <= a.content.end):
            continue
        j = _tok(ctx, a.cue.start)
        if j is None or d.content.start <= a.cue.start < max(d.content.end, d.content.start + 1):
            continue
        if ctx.quote_of[i] < 0:
            if ctx.unit_of[i] != ctx.unit_of[j]:
                continue
            anc = {t.i for t in ctx.doc[i].ancestors}
            if not (a.cue.start > d.cue.end or anc & set(range(j, _tok(ctx, a.cue.end - 1) or j + 1))):
                continue
        if best is None or a.content.end - a.content.start < best.content.end - best.content.start:
            best = a
    return best


def late_hops(ctx: Ctx, atts: list[Attribution], before: list[Attribution]) -> list[Attribution]:
    """Statements added after the chains were built (bare denials: '"Il conteste", a déclaré à
    l'AFP X') take the speaker and hops of the statement they are reported in."""
    old = {id(a) for a in before}
    ents = {e.id: e for e in ctx.index.ents}
    for d in atts:
        if id(d) in old or d.cue is None or any(lk.kind != "publisher" for lk in d.via):
            continue
        a = _late_encloser(ctx, d, atts)
        if a is None or rejects(a.stance, a.stance_evidence, d.cue.text):
            continue
        links: list[ChainLink] = []
        ent = ents.get(a.speaker_entity or "")
        if a.speaker is not None and ent is not None and ent.name and ent.label in ("ORG", "PER", "MISC") \
                and _key(ent.name) not in ctx.lex.unnamed_nouns and ent.id != d.speaker_entity:
            kind = ("agency" if ent.kind == "news_agency" else "outlet") if is_source(ent) else "other"
            links.append(ChainLink(name=ent.name, entity=ent.id, kind=kind,
                                   span=Span(start=a.speaker.start, end=a.speaker.end, text=a.speaker.text)))
        links += [lk for lk in a.via if lk.kind in NAMED_KINDS and not lk.carried]
        kept: list[ChainLink] = []
        for lk in links:
            if same_name(lk.name, d.speaker_name) or any(same_name(lk.name, o.name) for o in kept):
                continue
            kept.append(lk.model_copy())
        tail = [lk for lk in d.via if lk.kind == "publisher"] or [
            lk.model_copy() for lk in a.via if lk.kind == "publisher"]
        d.via = kept + tail
    return atts
