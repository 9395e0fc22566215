"""The process executor: a pool of worker processes, each loading the models once."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain
from typing import Any

from claimgraph.pipeline import Pipeline
from claimgraph.run.base import Executor, add_timings, run_and_time, worker_pipeline
from claimgraph.stage import Result

_WORKER: dict[str, Pipeline] = {}
Timed = tuple[list[Result], dict[str, float]]


def _init_worker(config_data: dict[str, Any], upto: str | None) -> None:
    _WORKER["pipeline"] = worker_pipeline(config_data, upto)


def _work(batch: list[Result]) -> Timed:
    return run_and_time(_WORKER["pipeline"], batch)


class ProcessExecutor(Executor):
    name = "process"

    def map_batches(self, chunks: Iterator[list[Result]]) -> Iterator[list[Result]]:
        first = next(chunks, None)
        if first is None:  # nothing to do: no pool, no models loaded
            return
        with ProcessPoolExecutor(self.workers, initializer=_init_worker,
                                 initargs=(self.config.data, self.upto)) as pool:
            pending: list[Future[Timed]] = []
            for batch in chain([first], chunks):
                pending.append(pool.submit(_work, batch))
                if len(pending) >= self.workers * 2:  # bounded queue, results in input order
                    yield self._done(pending.pop(0))
            for fut in pending:
                yield self._done(fut)

    def _done(self, fut: Future[Timed]) -> list[Result]:
        results, timings = fut.result()
        add_timings(self.timings, timings)
        return results
