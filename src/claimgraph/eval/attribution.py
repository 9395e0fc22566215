"""Evaluation of attribution: PolNeAR (English, content/speaker/cue spans) and the seed article.

``claimgraph eval attribution --dataset PATH [--limit N] [--json]`` where PATH is the PolNeAR
JSONL file, or the seed article (``.txt``; its checks come from ``--gold``).
"""

from __future__ import annotations

import json
import time
import tomllib
from pathlib import Path
from typing import Any

import click

from claimgraph.config import Config
from claimgraph.eval import checkout_file
from claimgraph.eval.devsets import DEV_SETS, datasets_dir, language_of, read_records, resolve, table
from claimgraph.eval.metrics import overlap
from claimgraph.eval.scoring import Scorer, norm
from claimgraph.model import Attribution, Document, Entity, Origin, Outlet, Published

SEED_BODY_LINES = (8, 10, 12, 14, 18, 20, 24, 26, 28, 30)
SEED_TITLE_LINE = 3
DEFAULT_GOLD = "tests/fixtures/attribution/seed_gold.toml"


def predict(texts: list[str], lang: str, config: Config,
            cache: bool = True) -> list[tuple[list[Entity], list[Attribution]]]:
    """Entities and attributions of raw texts (no narration: the sets annotate no narrator)."""
    from claimgraph.attribution.components import analyse
    from claimgraph.nlp import nlp_for
    from claimgraph.nlp.cache import parse_cached

    nlp = nlp_for(config, lang)
    docs = parse_cached(nlp, texts) if cache else nlp.pipe(texts, batch_size=16)
    return [analyse(sdoc, lang, narration=False) for sdoc in docs]


def evaluate_set(path: str | Path, config: Config | None = None, limit: int | None = None,
                 cache: bool = True) -> dict[str, Any]:
    """Score attribution on one annotated set (PolNeAR, fr-dev, en-stance-dev format)."""
    config = config or Config.load()
    records = read_records(Path(path), limit)
    lang = language_of(records)
    t0 = time.perf_counter()
    preds = predict([r["text"] for r in records], lang, config, cache)
    elapsed = time.perf_counter() - t0
    scorer = Scorer()
    for rec, (_, atts) in zip(records, preds, strict=True):
        scorer.add(rec["text"], rec["attributions"], atts)
    out: dict[str, Any] = {
        "dataset": str(path),
        "articles": len(records),
        "gold": scorer.n_gold,
        "predicted": scorer.n_pred,
        "seconds": round(elapsed, 2),
        "narration": "off (PolNeAR has no narrator-framing annotations)",
    }
    out.update(scorer.result())
    return out


def evaluate_polnear(path: str | Path, config: Config | None = None,
                     limit: int | None = None) -> dict[str, Any]:
    """Content-overlap P/R/F1 at 0.3 and 0.8, exact-span F1, speaker and cue match on PolNeAR."""
    return evaluate_set(path, config, limit)


