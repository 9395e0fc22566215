"""People and organisations merged across mentions, documents and languages; outlet profiles.

An entity is keyed by its name without articles and titles, folded (``name_key``): the
same person in two articles, in French and in English, is one entity. A one-word name
("Kovel") or a speaker named by surname only joins the one person whose full name ends
with it; when two people share the surname it stays apart. The index is extended with new
documents (or rebuilt when documents change) when the store's documents change.
"""

from __future__ import annotations

import threading
from collections import Counter
from copy import copy
from dataclasses import dataclass, field, fields
from typing import Any

from claimgraph.chain_text import chain_names
from claimgraph.link.text import name_key
from claimgraph.serve.cache import depends_on
from claimgraph.serve.views import shown_stance
from claimgraph.store import Store
from claimgraph.store.queries import entities as q


@dataclass
class Entity:
    key: str
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    members: set[tuple[str, str]] = field(default_factory=set)  # (doc id, entity id)
    statements: set[tuple[str, str]] = field(default_factory=set)  # (doc id, attribution id)

    @property
    def slug(self) -> str:
        return self.key.replace(" ", "-")

    @property
    def name(self) -> str:
        """The most frequent of the longest names."""
        longest = max(len(n.split()) for n in self.names)
        return max((n for n in self.names if len(n.split()) == longest),
                   key=lambda n: (self.names[n], n))

    @property
    def label(self) -> str:
        return self.labels.most_common(1)[0][0] if self.labels else "PER"

    def summary(self) -> dict[str, Any]:
        return {"id": self.slug, "name": self.name, "label": self.label,
                "aliases": sorted(set(self.names) | set(self.mentions) - {self.name}),
                "roles": [r for r, _ in self.roles.most_common()],
                "country": _top(self.countries), "sector": _top(self.sectors),
                "languages": sorted(self.languages), "documents": len(self.docs),
                "statements": len(self.statements)}


def _top(c: Counter[str]) -> str | None:
    return c.most_common(1)[0][0] if c else None


