"""Statements: the content of a cue, from what its verb governs (see clauses).

A passive cue's subject is what is said ("the plan was endorsed by the union") or belongs to it
("X was accused of lying"); words before a cue give way to its own object or clause; the
content goes on over the quotations after it and stops before another statement of the
sentence ("said A, disputing B", "said A and suggested that B", "said A, though she noted B").
"""

from __future__ import annotations

from claimgraph.attribution.cues import Cue
from claimgraph.attribution.statements.bounds import _clause_end, _clause_start, _content_end
from claimgraph.attribution.statements.clauses import _find_content
from claimgraph.attribution.statements.context import DASHES, SUBJ, Ctx, _participle, _side_participle
from claimgraph.attribution.statements.objects import _complement
from claimgraph.attribution.statements.passive import _passive_agent, _passive_target, _raised
from claimgraph.attribution.statements.quotations import _continue_quotes

SPLIT_CLASSES = frozenset({"deny", "dispute", "question"})


# subordinators of a contrasting clause ("said A, though she noted B"; "tout en", "alors que")
CONTRAST_MARKS = frozenset({"though", "although", "while", "whereas", "alors", "tandis", "même", "bien"})


def find_content(
    ctx: Ctx, cue: Cue, speaker: tuple[int, int] | None, inverted: bool
) -> tuple[tuple[int, int], bool, bool] | None:
    """(token range, is_direct_quote, content_before_cue) or None."""
    found = _cue_content(ctx, cue, speaker, inverted)
    head = ctx.doc[cue.head]
    if found is not None and not found[1] and cue.lemma in ctx.lex.addressee_cues:
        found = _past_addressee(ctx, head, found)
    if found is None or found[1] or found[0][0] < cue.end or cue.lemma in ctx.lex.addressee_cues:
        return found
    if not _passive_target(ctx, head):
        return found
    # "X was accused of lying", "X a été accusé de mentir": what is said is about the subject,
    # which belongs to the content (from the subject to the end of the complement)
    subj = next(c for c in head.children if c.dep_ in ("nsubjpass", "nsubj:pass"))
    lo = ctx.unit_bounds(cue.head)[0]
    if subj.i > cue.start or subj.left_edge.i < lo or ctx.quote_of[subj.i] >= 0:
        return found
    return (subj.left_edge.i, found[0][1]), found[1], found[2]


# a cue verb the tagger took for another word ("Kiev dément toute implication": "dément"
# read as an adverb) heads no clause: what follows it in its sentence is what it says
MISREAD = frozenset({"ADJ", "ADV", "NOUN"})
OPENERS = frozenset({"DET", "NOUN", "PROPN", "PRON", "NUM", "VERB", "AUX", "SCONJ", "ADP"})


def _linear_content(ctx: Ctx, cue: Cue) -> tuple[tuple[int, int], bool, bool] | None:
    """The words after a misread cue up to the end of its sentence, past adverbs and dates."""
    doc = ctx.doc
    # (the unit, not the parser's sentence: a misread verb often splits it in two)
    hi = ctx.unit_bounds(cue.head)[1]
    j = cue.end
    while j < hi and (doc[j].pos_ == "ADV" or doc[j].lower_ in ctx.date_words):
        j += 1
    if j >= hi or doc[j].pos_ not in OPENERS or ctx.quote_of[j] >= 0:
        return None
    s, e = ctx.trim(j, hi)
    return ((s, e), False, False) if e - s >= 2 else None


def _past_addressee(
    ctx: Ctx, head, found: tuple[tuple[int, int], bool, bool]  # type: ignore[no-untyped-def]
) -> tuple[tuple[int, int], bool, bool]:
    """'told AFP the two men were killed': the addressee that opens the content is not said."""
    (s, e), direct, before = found
    for c in head.children:
        if c.dep_ in ("dobj", "obj", "iobj", "dative") and c.pos_ in ("PROPN", "PRON") \
                and c.left_edge.i == s and c.right_edge.i + 1 < e \
                and any(x.dep_ in ("ccomp", "xcomp") and x.i > c.right_edge.i for x in head.children):
            s2, e2 = ctx.trim(c.right_edge.i + 1, e)
            if e2 - s2 >= 2:
                return (s2, e2), direct, before
    return found


