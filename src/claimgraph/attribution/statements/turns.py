"""Statements without a cue verb: quoted or named turns.

Transcript lines ("NAME: text"), quotations signed with a dash ('"..." ― Jane Doe'),
headlines that name a person before a quoted line ('Senator X: "..."') and quotations
announced by a clause ending in a colon or set off by dashes.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.cues import Cue
from claimgraph.attribution.statements.context import Cand, Ctx, _subject, np_extent
from claimgraph.attribution.statements.passive import _passive_agent
from claimgraph.attribution.statements.quotations import _continue_quotes


def _name_word(t: Token) -> bool:
    """A word of a name heading a transcript line: capitalised ("Sen. Mary Hollis", "PENCE")."""
    return (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ")) or (
        t.text in (".", "-") and t.i > 0 and t.nbor(-1).text[:1].isupper()
    )


def _signed_quote(ctx: Ctx, lo: int, para: int) -> Cand | None:
    """A paragraph that is a quotation signed with a dash: '"...." ― Jane Doe'."""
    doc = ctx.doc
    q = ctx.quote_of[lo]
    if q < 0 or ctx.quotes[q][0] != lo:
        return None
    qs, qe = ctx.quotes[q]

    def skip_space(k: int) -> int:  # (a no-break space is a token of its own: '”\xa0― Name')
        while k < len(doc) and doc[k].is_space and "\n" not in doc[k].text:
            k += 1
        return k

    signs = ("―", "—", "–", "-", "--")
    glued = len(doc[qe - 1].text) > 1 and doc[qe - 1].text[-1] in "―—–"  # '”―' as one token
    dash = qe - 1 if glued else skip_space(qe)
    if not glued and (dash >= len(doc) or ctx.para_of[dash] != para or doc[dash].text not in signs):
        return None
    first = skip_space(dash + 1)
    end = first
    while end < len(doc) and ctx.para_of[end] == para and not doc[end].is_space:
        end += 1
    name = ctx.trim(first, end)
    if not 1 <= end - first <= 6 or name[1] <= name[0]:
        return None
    if not all(_name_word(t) or t.pos_ == "PROPN" for t in doc[first:end]):
        return None
    return Cand(
        content=(qs, qe),
        kind="direct",
        stance="assert",
        cue_class="assert",
        unit=ctx.unit_of[qs],
        para=para,
        cue=Cue(head=dash, start=dash, end=dash + 1, stance="assert", lemma=doc[dash].text),
        speaker=name,
        quote=True,
    )


def _headline_quote(ctx: Ctx, s: int, hi: int, para: int) -> Cand | None:
    """'Senator Hammers Bank Chief: "You Should Resign."': a short line naming a person, a
    colon, then a quotation: that person speaks it."""
    doc = ctx.doc
    colon = next((k for k in range(s, min(hi, s + 12)) if doc[k].text == ":"), None)
    if colon is None or colon + 1 >= hi:
        return None
    q = ctx.quote_of[colon + 1]
    if q < 0 or ctx.quotes[q][0] != colon + 1:
        return None
    end = ctx.quotes[q][1]
    if any(t.is_alpha for t in doc[end:hi]):
        return None
    for k in range(s, colon):
        e = ctx.index.tok2ent[k]
        if e >= 0 and ctx.index.ents[e].label == "PER":
            m = k
            while m < colon and ctx.index.tok2ent[m] == e:
                m += 1
            return _colon_turn(ctx, (colon + 1, end), s, para, colon, (k, m))
    return None


def _colon_turn(ctx: Ctx, content: tuple[int, int], at: int, para: int, colon: int,
                speaker: tuple[int, int]) -> Cand:
    """A direct statement introduced by "NAME:" (transcripts, signed lines)."""
    return Cand(content=content, kind="direct", stance="assert", cue_class="assert",
                unit=ctx.unit_of[at], para=para,
                cue=Cue(head=colon, start=colon, end=colon + 1, stance="assert", lemma=":"),
                speaker=speaker, quote=True)


def _transcript_turn_end(ctx: Ctx, end: int, mark: str) -> int:
    """A quoted transcript ('"NAME: ...' paragraphs) goes on over the next paragraphs that open
    with the same mark and no 'NAME:' of their own."""
    doc = ctx.doc
    while True:
        k = end
        while k < len(doc) and doc[k].is_space:
            k += 1
        if k >= len(doc) or doc[k].text != mark:
            return end
        m = k + 1
        while m < len(doc) and m < k + 6 and _name_word(doc[m]):
            m += 1
        if m < len(doc) and m > k + 1 and doc[m].text == ":":
            return end
        para = ctx.para_of[k]
        nxt = k
        while nxt < len(doc) and ctx.para_of[nxt] == para and "\n" not in doc[nxt].text:
            nxt += 1
        if nxt == k + 1:
            return end
        end = nxt


def transcript(ctx: Ctx) -> list[Cand]:
    """'NAME: text' paragraphs (interviews, headlines): the name speaks the rest."""
    doc = ctx.doc
    out: list[Cand] = []
    seen: set[int] = set()
    for lo, hi in ctx.units:
        para = ctx.para_of[lo]
        if para in seen:
            continue
        seen.add(para)
        s = lo
        while s < hi and (doc[s].is_quote or doc[s].is_punct):
            s += 1
        signed = _signed_quote(ctx, lo, para)
        if signed is not None:
            out.append(signed)
            continue
        j = s
        while j < hi and j < s + 5 and _name_word(doc[j]):
            j += 1
        if j == s or j >= hi or doc[j].text not in (":", "―", "—", "–"):
            head = _headline_quote(ctx, s, hi, para)
            if head is not None:
                out.append(head)
            continue
        if doc[s:j].text.lower() in ctx.lex.line_labels:
            continue  # "Correction: ...", "Video: ..."
        if doc[j].text != ":" and not (j + 1 < len(doc) and doc[j + 1].is_quote):
            continue  # 'Name ― "quote"' (a list of reactions); a dash before a plain clause is a dateline
        if doc[j].text != ":" and all(t.pos_ != "PROPN" for t in doc[s:j]) and not doc[s:j].text.isupper():
            continue
        end = hi
        while end < len(doc) and ctx.para_of[end] == para:
            end += 1
        if s > lo and doc[lo].is_quote:
            end = _transcript_turn_end(ctx, end, doc[lo].text)
        content = ctx.trim(j + 1, end)
        if content[1] - content[0] < 3 or _rubric(ctx, s, j, hi):
            continue
        out.append(_colon_turn(ctx, content, lo, para, j, (s, j)))
    return out


def _rubric(ctx: Ctx, s: int, colon: int, hi: int) -> bool:
    """'Lyon : l'avocat du maire conteste ...': a place, or a label before a clause whose own
    cue has its own subject, is a rubric or a dateline, not a speaker."""
    doc = ctx.doc
    ents = {ctx.index.tok2ent[k] for k in range(s, colon)}
    if ents and all(e >= 0 and ctx.index.ents[e].label == "LOC" for e in ents):
        return True
    for h in range(colon + 1, hi):
        if h in ctx.cue_at and doc[h].pos_ in ("VERB", "AUX"):
            subj = _subject(ctx, doc[h])
            if subj is not None and colon < subj.i < h:
                return True
    return False


def colon_quotes(ctx: Ctx, used: set[int]) -> list[Cand]:
    """A quotation announced by a clause ending in a colon, in the same paragraph or opening
    the next ('The piece used her words as its headline: "..."', 'I had to change my answer:
    "..."', 'Sanders made the following comment:' + a quoted paragraph): the subject of that
    clause (or the person it names) speaks it."""
    doc = ctx.doc
    out: list[Cand] = []
    for k, (qs, qe) in enumerate(ctx.quotes):
        if k in used:
            continue
        c = qs - 1
        while c >= 0 and doc[c].is_space:
            c -= 1
        if c < 1 or ctx.para_of[qs] - ctx.para_of[c] > 1:
            continue
        # (or set off by dashes: 'treating the remark as a compliment -- "That makes me smart" --')
        dashed = doc[c].text in ("--", "—", "–") and qe < len(doc) and doc[qe].text == doc[c].text
        if doc[c].text != ":" and not dashed:
            continue
        lo = ctx.unit_bounds(c)[0]
        if ctx.quote_of[c - 1] >= 0 or sum(1 for t in doc[lo:c] if t.is_alpha) < 3:
            continue
        # the verb of the clause just before the colon that has a subject ("that I had to change
        # my answer:"), or the top of the phrase
        root = doc[c - 1]
        while root.head.i != root.i and lo <= root.head.i < c and not (
            root.pos_ in ("VERB", "AUX") and _subject(ctx, root) is not None
        ):
            root = root.head
        named = ctx.index.tok2ent[c - 1]
        if dashed and named >= 0 and ctx.index.ents[named].label == "PER":
            # 'including Mitt Romney -- "It is disqualifying ..." --': the person just named
            e = c
            s0 = c - 1
            while s0 > lo and ctx.index.tok2ent[s0 - 1] == named:
                s0 -= 1
            out.append(Cand(content=(qs, qe), kind="direct", stance="assert", cue_class="assert",
                            unit=ctx.unit_of[qs], para=ctx.para_of[qs],
                            cue=Cue(head=c, start=c, end=c + 1, stance="assert", lemma=doc[c].text),
                            speaker=(s0, e), quote=True))
            continue
        if root.i in ctx.cue_at:
            continue  # a cue of its own took (or refused) the quotation
        subj = _subject(ctx, root) if root.pos_ in ("VERB", "AUX") else None
        agent = _passive_agent(ctx, root, c) if root.pos_ in ("VERB", "AUX") else None
        if agent is not None and lo <= agent.i < c:
            subj = agent  # "is exemplified by this finding:"
        speaker = None
        if subj is not None and lo <= subj.i < c:
            speaker = np_extent(ctx, subj, lo, root.i if subj.i < root.i else c)
        if speaker is None:
            person = next((i for i in range(lo, c) if ctx.index.tok2ent[i] >= 0
                           and ctx.index.ents[ctx.index.tok2ent[i]].label in ("PER", "ORG")), None)
            if person is None:
                continue
            e = person
            while e < c and ctx.index.tok2ent[e] == ctx.index.tok2ent[person]:
                e += 1
            speaker = (person, e)
        head = root.i if root.pos_ in ("VERB", "AUX") else c
        out.append(Cand(content=(qs, _continue_quotes(ctx, qe, qe)), kind="direct", stance="assert",
                        cue_class="assert", unit=ctx.unit_of[qs], para=ctx.para_of[qs],
                        cue=Cue(head=head, start=min(head, c), end=c + 1, stance="assert",
                                lemma=doc[head].lemma_.lower()),
                        speaker=speaker, quote=True))
    return out
