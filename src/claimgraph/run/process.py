"""The process executor: a pool of worker processes, each loading the models once."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from claimgraph.pipeline import Pipeline
from claimgraph.run.base import Executor, detach, worker_pipeline
from claimgraph.stage import Result

_WORKER: dict[str, Pipeline] = {}


def _init_worker(config_data: dict[str, Any], upto: str | None) -> None:
    _WORKER["pipeline"] = worker_pipeline(config_data, upto)


def _work(batch: list[Result]) -> list[Result]:
    return detach(_WORKER["pipeline"].run_batch(batch))


class ProcessExecutor(Executor):
    name = "process"

    def map_batches(self, chunks: Iterator[list[Result]]) -> Iterator[list[Result]]:
        with ProcessPoolExecutor(self.workers, initializer=_init_worker,
                                 initargs=(self.config.data, self.upto)) as pool:
            pending: list[Future[list[Result]]] = []
            for batch in chunks:
                pending.append(pool.submit(_work, batch))
                if len(pending) >= self.workers * 2:  # bounded queue, results in input order
                    yield pending.pop(0).result()
            for fut in pending:
                yield fut.result()
