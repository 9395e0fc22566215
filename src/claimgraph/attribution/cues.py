"""Cues (verbs and phrases of saying, believing, denying) with stance, negation, content stance."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from claimgraph.attribution.lexicon import Lexicon

CUE_POS = frozenset({"VERB"})


@dataclass
class Cue:
    """A cue: its head verb token, its token range and the stance class of its lemma."""

    head: int
    start: int
    end: int
    stance: str
    lemma: str


def _lemma(tok) -> str:  # type: ignore[no-untyped-def]
    return tok.lemma_.lower()


def find_cues(doc: Doc, lex: Lexicon, skip: list[bool]) -> list[Cue]:
    """Every cue token of ``doc`` outside ``skip`` tokens (e.g. inside quotations)."""
    cues: list[Cue] = []
    phrase_first: dict[str, list[tuple[tuple[str, ...], str]]] = _phrase_index(lex)
    covered = -1
    for tok in doc:
        i = tok.i
        if skip[i] or i < covered:
            continue
        low, lem = tok.lower_, _lemma(tok)
        forms = [lem] + ([low] if low != lem else [])
        if tok.pos_ == "PROPN" and low.endswith("s") and lex.title_case_headlines and headline(doc, i):
            forms += [low[:-1], low[:-2]]  # "Sums Up", "Pushes Back" in a headline
        for words, stance in [p for f in forms for p in phrase_first.get(f, [])]:
            n = len(words)
            seg = doc[i : i + n]
            first = words[0] in forms or (words[0] in ("se", "s'") and low in ("se", "s'", "s’"))
            if len(seg) == n and first and all(
                w in (t.lower_, _lemma(t)) or (w in ("se", "s'") and t.lower_ in ("se", "s'", "s’"))
                for w, t in zip(words[1:], seg[1:], strict=True)
            ) and _verbal(doc, seg, lex):
                head = next((t.i for t in seg if t.pos_ in ("VERB", "AUX")), i)
                cues.append(Cue(head=head, start=i, end=i + n, stance=stance, lemma=" ".join(words)))
                covered = i + n
                break
        if i < covered:
            continue
        if tok.pos_ == "PROPN" and lex.title_case_headlines and headline(doc, i):
            # title case fools the tagger ("Former Aide Says ...", "Obama Warns ..."); a word
            # the parser puts before its head as a subject or modifier is a noun ("Power Plant
            # Rules Face ...", "Clinton-Supporting PACs")
            base = _present_base(low, lex)
            noun = tok.dep_ in ("nsubj", "nsubjpass", "compound", "amod") and tok.head.i > i
            if base is not None and not noun:
                cues.append(Cue(head=i, start=i, end=i + 1, stance=lex.cue_verbs[base], lemma=base))
            continue
        if tok.pos_ in ("ADJ", "ADV", "NOUN") and _denial_as_modifier(tok, lex):
            # "Le ministère dément catégoriquement ...", "Dassault dément": a denial verb the
            # tagger took for an adjective of the noun before it (that noun is its subject)
            base = lem if lem in lex.cue_verbs else _inflected_base(low, lex)
            cues.append(Cue(head=i, start=i, end=i + 1, stance=lex.cue_verbs[base], lemma=base))  # type: ignore[index]
            continue
        if tok.pos_ in ("NOUN", "ADV") and _misread_verb(tok):
            # the tagger took a verb for a noun ("Trump questions the fairness of ...", "the
            # film documents how ...", "44 percent would back Trump")
            base = lem if lem in lex.cue_verbs else _inflected_base(low, lex)
            if base is not None and base not in lex.clause_cues:
                cues.append(Cue(head=i, start=i, end=i + 1, stance=lex.cue_verbs[base], lemma=base))
            continue
        if i + 1 < len(doc) and (low, doc[i + 1].lower_) in lex.credit_lines:
            continue  # "(Reporting by X; Editing by Y)": who wrote the article
        if tok.pos_ in CUE_POS and not _modifier_participle(tok):
            if lem not in lex.cue_verbs:
                lem = _inflected_base(low, lex) or lem  # the tagger's lemma may be off ("hoped")
            stance = lex.cue_verbs.get(lem)
            if stance is None and lem.startswith(("s'", "se ")):
                stance = lex.cue_verbs.get(lem.split(" ", 1)[-1].lstrip("s'"))
            if stance is None and lem in lex.colon_verbs and _announces(doc, i, skip):
                stance = "assert"  # "Caddell continued: ...", 'She continued, "..."'
            if stance is None and lem not in lex.as_verbs:
                lem = _inflected_base(low, lex, lex.as_verbs) or lem  # "rated" read as "rat"
            if stance is None and lem in lex.as_verbs and _object_as(tok, lex):
                stance = "estimate"  # "critics see the plan as a giveaway"
            if stance is not None and lem in lex.clause_cues and _noun_object_only(tok):
                stance = None  # "assumed office", "knows the specifics"
            if stance is not None and lem in lex.copular_cues and _copula(tok, lex):
                stance = None  # "the gains may prove (to be) fleeting"
            if stance is not None:
                cues.append(Cue(head=i, start=i, end=i + 1, stance=stance, lemma=lem))
    return cues


def _verbal(doc: Doc, seg, lex: Lexicon) -> bool:  # type: ignore[no-untyped-def]
    """A phrase cue has a verb ("pushed for X", not "the push for X"), unless a headline's
    title case hides it ("Clinton Goes After Trump")."""
    if any(t.pos_ in ("VERB", "AUX") for t in seg):
        return True
    return bool(lex.title_case_headlines and headline(doc, seg[0].i))


def _denial_as_modifier(tok, lex: Lexicon) -> bool:  # type: ignore[no-untyped-def]
    """A word that inflects a denial verb, right after a noun it modifies ("Dassault dément")."""
    i = tok.i
    if i == 0 or tok.dep_ not in ("amod", "advmod", "appos", "nmod", "acl"):
        return False
    prev = tok.doc[i - 1]
    if not (prev.pos_ in ("NOUN", "PROPN") or (prev.pos_ == "ADJ" and i > 1
                                                 and tok.doc[i - 2].pos_ in ("NOUN", "PROPN"))):
        return False
    lem = _lemma(tok)
    base = lem if lem in lex.cue_verbs else _inflected_base(tok.lower_, lex)
    return base is not None and lex.cue_verbs.get(base) in ("deny", "dispute")


def _misread_verb(tok) -> bool:  # type: ignore[no-untyped-def]
    """A word tagged as a noun or adverb that governs what only verbs govern: an auxiliary,
    a subject, an object or a clause (not a predicate noun with its copula: "X est une menace")."""
    deps = {c.dep_ for c in tok.children}
    return bool(deps & {"aux", "nsubj", "dobj", "obj", "ccomp", "xcomp"}) and "cop" not in deps


def _noun_object_only(tok) -> bool:  # type: ignore[no-untyped-def]
    """The verb has a noun object (or a passive subject) and no clause ("assumed office", "the
    case will be heard", not "assumed that ...";
    an object opened by a question word is a clause: "knowing how much money he makes")."""
    deps = {c.dep_ for c in tok.children}
    objs = [c for c in tok.children if c.dep_ in ("obj", "dobj")]
    if any(o.doc[o.left_edge.i].tag_ in ("WDT", "WP", "WRB", "WP$") for o in objs):
        return False
    # a passive subject is the object ("the case will be heard", "a suit was filed")
    clause = deps & {"ccomp", "xcomp", "csubj", "parataxis"}
    if objs:
        return not clause
    # a passive subject is the object ("the case will be heard", "a suit was filed"), when no
    # clause or participle goes with it ("she can be heard yelling that ...")
    passive = deps & {"auxpass", "aux:pass"} and deps & {"nsubjpass", "nsubj:pass"}
    return bool(passive) and not clause and "advcl" not in deps


def _copula(tok, lex: Lexicon) -> bool:  # type: ignore[no-untyped-def]
    """The verb links its subject to an adjective or to "to be ..." ("proved costly", "may
    prove to be a passing phenomenon"), with no object or clause of its own."""
    for c in tok.children:
        if c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ":
            return True
        if c.dep_ == "xcomp" and c.lemma_.lower() in lex.copulas:
            return True
    return False


def _announces(doc: Doc, i: int, skip: list[bool]) -> bool:
    """The verb at ``i`` announces words: a colon follows, or a comma and a quotation with a
    subject of its own ("She continued, \"...\""), or it closes a sentence after a quotation
    and its subject ('"...," Scarborough continued.')."""
    if i + 1 < len(doc) and doc[i + 1].text == ":":
        return True
    subj = [c for c in doc[i].children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < i]
    if subj and i + 1 < len(doc) and doc[i + 1].text in (".", ";") and i - subj[0].left_edge.i <= 4:
        k = subj[0].left_edge.i - 1
        while k >= 0 and doc[k].text == ",":
            k -= 1
        if k > 0 and doc[k].is_quote and skip[k - 1]:
            return True
    return (
        i + 2 < len(doc)
        and doc[i + 1].text == ","
        and (doc[i + 2].is_quote or skip[i + 2])
        and i + 3 < len(doc)
        and doc[i + 3].text[:1].isupper()  # a sentence opens the quotation
        and any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < i for c in doc[i].children)
    )


