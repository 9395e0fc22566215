"""Full-text search over documents, claims (attributions) and entities.

The queries are the store's (``claimgraph.store.queries.search``: FTS5 on SQLite, tsvector
on PostgreSQL, web-search syntax on both). Snippets mark matches with control characters
that are turned into segments here, never into HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from claimgraph.store import Store
from claimgraph.store.queries.search import START as _START
from claimgraph.store.queries.search import STOP as _STOP
from claimgraph.store.queries.search import fts5_query, full_text

Kind = Literal["documents", "claims", "entities"]
KINDS: tuple[Kind, ...] = ("documents", "claims", "entities")


@dataclass
class Hit:
    """One search result; ``snippet`` is a list of (text, matched) segments."""

    kind: Kind
    doc_id: str
    title: str | None
    outlet: str | None
    language: str | None
    published: str | None
    item_id: str | None = None  # attribution or entity id
    label: str | None = None  # speaker name or entity name
    stance: str | None = None  # claims: the attribution's stance; entities: the entity type
    snippet: list[tuple[str, bool]] = field(default_factory=list)
    score: float = 0.0

    def as_json(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "snippet"}
        data["snippet"] = "".join(t for t, _ in self.snippet)
        data["matches"] = [t for t, hit in self.snippet if hit]
        return data


def segments(marked: str | None) -> list[tuple[str, bool]]:
    """Split a snippet marked with _START/_STOP into (text, matched) segments."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"[{_START}{_STOP}]", marked or "")):
        if part:
            out.append((part, i % 2 == 1))
    return out


def search(
    store: Store, query: str, kinds: tuple[Kind, ...] = KINDS, limit: int = 20, offset: int = 0
) -> dict[Kind, list[Hit]]:
    """The best ``limit`` hits of each kind for ``query`` (empty lists for an empty query)."""
    found = full_text(store, query, kinds, limit, offset)
    return {
        kind: [
            Hit(kind=kind, doc_id=r.doc_id, title=r.title, outlet=r.outlet, language=r.language,
                published=r.published, item_id=r.item_id, label=r.label, stance=r.stance,
                snippet=segments(r.snip), score=abs(float(r.score or 0.0)))
            for r in found[kind]
        ]
        for kind in kinds
    }


__all__ = ["KINDS", "Hit", "Kind", "fts5_query", "search", "segments"]
