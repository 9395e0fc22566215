"""Actor coding: actor dictionary hits over the tokens, and the coding of a noun phrase (entity,
country, sector, state ownership, name)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimgraph.events.actors import ActorCode
from claimgraph.events.parties import acronym, check_party
from claimgraph.events.syntax import phrase_tokens, pp_args
from claimgraph.events.tokens import (
    ACTOR_LABELS,
    PLACE_LABELS,
    Arg,
    children,
    dep,
    lem,
    lex_classes,
    low,
)

if TYPE_CHECKING:
    from claimgraph.events.detector import Detector
    from claimgraph.model import Entity


def dictionary_hits(det: Detector) -> list[tuple[int, int, ActorCode]]:
    hits: list[tuple[int, int, ActorCode]] = []
    words = [t.text for t in det.sdoc]
    spaces = [t.whitespace_ for t in det.sdoc]
    n = len(words)
    i = 0
    maxw = min(det.actors.max_words + 2, 8)
    while i < n:
        found = None
        text = ""
        texts = []
        for j in range(i, min(n, i + maxw)):  # span texts without building spaCy spans
            text += words[j]
            texts.append((j + 1, text))
            text += spaces[j]
        for j, span_text in reversed(texts):
            code = det.actors.get(span_text)
            if code is not None:
                found = (i, j, code)
                break
        if found is None and "-" in words[i]:
            codes = det.actors.compound(words[i])
            if codes:
                found = (i, i + 1, codes[0])
        if found:
            hits.append(found)
            i = found[1]
        else:
            i += 1
    return hits


def last_country_before(det: Detector, tok_i: int, exclude: str | None) -> ActorCode | None:
    for s, _e, code in reversed(det.hits):
        if s < tok_i and code.kind in ("country", "capital") and code.country != exclude:
            return code
    return None


def is_place(det: Detector, tok: Any) -> bool:
    if tok.ent_type_ in PLACE_LABELS:
        return True
    h = det.hit_at.get(tok.i)
    return h is not None and h[2].kind in ("country", "capital")


def actor_like(det: Detector, tok: Any) -> bool:
    if tok.i in det.hit_at or tok.ent_type_ in ACTOR_LABELS:
        return True
    lemma, text = lem(tok), low(tok)
    if low(tok) in det.lex.pronouns and tok.pos_ == "PRON":
        return True
    if lemma in det.lex.anaphora_country:
        return True
    if det.lex.in_class(lemma, "personnel") or det.lex.in_class(lemma, "quantity"):
        return True
    return any(lemma in ws or text in ws for ws in det.lex.sectors.values())


def code_phrase(det: Detector, head: Any, exclude_country: str | None = None) -> Arg | None:
    """Code the noun phrase headed by ``head``: entity, country, sector, name."""
    lex = det.lex
    if head.pos_ == "PRON" and low(head) in det.lex.pronouns:
        return None
    if lem(head) in lex_classes(lex, "quantity"):
        inner = [n for p, n in pp_args(det, head) if p in lex.preps.get("source", set())]
        if inner and head.i not in det.hit_at:
            sub = code_phrase(det, inner[0], exclude_country)
            if sub is not None:
                toks = phrase_tokens(det, head)
                sub.start, sub.end = toks[0].idx, toks[-1].idx + len(toks[-1])
                sub.text = phrase_name(det, toks)
            return sub
    toks = phrase_tokens(det, head)
    if head.i in det.hit_at:
        s0, e0, _c = det.hit_at[head.i]
        toks = [t for t in toks if s0 <= t.i < e0 or (t.i < s0 and dep(t) == "det")]
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1])
    arg = Arg(head=head, start=start, end=end, text=phrase_name(det, toks))
    if head.i not in det.hit_at and head.pos_ == "NOUN":
        for t in (head, *children(head, {"nmod", "prep", "pobj", "compound"})):
            if dep(t) == "prep":
                t = next(iter(children(t, {"pobj"})), t)
            typ = lex.type_of_noun(lem(t)) if t is head or t.pos_ != "PROPN" else None
            if typ and not word_sector(det, t):
                arg.event_type = typ
                return arg
    # entity of the document
    ent = None
    for s, e, entity in det.mentions:
        if s <= head.idx < e:
            ent = entity
            break
    if ent is None and det.aliases:
        ent = alias_entity(det, head, toks)
    arg.entity = ent
    # dictionary: the hit on the head first, then the nearest in the tree
    idx = {t.i for t in toks}
    hits = [h for h in det.hits if h[0] in idx]
    best = None
    if head.i in det.hit_at:
        best = det.hit_at[head.i]
    elif hits:
        def depth(h: tuple[int, int, ActorCode]) -> int:
            t = det.sdoc[h[0]]
            n = 0
            while t.i != head.i and t.head is not t and n < 20:
                t = t.head
                n += 1
            return n
        best = min(hits, key=depth)
    if best is not None:
        arg.code = best[2]
        arg.country = best[2].country
    elif lem(head) in lex.anaphora_country:
        code = last_country_before(det, head.i, exclude_country)
        if code is not None:
            arg.code = code
            arg.country = code.country
            arg.text = f"{arg.text} ({det.actors.country_name(code.country or '')})"
    role_country, role_sector = role_code(det, ent) if ent is not None else (None, None)
    if ent is not None and (ent.country or role_country):
        arg.country = ent.country or role_country
    # sector: entity (its own, else its role's), head word, dictionary kind, any sector word
    arg.sector = (ent.sector or role_sector) if ent is not None else None
    if arg.sector is None:
        arg.sector = sector_of(det, head, toks)
    if arg.sector is None and arg.code is not None and arg.code.sector:
        arg.sector = arg.code.sector
    if arg.sector is None:
        for t in toks:
            s = word_sector(det, t)
            if s:
                arg.sector = s
                break
    text = " ".join(low(t) for t in toks)
    arg.state = bool(arg.code and arg.code.state) or any(
        w in text.replace(" '", "'").replace("' ", "'") for w in lex.state_words
        if "'" in w) or any(low(t) in lex.state_words and t.i != head.i
                            for t in toks if t.pos_ == "ADJ")
    if arg.country is None and arg.entity is None and arg.sector is None and not (
            head.pos_ == "PROPN" or head.ent_type_ in ACTOR_LABELS or acronym(head) or
            lex.in_class(lem(head), "personnel") or lex.in_class(lem(head), "agent")):
        return None
    checked = check_party(det, head, arg)
    if checked is None or isinstance(checked, Arg):
        return checked
    return code_phrase(det, checked, exclude_country)  # the agent behind a thing noun


def alias_entity(det: Detector, head: Any, toks: list[Any]) -> Entity | None:
    """The attribution entity the phrase is an alias of: its whole text, or the proper name
    its head belongs to ("le président Tokaïev" -> the entity with the mention "Tokaïev")."""
    name = phrase_name(det, toks).lower()
    ent = det.aliases.get(" ".join(name.split()))
    if ent is not None or head.pos_ != "PROPN":
        return ent
    names = [t for t in toks if t.pos_ == "PROPN" and (t.i == head.i or (
        dep(t) in ("compound", "flat", "flat:name") and t.head.i == head.i))]
    if not names:
        return None
    start, end = names[0].idx, names[-1].idx + len(names[-1])
    return det.aliases.get(" ".join(det.text[start:end].lower().split()))


def role_code(det: Detector, ent: Entity) -> tuple[str | None, str | None]:
    """Country and sector of an entity's role ("ambassadeur de Russie", "Kazakh president")
    from the actor dictionary and the sector words."""
    if not ent.role:
        return None, None
    words = ent.role.split()
    country = sector = None
    for i in range(len(words)):
        for j in range(min(len(words), i + det.actors.max_words), i, -1):
            code = det.actors.get(" ".join(words[i:j]).strip(",.;:()"))
            if code is not None:
                country = country or code.country
                sector = sector or code.sector
                break
    if sector is None:
        for w in words:
            w = w.lower().strip(",.;:()")
            sector = next((c for c, ws in det.lex.sectors.items() if w in ws), None)
            if sector:
                break
    return country, sector


def word_sector(det: Detector, tok: Any) -> str | None:
    for code, words in det.lex.sectors.items():
        if lem(tok) in words or low(tok) in words:
            return code
    return None


def sector_of(det: Detector, head: Any, toks: list[Any]) -> str | None:
    words = [low(t) for t in toks]
    lemmas = [lem(t) for t in toks]
    pos = [t.i for t in toks].index(head.i)
    for parts, code in det.lex.sector_phrases.items():
        n = len(parts)
        for i in range(max(0, pos - n + 1), min(pos + 1, len(words) - n + 1)):
            if tuple(words[i:i + n]) == parts or tuple(lemmas[i:i + n]) == parts:
                return code
    return word_sector(det, head) if head.pos_ != "PROPN" or head.i not in det.hit_at \
        else None


def phrase_name(det: Detector, toks: list[Any]) -> str:
    while toks and (toks[0].pos_ in ("DET", "PUNCT", "ADP") or dep(toks[0]) == "case"):
        toks = toks[1:]
    while toks and toks[-1].pos_ == "PUNCT":
        toks = toks[:-1]
    if not toks:
        return ""
    return det.text[toks[0].idx: toks[-1].idx + len(toks[-1])]

