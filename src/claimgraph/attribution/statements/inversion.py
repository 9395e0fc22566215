"""Statements: an inverted subject the parser took for the cue's object.

"..., rapporte RIA Novosti.", "..., disent les enquêteurs", "..., nous a expliqué la bâtonnière":
a cue verb after a comma or a closing quotation mark, with no subject of its own before it and
only a noun phrase after it up to the end of its sentence, is an incise. The noun phrase is who
speaks, the clause before the mark is what is said.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.cues import Cue
from claimgraph.attribution.statements.context import MAX_SPEAKER, SUBJ, Cand, Ctx

# tokens that may stand between the mark and the cue verb ("nous a expliqué", "l'en a accusé")
_BETWEEN_POS = frozenset({"AUX", "ADV", "PART", "PRON"})
_MARKS = frozenset({",", "»", "”", '"', "'", ")"})
_END = frozenset({".", "!", "?", ";", ":"})


def _number(tok: Token) -> str | None:
    n = tok.morph.get("Number")
    return n[0] if n else None


def _agrees(ctx: Ctx, subj: Token, verb: Token) -> bool:
    """The subject agrees in number with the finite verb (or its auxiliary), as far as the
    morphology tells ("la transcription ..., disent les enquêteurs": it does not)."""
    fin = verb if "VerbForm=Fin" in str(verb.morph) else next(
        (c for c in verb.children if c.dep_.startswith("aux") and "VerbForm=Fin" in str(c.morph)), None)
    if fin is None or any(c.dep_ == "conj" for c in subj.children):
        return True
    a, b = _number(subj), _number(fin)
    return a is None or b is None or a == b


def _someone(ctx: Ctx, tok: Token) -> bool:
    """A name, an entity, a role noun or a plural of people ("les enquêteurs", "sources")."""
    if tok.pos_ == "PROPN" or ctx.index.tok2ent[tok.i] >= 0:
        return True
    low = tok.lemma_.lower()
    lex = ctx.lex
    return low in lex.person_roles or tok.lower_ in lex.person_roles or low in lex.org_kinds or (
        _number(tok) == "Plur" and any(c.dep_ == "det" for c in tok.children))


def _object_np(ctx: Ctx, s: int, e: int) -> bool:
    """A plain noun phrase: a noun or name at its root, no verb, no quotation."""
    doc = ctx.doc
    span = doc[s:e]
    if not 1 <= e - s <= MAX_SPEAKER or span.root.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") or ctx.quote_of[t.i] >= 0 for t in span)


def inverted_object(
    ctx: Ctx, cue: Cue, speaker: tuple[int, int] | None, found: tuple[tuple[int, int], bool, bool]
) -> tuple[tuple[int, int], tuple[tuple[int, int], bool, bool]] | None:
    """(speaker, content) when the content found is an inverted subject, else None."""
    doc = ctx.doc
    (s, e), direct, _ = found
    head = doc[cue.head]
    lo, hi = ctx.unit_bounds(cue.head)
    if direct or s < cue.end or not _object_np(ctx, s, e):
        return None
    finite = "VerbForm=Fin" in str(head.morph) or head.tag_ in ("VBD", "VBZ", "VBP")
    if head.pos_ != "VERB" or not finite or not _someone(ctx, doc[s:e].root):
        return None  # (a participle or an infinitive has no inverted subject)
    if e < hi and doc[e].text not in _END:
        return None  # the noun phrase ends the sentence
    # nothing but adverbs, auxiliaries and clitics between the mark and the cue
    b = cue.start - 1
    while b >= lo and doc[b].pos_ in _BETWEEN_POS and doc[b].text not in _MARKS:
        if doc[b].pos_ == "PRON" and doc[b].dep_ in SUBJ and not doc[b].text.startswith("-"):
            return None  # "..., il a dit X": a subject of its own
        b -= 1
    if b - lo < 3 or doc[b].text not in _MARKS or doc[b].lower_ in ctx.lex.as_marks:
        return None
    if any(c.dep_ in SUBJ and c.i < s and _agrees(ctx, c, head) for c in head.children):
        return None  # a subject of its own ("X, an apposition, praised Y")
    if any(doc[k].lower_ in ctx.lex.as_marks for k in range(b - 1, cue.start)):
        return None  # ("comme l'a dit X": the content is elsewhere)
    # the clause before the mark, after a colon of a headline ("Crash de Muan: A, disent X")
    cs = lo
    for k in range(lo, b):
        if doc[k].text in (":", ";") and ctx.quote_of[k] < 0:
            cs = k + 1
    end = b + 1 if doc[b].text != "," and ctx.quote_of[b] >= 0 else b
    cs, ce = ctx.trim(cs, end)
    if ce - cs < 3 or not any(doc[k].pos_ in ("VERB", "AUX", "ADJ") for k in range(cs, ce)):
        return None
    if speaker is not None and speaker[0] < s and _agrees(ctx, ctx.doc[speaker[0]:speaker[1]].root, head):
        return None  # a speaker of its own before the cue
    return (s, e), ((cs, ce), False, True)


def quoted_as_saying(ctx: Ctx, cands: list[Cand]) -> None:
    """'la Repubblica quoted Putin as telling Barroso that Z', 'TMZ cited sources as saying Z':
    the object of the reporting verb speaks the words of the participle after "as", and the
    reporting verb relays those same words (not its object)."""
    doc = ctx.doc
    by_head = {c.cue.head: c for c in cands if c.cue is not None}
    for d in cands:
        if d.cue is None or d.cue.head - 1 < 0 or d.cue.start != d.cue.head:
            continue
        h = doc[d.cue.head]
        mark = doc[h.i - 1]
        if not _participle_form(h) or mark.lower_ not in ctx.lex.as_marks:
            continue
        verb = mark.head if mark.head.i != h.i else h.head
        c = by_head.get(verb.i)
        if c is None or c is d:
            continue
        obj = next((o for o in verb.children if o.dep_ in ("dobj", "obj") and o.i < mark.i), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        lo = ctx.unit_bounds(h.i)[0]
        s = max(lo, obj.left_edge.i)
        e = min(obj.right_edge.i + 1, mark.i)
        while e > s and doc[e - 1].is_punct:
            e -= 1
        if e <= s or e - s > MAX_SPEAKER:
            # (an apposition after the object: "sources close to the couple, known as X,")
            e = min(e, s + MAX_SPEAKER)
        k = s
        while k < e and doc[k].text != ",":
            k += 1
        d.speaker, d.inverted, d.relayed_words = (s, k), False, True
        c.content, c.kind, c.quote = d.content, d.kind, d.quote


def _participle_form(t: Token) -> bool:
    return t.tag_ == "VBG" or ("VerbForm=Part" in str(t.morph) and "Tense=Pres" in str(t.morph))
