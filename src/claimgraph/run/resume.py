"""Resume: a rerun skips the documents already stored with the same content and configuration.

A document's id is the hash of its content; ``config_hash`` is the hash of everything else
that decides its analysis: the configuration (without the store and run sections), the
stages run, the package version, the code of the stages and the language data files
(bundled and ``$CLAIMGRAPH_DATA_DIR``). The store keeps the hash on each document
(``documents.config_hash``); ``Resume.filter`` drops ingested documents whose stored hash
matches, looking them up in batches.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimgraph.config import Config
from claimgraph.model import SCHEMA_VERSION, Document
from claimgraph.stage import Result, stage_names

PACKAGE = Path(__file__).resolve().parents[1]
#: Package parts that decide a document's analysis (their code and data files are hashed).
_ANALYSIS = ("clean", "nlp", "attribution", "events", "lang", "data", "ingest")
_TOP = ("model.py", "stage.py", "pipeline.py", "event_records.py", "config.py")
_IGNORED_SECTIONS = ("store", "run")


def _files(root: Path) -> list[Path]:
    found = [p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".toml", ".json",
                                                                          ".jsonl", ".txt")]
    return sorted(found)


@lru_cache(maxsize=4)
def _code_digest(data_dir: str) -> str:
    digest = hashlib.sha256()
    paths = [PACKAGE / name for name in _TOP]
    for part in _ANALYSIS:
        paths.extend(_files(PACKAGE / part))
    if data_dir and Path(data_dir).is_dir():
        paths.extend(_files(Path(data_dir)))
    for path in paths:
        if path.is_file():
            digest.update(str(path.name).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def config_hash(config: Config, upto: str | None = None) -> str:
    """The hash of the pipeline configuration a document's analysis depends on."""
    from claimgraph import __version__

    names = stage_names(config)
    if upto in names:
        names = names[: names.index(upto) + 1]
    settings: dict[str, Any] = {k: v for k, v in config.data.items() if k not in _IGNORED_SECTIONS}
    payload = json.dumps({"version": __version__, "schema": SCHEMA_VERSION, "stages": names,
                          "config": settings}, sort_keys=True, default=str, ensure_ascii=False)
    code = _code_digest(os.environ.get("CLAIMGRAPH_DATA_DIR", ""))
    return hashlib.sha256(f"{payload}\n{code}".encode()).hexdigest()[:16]


class Resume:
    """Skips ingested documents already stored with ``digest`` (``force`` skips nothing)."""

    def __init__(self, store: Any, digest: str, *, force: bool = False, batch: int = 256,
                 on_skip: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.digest = digest
        self.force = force
        self.batch = batch
        self.on_skip = on_skip
        self.skipped: list[str] = []

    def filter(self, items: Iterable[Result]) -> Iterator[Result]:
        """``items`` in order, without the documents already done."""
        if self.force:
            yield from items
            return
        pending: list[Result] = []
        for item in items:
            pending.append(item)
            if len(pending) >= self.batch:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    def _flush(self, pending: list[Result]) -> Iterator[Result]:
        ids = [r.id for r in pending if isinstance(r, Document)]
        stored = self.store.stored_hashes(ids) if ids else {}
        for item in pending:
            if isinstance(item, Document) and stored.get(item.id) == self.digest:
                self.skipped.append(item.id)
                if self.on_skip is not None:
                    self.on_skip(item.id)
                continue
            yield item
