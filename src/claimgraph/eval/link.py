"""Evaluation of the link layer: pairwise precision and recall on a labelled corpus.

Labels (``tests/fixtures/link/labels.toml``) name documents by alias and statements as
``"alias: phrase"`` (a phrase of the statement's content). Scored, as pairs:

- stories: every pair of labelled documents, same story or not;
- duplicates: every pair of labelled documents, same near-duplicate group or not;
- claims: every pair of labelled statements, same claim or not (``claims_ignore`` sets
  are left unscored);
- disputes: (claim-side statement, deny-side statement) pairs linked by a dispute.

Two modes: end to end (every pipeline stage, then the Linker), or ``--gold`` (the clean
stage, then hand-made entities and attributions, then the Linker) to score linking alone.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

import click

from claimgraph.config import Config
from claimgraph.eval import checkout_file
from claimgraph.eval.metrics import prf
from claimgraph.eval.orders import order_docs
from claimgraph.model import Attribution, ChainLink, Document, Entity, Mention, Span

Pair = frozenset[Any]


# ---------------------------------------------------------------- gold documents


def _find_all(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)]


def _nearest(text: str, needle: str, anchor: int, what: str, doc: str) -> int:
    found = _find_all(text, needle)
    if not found:
        raise ValueError(f"gold {doc}: {what} {needle!r} not found in the text")
    return min(found, key=lambda i: abs(i - anchor))


def apply_gold(doc: Document, spec: dict[str, Any], alias: str = "?") -> Document:
    """Fill ``doc.entities`` and ``doc.attributions`` from a hand-made spec (gold.toml)."""
    text = doc.text
    entities: list[Entity] = []
    for i, e in enumerate(spec.get("entities", []), 1):
        mentions = sorted({(s, s + len(n)) for n in [e["name"], *e.get("aliases", [])]
                           for s in _find_all(text, n)})
        if not mentions:
            raise ValueError(f"gold {alias}: entity {e['name']!r} not found in the text")
        entities.append(Entity(id=f"E{i}", name=e["name"], label=e["label"],
                               mentions=[Mention(start=s, end=t, text=text[s:t]) for s, t in mentions],
                               country=e.get("country")))
    publisher = ChainLink(name=doc.outlet.name, kind="publisher") if doc.outlet else None
    atts: list[Attribution] = []
    for i, a in enumerate(spec.get("attributions", []), 1):
        start = text.find(a["content"])
        if start < 0:
            raise ValueError(f"gold {alias}: content {a['content'][:40]!r}... not found in the text")
        content = Span(start=start, end=start + len(a["content"]), text=a["content"])
        cue = None
        anchor = start
        if a.get("cue"):
            c = _nearest(text, a["cue"], start, "cue", alias)
            cue = Span(start=c, end=c + len(a["cue"]), text=a["cue"])
            anchor = c
        speaker = None
        speaker_entity = None
        if a.get("speaker"):
            s = _nearest(text, a["speaker"], anchor, "speaker", alias)
            speaker = Mention(start=s, end=s + len(a["speaker"]), text=a["speaker"])
        name = a.get("speaker_name") or a.get("speaker")
        for ent in entities:
            if ent.name == name or (speaker and any(
                    m.start < speaker.end and speaker.start < m.end for m in ent.mentions)):
                speaker_entity, name = ent.id, ent.name
                break
        via = [ChainLink(name=n, kind=k) for n, k in a.get("via", [])]
        atts.append(Attribution(
            id=f"A{i}", speaker=speaker, speaker_entity=speaker_entity, speaker_name=name,
            cue=cue, content=content, kind=a["kind"], stance=a["stance"],
            via=via + ([publisher] if publisher else []),
            target=f"A{a['target']}" if a.get("target") else None))
    doc.entities = entities
    doc.attributions = atts
    return doc


# ---------------------------------------------------------------- corpus and linking


def doc_key(doc: Document) -> str:
    """How labels name a document: its URL, else its file name."""
    if doc.url:
        return doc.url
    return os.path.basename(doc.origin.path or doc.id)


def load_corpus(inputs: Iterable[str], config: Config, gold: dict[str, Any] | None,
                aliases: dict[str, str]) -> list[Document]:
    """Run the pipeline over ``inputs`` (only the clean stage when gold is given)."""
    from claimgraph.run.job import Job
    from claimgraph.run.sinks import Collect

    collect = Collect()
    Job(config, [collect], executor="local", upto="clean" if gold is not None else None).run(inputs)
    docs = []
    by_key = {v: k for k, v in aliases.items()}
    for result in collect.results:
        if not isinstance(result, Document):
            raise click.ClickException(f"input rejected: {result.origin} ({result.reason}: {result.detail})")
        if gold is not None:
            alias = by_key.get(doc_key(result))
            if alias in gold:
                apply_gold(result, gold[alias], alias)
        docs.append(result)
    return docs


# ---------------------------------------------------------------- scoring


def _pairs(groups: dict[str, list[Any]]) -> set[Pair]:
    return {frozenset(p) for members in groups.values() for p in combinations(set(members), 2)}


def _score_pairs(universe: list[Any], gold: set[Pair], pred: set[Pair],
                 ignore: set[Pair] | None = None) -> dict[str, Any]:
    items = set(universe)
    pred = {p for p in pred if p <= items and len(p) == 2} - (ignore or set())
    gold = gold - (ignore or set())
    out = prf(len(gold & pred), len(pred), len(gold))
    out["missed"] = sorted(sorted(map(str, p)) for p in gold - pred)  # for error analysis
    out["extra"] = sorted(sorted(map(str, p)) for p in pred - gold)
    return out


def resolve(ref: str, aliases: dict[str, str], docs: dict[str, Document]) -> tuple[str, str] | None:
    """(doc id, attribution id) of a statement reference, or None when not extracted."""
    alias, _, phrase = ref.partition(":")
    doc = docs.get(aliases[alias.strip()])
    if doc is None:
        raise ValueError(f"label {ref!r}: document {alias!r} is not in the corpus")
    want = " ".join(phrase.split()).casefold()
    for att in doc.attributions:
        if want in " ".join(att.content.text.split()).casefold():
            return doc.id, att.id
    return None


def evaluate(store: Any, docs: list[Document], labels: dict[str, Any]) -> dict[str, Any]:
    """Pairwise scores of the link layer in ``store`` against ``labels``."""
    from claimgraph.store.queries.link_read import assignments

    aliases: dict[str, str] = labels["documents"]
    by_key = {doc_key(d): d for d in docs}
    missing = [a for a, k in aliases.items() if k not in by_key]
    if missing:
        raise ValueError(f"labelled documents not in the corpus: {', '.join(missing)}")
    story_of, dup_of, claim_of, disputes = assignments(store)
    alias_doc = {a: by_key[k].id for a, k in aliases.items()}
    report: dict[str, Any] = {}

    # stories and duplicates: all pairs of labelled documents
    universe = sorted(alias_doc)
    pred_story = _pairs(_group({a: story_of.get(alias_doc[a]) for a in universe}))
    report["stories"] = _score_pairs(universe, _pairs(labels["stories"]), pred_story)
    pred_dup = _pairs(_group({a: dup_of.get(alias_doc[a]) for a in universe}))
    report["duplicates"] = _score_pairs(universe, _pairs(labels.get("duplicates", {})), pred_dup)

    # claims: statements resolved to extracted attributions
    refs = sorted({r for g in labels["claims"].values() for r in g})
    resolved = {r: resolve(r, aliases, by_key) for r in refs}
    unresolved = [r for r, v in resolved.items() if v is None]
    pred_claim = _pairs(_group({r: claim_of.get(v) for r, v in resolved.items() if v}))
    ignore = {frozenset(p) for s in labels.get("claims_ignore", [])
              for p in combinations(s["statements"], 2)}
    report["claims"] = _score_pairs(refs, _pairs(labels["claims"]), pred_claim, ignore)

    # disputes: claim-side x deny-side statements
    gold_d: set[Pair] = set()
    ignore_d: set[Pair] = set()
    for d in labels.get("disputes", []):
        for x in labels["claims"][d["claim"]]:
            gold_d.update(frozenset((x, y)) for y in d["denied_by"])
        for g in d.get("ignore", []):
            ignore_d.update(frozenset((x, y)) for x in labels["claims"][g] for y in d["denied_by"])
    members: dict[str, list[str]] = {}
    for r, v in resolved.items():
        if v and claim_of.get(v):
            members.setdefault(claim_of[v], []).append(r)
    pred_d = {frozenset((x, y)) for c, against in disputes
              for x in members.get(c, []) for y in members.get(against, []) if x != y}
    report["disputes"] = _score_pairs(refs, gold_d, pred_d, ignore_d)
    report["statements"] = {"labelled": len(refs), "not_extracted": unresolved}
    return report


def _group(assign: dict[Any, Any]) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = {}
    for item, group in assign.items():
        if group is not None:
            out.setdefault(group, []).append(item)
    return out


def run(inputs: list[str], labels_path: str, gold_path: str | None, config: Config,
        order: str = "input", store_url: str | None = None) -> dict[str, Any]:
    """Analyse ``inputs``, link them in ``order`` into a fresh store, and score."""
    from claimgraph.link import link_sink
    from claimgraph.run.sinks import StoreSink
    from claimgraph.store import open_store

    labels = tomllib.loads(Path(labels_path).read_text(encoding="utf-8"))
    gold = tomllib.loads(Path(gold_path).read_text(encoding="utf-8"))["docs"] if gold_path else None
    docs = load_corpus(inputs, config, gold, labels["documents"])
    with tempfile.TemporaryDirectory() as tmp, \
            open_store(store_url or os.path.join(tmp, "eval.db")) as store:
        save, link = StoreSink(store), link_sink(store, config)
        for doc in docs:  # every document is stored before the first is linked
            save(doc)
        for doc in order_docs(docs, order):
            link(doc)
        report = evaluate(store, docs, labels)
    report["mode"] = "gold attributions" if gold is not None else "end to end"
    report["order"] = order
    report["documents"] = len(docs)
    return report


@click.command("link")
@click.option("--input", "inputs", multiple=True, default=["examples/corpus", "examples/seed"],
              show_default=True, help="Corpus files or folders (of the checkout by default).")
@click.option("--labels", "labels_path", default="tests/fixtures/link/labels.toml", show_default=True,
              help="Pairwise labels (TOML).")
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False),
              help="Hand-made entities and attributions (gold.toml): score linking alone.")
@click.option("--order", default=None,
              help="Order documents are added in: input, reverse, random[:SEED] (with --dataset: "
                   "a comma-separated list; by default input, reverse and random:1).")
@click.option("--dataset", type=click.Path(exists=True, dir_okay=False),
              help="An xdoc JSONL set (xdoc-dev): score stories, duplicates and translations, "
                   "relays and disputes end to end, in every --order given.")
@click.option("--cache", help="With --dataset: a JSONL file of analysed documents (read when "
                              "it exists, else written), to re-link without re-analysing.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def command(ctx: click.Context, inputs: tuple[str, ...], labels_path: str, gold_path: str | None,
            order: str, dataset: str | None, cache: str | None, as_json: bool) -> None:
    """Pairwise precision/recall of stories, duplicates, claims and disputes."""
    obj = ctx.find_root().obj or {}
    config = obj.get("config") or Config.load()
    if dataset:
        from claimgraph.eval import link_xdoc

        orders = [o.strip() for o in order.split(",")] if order else ["input", "reverse", "random:1"]
        rep = link_xdoc.run(dataset, config, orders, cache)
        if as_json:
            click.echo(json.dumps(rep, indent=2, ensure_ascii=False))
            return
        click.echo(f"{rep['documents']} documents, {rep['analysed']} analysed in "
                   f"{rep['analysis_s']} s")
        click.echo(link_xdoc.table(rep))
        return
    inputs = tuple(str(checkout_file(i)) for i in inputs)
    labels = checkout_file(labels_path)
    if not labels.is_file():
        raise click.ClickException(f"no labels at {labels_path}: pass --labels FILE")
    try:
        report = run(list(inputs), str(labels), gold_path, config, order or "input")
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    click.echo(f"{report['mode']}, {report['documents']} documents, order {report['order']}")
    for task in ("stories", "duplicates", "claims", "disputes"):
        s = report[task]
        click.echo(f"  {task:<10} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                   f"(pairs: {s['tp']} correct, {s['pred']} predicted, {s['gold']} gold)")
    missing = report["statements"]["not_extracted"]
    if missing:
        click.echo(f"  {len(missing)} of {report['statements']['labelled']} labelled statements "
                   "not extracted:")
        for ref in missing:
            click.echo(f"    {ref}")
