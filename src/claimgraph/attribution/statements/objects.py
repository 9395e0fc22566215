"""Statements: object, infinitive and prepositional-object contents.

The cue's own object, infinitive or prepositional object ("endorsed the plan", "pledged to
remain civil", "called for more investment"), a relative clause whose gap is what is said
("an explosion the mayor described as an attack"), and where an object content ends.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.cues import Cue
from claimgraph.attribution.statements.bounds import _clause_start
from claimgraph.attribution.statements.context import (
    DASHES,
    NOUN_OBJ_DEPS,
    SUBJ,
    Ctx,
    _is_time,
    _relative_pronoun,
    _subject,
    np_extent,
)
from claimgraph.attribution.statements.nouns import _complement_clause, _detached_clause
from claimgraph.attribution.statements.quotations import _quote_in_phrase


def _object_relative(
    ctx: Ctx, cue: Cue, speaker: tuple[int, int] | None, inverted: bool, lo: int, hi: int
) -> tuple[int, int] | None:
    """A cue in a relative clause whose gap is what is said ("an explosion that the mayor
    described as an attack", "which state media claimed allows ..."): the noun with its
    relative clause, or from the relative pronoun after a comma."""
    doc = ctx.doc
    head = doc[cue.head]
    if head.dep_ not in ("relcl", "acl:relcl") or speaker is None or inverted:
        return None
    subj = _subject(ctx, head)
    if subj is None or subj.tag_ in ("WDT", "WP") or "PronType=Rel" in str(subj.morph) or subj.i > head.i:
        return None
    ante = head.head
    if ante.i > head.i or ante.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    between = doc[ante.i + 1 : subj.left_edge.i]
    if any(t.tag_ == "WRB" or (t.is_punct and t.text not in DASHES) for t in between):
        return None  # ("the city where experts say ...": a place, not what is said)
    rel = next((t for t in between if t.tag_ in ("WDT", "WP", "WP$")), None)
    if rel is not None and (rel.dep_ in ("poss", "nmod:poss") or "Poss=Yes" in str(rel.morph)):
        return None
    for c in head.children:
        if c.i < head.i or (rel is not None and c.left_edge.i <= rel.i <= c.right_edge.i):
            continue
        # the cue's own object or clause: the relative pronoun is something else ("the day
        # he announced his run"); an infinitive may hold the gap ("the target it pledged to reach")
        if c.dep_ in ("obj", "dobj", "ccomp") or (
            c.dep_ == "xcomp" and any(k.dep_ in ("obj", "dobj", "ccomp") for k in c.children)
        ):
            return None
    e = ctx.trim(head.i, min(head.right_edge.i + 1, hi))[1]
    if rel is not None and rel.i > lo and doc[rel.i - 1].text in DASHES:
        s = rel.i
    else:
        s = max(lo, np_extent(ctx, ante, lo, hi)[0])
    s, e = ctx.trim(s, e)
    return (s, e) if e - s >= 3 and e > cue.end else None


def _object_end(ctx: Ctx, s: int, e: int, hi: int, head: Token | None = None) -> int:
    """An object content runs on over what follows it in the clause ("grilled the CEO on
    Tuesday for his role in ...", "cited remarks Trump had made about ..."), up to a comma or
    another cue."""
    doc = ctx.doc
    # the cue's own phrase goes on after the object and a comma ("accused X, who ..., of Y",
    # "characterized X, a Democrat, as Y")
    more = head is not None and _cue_phrase_after(ctx, head, e, hi)
    # "questioned the health of X, who is 80": the aside on the object is not the content
    for k in range(s + 1, e - 1):
        if doc[k].text == "," and ctx.quote_of[k] < 0 and _relative_pronoun(doc[k + 1]) and not more:
            return ctx.trim(s, k)[1]
        # ('defend not paying X, saying, "..."': a participle cue after a comma speaks on its own,
        # however the parser hangs it)
        if doc[k].text == "," and ctx.quote_of[k] < 0 and doc[k + 1].tag_ == "VBG" and k + 1 in ctx.cue_at:
            return ctx.trim(s, k)[1]
    noun = _noun_statement(ctx, s + 1, e, head)
    if noun is not None and ctx.trim(s, noun)[1] > s:
        return ctx.trim(s, noun)[1]
    if e >= hi or (doc[e].is_punct and not more):
        return e
    # another cue after the object ends it, with its subject and auxiliaries ("praised the plan
    # and said that ...")
    stop = hi
    for c in ctx.cues:
        # (a gerund after a preposition is part of the phrase: "accused X of lying")
        if e <= c.start < stop and ctx.doc[c.head].dep_ != "pcomp":
            stop = _clause_start(ctx, c, None, False)
            while stop > e and doc[stop - 1].dep_ in SUBJ | {"cc", "punct", "mark", "nsubjpass", "det"}:
                stop = doc[stop - 1].left_edge.i if doc[stop - 1].dep_ in SUBJ else stop - 1
    noun = _noun_statement(ctx, e, stop, head)
    if noun is not None:
        stop = noun
    k = e
    while k < stop and not (doc[k].text in (",", ";", "—", "--") and k + 1 < hi and doc[k + 1].tag_ == "VBG"):
        k += 1
    return max(e, ctx.trim(s, k)[1])


def _coordinated_infinitive(ctx: Ctx, e: int, hi: int) -> int:
    """An infinitive content goes on over a coordinated bare infinitive without a subject of
    its own ("promised to meet and in some cases exceed the goals"), however the parser
    attaches it."""
    doc = ctx.doc
    if e >= hi or doc[e].pos_ != "CCONJ" or ctx.quote_of[e] >= 0:
        return e
    for k in range(e + 1, min(hi, e + 6)):
        t = doc[k]
        if t.pos_ in ("VERB", "AUX"):
            # a bare form ("exceed", "dépasser")
            bare = t.tag_ in ("VB", "VBP") and t.lower_ == t.lemma_.lower()
            if not bare and "VerbForm=Inf" not in str(t.morph):
                return e
            if any(c.dep_ in SUBJ for c in t.children) or k in ctx.cue_at:
                return e
            return ctx.trim(e, min(hi, max(t.right_edge.i + 1, k + 1)))[1]
        if t.is_punct and t.text not in (",",):
            return e
    return e


def _noun_statement(ctx: Ctx, a: int, b: int, head: Token | None) -> int | None:
    """Start of a prepositional phrase in ``[a, b)`` whose noun of saying has its own
    that-clause ("offered new efforts amid growing concerns that ...": a statement of its own
    that ends the object content)."""
    doc, lex = ctx.doc, ctx.lex
    for k in range(a, b):
        t = doc[k]
        if t.pos_ != "NOUN" or t.lemma_.lower() not in lex.cue_nouns or t.dep_ not in NOUN_OBJ_DEPS:
            continue
        clause = _complement_clause(ctx, t, len(doc)) or _detached_clause(ctx, t, len(doc))
        if clause is None or clause[0] != t.i + 1 or doc[clause[0]].lower_ not in lex.complementizers:
            continue
        up = t.head if t.dep_ == "pobj" else next((c for c in t.children if c.dep_ == "case"), t)
        if up.i > t.i or (up.lower_ in lex.medium_preps):
            continue
        if up.head.i < b or (head is not None and up.head.i == head.i):
            return min(up.i, t.left_edge.i)
    return None


def _cue_phrase_after(ctx: Ctx, head: Token, e: int, hi: int) -> bool:
    """A prepositional phrase or predicate of the cue starts after ``e`` (over a comma)."""
    doc = ctx.doc
    j = e + 1 if e < hi and doc[e].text == "," else e
    if j >= hi or ctx.quote_of[j] >= 0:
        return False
    t = doc[j]
    lex = ctx.lex
    if j > e and (t.lower_ in lex.focus_words or (
        t.pos_ == "CCONJ"
        and j + 1 < hi
        and doc[j + 1].lower_ in lex.question_words
        and (doc[j + 1].tag_ == "WRB" or doc[j + 1].dep_ == "mark")
    )):
        return True  # ("about X, particularly Y", "spoke of X, and how Y")
    if j > e and t.pos_ == "CCONJ" and j + 1 < hi:
        n = doc[j + 1] if doc[j + 1].dep_ == "conj" else doc[j + 1].head
        if n.dep_ == "conj" and n.pos_ in ("NOUN", "PROPN") and n.i > j:
            return True  # ("emphasizing fairness, and a need to raise wages": a noun coordinated)
    if t.dep_ == "case" and t.head.i > t.i:
        t = t.head
    return t.head.i == head.i and t.dep_ in ("prep", "obl", "obl:arg", "obl:mod", "oprd")


def _complement(ctx: Ctx, cue: Cue, cend: int, lo: int, hi: int) -> tuple[tuple[int, int], bool, bool] | None:
    doc, lex = ctx.doc, ctx.lex
    head = doc[cue.head]
    for c in head.children:
        # the preposition of a phrase cue is its own ("pointed to X", "took aim at X")
        inner_prep = cue.start <= c.i < cend and c.dep_ in ("prep", "obl") and (
            c.lower_ in lex.cue_preps or cend - cue.start > 1
        )
        if not (cend <= c.i < hi or inner_prep):
            continue
        q = ctx.quote_of[c.left_edge.i]
        if q >= 0 and c.dep_ != "xcomp" and not _quote_in_phrase(ctx, *ctx.quotes[q], hi):
            continue  # (a quotation is the words themselves; 'cited "tensions" in X' is an object)
        infinitive = c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
        if not infinitive and cue.lemma in lex.clause_cues:
            continue  # ("maintains a program", "filed for bankruptcy": no words)
        addressee = cue.lemma in lex.addressee_cues
        if infinitive or (c.dep_ in ("obj", "dobj") and c.pos_ != "NUM" and not addressee):
            s, e = ctx.trim(max(c.left_edge.i, cend), min(c.right_edge.i + 1, hi))
            e = _object_end(ctx, s, e, hi, head)
        elif c.dep_ in ("prep", "obl") and (
            c.lower_ in lex.cue_preps
            or inner_prep
            or (c.lower_ in lex.reply_preps and cue.lemma in lex.reply_cues)
        ):
            s, e = ctx.trim(max(c.i + 1, cend), min(c.right_edge.i + 1, hi))
            e = _object_end(ctx, s, e, hi, head)
        elif c.dep_ in ("obl", "obl:arg") and any(
            k.dep_ == "case" and k.i < c.i and (
                k.lower_ in lex.cue_preps or (k.lower_ in lex.reply_preps and cue.lemma in lex.reply_cues)
            )
            for k in c.children
        ):
            case = max(k.i for k in c.children if k.dep_ == "case" and k.i < c.i)
            s, e = ctx.trim(max(case + 1, cend), min(c.right_edge.i + 1, hi))
            e = _object_end(ctx, s, e, hi, head)
        else:
            continue
        if c.dep_ != "xcomp" and all(_is_time(ctx, t) or not t.is_alpha for t in doc[s:e]):
            continue  # ("spoke for about five minutes", "commented on Tuesday")
        if e - s >= 2 or (e - s == 1 and doc[s].pos_ in ("PRON", "NOUN", "PROPN")):
            return (s, e), False, False
    return None
