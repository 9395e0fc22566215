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
    return [StoreSink(store, config_hash), LinkSink(store, config)]


class LinkSink:
    """Links each saved Document across articles (``claimgraph.link.link_sink``), made on the
    first document: a run whose inputs are all skipped never loads the linker."""

    step = "link"

    def __init__(self, store: Any, config: Config) -> None:
        self.store = store
        self.config = config
        self._sink: Any = None

    @property
    def linker(self) -> Any:
        if self._sink is None:
            from claimgraph.link import link_sink

            self._sink = link_sink(self.store, self.config)
        return self._sink.linker

    def __call__(self, result: Result) -> None:
        if self._sink is None:
            from claimgraph.model import Document

            if not isinstance(result, Document):
                return
            self.linker  # noqa: B018 - makes the sink
        self._sink(result)

    def pending(self) -> list[str]:
        """Ids of stored documents not linked yet (one query, no linker needed)."""
        from claimgraph.store.queries.link import unlinked_documents

        with self.store.connection() as conn:
            return unlinked_documents(conn)


def link_pending(sinks: list[Any]) -> int:
    """Link the stored documents no run linked yet (a run killed between saving and linking,
    or ``--no-link`` before) with the linker of the link sink in ``sinks``; how many."""
    for each in sinks:
        if isinstance(each, LinkSink) and not each.pending():
            return 0
        linker = getattr(each, "linker", None)
        if linker is not None:
            return int(linker.link_pending())
    return 0
