"""The run job: ingest -> stages -> sinks, the one chain the CLI, server and evaluations use."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from claimgraph.config import Config
from claimgraph.model import Document
from claimgraph.pipeline import Pipeline
from claimgraph.run import executor_for
from claimgraph.run.base import RunReport, Sink, add_timings
from claimgraph.stage import Result


def _sink_name(sink: Any) -> str:
    name = getattr(sink, "step", None) or getattr(type(sink), "__name__", "sink")
    if name in ("function", "method"):
        name = getattr(sink, "__qualname__", "sink").split(".")[0]
    return f"sink:{name}"


class Job:
    """Reads inputs, runs the configured stages on an executor, hands results to the sinks.

    An input is an input spec (file, folder, glob, URL, "-" for stdin) or an already
    ingested Document/Rejected. ``lang`` forces the article language. ``resume``
    (``run.resume.Resume``) drops the documents already stored with the same configuration
    before they reach the stages. The report's ``timings`` hold the seconds spent reading
    inputs ("ingest"), in each stage and in each sink.
    """

    def __init__(self, config: Config, sinks: Sequence[Sink] = (), *, executor: str = "auto",
                 workers: int = 1, batch_size: int = 16, upto: str | None = None,
                 pipeline: Pipeline | None = None, lang: str | None = None,
                 resume: Any = None) -> None:
        self.config = config
        self.sinks = list(sinks)
        self.lang = lang
        self.resume = resume
        self.executor = executor_for(config, executor, workers=workers, batch_size=batch_size,
                                     upto=upto, pipeline=pipeline)
        self.timings: dict[str, float] = {}

    def ingest(self, inputs: Iterable[str | Result], stdin: BinaryIO | None = None) -> Iterator[Result]:
        from claimgraph.ingest import read_inputs

        for item in inputs:
            found = read_inputs([item], self.config, stdin=stdin) if isinstance(item, str) else [item]
            it = iter(found)
            while True:
                start = time.perf_counter()
                result = next(it, None)
                self.timings["ingest"] = self.timings.get("ingest", 0.0) + time.perf_counter() - start
                if result is None:
                    break
                if self.lang and isinstance(result, Document):
                    result.meta["language"] = self.lang
                yield result

    def sink(self, result: Result) -> None:
        for each in self.sinks:
            start = time.perf_counter()
            each(result)
            name = _sink_name(each)
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start

    def run(self, inputs: Iterable[str | Result], stdin: BinaryIO | None = None) -> RunReport:
        items = self.ingest(inputs, stdin)
        if self.resume is not None:
            items = self.resume.filter(items)
        report = self.executor.run(items, self.sink)
        if self.resume is not None:
            report.skipped = list(self.resume.skipped)
        report.timings = dict(report.timings)
        add_timings(report.timings, self.timings)
        return report
