"""Statements: the content a cue verb governs, tried construction by construction.

A free relative ("what the mayor says ..."), a quotation before or after the cue, a que/that
clause or question word, a complement clause, ": ...", "as X put it", the clause before
", a déclaré X", an object noun phrase for deny and report cues, any other complement.
"""

from __future__ import annotations

from claimgraph.attribution.cues import Cue, headline
from claimgraph.attribution.statements.bounds import (
    _clause_end,
    _clause_start,
    _content_end,
    _goes_on,
    _tail_end,
)
from claimgraph.attribution.statements.context import (
    DASHES,
    SUBJ,
    Ctx,
    _is_time,
    _participle,
    _relative_pronoun,
    _side_participle,
)
from claimgraph.attribution.statements.nouns import _held_by_noun, _held_clause, _noun_complement
from claimgraph.attribution.statements.objects import (
    _complement,
    _coordinated_infinitive,
    _object_end,
    _object_relative,
)
from claimgraph.attribution.statements.quotations import (
    _after_quote_paragraph,
    _closes_sentence,
    _completes_sentence,
    _continue_quotes,
    _quote_ends_sentence,
    _quote_in_phrase,
)

# pronouns opening a free relative whose clause is a content ("what X says ...")
FREE_RELATIVES = frozenset({"what", "whatever", "que", "qu'", "qu’"})


