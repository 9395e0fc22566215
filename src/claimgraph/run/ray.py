"""Ray executor: the same pipeline in Ray actors, locally or on a cluster (``run.ray_address``).

Each actor loads the models once and processes batches; results come back in input order and
go to the sink (the store) in the driver, as with the local executors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimgraph.config import Config
from claimgraph.pipeline import Result
from claimgraph.run.local import RunReport, Sink, _batches, _finish


class _Worker:
    """A Ray actor holding one pipeline."""

    def __init__(self, config_data: dict[str, Any], upto: str | None) -> None:
        from claimgraph.pipeline import Pipeline, default_stages

        config = Config(data=config_data)
        self.pipeline = Pipeline(config, default_stages(config, upto))

    def run(self, batch: list[Result]) -> list[Result]:
        return _finish(self.pipeline.run_batch(batch))


def run_ray(
    items: Iterable[Result],
    config: Config,
    sink: Sink | None = None,
    *,
    workers: int = 2,
    batch_size: int = 16,
    upto: str | None = None,
) -> RunReport:
    """Run the pipeline over ``items`` with ``workers`` Ray actors."""
    try:
        import ray
        from ray.util import ActorPool
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("the Ray executor needs Ray: pip install 'claimgraph[ray]'") from exc
    address = config.get("run.ray_address") or None
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 configure_logging=False, **({} if address else {"num_cpus": workers}))
    report = RunReport()
    try:
        actor = ray.remote(num_cpus=1)(_Worker)
        pool = ActorPool([actor.remote(config.data, upto) for _ in range(max(1, workers))])
        results = pool.map(lambda a, batch: a.run.remote(batch), _batches(items, batch_size))
        for batch in results:  # in input order
            for r in batch:
                report.add(r)
                if sink is not None:
                    sink(r)
    finally:
        if started:
            ray.shutdown()
    return report