def headline(doc: Doc, i: int) -> bool:
    """Token ``i`` is in a title-case line (most words capitalised): a headline."""
    sent = doc[i].sent
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _present_base(word: str, lex: Lexicon) -> str | None:
    """'says' -> 'say', 'slams' -> 'slam', 'pushes' -> 'push' when that is a cue verb."""
    for cut in (1, 2):
        if len(word) > cut + 2 and word.endswith("s"[:cut] if cut == 1 else "es"):
            base = word[:-cut]
            if base in lex.cue_verbs:
                return base
    return None


def _object_as(tok, lex: Lexicon) -> bool:  # type: ignore[no-untyped-def]
    """The verb has an object and an "as" phrase ("saw the remark as a dig"), or an object
    and its predicate ("judged America a paper tiger", "judge him ready"), or is a passive
    with an "as" phrase ("was treated as a crime")."""
    objs = [c for c in tok.children if c.dep_ in ("obj", "dobj")]
    passive = any(c.dep_ in ("auxpass", "aux:pass") for c in tok.children)
    if objs and (len(objs) >= 2 or any(c.dep_ == "oprd" and c.i > objs[0].i for c in tok.children)):
        return True
    if not objs and not passive:
        return False
    if passive and any(c.dep_ == "oprd" for c in tok.children):
        return True  # "the claims were rated (as) false", "he was judged unfit"
    for t in tok.subtree:
        if t.i <= tok.i or t.lower_ not in lex.as_marks:
            continue
        up = t.head if t.dep_ != "case" else t.head.head  # "comme" is the case of its noun
        if up.i == tok.i or (up.dep_ in ("obj", "dobj") and up.head.i == tok.i):
            return True
    return False


