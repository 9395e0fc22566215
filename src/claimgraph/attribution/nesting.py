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

from claimgraph.attribution.hops import char_span, is_source
from claimgraph.attribution.statements import Cand, Ctx, Link

NAMED_KINDS = ("agency", "outlet", "other")
# cue classes and stances of a statement whose content is a report it rejects
NO_RELAY_CLASSES = ("deny", "dispute")


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
        if a is None or a.cue_class in NO_RELAY_CLASSES or a.stance in NO_RELAY_CLASSES:
            continue
        if a.entity is not None and a.entity is c.entity:
            continue
        links = [lk for lk in [_speaker_link(ctx, a)] if lk is not None]
        links += [lk for lk in a.via if lk.kind in NAMED_KINDS and not lk.carried]
        for lk in links:
            c.via.append(Link(name=lk.name, kind=lk.kind, span=lk.span, entity=lk.entity))


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
