"""End to end on real news texts vs bare spaCy, 2 workers vs 1, and resume after a kill.

    python benchmarks/bench_e2e.py                      # 200 texts; every measurement
    python benchmarks/bench_e2e.py --n 60 --only spacy,nolink,link
    python benchmarks/bench_e2e.py --only resume,kill   # the CLI: rerun and kill -9

Texts are loaded at run time from $CLAIMGRAPH_DATASETS (fr-dev, en-stance-dev, the English
and French excerpts of xdoc-dev, then polnear-dev articles) and written to a JSONL file in a
temporary folder, never into the repository. Measurements, in one run, same texts and models:

- spacy: bare ``nlp.pipe`` over the texts of each language (models loaded before timing);
- nolink / link: the Job (ingest, clean, nlp, attribution, events, store; then linking)
  in this process, models loaded before timing; per-stage seconds from the run report;
- workers: ``--workers 2`` vs 1 with the process executor (no link), worker start included;
- resume: ``claimgraph analyze`` over the JSONL, then the same command again (everything
  skipped, nothing lost);
- kill: ``claimgraph analyze`` killed with SIGKILL after ``--kill-after`` seconds, then
  rerun: what the rerun redid, documents lost and duplicated, stored but unlinked.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SETS = [("fr-dev/fr-dev.jsonl", None), ("en-stance-dev/en-stance-dev.jsonl", None),
        ("xdoc-dev/xdoc-dev.jsonl", ("en", "fr")), ("polnear-dev/polnear-dev.jsonl", None)]


def load_texts(n: int) -> list[dict[str, Any]]:
    root = Path(os.environ.get("CLAIMGRAPH_DATASETS", Path(__file__).parents[2] / "shared" / "datasets"))
    rows: list[dict[str, Any]] = []
    for name, langs in SETS:
        for line in (root / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if langs and rec.get("lang") not in langs:
                continue
            row = {"text": rec["text"], "language": rec.get("lang")}
            if rec.get("url"):
                row["url"] = rec["url"]
            rows.append(row)
            if len(rows) >= n:
                return rows
    return rows


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_spacy(rows: list[dict[str, Any]], config: Any) -> float:
    from claimgraph.nlp import nlp_for

    by_lang: dict[str, list[str]] = {}
    for r in rows:
        by_lang.setdefault(r["language"], []).append(r["text"])
    models = {lang: nlp_for(config, lang) for lang in by_lang}
    start = time.perf_counter()
    for lang, texts in by_lang.items():
        for _ in models[lang].pipe(texts, batch_size=32):
            pass
    return time.perf_counter() - start


def bench_job(path: Path, config: Any, db: Path, link: bool, workers: int = 1,
              executor: str = "local") -> tuple[float, dict[str, float], int]:
    from claimgraph.run.job import Job
    from claimgraph.run.sinks import store_sinks
    from claimgraph.store import open_store

    with open_store(str(db)) as store:
        job = Job(config, store_sinks(store, config, link=link), executor=executor, workers=workers)
        start = time.perf_counter()
        report = job.run([str(path)])
        seconds = time.perf_counter() - start
    return seconds, report.timings, report.documents


def warm(config: Any, tmp: Path) -> None:
    """Load the models and the link encoder once, so that no timed run pays for loading."""
    rows = [{"text": "Le ministre a déclaré mardi que l'accord était solide, selon un communiqué "
                     "publié dans la soirée par le gouvernement.", "language": "fr"},
            {"text": "The minister said on Tuesday that the agreement was solid, according to a "
                     "statement released by the government.", "language": "en"}]
    path = tmp / "warm.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    bench_job(path, config, tmp / "warm.db", link=True)


EXTRA: list[str] = []


def cli(args: list[str], db: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "claimgraph.cli", "--db", str(db), "analyze", *args,
           "--format", "none", *EXTRA]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def timed_cli(args: list[str], db: Path) -> tuple[float, str]:
    start = time.perf_counter()
    proc = cli(args, db)
    _, err = proc.communicate()
    return time.perf_counter() - start, " ".join(err.decode().split())


def counts(db: Path) -> dict[str, int]:
    if not db.exists():  # killed before the store was created
        return {"documents": 0, "distinct": 0, "linked": 0, "rejected": 0}
    with sqlite3.connect(db) as conn:
        one = lambda q: int(conn.execute(q).fetchone()[0])  # noqa: E731
        return {"documents": one("SELECT count(*) FROM documents"),
                "distinct": one("SELECT count(DISTINCT id) FROM documents"),
                "linked": one("SELECT count(*) FROM link_docs"),
                "rejected": one("SELECT count(*) FROM rejected")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--only", default="spacy,nolink,link,workers,resume,kill")
    ap.add_argument("--kill-after", type=float, default=60.0)
    ap.add_argument("--cli-args", default="", help="extra analyze options for resume and kill, "
                    "e.g. --cli-args=--no-link")
    opts = ap.parse_args()
    todo = set(opts.only.split(","))
    EXTRA.extend(opts.cli_args.split())

    from claimgraph.config import Config

    config = Config.load()
    rows = load_texts(opts.n)
    langs: dict[str, int] = {}
    for r in rows:
        langs[r["language"]] = langs.get(r["language"], 0) + 1
    words = sum(len(r["text"].split()) for r in rows) / len(rows)
    print(f"{len(rows)} real texts {langs}, {words:.0f} words on average")
    results: dict[str, float] = {}
    complete = len(rows)  # inputs a finished run accounts for (documents + rejected)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        path = tmp / "texts.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                        encoding="utf-8")
        if todo & {"spacy", "nolink", "link"}:
            warm(config, tmp)
        if "spacy" in todo:
            results["spacy"] = bench_spacy(rows, config)
            print(f"bare spaCy nlp.pipe: {results['spacy']:.1f} s")
        for key, link in (("nolink", False), ("link", True)):
            if key in todo:
                seconds, timings, docs = bench_job(path, config, tmp / f"{key}.db", link=link)
                results[key] = seconds
                stages = ", ".join(f"{k} {v:.1f}" for k, v in sorted(timings.items(), key=lambda kv: -kv[1]))
                ratio = f" ({results['spacy'] / seconds:.2f}x bare spaCy)" if "spacy" in results else ""
                print(f"end to end {'with' if link else 'without'} link: {seconds:.1f} s, {docs} documents"
                      f"{ratio}\n  seconds: {stages}")
        print(f"peak memory of this process: {_peak_mb():.0f} MB")
        if "workers" in todo:
            for w in (1, 2):
                seconds, _, docs = bench_job(path, config, tmp / f"w{w}.db", link=False, workers=w,
                                             executor="process")
                results[f"w{w}"] = seconds
                print(f"process executor, {w} worker(s), no link: {seconds:.1f} s ({docs} documents)")
            print(f"2 workers vs 1: {results['w1'] / results['w2']:.2f}x")
        if "resume" in todo:
            db = tmp / "resume.db"
            first, _ = timed_cli([str(path)], db)
            again, err = timed_cli([str(path)], db)
            done = counts(db)
            complete = done["documents"] + done["rejected"]
            print(f"CLI first run {first:.1f} s, rerun {again:.1f} s ({first / again:.1f}x); "
                  f"store {done}\n  rerun said: {err[:200]}")
        if "kill" in todo:
            db = tmp / "kill.db"
            proc = cli([str(path)], db)
            time.sleep(opts.kill_after)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            before = counts(db)
            again, err = timed_cli([str(path)], db)
            after = counts(db)
            print(f"killed after {opts.kill_after:.0f} s with {before}; rerun {again:.1f} s -> {after}"
                  f"\n  lost {complete - after['documents'] - after['rejected']}, duplicated "
                  f"{after['documents'] - after['distinct']}; rerun said: {err[:300]}")


if __name__ == "__main__":
    main()
