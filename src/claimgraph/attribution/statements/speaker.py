"""Statements: the speaker of a cue verb.

The subject, an inverted subject after the cue (", a déclaré X", ", said the spokesman"), the
agent of a passive, the antecedent of a relative pronoun, a name between a quotation and the
cue, an apposition or "as X noted", and for a participle or dependent verb the speaker of the
verb it hangs on.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.cues import Cue
from claimgraph.attribution.statements.context import (
    DASHES,
    MAX_SPEAKER,
    SPEAKER_POS,
    SUBJ,
    Ctx,
    _clitic_object,
    _is_time,
    _participle,
    _subject,
    np_extent,
)
from claimgraph.attribution.statements.passive import _passive_agent, _passive_target, _raised


def _incise(ctx: Ctx, cue: Cue, subj: Token, lo: int, hi: int) -> bool:
    """', a expliqué la ministre Anne Roy,': a cue between commas followed by a noun phrase
    that names someone (the parser often takes the phrase before for the subject)."""
    doc = ctx.doc
    b = cue.start - 1
    while b >= lo and doc[b].pos_ == "AUX":
        b -= 1
    if b < lo or doc[b].text != "," or subj.right_edge.i + 1 != b:
        return False
    j = cue.end
    while j < hi and (doc[j].pos_ in ("ADV",) or doc[j].lower_ in ctx.date_words):
        j += 1
    k = j
    while k < hi and k < j + 8 and doc[k].text != ",":
        k += 1
    if k >= hi or doc[k].text != "," or k == j:
        return False
    if not any(doc[i].pos_ in ("VERB", "AUX") for i in range(k + 1, hi)):
        return False
    return any(ctx.index.tok2ent[i] >= 0 or doc[i].pos_ == "PROPN" for i in range(j, k)) or any(
        doc[i].lower_ in ctx.lex.person_roles or doc[i].lemma_.lower() in ctx.lex.person_roles
        for i in range(j, k)
    )


def find_speaker(ctx: Ctx, cue: Cue, depth: int = 0) -> tuple[tuple[int, int] | None, bool]:
    """(token range of the speaker, inverted?) for a cue."""
    doc = ctx.doc
    head = doc[cue.head]
    lo, hi = ctx.unit_bounds(cue.head)
    subj = _subject(ctx, head)
    agent = _passive_agent(ctx, head, hi)
    if agent is not None:  # "was first reported by the Post", "critiqué par le syndicat"
        s, e = np_extent(ctx, agent, lo, hi)
        while s < agent.i and doc[s].dep_ == "case":
            s += 1
        return (s, e), True
    if _raised(ctx, head, hi) is not None:
        return None, False  # "X is expected to win": X is what is expected, nobody speaks
    if _passive_target(ctx, head):
        return None, False  # "X was accused of lying", "X was told that ...": X does not speak
    if subj is not None and subj.i < cue.start and _incise(ctx, cue, subj, lo, hi):
        subj = None  # "La réforme, a expliqué la ministre, entrera ...": the speaker follows
    if subj is not None:
        if subj.tag_ in ("WDT", "WP") or "PronType=Rel" in str(subj.morph):
            # the relative pronoun is the speaker mention; its antecedent names the speaker
            ante = head.head if head.dep_ in ("relcl", "acl:relcl", "acl") else None
            if ante is not None and ante.pos_ in SPEAKER_POS:
                ctx.antecedent[subj.i] = np_extent(ctx, ante, lo, hi)
                return (subj.i, subj.i + 1), False
        else:
            ap = _parenthetical_appos(ctx, cue, subj, lo, hi) or _as_object(ctx, cue, subj)
            if ap is not None:
                return np_extent(ctx, ap, ap.left_edge.i, cue.start), False
            return np_extent(ctx, subj, lo, hi), subj.i > head.i
    between = _name_after_quote(ctx, cue, lo)
    if between is not None:
        return between, False
    if head.pos_ in ("ADJ", "ADV", "NOUN") and head.i - 1 >= lo:
        # a cue the tagger took for a modifier after its subject ("Dassault dément", "le
        # gouvernement gabonais dément"): the noun phrase that ends before it
        prev = doc[head.i - 1]
        if prev.pos_ == "ADJ" and head.i - 2 >= lo:
            prev = doc[head.i - 2]
        if prev.pos_ in ("NOUN", "PROPN"):
            while prev.head.i < head.i and prev.head.i >= lo and prev.head.pos_ in ("NOUN", "PROPN") \
                    and prev.head.i != prev.i:
                prev = prev.head
            return np_extent(ctx, prev, lo, head.i), False
    # inverted subject: ", a déclaré lundi M. Zaemsky", ", said the spokesman"
    b = cue.start - 1
    while b >= lo and (doc[b].pos_ in ("AUX", "ADV") or _clitic_object(ctx, doc[b], head)) \
            and doc[b].text not in DASHES:
        b -= 1
    # (or after "as": "comme l'a souligné la porte-parole, ...")
    after_mark = b >= lo and (doc[b].is_punct or doc[b].is_quote or (
        doc[b].lower_ in ctx.lex.as_marks and b < cue.start - 1)) and not _participle(head)
    # 'Said Ellis: "..."': a sentence opening on the cue, then its speaker and the words
    opening = _opening_speaker(ctx, cue, hi) if cue.start == lo and head.tag_ in ("VBD", "VBZ") else 0
    if opening:
        hi = opening  # the speaker ends at the mark
    j = cue.end if after_mark or opening else hi
    limit = cue.end + 6
    while j < hi and j < limit:
        t = doc[j]
        if t.pos_ in ("ADV", "AUX", "PART") or t.lower_ in ctx.date_words or t.like_num:
            j += 1
            continue
        # a prepositional phrase before the inverted subject: ", a déclaré à l'AFP M. X",
        # ", a indiqué lors d'un point presse le porte-parole"
        if (after_mark and t.pos_ == "ADP" and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN")
                and t.head.right_edge.i + 1 < hi):
            j = _phrase_end(ctx, t.head)
            limit = min(hi, j + 6)
            continue
        if t.lower_ in ("-il", "-elle", "-ils", "-elles", "-t-il", "-t-elle", "-on"):
            return (j, j + 1), True
        if t.pos_ in SPEAKER_POS or t.pos_ == "DET" or t.lower_ in ctx.lex.titles:
            k = j
            while k < hi and doc[k].pos_ in ("DET", "ADJ") and k < j + 3:
                k += 1
            if (
                k < hi
                and doc[k].pos_ in SPEAKER_POS
                and ctx.quote_of[k] < 0  # never a word of the quoted content
                and not (doc[k].pos_ == "PRON" and doc[k].dep_ in ("obj", "iobj", "expl:comp", "dobj"))
            ):
                tok = doc[k]
                # climb to the phrase head inside the clause ("M." <- "Zaemsky")
                while (
                    tok.head.i != tok.i
                    and tok.head.i >= j
                    and tok.head.i < hi
                    and tok.head.pos_ in SPEAKER_POS
                    and tok.dep_ in ("flat", "flat:name", "compound", "det", "amod", "nmod", "appos")
                ):
                    tok = tok.head
                s, e = np_extent(ctx, tok, j, hi)
                return (min(s, j), e), True
        break
    # a participle after a comma continues the previous cue of the sentence: "..., indiquant que"
    participle = head.tag_ == "VBG" or (
        "VerbForm=Part" in str(head.morph) and "Tense=Pres" in str(head.morph)
    )
    # ('"A," X said, not even needing to mention B': the infinitive cue of a subjectless
    # participle after the comma continues the cue before, like the participle itself)
    lead = head.head if head.dep_ == "xcomp" and _participle(head.head) and head.head.i < head.i else None
    if lead is not None and (lead.i in ctx.cue_at or _subject(ctx, lead) is not None):
        lead = None
    first = lead.i if lead is not None else cue.start
    while lead is not None and first - 1 > lo and (
        doc[first - 1].pos_ in ("ADV", "PART") or doc[first - 1].lower_ in ctx.lex.neg_particles
    ):
        first -= 1  # (", not even needing")
    if depth < 2 and (participle or lead is not None) and first > lo and doc[first - 1].text in DASHES:
        prev = [c for c in ctx.cues if lo <= c.head < first]
        if prev:
            # the outermost cue the participle hangs on ("affirmé que la ville se relèverait,
            # ajoutant ...": affirmé, not the cue word of the content)
            up = {a.i for a in head.ancestors}
            outer = [c for c in prev if c.head in up]
            return find_speaker(ctx, outer[0] if outer else prev[-1], depth + 1)
    # a noun phrase right before the verb group that the parser did not attach as subject
    j = cue.start - 1
    while j >= lo and (doc[j].pos_ in ("AUX", "ADV", "PART") or doc[j].lower_ in ctx.lex.neg_particles
                       or _in_verb_group(ctx, cue, doc[j])):
        j -= 1
    if j >= lo and j < cue.start - 1 and doc[j].pos_ == "PRON" and doc[j].dep_ == "nsubj" \
            and not _clitic_object(ctx, doc[j], head) and ctx.quote_of[j] < 0 \
            and (doc[j].head.i == cue.head or doc[j].head.head.i == cue.head):
        return (j, j + 1), False  # "Il a par ailleurs mis en garde" ("a" parsed as the verb)
    j = _skip_time(ctx, j, lo)
    # ("Trump is questioning X" with "is" for an auxiliary: a finite verb group)
    progressive = participle and any(c.dep_ == "aux" and c.i < head.i for c in head.children)
    if (
        j >= lo
        and (not participle or progressive)
        and doc[j].pos_ in ("NOUN", "PROPN", "ADJ")
        and ctx.quote_of[j] < 0
    ):
        tok = doc[j]
        while (
            tok.pos_ == "ADJ"
            and tok.head.i != tok.i
            and lo <= tok.head.i < j
            and tok.head.pos_ in ("NOUN", "PROPN")
        ):
            tok = tok.head
        v = tok.head.head if tok.dep_ == "pobj" else None
        if v is not None and v.tag_ in ("VBG", "VBN") and v.i < cue.start:
            # 'Protesters marching through the streets chanted' read with "marching" as the
            # verb: the noun the participle describes speaks, not the object of its preposition
            subj = next((c for c in v.children if c.dep_ in SUBJ and lo <= c.i < v.i), None)
            if subj is not None:
                return np_extent(ctx, subj, lo, v.i), False
        # ('Trump took to Twitter overnight to accuse X': the object of a preposition before
        # a dependent verb is no subject; the verb it depends on has one)
        governed = tok.dep_ == "pobj" and head.dep_ in ("advcl", "xcomp", "acl", "conj", "relcl", "ccomp")
        if tok.pos_ in ("NOUN", "PROPN") and not governed:
            s, e = np_extent(ctx, tok, lo, cue.start)
            return (s, min(e, j + 1)), False
    # a participle on a noun: the noun ('footage of Jane Roe asking, "..."', 'a tweet attacking X')
    noun = head.head
    if (
        participle
        and head.dep_ == "acl"
        and noun.i < head.i
        and noun.pos_ in ("PROPN", "NOUN", "PRON")
        and lo <= noun.i
        and ctx.quote_of[noun.i] < 0
        and _acl_speaker(ctx, noun)
    ):
        return np_extent(ctx, noun, lo, head.i), False
    # participle or coordinated verb: the subject of the verb it depends on
    # ("sings before asking her": a gerund after a preposition of a verb without an object
    # has the verb's subject; "by" whatever the object: "pitched himself by telling them")
    as_participle = participle and _gerund_verb(ctx, head) is not None
    dependent = head.dep_ in ("advcl", "conj", "xcomp", "acl", "parataxis") or as_participle
    if depth < 2 and dependent and head.head.i != head.i:
        # ("X was quoted as saying ...", "X won votes by saying ...": the subject of the verb
        # "as" or "by" hangs on)
        gov = head.head.head if as_participle else head.head
        if (
            head.dep_ == "xcomp"
            and gov.dep_ in ("advcl", "xcomp", "pcomp")
            and gov.tag_ in ("VBG", "VBN", "VB")
            and gov.i not in ctx.cue_at
            and _subject(ctx, gov) is None
        ):
            # ('X said, going on to say that ...', 'X responded by using Y to prove that ...':
            # the verb the phrase hangs on)
            up_verb = _gerund_verb(ctx, gov) if gov.dep_ == "pcomp" else gov.head
            gov = up_verb if up_verb is not None else gov
        if head.dep_ == "xcomp" and gov.lemma_.lower() in ctx.lex.object_control:
            # ("forced the CEO, who ..., to admit that", "a poussé le ministre à reconnaître")
            obj = next((c for c in gov.children if c.dep_ in ("obj", "dobj") and c.i < head.i), None)
            if obj is not None and obj.pos_ in SPEAKER_POS and ctx.quote_of[obj.i] < 0:
                return np_extent(ctx, obj, lo, head.i), False
        if gov.i in ctx.cue_at:
            return find_speaker(ctx, ctx.cue_at[gov.i], depth + 1)
        if participle and gov.dep_ == "ccomp" and gov.head.i in ctx.cue_at and gov.head.i < cue.head:
            # "X said A would recover, adding that B": the parser hangs the participle on A
            return find_speaker(ctx, ctx.cue_at[gov.head.i], depth + 1)
        up = next((a for a in list(gov.ancestors)[:4] if a.i in ctx.cue_at), gov)
        if (
            head.dep_ == "conj"
            and gov.dep_ in ("ccomp", "relcl", "advcl", "pcomp")
            and up.i in ctx.cue_at
            and up.i < cue.head
            and any(head.tag_ in g and up.tag_ in g for g in (("VBD", "VBN"), ("VBZ", "VBP"), ("VB",)))
            and doc[head.i - 1].pos_ == "CCONJ"
        ):
            # 'tweeted that X was "a con" and encouraged Y' hung on "was": the tweeter's
            return find_speaker(ctx, ctx.cue_at[up.i], depth + 1)
        subj = _subject(ctx, gov)
        while subj is None and gov.dep_ == "conj" and gov.head.i < gov.i and as_participle:
            gov = gov.head  # ('X appeared on TV and began by saying that ...')
            subj = _subject(ctx, gov)
        if subj is not None and head.dep_ != "acl":
            glo, ghi = ctx.unit_bounds(gov.i)
            return np_extent(ctx, subj, glo, ghi), False
    return None, False


def _in_verb_group(ctx: Ctx, cue: Cue, t: Token) -> bool:
    """A word of the verb group before the cue that the tests on tags miss: an auxiliary
    tagged as a verb, "par ailleurs", the clitic or stressed pronoun of an object ("Puel a lui
    aussi démenti", "X lui a dit")."""
    doc = ctx.doc
    if t.head.i == cue.head and t.dep_.startswith("aux"):
        return True
    if t.pos_ == "ADP" and t.head.pos_ == "ADV" and t.i < t.head.i < cue.start:
        return True
    return t.pos_ == "PRON" and t.dep_ in ("iobj", "obj") and t.head.i == cue.head \
        and t.i + 1 < len(doc) and ctx.quote_of[t.i] < 0


def _phrase_end(ctx: Ctx, noun: Token) -> int:
    """End of a prepositional phrase before an inverted subject, without the person the parser
    hung on it (", a déclaré à l'AFP Jean Roy, l'avocat", "lors d'un point presse le
    porte-parole"): an apposition or conjunct naming someone starts the subject."""
    end = noun.right_edge.i + 1
    for c in noun.rights:
        if c.dep_ in ("appos", "conj") and _names_someone(ctx, c):
            return min(end, c.left_edge.i)
    return end


def _names_someone(ctx: Ctx, tok: Token) -> bool:
    """A person entity or a person role heads ``tok``."""
    e = ctx.index.tok2ent[tok.i]
    if e >= 0 and ctx.index.ents[e].label == "PER":
        return True
    return tok.lower_ in ctx.lex.person_roles or tok.lemma_.lower() in ctx.lex.person_roles


def _gerund_verb(ctx: Ctx, tok: Token) -> Token | None:
    """The verb whose subject does the act of a gerund after its preposition, or None: after
    "as" and adjunct prepositions ("quoted as saying", "by telling", "before asking") whatever
    the verb's object; after another preposition only a verb without object ("sings to X
    before asking" but "criticized X for rejecting": X rejects); a copula only when its subject
    names someone."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if not (verb.pos_ == "VERB" or (verb.pos_ == "AUX" and _someone_is(ctx, verb))):
        return None
    if prep.lower_ in ctx.lex.as_marks | ctx.lex.manner_preps:
        return verb
    return None if any(c.dep_ in ("dobj", "obj") for c in verb.children) else verb


def _acl_speaker(ctx: Ctx, noun: Token) -> bool:
    """A noun that speaks through a participle on it: not the object of a preposition of place,
    time or address ("in many cases reporting X", "a letter to leaders opposing X"), but "of"
    ("footage of Jane Roe asking ..."), or a document that speaks ("in a report showing X")."""
    if noun.dep_ == "pobj":
        prep = noun.head.lower_
    elif noun.dep_.startswith(("obl", "nmod")):
        prep = next((c.lower_ for c in noun.children if c.dep_ == "case"), "")
    else:
        return True
    return prep in ctx.lex.of_preps or noun.lemma_.lower() in ctx.lex.in_sources


def _someone_is(ctx: Ctx, verb: Token) -> bool:
    """The subject of a copula names someone ("Clinton was more skillful at ignoring X", not
    "the choice was between attacking X")."""
    subj = _subject(ctx, verb)
    if subj is None:
        return False
    return subj.pos_ in ("PRON", "PROPN") or subj.lemma_.lower() in ctx.lex.person_roles


def _name_after_quote(ctx: Ctx, cue: Cue, lo: int) -> tuple[int, int] | None:
    """'"A," Flynn, a top aide, said': the noun phrase between a quotation and the cue when the
    parser hung it on a word of the quotation (no subject for the cue)."""
    doc = ctx.doc
    b = cue.start - 1
    if b <= lo or doc[b].text != ",":
        return None
    k = b
    while k > lo and ctx.quote_of[k - 1] < 0 and b - k < MAX_SPEAKER:
        k -= 1
    if k <= lo or ctx.quote_ending_at(k) < 0:
        return None
    if any(doc[i].pos_ in ("VERB", "AUX", "SCONJ") for i in range(k, b)):
        return None
    e = k
    while e < b and doc[e].text != ",":
        e += 1
    s, e = ctx.trim(k, e)
    # (not a phrase of the sentence after a quoted word: 'called X a "champion" for its
    # members, citing Y')
    if e > s and doc[s].pos_ != "ADP" and any(doc[i].pos_ in ("PROPN", "NOUN") for i in range(s, e)):
        return s, e
    return None


def _parenthetical_appos(ctx: Ctx, cue: Cue, subj: Token, lo: int, hi: int) -> Token | None:
    """'To understand the case, Justice Roberts said, one should ...': the parser takes the noun
    phrase ending the opening phrase for the subject and the speaker for its apposition. The
    apposition right before a cue set off by commas is the speaker when the "subject" follows a
    verb or preposition (it is that word's object)."""
    doc = ctx.doc
    if subj.i >= cue.start or cue.end >= hi or doc[cue.end].text != ",":
        return None
    b = subj.left_edge.i - 1
    if b < lo or doc[b].pos_ not in ("VERB", "ADP", "AUX"):
        return None
    for ap in subj.children:
        if ap.dep_ == "appos" and ap.right_edge.i + 1 == cue.start and doc[ap.left_edge.i - 1].text == ",":
            return ap
    return None


def _as_object(ctx: Ctx, cue: Cue, subj: Token) -> Token | None:
    """'Hawaii, as one of the advisers pointed out, rarely ...': the parser takes "as" for a
    preposition of the cue and the words before for its subject; the object of "as" speaks."""
    doc = ctx.doc
    if subj.i >= cue.start:
        return None
    for a in doc[cue.head].children:
        if a.dep_ == "prep" and a.lower_ in ctx.lex.as_marks and subj.i < a.i < cue.start:
            obj = [o for o in a.children if o.dep_ == "pobj"]
            if obj and obj[0].right_edge.i + 1 == cue.start and doc[a.i - 1].text in DASHES:
                return obj[0]
    return None


def _opening_speaker(ctx: Ctx, cue: Cue, hi: int) -> int:
    """The colon or comma after a name of at most four words, before a quotation ("Said
    Ellis: "), else 0."""
    doc = ctx.doc
    for k in range(cue.end, min(hi, cue.end + 5)):
        if doc[k].text in (":", ","):
            return k if k > cue.end and k + 1 < hi and ctx.quote_of[k + 1] >= 0 else 0
        if doc[k].pos_ not in ("PROPN", "DET", "ADJ", "NOUN") or ctx.quote_of[k] >= 0:
            return 0
    return 0


def _skip_time(ctx: Ctx, j: int, lo: int) -> int:
    """Back over a time phrase before the verb ("X, on Tuesday, denied", "X mardi a démenti")
    and the comma closing an apposition ("the envoy, Dmitar Kovel, denied"): the index of the
    last word of the noun phrase before, or ``j`` unchanged."""
    doc = ctx.doc
    k = j
    if k < lo or not _is_time(ctx, doc[k]):
        return j
    while k >= lo and (_is_time(ctx, doc[k]) or doc[k].like_num or doc[k].pos_ == "DET"):
        k -= 1
    if k >= lo and doc[k].pos_ == "ADP":
        k -= 1
    if k >= lo and doc[k].text == ",":
        k -= 1
    if k >= lo and doc[k].pos_ in ("NOUN", "PROPN") and not _is_time(ctx, doc[k]):
        return k
    return j