def _inflected_base(word: str, lex: Lexicon, table=None) -> str | None:  # type: ignore[no-untyped-def]
    """'hoped' -> 'hope' when that is a cue verb (or a word of ``table``) the tagger missed, by
    the language's inflection rules (cues.toml [fallback] inflections: suffix -> replacement)."""
    words = lex.cue_verbs if table is None else table
    cands = [word[: -len(suf)] + rep for suf, rep in lex.inflections if word.endswith(suf)]
    return next((c for c in cands if c in words), None)


def _modifier_participle(tok) -> bool:  # type: ignore[no-untyped-def]
    """A past participle modifying a noun or a clause ("the program, called X", "known as",
    "compared with last year"): no auxiliary, no agent, so nobody says anything."""
    if tok.dep_ in ("relcl", "acl:relcl") and _infinitive_relative(tok):
        return True  # "nothing to address X", "a way to report X": what could be done, unsaid
    if (
        tok.dep_ == "xcomp"
        and "VerbForm=Inf" in str(tok.morph)
        and not any(c.dep_.startswith("nsubj") for c in tok.children)
        and tok.head.dep_ in ("acl", "amod")
        and tok.head.head.pos_ in ("NOUN", "PROPN")
        and _modifier_participle(tok.head)
    ):
        return True  # "une société chargée de promouvoir X", "a body tasked to promote X": a role
    if tok.tag_ == "VBG" and tok.dep_ == "amod" and tok.head.i > tok.i:
        return True  # a participle used as an adjective ("a telling detail", "X-supporting groups")
    if tok.tag_ != "VBN" and "VerbForm=Part" not in str(tok.morph):
        return False
    if "Tense=Pres" in str(tok.morph):
        return False
    if tok.dep_ not in ("acl", "amod", "advcl", "prep"):
        return False
    if tok.dep_ == "acl" and tok.sent.root.pos_ not in ("VERB", "AUX"):
        return False  # no verb heads the sentence: the participle is its misparsed main verb


    # a participle with a direct object, or an object and its predicate, is a finite verb the
    # parser misread ("X, a professor, compared Y to ...", "one doctor called X a quack")
    deps = [c.dep_ for c in tok.children]
    if "obj" in deps or "dobj" in deps or deps.count("oprd") >= 2:
        return False
    return not any(
        c.dep_.startswith("aux") or c.dep_ in ("agent", "obl:agent", "nsubj", "nsubj:pass", "ccomp")
        for c in tok.children
    )


