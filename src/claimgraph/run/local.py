"""The local executor: every stage in this process, one batch after another."""

from __future__ import annotations

from collections.abc import Iterator

from claimgraph.pipeline import Pipeline
from claimgraph.run.base import Executor, add_timings, run_and_time
from claimgraph.stage import Result


class LocalExecutor(Executor):
    name = "local"

    def map_batches(self, chunks: Iterator[list[Result]]) -> Iterator[list[Result]]:
        pipe = self.pipeline
        for batch in chunks:
            if pipe is None:  # built at the first batch: a rerun with nothing to do loads nothing
                pipe = self.pipeline = Pipeline(self.config, upto=self.upto)
            results, timings = run_and_time(pipe, batch)
            add_timings(self.timings, timings)
            yield results
