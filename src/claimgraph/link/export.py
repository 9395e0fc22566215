"""JSON export of the link layer: stories (with timeline, claims, disputes, graph), claims,
disputes and duplicate groups in one file."""

from __future__ import annotations

import json
import os
from typing import Any

from claimgraph.link import api
from claimgraph.store import Store


def export_data(store: Store) -> dict[str, Any]:
    ids = [s["id"] for s in api.stories(store)]
    return {
        "stories": [s for s in (api.story(store, i) for i in ids) if s is not None],
        "disputes": api.disputes(store),
        "duplicates": api.duplicates(store),
    }


def export_json(store: Store, path: str | os.PathLike[str]) -> dict[str, int]:
    """Write the link layer to ``path`` as one JSON document; returns counts."""
    data = export_data(store)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
    return {"stories": len(data["stories"]), "disputes": len(data["disputes"]),
            "duplicates": len(data["duplicates"]),
            "claims": sum(len(s["claims"]) for s in data["stories"])}
