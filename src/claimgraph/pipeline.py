"""The pipeline: the configured stages run in order over batches of documents.

The stages come from ``[pipeline] stages`` (see ``claimgraph.stage``); results keep the
input order, and a document rejected by one stage skips the stages after it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from claimgraph.config import Config
from claimgraph.model import Document
from claimgraph.stage import Result, Stage, build_stages


class Pipeline:
    """Runs stages over batches of ingested documents."""

    def __init__(self, config: Config, stages: list[Stage] | None = None,
                 upto: str | None = None) -> None:
        self.config = config
        self.stages = stages if stages is not None else build_stages(config, upto)
        self.timings: dict[str, float] = {}  # seconds spent in each stage (``--profile``)

    def run_batch(self, items: Iterable[Result]) -> list[Result]:
        """Run every stage over a batch; results keep the input order."""
        results: list[Result] = list(items)
        for stage in self.stages:
            # a document in a language without a model is only cleaned (status not_analysed)
            live = [i for i, r in enumerate(results) if isinstance(r, Document)
                    and (r.status != "not_analysed" or stage.name == "clean")]
            if not live:
                continue
            start = time.perf_counter()
            out = stage.pipe([results[i] for i in live])  # type: ignore[misc]
            self.timings[stage.name] = self.timings.get(stage.name, 0.0) + time.perf_counter() - start
            for i, res in zip(live, out, strict=True):
                results[i] = res
        return results

    def __call__(self, doc: Document) -> Result:
        return self.run_batch([doc])[0]

    def run(self, items: Iterable[Result], batch_size: int = 32) -> Iterator[Result]:
        batch: list[Result] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self.run_batch(batch)
                batch = []
        if batch:
            yield from self.run_batch(batch)