class EntityIndex:
    """Entities of a whole store; ``find`` resolves a name, slug or alias. ``extended`` adds
    new documents to a copy when that gives the same index as a rebuild."""

    def __init__(self, entity_rows: list[dict[str, Any]], speaker_rows: list[dict[str, Any]]) -> None:
        self.by_key: dict[str, Entity] = {}
        self.by_member: dict[tuple[str, str], Entity] = {}
        self.full: dict[str, set[str]] = {}  # surname -> full-name keys of people
        self.pending: dict[str, list[dict[str, Any]]] = {}  # name key -> statements of no entity
        for r in entity_rows:  # people with a full name first: the surnames they own
            key = name_key(r["name"])
            if key and r["label"] == "PER" and " " in key:
                self.full.setdefault(key.rsplit(" ", 1)[1], set()).add(key)
        self.surnames = {s: sorted(ks)[0] for s, ks in self.full.items() if len(ks) == 1}
        self._add(entity_rows, speaker_rows, set())

    def _add(self, entity_rows: list[dict[str, Any]], speaker_rows: list[dict[str, Any]],
             owned: set[int]) -> None:
        """Add rows; ``owned``: ids of the entities this index may change in place (the
        others are shared with the index it was copied from and are copied first)."""
        def own(e: Entity) -> Entity:
            if id(e) in owned:
                return e
            c = Entity(e.key, **{f: copy(getattr(e, f)) for f in _FIELDS})
            owned.add(id(c))
            self.by_key[c.key] = c
            for m in c.members:
                self.by_member[m] = c
            return c

        new_keys = []
        for r in entity_rows:
            key = self._resolve(name_key(r["name"]))
            if not key:
                continue
            if key in self.by_key:
                e = own(self.by_key[key])
            else:
                e = self.by_key[key] = Entity(key)
                owned.add(id(e))
                new_keys.append(key)
            e.names[r["name"]] += 1
            e.labels[r["label"]] += 1
            for attr, counter in (("role", e.roles), ("country", e.countries), ("sector", e.sectors)):
                if r[attr]:
                    counter[r[attr]] += 1
            e.mentions.update(m for m in r["mentions"] if m)
            if r["language"]:
                e.languages[r["language"]] += 1
            e.docs.add(r["doc_id"])
            e.members.add((r["doc_id"], r["id"]))
            self.by_member[(r["doc_id"], r["id"])] = e
        waiting = [s for k in new_keys for s in self.pending.pop(k, [])]
        for s in [*waiting, *speaker_rows]:
            ent = self.speaker_entity(s["doc_id"], s["speaker_entity"], s["speaker_name"])
            if ent is None:
                key = self._resolve(name_key(s["speaker_name"]))
                if key:
                    self.pending.setdefault(key, []).append(s)
                continue
            ent = own(ent)
            ent.statements.add((s["doc_id"], s["id"]))
            if s["speaker_name"] and name_key(s["speaker_name"]) != ent.key:
                ent.mentions[s["speaker_name"]] += 1

    def extended(self, entity_rows: list[dict[str, Any]],
                 speaker_rows: list[dict[str, Any]]) -> EntityIndex | None:
        """A copy of this index with the rows of new documents added, or None when they
        would change how earlier names resolve (a surname gets a second owner, or a new
        owner while a one-word name or statement already stands for it): rebuild then."""
        full = {k: set(v) for k, v in self.full.items()}
        surnames = dict(self.surnames)
        for r in entity_rows:
            key = name_key(r["name"])
            if not (key and r["label"] == "PER" and " " in key):
                continue
            surname = key.rsplit(" ", 1)[1]
            owners = full.setdefault(surname, set())
            if key in owners:
                continue
            if owners or surname in self.by_key or surname in self.pending:
                return None
            owners.add(key)
            surnames[surname] = key
        out = EntityIndex.__new__(EntityIndex)
        out.by_key, out.by_member = dict(self.by_key), dict(self.by_member)
        out.full, out.surnames = full, surnames
        out.pending = {k: list(v) for k, v in self.pending.items()}
        out._add(entity_rows, speaker_rows, set())
        return out

    def _resolve(self, key: str | None) -> str | None:
        if key and " " not in key and key in self.surnames:
            return self.surnames[key]
        return key

    def speaker_entity(self, doc_id: str, entity_id: str | None, name: str | None) -> Entity | None:
        """The entity a statement's speaker is (its entity in the document, else its name)."""
        if entity_id and (doc_id, entity_id) in self.by_member:
            return self.by_member[(doc_id, entity_id)]
        key = self._resolve(name_key(name))
        return self.by_key.get(key) if key else None

    def entity_key(self, doc_id: str, entity_id: str | None, name: str | None) -> str | None:
        """The key of the entity a statement's speaker is, else the key its name would have."""
        ent = self.speaker_entity(doc_id, entity_id, name)
        return ent.key if ent else self._resolve(name_key(name))

    def find(self, query: str) -> Entity | None:
        """An entity by slug, name or alias (case and accents ignored)."""
        key = self._resolve(name_key(query.replace("-", " ")))
        if key in self.by_key:
            return self.by_key[key]
        want = name_key(query)
        for e in self.by_key.values():
            if want and any(name_key(m) == want for m in e.mentions):
                return e
        return None

    def listing(self, label: str | None = None, q: str | None = None) -> list[dict[str, Any]]:
        want = name_key(q) if q else None
        out = [e.summary() for e in self.by_key.values()
               if (label is None or e.label == label)
               and (not want or want in e.key or any(want in (name_key(m) or "") for m in e.mentions))]
        return sorted(out, key=lambda s: (-s["statements"], -s["documents"], s["name"]))


_FIELDS = [f.name for f in fields(Entity) if f.name != "key"]


