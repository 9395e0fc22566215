"""The Ray executor: the same pipeline in Ray actors, locally or on a cluster (``run.ray_address``).

Each actor loads the models once and processes batches; results come back in input order and
go to the sink in the driver, as with the other executors.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Any

from claimgraph.run.base import Executor, add_timings, run_and_time, worker_pipeline
from claimgraph.stage import Result


class _Worker:
    """A Ray actor holding one pipeline."""

    def __init__(self, config_data: dict[str, Any], upto: str | None) -> None:
        self.pipeline = worker_pipeline(config_data, upto)

    def run(self, batch: list[Result]) -> tuple[list[Result], dict[str, float]]:
        return run_and_time(self.pipeline, batch)


class RayExecutor(Executor):
    name = "ray"

    def map_batches(self, chunks: Iterator[list[Result]]) -> Iterator[list[Result]]:
        first = next(chunks, None)
        if first is None:  # nothing to do: no cluster connection
            return
        try:
            import ray
            from ray.util import ActorPool
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("the Ray executor needs Ray: pip install 'claimgraph[ray]'") from exc
        address = self.config.get("run.ray_address") or None
        started = not ray.is_initialized()
        if started:
            ray.init(address=address, include_dashboard=False, log_to_driver=False,
                     configure_logging=False, **({} if address else {"num_cpus": self.workers}))
        try:
            actor = ray.remote(num_cpus=1)(_Worker)
            pool = ActorPool([actor.remote(self.config.data, self.upto) for _ in range(self.workers)])
            for results, timings in pool.map(lambda a, batch: a.run.remote(batch),
                                             chain([first], chunks)):  # in input order
                add_timings(self.timings, timings)
                yield results
        finally:
            if started:
                ray.shutdown()
