"""The cross-article layer: near-duplicates, stories, claims, disputes and source graphs.

    from claimgraph.link import Linker
    linker = Linker(store, config)
    linker.add(doc)               # after store.save(doc); incremental
    linker.stories(); linker.story(id); linker.disputes(); linker.claims(speaker="Reyes")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimgraph.link.config import LinkConfig
    from claimgraph.link.export import export_json
    from claimgraph.link.linker import Linker, link_sink

# Imported on first use: the linker pulls in MinHash (datasketch, scipy) and embeddings, which
# commands that do not link (a rerun that skips everything, `stats`, `show`) never need.
_WHERE = {"LinkConfig": "config", "export_json": "export", "Linker": "linker",
          "link_sink": "linker"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"claimgraph.link.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'claimgraph.link' has no attribute {name!r}")


__all__ = ["LinkConfig", "Linker", "export_json", "link_sink"]
