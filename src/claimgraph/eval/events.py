"""Event evaluation on PLOVER-GSR style JSONL: root-type F1 and actor/recipient country accuracy.

``evaluate_plover(path, config)`` returns a dict of metrics; ``command`` is the click command
mounted as ``claimgraph eval events --dataset PATH [--json]``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import click

from claimgraph.config import Config
from claimgraph.model import Document, Event, Origin

#: Codes of the 2016 gold standard that are not ISO 3166 alpha-3.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _norm(code: str | None) -> str | None:
    if not code:
        return None
    return LEGACY_CODES.get(code, code)


def load_records(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predict(records: list[dict[str, Any]], config: Config) -> list[list[Event]]:
    """Run the nlp and events stages over each record's text."""
    from claimgraph.events import extract_events
    from claimgraph.nlp import nlp_for

    out: list[list[Event]] = []
    by_lang: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        by_lang.setdefault(r.get("lang", "en"), []).append(i)
    parsed: dict[int, Any] = {}
    for lang, idx in by_lang.items():
        nlp = nlp_for(config, lang)
        for i, sdoc in zip(idx, nlp.pipe(records[i]["text"] for i in idx), strict=True):
            parsed[i] = sdoc
    for i, r in enumerate(records):
        doc = Document(id=str(r.get("id", i)), origin=Origin(kind="jsonl"), text=r["text"],
                       language=r.get("lang", "en"))
        out.append(extract_events(doc, config, sdoc=parsed[i]))
    return out


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(records: list[dict[str, Any]], predictions: list[list[Event]]) -> dict[str, Any]:
    """Root-type micro/macro F1 (multiset of types per sentence) and country accuracy."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    actor_ok = actor_n = recip_ok = recip_n = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for rec, events in zip(records, predictions, strict=True):
        gold = Counter(e["type"] for e in rec["events"])
        pred = Counter(e.type for e in events)
        for t in set(gold) | set(pred):
            m = min(gold[t], pred[t])
            tp[t] += m
            fp[t] += pred[t] - m
            fn[t] += gold[t] - m
        for g in rec["events"]:
            same = [e for e in events if e.type == g["type"]]
            match = same[0] if same else (events[0] if events else None)
            if not same:
                confusion[(g["type"], events[0].type if events else "-")] += 1
            for role, key in (("actor", "actor"), ("recipient", "recipient")):
                gc = _norm((g.get(key) or {}).get("country"))
                if not gc:
                    continue
                party = getattr(match, role) if match is not None else None
                pc = _norm(party.country) if party is not None else None
                if pc is None and party is not None and party.sector in ("IGO", "NGO"):
                    pc = party.sector
                ok = pc == gc
                if role == "actor":
                    actor_n += 1
                    actor_ok += ok
                else:
                    recip_n += 1
                    recip_ok += ok
    labels = sorted(set(tp) | set(fn) | set(fp))
    per_type = {}
    for t in labels:
        p, r, f = _f1(tp[t], fp[t], fn[t])
        per_type[t] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                       "support": tp[t] + fn[t]}
    gold_labels = [t for t in labels if tp[t] + fn[t] > 0]
    p, r, f = _f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {
        "sentences": len(records),
        "gold_events": sum(len(r["events"]) for r in records),
        "predicted_events": sum(len(e) for e in predictions),
        "micro_precision": round(p, 4),
        "micro_recall": round(r, 4),
        "micro_f1": round(f, 4),
        "macro_f1": round(sum(per_type[t]["f1"] for t in gold_labels) / len(gold_labels), 4)
        if gold_labels else 0.0,
        "actor_country_accuracy": round(actor_ok / actor_n, 4) if actor_n else None,
        "actor_country_n": actor_n,
        "recipient_country_accuracy": round(recip_ok / recip_n, 4) if recip_n else None,
        "recipient_country_n": recip_n,
        "per_type": per_type,
        "confusions": [
            {"gold": g, "predicted": p_, "count": n} for (g, p_), n in confusion.most_common(15)
        ],
    }


def evaluate_plover(path: str | Path, config: Config | None = None) -> dict[str, Any]:
    """Evaluate the events stage on a PLOVER-GSR JSONL file (see datasets/README.md)."""
    config = config or Config.load()
    records = load_records(path)
    result = score(records, predict(records, config))
    result["dataset"] = str(path)
    result["method"] = "rules+lexicon (no training on the evaluation data)"
    return result


@click.command("events")
@click.option("--dataset", "dataset", required=True, type=click.Path(exists=True, dir_okay=False),
              help="PLOVER-GSR JSONL file")
@click.option("--json", "as_json", is_flag=True, help="print the metrics as JSON")
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False))
def command(dataset: str, as_json: bool, config_path: str | None) -> None:
    """Score the events stage on PLOVER-GSR sentences (root type F1, country accuracy)."""
    result = evaluate_plover(dataset, Config.load(config_path))
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    click.echo(f"dataset: {result['dataset']} ({result['sentences']} sentences, "
               f"{result['gold_events']} gold events, {result['predicted_events']} predicted)")
    click.echo(f"root type micro F1 {result['micro_f1']:.3f} (P {result['micro_precision']:.3f}"
               f" R {result['micro_recall']:.3f}); macro F1 {result['macro_f1']:.3f}")
    click.echo(f"actor country accuracy {result['actor_country_accuracy']} "
               f"(n={result['actor_country_n']}); recipient country accuracy "
               f"{result['recipient_country_accuracy']} (n={result['recipient_country_n']})")
    for t, m in result["per_type"].items():
        click.echo(f"  {t:<12} P {m['precision']:.2f} R {m['recall']:.2f} F1 {m['f1']:.2f} "
                   f"n={m['support']}")
