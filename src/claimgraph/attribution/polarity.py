"""Polarity of a content: a statement whose content negates existence or every case denies.

"Il n'y a aucun militaire étranger sur le sol égyptien", "n'a jamais caché ses déplacements",
"there is no truth in it", "nothing I did could be misconstrued": the speaker rejects that
something is or happened, whatever the verb that carries it ("a déclaré", "said"). A plain
negation does not ("il ne viendra pas", "we do not expect a deal"): only a negative quantifier
or a negated "there is" counts. The words are the language's [negation] data (cues.toml).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.attribution.lexicon import Lexicon

PREDICATES = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON"})
# what a negative quantifier may be to the predicate: its subject, object, complement or
# adverb, or the determiner of one of those ("aucun cratère n'indique", "no strike on X")
ARGS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "attr", "iobj", "obl",
                  "obl:arg", "obl:mod", "advmod", "npadvmod", "pobj", "expl:subj", "expl"})


def _roots(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of ``[start, end)`` whose head lies outside it (or that head themselves)."""
    return [t for t in doc[start:end] if (t.head.i == t.i or not start <= t.head.i < end)
            and t.pos_ in PREDICATES]


def _has_particle(tok: Token, lex: Lexicon) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in lex.neg_particles for c in tok.children)


def _quantifier(tok: Token, lex: Lexicon) -> Token | None:
    """A negative quantifier that bears on ``tok``: one of its arguments or their determiner."""
    for c in tok.children:
        if c.dep_ not in ARGS and c.dep_ != "neg":
            continue
        if c.lower_ in lex.neg_universal:
            return c
        if c.dep_ in ARGS and c.dep_ not in ("advmod", "npadvmod"):
            for d in c.children:
                if d.dep_ in ("det", "amod", "advmod", "neg") and d.lower_ in lex.neg_universal:
                    return d
            # "There has not been a single meeting": "not" + "a single" counts like "no"
    return None


MODAL_TAGS = frozenset({"MD"})
COMPARATIVE_TAGS = frozenset({"JJR", "RBR", "JJS", "RBS"})


def _factual(p: Token, existential: bool, lex: Lexicon) -> bool:
    """Whether ``p`` states what is or was, not what will, would or might be, nor a wish, an
    order or a comparison ("no one will", "would never", "never underestimate", "nobody is
    more"): a past or perfect predicate with a subject, or a present "there is"."""
    kids = list(p.children)
    if any(c.tag_ in MODAL_TAGS or "Fut" in c.morph.get("Tense") or "Cnd" in c.morph.get("Mood")
           for c in kids if c.dep_.startswith("aux")) or "Fut" in p.morph.get("Tense") \
            or "Cnd" in p.morph.get("Mood"):
        return False
    if any(t.tag_ in COMPARATIVE_TAGS or t.lower_ in lex.comparatives for t in p.subtree):
        return False
    if not any(c.dep_.startswith(("nsubj", "expl")) for c in kids) and p.dep_ != "conj":
        return False  # an order or a bare phrase ("Never underestimate Trump")
    if existential:
        return True
    aux = [c for c in kids if c.dep_.startswith("aux")]
    past = "Past" in p.morph.get("Tense") or p.tag_ in ("VBD", "VBN") or any(
        "Past" in c.morph.get("Tense") or c.tag_ == "VBD" or c.lemma_ in lex.perfect_aux
        for c in aux)
    return past


def _past_infinitive(p: Token, lex: Lexicon) -> bool:
    """``p`` is a past infinitive ("n'avoir jamais demandé", "ne pas avoir visé", "to have
    never met"): the speaker says what they did not do, a fact, whatever the cue ("assure",
    "réaffirme")."""
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm")
               and c.lemma_.lower() in lex.perfect_aux for c in p.children)


def in_dispute(doc: Doc, start: int, end: int, lex: Lexicon, para_of: list[int],
               cues: list[tuple[int, str]]) -> bool:
    """Whether the paragraph of ``[start, end)`` or the one before speaks of a claim: a cue of
    reporting, alleging or denying outside the content, or a noun of claims or of those cues
    anywhere ("the allegations", "a report that", "a démenti", "the agreement mentioned in the
    report does not exist", "ces informations"). A negated fact answers a claim only there
    (checked on PolNeAR train: over the whole article before it, half of the negated facts
    found deny nothing)."""
    p = para_of[start]
    lo = start
    while lo > 0 and para_of[lo - 1] >= p - 1:
        lo -= 1
    hi = end
    while hi < len(doc) and para_of[hi] == p:
        hi += 1
    if any(lo <= i < hi and not start <= i < end and st in ("report", "deny", "dispute")
           for i, st in cues):
        return True
    for t in doc[lo:hi]:
        lemma = t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN") and (lex.cue_nouns.get(lemma) in ("report", "deny", "dispute")
                                            or lemma in lex.claim_nouns):
            return True
    return False


