"""Cross-article evaluation on an xdoc JSONL set (``xdoc-dev``): stories, duplicates and
translations, relays and disputes, pairwise, end to end.

Only each record's ``url`` and ``text`` go through the pipeline (no gold date, language or
outlet): the clean stage finds them. Gold claim spans (offsets into the record's text) are
placed in the cleaned text by their wording and matched to the extracted attribution whose
content overlaps them most. Scored, as pairs:

- stories: every pair of documents, same story or not (a rejected document is in none);
- duplicates: a record and its ``duplicate_of`` (republications and translations), against
  the predicted duplicate groups and translation links; ``republications`` and
  ``translations`` are also scored apart;
- relays: two mentions in different documents of one claim on the same side (asserts /
  reports, or, for denials, denies / disputes by one speaker), against "same predicted
  claim";
- disputes: an assert-side and a deny-side mention of one claim, against "the predicted
  claim of the first is disputed by the predicted claim of the second".
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Any

from claimgraph.config import Config
from claimgraph.eval.metrics import prf
from claimgraph.eval.orders import order_docs
from claimgraph.model import Document, Rejected

ASSERT_SIDE = ("asserts", "reports")
DENY_SIDE = ("denies", "disputes")
Pair = frozenset[Any]


def read(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def analyse(records: list[dict[str, Any]], config: Config,
            cache: str | None = None) -> list[Document | Rejected]:
    """Run the pipeline over the records (url and text only), in record order.

    ``cache``: a JSONL file of analysed documents, read when it exists, else written."""
    from claimgraph.run.job import Job
    from claimgraph.run.sinks import Collect

    if cache and os.path.exists(cache):
        out: list[Document | Rejected] = []
        with open(cache, encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                cls = Rejected if obj.pop("_rejected", False) else Document
                out.append(cls.model_validate(obj))
        if len(out) == len(records):
            return out
    collect = Collect()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "xdoc.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps({"url": r["url"], "text": r["text"]}, ensure_ascii=False) + "\n")
        Job(config, [collect], executor="local").run([path])
    results = sorted(collect.results, key=lambda x: int(x.origin.record or 0))
    if cache:
        with open(cache, "w", encoding="utf-8") as fh:
            for x in results:
                obj = json.loads(x.model_dump_json())
                if isinstance(x, Rejected):
                    obj["_rejected"] = True
                fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return results


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def place(span_text: str, clean: str, rel: float) -> tuple[int, int] | None:
    """Where a gold span's wording is in the cleaned text (whitespace-insensitive); of
    several places, the one nearest the span's relative position in the record."""
    words = _ws(span_text).split(" ")
    if not words or not words[0]:
        return None
    pat = re.compile(r"\s+".join(re.escape(w) for w in words))
    found = [(m.start(), m.end()) for m in pat.finditer(clean)]
    if not found:
        return None
    return min(found, key=lambda se: abs(se[0] / max(len(clean), 1) - rel))


def match(doc: Document, start: int, end: int) -> str | None:
    """The attribution whose content overlaps [start, end) most (enough of either)."""
    best, best_n = None, 0
    for a in doc.attributions:
        n = min(end, a.content.end) - max(start, a.content.start)
        if n <= 0:
            continue
        if (n >= 0.3 * (end - start) or n >= 0.5 * (a.content.end - a.content.start)) and n > best_n:
            best, best_n = a.id, n
    return best


def mentions(records: list[dict[str, Any]], results: list[Document | Rejected]) -> list[dict[str, Any]]:
    """Every gold claim mention with its document and matched attribution (or None)."""
    out = []
    for r, res in zip(records, results, strict=True):
        for i, c in enumerate(r["claims"]):
            s, e = c["span"]
            m = {"ref": f"{r['id']}#{i}", "rec": r["id"], "claim": c["claim_id"], "role": c["role"],
                 "speaker": c["speaker"], "doc": None, "attr": None}
            if isinstance(res, Document):
                m["doc"] = res.id
                where = place(r["text"][s:e], res.text, s / max(len(r["text"]), 1))
                if where is not None:
                    m["attr"] = match(res, *where)
            out.append(m)
    return out


def _score(gold: set[Pair], pred: set[Pair]) -> dict[str, Any]:
    out = prf(len(gold & pred), len(pred), len(gold))
    out["missed"] = sorted(sorted(map(str, p)) for p in gold - pred)
    out["extra"] = sorted(sorted(map(str, p)) for p in pred - gold)
    return out


def _group_pairs(assign: dict[str, Any]) -> set[Pair]:
    groups: dict[Any, list[str]] = {}
    for k, g in assign.items():
        if g is not None:
            groups.setdefault(g, []).append(k)
    return {frozenset(p) for ms in groups.values() for p in combinations(sorted(ms), 2)}


