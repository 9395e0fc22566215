"""Sinks: the steps after the stages. Storing and linking are sinks, as writers are in datatrove.

A sink is any callable taking one result (Document or Rejected), called in input order.
"""

from __future__ import annotations

from typing import Any

from claimgraph.config import Config
from claimgraph.model import Document
from claimgraph.stage import Result


class StoreSink:
    """Saves every result, documents and rejected inputs alike, to the store."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def __call__(self, result: Result) -> None:
        self.store.save_many([result])


class LinkSink:
    """Links each stored Document across articles (duplicates, stories, claims, disputes)."""

    def __init__(self, store: Any, config: Config) -> None:
        from claimgraph.link import Linker

        self.linker = Linker(store, config)

    def __call__(self, result: Result) -> None:
        if isinstance(result, Document):
            self.linker.add(result)


class Collect:
    """Keeps the results in a list (for callers that want them all)."""

    def __init__(self) -> None:
        self.results: list[Result] = []

    def __call__(self, result: Result) -> None:
        self.results.append(result)


def store_sinks(store: Any, config: Config, link: bool = True) -> list[Any]:
    """Save, then (when ``link``) link: the sinks of ``claimgraph analyze`` and the server."""
    return [StoreSink(store)] + ([LinkSink(store, config)] if link else [])