def seed_document(path: str | Path) -> Document:
    """The seed article as the cleaner should produce it (body lines, title, outlet, date)."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    return Document(
        id=path.stem,
        origin=Origin(kind="file", path=str(path)),
        language="fr",
        title=lines[SEED_TITLE_LINE - 1].strip(),
        outlet=Outlet(id="presstv-fr", name="Press TV", edition="French edition", country_code="IRN"),
        published=Published(date="2019-06-04", source="text"),
        text="\n\n".join(lines[i - 1].strip() for i in SEED_BODY_LINES),
    )


def _paragraph(doc: Document, offset: int) -> int:
    return doc.text.count("\n\n", 0, offset)


def evaluate_seed(
    doc: Document,
    gold_path: str | Path | None = None,
    config: Config | None = None,
) -> dict[str, Any]:
    """Score the seed checks (speaker, kind, stance, via, target) on an analysed or raw Document."""
    config = config or Config.load()
    gold_path = gold_path or checkout_file(DEFAULT_GOLD)
    if not doc.attributions:
        from claimgraph.pipeline import Pipeline
        from claimgraph.stage import build_stages

        stages = build_stages(config, names=["attribution"] if doc.nlp is not None
                              else ["nlp", "attribution"])
        Pipeline(config, stages).run_batch([doc])
    gold = tomllib.loads(Path(gold_path).read_text(encoding="utf-8"))
    para_of_line = {line: k for k, line in enumerate(SEED_BODY_LINES)}
    matched: dict[str, Attribution] = {}
    rows = []
    for g in gold["attribution"]:
        para = para_of_line[g["line"]]
        cands = [
            a
            for a in doc.attributions
            if a.cue is not None
            and g["cue"].lower() in a.cue.text.lower()
            and _paragraph(doc, a.cue.start) == para
        ]
        row: dict[str, Any] = {"id": g["id"], "found": bool(cands)}
        if cands:
            a = cands[0]
            matched[g["id"]] = a
            names = [norm(x) for x in g["speaker"].split("|")]
            relays = [norm(lk.name) for lk in a.via if lk.kind in ("agency", "outlet", "unnamed", "other")]
            row.update(
                predicted=a.id,
                speaker=norm(a.speaker_name) in names,
                kind=a.kind in g["kind"].split("|"),
                stance=a.stance == g["stance"],
                via=sorted(relays) == sorted(norm(v) for v in g.get("via", [])),
            )
            if "cue_class" in g:
                row["stance"] = row["stance"] and a.cue_class == g["cue_class"]
        rows.append(row)
    for row, g in zip(rows, gold["attribution"], strict=True):
        if not row["found"]:
            continue
        want = g.get("target")
        a = matched[g["id"]]
        got = a.target
        row["target"] = (want is None and got is None) or (
            want is not None and want in matched and matched[want].id == got
        )
    checks = ("found", "speaker", "kind", "stance", "via", "target")
    summary = {c: sum(1 for r in rows if r.get(c)) for c in checks}
    absent = gold.get("absent", {})
    names = {e.name for e in doc.entities}
    problems = [n for n in absent.get("entities", []) if n in names]
    problems += [e.name for e in doc.entities if e.name in absent.get("not_places", []) and e.label == "LOC"]
    problems += [
        e.name for e in doc.entities if e.name in absent.get("organisations", []) and e.label != "ORG"
    ]
    return {
        "total": len(rows),
        "checks": summary,
        "all_correct": all(all(r.get(c) for c in checks) for r in rows) and not problems,
        "entity_problems": problems,
        "predicted": len(doc.attributions),
        "rows": rows,
    }


@click.command("attribution")
@click.option("--dataset", "datasets", multiple=True, metavar="NAME|FILE",
              help="a development set by name (" + ", ".join(DEV_SETS) + "), an annotated "
              "JSONL file, or the seed article (.txt); repeat to score several in one run")
@click.option("--all-dev", is_flag=True, help="every development set: " + ", ".join(DEV_SETS))
@click.option("--datasets", "datasets_root", type=click.Path(file_okay=False), default=None,
              help="folder of the development sets (default $CLAIMGRAPH_DATASETS or ../shared/datasets)")
@click.option("--gold", "gold", type=click.Path(exists=True, dir_okay=False), default=None,
              help="seed checks (TOML); default tests/fixtures/attribution/seed_gold.toml")
@click.option("--limit", type=int, default=None, help="evaluate the first N articles of each set only")
@click.option("--no-cache", is_flag=True, help="parse again instead of reading cached parses")
@click.option("--json", "as_json", is_flag=True, help="print the metrics as JSON")
@click.pass_context
def command(ctx: click.Context, datasets: tuple[str, ...], all_dev: bool, datasets_root: str | None,
            gold: str | None, limit: int | None, no_cache: bool, as_json: bool) -> None:
    """Score attribution on annotated sets (content overlap, speaker, cue, denials, chains, kinds)
    or on the seed article; several sets give one table."""
    obj = ctx.obj if isinstance(ctx.obj, dict) else {}
    config = obj.get("config") if isinstance(obj.get("config"), Config) else Config.load()
    specs = list(datasets) + ([n for n in DEV_SETS if n not in datasets] if all_dev else [])
    if not specs:
        raise click.UsageError("give --dataset NAME|FILE (repeatable) or --all-dev")
    root = datasets_dir(datasets_root)
    results: dict[str, dict[str, Any]] = {}
    for spec in specs:
        name, path = resolve(spec, root)
        if not path.is_file():
            raise click.ClickException(f"no dataset {spec!r} at {path} (see --datasets)")
        if path.suffix == ".txt":
            gold_path = Path(gold) if gold else checkout_file(DEFAULT_GOLD)
            if not gold_path.is_file():
                raise click.ClickException(f"no seed checks at {gold_path}: pass --gold FILE")
            results[name] = evaluate_seed(seed_document(path), gold_path, config)
        else:
            results[name] = evaluate_set(path, config, limit, cache=not no_cache)
    if len(results) == 1:
        _echo_one(next(iter(results.values())), as_json)
    elif as_json:
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        click.echo(table({k: v for k, v in results.items() if "overlap_0.3" in v}))
        for name, res in results.items():
            if "overlap_0.3" not in res:
                click.echo(f"{name}: " + json.dumps(res.get("checks", res), ensure_ascii=False))


def _echo_one(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    for key, value in result.items():
        if key == "rows":
            for row in value:
                click.echo("  " + " ".join(f"{k}={v}" for k, v in row.items()))
        else:
            click.echo(f"{key}: {value}")


__all__ = ["command", "evaluate_polnear", "evaluate_seed", "evaluate_set", "overlap", "predict",
           "seed_document"]
