"""The Linker: adds documents to the link layer one at a time, incrementally."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from claimgraph.config import Config
from claimgraph.link import api, claims, contrary, dedup, disputes, embed, stories, translate
from claimgraph.link.config import LinkConfig
from claimgraph.link.text import (
    doc_date,
    doc_entities,
    name_key,
    name_keys,
    pack,
    speaker_key,
    statement_entities,
    text_hash,
    unpack,
)
from claimgraph.model import Attribution, Document, Rejected
from claimgraph.store import Store
from claimgraph.store.queries import Conn
from claimgraph.store.queries import link as q
from claimgraph.store.queries import link2 as q2

log = logging.getLogger(__name__)


@dataclass
class Prepared:
    """A document with what linking computes from it before touching the store."""

    doc: Document
    digest: str
    sig: np.ndarray
    keys: list[tuple[int, str]]
    vec: np.ndarray
    statements: list[claims.Statement]
    entities: list[tuple[str, str]]
    shingles: list[int] = field(default_factory=list)
    passages: np.ndarray | None = None


class Linker:
    """Near-duplicates, stories, claims and disputes over the documents of a store.

    ``add(doc)`` links one saved document using the store's indexes only (no pass over
    the corpus); adding a document again is a no-op unless its text, entities,
    attributions or date changed, in which case its previous links are replaced.
    """

    def __init__(self, store: Store, config: Config | LinkConfig | dict[str, Any] | None = None) -> None:
        self.store = store
        self.config = LinkConfig.from_config(config)

    # ------------------------------------------------------------------ writing

    def prepare(self, doc: Document) -> Prepared:
        """The model work of linking (signature, embeddings), done outside any transaction."""
        cfg = self.config
        sig = dedup.signature(doc.text, cfg.shingle, cfg.num_perm)
        atts = statements_of(doc)
        embs = embed.encode([a.content.text for a in atts], cfg.threads)
        vec, _ = embed.doc_vectors(doc, cfg.threads, cfg.max_passages)
        passages = embed.encode(embed.doc_sentences(doc, cfg.translation_sentences), cfg.threads)
        return Prepared(
            doc=doc, digest=text_hash(doc), sig=sig,
            keys=dedup.band_keys(sig, *dedup.lsh_params(cfg.dup_threshold, cfg.num_perm)),
            vec=vec, passages=passages, shingles=translate.shingle_samples(doc.text),
            statements=[
                claims.Statement(
                    attr=a, emb=e, speaker_key=statement_speaker(doc, a),
                    entities=statement_entities(doc, a),
                    via_keys={k for k in (name_key(h.name) for h in a.via) if k},
                    lang=doc.language)
                for a, e in zip(atts, embs, strict=True)
            ],
            entities=doc_entities(doc)
            + [(k, k[2:]) for k in name_keys(f"{doc.title or ''}\n{doc.text}")])

    def add(self, doc: Document | Prepared) -> dict[str, Any]:
        """Link one document (already saved in the store); returns what it was linked to."""
        prep = doc if isinstance(doc, Prepared) else None
        doc = prep.doc if prep is not None else doc  # type: ignore[union-attr]
        cfg = self.config
        digest = prep.digest if prep is not None else text_hash(doc)
        with self.store.connection() as conn:
            old = q.linked_doc(conn, doc.id)
        if old is not None and old.text_hash == digest:
            return {"doc_id": doc.id, "story_id": old.story_id, "unchanged": True}
        if prep is None:
            prep = self.prepare(doc)
        sig, keys, vec, statements, entities = prep.sig, prep.keys, prep.vec, prep.statements, prep.entities
        with self.store.transaction(lock="link") as conn:  # one linker at a time
            old = q.linked_doc(conn, doc.id)  # another process may have linked it meanwhile
            if old is not None and old.text_hash == digest:
                return {"doc_id": doc.id, "story_id": old.story_id, "unchanged": True}
            touched: set[str] = set()
            if old is not None:
                touched |= self._unlink(conn, doc.id)
            if q.first_seen(conn, doc.id) is None:
                raise ValueError(f"document {doc.id} is not in the store: save it before linking")
            day_date, dated = doc_date(doc)
            day = day_date.toordinal() if day_date else None
            date_str = doc.published.date if dated and doc.published else ""
            seq = q.next_link_seq(conn)
            dups = dedup.find(conn, doc.id, sig, keys, cfg.dup_threshold)
            found = {d for d, _ in dups}
            dups += [x for x in translate.contained(conn, doc.id, prep.shingles, cfg)
                     if x[0] not in found]
            q.insert_link_doc(
                conn, doc_id=doc.id, seq=seq, day=day or 0, date=date_str, dated=dated,
                language=doc.language, outlet_id=doc.outlet.id if doc.outlet else None,
                outlet_name=doc.outlet.name if doc.outlet else None, title=doc.title,
                text_hash=digest, dup_group=None, story_id=None, minhash=sig.tobytes(),
                embedding=pack(vec, "<f2"), entities=[list(e) for e in entities])
            dedup.index(conn, doc.id, keys)
            q2.insert_shingles(conn, doc.id, prep.shingles)
            if prep.passages is not None and len(prep.passages):
                q2.set_passages(conn, doc.id, pack(prep.passages, "<f2"))
            group = dedup.assign(conn, doc.id, dups)
            forced = None
            if dups:
                forced = q.story_of_docs(conn, [d for d, _ in dups])
            story_id, scored = stories.assign(conn, doc.id, doc.title, vec, day, entities, cfg,
                                              forced)
            trans: list[tuple[str, float]] = []
            if prep.passages is not None and len(prep.passages):
                for sid in dict.fromkeys([story_id, *(c.story_id for c in scored[:2])]):
                    trans += translate.find(conn, doc.id, sid, doc.language, prep.passages,
                                            entities, cfg)
                trans = sorted(trans, key=lambda x: (-x[1], x[0]))[:1]  # its best partner
                for other, score in trans:
                    q2.insert_translation(conn, doc.id, other, score)
            if day is None:  # undated: placed, for claim windows, where its story is
                day = stories.centre(conn, story_id)
                q.set_doc_day(conn, doc.id, day)
            info = claims.DocInfo(doc.id, seq, day, date_str,
                                  doc.outlet.id if doc.outlet else None,
                                  doc.outlet.name if doc.outlet else None, doc.language, story_id)
            assigned, changed = claims.assign(conn, info, statements, cfg)
            touched |= changed
            disputes.refresh(conn, touched, cfg)
        return {"doc_id": doc.id, "story_id": story_id, "dup_group": group,
                "duplicates": [d for d, _ in dups], "translations": trans, "claims": assigned}

    def _unlink(self, conn: Conn, doc_id: str) -> set[str]:
        row = q.get_link_doc(conn, doc_id)
        touched = claims.remove_doc(conn, doc_id)
        dedup.remove(conn, doc_id, row.dup_group)
        q2.delete_shingles(conn, doc_id)
        q2.delete_translations(conn, doc_id)
        if row.story_id:
            stories.add_member(conn, row.story_id, unpack(row.embedding, "<f2"),
                               row.day if row.dated else None,
                               [tuple(e) for e in row.entities], sign=-1)
        q.delete_link_doc(conn, doc_id)
        return touched

    def pending(self) -> list[str]:
        """Ids of stored documents not linked yet, oldest publication first."""
        with self.store.connection() as conn:
            return q.unlinked_documents(conn)

    def link_pending(self, progress: Callable[[str], None] | None = None) -> int:
        """Link every stored document not linked yet; returns how many were linked."""
        n = 0
        for doc_id in self.pending():
            doc = self.store.get(doc_id)
            if doc is None:
                continue
            self.add(doc)
            n += 1
            if progress is not None:
                progress(doc_id)
        return n

    # ------------------------------------------------------------------ reading

    def stories(self, limit: int | None = None) -> list[dict[str, Any]]:
        return api.stories(self.store, limit=limit)

    def story(self, story_id: str) -> dict[str, Any] | None:
        return api.story(self.store, story_id)

    def disputes(self, story: str | None = None) -> list[dict[str, Any]]:
        return api.disputes(self.store, story=story)

    def claims(self, speaker: str | None = None, outlet: str | None = None,
               entity: str | None = None, stance: str | None = None,
               story: str | None = None) -> list[dict[str, Any]]:
        return api.claims(self.store, speaker=speaker, outlet=outlet, entity=entity,
                          stance=stance, story=story)

    def duplicates(self) -> list[dict[str, Any]]:
        return api.duplicates(self.store)

    def translations(self) -> list[dict[str, Any]]:
        return api.translations(self.store)


def statement_speaker(doc: Document, att: Attribution) -> str | None:
    """The speaker key used for matching: a narration statement's speaker is the outlet; a
    description that names nobody ("one official", "le journal") is an unknown speaker."""
    key = speaker_key(att)
    if att.kind == "narration" and not key and doc.outlet:
        key = name_key(doc.outlet.name)
    if contrary.generic_speaker(key, doc.language):
        return None
    return key


def statements_of(doc: Document) -> list[Attribution]:
    """The attributions that become claim members: non-empty, and not a fragment of another
    attribution's content (a nested partial match says nothing of its own)."""
    atts = [a for a in doc.attributions if a.content.text.strip()]
    spans = [(a.content.start, a.content.end) for a in atts]
    return [a for a in atts if not any(
        s <= a.content.start and a.content.end <= e and (s, e) != (a.content.start, a.content.end)
        for s, e in spans)]


def link_sink(store: Store, config: Config | LinkConfig | dict[str, Any] | None = None
              ) -> Callable[[Document | Rejected], None]:
    """A pipeline sink that links each Document after the store saved it (Rejected pass)."""
    linker = Linker(store, config)

    def sink(result: Document | Rejected) -> None:
        if isinstance(result, Document):
            linker.add(result)

    sink.linker = linker  # type: ignore[attr-defined]
    return sink


__all__ = ["Linker", "link_sink"]
