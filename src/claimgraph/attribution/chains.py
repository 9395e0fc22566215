"""Source chains: who relayed a statement, nearest hop first, the publisher last.

Markers come from ``chains.toml``: relay participles ("cité par Sputnik", "quoted by"),
relay cues whose speaker is an agency or outlet (", a rapporté RIA Novosti" in the same
sentence, or closing a paragraph: "..., a évoqué Sputnik"), "citing X", channels ("dans un
communiqué", "in a statement", "dans une interview à X"), and outlets a statement was made to
("a déclaré à Sputnik", "told Reuters"). A statement without a relay of its own inherits the
relays of the previous statement of the same speaker (``carried``).
"""

from __future__ import annotations

from claimgraph.attribution.entities import Ent
from claimgraph.attribution.hops import channel_hops, char_span, contact_hops, is_source
from claimgraph.attribution.nesting import clean_hops, nested_hops, shared_hops
from claimgraph.attribution.statements import Cand, Ctx, Link, np_extent

CARRY_PARAGRAPHS = 3
RELAY_KINDS = ("agency", "outlet", "unnamed", "other")


def link_kind(ctx: Ctx, ent: Ent | None, head_text: str) -> str:
    if ent is not None and ent.kind == "news_agency":
        return "agency"
    if is_source(ent):
        return "outlet"
    if head_text.lower() in ctx.lex.unnamed_nouns:
        return "unnamed"
    return "other"


def _np_link(ctx: Ctx, start: int, hi: int) -> Link | None:
    """A link for the noun phrase starting at token ``start``."""
    doc = ctx.doc
    if start >= hi:
        return None
    tok = doc[start]
    # climb to the head of the phrase
    while (
        tok.head.i != tok.i
        and start <= tok.head.i < min(hi, start + 6)
        and tok.head.pos_ in ("NOUN", "PROPN")
    ):
        tok = tok.head
    s, e = np_extent(ctx, tok, start, hi)
    ent = ctx.index.in_span(s, e, ("ORG", "PER"))
    name = ent.name if ent is not None else doc[s:e].text
    return Link(name=name, kind=link_kind(ctx, ent, tok.lower_), span=char_span(ctx, s, e), entity=ent)


