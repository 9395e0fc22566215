"""Throughput of nlp + attribution against bare spaCy ``nlp.pipe`` on the same texts.

    python benchmarks/bench_attribution.py [--dataset PATH] [--limit N] [--repeat K]

Both runs use the same model and documents in the same process (the model is loaded and
warmed up first). Prints characters per second for each, their ratio (goal >= 0.8) and the
peak RSS of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared/datasets/polnear-dev/polnear-dev.jsonl"


def _peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / 1024 / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)

    from claimgraph.attribution.components import analyse
    from claimgraph.config import Config
    from claimgraph.nlp import nlp_for

    texts = []
    with open(args.dataset, encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if args.limit and len(texts) >= args.limit:
                break
    chars = sum(len(t) for t in texts)
    nlp = nlp_for(Config.load(), args.lang)
    for doc in nlp.pipe(texts[:3]):  # warm-up
        analyse(doc, args.lang)

    bare, full = [], []
    n_atts = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_atts = 0
        for doc in nlp.pipe(texts, batch_size=16):
            n_atts += len(analyse(doc, args.lang)[1])
        full.append(time.perf_counter() - t0)
    parsed = list(nlp.pipe(texts, batch_size=16))
    t0 = time.perf_counter()
    for doc in parsed:
        analyse(doc, args.lang)
    alone = time.perf_counter() - t0
    b, f = min(bare), min(full)
    print(f"documents: {len(texts)}  characters: {chars}  attributions: {n_atts}")
    print(f"spaCy nlp.pipe:        {b:7.2f} s  {chars / b:10.0f} chars/s")
    print(f"nlp + attribution:     {f:7.2f} s  {chars / f:10.0f} chars/s")
    print(f"throughput ratio:      {b / f:.3f}x (goal >= 0.8x)")
    print(f"attribution alone:     {alone:7.2f} s  (on parsed docs; {alone / (b + alone):.1%} of the total)")
    print(f"ratio from parts:      {b / (b + alone):.3f}x (bare parse / (bare parse + attribution))")
    print(f"peak RSS (process):    {_peak_rss_mb():.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
