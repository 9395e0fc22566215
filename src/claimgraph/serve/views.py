"""Read models for the API and the UI: statements with their chain, disputes, stories.

Stories and cross-document disputes come from the link layer (``claimgraph.link.api``) when
it is installed and a document has been linked. Otherwise a document is a story of
its own and its disputes are the in-document ones: statements whose ``target`` names the
attribution they deny or dispute.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from claimgraph.chain_text import UNKNOWN_OUTLET
from claimgraph.model import Attribution, Document
from claimgraph.serve.cache import depends_on
from claimgraph.store import Store
from claimgraph.store.queries import documents as docq
from claimgraph.store.queries import link_read
from claimgraph.store.queries.tables import scope

DOC_STORY = "doc-"  # prefix of the id of a one-document story


@dataclass
class Statement:
    """One attribution as a reader needs it: who, what, how, and through which chain."""

    doc_id: str
    attr_id: str
    speaker: str
    role: str | None
    stance: str
    kind: str
    cue: str | None
    content: str
    chain: list[str]  # the speaker's words reached the reader through these, publisher last
    outlet: str | None
    outlet_id: str | None
    language: str | None
    date: str | None
    claim_score: float | None = None  # link layer: similarity to its claim when it joined (1: founded it)
    relay: str | None = None  # link layer: whom it was picked up from, and on what basis


@dataclass
class Dispute:
    """A claim and the statements that deny or dispute it."""

    id: str
    claim: list[Statement]
    against: list[Statement]
    basis: str  # "in-document" (Attribution.target), or the link layer's "target"/"similarity"
    score: float | None = None
    story_id: str | None = None
    scope: str = "within one article"  # or "across articles", or both
    links: list[dict[str, Any]] = field(default_factory=list)  # per denying claim: basis, score


@dataclass
class StoryDoc:
    doc_id: str
    title: str | None
    outlet: str | None
    outlet_id: str | None
    language: str | None
    date: str | None
    dated: bool  # date is the publication date (else when it was first seen)
    duplicate_of: str | None = None


@dataclass
class Story:
    id: str
    title: str | None
    documents: list[StoryDoc]
    disputes: list[Dispute] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    linked: bool = False  # built by the link layer (else a one-document story)
    hidden_disputes: int = 0  # disputes scored under the threshold, not shown

    @property
    def outlets(self) -> list[str]:
        return sorted({d.outlet for d in self.documents if d.outlet})

    @property
    def languages(self) -> list[str]:
        return sorted({d.language for d in self.documents if d.language})


def as_json(obj: Any) -> Any:
    """Plain JSON data of a view object (dataclasses, lists)."""
    if isinstance(obj, list):
        return [as_json(x) for x in obj]
    data = asdict(obj)
    if isinstance(obj, Story):
        data.update(outlets=obj.outlets, languages=obj.languages)
    return data


# ------------------------------------------------------------------ one document


def chain_of(doc: Document, a: Attribution) -> list[str]:
    """The hops between speaker and reader: relays nearest first, the publisher last."""
    names = [link.name for link in a.via]
    publisher = doc.outlet.name if doc.outlet else None
    if publisher and not (a.via and (a.via[-1].kind == "publisher" or names[-1] == publisher)):
        names.append(publisher)
    return names


def speaker_of(a: Attribution) -> str:
    return a.speaker_name or (a.speaker.text if a.speaker else "unnamed source")


def statement(doc: Document, a: Attribution) -> Statement:
    return Statement(
        doc_id=doc.id, attr_id=a.id, speaker=speaker_of(a), role=a.role, stance=shown_stance(a.stance),
        kind=a.kind, cue=a.cue.text if a.cue else None, content=a.content.text,
        chain=chain_of(doc, a), outlet=doc.outlet.name if doc.outlet else None,
        outlet_id=doc.outlet.id if doc.outlet else None, language=doc.language,
        date=_date(doc.published.date) if doc.published else None,
    )


def document_disputes(doc: Document) -> list[Dispute]:
    """Disputes inside one document: each targeted attribution and what targets it."""
    by_id = {a.id: a for a in doc.attributions}
    against: dict[str, list[Attribution]] = {}
    for a in doc.attributions:
        if a.target and a.target in by_id and a.target != a.id:
            against.setdefault(a.target, []).append(a)
    return [
        Dispute(id=f"{doc.id}:{target}", claim=[statement(doc, by_id[target])],
                against=[statement(doc, a) for a in items], basis="in-document",
                story_id=DOC_STORY + doc.id)
        for target, items in sorted(against.items(), key=lambda kv: _attr_order(kv[0]))
    ]


def _attr_order(attr_id: str) -> tuple[int, str]:
    digits = "".join(ch for ch in attr_id if ch.isdigit())
    return (int(digits) if digits else 0, attr_id)


def document_story(doc: Document) -> Story:
    """The one-document story of an unlinked document."""
    return Story(
        id=DOC_STORY + doc.id, title=doc.title,
        documents=[StoryDoc(doc_id=doc.id, title=doc.title, outlet=doc.outlet.name if doc.outlet else None,
                            outlet_id=doc.outlet.id if doc.outlet else None, language=doc.language,
                            date=doc.published.date if doc.published else None,
                            dated=doc.published is not None)],
        disputes=document_disputes(doc),
        statements=[statement(doc, a) for a in doc.attributions],
    )


# ------------------------------------------------------------------ link layer


def _linked_statement(x: dict[str, Any]) -> Statement:
    """A statement of the link layer's read API (its chain starts with the speaker)."""
    chain = list(x.get("chain") or [])
    return Statement(
        doc_id=x["doc_id"], attr_id=x["attr_id"], speaker=x.get("speaker") or "unnamed source",
        role=None, stance=shown_stance(x.get("stance", "assert")), kind=x.get("kind", "indirect"),
        cue=x.get("cue"), content=x.get("content", ""),
        chain=[h if h and h != "?" else UNKNOWN_OUTLET for h in chain[1:]],
        outlet=x.get("outlet"), outlet_id=x.get("outlet_id"), language=x.get("language"),
        date=_date(x.get("date")), claim_score=x.get("score"), relay=_relay(x),
    )