def build_chains(ctx: Ctx, cands: list[Cand], publisher: str | None) -> list[Cand]:
    """Fill ``via`` of every statement; relay statements become links. Returns the survivors."""
    doc, lex = ctx.doc, ctx.lex
    participles: set[int] = set()  # ids of the links made by "cité par X": they alone carry
    by_unit: dict[int, list[Cand]] = {}
    for c in cands:
        by_unit.setdefault(c.unit, []).append(c)
    # "citing X": the participle's candidate becomes a link of its governing statement
    for c in cands:
        if c.cue is None or c.kind == "according_to":
            continue
        head = doc[c.cue.head]
        if head.lemma_.lower() in lex.citing and (head.tag_ == "VBG" or "VerbForm=Part" in str(head.morph)):
            gov = [o for o in by_unit.get(c.unit, []) if o is not c and o.cue and o.cue.head == head.head.i]
            obj = next((x for x in head.children if x.dep_ in ("obj", "dobj")), None)
            if gov and obj is not None:
                lo, hi = ctx.unit_bounds(obj.i)
                link = _np_link(ctx, obj.left_edge.i, hi)
                # citing a source relays it; citing a fact ("citing the costs") is a statement
                if link and (link.kind != "other" or link.entity is not None):
                    gov[0].via.append(link)
                    c.relayed = True
    # channels and the outlets around the cue: "dans un communiqué", "told Reuters", "à l'AFP",
    # "au micro de X", "une interview accordée à X", "des sources contactées par l'AFP"
    for c in cands:
        if c.cue is None or c.kind == "according_to" or c.relayed:
            continue
        lo, hi = ctx.unit_bounds(c.cue.head)
        channel, hops = channel_hops(ctx, c, lo, hi)
        for link in hops + contact_hops(ctx, c, hi):
            if link.entity is None or link.entity is not c.entity:
                c.via.append(link)
        if channel is not None:
            c.via.append(Link(name=ctx.doc.text[channel[0]:channel[1]], kind="statement", span=channel))
    shared_hops(ctx, cands)
    # "cité par Sputnik", "quoted by Reuters": applies to the statements of the sentence
    for t in doc:
        if t.lower_ not in lex.relay_participles or t.i + 1 >= len(doc):
            continue
        if doc[t.i + 1].lower_ not in lex.relay_agents:
            continue
        lo, hi = ctx.unit_bounds(t.i)
        link = _np_link(ctx, t.i + 2, hi)
        if link is None:
            continue
        group = by_unit.get(ctx.unit_of[t.i], [])
        if not group and t.i == lo:
            # a sentence of its own after the quotation ('"...", a-t-il dit. Cité par France-Soir.'):
            # the statements of the sentence before, in the same paragraph
            group = [c for c in by_unit.get(ctx.unit_of[t.i] - 1, []) if c.para == ctx.para_of[t.i]]
        for c in group:
            if c.cue is not None and not (c.content[0] <= t.i < c.content[1]):
                cited = Link(name=link.name, kind=link.kind, span=link.span, entity=link.entity)
                c.via.insert(0, cited)
                participles.add(id(cited))
    # a relay cue in the same sentence: '"...", a déclaré M. X, a rapporté RIA Novosti'
    for _unit, group in by_unit.items():
        if len(group) < 2:
            continue
        for r in group:
            if not is_source(r.entity) or r.cue is None or r.kind == "according_to":
                continue
            if r.cue.lemma not in lex.relay_cues:
                continue
            inner = [
                o
                for o in group
                if o is not r
                and o.cue is not None
                and o.entity is not r.entity
                and r.content[0] <= o.cue.head < r.content[1]
            ]
            if inner and r.speaker is not None:
                link = Link(
                    name=r.entity.name,  # type: ignore[union-attr]
                    kind=link_kind(ctx, r.entity, ""),
                    span=char_span(ctx, *r.speaker),
                    entity=r.entity,
                )
                for o in inner:
                    o.via.append(link)
                r.relayed = True
    # according-to phrases inside another speaker's sentence are relays of it
    for _unit, group in by_unit.items():
        for r in group:
            if r.kind != "according_to" or r.speaker is None:
                continue
            # "[...selon X], a déclaré Y": the according-to phrase is inside Y's content, not a relay
            others = [
                o for o in group if o is not r and o.kind != "according_to" and not o.relayed and o.speaker
                and (o.cue is None or r.content[0] <= o.cue.head < r.content[1]
                     or not o.content[0] <= r.speaker[0] < o.content[1])
            ]
            if others:
                ent = ctx.index.in_span(*r.speaker, ("ORG", "PER"))
                head_text = doc[r.speaker[1] - 1].lower_
                link = Link(
                    name=ent.name if ent else doc[r.speaker[0] : r.speaker[1]].text,
                    kind=link_kind(ctx, ent, head_text),
                    span=char_span(ctx, *r.speaker),
                    entity=ent,
                )
                for o in others:
                    o.via.append(link)
                r.relayed = True
    live = [c for c in cands if not c.relayed]
    # a paragraph that ends with "..., a évoqué Sputnik": Sputnik relays the paragraph
    by_para: dict[int, list[Cand]] = {}
    for c in live:
        by_para.setdefault(c.para, []).append(c)
    for group in by_para.values():
        last = max(group, key=lambda x: x.content[1])
        if not (is_source(last.entity) and last.inverted and last.speaker):
            continue
        for o in group:
            if o is last or o.entity is last.entity or o.unit == last.unit:
                continue
            if any(lk.kind in ("agency", "outlet") for lk in o.via):
                continue
            o.via.append(
                Link(
                    name=last.entity.name,  # type: ignore[union-attr]
                    kind=link_kind(ctx, last.entity, ""),
                    span=char_span(ctx, *last.speaker),
                    entity=last.entity,
                )
            )
    nested_hops(ctx, live)
    # carried relays: the next statements of the same speaker
    ordered = sorted(live, key=lambda x: x.content[0])
    for k, c in enumerate(ordered):
        if c.entity is None or any(lk.kind in RELAY_KINDS for lk in c.via):
            continue
        for p in reversed(ordered[:k]):
            if p.entity is not c.entity:
                continue
            if c.para - p.para > CARRY_PARAGRAPHS:
                break
            relays = [lk for lk in p.via if lk.kind in ("agency", "outlet")]
            if relays:
                for lk in (x for x in relays if id(x) in participles):
                    c.via.append(
                        Link(name=lk.name, kind=lk.kind, span=lk.span, entity=lk.entity, carried=True)
                    )
                break
    clean_hops(live)
    if publisher:
        for c in live:
            c.via.append(Link(name=publisher, kind="publisher", span=None))
    return live
