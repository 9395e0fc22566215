"""Events-stage cost relative to the pipeline before it (clean -> nlp -> attribution), one run.

    python benchmarks/bench_events.py [--docs 60] [--dataset PATH]

Documents: the seed article plus articles of a JSONL file with a "text" field (by default the
PolNeAR dev set under ../shared/datasets, read at run time, never copied), each given to the
clean stage as plain text. Prints per-document milliseconds of the stages before events, of the
events stage, and the ratio events / before (goal <= 0.15). Not a test: timings are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from claimgraph.config import Config
from claimgraph.model import Document, Origin, content_id
from claimgraph.stage import build_stages

ROOT = Path(__file__).resolve().parents[1]
DATASETS = Path(os.environ.get("CLAIMGRAPH_DATASETS", ROOT.parent / "shared" / "datasets"))
DEFAULT_DATASET = DATASETS / "polnear-dev" / "polnear-dev.jsonl"
SEED = DATASETS.parent / "seed" / "000_bc6f034066979636.txt"


def load_docs(dataset: Path, n: int) -> list[Document]:
    texts: list[str] = []
    if SEED.is_file():
        texts.append(SEED.read_text(encoding="utf-8"))
    if dataset.is_file():
        with dataset.open(encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line)["text"])
                if len(texts) >= n:
                    break
    docs = []
    for t in texts[:n]:
        docs.append(Document(id=content_id(t), origin=Origin(kind="text"), raw=t,
                             content_type="text/plain"))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    args = ap.parse_args()
    config = Config.load()
    stages = build_stages(config)
    names = [s.name for s in stages]
    if names[-1] != "events":
        raise SystemExit(f"no events stage in {names}")
    docs = load_docs(args.dataset, args.docs)
    # warm-up: load models and lexicons outside the timed run
    warm = load_docs(args.dataset, 2)
    for stage in stages:
        warm = [d for d in stage.pipe(warm) if isinstance(d, Document)]
    timings = dict.fromkeys(names, 0.0)
    batch: list = docs
    for stage in stages:
        t0 = time.perf_counter()
        batch = [d for d in stage.pipe(batch) if isinstance(d, Document)]
        timings[stage.name] += time.perf_counter() - t0
    n = len(docs)
    if not n:
        raise SystemExit(f"no documents: {args.dataset} not found")
    words = sum(len(d.text.split()) for d in batch)
    before = sum(v for k, v in timings.items() if k != "events")
    events = timings["events"]
    print(f"{n} documents, {len(batch)} processed, {words} words, "
          f"{sum(len(d.events) for d in batch)} events")
    for k, v in timings.items():
        print(f"  {k:<12} {1000 * v / n:8.1f} ms/doc")
    print(f"before events {1000 * before / n:.1f} ms/doc; events {1000 * events / n:.1f} ms/doc; "
          f"ratio {events / before:.3f} (goal <= 0.15)")


if __name__ == "__main__":
    main()
