"""What every executor shares: batching, input order, the report, and the sink calls.

An executor maps the pipeline over batches of ingested items, somewhere (this process, a
pool of processes, Ray actors), and yields the result batches in input order; ``run`` counts
them and hands each result to the sink. Steps never know where they run (as in datatrove).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, ClassVar

from claimgraph.config import Config
from claimgraph.model import Document, Rejected
from claimgraph.pipeline import Pipeline
from claimgraph.stage import Result

Sink = Callable[[Result], None]


@dataclass
class RunReport:
    """What a run did: counts and the rejected inputs with their reasons."""

    documents: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # ids already stored (resume)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage and step

    def add(self, result: Result) -> None:
        if isinstance(result, Rejected):
            self.rejected.append(result)
        else:
            self.documents += 1


def batches(items: Iterable[Result], size: int) -> Iterator[list[Result]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def detach(results: list[Result]) -> list[Result]:
    """Drop the spaCy Docs: they stay where the stages ran (and never reach a sink)."""
    for r in results:
        if isinstance(r, Document):
            r.nlp = None
            r.nlp_title = None
    return results


def worker_pipeline(config_data: dict[str, Any], upto: str | None) -> Pipeline:
    """The pipeline a worker (process or actor) builds once from the configuration data."""
    return Pipeline(Config(data=config_data), upto=upto)


def run_and_time(pipe: Pipeline, batch: list[Result]) -> tuple[list[Result], dict[str, float]]:
    """Run one batch in a worker: its detached results and the seconds of each stage.

    With ``run.shards`` set, the worker writes the batch to a Parquet shard there and the
    driver gets rejections and ``run.shards.Sharded`` markers only (see that module)."""
    pipe.timings.clear()
    results = detach(pipe.run_batch(batch))
    folder = pipe.config.get("run.shards")
    if folder:
        from claimgraph.run.shards import to_shard

        start = time.perf_counter()
        results = to_shard(str(folder), results, pipe.config.get("run.shard_config_hash"))
        pipe.timings["shards"] = time.perf_counter() - start
    return results, dict(pipe.timings)


def add_timings(into: dict[str, float], timings: dict[str, float]) -> None:
    for name, seconds in timings.items():
        into[name] = into.get(name, 0.0) + seconds


class Executor:
    """Runs the configured pipeline over batches; subclasses say where (``map_batches``)."""

    name: ClassVar[str] = "executor"

    def __init__(self, config: Config, *, workers: int = 1, batch_size: int = 16,
                 upto: str | None = None, pipeline: Pipeline | None = None) -> None:
        self.config = config
        self.workers = max(1, workers)
        self.batch_size = batch_size
        self.upto = upto
        self.pipeline = pipeline
        self.timings: dict[str, float] = {}  # stage -> seconds, summed over the workers

    def map_batches(self, chunks: Iterator[list[Result]]) -> Iterator[list[Result]]:
        """Result batches, detached, in the order of ``chunks``."""
        raise NotImplementedError

    def run(self, items: Iterable[Result], sink: Sink | None = None) -> RunReport:
        """Run the pipeline over ``items``, passing each result to ``sink`` in input order."""
        report = RunReport(timings=self.timings)
        for batch in self.map_batches(batches(items, self.batch_size)):
            for r in batch:
                report.add(r)
                if sink is not None:
                    sink(r)
        return report
