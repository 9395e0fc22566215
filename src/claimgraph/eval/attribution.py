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
from claimgraph.eval.metrics import match, overlap, prf, shared
from claimgraph.model import Attribution, Document, Entity, Origin, Outlet, Published

THRESHOLDS = (0.3, 0.8)
SEED_BODY_LINES = (8, 10, 12, 14, 18, 20, 24, 26, 28, 30)
SEED_TITLE_LINE = 3
DEFAULT_GOLD = "tests/fixtures/attribution/seed_gold.toml"


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("’", "'").split())


def _speaker_ok(att: Attribution, source: str | None, source_span: list[int] | None) -> bool:
    if (
        att.speaker is not None
        and source_span is not None
        and shared((att.speaker.start, att.speaker.end), (source_span[0], source_span[1])) > 0
    ):
        return True
    if not source:
        return False
    b = _norm(source)
    for name in (att.speaker_name, att.speaker.text if att.speaker else None):
        a = _norm(name)
        if a and (a == b or (len(a) > 3 and a in b) or (len(b) > 3 and b in a)):
            return True
    return False


def _predict(texts: list[str], lang: str, config: Config) -> list[tuple[list[Entity], list[Attribution]]]:
    from claimgraph.attribution.components import analyse
    from claimgraph.nlp import nlp_for

    nlp = nlp_for(config, lang)
    # no narration statements: PolNeAR annotates no narrator framing (and has no outlet here)
    return [analyse(sdoc, lang, narration=False) for sdoc in nlp.pipe(texts, batch_size=16)]


def evaluate_polnear(
    path: str | Path, config: Config | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Content-overlap P/R/F1 at 0.3 and 0.8, exact-span F1, speaker and cue match on PolNeAR."""
    config = config or Config.load()
    records = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    t0 = time.perf_counter()
    preds = _predict([r["text"] for r in records], "en", config)
    elapsed = time.perf_counter() - t0
    n_gold = n_pred = 0
    tps = dict.fromkeys(THRESHOLDS, 0)
    exact = 0
    speaker_ok = speaker_n = cue_ok = cue_n = 0
    for rec, (_, atts) in zip(records, preds, strict=True):
        gold = rec["attributions"]
        gspans = [tuple(g["content_span"]) for g in gold]
        pspans = [(a.content.start, a.content.end) for a in atts]
        n_gold += len(gspans)
        n_pred += len(pspans)
        text = rec["text"]
        gstrip = {_strip_span(text, g) for g in gspans}
        exact += sum(1 for p in pspans if _strip_span(text, p) in gstrip)
        for th in THRESHOLDS:
            pairs = match(gspans, pspans, th)  # type: ignore[arg-type]
            tps[th] += len(pairs)
            if th == THRESHOLDS[0]:
                for gi, pj in pairs:
                    g, a = gold[gi], atts[pj]
                    if g.get("source_span") is not None:
                        speaker_n += 1
                        speaker_ok += _speaker_ok(a, g.get("source"), g.get("source_span"))
                    if g.get("cue_span") is not None:
                        cue_n += 1
                        cue_ok += (
                            a.cue is not None
                            and shared(
                                (a.cue.start, a.cue.end),
                                tuple(g["cue_span"]),  # type: ignore[arg-type]
                            )
                            > 0
                        )
    out: dict[str, Any] = {
        "dataset": str(path),
        "articles": len(records),
        "gold": n_gold,
        "predicted": n_pred,
        "seconds": round(elapsed, 2),
        "narration": "off (PolNeAR has no narrator-framing annotations)",
    }
    for th in THRESHOLDS:
        out[f"overlap_{th}"] = prf(tps[th], n_pred, n_gold)
    out["exact"] = prf(exact, n_pred, n_gold)
    out["speaker_accuracy"] = round(speaker_ok / speaker_n, 4) if speaker_n else 0.0
    out["speaker_pairs"] = speaker_n
    out["cue_accuracy"] = round(cue_ok / cue_n, 4) if cue_n else 0.0
    return out


def _strip_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and (text[s].isspace() or text[s] in ",.;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",.;:"):
        e -= 1
    return s, e


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
        from claimgraph.attribution import AttributionStage

        AttributionStage(config).process(doc)
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
            names = [_norm(x) for x in g["speaker"].split("|")]
            relays = [_norm(lk.name) for lk in a.via if lk.kind in ("agency", "outlet", "unnamed", "other")]
            row.update(
                predicted=a.id,
                speaker=_norm(a.speaker_name) in names,
                kind=a.kind in g["kind"].split("|"),
                stance=a.stance == g["stance"],
                via=sorted(relays) == sorted(_norm(v) for v in g.get("via", [])),
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
@click.option(
    "--dataset",
    "dataset",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="PolNeAR JSONL, or the seed article (.txt)",
)
@click.option(
    "--gold",
    "gold",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="seed checks (TOML); default tests/fixtures/attribution/seed_gold.toml",
)
@click.option("--limit", type=int, default=None, help="evaluate the first N articles only")
@click.option("--json", "as_json", is_flag=True, help="print the metrics as JSON")
@click.pass_context
def command(ctx: click.Context, dataset: str, gold: str | None, limit: int | None, as_json: bool) -> None:
    """Evaluate attribution on PolNeAR (content overlap, speaker, cue) or on the seed article."""
    obj = ctx.obj if isinstance(ctx.obj, dict) else {}
    config = obj.get("config") if isinstance(obj.get("config"), Config) else Config.load()
    if dataset.endswith(".txt"):
        gold_path = Path(gold) if gold else checkout_file(DEFAULT_GOLD)
        if not gold_path.is_file():
            raise click.ClickException(f"no seed checks at {gold_path}: pass --gold FILE")
        result = evaluate_seed(seed_document(dataset), gold_path, config)
    else:
        result = evaluate_polnear(dataset, config, limit)
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    for key, value in result.items():
        if key == "rows":
            for row in value:
                click.echo("  " + " ".join(f"{k}={v}" for k, v in row.items()))
        else:
            click.echo(f"{key}: {value}")


__all__ = ["command", "evaluate_polnear", "evaluate_seed", "overlap", "seed_document"]
