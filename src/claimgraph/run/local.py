"""Local executors: one process, or a pool of worker processes each with its own models."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from claimgraph.config import Config
from claimgraph.model import Document, Rejected
from claimgraph.pipeline import Pipeline, Result

Sink = Callable[[Result], None]


@dataclass
class RunReport:
    """What a run did: counts and the rejected inputs with their reasons."""

    documents: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    def add(self, result: Result) -> None:
        if isinstance(result, Rejected):
            self.rejected.append(result)
        else:
            self.documents += 1


def _batches(items: Iterable[Result], size: int) -> Iterator[list[Result]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _finish(results: list[Result]) -> list[Result]:
    for r in results:
        if isinstance(r, Document):
            r.nlp = None  # the spaCy Doc stays in the worker
    return results


_WORKER: dict[str, Any] = {}


def _init_worker(config_data: dict[str, Any], upto: str | None) -> None:
    from claimgraph.pipeline import default_stages

    config = Config(data=config_data)
    _WORKER["pipeline"] = Pipeline(config, default_stages(config, upto))


def _work(batch: list[Result]) -> list[Result]:
    return _finish(_WORKER["pipeline"].run_batch(batch))


def run(
    items: Iterable[Result],
    config: Config,
    sink: Sink | None = None,
    *,
    workers: int = 1,
    batch_size: int = 16,
    upto: str | None = None,
    pipeline: Pipeline | None = None,
    executor: str = "auto",
) -> RunReport:
    """Run the pipeline over ingested ``items``, passing each result to ``sink`` in order.

    ``executor``: "local" (this process), "process" (a pool of ``workers`` processes),
    "ray" (``workers`` Ray actors), or "auto" (local for one worker, else processes).
    """
    if executor == "ray":
        from claimgraph.run.ray import run_ray

        return run_ray(items, config, sink, workers=workers, batch_size=batch_size, upto=upto)
    if executor not in ("auto", "local", "process"):
        raise ValueError(f"unknown executor {executor!r}: use local, process or ray")
    if executor == "local":
        workers = 1
    report = RunReport()

    def emit(results: list[Result]) -> None:
        for r in results:
            report.add(r)
            if sink is not None:
                sink(r)

    if workers <= 1:
        from claimgraph.pipeline import default_stages

        pipe = pipeline or Pipeline(config, default_stages(config, upto))
        for batch in _batches(items, batch_size):
            emit(_finish(pipe.run_batch(batch)))
        return report
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(config.data, upto)) as pool:
        pending = []
        for batch in _batches(items, batch_size):
            pending.append(pool.submit(_work, batch))
            if len(pending) >= workers * 2:  # bounded queue: results stream in input order
                emit(pending.pop(0).result())
        for fut in pending:
            emit(fut.result())
    return report