def _infinitive_relative(tok) -> bool:  # type: ignore[no-untyped-def]
    """An infinitive relative clause without a subject of its own ("a way to report X")."""
    deps = {c.dep_ for c in tok.children}
    to = any(c.dep_ in ("aux", "mark") and c.i < tok.i and c.tag_ == "TO" for c in tok.children)
    return to and "VerbForm=Inf" in str(tok.morph) and not deps & {"nsubj", "nsubj:pass", "nsubjpass"}


@lru_cache(maxsize=8)
def _phrase_index_cached(lang: str, items: tuple) -> dict:  # type: ignore[type-arg]
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, stance in sorted(items, key=lambda it: -len(it[0])):
        # the longest phrase first: "lash out at" before "lash out"
        out.setdefault(words[0], []).append((words, stance))
    return out


def _phrase_index(lex: Lexicon) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _phrase_index_cached(lex.lang, tuple(sorted(lex.cue_phrases.items())))


def is_negated(doc: Doc, head: int, lex: Lexicon) -> bool:
    """True when the cue verb is negated ("n'a pas démenti", "did not deny")."""
    if any(c.dep_ == "neg" for c in doc[head].children):
        return True
    lo, hi = max(0, head - 4), min(len(doc), head + 3)
    if not any(doc[j].lower_ in lex.neg_particles for j in range(lo, head)):
        return False
    return not lex.neg_words or any(doc[j].lower_ in lex.neg_words for j in range(lo + 1, hi))


def content_stance(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[str, str] | None:
    """(stance, phrase) when a content phrase gives a stance ("rien à voir avec la réalité").

    A pattern word matches a token's form or its lemma ("faux" matches "fausses")."""
    words = [{t.lower_, t.lemma_.lower()} for t in doc[start:end]]
    best: tuple[str, str] | None = None
    for stance, pattern in lex.content_stance:
        first = pattern[0]
        for k, w in enumerate(words):
            if first is not None and not (w & first):
                continue
            m = _match(words, k, pattern)
            if m and m - k == 1 and not _predicative(doc[start + k], start, end, lex):
                continue  # one evaluative word counts as the predicate only: "c'est faux"
            if m:
                phrase = doc[start + k : start + m].text
                if best is None or (stance == "deny" and best[0] != "deny"):
                    best = (stance, phrase)
                break
    return best


def _predicative(tok: Token, start: int, end: int, lex: Lexicon) -> bool:
    """Whether ``tok`` is what the content says of something: the root of ``[start, end)`` or
    its complement ("that's untrue"), an adjective with its copula ("c'est faux"), or the
    complement of a naming verb ("qualifiant les accusations de mensonges", "calling it absurd")."""
    def is_root(t: Token) -> bool:
        return t.head.i == t.i or not (start <= t.head.i < end)

    if is_root(tok) or any(c.dep_ == "cop" for c in tok.children):
        return True
    if is_root(tok.head) and tok.dep_ in ("acomp", "attr", "oprd", "xcomp", "ccomp"):
        return True
    if tok.dep_ in ("amod", "nmod", "compound") and tok.head.lemma_.lower() in lex.claim_nouns:
        return True  # "des rumeurs infondées", "false reports": the claim is judged
    h = tok
    for _ in range(3):  # "a qualifié le message du NYT de « Fake-News »"
        h = h.head
        if h.lemma_.lower() in lex.naming_verbs:
            return True
    return False


def _match(words: list[set[str]], k: int, pattern: list[set[str] | None]) -> int:
    """End index of ``pattern`` matched at ``k`` (0 when no match); None is one optional token."""
    i = k
    for p_idx, p in enumerate(pattern):
        if p is None:
            nxt = pattern[p_idx + 1] if p_idx + 1 < len(pattern) else None
            if i < len(words) and not (nxt is not None and words[i] & nxt):
                i += 1
            continue
        if i >= len(words) or not (words[i] & p):
            return 0
        i += 1
    return i
