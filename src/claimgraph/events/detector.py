"""The per-document state the event rules read: the parse, lexicon, actor dictionary hits and
the document's entity mentions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimgraph.events.actors import ActorCode, ActorDictionary
from claimgraph.events.coding import dictionary_hits
from claimgraph.events.lexicon import Lexicon
from claimgraph.model import Document, Entity


class Detector:
    """Finds events in one parsed document (the state; the rules are functions of it)."""

    def __init__(self, doc: Document, sdoc: Any, lex: Lexicon, actors: ActorDictionary) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.lex = lex
        self.actors = actors
        self.base = None
        if doc.published is not None:
            try:
                self.base = dt.date.fromisoformat(doc.published.date[:10])
            except ValueError:
                self.base = None
        # spaCy rebuilds Doc.text on every access: use the document's text when it is the
        # parsed one (the usual case), else build it once
        last = sdoc[-1] if len(sdoc) else None
        same = last is None or doc.text[last.idx:last.idx + len(last.text)] == last.text
        self.text = doc.text if same else sdoc.text
        self.hits = dictionary_hits(self)
        self.phrase_type: dict[int, str] = {}
        self.hit_at: dict[int, tuple[int, int, ActorCode]] = {}
        for h in self.hits:
            for i in range(h[0], h[1]):
                self.hit_at[i] = h
        self.mentions: list[tuple[int, int, Entity]] = sorted(
            ((m.start, m.end, e) for e in doc.entities for m in e.mentions), key=lambda x: x[0])
        #: lowercased alias (a mention text, the name, the role) -> the one entity it names
        self.aliases = entity_aliases(doc.entities)
        #: token index of a dateline's separator -> the dateline's first token
        self.dateline: dict[int, int] = {}
        for sent in sdoc.sents:
            k = dateline_end(sent)
            if k is not None:
                self.dateline[k] = sent.start

    def in_dateline(self, tok: Any) -> bool:
        """``tok`` is part of a dateline ("KABUL (Pajhwok):", "THE HAGUE, Netherlands --")."""
        return any(s <= tok.i <= k for k, s in self.dateline.items())


def entity_aliases(entities: list[Entity]) -> dict[str, Entity]:
    """Each alias of the attribution stage's entities (mention texts, canonical name, role, a
    person's surname), lowercased, mapped to its entity; an alias of two entities is left out."""
    seen: dict[str, Entity | None] = {}
    for e in entities:
        names = {e.name, *(m.text for m in e.mentions)}
        if e.label == "PER":  # a person's surname alone ("Tokayev")
            names |= {n.split()[-1] for n in list(names) if len(n.split()) > 1}
        if e.role:
            names.add(e.role)
        for name in names:
            key = " ".join(name.lower().split())
            if len(key) < 3:
                continue
            seen[key] = e if seen.get(key, e) is e else None
    return {k: v for k, v in seen.items() if v is not None}


#: Separators that end a dateline.
DATELINE_SEPARATORS = {"--", "—", "–", "-", ":", "):", "|"}


def dateline_end(sent: Any, limit: int = 8) -> int | None:
    """The separator ending a dateline at the start of ``sent``: a few names (the first all
    capitals or a place) and no verb before a dash or colon."""
    toks = list(sent)[:limit]
    if len(toks) < 3:
        return None
    first = next((t for t in toks if t.pos_ not in ("DET", "PUNCT")), None)
    if first is None or not ((first.text.isupper() and len(first.text) > 1) or
                             first.ent_type_ in ("GPE", "LOC")):
        return None
    for t in toks[1:]:
        if t.text in DATELINE_SEPARATORS:
            return t.i
        if t.pos_ in ("VERB", "AUX"):
            return None
    return None