RELAY_BASIS = {"via": "its chain names that outlet", "republication": "a republication",
               "timing": "the closest earlier wording", "via_unlinked": "named in its chain, not stored"}


def _relay(x: dict[str, Any]) -> str | None:
    src, basis = x.get("relayed_from") or {}, x.get("relay_basis")
    if not src or not basis:
        return None
    who = src.get("outlet") or src.get("name") or UNKNOWN_OUTLET
    return f"picked up from {who} ({RELAY_BASIS.get(basis, basis)})"


def shown_stance(stance: str) -> str:
    """The stance a reader sees: the link layer's "report" (a relayed report) reads as an
    assertion, so it is shown as one."""
    return "assert" if stance == "report" else stance


def _date(value: str | None) -> str | None:
    """The day of an ISO date or timestamp (the time of day is noise on these pages)."""
    return value[:10] if value else None


def _linked_dispute(d: dict[str, Any], min_score: float = 0.0) -> Dispute | None:
    """A link-layer dispute with its sides scored at least ``min_score`` (None if none is)."""
    sides = [s for s in d.get("denied_by", []) if s.get("score") is None or float(s["score"]) >= min_score]
    if not sides:
        return None
    scores = [float(s["score"]) for s in sides if s.get("score") is not None]
    claim = [_linked_statement(x) for x in d["claim"]["statements"]]
    against = [_linked_statement(x) for side in sides for x in side["statements"]]
    return Dispute(
        id=d["claim"]["id"], claim=claim, against=against,
        basis=", ".join(sorted({s.get("basis", "similarity") for s in sides})) or "similarity",
        score=min(scores) if scores else None, story_id=d.get("story_id"),
        scope=scope({st.doc_id for st in claim}, {st.doc_id for st in against}),
        links=[{"claim_id": side["id"], "basis": side.get("basis", "similarity"),
                "score": side.get("score"), "speakers": side.get("speakers", []),
                "scope": scope({st.doc_id for st in claim},
                               {x["doc_id"] for x in side["statements"]})} for side in sides],
    )


def linked_disputes(items: list[dict[str, Any]], min_score: float) -> tuple[list[Dispute], int]:
    """Disputes at or above the threshold, and how many were hidden below it."""
    out = [x for d in items if (x := _linked_dispute(d, min_score)) is not None]
    return out, len(items) - len(out)