def negated_claim(doc: Doc, start: int, end: int, lex: Lexicon) -> str | None:
    """The negative word when the content denies existence or every case, else None."""
    if not lex.neg_universal:
        return None
    roots = _roots(doc, start, end)
    first = roots[0].sent if roots else None
    for root in roots:
        if root.sent != first:
            break  # the opening sentence says what is denied, not what a long quotation adds
        preds = [root] + [c for c in root.children if c.dep_ == "conj" and start <= c.i < end]
        for p in preds:
            q = _quantifier(p, lex)
            # French quantifiers come with "ne" ("n'y a aucun", "personne n'était"); English
            # ones stand alone ("no one came", "never said")
            needs_particle = bool(lex.neg_words)
            existential = any(c.lower_ in lex.neg_existential for c in p.children)
            if _past_infinitive(p, lex) and (q is not None or _has_particle(p, lex)):
                return " ".join(t.text for t in doc[p.left_edge.i:p.i + 1] if t.i >= start)
            if not _factual(p, existential, lex):
                continue
            if q is not None and (not needs_particle or _has_particle(p, lex) or q.dep_ == "neg"):
                return q.text
            if _has_particle(p, lex) and existential:
                return " ".join(t.text for t in doc[p.left_edge.i:p.i + 1] if t.i >= start)
    return None


NOT_CLAUSES = frozenset({"amod", "acl", "acl:relcl", "relcl", "advcl", "csubj", "nmod"})


def denial_predicate(doc: Doc, start: int, end: int, lex: Lexicon) -> str | None:
    """The denial verb or noun when the content itself denies: a clause of the content whose
    verb is a denial verb of the language's cues ("Il conteste", "I totally reject the
    report") or whose object is a denial noun
    ("J'apporte un démenti formel"). Not negated ("ne conteste pas"), not an infinitive (a
    wish or an order: "il faut démentir"), not a modifier or a relative clause ("la réforme
    contestée", "the bill he rejected"); its subject is a pronoun: the speaker or the one it
    speaks for ("Il conteste", said by his lawyer), not someone else whose denial the speaker
    relays ("Biden denied the allegation", "the Senate rejected the bill"). A denial noun
    counts as the object of a verb of the language's [negation] denial_support ("apporter un
    démenti", "issued a denial"), not of any verb ("that means a rejection of Trump")."""
    from claimgraph.attribution.cues import is_negated

    for t in doc[start:end]:
        if t.pos_ != "VERB" or "Inf" in t.morph.get("VerbForm") or (
                t.dep_ in NOT_CLAUSES and start <= t.head.i < end):
            continue  # (a clause hanging from the cue outside is the content's own)
        if "Part" in t.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in t.children):
            continue
        if is_negated(doc, t.i, lex):
            continue
        objs = [c for c in t.children if c.dep_ in ("obj", "dobj") and start <= c.i < end]
        if deny_verb(t, lex) and t.lemma_.lower() not in lex.infinitive_cues:
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "expl:subj")), None)
            if subj is not None and subj.pos_ == "PRON":
                return t.text  # (not "I refuse to let ...": a refusal of an act)
        if t.lemma_.lower() in lex.denial_support:
            for o in objs:
                if "deny" in (lex.cue_nouns.get(o.lemma_.lower()), lex.cue_nouns.get(o.lower_)):
                    return o.text  # ("démenti" is also read as a participle)
    return None


def deny_verb(t: Token, lex: Lexicon) -> bool:
    """``t`` is a denial verb of the language's cues, by its lemma or, when the lemmatiser
    left it inflected ("conteste", "dément"), by the [fallback] inflection rules."""
    if lex.cue_verbs.get(t.lemma_.lower()) == "deny":
        return True
    word = t.lower_
    return any(lex.cue_verbs.get(word[: -len(suf)] + rep) == "deny"
               for suf, rep in lex.inflections if word.endswith(suf))


def doubted_claim(doc: Doc, start: int, end: int, cue: Token, lex: Lexicon) -> str | None:
    """The claim noun when a verb of doubt (the language's [negation] doubt_verbs) has a claim
    for its content ("Pakistani officials doubt Osama death report", "doutent de ces
    informations"): the speaker disputes it. Doubting a clause stays a belief ("I doubt he
    will come")."""
    if cue.lemma_.lower() not in lex.doubt_verbs:
        return None
    roots = _roots(doc, start, end)
    if len(roots) != 1 or roots[0].pos_ != "NOUN":
        return None
    lemma = roots[0].lemma_.lower()
    if lemma in lex.claim_nouns or lex.cue_nouns.get(lemma) == "report":
        return roots[0].text
    return None
