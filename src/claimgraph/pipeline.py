"""Stages and the pipeline that runs them in order over batches of documents.

A stage takes Documents and returns them enriched; it never reaches into another stage.
A stage that cannot handle a document raises RejectedInput for it, and the pipeline turns
that into a Rejected record so one bad input never stops a batch.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Iterator
from typing import ClassVar

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.model import Document, Rejected

log = logging.getLogger(__name__)

Result = Document | Rejected


def reject(doc: Document, reason: str, detail: str) -> Rejected:
    return Rejected(id=doc.id, origin=doc.origin, reason=reason, detail=detail)  # type: ignore[arg-type]


class Stage:
    """One step of the pipeline. Subclasses implement ``process`` or, to batch, ``pipe``."""

    name: ClassVar[str] = "stage"

    def __init__(self, config: Config) -> None:
        self.config = config

    def process(self, doc: Document) -> Document:
        raise NotImplementedError

    def pipe(self, docs: list[Document]) -> list[Result]:
        out: list[Result] = []
        for doc in docs:
            out.append(guarded(self.name, self.process, doc))
        return out


def guarded(stage: str, fn, doc: Document) -> Result:  # type: ignore[no-untyped-def]
    """Run ``fn(doc)``; a RejectedInput or any error becomes a Rejected record."""
    try:
        return fn(doc)
    except RejectedInput as exc:
        return reject(doc, exc.reason, exc.detail)
    except Exception as exc:  # noqa: BLE001 - recorded as rejected, never dropped
        log.debug("stage %s failed on %s\n%s", stage, doc.id, traceback.format_exc())
        return reject(doc, "error", f"{stage}: {type(exc).__name__}: {exc}")


def default_stages(config: Config, upto: str | None = None) -> list[Stage]:
    """The standard stages in order: clean -> nlp -> attribution -> events."""
    from claimgraph.attribution import AttributionStage
    from claimgraph.clean import CleanStage
    from claimgraph.events import EventStage
    from claimgraph.nlp import NlpStage

    stages: list[Stage] = [CleanStage(config), NlpStage(config), AttributionStage(config),
                           EventStage(config)]
    names = [s.name for s in stages]
    if upto is not None:
        if upto not in names:
            raise ValueError(f"unknown stage {upto!r}; stages are {', '.join(names)}")
        stages = stages[: names.index(upto) + 1]
    return stages


class Pipeline:
    """Runs stages over batches of ingested documents."""

    def __init__(self, config: Config, stages: list[Stage] | None = None) -> None:
        self.config = config
        self.stages = stages if stages is not None else default_stages(config)

    def run_batch(self, items: Iterable[Result]) -> list[Result]:
        """Run every stage over a batch; results keep the input order."""
        results: list[Result] = list(items)
        for stage in self.stages:
            live = [i for i, r in enumerate(results) if isinstance(r, Document)]
            if not live:
                break
            out = stage.pipe([results[i] for i in live])  # type: ignore[misc]
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
