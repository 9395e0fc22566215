"""A parse cache for evaluation runs: spaCy Docs stored as DocBin files keyed by model and text.

Evaluating attribution on a large development set re-parses the same texts on every run;
the parse depends only on the model (name, version) and the text, so it is stored once
under ``$CLAIMGRAPH_CACHE`` (default ``~/.cache/claimgraph/parses``) and read back.
Analysis of a cached Doc is identical to analysis of a fresh parse (a test checks it).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    root = os.environ.get("CLAIMGRAPH_CACHE")
    return Path(root) if root else Path.home() / ".cache" / "claimgraph" / "parses"


def _key(nlp: Any, text: str) -> str:
    meta = nlp.meta
    model = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}|{','.join(nlp.pipe_names)}"
    return hashlib.sha256(f"{model}\0{text}".encode()).hexdigest()


def parse_cached(nlp: Any, texts: Iterable[str], root: Path | None = None,
                 batch_size: int = 16) -> Iterator[Any]:
    """``nlp.pipe(texts)`` in order, reading and writing each parse from the cache."""
    from spacy.tokens import DocBin

    root = root or cache_dir()
    root.mkdir(parents=True, exist_ok=True)
    texts = list(texts)
    keys = [_key(nlp, t) for t in texts]
    docs: dict[int, Any] = {}
    missing = []
    for i, k in enumerate(keys):
        path = root / f"{k}.spacy"
        if path.is_file():
            stored = DocBin(store_user_data=True).from_bytes(path.read_bytes())
            docs[i] = next(iter(stored.get_docs(nlp.vocab)))
        else:
            missing.append(i)
    for i, doc in zip(missing, nlp.pipe((texts[i] for i in missing), batch_size=batch_size), strict=True):
        bin_ = DocBin(store_user_data=True)
        bin_.add(doc)
        tmp = root / f"{keys[i]}.tmp{os.getpid()}"
        tmp.write_bytes(bin_.to_bytes())
        tmp.replace(root / f"{keys[i]}.spacy")
        docs[i] = doc
    for i in range(len(texts)):
        yield docs.pop(i)
