"""Executors and the run job: ingest -> stages -> sinks, here, in processes or on Ray.

``executor_for`` picks an executor by name (each in its own module, sharing
``run.base``); ``Job`` (``run.job``) is the one chain the CLI, the server and the evaluation
commands use; ``run`` is the executor call alone, for code that ingests by itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from claimgraph.config import Config
from claimgraph.pipeline import Pipeline
from claimgraph.run.base import Executor, RunReport, Sink
from claimgraph.stage import Result

EXECUTORS = {"local": "claimgraph.run.local:LocalExecutor",
             "process": "claimgraph.run.process:ProcessExecutor",
             "ray": "claimgraph.run.ray:RayExecutor"}


def executor_for(config: Config, executor: str = "auto", *, workers: int = 1, batch_size: int = 16,
                 upto: str | None = None, pipeline: Pipeline | None = None) -> Executor:
    """An executor by name: local, process, ray, or auto (local for one worker, else process)."""
    if executor == "auto":
        executor = "local" if workers <= 1 else "process"
    if executor not in EXECUTORS:
        raise ValueError(f"unknown executor {executor!r}: use local, process or ray")
    if executor == "local":
        workers = 1
    module, _, cls = EXECUTORS[executor].partition(":")
    kind: type[Executor] = getattr(importlib.import_module(module), cls)
    return kind(config, workers=workers, batch_size=batch_size, upto=upto, pipeline=pipeline)


def run(items: Iterable[Result], config: Config, sink: Sink | None = None, *, workers: int = 1,
        batch_size: int = 16, upto: str | None = None, pipeline: Pipeline | None = None,
        executor: str = "auto") -> RunReport:
    """Run the pipeline over ingested ``items``, passing each result to ``sink`` in order."""
    ex = executor_for(config, executor, workers=workers, batch_size=batch_size, upto=upto,
                      pipeline=pipeline)
    return ex.run(items, sink)


__all__ = ["EXECUTORS", "Executor", "RunReport", "Sink", "executor_for", "run"]
