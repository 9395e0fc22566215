"""Span metrics for attribution: content overlap (Gender Gap Tracker style), exact spans.

overlap(gold, pred) = characters shared / length of the gold span. A prediction matches a gold
span when the overlap is above the threshold; matching is one-to-one, gold spans in order.
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
    """One-to-one (gold index, pred index) pairs, as the Gender Gap Tracker's evaluation makes
    them: each gold span in order takes the remaining prediction with the highest overlap
    strictly above the threshold."""
    remaining = list(range(len(pred)))
    out = []
    for i, g in enumerate(gold):
        best, best_o = -1, 0.0
        for j in remaining:
            o = overlap(g, pred[j])
            if o > threshold and o > best_o:
                best, best_o = j, o
        if best >= 0:
            remaining.remove(best)
            out.append((i, best))
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