def _cue_content(
    ctx: Ctx, cue: Cue, speaker: tuple[int, int] | None, inverted: bool
) -> tuple[tuple[int, int], bool, bool] | None:
    doc = ctx.doc
    head = doc[cue.head]
    if _passive_agent(ctx, head, ctx.unit_bounds(cue.head)[1]) is not None:
        lo = ctx.unit_bounds(cue.head)[0]
        subj = next(c for c in head.children if c.dep_ in ("nsubjpass", "nsubj:pass"))
        if ctx.quote_of[subj.i] < 0 and subj.i < cue.head:
            s0, e0 = ctx.trim(max(lo, subj.left_edge.i), min(subj.right_edge.i + 1, cue.start))
            if e0 > s0:
                return (s0, e0), False, True
    raised = _raised(ctx, head, ctx.unit_bounds(cue.head)[1])
    if raised is not None:
        return raised, False, False
    found = _find_content(ctx, cue, speaker, inverted)
    if found is None and head.pos_ in MISREAD:
        found = _linear_content(ctx, cue)
    if found is not None and found[2] and found[0][1] <= cue.start:
        # 'Bemoaning the "phony system," Trump accused Holt of X', '"A." Critics viewed X as Y':
        # a cue with an object or an infinitive of its own says that, not what comes before
        # ('"A," he said': the words open the sentence and only punctuation comes between)
        start = _clause_start(ctx, cue, speaker, inverted)
        start = min(start, speaker[0]) if speaker is not None and not inverted else start
        lo0 = ctx.unit_bounds(cue.head)[0]
        b = found[0][0]
        opening = lo0 <= b and all(t.is_punct or t.is_space for t in doc[lo0:b])
        classic = opening and all(t.is_punct or t.is_space for t in doc[found[0][1] : start])
        if not classic and any(c.dep_ in ("obj", "dobj", "xcomp") and c.i > cue.head for c in head.children):
            lo0, hi0 = ctx.unit_bounds(cue.head)
            own = _complement(ctx, cue, _clause_end(ctx, cue, speaker, inverted), lo0, hi0)
            if own is not None:
                found = own
        # ('"A." The network said it would send her': a quotation of the sentence before is not
        # the content of a cue with a clause of its own)
        cl = next((c for c in head.rights if c.dep_ == "ccomp"), None)
        if found[0][1] <= lo0 and cl is not None and ctx.quote_of[cl.left_edge.i] < 0:
            cend = _clause_end(ctx, cue, speaker, inverted)
            s0 = max(cl.left_edge.i, cend)
            e0 = _content_end(ctx, s0, ctx.unit_bounds(cue.head)[1])
            if e0 - s0 >= 2:
                found = (s0, e0), False, False
    if found is not None and found[2] and not found[1] and found[0][1] <= cue.start:
        # '"A" of the plan, Mr. X said. "B."': the quotations after the cue go on
        (s, e), direct, before = found
        hi = ctx.unit_bounds(cue.head)[1]
        if hi < len(doc) and ctx.para_of[hi - 1] == ctx.para_of[cue.head]:
            e2 = _continue_quotes(ctx, e, hi)
            if e2 > e:
                return (s, e2), direct, before
    if found is None or found[1] or found[0][0] < cue.end:
        return found
    (s, e), direct, before = found
    # 'said A, disputing B' / 'a affirmé A, démentant B': a participle of another stance after
    # a comma is the speaker's own act, not part of what they said
    for c in ctx.cues:
        other = c.stance != cue.stance and c.stance in SPLIT_CLASSES
        # ('said A, adding that B': a participle cue of the same verb is a statement of its own)
        other = (
            other
            or _side_participle(ctx, cue, doc[c.head])
            or (doc[c.head].head.i == cue.head and doc[c.head].dep_ in ("advcl", "xcomp", "conj"))
        )
        if s < c.start < e and other and ctx.quote_of[c.head] < 0:
            h = doc[c.head]
            k = c.start
            if _participle(h) and doc[k - 1].text in DASHES and ctx.quote_of[k - 1] < 0:
                s2, e2 = ctx.trim(s, k - 1)
                if e2 - s2 >= 2:
                    return (s2, e2), direct, before
    # 'said A and suggested that B': the coordinated cue ends the first content
    for c in ctx.cues:
        h = doc[c.head]
        # (however deep the parser hangs it: a cue of the same tense without a subject of its
        # own, after "and", is the speaker's: 'tweeted that X was "a con" and encouraged Y')
        same_tense = (
            h.dep_ == "conj"
            and any(h.tag_ in g and head.tag_ in g for g in (("VBD", "VBN"), ("VBZ", "VBP"), ("VB",)))
            and doc[h.i - 1].pos_ == "CCONJ"
            and not any(x.dep_ in SUBJ for x in h.children)
        )
        if s < c.head < e and h.dep_ == "conj" and (h.head.i == cue.head or same_tense):
            k = min(h.left_edge.i, c.start)
            while k > s and (doc[k - 1].pos_ in ("CCONJ", "PUNCT", "ADV") or doc[k - 1].dep_ == "aux"):
                k -= 1
            s2, e2 = ctx.trim(s, k)
            if e2 - s2 >= 2:
                return (s2, e2), direct, before
    # 'said A, though she noted B' / 'said A, while his aides insisted B': a contrasting cue
    # clause with a subject of its own is another statement; so is 'said A and Democrats
    # accused B' however deep the parser hangs the second verb
    for c in ctx.cues:
        h = doc[c.head]
        if not (s < c.start < e) or ctx.quote_of[c.head] >= 0:
            continue
        if h.dep_ == "conj" and c.stance in ("assert", "deny", "dispute", "report", "question"):
            subj = [x for x in h.children if x.dep_ in SUBJ and x.i < h.i]
            k = subj[0].left_edge.i if subj else s
            # ('and when pressed on X, the mother replied': the clause's own adverbial goes too)
            for x in h.children:
                if subj and x.dep_ == "advcl" and s < x.left_edge.i < k and x.i < subj[0].i:
                    k = x.left_edge.i
            if subj and k - 1 > s and doc[k - 1].pos_ == "CCONJ" and ctx.quote_of[k] < 0:
                s2, e2 = ctx.trim(s, k - 1)
                if e2 - s2 >= 2:
                    return (s2, e2), direct, before
            continue
        if h.dep_ != "advcl":
            continue
        up = h.head
        if not (up.i == cue.head or (up.dep_ == "ccomp" and up.head.i == cue.head and up.i < h.i)):
            continue
        marks = [m for m in h.children if m.dep_ == "mark" and m.i < h.i]
        if not marks or marks[0].lower_ not in CONTRAST_MARKS:
            continue
        if not any(x.dep_ in SUBJ and x.i < h.i for x in h.children):
            continue
        k = h.left_edge.i
        while k - 1 > s and doc[k - 1].is_quote and ctx.quote_of[k - 2] >= 0:
            k -= 1  # ('said "A," though she noted B': the closing mark after the comma)
        if k > s and doc[k - 1].text in DASHES:
            s2, e2 = ctx.trim(s, k - 1)
            if e2 - s2 >= 2:
                return (s2, e2), direct, before
    return found
