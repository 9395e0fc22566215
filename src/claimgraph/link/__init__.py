"""The cross-article layer: near-duplicates, stories, claims, disputes and source graphs.

    from claimgraph.link import Linker
    linker = Linker(store, config)
    linker.add(doc)               # after store.save(doc); incremental
    linker.stories(); linker.story(id); linker.disputes(); linker.claims(speaker="Reyes")
"""

from claimgraph.link.config import LinkConfig
from claimgraph.link.export import export_json
from claimgraph.link.linker import Linker, link_sink

__all__ = ["LinkConfig", "Linker", "export_json", "link_sink"]
