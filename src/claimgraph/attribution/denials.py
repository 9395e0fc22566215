"""Bare denials: a denial verb with no content of its own ("Kiev dément.", "Moscou a démenti.",
"Le ministère dément catégoriquement", "L'Elysée nie tout", "The ministry denied it").

Such a statement rejects what was said before it: its content is empty (at the end of its
cue), or what follows the verb up to the next punctuation when that is a claim the other
constructions missed (a pronoun, an infinitive or gerund, a noun of claims: "nie tout",
"a démenti jeudi être ...", "rejected the allegation"); it targets the nearest earlier
statement of another speaker in its paragraph or the one before. The verb is a denial verb
of the language's cues.toml [verbs] deny, finite or with an auxiliary, active, not negated
("n'a pas démenti" denies nothing), not a refusal ("refused", an infinitive cue), with a
subject that is no poll figure ("44 percent disagreed"), and no statement on its cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.cues import is_negated
from claimgraph.attribution.lexicon import Lexicon
from claimgraph.attribution.nocomment import group_start, renumber, subject_of
from claimgraph.attribution.polarity import deny_verb
from claimgraph.attribution.statements import Ctx, np_extent
from claimgraph.model import Attribution, Mention, Span

PASSIVE = frozenset({"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"})
CLAIMS = frozenset({"report", "deny"})
COUNTS = frozenset({"PERCENT", "CARDINAL", "QUANTITY"})
SKIP_ENTS = frozenset({"DATE", "TIME"})
MARKS = frozenset({"«", "»", "“", "”", '"', "'", "’", "‘"})


def _rest(ctx: Ctx, verb: Token) -> tuple[int, int]:
    """What follows the denial verb in its clause, up to the next punctuation (or the end of
    the verb's quotation): adverbs and times skipped ("a démenti jeudi être ...", "nie tout",
    "denied it"); empty when nothing."""
    doc = ctx.doc
    s = verb.i + 1
    end = verb.sent.end
    while s < end and (doc[s].pos_ == "ADV" or doc[s].ent_type_ in SKIP_ENTS):
        s += 1
    if s + 1 < end and doc[s].pos_ == "PRON" and doc[s + 1].is_punct:
        return s, s + 1  # "denied it, saying ..."
    e, quote = s, ctx.quote_of[verb.i]
    if quote >= 0 and ctx.quotes[quote][1] <= verb.i + 2:
        quote = -1  # the verb alone is quoted ('“denied” the allegation')
    while e < end and not (quote >= 0 and ctx.quote_of[e] != quote) and "\n" not in doc[e].text \
            and not (
            doc[e].pos_ == "PUNCT" and doc[e].text not in MARKS
            and (quote >= 0 or ctx.quote_of[e] < 0)):
        e += 1
    return s, e


def _claim_object(ctx: Ctx, verb: Token, s: int, e: int) -> bool:
    """What follows the denial is a claim: a pronoun ("nie tout", "denied it"), an infinitive
    or gerund ("a démenti avoir ...", "denied being ..."), or a phrase whose head is a noun of
    claims or saying ("rejected the allegations", "dément les informations")."""
    doc, lex = ctx.doc, ctx.lex
    if doc[s].pos_ == "PRON" and (e - s == 1 or doc[s + 1].is_punct):
        return True
    # an infinitive or gerund opens it, past a time ("a démenti jeudi être ...")
    if any({"Inf", "Ger"} & set(t.morph.get("VerbForm")) for t in doc[s:min(e, s + 2)]):
        return True
    heads = [t for t in doc[s:e] if t.head.i == verb.i or not s <= t.head.i < e]
    if any(lex.cue_nouns.get(h.lower_) == "deny" for h in heads):
        return True  # "a opposé un démenti catégorique" ("démenti" read as a participle)
    return any(h.pos_ == "NOUN" and (h.lemma_.lower() in lex.claim_nouns
                                     or lex.cue_nouns.get(h.lemma_.lower()) in CLAIMS)
               for h in heads)  # ("la semaine dernière une affirmation ...")


def _misread(t: Token, lex: Lexicon) -> bool:
    """A finite denial verb the tagger read as an adjective or adverb of the proper name
    before it ("Kiev dément.", "Dassault dément", "Le MDN dément catégoriquement": "dément" is
    also an adjective): its form is a denial verb by the inflection rules and it hangs from
    that name (a proper noun, or a capitalised noun: "Dassault")."""
    name = t.head.pos_ == "PROPN" or (t.head.pos_ == "NOUN" and t.head.text[:1].isupper())
    return t.pos_ in ("ADV", "ADJ") and name and t.head.i == t.i - 1 \
        and t.dep_ in ("advmod", "amod") and deny_verb(t, lex)


def _span(ctx: Ctx, s: int, e: int) -> Span:
    doc = ctx.doc
    start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
    return Span(start=start, end=end, text=doc.text[start:end])


def bare_denials(ctx: Ctx, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` with the bare denials added (renumbered in text order)."""
    doc, lex = ctx.doc, ctx.lex
    found: list[Attribution] = []
    for t in doc:
        misread = _misread(t, lex)
        if not misread and (t.pos_ != "VERB" or lex.cue_verbs.get(t.lemma_.lower()) != "deny"):
            continue
        if is_negated(doc, t.i, lex) or "Inf" in t.morph.get("VerbForm") \
                or (t.dep_ in ("amod", "acl", "xcomp", "relcl", "acl:relcl") and not misread):
            continue
        if any(c.dep_ in PASSIVE for c in t.children) or (
                "Pass" in t.morph.get("Voice") and not any(c.dep_ == "aux:tense" for c in t.children)):
            continue  # "was dismissed", "sera rejeté": what happened to someone ("ont démenti" is
            # active: French participles carry Voice=Pass whatever their auxiliary)
        if "Part" in t.morph.get("VerbForm") and not any(c.dep_.startswith("aux")
                                                         for c in t.children):
            continue  # "unanswered and dismissed": a participle, no one's statement
        if t.lemma_.lower() in lex.infinitive_cues:
            continue  # "she refused", "he declined": a refusal, not a denial
        s = group_start(ctx, t)
        cue = _span(ctx, s, t.i + 1)
        if any(a.cue is not None and a.cue.start < cue.end and cue.start < a.cue.end for a in atts):
            continue
        subj = t.head if misread else subject_of(t)
        if subj is None or (subj.i > t.i and subj.pos_ != "PRON") or subj.pos_ == "NUM" \
                or subj.ent_type_ in COUNTS:
            continue  # "44 percent disagreed": poll figures, not speakers
        if subj.lemma_.lower() in lex.claim_nouns or lex.cue_nouns.get(subj.lemma_.lower()) in CLAIMS:
            continue  # "Reports on X dismissed": a headline's passive, what is denied
        lo, hi = ctx.unit_bounds(subj.i)
        a, b = np_extent(ctx, subj, lo, hi)
        speaker = _span(ctx, a, b)
        ent = ctx.index.in_span(a, b)
        cs, ce = _rest(ctx, t)
        if ce > cs and not _claim_object(ctx, t, cs, ce):
            continue  # "rejected the bill", "disagrees with the policy": no claim denied
        content = _span(ctx, cs, ce) if ce > cs else Span(start=cue.end, end=cue.end, text="")
        found.append(Attribution(
            id="", speaker=Mention(start=speaker.start, end=speaker.end, text=speaker.text),
            speaker_entity=ent.id if ent else None, speaker_name=ent.name if ent else speaker.text,
            role=ent.role if ent else None, cue=cue, content=content, kind="indirect",
            stance="deny", stance_evidence="cue", cue_class="deny", mode="speech",
            target=_target(ctx, atts, t, ent.id if ent else None)))
    if not found:
        return atts
    return renumber(atts + found)


def _target(ctx: Ctx, atts: list[Attribution], verb: Token, entity: str | None) -> str | None:
    """The id of the nearest earlier statement of another speaker that does not deny, in the
    paragraph of ``verb`` or the one before."""
    para = ctx.para_of[verb.i]
    best = None
    for a in atts:
        if a.content.end > verb.idx or a.stance == "deny" or a.kind == "no_comment":
            continue
        if entity is not None and a.speaker_entity == entity:
            continue
        tok = ctx.doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
        if tok is None or para - ctx.para_of[tok.start] > 1:
            continue
        if best is None or a.content.start > best.content.start:
            best = a
    return best.id if best is not None else None
