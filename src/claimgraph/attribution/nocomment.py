"""Refusals to comment: statements of kind "no_comment", with no content.

Constructions (words in cues.toml [no_comment]):
- a comment verb refused: "a refusé de commenter", "declined to comment", "n'a pas souhaité
  réagir" (a refusal verb, or a wish verb that is negated, governs it);
- a comment verb negated: "n'a pas répondu", "did not respond to a request for comment";
- a comment noun refused or left unanswered: "a refusé tout commentaire", "n'a pas fait de
  commentaires", "did not return calls".

Such a statement says nothing: its content is empty (at the end of its cue), or the topic
the refusal is about ("commenter ces informations", "comment on the report"), which the
speaker does not assert; a statement found on the same words (a negated cue with
"commenter" as content) is replaced by it.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.cues import is_negated
from claimgraph.attribution.lexicon import NoCommentWords
from claimgraph.attribution.statements import Ctx, np_extent
from claimgraph.model import Attribution, Mention, Span

SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass")


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _refuses(ctx: Ctx, verb: Token, w: NoCommentWords) -> bool:
    if _lemma(verb) in w.refusals:
        return not is_negated(ctx.doc, verb.i, ctx.lex)
    return _lemma(verb) in w.wishes and is_negated(ctx.doc, verb.i, ctx.lex)


def _construction(ctx: Ctx, t: Token, w: NoCommentWords) -> Token | None:
    """The verb that carries the refusal of ``t`` (a comment verb or noun), or None."""
    if _lemma(t) in w.verbs and t.pos_ in ("VERB", "AUX"):
        gov = t.head
        if t.dep_ in ("xcomp", "ccomp", "obj", "advcl") and gov.i != t.i and _refuses(ctx, gov, w):
            return gov
        if is_negated(ctx.doc, t.i, ctx.lex):
            return t
    if _lemma(t) in w.nouns and t.pos_ == "NOUN" and t.dep_ in ("obj", "dobj"):
        verb = t.head
        if _refuses(ctx, verb, w) or (_lemma(verb) not in w.wishes
                                      and is_negated(ctx.doc, verb.i, ctx.lex)):
            return verb
    return None


def _topic(ctx: Ctx, t: Token) -> tuple[int, int] | None:
    """What the refusal is about: "commenter ces informations", "comment on the report"."""
    _, hi = ctx.unit_bounds(t.i)
    preps = ctx.lex.no_comment.topic_preps
    for c in t.children:
        if c.i < t.i:
            continue
        if c.dep_ in ("obj", "dobj"):
            return np_extent(ctx, c, t.i + 1, hi)
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None:
                return np_extent(ctx, obj, t.i + 1, hi)
        if c.dep_ in ("obl", "obl:arg") and any(x.dep_ == "case" and x.lower_ in preps
                                                for x in c.children):
            s, e = np_extent(ctx, c, t.i + 1, hi)
            while s < e and ctx.doc[s].lower_ in preps:
                s += 1
            return (s, e) if e > s else None
    return None


def subject_of(verb: Token) -> Token | None:
    v = verb
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            return subj
        if v.head.i == v.i or v.dep_ not in ("xcomp", "conj", "advcl"):
            return None
        v = v.head
    return None


def group_start(ctx: Ctx, verb: Token) -> int:
    """Start of the verb group: its auxiliaries and negation ("n'a pas souhaité")."""
    neg = ctx.lex.neg_particles | ctx.lex.neg_words
    left = [c.i for c in verb.children if c.i < verb.i and (
        c.dep_ in ("aux", "aux:tense", "aux:pass", "neg", "auxpass") or c.lower_ in neg)]
    return min([verb.i, *left])


def no_comments(ctx: Ctx, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` with the refusals to comment as "no_comment" statements (renumbered in order)."""
    doc = ctx.doc
    w = ctx.lex.no_comment
    if not (w.verbs or w.nouns):
        return atts
    found: list[Attribution] = []
    drop: set[int] = set()
    for t in doc:
        if ctx.quote_of[t.i] >= 0:
            continue  # «nous ne réagirons pas»: the words of a statement, not a refusal reported
        verb = _construction(ctx, t, w)
        if verb is None or any(c.dep_.startswith("expl") or c.lower_ in w.impersonal
                                   for c in verb.children):
            continue  # "il n'y a pas eu de réaction": nobody refuses
        s, e = min(group_start(ctx, verb), t.i), max(verb.i, t.i) + 1
        cue = Span(start=doc[s].idx, end=doc[e - 1].idx + len(doc[e - 1]), text="")
        cue.text = doc.text[cue.start:cue.end]
        same = [k for k, a in enumerate(atts) if a.cue is not None and a.cue.start < cue.end
                and cue.start < a.cue.end]
        drop.update(same)
        if any(f.cue is not None and f.cue.start < cue.end and cue.start < f.cue.end for f in found):
            continue
        base = atts[same[0]] if same else None
        speaker, entity, name, role = None, None, None, None
        if base is not None and base.speaker is not None:
            speaker, entity, name, role = base.speaker, base.speaker_entity, base.speaker_name, base.role
        else:
            subj = subject_of(verb)
            if subj is None:
                continue
            lo, hi = ctx.unit_bounds(subj.i)
            a, b = np_extent(ctx, subj, lo, hi)
            speaker = Mention(start=doc[a].idx, end=doc[b - 1].idx + len(doc[b - 1]),
                              text=doc.text[doc[a].idx:doc[b - 1].idx + len(doc[b - 1])])
            ent = ctx.index.in_span(a, b)
            if ent is not None:
                entity, name, role = ent.id, ent.name, ent.role
        topic = _topic(ctx, t) if _lemma(t) in w.verbs else None
        if topic is not None:
            ts, te = doc[topic[0]].idx, doc[topic[1] - 1].idx + len(doc[topic[1] - 1])
            content = Span(start=ts, end=te, text=doc.text[ts:te])
        else:
            content = Span(start=cue.end, end=cue.end, text="")
        found.append(Attribution(
            id="", speaker=speaker, speaker_entity=entity, speaker_name=name, role=role,
            cue=cue, content=content, kind="no_comment",
            stance="assert", stance_evidence="cue", cue_class="no_comment", mode="speech",
            via=base.via if base is not None else []))
    if not found:
        return atts
    return renumber([a for k, a in enumerate(atts) if k not in drop] + found)


def renumber(kept: list[Attribution]) -> list[Attribution]:
    """``kept`` in text order with ids A1, A2, ... and targets pointing at the new ids."""
    kept.sort(key=lambda a: (a.content.start, a.cue.start if a.cue else 0))
    ids = {a.id: f"A{k + 1}" for k, a in enumerate(kept) if a.id}
    for k, a in enumerate(kept):
        a.id = f"A{k + 1}"
    for a in kept:
        a.target = ids.get(a.target) if a.target else None
    return kept
