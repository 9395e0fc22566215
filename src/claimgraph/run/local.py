"""The local executor: every stage in this process, one batch after another."""

from __future__ import annotations

from collections.abc import Iterator

from claimgraph.pipeline import Pipeline
from claimgraph.run.base import Executor, detach
from claimgraph.stage import Result


class LocalExecutor(Executor):
    name = "local"

    def map_batches(self, chunks: Iterator[list[Result]]) -> Iterator[list[Result]]:
        pipe = self.pipeline or Pipeline(self.config, upto=self.upto)
        for batch in chunks:
            yield detach(pipe.run_batch(batch))
