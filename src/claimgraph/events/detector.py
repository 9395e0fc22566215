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
