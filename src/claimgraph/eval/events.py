"""Event evaluation on PLOVER JSONL: root-type F1, actor/recipient country and span accuracy.

Two formats are read (see the datasets README): plover-gsr (2016 labels, actors with a text and
a country code) and plv-train (the 15 current PLOVER roots, marked source/target spans).
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

#: Label mapping onto the 15 roots of current PLOVER (the label set of plv-train), as the
#: datasets README gives it: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, CONCEDE/RETREAT -> YIELD,
#: FIGHT -> ASSAULT; INVESTIGATE is a mode of ACCUSE in current PLOVER. CRIME has no root: a
#: CRIME prediction stays CRIME and counts as a false positive.
TYPE_MAP_15 = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
               "CONCEDE": "YIELD", "RETREAT": "YIELD", "INVESTIGATE": "ACCUSE"}

MAPS = {"18": TYPE_MAP_18, "15": TYPE_MAP_15, "2016": {}}

#: Where the current roots split a 2016 type by its mode (PLOVER's CAMEO2PLOVER-2021 table:
#: 163 "impose embargo, boycott, or sanctions" is COERCE/restrict, not SANCTION). Applied to
#: predicted events, which carry a mode; the gold labels of plv-train are current roots already.
MODE_MAP_15 = {("SANCTION", "restrict"): "COERCE"}


def _type(t: str, labels: str) -> str:
    return MAPS[labels].get(t, t)


def pred_type(e: Event, labels: str) -> str:
    """The label a predicted event is scored as: its type mapped, split by mode on the 15 roots."""
    if labels == "15":
        split = MODE_MAP_15.get((e.type, e.mode or ""))
        if split:
            return split
    return _type(e.type, labels)


def dataset_format(records: list[dict[str, Any]]) -> str:
    """``plv`` when the events carry marked source spans (plv-train), else ``gsr``."""
    for r in records:
        for e in r.get("events", []):
            return "plv" if "source_spans" in e else "gsr"
    return "gsr"


def default_labels(records: list[dict[str, Any]]) -> str:
    """The label set a dataset is scored in: plv-train its own 15 roots, plover-gsr the 18."""
    return "15" if dataset_format(records) == "plv" else "18"


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    pos = text.find(needle)
    if pos < 0:
        return []
    return [(pos, pos + len(needle))]


def gold_spans(rec: dict[str, Any], event: dict[str, Any], role: str) -> list[tuple[int, int]]:
    """The marked spans of a gold event's actor (``source``) or recipient (``target``).

    plv-train gives them as ``*_spans``; plover-gsr gives the actors' texts, found in the
    sentence (first occurrence). Empty when the role is unmarked or its text is not found.
    """
    if f"{role}_spans" in event:
        return [(int(s), int(e)) for s, e in event[f"{role}_spans"] or []]
    key = "actor" if role == "source" else "recipient"
    parties = event.get(key + "s") or ([event[key]] if event.get(key) else [])
    out: list[tuple[int, int]] = []
    for party in parties:
        out.extend(_find_all(rec["text"], (party or {}).get("text") or ""))
    return out


def _overlaps(party: Any, spans: list[tuple[int, int]]) -> bool:
    if party is None or party.span is None:
        return False
    s, e = party.span.start, party.span.end
    return any(s < ge and gs < e for gs, ge in spans)


def _norm(code: str | None) -> str | None:
    if not code:
        return None
    return LEGACY_CODES.get(code, code)


def load_records(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predict(records: list[dict[str, Any]], config: Config,
            features: list[dict[tuple[int, int], dict[str, float]]] | None = None,
            ) -> list[list[Event]]:
    """Run the nlp and events stages over each record's text (``features``: per record, the
    confidence features of each kept trigger)."""
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
        feats: dict[tuple[int, int], dict[str, float]] = {}
        out.append(extract_events(doc, config, sdoc=parsed[i], features_out=feats))
        if features is not None:
            features.append(feats)
    return out


def correct_flags(records: list[dict[str, Any]], predictions: list[list[Event]],
                  labels: str) -> list[list[bool]]:
    """For each predicted event, whether its type matches a gold event of its sentence (each
    gold event matched once, in order)."""
    out: list[list[bool]] = []
    for rec, events in zip(records, predictions, strict=True):
        gold = Counter(_type(e["type"], labels) for e in rec["events"])
        flags = []
        for e in events:
            t = pred_type(e, labels)
            flags.append(gold[t] > 0)
            gold[t] -= 1
        out.append(flags)
    return out


THRESHOLDS = (0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8)


def by_confidence(records: list[dict[str, Any]], predictions: list[list[Event]],
                  labels: str) -> list[dict[str, Any]]:
    """Micro P/R/F1 when only events with confidence >= t are kept, for each threshold."""
    rows = []
    for t in THRESHOLDS:
        kept = [[e for e in evs if e.confidence is None or e.confidence >= t]
                for evs in predictions]
        s = score(records, kept, labels)
        rows.append({"min_confidence": t, "micro_precision": s["micro_precision"],
                     "micro_recall": s["micro_recall"], "micro_f1": s["micro_f1"],
                     "macro_f1": s["macro_f1"], "predicted_events": s["predicted_events"]})
    return rows


def fit_confidence(path: str | Path, out: str | Path, config: Config | None = None,
                   labels: str = "auto", folds: int = 5) -> dict[str, Any]:
    """Fit the confidence weights on one dataset (an event is right when its type is a gold
    type of its sentence) and write them to ``out`` (TOML). Abstention is off while fitting.

    The figures written with them are ``folds``-fold cross-validated: each sentence's events
    are scored by weights fitted on the other folds (sentences split by index modulo k).
    """
    from claimgraph.events.confidence import fit, write_weights
    from claimgraph.events.confidence import score as conf_score

    config = config or Config.load()
    config.set("events.min_confidence", 0.0)
    records = load_records(path)
    if labels == "auto":
        labels = default_labels(records)
    feats: list[dict[tuple[int, int], dict[str, float]]] = []
    preds = predict(records, config, feats)
    rows: list[tuple[int, Event, dict[str, float], int]] = []
    for i, (events, flags, fmap) in enumerate(zip(preds, correct_flags(records, preds, labels),
                                                  feats, strict=True)):
        for e, ok in zip(events, flags, strict=True):
            f = fmap.get((e.trigger.start, e.trigger.end))
            if f is not None:
                rows.append((i, e, f, int(ok)))
    weights = fit([(f, y) for _i, _e, f, y in rows])
    for k in range(folds):
        w_k = fit([(f, y) for i, _e, f, y in rows if i % folds != k])
        for i, e, f, _y in rows:
            if i % folds == k:
                e.confidence = conf_score(f, w_k)
    doc = {"trained_on": Path(path).name, "labels": labels, "events": len(rows),
           "positive": sum(y for *_x, y in rows), "weights": weights,
           f"cross_validated_{folds}_fold": by_confidence(records, preds, labels)}
    write_weights(doc, out)
    return doc


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(ok: int, n: int) -> float | None:
    return round(ok / n, 4) if n else None


def score(records: list[dict[str, Any]], predictions: list[list[Event]],
          labels: str = "18") -> dict[str, Any]:
    """Root-type micro/macro F1 (multiset of types per sentence), country and span accuracy.

    ``labels="18"`` maps FIGHT to ASSAULT on both sides (``TYPE_MAP_18``); ``"15"`` maps onto
    the current PLOVER roots (``TYPE_MAP_15``); ``"2016"`` keeps the gold labels. Span accuracy:
    each gold event with a marked actor (recipient) takes the predicted event of the same type,
    else the first one; it is right when that event's actor (recipient) overlaps a marked span
    (no prediction is wrong). ``*_typed`` counts only gold events whose type was predicted.
    """
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    actor_ok = actor_n = recip_ok = recip_n = 0
    span_ok = {"source": 0, "target": 0}
    span_n = {"source": 0, "target": 0}
    typed_ok = {"source": 0, "target": 0}
    typed_n = {"source": 0, "target": 0}
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[dict[str, Any]] = []
    for rec, events in zip(records, predictions, strict=True):
        gold = Counter(_type(e["type"], labels) for e in rec["events"])
        pred = Counter(pred_type(e, labels) for e in events)
        for t in set(gold) | set(pred):
            m = min(gold[t], pred[t])
            tp[t] += m
            fp[t] += pred[t] - m
            fn[t] += gold[t] - m
        if gold != pred:
            errors.append({"id": rec.get("id"), "text": rec["text"],
                           "missed": sorted((gold - pred).elements()),
                           "extra": sorted((pred - gold).elements()),
                           "predicted": [(pred_type(e, labels), e.trigger.text) for e in events]})
        for g in rec["events"]:
            gt = _type(g["type"], labels)
            same = [e for e in events if pred_type(e, labels) == gt]
            match = same[0] if same else (events[0] if events else None)
            if not same:
                confusion[(gt, pred_type(events[0], labels) if events else "-")] += 1
            for role, attr in (("source", "actor"), ("target", "recipient")):
                spans = gold_spans(rec, g, role)
                if not spans:
                    continue
                hit = _overlaps(getattr(match, attr) if match is not None else None, spans)
                span_n[role] += 1
                span_ok[role] += hit
                if same:
                    typed_n[role] += 1
                    typed_ok[role] += hit
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
        "actor_span_accuracy": _ratio(span_ok["source"], span_n["source"]),
        "actor_span_n": span_n["source"],
        "actor_span_accuracy_typed": _ratio(typed_ok["source"], typed_n["source"]),
        "recipient_span_accuracy": _ratio(span_ok["target"], span_n["target"]),
        "recipient_span_n": span_n["target"],
        "recipient_span_accuracy_typed": _ratio(typed_ok["target"], typed_n["target"]),
        "per_type": per_type,
        "confusions": [
            {"gold": g, "predicted": p_, "count": n} for (g, p_), n in confusion.most_common(15)
        ],
        "errors": errors,
    }


def errors_by_type(errors: list[dict[str, Any]], per_type: int = 5) -> dict[str, dict[str, Any]]:
    """Errors sampled by type, not by sentence: for each type the missed (false negative) and
    extra (false positive) sentences, counted, with the first ``per_type`` of each."""
    out: dict[str, dict[str, Any]] = {}
    for e in errors:
        for kind in ("missed", "extra"):
            for t in set(e[kind]):
                slot = out.setdefault(t, {"missed": 0, "extra": 0, "missed_sample": [],
                                          "extra_sample": []})
                slot[kind] += 1
                if len(slot[kind + "_sample"]) < per_type:
                    slot[kind + "_sample"].append({"id": e["id"], "text": e["text"],
                                                   "predicted": e["predicted"]})
    return dict(sorted(out.items()))


def evaluate_plover(path: str | Path, config: Config | None = None,
                    labels: str = "auto") -> dict[str, Any]:
    """Evaluate the events stage on a plover-gsr or plv-train JSONL file (datasets/README.md)."""
    config = config or Config.load()
    records = load_records(path)
    if labels == "auto":
        labels = default_labels(records)
    preds = predict(records, config)
    result = score(records, preds, labels)
    result["format"] = dataset_format(records)
    if any(e.confidence is not None for evs in preds for e in evs):
        result["by_confidence"] = by_confidence(records, preds, labels)
    result["dataset"] = str(path)
    result["method"] = "rules+lexicon (no training on the evaluation data)"
    return result


@click.command("events")
@click.option("--dataset", "dataset", required=True, type=click.Path(exists=True, dir_okay=False),
              help="PLOVER JSONL file: plover-gsr or plv-train")
@click.option("--json", "as_json", is_flag=True, help="print the metrics as JSON")
@click.option("--labels", type=click.Choice(["auto", "18", "15", "2016"]), default="auto",
              show_default=True,
              help="18: the 2016 types with FIGHT scored as ASSAULT; 15: the current PLOVER roots "
                   "(plv-train); 2016: the gold labels as is; auto: 15 for plv-train, else 18")
@click.option("--errors", "show_errors", is_flag=True,
              help="also print the confusions and the sentences with missed or extra types")
@click.option("--sample", "sample", type=int, default=0,
              help="print up to N missed and N extra sentences for each type")
@click.option("--fit-confidence", "fit_out", default=None, type=click.Path(dir_okay=False),
              help="fit the confidence weights on this dataset and write them to FILE (TOML)")
@click.option("--min-confidence", "min_conf", type=float, default=None,
              help="abstain below this confidence (default: events.min_confidence)")
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False))
def command(dataset: str, as_json: bool, labels: str, show_errors: bool, sample: int,
            fit_out: str | None, min_conf: float | None, config_path: str | None) -> None:
    """Score the events stage on PLOVER sentences (root type F1, country and span accuracy)."""
    config = Config.load(config_path)
    if fit_out:
        doc = fit_confidence(dataset, fit_out, config, labels)
        click.echo(f"fitted on {doc['events']} events ({doc['positive']} right): {fit_out}")
        for row in doc["cross_validated_5_fold"]:
            click.echo(f"  5-fold CV, confidence >= {row['min_confidence']:.2f}: "
                       f"P {row['micro_precision']:.3f} R {row['micro_recall']:.3f} "
                       f"F1 {row['micro_f1']:.3f} macro {row['macro_f1']:.3f} "
                       f"(n={row['predicted_events']})")
        return
    if min_conf is not None:
        config.set("events.min_confidence", min_conf)
    result = evaluate_plover(dataset, config, labels)
    by_type = errors_by_type(result["errors"], sample) if sample else None
    if not show_errors:
        result.pop("errors")
    if by_type is not None:
        result["errors_by_type"] = by_type
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    click.echo(f"dataset: {result['dataset']} ({result['sentences']} sentences, "
               f"{result['gold_events']} gold events, {result['predicted_events']} predicted)")
    notes = {"18": " (FIGHT scored as ASSAULT)", "15": " (mapped onto the 15 current roots)"}
    click.echo(f"labels: {result['labels']}" + notes.get(result["labels"], ""))
    click.echo(f"root type micro F1 {result['micro_f1']:.3f} (P {result['micro_precision']:.3f}"
               f" R {result['micro_recall']:.3f}); macro F1 {result['macro_f1']:.3f}")
    click.echo(f"actor country accuracy {result['actor_country_accuracy']} "
               f"(n={result['actor_country_n']}); recipient country accuracy "
               f"{result['recipient_country_accuracy']} (n={result['recipient_country_n']})")
    click.echo(f"actor span accuracy {result['actor_span_accuracy']} (n={result['actor_span_n']},"
               f" typed {result['actor_span_accuracy_typed']}); recipient span accuracy "
               f"{result['recipient_span_accuracy']} (n={result['recipient_span_n']}, typed "
               f"{result['recipient_span_accuracy_typed']})")
    for t, m in result["per_type"].items():
        click.echo(f"  {t:<12} P {m['precision']:.2f} R {m['recall']:.2f} F1 {m['f1']:.2f} "
                   f"n={m['support']}")
    for row in result.get("by_confidence", []):
        click.echo(f"  confidence >= {row['min_confidence']:.2f}: P {row['micro_precision']:.3f} "
                   f"R {row['micro_recall']:.3f} F1 {row['micro_f1']:.3f} "
                   f"macro {row['macro_f1']:.3f} (n={row['predicted_events']})")
    for t, slot in (by_type or {}).items():
        click.echo(f"== {t}: {slot['missed']} missed, {slot['extra']} extra")
        for kind in ("missed", "extra"):
            for x in slot[kind + "_sample"]:
                click.echo(f"  {kind} {x['id']}: {x['predicted']}\n      {x['text']}")
    if show_errors:
        click.echo("confusions (gold -> first predicted):")
        for c in result["confusions"]:
            click.echo(f"  {c['gold']:<12} -> {c['predicted']:<12} {c['count']}")
        for e in result["errors"]:
            click.echo(f"{e['id']}: missed {e['missed']} extra {e['extra']} "
                       f"predicted {e['predicted']}\n    {e['text']}")
