"""Span metrics for attribution: content overlap (Gender Gap Tracker style), exact spans.

overlap(gold, pred) = characters shared / length of the gold span. A prediction matches a gold
span when the overlap reaches the threshold; matching is one-to-one, best overlaps first.
"""

from __future__ import annotations

from collections.abc import Sequence

Span2 = tuple[int, int]


def shared(a: Span2, b: Span2) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlap(gold: Span2, pred: Span2) -> float:
    """Shared characters over the gold span length."""
    length = gold[1] - gold[0]
    return shared(gold, pred) / length if length > 0 else 0.0


def match(gold: Sequence[Span2], pred: Sequence[Span2], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs with overlap >= threshold, best first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            o = overlap(g, p)
            if o >= threshold and o > 0:
                pairs.append((o, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "pred": n_pred,
        "gold": n_gold,
    }