def _find_content(
    ctx: Ctx, cue: Cue, speaker: tuple[int, int] | None, inverted: bool
) -> tuple[tuple[int, int], bool, bool] | None:
    doc, lex = ctx.doc, ctx.lex
    lo, hi = ctx.unit_bounds(cue.head)
    cstart = _clause_start(ctx, cue, speaker, inverted)
    cend = _clause_end(ctx, cue, speaker, inverted)
    head = doc[cue.head]
    # 0. a free relative: "what the mayor says her plan would do", "what she called a rant":
    # the relative clause as a whole, up to the end of what the cue governs
    w = cstart - 1
    if (
        speaker is not None
        and not inverted
        and w >= lo
        and w == speaker[0] - 1
        and doc[w].lower_ in FREE_RELATIVES
        and (doc[w].tag_ in ("WP", "WDT") or (w > lo and doc[w - 1].lower_ == "ce"))
        and (doc[w].head.i == cue.head or cue.head in {a.i for a in doc[w].ancestors})
    ):
        if doc[w].lower_ != "what" and doc[w - 1].lower_ == "ce":
            w -= 1  # "ce que X appelle ..."
        e = cend
        for c in head.rights:
            if c.dep_ not in ("conj", "cc", "punct") and c.i < hi:
                e = max(e, c.right_edge.i + 1)
        if ctx.quote_of[e - 1] >= 0:
            e = max(e, min(hi, ctx.quotes[ctx.quote_of[e - 1]][1]))
        while e > cend and doc[e - 1].pos_ == "CCONJ":
            e -= 1
        if e > cend:
            return (w, e), False, False
    # 0'. a relative clause on what the cue says: "an explosion that the mayor described as an
    # attack", "the rate he has proposed for individuals", ", which the network pointed to as ..."
    rel = _object_relative(ctx, cue, speaker, inverted, lo, hi)
    if rel is not None:
        return rel, False, False
    # 1. a quotation just before the clause: '"...", a déclaré X' (maybe '"a," he said, "b"');
    # not for a participle hanging on an earlier cue ('"A," he said, adding that B'): the
    # quotation is the earlier cue's
    side = (
        _participle(head)
        and head.dep_ in ("advcl", "xcomp", "conj")
        and head.head.i in ctx.cue_at
        and head.head.i < cue.head
    )
    k = cstart
    while k > 0 and doc[k - 1].text in DASHES | {":"}:
        k -= 1
    # ('was "right" when he said that ...': a clause opened by a subordinator is no incise)
    sub = doc[cstart].tag_ == "WRB" or doc[cstart].pos_ == "SCONJ"
    q = ctx.quote_ending_at(k) if not (side or sub) else -1
    if q < 0 and k > 0 and doc[k - 1].is_space and "\n" not in doc[k - 1].text:
        q = ctx.quote_ending_at(k - 1)
    if (
        q < 0
        and not (side or sub)
        and speaker is not None
        and not inverted
        and cstart == speaker[0]
        and head.pos_ == "VERB"
        and not headline(doc, head.i)
    ):
        # '"A," Tulsa police Chief Jo Lee said': words of the name the parser left out
        m = k
        while (
            m > 0
            and k - m < 4
            and ctx.quote_of[m - 1] < 0
            and not doc[m - 1].is_punct
            and (doc[m - 1].is_title or doc[m - 1].dep_ in ("compound", "amod"))
        ):
            m -= 1
        if m < k:
            q = ctx.quote_ending_at(m)
            if q >= 0:
                cstart = m
    if q >= 0 and ctx.quotes[q][0] > lo and (
        doc[ctx.quotes[q][0] - 1].pos_ in ("ADP", "DET") or doc[ctx.quotes[q][0] - 1].tag_ == "POS"
    ):
        q = -1  # 'On an episode of "The Show," she said ...', 'on CBS's "The Show,"': a title
    if q >= 0 and _closes_sentence(ctx, q) and any(
        c.dep_ == "ccomp" and cue.head < c.i < hi and ctx.quote_of[c.left_edge.i] < 0 for c in head.children
    ):
        q = -1  # '"A." She says it shows B': the cue of the next sentence has words of its own
    if q >= 0 and cstart - ctx.quotes[q][1] <= 2:
        qs, qe = ctx.quotes[q]
        j = cend
        while j < len(doc) and doc[j].text in DASHES:
            j += 1
        if j < len(doc) and _side_participle(ctx, cue, doc[j]):
            # '"A," Tester said, referring to the excuse, "B."'
            j = doc[j].right_edge.i + 1
            while j < len(doc) and doc[j].text in DASHES:
                j += 1
        if j < len(doc) and ctx.quote_of[j] >= 0 and ctx.quotes[ctx.quote_of[j]][0] == j:
            qe = ctx.quotes[ctx.quote_of[j]][1]
        if qs > lo and _quote_ends_sentence(ctx, lo, qs, qe, head):
            # 'They send a message that the priority "is the tax at the top," Mr. Kamin said': the
            # quotation ends a sentence of the speaker's that begins unquoted
            qs = ctx.trim(lo, qs)[0]
        return (qs, _continue_quotes(ctx, qe, cend)), True, True
    # 2. a quotation right after: 'X a déclaré : "..."', 'he said, "..."', 'Mook told CBS, "..."'
    j = cend
    t = _tail_end(ctx, cue, cend, hi, extra=("dobj", "obj"))
    if cend < t < hi - 1 and doc[t].text in (",", ":") and ctx.quote_of[t + 1] >= 0:
        j = t
    colon = False
    j0 = j
    while j < len(doc) and (doc[j].text in DASHES | {":"} or doc[j].is_space) and j < j0 + 3:
        if doc[j].is_space and "\n" in doc[j].text and not colon:
            break  # the next paragraph is not this cue's content unless announced by ':'
        colon = colon or doc[j].text == ":"
        j += 1
    if j < len(doc) and ctx.quote_of[j] >= 0 and ctx.quotes[ctx.quote_of[j]][0] == j:
        qs, qe = ctx.quotes[ctx.quote_of[j]]
        if not (j == cend and _quote_in_phrase(ctx, qs, qe, hi)):
            if j > cend and _completes_sentence(ctx, cstart, lo, qs, qe):
                # 'When the deal came, Mr. Barr said, "we were floored."': the quotation
                # completes the sentence the cue interrupts
                return (ctx.trim(lo, cstart)[0], _continue_quotes(ctx, qe, qe)), True, True
            return (qs, _continue_quotes(ctx, qe, qe)), True, False
    if colon and j < len(doc) and ctx.para_of[j] > ctx.para_of[cue.head] and not doc[j].is_space:
        # "The governor added:" and the next paragraph, unquoted
        e = j
        while e < len(doc) and ctx.para_of[e] == ctx.para_of[j] and "\n" not in doc[e].text:
            e += 1
        s2, e2 = ctx.trim(j, e)
        if e2 - s2 >= 3:
            return (s2, e2), False, False
    # 3. a que/that clause or a question word after the cue (skipping objects and adverbs)
    j = cend
    limit = min(hi, cend + 14)
    while j < limit:
        t = doc[j]
        if t.lower_ in lex.complementizers or (
            t.lower_ in lex.question_words and t.dep_ in ("mark", "advmod", "nsubj", "obj", "dobj")
        ):
            if cue.stance in ("deny", "dispute") and _noun_complement(ctx, t, cue):
                break  # 'disputed the union's claim that ...': the object noun phrase is the content
            if (
                j > cend
                and t.lower_ not in lex.complementizers
                and t.head.dep_ == "advcl"
                and t.head.head.i == cue.head
                and any(c.dep_ in ("obj", "dobj") and cend <= c.i < j for c in doc[cue.head].children)
            ):
                break  # 'described X as Y when he ran ...': a time clause after the object
            if j > cend + 1 and doc[j - 1].pos_ == "CCONJ" and t.lower_ in lex.question_words:
                break  # 'spoke of X, and how Y': coordinated with the object, which comes first
            if j > cend and t.lower_ in lex.complementizers and _held_by_noun(ctx, doc[j - 1], cue):
                break  # 'agreed on new efforts amid growing concerns that ...': the noun's
            # 'questioned the health of X, who is 70': a relative clause of the object ("que"
            # after a noun stays a complementizer: "a annoncé dans un communiqué que ...")
            ambiguous = t.lower_ in lex.complementizers and doc[j - 1].text != ","
            # ("tweeted in the early morning hours that ...": no relative clause of a time)
            ambiguous = ambiguous and (t.tag_ != "WDT" or _is_time(ctx, doc[j - 1]))
            # ('told a meeting of leaders that few people understood X': after the person
            # addressed, a "that" the parser marks as a complementizer opens the words)
            told = cue.lemma in lex.addressee_cues and t.lower_ in lex.complementizers and t.dep_ == "mark"
            if j > cend and _relative_pronoun(t) and not ambiguous and not told:
                break
            if j + 1 < hi:
                return (j, _content_end(ctx, j, hi)), False, False
            break
        if t.pos_ == "VERB" and not (t.i in ctx.cue_at and t.tag_ == "VBG" and doc[j - 1].text == ","):
            break  # (", saying that ..." goes on with the same statement)
        if t.text in (".", ";", "!", "?") or ctx.quote_of[j] >= 0:
            break
        j += 1
    head = doc[cue.head]
    # 4. a complement clause of the verb (after or before it); an infinitive after the person
    # addressed is one even when the parser takes it for a purpose clause ("tells his
    # supporters at a rally to go and vote")
    for c in head.children:
        told_to = (
            c.dep_ == "advcl"
            and c.i > cue.head
            and cue.lemma in lex.addressee_cues
            and cue.lemma in lex.infinitive_cues
            and doc[c.left_edge.i].dep_ in ("aux", "mark")
            and "VerbForm=Inf" in str(c.morph)
            and any(o.dep_ in ("obj", "dobj") and o.i < c.i for o in head.children)
        )
        # ("decline to appeal" parsed as an adverbial clause of purpose: the infinitive)
        purpose = (
            c.dep_ == "advcl"
            and c.left_edge.i == cend
            and doc[cend].dep_ in ("aux", "mark")
            and "VerbForm=Inf" in str(c.morph)
            and cue.lemma in lex.infinitive_cues
        )
        if (
            (c.dep_ in ("ccomp", "xcomp") or told_to or purpose)
            and (ctx.quote_of[c.i] < 0 or (c.i > cue.head and ctx.quote_of[c.left_edge.i] < 0))
            and lo <= c.i < hi
        ):
            s, e = c.left_edge.i, c.right_edge.i + 1
            if c.i > cue.head:
                s = max(s, cend)
                infinitive = c.pos_ == "VERB" and cue.lemma in lex.infinitive_cues
                if c.dep_ in ("xcomp", "advcl") and not infinitive:
                    continue
                first = c.left_edge.i
                if first - 1 >= cend and doc[first].lower_ in lex.complementizers and _held_by_noun(
                    ctx, doc[first - 1], cue
                ):
                    continue  # ('amid growing concerns that ...' hung on the verb: the noun's)
                # "called on X to do": include the object before the clause
                for o in head.children:
                    if o.dep_ in ("obj", "dobj") and cend <= o.i < s:
                        s = o.left_edge.i
                s, e = ctx.trim(max(s, lo), min(e, hi))
                if c.dep_ in ("xcomp", "advcl"):
                    e = _coordinated_infinitive(ctx, e, hi)
                if e - s >= 2:
                    return (s, max(e, _content_end(ctx, s, hi) if c.dep_ == "ccomp" else e)), False, False
            elif (
                c.dep_ == "ccomp"
                and c.i < cue.head
                and not (cstart > lo and doc[cstart - 1].text in DASHES)
                # "A: Republicans said B": a clause before a colon is not the words
                and not any(doc[k].text in (":", ";") for k in range(c.i, cstart))
            ):
                s, e = ctx.trim(max(s, lo), min(e, cstart))
                if e - s >= 3:
                    return (s, e), False, True
    # 5. ": ..." after the cue
    j = cend
    if j < hi and doc[j].text == ":" and j + 2 < hi:
        return ctx.trim(j + 1, hi), False, False
    # 6'. "as X put it": the rest of the sentence ("As X said, A", "A, as X noted, B", "A, as X put it")
    own = _complement(ctx, cue, cend, lo, hi)
    as_clause = cstart > lo and doc[cstart - 1].lower_ in lex.as_marks and doc[cstart - 1].head.i == cue.head
    own_speaker = own is not None and speaker is not None and own[0][0] <= speaker[0] < own[0][1]
    if as_clause and own is not None and own[0][1] - own[0][0] >= 2 and cstart - 1 == lo and not own_speaker:
        # "As Smith talked about the plan, Jones ...": "as" of time, the cue has its own words
        return own
    if as_clause:
        a = cstart - 1
        if a == lo or (doc[a - 1].text in DASHES and a - 1 == lo):
            t = _tail_end(ctx, cue, cend, hi)
            if t < hi and doc[t].text in DASHES:
                s, e = ctx.trim(t + 1, hi)
                if e - s >= 3:
                    return (s, e), False, False
        elif doc[a - 1].text in DASHES:
            t = _tail_end(ctx, cue, cend, hi)
            s, e = ctx.trim(lo, a - 1)
            if t < hi and doc[t].text in DASHES and _goes_on(ctx, t + 1, hi):
                return ctx.trim(lo, hi), False, True
            if e - s >= 3:
                return (s, e), False, True
    # 6. the clause before ", a déclaré X" / ", sources said" / "The plan, he said, will fail."
    # (a present participle after a comma looks ahead: "..., citing the costs")
    gov = head.head
    # ('A went on a tour, and - after the attacks - she has spoken about B': a clause
    # coordinated with the one before by "and" is no report of it)
    coordinated = (
        head.dep_ == "conj"
        and lo <= gov.i < cstart
        and any(
            c.dep_ == "cc"
            and gov.i < c.i < cstart
            and not any(doc[k].pos_ in ("VERB", "AUX") for k in range(c.i, cstart))
            for c in [*gov.children, *head.children]
        )
    )
    if (
        cstart > lo
        and doc[cstart - 1].text in DASHES
        and cstart - 1 > lo
        and not _participle(head)
        and not coordinated
    ):
        # (", X told the Post on Thursday": the addressee belongs to the cue clause)
        t = _tail_end(ctx, cue, cend, hi, extra=("dobj", "obj") if cue.lemma in lex.addressee_cues else ())
        s, e = ctx.trim(lo, cstart - 1)
        governed_after = head.head.i > cue.head and head.dep_ in ("parataxis", "advcl", "ccomp", "conj")
        finite_before = any(doc[k].pos_ in ("VERB", "AUX") for k in range(s, e)) or headline(doc, head.i)
        participle = head.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("aux", "aux:pass", "auxpass") for c in head.children
        )
        if (
            t < hi
            and doc[t].text in DASHES
            and not participle
            and (governed_after or not finite_before or _goes_on(ctx, t + 1, hi))
        ):
            return ctx.trim(lo, hi), False, True  # the cue interrupts the content
        # ('When the funds ran out, Mexico said enough': an adverbial clause of the cue itself)
        adverbial = any(
            c.dep_ == "advcl" and c.i < cue.start and c.left_edge.i <= s + 1
            and any(
                m.dep_ in ("mark", "advmod") and m.i == c.left_edge.i
                and (m.tag_ in ("IN", "WRB") or m.pos_ == "SCONJ")
                for m in c.children
            )
            for c in head.children
        )
        if e - s >= 3 and finite_before and t - cend <= 8 and (t >= hi or doc[t].is_punct) and not adverbial:
            return (s, e), False, True
        # 'People like Scott, he said.': a verbless phrase before a cue clause that ends the
        # sentence, in a paragraph of its own after a quotation
        ends = t >= hi or (doc[t].text in (".", "!", "?") and t + 1 >= hi)
        if ends and not finite_before and e - s >= 2 and s == lo and _after_quote_paragraph(ctx, lo):
            return (s, e), False, True
    # 6''. an infinitive after adverbs the parser hung elsewhere ("a démenti jeudi être à
    # l'origine de ...", "réaffirme ne pas avoir visé ...")
    inf = _detached_infinitive(ctx, cue, cend, hi)
    if inf is not None:
        return inf, False, False
    # 7. an object noun phrase for deny/report cues: "rejette la rumeur selon laquelle ..."
    if cue.stance in ("deny", "dispute", "report") or cue.lemma in lex.object_cues:
        # ("called Trump a liar" parsed as two predicates: the first is the object)
        preds = [c for c in head.rights if c.dep_ == "oprd"]
        objs = [c for c in head.children if c.dep_ in ("obj", "dobj")]
        firsts = preds[:1] if len(preds) >= 2 and not objs else []
        for c in [*head.children, *firsts]:
            after = c.i >= max(cue.end, cue.head + 1)  # ("took issue with X": after the whole cue)
            if (c.dep_ in ("obj", "dobj") or c in firsts) and after and lo <= c.i < hi:
                s, e = ctx.trim(c.left_edge.i, min(c.right_edge.i + 1, hi))
                # "called the plan a disaster": the object with its predicate
                for p in head.children:
                    if p.i > c.i and p.dep_ in ("oprd", "xcomp", "ccomp") and p.i < hi:
                        e = max(e, ctx.trim(s, min(p.right_edge.i + 1, hi))[1])
                e = _object_end(ctx, s, e, hi, head)
                held = _held_clause(ctx, c, lo, hi)
                if held is not None and held > s:
                    # "disputing the union's claim that ...": the denial's object is the claim,
                    # whose that-clause is the union's own statement
                    e = ctx.trim(s, held)[1]
                # (a name alone is enough: "endorses Smith")
                if e - s >= 2 or (e - s == 1 and doc[s].pos_ in ("PROPN", "PRON")):
                    return (s, e), False, False
        if cue.stance in ("deny", "dispute"):
            found_np = _object_after_adverbials(ctx, cue, cend, hi)
            if found_np is not None:
                return found_np, False, False
    # 8. any other cue: its infinitive, object or prepositional object ("pledged to remain
    # civil", "endorsed the plan", "spoke about her ties", "called for more investment")
    found = _complement(ctx, cue, cend, lo, hi)
    if found is None and cend < hi and (head.pos_ == "PROPN" or headline(doc, head.i)):
        # a headline cue the parser took for a name ("Aide Reveals Tense Talks"): the rest
        s, e = ctx.trim(cend, hi)
        if e - s >= 2:
            return (s, e), False, False
    return found


