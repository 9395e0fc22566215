"""Sinks: the steps after the stages. Storing and linking are sinks, as writers are in datatrove.

A sink is any callable taking one result (Document or Rejected), called in input order.
"""

from __future__ import annotations

from typing import Any

from claimgraph.config import Config
from claimgraph.stage import Result


class StoreSink:
    """Saves every result, documents and rejected inputs alike, to the store."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def __call__(self, result: Result) -> None:
        self.store.save_many([result])


class Collect:
    """Keeps the results in a list (for callers that want them all)."""

    def __init__(self) -> None:
        self.results: list[Result] = []

    def __call__(self, result: Result) -> None:
        self.results.append(result)


def store_sinks(store: Any, config: Config, link: bool = True) -> list[Any]:
    """Save, then (when ``link``) link across articles with ``claimgraph.link.link_sink``: the
    sinks of ``claimgraph analyze`` and the server."""
    if not link:
        return [StoreSink(store)]
    from claimgraph.link import link_sink

    return [StoreSink(store), link_sink(store, config)]
