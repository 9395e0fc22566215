"""Statements sourced by a marker rather than a cue verb.

"selon X", "d'après X", "according to X"; a document named after "in" ("in a new poll, X
leads"); the possessor of a noun of view ("in his view", "à son avis").
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.cues import Cue
from claimgraph.attribution.statements.context import SPEAKER_POS, Cand, Ctx, _subject
from claimgraph.attribution.statements.quotations import _continue_quotes


def according_to(ctx: Ctx) -> list[Cand]:
    """Statements sourced with "selon X", "d'après X", "according to X"."""
    doc, lex = ctx.doc, ctx.lex
    out: list[Cand] = []
    # markers are matched on the text, whatever the tokenizer made of them ("d'après" is
    # one token or two: "D'" "après")
    ends = {tok.idx + len(tok): tok.i for tok in doc}
    text = doc.text.lower().replace("’", "'")
    markers = sorted({" ".join(m).replace("’", "'") for m in lex.according_markers}, key=len, reverse=True)
    for t in doc:
        if ctx.quote_of[t.i] >= 0:
            continue
        for joined in markers:
            if not text.startswith(joined, t.idx) or t.idx + len(joined) not in ends:
                continue
            marker = tuple(joined.split())
            j = ends[t.idx + len(joined)] + 1
            lo, hi = ctx.unit_bounds(t.i)
            if j >= hi:
                continue
            nxt = doc[j]
            if nxt.lower_ in lex.according_never_before:
                continue
            if " ".join(marker) in lex.according_determined and not (
                nxt.pos_ in ("DET", "PROPN") or nxt.tag_ == "PRP$"
            ):
                continue  # "per year", "per student": a rate, not a source
            if nxt.lower_ in lex.according_not_before and not _source_like(ctx, j, hi):
                continue
            # a verb tag right after the marker is a noun the tagger misread ("according to
            # show insiders"), when a noun follows it
            misread = nxt.pos_ == "VERB" and j + 1 < hi and doc[j + 1].pos_ in ("NOUN", "PROPN")
            if nxt.pos_ not in SPEAKER_POS and nxt.pos_ not in ("DET", "ADJ") and not misread:
                continue
            e = j + 1 if misread else j
            while (
                e < hi
                and e < j + 10
                and not (doc[e].is_punct and doc[e].text not in ("'", "’", "-", "."))
                and doc[e].pos_ not in ("VERB", "AUX", "SCONJ")
            ):
                e += 1
            if e == j:
                continue
            speaker = ctx.trim(j, e)
            # "selon des responsables cités par le New York Times, ...": the relay phrase after
            # the source is no content (chains.py reads it as a hop)
            after = e
            if e + 1 < hi and doc[e].lower_ in lex.relay_participles | lex.hops.contact and \
                    doc[e + 1].lower_ in lex.relay_agents | lex.hops.agents:
                after = e + 2
                while after < hi and not doc[after].is_punct:
                    after += 1
            if t.i <= lo + 1:
                k = after
                while k < hi and doc[k].is_punct:
                    if ctx._quote_edge(k, 0):
                        break  # 'According to X, "A. B."': the quotation, however long
                    k += 1
                if k < hi and ctx._quote_edge(k, 0):
                    qs, qe = ctx.quotes[ctx.quote_of[k]]
                    content = (qs, _continue_quotes(ctx, qe, qe))
                else:
                    content = ctx.trim(k, hi)
                prev = lo - 1
                while prev > 0 and doc[prev].is_space:
                    prev -= 1
                if content[1] - content[0] < 3 and prev >= 0:
                    # "According to X, basically.": a fragment that sources the sentence before
                    content = ctx.trim(*ctx.unit_bounds(prev))
            elif e >= hi - 1:
                content = ctx.trim(lo, t.i)
            else:
                content = ctx.trim(lo, hi)
            if content[1] - content[0] < 3:
                continue
            out.append(_source_cand(ctx, t, content, speaker, j, " ".join(marker)))
            break
    return out


def in_source(ctx: Ctx) -> list[Cand]:
    """'In a new poll, X leads by five points', 'X did not get a bump in the latest survey':
    a document named after "in" is the source of a sentence that has no cue of its own."""
    doc, lex = ctx.doc, ctx.lex
    out: list[Cand] = []
    if not lex.in_sources:
        return out
    cue_units = {ctx.unit_of[c.head] for c in ctx.cues}
    for t in doc:
        if t.lower_ not in lex.in_markers or ctx.quote_of[t.i] >= 0 or ctx.unit_of[t.i] in cue_units:
            continue
        lo, hi = ctx.unit_bounds(t.i)
        # the source noun: the object of the preposition, a few words on
        noun = None
        for k in range(t.i + 1, min(hi, t.i + 12)):
            if (doc[k].is_punct and doc[k].text not in "-/'’") or doc[k].pos_ in ("VERB", "AUX"):
                break
            head_noun = doc[k].pos_ == "NOUN" and doc[k].dep_ != "compound"
            if head_noun and doc[k].lemma_.lower() in lex.in_sources:
                noun = k
                break
        if noun is None:
            continue
        end = noun + 1
        while end < min(hi, noun + 8) and not doc[end].is_punct and doc[end].head.i in range(t.i, end):
            end += 1
        speaker = ctx.trim(t.i + 1, end)
        if t.i <= lo + 1:
            k = end
            while k < hi and (doc[k].is_punct or doc[k].dep_ in ("acl", "advcl")):
                k = doc[k].right_edge.i + 1 if doc[k].dep_ in ("acl", "advcl") else k + 1
            content = ctx.trim(k, hi)
        else:
            # from the subject of the verb the source hangs on, past an opening phrase
            # ("Despite X, she got no bump in the poll")
            subj = _subject(ctx, t.head) if t.head.pos_ in ("VERB", "AUX") else None
            s = subj.left_edge.i if subj is not None and lo < subj.left_edge.i < t.i else lo
            content = ctx.trim(s, t.i)
        if content[1] - content[0] < 3:
            continue
        out.append(_source_cand(ctx, t, content, speaker, t.i + 1, t.lower_))
    return out


def in_view(ctx: Ctx) -> list[Cand]:
    """'In his view, X', 'X is safe in her eyes', 'à son avis, X': the possessor of a noun of
    view after "in" is the source of the rest of the sentence."""
    doc, lex = ctx.doc, ctx.lex
    out: list[Cand] = []
    if not lex.view_nouns:
        return out
    for t in doc:
        if t.lower_ not in lex.view_markers or ctx.quote_of[t.i] >= 0:
            continue
        lo, hi = ctx.unit_bounds(t.i)
        noun = next((c for c in t.children if c.dep_ in ("pobj", "obl", "nmod")), None)
        if noun is None and t.dep_ == "case" and t.head.i > t.i:
            noun = t.head  # (a case marker hangs on its noun: "à son avis")
        if noun is None or noun.i > t.i + 4:
            continue
        if noun.lemma_.lower() not in lex.view_nouns and noun.lower_ not in lex.view_nouns:
            continue
        poss = [c for c in noun.lefts if c.dep_ in ("poss", "nmod:poss") or "Poss=Yes" in str(c.morph)]
        if not poss or any(c.dep_ == "det" and "Poss=Yes" not in str(c.morph) for c in noun.lefts):
            continue
        speaker = ctx.trim(poss[0].left_edge.i, poss[-1].i + 1)
        end = noun.i + 1
        if t.i <= lo + 1:
            k = end
            while k < hi and doc[k].is_punct:
                k += 1
            content = ctx.trim(k, hi)
        elif end >= hi - 1:
            content = ctx.trim(lo, t.i)
        else:
            continue  # (mid-sentence: "the change in their views on X")
        if content[1] - content[0] < 3:
            continue
        out.append(_source_cand(ctx, t, content, speaker, end, t.lower_))
    return out


def _source_cand(
    ctx: Ctx, t: Token, content: tuple[int, int], speaker: tuple[int, int] | None, end: int, lemma: str
) -> Cand:
    """A statement sourced by a marker at ``t`` ("according to X", "in a poll", "in his view")."""
    return Cand(
        content=content,
        kind="according_to",
        stance="assert",
        cue_class="according_to",
        unit=ctx.unit_of[t.i],
        para=ctx.para_of[t.i],
        speaker=speaker,
        cue=Cue(head=t.i, start=t.i, end=end, stance="assert", lemma=lemma),
    )


def _source_like(ctx: Ctx, j: int, hi: int) -> bool:
    """After a determiner: a role, an organisation kind, a source noun or an entity."""
    lex = ctx.lex
    for k in range(j + 1, min(hi, j + 4)):
        t = ctx.doc[k]
        low = t.lower_
        if ctx.index.tok2ent[k] >= 0 and ctx.index.ents[ctx.index.tok2ent[k]].label in ("PER", "ORG"):
            return True
        if low in lex.person_roles or t.lemma_.lower() in lex.person_roles:
            return True
        if low in lex.org_kinds or low in lex.unnamed_nouns or t.lemma_.lower() in lex.unnamed_nouns:
            return True
        # a part of an organisation speaks for it ("selon le service météorologique")
        if low in lex.org_parts or t.lemma_.lower() in lex.org_parts:
            return True
        # an outlet or a document ("d'après le journal", "selon ce texte", "selon le rapport")
        if low in lex.hops.media_nouns or low in lex.in_sources or low in lex.channel_statement:
            return True
        if t.pos_ in ("NOUN", "PROPN"):
            return False
    return False