def _object_after_adverbials(ctx: Ctx, cue: Cue, cend: int, hi: int) -> tuple[int, int] | None:
    """'a démenti « totalement » lundi les affirmations du Monde', 'avait démenti la semaine
    dernière une affirmation': the noun phrase a denial takes after adverbs and time phrases,
    when the parser attached it to one of them."""
    doc = ctx.doc
    j = cend
    while j < hi and j < cend + 8:
        t = doc[j]
        if t.pos_ == "ADV" or t.lower_ in ctx.date_words or t.like_num or (
                t.is_quote and j + 2 < hi and doc[j + 1].pos_ == "ADV" and doc[j + 2].is_quote):
            j += 3 if t.is_quote else 1
            continue
        if t.pos_ == "DET" and j + 1 < hi and _is_time(ctx, doc[j + 1]):
            j += 2  # "la semaine (dernière)", "ce vendredi"
            while j < hi and doc[j].pos_ == "ADJ":
                j += 1
            continue
        # a prepositional phrase before the object ("a contesté auprès de l'AFP toute
        # implication", "nient en bloc ces accusations", "par la voix de son avocat")
        n = t.head
        if t.pos_ == "ADP" and "PronType=Art" not in str(t.morph) and n.i > t.i \
                and n.pos_ in ("NOUN", "PROPN") and n.right_edge.i + 1 < hi and n.right_edge.i < j + 8 \
                and ctx.quote_of[n.i] < 0:
            j = n.right_edge.i + 1
            continue
        break
    # (a partitive article the tagger read as a preposition: "a démenti samedi des informations")
    article = doc[j].pos_ == "ADP" and "PronType=Art" in str(doc[j].morph) if j < hi else False
    if j >= hi or (doc[j].pos_ not in ("DET", "NOUN", "PROPN") and not article):
        return None
    head = doc[j]
    while head.pos_ in ("DET", "ADP") and head.head.i > head.i and head.head.i < hi:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in ctx.date_words:
        return None
    if j == cend and not (head.dep_ in SUBJ and head.head.i > head.i and head.head.i != cue.head):
        # right after the cue only a noun phrase the parser made the subject of a later verb
        # ("a rejeté l'implication de Moscou ... et a appelé": a sentence split in two)
        return None
    s, e = ctx.trim(j, min(head.right_edge.i + 1, hi))
    e = _object_end(ctx, s, e, hi, doc[cue.head])
    return (s, e) if e - s >= 2 else None


