"""Sinks: the steps after the stages. Storing and linking are sinks, as writers are in datatrove.

A sink is any callable taking one result (Document or Rejected), called in input order.
"""

from __future__ import annotations

from typing import Any

from claimgraph.config import Config
from claimgraph.stage import Result


class StoreSink:
    """Saves every result, documents and rejected inputs alike, to the store; documents
    with the hash of the configuration that analysed them (``run.resume.config_hash``)."""

    step = "store"

    def __init__(self, store: Any, config_hash: str | None = None) -> None:
        self.store = store
        self.config_hash = config_hash

    def __call__(self, result: Result) -> None:
        self.store.save_many([result], config_hash=self.config_hash)


class Collect:
    """Keeps the results in a list (for callers that want them all)."""

    def __init__(self) -> None:
        self.results: list[Result] = []

    def __call__(self, result: Result) -> None:
        self.results.append(result)


def store_sinks(store: Any, config: Config, link: bool = True,
                config_hash: str | None = None) -> list[Any]:
    """Save, then (when ``link``) link across articles with ``claimgraph.link.link_sink``: the
    sinks of ``claimgraph analyze`` and the server."""
    if not link:
        return [StoreSink(store, config_hash)]
    from claimgraph.link import link_sink

    return [StoreSink(store, config_hash), link_sink(store, config)]


def link_pending(sinks: list[Any]) -> int:
    """Link the stored documents no run linked yet (a run killed between saving and linking,
    or ``--no-link`` before) with the linker of the link sink in ``sinks``; how many."""
    for each in sinks:
        linker = getattr(each, "linker", None)
        if linker is not None:
            return int(linker.link_pending())
    return 0