class People:
    """The entity index of a store, extended with new documents or rebuilt when the store's
    documents change (count or last update)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._stamp: tuple[Any, ...] | None = None
        self._index: EntityIndex | None = None
        self._versions: dict[str, Any] = {}  # document id -> last update, of the indexed documents
        self._reported: tuple[EntityIndex, int] | None = None  # (index, rebuilds) at the last report
        self.rebuilds = self.extensions = 0

    def changed_entities(self) -> set[str] | None:
        """Keys of the entities made or changed since the last call (or since the first index),
        None after a rebuild (a change source of ``ReadCache``)."""
        index = self.index()
        with self._lock:
            before, self._reported = self._reported, (index, self.rebuilds)
        if before is None or before[1] != self.rebuilds:
            return None
        old = before[0].by_key
        return {k for k, e in index.by_key.items() if old.get(k) is not e}

    def index(self) -> EntityIndex:
        with self.store.connection() as conn:
            stamp = q.doc_stamp(conn)
            with self._lock:
                if self._index is None or stamp != self._stamp:
                    if self._index is None or not self._extend(conn, stamp):
                        self._versions = q.doc_versions(conn)
                        self._index = EntityIndex(q.entity_rows(conn), q.speaker_rows(conn))
                        self.rebuilds += 1
                    self._stamp = stamp
                    if self._reported is None:
                        self._reported = (self._index, self.rebuilds)
                return self._index

    def _extend(self, conn: Any, stamp: tuple[Any, ...]) -> bool:
        """Add the documents saved since the index was made; False when some were changed
        or deleted (or the new ones change how names resolve)."""
        assert self._index is not None and self._stamp is not None
        since = self._stamp[1]
        changed = q.doc_versions(conn, since) if since is not None else q.doc_versions(conn)
        new = sorted(d for d in changed if d not in self._versions)
        if any(self._versions[d] != v for d, v in changed.items() if d in self._versions):
            return False  # a document was saved again
        if len(self._versions) + len(new) != int(stamp[0]):
            return False  # some were deleted
        index = self._index.extended(q.entity_rows(conn, new), q.speaker_rows(conn, new)) if new \
            else self._index
        if index is None:
            return False
        self._index = index
        self._versions.update((d, changed[d]) for d in new)
        self.extensions += 1
        return True

    # ------------------------------------------------------------ pages

    def listing(self, label: str | None = None, q: str | None = None) -> list[dict[str, Any]]:
        """Entity summaries, most quoted first (see ``EntityIndex.listing``)."""
        return self.index().listing(label, q)

    def entity(self, query: str) -> dict[str, Any] | None:
        """Everything known about one entity: who it is, what it said, who quotes it, whom it
        denies and who denies it."""
        index = self.index()
        ent = index.find(query)
        if ent is None:
            return None
        read_claims: set[str] = set()
        with self.store.connection() as conn:
            stmts = q.statements_of(conn, ent.statements)
            claims = {(s["doc_id"], s["attr_id"]): s["claim_id"] for s in stmts}
            disputes = q.linked_disputes_of(conn, ent.statements, claims, read_claims)
            docs = {s["doc_id"] for s in stmts} | {d["other_doc"] for d in disputes}
            names = q.doc_statements(conn, sorted(docs))
        keys = {ent.key, index._resolve(name_key(query.replace("-", " "))) or ent.key}
        keys |= {index.entity_key(d, o.get("speaker_entity"), o.get("speaker_name"))
                 for (d, _), o in names.items()}
        depends_on(docs=docs, claims=read_claims | {c for c in claims.values() if c},
                   entities=keys - {None})
        statements = [statement_view(s) for s in stmts]
        quoted_by: Counter[str] = Counter()
        relayed_by: Counter[str] = Counter()
        for s in statements:
            if s["outlet"]:
                quoted_by[s["outlet"]] += 1
            for hop in s["chain"][1:-1]:
                relayed_by[hop] += 1
        denies, denied_by = _opponents(index, ent, stmts, disputes, names)
        return {**ent.summary(), "statements": statements,
                "quoted_by": _pairs(quoted_by), "relayed_by": _pairs(relayed_by),
                "denies": denies, "denied_by": denied_by,
                "stances": dict(Counter(s["stance"] for s in statements).most_common())}

    def outlet(self, outlet_id: str) -> dict[str, Any]:
        """Whom an outlet quotes, what it relays from whom, its share of denials."""
        index = self.index()
        with self.store.connection() as conn:
            stmts = q.outlet_statements(conn, outlet_id)
        depends_on(docs={s["doc_id"] for s in stmts}, outlets=[outlet_id],
                   entities={index.entity_key(s["doc_id"], s["speaker_entity"], s["speaker_name"])
                             for s in stmts} - {None})
        statements = [statement_view(s) for s in stmts]
        quotes: Counter[str] = Counter()
        slugs: dict[str, str] = {}
        relays: dict[str, Counter[str]] = {}
        for raw, s in zip(stmts, statements, strict=True):
            ent = index.speaker_entity(raw["doc_id"], raw["speaker_entity"], raw["speaker_name"])
            who = ent.name if ent else s["speaker"]
            if ent:
                slugs[who] = ent.slug
            quotes[who] += 1
            for hop in s["chain"][1:-1]:
                relays.setdefault(hop, Counter())[who] += 1
        n = len(statements)
        denials = sum(1 for s in statements if s["stance"] == "deny")
        return {"statements": statements,
                "quotes": [{**p, "entity": slugs.get(p["name"])} for p in _pairs(quotes)],
                "relays": [{"from": hop, "count": sum(c.values()), "speakers": _pairs(c)}
                           for hop, c in sorted(relays.items(), key=lambda kv: -sum(kv[1].values()))],
                "n_statements": n, "n_denials": denials,
                "deny_share": round(denials / n, 3) if n else None}


def _pairs(c: Counter[str]) -> list[dict[str, Any]]:
    return [{"name": k, "count": v} for k, v in c.most_common()]


def statement_view(s: dict[str, Any]) -> dict[str, Any]:
    """One statement as the pages, the API and the CLI show it."""
    speaker = s["speaker_name"] or s.get("speaker_text") or "unnamed source"
    return {"doc_id": s["doc_id"], "attr_id": s["attr_id"], "speaker": speaker,
            "role": s["role"], "stance": shown_stance(s["stance"]), "kind": s["kind"], "cue": s["cue_text"],
            "content": s["content_text"], "date": (s["published"] or "")[:10] or None,
            "outlet": s["outlet_name"], "outlet_id": s["outlet_id"], "language": s["language"],
            "title": s["title"], "target": s["target"],
            "chain": chain_names(speaker, s["via"], s["outlet_name"]),
            "claim_id": s["claim_id"], "claim_score": s["score"]}


def _opponents(index: EntityIndex, ent: Entity, stmts: list[dict[str, Any]],
               disputes: list[dict[str, Any]], names: dict[tuple[str, str], dict[str, Any]]
               ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Whom the entity's statements deny, and who denies them, with basis, score and scope."""
    denies: dict[str, dict[str, Any]] = {}
    denied_by: dict[str, dict[str, Any]] = {}

    def add(into: dict[str, dict[str, Any]], doc_id: str, other: dict[str, Any] | None,
            other_doc: str, basis: str, score: float | None, attr_id: str) -> None:
        if other is None:
            return
        oe = index.speaker_entity(other_doc, other.get("speaker_entity"), other.get("speaker_name"))
        if oe is ent:
            return
        who = oe.name if oe else (other.get("speaker_name") or "unnamed source")
        row = into.setdefault(who, {"name": who, "entity": oe.slug if oe else None, "basis": set(),
                                    "score": None, "scope": set(), "statements": set()})
        row["basis"].add(basis)
        row["scope"].add("within one article" if doc_id == other_doc else "across articles")
        if score is not None:
            row["score"] = max(row["score"] or 0.0, score)
        row["statements"].add((doc_id, attr_id))

    by_key = {(s["doc_id"], s["attr_id"]): s for s in stmts}
    for s in stmts:
        if s["target"] and s["stance"] in ("deny",):
            add(denies, s["doc_id"], names.get((s["doc_id"], s["target"])), s["doc_id"],
                "in-document", None, s["attr_id"])
    for d in disputes:
        if (d["doc_id"], d["attr_id"]) not in by_key:
            continue
        other = names.get((d["other_doc"], d["other_attr"]))
        into = denies if d["side"] == "denies" else denied_by
        if d["basis"] == "target" and d["doc_id"] == d["other_doc"] and d["side"] == "denies":
            continue  # already counted from the statement's own target
        add(into, d["doc_id"], other, d["other_doc"], d["basis"], d["score"], d["attr_id"])
    targeting: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for (doc_id, aid), other in names.items():
        if other.get("target") and other["target"] != aid:
            targeting.setdefault((doc_id, other["target"]), []).append(other)
    for s in stmts:  # in-document: statements of others that name this one as their target
        for other in targeting.get((s["doc_id"], s["attr_id"]), []):
            add(denied_by, s["doc_id"], other, s["doc_id"], "in-document", None, s["attr_id"])
    out = []
    for rows in (denies, denied_by):
        items = []
        for r in rows.values():
            items.append({**r, "basis": sorted(r["basis"]), "scope": sorted(r["scope"]),
                          "count": len(r["statements"]),
                          "statements": [{"doc_id": d, "attr_id": a} for d, a in sorted(r["statements"])]})
        out.append(sorted(items, key=lambda r: (-r["count"], r["name"])))
    return out[0], out[1]
