"""Executors: run the pipeline over inputs locally, in several processes, or on Ray.

Steps never know where they run (as in datatrove): an executor takes ingested items,
runs the pipeline over batches and hands each result to a sink (usually the store).
"""

from __future__ import annotations

from claimgraph.run.local import RunReport, run

__all__ = ["RunReport", "run"]