def evaluate(store: Any, records: list[dict[str, Any]],
             results: list[Document | Rejected]) -> dict[str, Any]:
    from claimgraph.store.queries.link_read import assignments, translation_pairs

    story_of, dup_of, claim_of, disputes = assignments(store)
    rec_doc = {r["id"]: res.id for r, res in zip(records, results, strict=True)
               if isinstance(res, Document)}
    doc_rec = {d: r for r, d in rec_doc.items()}
    ids = [r["id"] for r in records]
    report: dict[str, Any] = {}

    gold_story = _group_pairs({r["id"]: r["story"] for r in records})
    pred_story = _group_pairs({i: story_of.get(rec_doc.get(i, "")) for i in ids})
    report["stories"] = _score(gold_story, pred_story)

    # gold groups: a canonical item and every item that re-publishes or translates it
    # (``duplicate_of`` never chains); predicted: duplicate groups joined by translation links
    canon = {r["id"]: r.get("duplicate_of") or r["id"] for r in records}
    has = {c for i, c in canon.items() if c != i}
    dups = _group_pairs({i: c for i, c in canon.items() if c in has})
    cross = _cross_lang(records)
    pred_trans = {frozenset((doc_rec[a], doc_rec[b])) for a, b in translation_pairs(store)
                  if a in doc_rec and b in doc_rec}
    pred_dup = _closure(_group_pairs({i: dup_of.get(rec_doc.get(i, "")) for i in ids}) | pred_trans)
    report["duplicates"] = _score(dups, pred_dup)
    report["republications"] = _score(dups - cross, pred_dup - cross)
    report["translations"] = _score(dups & cross, pred_dup & cross)

    ms = mentions(records, results)
    pred_claim = {m["ref"]: claim_of.get((m["doc"], m["attr"])) if m["attr"] else None for m in ms}
    gold_relay: set[Pair] = set()
    gold_disp: set[Pair] = set()
    for a, b in combinations(ms, 2):
        if a["claim"] != b["claim"]:
            continue
        pair = frozenset((a["ref"], b["ref"]))
        sa, sb = a["role"] in ASSERT_SIDE, b["role"] in ASSERT_SIDE
        if a["rec"] != b["rec"] and sa == sb and (sa or a["speaker"] == b["speaker"]):
            gold_relay.add(pair)
        elif sa != sb:
            gold_disp.add(pair)
    pred_relay = {frozenset((a["ref"], b["ref"])) for a, b in combinations(ms, 2)
                  if a["rec"] != b["rec"] and pred_claim[a["ref"]]
                  and pred_claim[a["ref"]] == pred_claim[b["ref"]]}
    # a mention pair only counts against precision when both are on a scored side pair
    side = {m["ref"]: m["role"] in ASSERT_SIDE for m in ms}
    pred_relay = {p for p in pred_relay if len({side[x] for x in p}) == 1}
    report["relays"] = _score(gold_relay, pred_relay)
    pred_disp = set()
    for a in ms:
        for b in ms:
            ca, cb = pred_claim[a["ref"]], pred_claim[b["ref"]]
            if side[a["ref"]] and not side[b["ref"]] and ca and cb and (ca, cb) in disputes:
                pred_disp.add(frozenset((a["ref"], b["ref"])))
    report["disputes"] = _score(gold_disp, pred_disp)
    report["mentions"] = {"gold": len(ms), "matched": sum(1 for m in ms if m["attr"]),
                          "rejected_docs": sum(1 for x in results if isinstance(x, Rejected))}
    return report


def _closure(pairs: set[Pair]) -> set[Pair]:
    """Every pair of the connected groups that ``pairs`` make."""
    parent: dict[Any, Any] = {}

    def root(x: Any) -> Any:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for p in pairs:
        a, b = sorted(p)
        parent[root(a)] = root(b)
    return _group_pairs({x: root(x) for x in parent})


def _cross_lang(records: list[dict[str, Any]]) -> set[Pair]:
    lang = {r["id"]: r["lang"] for r in records}
    return {frozenset(p) for p in combinations(lang, 2) if lang[p[0]] != lang[p[1]]}


def run(dataset: str, config: Config, orders: list[str], cache: str | None = None,
        store_url: str | None = None) -> dict[str, Any]:
    """Analyse the set once, then link it in each order into a fresh store and score."""
    import time

    from claimgraph.link import link_sink
    from claimgraph.run.sinks import StoreSink
    from claimgraph.store import open_store

    records = read(dataset)
    t0 = time.perf_counter()
    results = analyse(records, config, cache)
    t_analyse = time.perf_counter() - t0
    docs = [x for x in results if isinstance(x, Document)]
    prepared: dict[str, Any] = {}  # the model work of linking, done once for every order
    out: dict[str, Any] = {"documents": len(records), "analysed": len(docs),
                           "analysis_s": round(t_analyse, 2), "orders": {}}
    for order in orders:
        with tempfile.TemporaryDirectory() as tmp, \
                open_store(store_url or os.path.join(tmp, "eval.db")) as store:
            save, link = StoreSink(store), link_sink(store, config)
            for doc in docs:
                save(doc)
            linker = link.linker  # type: ignore[attr-defined]
            t0 = time.perf_counter()
            for doc in docs:
                if doc.id not in prepared:
                    prepared[doc.id] = linker.prepare(doc)
            out.setdefault("prepare_s", round(time.perf_counter() - t0, 2))
            t0 = time.perf_counter()
            for doc in order_docs(docs, order):
                linker.add(prepared[doc.id])
            rep = evaluate(store, records, results)
            rep["link_s"] = round(time.perf_counter() - t0, 2)
        out["orders"][order] = rep
    return out


TASKS = ("stories", "duplicates", "republications", "translations", "relays", "disputes")


def table(report: dict[str, Any]) -> str:
    head = "| order | " + " | ".join(TASKS) + " | link s |"
    rule = "|---|" + "---:|" * (len(TASKS) + 1)
    rows = [f"| {o} | " + " | ".join(
        f"{r[t]['f1']:.3f} ({r[t]['precision']:.2f}/{r[t]['recall']:.2f})" for t in TASKS)
        + f" | {r['link_s']} |" for o, r in report["orders"].items()]
    return "\n".join([head, rule, *rows])
