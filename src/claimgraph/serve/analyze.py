"""Running submissions through the run job without blocking the server.

Worker processes (spawned, each loading the models once) run ``claimgraph.run.job.Job`` with
the store and link sinks, as ``claimgraph analyze`` does: URL inputs are fetched by the ingest
URL reader (which enforces the address policy), results are saved and linked. The server's
own process only serves reads. Too many pending analyses make new submissions fail fast (Busy).
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from claimgraph.config import Config
from claimgraph.stage import Result

log = logging.getLogger(__name__)

#: A work item: an ingested Document/Rejected, or a URL string for the worker to fetch.
Item = Result | str

_WORKER: dict[str, Any] = {}


def _init_worker(config_data: dict[str, Any]) -> None:
    from claimgraph.pipeline import Pipeline
    from claimgraph.run.sinks import store_sinks
    from claimgraph.store import open_store

    config = Config(data=config_data)
    store = open_store(config.store_url)
    atexit.register(store.close)
    _WORKER.update(config=config, pipeline=Pipeline(config), sinks=store_sinks(store, config))


def _analyse(items: list[Item]) -> list[Result]:
    """Worker: ingest URL items, run the stages, save and link; results in input order."""
    from claimgraph.run.job import Job
    from claimgraph.run.sinks import Collect

    out = Collect()
    job = Job(_WORKER["config"], [*_WORKER["sinks"], out], executor="local",
              pipeline=_WORKER["pipeline"])
    job.run(items)
    return out.results


def _warm() -> bool:
    """Worker: load the spaCy model of every enabled language."""
    from claimgraph.nlp import nlp_for

    config: Config = _WORKER["config"]
    for lang in config.languages:
        try:
            nlp_for(config, lang)
        except Exception as exc:  # noqa: BLE001 - reported by the first real analysis
            log.warning("cannot load the %s model: %s", lang, exc)
    return True


class Busy(Exception):
    """Too many analyses are pending; the client should retry later."""


class Analyzer:
    """Submits work to the pipeline processes; they analyse, save and link."""

    def __init__(self, config: Config, workers: int = 1, max_pending: int = 16) -> None:
        self.config = config
        self.workers = workers
        self.max_pending = max_pending
        self._pending = 0
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                ctx = multiprocessing.get_context("spawn")  # never fork a threaded server
                self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx,
                                                 initializer=_init_worker, initargs=(self.config.data,))
            return self._pool

    def warm(self) -> None:
        """Start the workers and load the models in the background."""
        pool = self._executor()
        for _ in range(self.workers):
            pool.submit(_warm)

    @property
    def pending(self) -> int:
        return self._pending

    async def analyse(self, items: list[Item]) -> list[Result]:
        """Analyse, save and link ``items``; results in input order."""
        with self._lock:
            if self._pending + len(items) > self.max_pending:
                raise Busy(f"{self._pending} analyses pending; retry shortly")
            self._pending += len(items)
        try:
            pool = self._executor()
            try:
                return await asyncio.wrap_future(pool.submit(_analyse, items))
            except BrokenProcessPool:
                with self._lock:
                    if self._pool is pool:
                        self._pool = None
                raise
        finally:
            with self._lock:
                self._pending -= len(items)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
