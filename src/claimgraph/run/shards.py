"""Parquet shards: workers write their results to files instead of sending them to the driver.

For runs too large for one driver to store (``claimgraph analyze --shards DIR``, most useful
with ``--executor ray`` on a cluster with a shared folder), each worker writes every batch it
analysed as one Parquet file, ``DIR/part-*.parquet``, one row per result (kind, id, the
configuration hash, the result as JSON), and hands the driver only what it needs to count
and show progress. ``claimgraph load DIR`` then saves the shards into the store (and links
them), moving each loaded shard to ``DIR/loaded/``: a load that stops is simply run again.
A shard is written to a temporary name and renamed when complete, so a killed worker never
leaves half a shard.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.model import Document, Rejected
from claimgraph.stage import Result

COLUMNS = ("kind", "id", "config_hash", "json")


@dataclass
class Sharded:
    """What the driver gets back for a document a worker wrote to a shard."""

    id: str
    shard: str


def write_shard(folder: str | os.PathLike[str], results: list[Result],
                config_hash: str | None) -> Path:
    """Write ``results`` as one new Parquet shard in ``folder``; returns its path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    name = f"part-{time.time_ns()}-{os.getpid()}-{uuid.uuid4().hex[:8]}.parquet"
    rows = {
        "kind": ["document" if isinstance(r, Document) else "rejected" for r in results],
        "id": [r.id for r in results],
        "config_hash": [config_hash or "" for _ in results],
        "json": [r.model_dump_json() for r in results],
    }
    tmp = root / f".{name}.tmp"
    pq.write_table(pa.table(rows), tmp)
    return tmp.replace(root / name)


def to_shard(folder: str, results: list[Result], config_hash: str | None) -> list[Result | Sharded]:
    """Write ``results`` to a shard and return what the driver keeps: rejections as they
    are (they are small, and the run summary lists them), a ``Sharded`` for each document."""
    path = str(write_shard(folder, results, config_hash))
    return [r if isinstance(r, Rejected) else Sharded(r.id, path) for r in results]


def shard_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The complete shards of ``folder`` not loaded yet, oldest first."""
    return sorted(Path(folder).glob("part-*.parquet"))


def read_shard(path: Path) -> Iterator[tuple[Document | Rejected, str | None]]:
    """The results of one shard with the configuration hash each was analysed with."""
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=list(COLUMNS)).to_pydict()
    for kind, data, digest in zip(table["kind"], table["json"], table["config_hash"], strict=True):
        model = Document if kind == "document" else Rejected
        yield model.model_validate_json(data), digest or None


def load_shards(store: object, folder: str | os.PathLike[str],
                on_shard: object = None) -> tuple[int, int, int]:
    """Save every shard of ``folder`` into ``store``, then move it to ``folder/loaded``.

    Returns (shards, documents, rejected). Saving is an upsert by id, so a shard loaded
    twice (a load killed between saving and moving) gives the same store."""
    done = Path(folder) / "loaded"
    n_shards = n_docs = n_rej = 0
    for path in shard_files(folder):
        by_hash: dict[str | None, list[Document | Rejected]] = {}
        for result, digest in read_shard(path):
            by_hash.setdefault(digest, []).append(result)
        for digest, results in by_hash.items():
            counts = store.save_many(results, config_hash=digest)  # type: ignore[attr-defined]
            n_docs += counts.documents
            n_rej += counts.rejected
        done.mkdir(exist_ok=True)
        path.replace(done / path.name)
        n_shards += 1
        if callable(on_shard):
            on_shard(path)
    return n_shards, n_docs, n_rej