class Views:
    """Stories, disputes and outlets over a store; stories and cross-document disputes come
    from ``claimgraph.link.api`` when the link layer is installed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        try:
            from claimgraph.link import api as link_api
        except ImportError:
            link_api = None
        self.link_api = link_api

    # documents -------------------------------------------------------------
    def document(self, doc_id: str) -> Document | None:
        """The stored document with this id or unique prefix (AmbiguousIdError if several)."""
        return self.store.get(doc_id)

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    # stories ---------------------------------------------------------------
    def story_of(self, doc_id: str) -> str:
        """The id of the document's story: its linked story, else its one-document story."""
        with self.store.connection() as conn:
            found = link_read.story_of_doc(conn, doc_id)
        if found:
            return str(found)
        return DOC_STORY + doc_id

    def stories(self, limit: int = 50) -> list[dict[str, Any]]:
        """Summaries of linked stories, most recent first (empty when nothing is linked)."""
        return self.link_api.stories(self.store, limit) if self.link_api else []

    def story(self, story_id: str, min_score: float = 0.0) -> Story | None:
        if story_id.startswith(DOC_STORY):
            doc = self.store.get(story_id[len(DOC_STORY):])
            return document_story(doc) if doc is not None else None
        found = self.link_api.story(self.store, story_id) if self.link_api else None
        if found is None:
            return None
        docs = [StoryDoc(doc_id=d["doc_id"], title=d.get("title"), outlet=d.get("outlet"),
                         outlet_id=d.get("outlet_id"), language=d.get("language"), date=d.get("date"),
                         dated=bool(d.get("dated")), duplicate_of=d.get("duplicate_of"))
                for d in found.get("timeline", [])]
        statements = [_linked_statement(m) for c in found.get("claims", []) for m in c["members"]]
        statements.sort(key=lambda st: (st.date or "", st.doc_id, _attr_order(st.attr_id)))
        shown, hidden = linked_disputes(found.get("disputes", []), min_score)
        return Story(id=found["id"], title=found.get("title"), documents=docs, disputes=shown,
                     statements=statements, linked=True, hidden_disputes=hidden)

    # disputes --------------------------------------------------------------
    def all_disputes(self, limit: int = 50, offset: int = 0, min_score: float = 0.0) -> list[Dispute]:
        """Linked disputes when there are any (those scored at least ``min_score``), else the
        in-document disputes of documents."""
        return self.disputes_page(limit, offset, min_score)[0]

    def disputes_page(self, limit: int = 50, offset: int = 0,
                      min_score: float = 0.0) -> tuple[list[Dispute], int]:
        """A page of disputes and the number hidden under the score threshold."""
        if self.link_api is not None:
            linked = self.link_api.disputes(self.store)
            if linked:
                shown, hidden = linked_disputes(linked, min_score)
                return shown[offset:offset + limit], hidden
        out: list[Dispute] = []
        for doc_id in docq.disputed_documents(self.store, limit=limit, offset=offset):
            doc = self.store.get(doc_id)
            if doc is not None:
                out.extend(document_disputes(doc))
        return out, 0

    # outlets ---------------------------------------------------------------
    def outlets(self) -> list[dict[str, Any]]:
        """Outlets of the stored documents with their labels and document counts."""
        rows = docq.outlet_counts(self.store)
        return [{**(self.outlet_info(r.outlet_id, sample=r.sample) or {"id": r.outlet_id}),
                 "documents": int(r.n)} for r in rows]

    def outlet_info(self, outlet_id: str, sample: str | None = None) -> dict[str, Any] | None:
        """The Outlet record as stored with one of its documents (``sample`` or any)."""
        if sample is None:
            depends_on(outlets=[outlet_id])
        return docq.outlet_record(self.store, outlet_id, sample=sample)

    def outlet_documents(self, outlet_id: str, limit: int = 100) -> list[dict[str, Any]]:
        depends_on(outlets=[outlet_id])
        return docq.outlet_documents(self.store, outlet_id, limit=limit)

    def recent(self, limit: int = 20, offset: int = 0, outlet: str | None = None,
               language: str | None = None) -> list[dict[str, Any]]:
        """Document summaries, most recently stored first."""
        rows = docq.recent_documents(self.store, limit=limit, offset=offset, outlet=outlet,
                                     language=language)
        return [{**r, "created_at": r["created_at"].isoformat() if r["created_at"] else None}
                for r in rows]
