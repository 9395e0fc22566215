"""How sure the rules are of an event: a logistic score over the evidence of its candidate.

The features say how the trigger was found (a multi-word phrase or verb-object pair is surer
than a bare noun), whether its word is listed under several types, whether actor and recipient
are coded (country or entity) or only a sector word, whether the actor is the trigger's own
argument, and whether the type comes from a promise or a condition. The weights
(``data/events_confidence.toml``) are fitted on PLOVER GSR (CC BY-SA 4.0) with ``claimgraph eval events
--fit-confidence``; the stage abstains below ``events.min_confidence``.
"""

from __future__ import annotations

import math
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimgraph.events.tokens import Arg, Candidate, lem

WEIGHTS = Path(__file__).parents[1] / "data" / "events_confidence.toml"
KINDS = ("verb", "noun", "light", "pair", "phrase", "particle", "reversed", "must", "intent")


def _coded(arg: Arg | None) -> bool:
    return arg is not None and (arg.country is not None or arg.entity is not None)


def features(c: Candidate, ambiguous: set[str]) -> dict[str, float]:
    """The evidence of a candidate as named 0/1 features."""
    kind = "light" if c.kind == "noun" and c.head is not c.noun else c.kind
    f = {f"kind_{k}": float(kind == k) for k in KINDS}
    word = c.lemma.split()[-1] if c.kind in ("pair", "phrase", "light") else lem(c.head)
    f["ambiguous"] = float(word in ambiguous or c.lemma in ambiguous)
    f["actor_coded"] = float(_coded(c.actor))
    f["actor_sector_only"] = float(c.actor is not None and not _coded(c.actor))
    f["actor_own"] = float(c.own_actor)
    f["recipient_coded"] = float(_coded(c.recipient))
    f["recipient_sector_only"] = float(c.recipient is not None and not _coded(c.recipient))
    f["no_recipient"] = float(c.recipient is None)
    f["retyped"] = float(c.retyped)
    f["absorbed"] = float(bool(c.absorbed))
    f["main_clause"] = float(_clause_verb(c.noun if c.noun is not None else c.head).dep_ == "ROOT")
    return f


def _clause_verb(tok: Any) -> Any:
    """The verb of the clause ``tok`` belongs to (an event noun: the verb it hangs from through
    objects and prepositions)."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur or \
                cur.dep_ not in ("dobj", "obj", "pobj", "prep", "obl", "nmod", "compound"):
            return cur
        cur = cur.head
    return cur


@lru_cache(maxsize=1)
def load_weights(path: str = str(WEIGHTS)) -> dict[str, float] | None:
    p = Path(path)
    if not p.exists():
        return None
    with p.open("rb") as fh:
        return {k: float(v) for k, v in tomllib.load(fh)["weights"].items()}


def write_weights(doc: dict[str, Any], path: str | Path) -> None:
    """Write fitted weights (``weights``), their provenance and CV rows as TOML."""
    lines = ["# Confidence weights of the events stage (claimgraph.events.confidence), written by",
             "# `claimgraph eval events --dataset PATH --fit-confidence FILE`.", ""]
    for k, v in doc.items():
        if not isinstance(v, (dict, list)):
            lines.append(f"{k} = {v!r}".replace("'", '"'))
    lines += ["", "[weights]"] + [f"{k} = {v}" for k, v in doc["weights"].items()]
    for key, rows in doc.items():
        if isinstance(rows, list):
            for row in rows:
                lines += ["", f"[[{key}]]"] + [f"{k} = {v}" for k, v in row.items()]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def score(feats: dict[str, float], weights: dict[str, float] | None) -> float | None:
    """Logistic score of the features, rounded to 3 decimals (None without weights)."""
    if weights is None:
        return None
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def fit(rows: list[tuple[dict[str, float], int]], l2: float = 1.0, steps: int = 3000,
        rate: float = 0.5) -> dict[str, Any]:
    """Logistic regression by gradient descent (numpy), L2-regularised; returns the weights."""
    import numpy as np

    names = sorted({k for f, _y in rows for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f, _y in rows])
    y = np.array([yy for _f, yy in rows], dtype=float)
    w = np.zeros(len(names))
    b = 0.0
    n = len(rows)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = p - y
        w -= rate * (x.T @ g / n + l2 * w / n)
        b -= rate * g.mean()
    return {"bias": round(float(b), 4), **{k: round(float(v), 4) for k, v in zip(names, w, strict=True)}}
