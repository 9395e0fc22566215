"""Containment duplicates and translations.

Containment: a crawl that cut an article at another point, or a text embedded in a longer
page, shares few shingles with the whole (low Jaccard) but most of its own. One word
4-shingle in ``SAMPLE`` (by hash) is kept per document and indexed (``link_shingles``):
sampling by hash keeps the same shingles in every document, so the shared samples
estimate the containment |A & B| / min(|A|, |B|) (``SAMPLE`` is 1: on excerpts of a few
hundred words a sample of a quarter moved the estimate by 0.1 either way around the
threshold); candidates come from the index, never
from a scan of the corpus.

Translations: a document and one of its story in another language whose sentences align
(each of the first sentences of the one with fewer has a close multilingual embedding
among the other's, averaged); both need ``translation_min_sentences``, since two or three
lines of one story resemble any other text of it. The score is ``(1 - w) * alignment +
w * shared-key overlap`` (names and figures, ``n:`` keys; ``w`` is 0 by default: on
xdoc-dev the keys did not separate translations from other pieces of the story), and a
document is linked to its best partner only, when at least ``translation_threshold``.
"""

from __future__ import annotations

import hashlib

import numpy as np

from claimgraph.link.config import LinkConfig
from claimgraph.link.text import unpack, words
from claimgraph.store.queries import Conn
from claimgraph.store.queries import link2 as q2

SAMPLE = 1
K = 4


def shingle_samples(text: str, k: int = K, sample: int = SAMPLE) -> list[int]:
    """The sampled hashes (signed 64-bit) of the word k-shingles of ``text``."""
    ws = words(text)
    out = set()
    for i in range(max(len(ws) - k + 1, 0)):
        h = int.from_bytes(hashlib.blake2b(" ".join(ws[i:i + k]).encode(), digest_size=8).digest(),
                           "little", signed=True)
        if h % sample == 0:
            out.add(h)
    return sorted(out)


def contained(conn: Conn, doc_id: str, keys: list[int], cfg: LinkConfig) -> list[tuple[str, float]]:
    """Linked documents one of which contains most of the other, (doc id, containment)."""
    if len(keys) < cfg.containment_min_samples:
        return []
    shared = q2.shingle_overlaps(conn, keys, doc_id, cfg.containment_min_samples)
    if not shared:
        return []
    sizes = q2.shingle_counts(conn, list(shared))
    out = []
    for d, n in shared.items():
        c = n / max(min(len(keys), sizes.get(d, 0)), 1)
        if c >= cfg.dup_containment:
            out.append((d, round(min(c, 1.0), 4)))
    return sorted(out, key=lambda x: (-x[1], x[0]))


def alignment(a: np.ndarray, b: np.ndarray) -> float:
    """Mean, over the passages of the document with fewer, of the best cosine in the other."""
    if not len(a) or not len(b):
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return float((a @ b.T).max(axis=1).mean())


def _keys(entities: list[list[str]] | list[tuple[str, str]]) -> set[str]:
    return {k for k, _ in entities if k.startswith("n:")}


def find(conn: Conn, doc_id: str, story_id: str, language: str | None, passages: np.ndarray,
         entities: list[tuple[str, str]], cfg: LinkConfig) -> list[tuple[str, float]]:
    """The documents of the story ``doc_id`` translates or is translated by, best first."""
    if len(passages) < cfg.translation_min_sentences:
        return []
    mine = _keys(entities)
    out = []
    for row in q2.story_docs_other_language(conn, story_id, language, doc_id):
        if row.passages is None:
            continue
        other = unpack(row.passages, "<f2").reshape(-1, passages.shape[1])
        if len(other) < cfg.translation_min_sentences:
            continue
        align = alignment(passages, other)
        if align < cfg.translation_align_min:
            continue
        theirs = _keys(row.entities or [])
        overlap = len(mine & theirs) / max(min(len(mine), len(theirs)), 1)
        score = (1 - cfg.translation_key_weight) * align + cfg.translation_key_weight * overlap
        if score >= cfg.translation_threshold:
            out.append((row.doc_id, round(score, 4)))
    return sorted(out, key=lambda x: (-x[1], x[0]))
