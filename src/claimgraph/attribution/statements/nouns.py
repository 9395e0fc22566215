"""Statements: cues carried by a noun, an adjective or an adverb.

"Trump's claim that ...", "voiced concern about X", "X was critical of Y", "X reportedly did
Y"; the parts of such a noun phrase (its that-clause or infinitive, its prepositional object,
its holder: possessor, agent noun, manner phrase) and the tests that tell a clause held by a
noun of saying from the cue's own content.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.cues import Cue
from claimgraph.attribution.statements.context import (
    NOUN_CLAUSE_DEPS,
    PASSIVE_AUX,
    SPEAKER_POS,
    SUBJ,
    Cand,
    Ctx,
    _is_time,
    _subject,
    np_extent,
    stance_of,
)


def _held_clause(ctx: Ctx, noun: Token, lo: int, hi: int) -> int | None:
    """Start of the that-clause of a noun of saying that has a holder ("the union's claim
    that ...", "l'affirmation du syndicat que ..."), or None."""
    lex = ctx.lex
    if noun.pos_ != "NOUN" or not (noun.lemma_.lower() in lex.cue_nouns or noun.lower_ in lex.cue_nouns):
        return None
    clause = _complement_clause(ctx, noun, hi)
    if clause is None or _possessor(ctx, noun, lo, hi, clause) is None:
        return None
    return clause[0]


def _held_by_noun(ctx: Ctx, noun: Token, cue: Cue) -> bool:
    """A that-clause right after a noun of saying or thinking that is not the cue's medium
    ("amid concerns that ...", "despite fears that ..." but "said in a statement that ...")."""
    lex = ctx.lex
    if noun.pos_ != "NOUN" or not (noun.lemma_.lower() in lex.cue_nouns or noun.lower_ in lex.cue_nouns):
        return False
    prep = noun.head if noun.dep_ in ("pobj", "obl", "nmod") else None
    if prep is not None and prep.dep_ != "case":
        case = [k for k in noun.children if k.dep_ == "case"]
        prep = case[0] if noun.dep_ != "pobj" and case else prep
    return prep is None or prep.lower_ not in lex.medium_preps


def _noun_complement(ctx: Ctx, mark: Token, cue: Cue) -> bool:
    """The that-clause of ``mark`` completes a noun of saying that is the cue's object ("the
    claim that ...", "l'affirmation que ..."), not the cue itself."""
    verb = mark.head
    noun = verb.head
    if verb.dep_ not in NOUN_CLAUSE_DEPS or noun.i == verb.i or noun.pos_ != "NOUN":
        return False
    lex = ctx.lex
    return noun.head.i == cue.head and (noun.lemma_.lower() in lex.cue_nouns or noun.lower_ in lex.cue_nouns)


def _complement_clause(ctx: Ctx, tok: Token, hi: int, bare: bool = False) -> tuple[int, int] | None:
    """A that-clause or an infinitive depending on a noun or adjective ("the claim that ...",
    "her decision to ...", "sure that ..."); ``bare``: a finite clause without "that" too
    ("she was sure X would win")."""
    doc, lex = ctx.doc, ctx.lex
    for c in tok.rights:
        if c.i >= hi or c.dep_ not in NOUN_CLAUSE_DEPS:
            continue
        first = doc[c.left_edge.i]
        if first.i <= tok.i:
            continue
        complement = first.lower_ in lex.complementizers and first.dep_ == "mark"
        if c.pos_ not in ("VERB", "AUX") and not (complement and c.dep_ == "ccomp"):
            continue  # (a participle the tagger took for an adjective: "that X may be undercut")
        complement = complement or (
            bare and c.dep_ == "ccomp" and any(k.dep_ in SUBJ | {"nsubjpass"} for k in c.children)
        )
        infinitive = "VerbForm=Inf" in str(c.morph) and first.dep_ in ("aux", "mark") and first.i < c.i
        if complement or infinitive:
            s, e = ctx.trim(first.i, min(c.right_edge.i + 1, hi))
            if e - s >= 2:
                return s, e
    return None


def _detached_clause(ctx: Ctx, tok: Token, hi: int) -> tuple[int, int] | None:
    """The that-clause right after a noun of saying or thinking that the parser hangs on a
    verb ("amid growing concerns that they depend on X": a complement of "concerns")."""
    doc, lex = ctx.doc, ctx.lex
    j = tok.i + 1
    # (over a prepositional phrase of the noun: "worries from Paris to Prague that ...")
    while j < min(hi, tok.i + 7) and doc[j].pos_ in ("ADP", "PROPN", "DET", "NUM") and doc[j].dep_ != "mark":
        j += 1
    if j >= hi or doc[j].lower_ not in lex.complementizers or doc[j].dep_ != "mark":
        return None
    verb = doc[j].head
    if verb.i <= j or verb.i >= hi or verb.dep_ not in ("ccomp", "advcl", "acl", "conj", "parataxis"):
        return None
    if verb.head.i == verb.i or tok.i in {a.i for a in verb.ancestors}:
        return None  # (a clause of the noun itself is found by _complement_clause)
    s, e = ctx.trim(j, min(verb.right_edge.i + 1, hi))
    return (s, e) if e - s >= 3 else None


def _subject_clause(ctx: Ctx, tok: Token, hi: int) -> tuple[int, int] | None:
    """A that- or whether-clause of the verb whose subject the noun is ("X's bet is that ...",
    "suspicions run high that ...")."""
    doc, lex = ctx.doc, ctx.lex
    verb = tok.head
    for c in [*verb.rights, *(k for a in verb.rights if a.dep_ in ("advmod", "acomp") for k in a.rights)]:
        if c.i >= hi or c.dep_ not in ("ccomp", "advcl", "attr") or c.pos_ not in ("VERB", "AUX"):
            continue
        first = doc[c.left_edge.i]
        if first.i <= tok.i or first.dep_ != "mark":
            continue
        if first.lower_ in lex.complementizers or first.lower_ in lex.question_words:
            s, e = ctx.trim(first.i, min(c.right_edge.i + 1, hi))
            if e - s >= 3:
                return s, e
    return None


def _prep_object(ctx: Ctx, tok: Token, hi: int) -> tuple[int, int] | None:
    """The object of "about/of/over ..." after a noun or adjective ("concerns about X")."""
    preps = ctx.lex.noun_preps
    for c in tok.rights:
        if c.i >= hi:
            continue
        if c.dep_ == "prep" and c.lower_ in preps:
            s, e = ctx.trim(c.i + 1, min(c.right_edge.i + 1, hi))
        elif c.dep_ in ("nmod", "obl") and any(k.dep_ == "case" and k.lower_ in preps for k in c.children):
            case = max(k.i for k in c.children if k.dep_ == "case")
            s, e = ctx.trim(case + 1, min(c.right_edge.i + 1, hi))
        else:
            continue
        if e > s and not all(_is_time(ctx, t) or not t.is_alpha for t in ctx.doc[s:e]):
            return s, e  # (not a time: "his remarks on Saturday")
    return None


def _possessor(
    ctx: Ctx, tok: Token, lo: int, hi: int, content: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """'Trump's claim', 'his decision', 'a New York Times report', "l'affirmation du
    gouvernement": who owns the noun."""
    doc, lex = ctx.doc, ctx.lex
    for c in tok.lefts:
        poss = c.dep_ in ("poss", "nmod:poss") or (c.dep_ == "det" and "Poss=Yes" in str(c.morph))
        if poss and lo <= c.i:
            s, e = max(c.left_edge.i, lo), c.i + 1
            return ctx.trim(s, e)
    for c in tok.lefts:
        if c.dep_ == "compound" and c.pos_ == "PROPN" and ctx.index.tok2ent[c.i] >= 0:
            s = c.left_edge.i
            while s < c.i and doc[s].pos_ == "DET":
                s += 1
            return s, c.i + 1
    for c in tok.rights:
        if c.i >= hi or (content is not None and content[0] <= c.i < content[1]):
            continue
        if c.dep_ == "prep" and content is not None and c.i + 1 == content[0]:
            continue  # the preposition of the content itself ("a defender of the network")
        if c.dep_ in ("agent", "prep") and c.lower_ in lex.holder_preps:
            pobj = [k for k in c.children if k.dep_ == "pobj"]
            if pobj and (c.dep_ == "agent" or _names_someone(ctx, pobj[0])):
                return np_extent(ctx, pobj[0], lo, hi)
        if c.dep_ == "nmod" and _names_someone(ctx, c):
            case = [k.i for k in c.children if k.dep_ == "case" and k.i < c.i]
            if case and doc[case[0]].lower_ in lex.holder_preps:
                return np_extent(ctx, c, max(lo, case[-1] + 1), hi)
    return None


def _manner_noun(ctx: Ctx, tok: Token) -> Token | None:
    """The verb a noun hangs on through a preposition of manner ("left with hopes of X",
    "partis avec l'espoir de X")."""
    preps = ctx.lex.noun_manner_preps
    if tok.dep_ == "pobj" and tok.head.lower_ in preps:
        return tok.head.head
    case = any(c.dep_ == "case" and c.lower_ in preps for c in tok.children)
    if case and tok.dep_ in ("obl", "obl:mod", "nmod") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return None


def _agent_holder(ctx: Ctx, tok: Token, lo: int, hi: int) -> tuple[int, int] | None:
    """Who an agent noun is said of: the subject of its copula ("X is an opponent of Y"), the
    noun it stands in apposition to ("X, a supporter of Y") or the subject of the clause it
    opens ("A critic of Y, X said ...")."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ctx.lex.of_preps and tok.head.head.dep_ == "attr":
        tok = tok.head.head  # "X is one of the fiercest critics of Y"
    gov = tok.head
    if tok.dep_ == "attr" and gov.lemma_.lower() in ctx.lex.copulas:
        subj = _subject(ctx, gov)
        return np_extent(ctx, subj, lo, hi) if subj is not None and subj.i < tok.i else None
    if tok.dep_ == "appos" and gov.i < tok.i and gov.pos_ in SPEAKER_POS:
        return ctx.trim(max(lo, gov.left_edge.i), gov.i + 1)  # (without the apposition)
    if tok.dep_ == "npadvmod" and gov.pos_ in ("VERB", "AUX") and tok.i < gov.i:
        subj = _subject(ctx, gov)
        return np_extent(ctx, subj, lo, hi) if subj is not None and subj.i > tok.i else None
    return None


def _names_someone(ctx: Ctx, tok: Token) -> bool:
    """A person or organisation entity, or a role noun ("the minister", "du gouvernement")."""
    k = ctx.index.tok2ent[tok.i]
    if k >= 0 and ctx.index.ents[k].label in ("PER", "ORG"):
        return True
    low = tok.lemma_.lower()
    return low in ctx.lex.person_roles or low in ctx.lex.org_kinds or tok.lower_ in ctx.lex.org_kinds


def adverb_cues(ctx: Ctx) -> list[Cand]:
    """'X reportedly did Y', 'il aurait prétendument ...': the clause of the adverb is reported
    by nobody named."""
    doc, lex = ctx.doc, ctx.lex
    out: list[Cand] = []
    for tok in doc:
        cls = lex.cue_adverbs.get(tok.lower_)
        if cls is None or ctx.quote_of[tok.i] >= 0 or tok.head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        lo, hi = ctx.unit_bounds(tok.i)
        verb = tok.head
        s, e = ctx.trim(max(lo, verb.left_edge.i), min(hi, verb.right_edge.i + 1))
        while s < e and doc[s].dep_ in ("mark", "cc"):
            s += 1
        if e - s < 3:
            continue
        out.append(
            Cand(
                content=(s, e),
                kind="indirect",
                stance=stance_of(cls),
                cue_class=cls,
                unit=ctx.unit_of[tok.i],
                para=ctx.para_of[tok.i],
                cue=Cue(head=tok.i, start=tok.i, end=tok.i + 1, stance=cls, lemma=tok.lower_),
            )
        )
    return out


def noun_cues(ctx: Ctx) -> list[Cand]:
    """Statements carried by a noun ("Trump's claim that ...", "voiced concern about X") or an
    attitude adjective after a copula ("X was critical of Y", "X is confident that ...")."""
    doc, lex = ctx.doc, ctx.lex
    out: list[Cand] = []
    if not lex.cue_nouns and not lex.cue_adjectives:
        return out
    for tok in doc:
        if ctx.quote_of[tok.i] >= 0 or tok.i in ctx.cue_at:
            continue
        lem = tok.lemma_.lower()
        noun = tok.pos_ == "NOUN" and (lem in lex.cue_nouns or tok.lower_ in lex.cue_nouns)
        adj = (
            not noun
            and (lem in lex.cue_adjectives or tok.lower_ in lex.cue_adjectives)
            and (
                tok.pos_ == "ADJ"
                # a participle counts after a copula or a passive auxiliary ("est convaincu")
                or (tok.pos_ == "VERB" and any(c.dep_ in PASSIVE_AUX for c in tok.children))
                or (tok.pos_ == "VERB" and tok.dep_ == "acomp")
            )
        )
        if not noun and not adj:
            continue
        lo, hi = ctx.unit_bounds(tok.i)
        if adj:
            cls = lex.cue_adjectives.get(lem) or lex.cue_adjectives[tok.lower_]
            if tok.dep_ not in ("acomp", "ROOT", "ccomp", "conj", "xcomp", "advcl", "amod") or (
                tok.dep_ == "amod" and tok.head.pos_ != "AUX"
            ):
                continue
            # ("the engineers are convinced (that) ...": a passive subject holds the attitude)
            passive_subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
            holder = tok if _subject(ctx, tok) is not None or passive_subj is not None else tok.head
            subj = _subject(ctx, holder) or passive_subj
            if subj is None or subj.i > tok.i:
                continue
            speaker: tuple[int, int] | None = np_extent(ctx, subj, lo, hi)
            content = _complement_clause(ctx, tok, hi, bare=True) or _prep_object(ctx, tok, hi)
            if content is None and holder.i != tok.i and subj.lower_ in lex.expletives:
                # "it is clear (that) X": the clause the copula takes, said by nobody named
                clause = next((c for c in holder.rights if c.dep_ == "ccomp" and c.i > tok.i), None)
                if clause is not None and clause.left_edge.i > tok.i:
                    content = ctx.trim(clause.left_edge.i, min(clause.right_edge.i + 1, hi))
                    speaker = None
        else:
            cls = lex.cue_nouns.get(lem) or lex.cue_nouns[tok.lower_]
            content = _complement_clause(ctx, tok, hi) or _detached_clause(ctx, tok, hi)
            gov = tok.head
            support = tok.dep_ in ("dobj", "obj") and gov.lemma_.lower() in lex.support_verbs
            if content is None and support:
                # "a exprimé sa crainte que ...": the parser hangs the clause on the verb
                content = _complement_clause(ctx, gov, hi)
                if content is not None and content[0] < tok.i:
                    content = None
            if content is None and tok.dep_ in SUBJ and tok.head.i not in ctx.cue_at:
                # "Smith's bet is that ...", "one question is whether ...", "suspicions run
                # high that ...": the clause of the verb the noun is the subject of
                content = _subject_clause(ctx, tok, hi)
            if content is None and (lem in lex.object_nouns or tok.lower_ in lex.object_nouns):
                content = _prep_object(ctx, tok, hi)
            if content is None:
                continue
            speaker = _possessor(ctx, tok, lo, hi, content)
            pronoun = speaker is not None and speaker[1] - speaker[0] == 1
            pronoun = pronoun and doc[speaker[0]].pos_ in ("PRON", "DET")  # type: ignore[index]
            if (speaker is None or pronoun) and support:
                subj = _subject(ctx, gov)
                participle = gov.dep_ == "advcl" and gov.tag_ == "VBG"  # ("..., delivering speeches on X")
                if subj is None and (gov.dep_ in ("xcomp", "conj") or participle) and gov.head.i != gov.i:
                    subj = _subject(ctx, gov.head)
                if subj is not None:
                    speaker = np_extent(ctx, subj, lo, hi)
            if speaker is None and (lem in lex.agent_nouns or tok.lower_ in lex.agent_nouns):
                speaker = _agent_holder(ctx, tok, lo, hi)
            if speaker is None and _manner_noun(ctx, tok) is not None:
                verb = _manner_noun(ctx, tok)  # "they left with hopes of X": the subject holds them
                subj = _subject(ctx, verb) if verb.pos_ in ("VERB", "AUX") else None
                if subj is not None and subj.i < tok.i:
                    speaker = np_extent(ctx, subj, lo, hi)
        if content is None or content[1] - content[0] < 1:
            continue
        qs = {ctx.quote_of[i] for i in range(*content) if ctx.quote_of[i] >= 0}
        out.append(
            Cand(
                content=content,
                kind="mixed" if qs else "indirect",
                stance=stance_of(cls),
                cue_class=cls,
                unit=ctx.unit_of[tok.i],
                para=ctx.para_of[tok.i],
                cue=Cue(head=tok.i, start=tok.i, end=tok.i + 1, stance=cls, lemma=lem),
                speaker=speaker,
            )
        )
    return out
