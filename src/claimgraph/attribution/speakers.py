"""Speaker resolution: a speaker phrase -> canonical entity, name and role.

Names and role descriptions already linked by the entity step are used directly. Otherwise a
pronoun (il, elle, he, she, they) or a definite description (le diplomate, the spokesman,
l'agence) is resolved to the nearest compatible earlier speaker, then to the nearest earlier
compatible entity mention. Organisation parts ("le service de presse de Rostec") speak for the
organisation.
"""

from __future__ import annotations

from claimgraph.attribution.entities import Ent
from claimgraph.attribution.statements import Cand, Ctx

LOOKBACK_TOKENS = 250


def _head(ctx: Ctx, s: int, e: int) -> int:
    """Syntactic head of tokens [s, e)."""
    doc = ctx.doc
    for i in range(s, e):
        h = doc[i].head.i
        if h < s or h >= e or h == i:
            return i
    return s


def _nearest_entity(
    ctx: Ctx,
    before: int,
    labels: tuple[str, ...],
    kind: str | None = None,
    skip: list[tuple[int, int]] | None = None,
) -> Ent | None:
    """The nearest entity mention before ``before`` (never one inside ``skip``, the contents of
    the statements: who speaks is not someone a speaker talks about, "le décès d'Omar Bongo")."""
    idx = ctx.index
    for i in range(before - 1, max(-1, before - LOOKBACK_TOKENS), -1):
        if skip is not None and any(a <= i < b for a, b in skip):
            continue
        e = idx.tok2ent[i]
        if e >= 0:
            ent = idx.ents[e]
            if ent.label in labels and (kind is None or ent.kind == kind):
                return ent
    return None


def _apposed_name(ctx: Ctx, s: int, e: int, h: int) -> tuple[int, int] | None:
    """The name set beside the speaker's description: "Kaskar's ambassador to Valmora, Dmitar
    Kovel", "le porte-parole du Kremlin, Dmitri Peskov" (an apposition of proper nouns)."""
    doc = ctx.doc
    for ch in doc[h].children:
        if ch.dep_ == "appos" and s <= ch.i < e and ch.pos_ == "PROPN":
            a, b = max(s, ch.left_edge.i), min(e, ch.right_edge.i + 1)
            while a < b and (doc[a].is_punct or doc[a].pos_ == "DET"):
                a += 1
            return (a, b) if b > a else None
    end = e
    while end > s and doc[end - 1].is_punct:
        end -= 1
    comma = next((i for i in range(end - 1, s, -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= end or comma <= h:
        return None
    names = doc[comma + 1:end]
    if all(t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha) for t in names) and len(names) <= 4:
        return comma + 1, end
    return None


def resolve(ctx: Ctx, cands: list[Cand]) -> None:
    """Fill entity, speaker_name and role of every candidate (in text order)."""
    doc, lex, idx = ctx.doc, ctx.lex, ctx.index
    previous: list[Cand] = []
    contents = [x.content for x in cands if x.kind != "according_to"]
    for c in sorted(cands, key=lambda x: x.cue.head if x.cue else x.content[0]):
        if c.speaker is None:
            previous.append(c)
            continue
        s, e = c.speaker
        if e - s == 1 and s in ctx.antecedent:
            s, e = ctx.antecedent[s]  # "who", "qui": resolve through the antecedent
        h = _head(ctx, s, e)
        head = doc[h]
        low = head.lower_.lstrip("-").replace("t-", "")
        text = doc[s:e].text
        ent: Ent | None = None
        unnamed = False
        apposed = _apposed_name(ctx, s, e, h) if idx.tok2ent[h] < 0 else None
        if apposed is not None:
            ent = idx.in_span(*apposed, ("PER", "ORG"))
            c.entity = ent
            c.speaker_name = ent.name if ent is not None else doc[apposed[0]:apposed[1]].text
            described = doc[s:apposed[0]].text.rstrip(" ,")
            c.role = (ent.role if ent is not None and ent.role else None) or described
            previous.append(c)
            continue
        if idx.tok2ent[h] >= 0:
            ent = idx.ents[idx.tok2ent[h]]
        elif low in lex.pronouns_per or low in lex.pronouns_any or text.lower() in lex.pronouns_any:
            labels = ("PER",) if low in lex.pronouns_per else ("PER", "ORG")
            if low in lex.pronouns_org or text.lower() in lex.pronouns_org:
                labels = ("ORG",)
            for p in reversed(previous[-4:]):
                if p.entity is not None and p.entity.label in labels and c.unit - p.unit <= 4:
                    ent = p.entity
                    break
            if ent is None:
                ent = _nearest_entity(ctx, s, labels, skip=[c.content])
        else:
            words = " ".join(t.lower_ for t in doc[s:e])
            part = next((w for w in lex.org_parts if w in words), None)
            if part is not None:
                ent = idx.in_span(s, e, ("ORG", "PER"))
            if (
                ent is None
                and (head.lower_ in lex.unnamed_nouns or head.lemma_.lower() in lex.unnamed_nouns)
                and doc[s].lower_ in lex.unnamed_indefinite
            ):
                unnamed = True
            if ent is None and not unnamed:
                ent = idx.in_span(s, e, ("PER",))
                if ent is None and (head.pos_ == "PROPN" or idx.tok2ent[h] >= 0):
                    ent = idx.in_span(s, e, ("ORG", "PER"))
            if ent is None and not unnamed and doc[s].lower_ in lex.description_dets:
                role = head.lower_
                plural = "Number=Plur" in str(head.morph) and role not in lex.person_roles
                if plural and head.lemma_.lower() in lex.person_roles:
                    # "the officials", "les responsables": a group, never one named person;
                    # the same group as an earlier speaker with that head noun if any
                    for p in reversed(previous):
                        if p.speaker is not None and p.speaker_name and c.para - p.para <= 3:
                            ph = doc[_head(ctx, *p.speaker)]
                            if ph.lemma_.lower() == head.lemma_.lower() and p.entity is None:
                                c.speaker_name = p.speaker_name
                                break
                    c.entity = None
                    c.speaker_name = c.speaker_name or text
                    c.role = text
                    previous.append(c)
                    continue
                if role in lex.person_roles or head.lemma_.lower() in lex.person_roles:
                    same = [x for x in idx.ents if x.role_head == role and x.mentions[0][0] < s]
                    ent = same[-1] if same else None
                    if ent is None:
                        for p in reversed(previous[-4:]):
                            if p.entity is not None and p.entity.label == "PER" and c.unit - p.unit <= 4:
                                ent = p.entity
                                break
                    if ent is None:
                        ent = _nearest_entity(ctx, s, ("PER",), skip=contents)
                elif role in lex.org_kinds:
                    ent = _nearest_entity(ctx, s, ("ORG",), lex.org_kinds[role].get("kind"),
                                          skip=contents)
        c.entity = ent
        c.speaker_name = ent.name if ent is not None else text
        if ent is not None and ent.role:
            c.role = ent.role
        elif head.lower_ in lex.person_roles or head.lemma_.lower() in lex.person_roles:
            c.role = text
        previous.append(c)
