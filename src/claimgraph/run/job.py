"""The run job: ingest -> stages -> sinks, the one chain the CLI, server and evaluations use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from claimgraph.config import Config
from claimgraph.model import Document
from claimgraph.pipeline import Pipeline
from claimgraph.run import executor_for
from claimgraph.run.base import RunReport, Sink
from claimgraph.stage import Result


class Job:
    """Reads inputs, runs the configured stages on an executor, hands results to the sinks.

    An input is an input spec (file, folder, glob, URL, "-" for stdin) or an already
    ingested Document/Rejected. ``lang`` forces the article language.
    """

    def __init__(self, config: Config, sinks: Sequence[Sink] = (), *, executor: str = "auto",
                 workers: int = 1, batch_size: int = 16, upto: str | None = None,
                 pipeline: Pipeline | None = None, lang: str | None = None) -> None:
        self.config = config
        self.sinks = list(sinks)
        self.lang = lang
        self.executor = executor_for(config, executor, workers=workers, batch_size=batch_size,
                                     upto=upto, pipeline=pipeline)

    def ingest(self, inputs: Iterable[str | Result], stdin: BinaryIO | None = None) -> Iterator[Result]:
        from claimgraph.ingest import read_inputs

        for item in inputs:
            found = read_inputs([item], self.config, stdin=stdin) if isinstance(item, str) else [item]
            for result in found:
                if self.lang and isinstance(result, Document):
                    result.meta["language"] = self.lang
                yield result

    def sink(self, result: Result) -> None:
        for each in self.sinks:
            each(result)

    def run(self, inputs: Iterable[str | Result], stdin: BinaryIO | None = None) -> RunReport:
        return self.executor.run(self.ingest(inputs, stdin), self.sink)
