"""Orders of arrival for the link evaluations: input, reverse, or a seeded shuffle."""

from __future__ import annotations

import random
from typing import TypeVar

T = TypeVar("T")


def order_docs(docs: list[T], order: str) -> list[T]:
    """``docs`` in the named order: ``input``, ``reverse`` or ``random[:SEED]``."""
    if order == "input":
        return list(docs)
    if order == "reverse":
        return list(reversed(docs))
    if order.startswith("random"):
        seed = int(order.split(":", 1)[1]) if ":" in order else 0
        out = list(docs)
        random.Random(seed).shuffle(out)
        return out
    raise ValueError(f"unknown order {order!r}: input, reverse or random[:SEED]")
