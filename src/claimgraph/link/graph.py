"""Source graph of a story: outlets -> agencies and outlets they relay -> speakers.

Each statement contributes one path: the publishing outlet, then the relays its ``via``
chain names (farthest last), then the speaker. Republications add an edge from the
outlet that republished to the original's outlet, and relays found by timing or wording
an edge from the later outlet to the earlier one. Nodes and edges carry counts.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import Any

from claimgraph.link.claims import RELAY_KINDS
from claimgraph.link.text import name_key


def _node_id(kind: str, name: str) -> str:
    key = name_key(name) or name.strip().lower()
    return ("speaker:" if kind == "speaker" else "source:") + key


def build(docs: list[dict[str, Any]], claims: list[dict[str, Any]]) -> dict[str, Any]:
    """Nodes and edges (with counts) from a story's documents and claims (with relays)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: Counter[tuple[str, str, str]] = Counter()
    by_doc = {d["doc_id"]: d for d in docs}

    def node(kind: str, name: str | None) -> str | None:
        if not name:
            return None
        nid = _node_id(kind, name)
        if kind == "speaker":  # a speaker that is an outlet or agency ("le quotidien X")
            key = nid.split(":", 1)[1]
            same = [n for n in nodes if n.startswith("source:")
                    and (n[7:] == key or key.endswith(" " + n[7:]))]
            if same:
                nid = same[0]
        entry = nodes.setdefault(nid, {"id": nid, "name": name, "kind": kind, "documents": 0,
                                       "statements": 0})
        if kind in ("outlet", "agency") and entry["kind"] not in ("outlet",):
            entry["kind"] = kind
        return nid

    for d in docs:
        nid = node("outlet", d.get("outlet") or "unknown outlet")
        nodes[nid]["documents"] += 1  # type: ignore[index]
    for claim in claims:  # relays named in chains are sources before any speaker is placed
        for m in claim["members"]:
            for hop in m.get("via") or []:
                if hop.get("kind") in RELAY_KINDS:
                    node(hop["kind"], hop["name"])
    for d in docs:
        orig = d.get("duplicate_of")
        if orig and orig in by_doc:
            a = node("outlet", d.get("outlet") or "unknown outlet")
            b = node("outlet", by_doc[orig].get("outlet") or "unknown outlet")
            if a and b and a != b:
                edges[(a, b, "republishes")] += 1
    for claim in claims:
        for m in claim["members"]:
            publisher = node("outlet", m.get("outlet") or "unknown outlet")
            path = [publisher]
            for hop in m.get("via") or []:
                if hop.get("kind") in RELAY_KINDS:  # interviews, communiqués are not nodes
                    path.append(node(hop["kind"], hop["name"]))
            if m.get("kind") != "narration":  # the outlet's own framing quotes nobody
                path.append(node("speaker", m.get("speaker")))
            path = [p for i, p in enumerate(path) if p and (i == 0 or p != path[i - 1])]
            for p in path:
                nodes[p]["statements"] += 1
            for a, b in pairwise(path):
                edges[(a, b, "quotes" if b.startswith("speaker:") else "relays")] += 1
            src = m.get("relayed_from") or {}
            if src.get("doc_id") and m.get("relay_basis") in ("timing", "via", "republication"):
                a = publisher
                b = node("outlet", src.get("outlet") or "unknown outlet")
                if a and b and a != b:
                    edges[(a, b, "picks_up")] += 1
    return {
        "nodes": sorted(nodes.values(), key=lambda n: (n["kind"], n["id"])),
        "edges": [{"source": a, "target": b, "kind": k, "count": n}
                  for (a, b, k), n in sorted(edges.items())],
    }
