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

#: Label mapping onto the 18 types of the issue: the 2016 gold standard (and the stage) use FIGHT
#: for conventional military force, which the issue's list counts as ASSAULT (mode
#: conventional military). Applied to gold and predicted types alike; ``labels="2016"`` scores
#: the raw labels instead.
TYPE_MAP_18 = {"FIGHT": "ASSAULT"}


def _type(t: str, labels: str) -> str:
    return TYPE_MAP_18.get(t, t) if labels == "18" else t


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


def score(records: list[dict[str, Any]], predictions: list[list[Event]],
          labels: str = "18") -> dict[str, Any]:
    """Root-type micro/macro F1 (multiset of types per sentence) and country accuracy.

    ``labels="18"`` maps FIGHT to ASSAULT on both sides (``TYPE_MAP_18``); ``"2016"`` keeps the
    gold standard's own labels.
    """
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    actor_ok = actor_n = recip_ok = recip_n = 0
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[dict[str, Any]] = []
    for rec, events in zip(records, predictions, strict=True):
        gold = Counter(_type(e["type"], labels) for e in rec["events"])
        pred = Counter(_type(e.type, labels) for e in events)
        for t in set(gold) | set(pred):
            m = min(gold[t], pred[t])
            tp[t] += m
            fp[t] += pred[t] - m
            fn[t] += gold[t] - m
        if gold != pred:
            errors.append({"id": rec.get("id"), "text": rec["text"],
                           "missed": sorted((gold - pred).elements()),
                           "extra": sorted((pred - gold).elements()),
                           "predicted": [(_type(e.type, labels), e.trigger.text) for e in events]})
        for g in rec["events"]:
            gt = _type(g["type"], labels)
            same = [e for e in events if _type(e.type, labels) == gt]
            match = same[0] if same else (events[0] if events else None)
            if not same:
                confusion[(gt, _type(events[0].type, labels) if events else "-")] += 1
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
    type_labels = sorted(set(tp) | set(fn) | set(fp))
    per_type = {}
    for t in type_labels:
        p, r, f = _f1(tp[t], fp[t], fn[t])
        per_type[t] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                       "support": tp[t] + fn[t]}
    gold_labels = [t for t in type_labels if tp[t] + fn[t] > 0]
    p, r, f = _f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {
        "labels": labels,
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
        "errors": errors,
    }


def evaluate_plover(path: str | Path, config: Config | None = None,
                    labels: str = "18") -> dict[str, Any]:
    """Evaluate the events stage on a PLOVER-GSR JSONL file (see datasets/README.md)."""
    config = config or Config.load()
    records = load_records(path)
    result = score(records, predict(records, config), labels)
    result["dataset"] = str(path)
    result["method"] = "rules+lexicon (no training on the evaluation data)"
    return result


@click.command("events")
@click.option("--dataset", "dataset", required=True, type=click.Path(exists=True, dir_okay=False),
              help="PLOVER-GSR JSONL file")
@click.option("--json", "as_json", is_flag=True, help="print the metrics as JSON")
@click.option("--labels", type=click.Choice(["18", "2016"]), default="18", show_default=True,
              help="18: the issue's types (FIGHT scored as ASSAULT); 2016: the gold labels as is")
@click.option("--errors", "show_errors", is_flag=True,
              help="also print the confusions and the sentences with missed or extra types")
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False))
def command(dataset: str, as_json: bool, labels: str, show_errors: bool,
            config_path: str | None) -> None:
    """Score the events stage on PLOVER-GSR sentences (root type F1, country accuracy)."""
    result = evaluate_plover(dataset, Config.load(config_path), labels)
    if not show_errors:
        result.pop("errors")
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    click.echo(f"dataset: {result['dataset']} ({result['sentences']} sentences, "
               f"{result['gold_events']} gold events, {result['predicted_events']} predicted)")
    click.echo(f"labels: {result['labels']}" + (" (FIGHT scored as ASSAULT)"
                                                 if result["labels"] == "18" else ""))
    click.echo(f"root type micro F1 {result['micro_f1']:.3f} (P {result['micro_precision']:.3f}"
               f" R {result['micro_recall']:.3f}); macro F1 {result['macro_f1']:.3f}")
    click.echo(f"actor country accuracy {result['actor_country_accuracy']} "
               f"(n={result['actor_country_n']}); recipient country accuracy "
               f"{result['recipient_country_accuracy']} (n={result['recipient_country_n']})")
    for t, m in result["per_type"].items():
        click.echo(f"  {t:<12} P {m['precision']:.2f} R {m['recall']:.2f} F1 {m['f1']:.2f} "
                   f"n={m['support']}")
    if show_errors:
        click.echo("confusions (gold -> first predicted):")
        for c in result["confusions"]:
            click.echo(f"  {c['gold']:<12} -> {c['predicted']:<12} {c['count']}")
        for e in result["errors"]:
            click.echo(f"{e['id']}: missed {e['missed']} extra {e['extra']} "
                       f"predicted {e['predicted']}\n    {e['text']}")