def _detached_infinitive(ctx: Ctx, cue: Cue, cend: int, hi: int) -> tuple[int, int] | None:
    """A past or negated infinitive right after the cue and its adverbs that the parser did not
    hang on it ("a démenti jeudi être à l'origine de", "réaffirme ne pas avoir visé"): the
    infinitive is what the cue says (a past or negated infinitive is no purpose clause)."""
    doc = ctx.doc
    j = cend
    while j < hi and j < cend + 6 and ((doc[j].pos_ == "ADV" and doc[j].lower_ not in ctx.lex.neg_particles)
                                        or doc[j].lower_ in ctx.date_words or doc[j].like_num):
        j += 1
    s = j
    neg = False
    while j < hi and (doc[j].lower_ in ctx.lex.neg_particles or doc[j].lower_ in ctx.lex.neg_words):
        neg = True
        j += 1
    if j + 1 >= hi or ctx.quote_of[j] >= 0 or "VerbForm=Inf" not in str(doc[j].morph):
        return None
    inf = doc[j]
    if inf.head.i == cue.head and inf.dep_ in ("xcomp", "ccomp"):
        return None  # the cue's own infinitive: the complement rules have seen it
    if not neg and inf.lemma_.lower() not in ctx.lex.perfect_aux:
        return None
    node = inf
    while node.head.i != node.i and node.head.i != cue.head and node.head.left_edge.i >= s \
            and node.head.i < hi:
        node = node.head
    s, e = ctx.trim(s, min(node.right_edge.i + 1, hi))
    e = _coordinated_infinitive(ctx, e, hi)
    return (s, e) if e - s >= 2 else None
