"""Does a learned type classifier over multilingual embeddings beat the event rules? One run.

    python benchmarks/events_classifier_cv.py

The rules propose each event (trigger, actor, recipient); a softmax regression over the USE
multilingual embedding of the trigger's context (the trigger and 3 words either side) gives a
type distribution, and the event is retyped to the classifier's type when that type is surer
than ``--sure`` and the rules' type less sure than ``--doubt``. Two figures: trained on
plover-gsr (CC BY-SA 4.0) and scored on plv-train (held out), and plv-train 5-fold
cross-validated (plv-train has no licence: such a model could only be an opt-in). Datasets are
read at run time from $CLAIMGRAPH_DATASETS. Not a test.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

import numpy as np

from claimgraph.config import Config
from claimgraph.eval.events import TYPE_MAP_15, default_labels, load_records, predict, score
from claimgraph.link.embed import encode

DATASETS = Path(os.environ.get("CLAIMGRAPH_DATASETS", "/work/shared/datasets"))


def window(text: str, start: int, end: int, k: int = 3) -> str:
    return " ".join([*text[:start].split()[-k:], text[start:end], *text[end:].split()[:k]])


def fit(x: np.ndarray, y: np.ndarray, k: int, l2: float = 1e-4, steps: int = 800,
        rate: float = 10.0) -> tuple[np.ndarray, np.ndarray]:
    w, b, onehot = np.zeros((x.shape[1], k)), np.zeros(k), np.eye(k)[y]
    for _ in range(steps):
        z = x @ w + b
        p = np.exp(z - z.max(1, keepdims=True))
        g = p / p.sum(1, keepdims=True) - onehot
        w -= rate * (x.T @ g / len(x) + l2 * w)
        b -= rate * g.mean(0)
    return w, b


def proba(w: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    z = x @ w + b
    p = np.exp(z - z.max(1, keepdims=True))
    return p / p.sum(1, keepdims=True)


def load(path: Path, config: Config) -> dict[str, Any]:
    recs = load_records(path)
    preds = predict(recs, config)
    rows = [(i, e) for i, evs in enumerate(preds) for e in evs]
    x = encode([window(recs[i]["text"], e.trigger.start, e.trigger.end) for i, e in rows])
    return {"recs": recs, "preds": preds, "rows": rows, "x": x, "labels": default_labels(recs)}


def training_labels(d: dict[str, Any], mapping: dict[str, str]) -> list[str | None]:
    """The gold type an event's context stands for: its own type when gold, else the
    sentence's single gold type (None: undetermined)."""
    out: list[str | None] = []
    for i, e in d["rows"]:
        gold = [mapping.get(g["type"], g["type"]) for g in d["recs"][i]["events"]]
        t = mapping.get(e.type, e.type)
        out.append(t if t in gold else (gold[0] if len(set(gold)) == 1 else None))
    return out


def retyped(d: dict[str, Any], p: np.ndarray, classes: list[str], sure: float,
            doubt: float) -> dict[str, Any]:
    index = {c: k for k, c in enumerate(classes)}
    saved = [e.type for _i, e in d["rows"]]
    for (_i, e), pr in zip(d["rows"], p, strict=True):
        own = pr[index[e.type]] if e.type in index else 0.0
        best = int(pr.argmax())
        if pr[best] > sure and own < doubt:
            e.type = classes[best]
    s = score(d["recs"], d["preds"], d["labels"])
    for (_i, e), t in zip(d["rows"], saved, strict=True):
        e.type = t
    return s


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sure", type=float, nargs="+", default=[0.5, 0.7])
    ap.add_argument("--doubt", type=float, default=0.2)
    args = ap.parse_args()
    config = Config.load()
    gsr = load(DATASETS / "plover-gsr" / "plover-gsr.jsonl", config)
    plv = load(DATASETS / "plover-plv-train" / "plv-train.jsonl", config)
    base = score(plv["recs"], plv["preds"], plv["labels"])
    print(f"rules on plv-train: micro {base['micro_f1']:.3f} macro {base['macro_f1']:.3f}")
    # trained on plover-gsr (its 2016 labels), scored on plv-train: held out
    ys = training_labels(gsr, {})
    keep = [k for k, y in enumerate(ys) if y is not None]
    classes = sorted({ys[k] for k in keep})  # type: ignore[type-var]
    w, b = fit(gsr["x"][keep], np.array([classes.index(ys[k]) for k in keep]), len(classes))
    p = proba(w, b, plv["x"])
    acc = np.mean([TYPE_MAP_15.get(classes[k], classes[k]) in
                   {g["type"] for g in plv["recs"][i]["events"]}
                   for k, (i, _e) in zip(p.argmax(1), plv["rows"], strict=True)])
    print(f"GSR-trained classifier alone on plv-train events (held out): accuracy {acc:.3f}")
    for sure in args.sure:
        s = retyped(plv, p, classes, sure, args.doubt)
        print(f"  rules + GSR classifier (sure>{sure}, doubt<{args.doubt}), held out: "
              f"micro {s['micro_f1']:.3f} macro {s['macro_f1']:.3f}")
    # plv-train 5-fold cross-validation (opt-in only: no licence)
    ys = training_labels(plv, TYPE_MAP_15)
    classes = sorted({y for y in ys if y is not None})
    p = np.zeros((len(ys), len(classes)))
    for fold in range(5):
        train = [k for k, (i, _e) in enumerate(plv["rows"]) if i % 5 != fold and ys[k]]
        test = [k for k, (i, _e) in enumerate(plv["rows"]) if i % 5 == fold]
        w, b = fit(plv["x"][train], np.array([classes.index(ys[k]) for k in train]),
                   len(classes))
        p[test] = proba(w, b, plv["x"][test])
    acc = np.mean([classes[k] in {g["type"] for g in plv["recs"][i]["events"]}
                   for k, (i, _e) in zip(p.argmax(1), plv["rows"], strict=True)])
    print(f"plv-trained classifier alone, 5-fold CV: accuracy {acc:.3f}")
    for sure in args.sure:
        s = retyped(plv, p, classes, sure, args.doubt)
        print(f"  rules + plv classifier (sure>{sure}, doubt<{args.doubt}), 5-fold CV: "
              f"micro {s['micro_f1']:.3f} macro {s['macro_f1']:.3f}")


if __name__ == "__main__":
    main()
