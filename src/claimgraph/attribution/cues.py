"""Cues (verbs and phrases of saying, believing, denying) with stance, negation, content stance."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

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
        for words, stance in phrase_first.get(lem, []) + (phrase_first.get(low, []) if low != lem else []):
            n = len(words)
            seg = doc[i : i + n]
            if len(seg) == n and all(
                w in (t.lower_, _lemma(t)) or (w in ("se", "s'") and t.lower_ in ("se", "s'", "s’"))
                for w, t in zip(words, seg, strict=True)
            ):
                head = next((t.i for t in seg if t.pos_ in ("VERB", "AUX")), i)
                cues.append(Cue(head=head, start=i, end=i + n, stance=stance, lemma=" ".join(words)))
                covered = i + n
                break
        if i < covered:
            continue
        if tok.pos_ == "PROPN" and lex.title_case_headlines and headline(doc, i):
            # title case fools the tagger ("Former Aide Says ...", "Obama Warns ...")
            base = _present_base(low, lex)
            if base is not None:
                cues.append(Cue(head=i, start=i, end=i + 1, stance=lex.cue_verbs[base], lemma=base))
            continue
        if tok.pos_ in CUE_POS and not _modifier_participle(tok):
            if lem not in lex.cue_verbs:
                lem = _inflected_base(low, lex) or lem  # the tagger's lemma may be off ("hoped")
            stance = lex.cue_verbs.get(lem)
            if stance is None and lem.startswith(("s'", "se ")):
                stance = lex.cue_verbs.get(lem.split(" ", 1)[-1].lstrip("s'"))
            if stance is None and lem in lex.colon_verbs and _announces(doc, i, skip):
                stance = "assert"  # "Caddell continued: ...", 'She continued, "..."'
            if stance is None and lem in lex.as_verbs and _object_as(tok, lex):
                stance = "estimate"  # "critics see the plan as a giveaway"
            if stance is not None:
                cues.append(Cue(head=i, start=i, end=i + 1, stance=stance, lemma=lem))
    return cues


def _announces(doc: Doc, i: int, skip: list[bool]) -> bool:
    """The verb at ``i`` announces words: a colon follows, or a comma and a quotation with a
    subject of its own ("She continued, \"...\"")."""
    if i + 1 < len(doc) and doc[i + 1].text == ":":
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
    for t in tok.subtree:
        if t.i <= tok.i or t.lower_ not in lex.as_marks:
            continue
        up = t.head if t.dep_ != "case" else t.head.head  # "comme" is the case of its noun
        if up.i == tok.i or (up.dep_ in ("obj", "dobj") and up.head.i == tok.i):
            return True
    return False


def _inflected_base(word: str, lex: Lexicon) -> str | None:
    """'hoped' -> 'hope' when that is a cue verb the tagger missed, by the language's
    inflection rules (cues.toml [fallback] inflections: suffix -> replacement)."""
    cands = [word[: -len(suf)] + rep for suf, rep in lex.inflections if word.endswith(suf)]
    return next((c for c in cands if c in lex.cue_verbs), None)


def _modifier_participle(tok) -> bool:  # type: ignore[no-untyped-def]
    """A past participle modifying a noun or a clause ("the program, called X", "known as",
    "compared with last year"): no auxiliary, no agent, so nobody says anything."""
    if tok.tag_ != "VBN" and "VerbForm=Part" not in str(tok.morph):
        return False
    if "Tense=Pres" in str(tok.morph):
        return False
    if tok.dep_ not in ("acl", "amod", "advcl", "prep"):
        return False
    # a participle with a direct object, or an object and its predicate, is a finite verb the
    # parser misread ("X, a professor, compared Y to ...", "one doctor called X a quack")
    deps = [c.dep_ for c in tok.children]
    if "obj" in deps or "dobj" in deps or deps.count("oprd") >= 2:
        return False
    return not any(
        c.dep_.startswith("aux") or c.dep_ in ("agent", "obl:agent", "nsubj", "nsubj:pass", "ccomp")
        for c in tok.children
    )


@lru_cache(maxsize=8)
def _phrase_index_cached(lang: str, items: tuple) -> dict:  # type: ignore[type-arg]
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, stance in items:
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
    """(stance, phrase) when a content phrase gives a stance ("rien à voir avec la réalité")."""
    words = [t.lower_ for t in doc[start:end]]
    best: tuple[str, str] | None = None
    for stance, pattern in lex.content_stance:
        first = pattern[0]
        for k, w in enumerate(words):
            if first is not None and w not in first:
                continue
            m = _match(words, k, pattern)
            if m:
                phrase = doc[start + k : start + m].text
                if best is None or (stance == "deny" and best[0] != "deny"):
                    best = (stance, phrase)
                break
    return best


def _match(words: list[str], k: int, pattern: list[set[str] | None]) -> int:
    """End index of ``pattern`` matched at ``k`` (0 when no match); None is one optional token."""
    i = k
    for p_idx, p in enumerate(pattern):
        if p is None:
            nxt = pattern[p_idx + 1] if p_idx + 1 < len(pattern) else None
            if i < len(words) and not (nxt is not None and words[i] in nxt):
                i += 1
            continue
        if i >= len(words) or words[i] not in p:
            return 0
        i += 1
    return i
