"""Clean-stage throughput vs trafilatura.extract alone, on the same generated HTML, one run.

    python benchmarks/bench_clean.py [--docs 1000] [--dataset PATH/evaldata.jsonl.gz]

With ``--dataset`` the pages are real ones (trafilatura-eval, see ``claimgraph eval
extraction``), the first ``--docs`` of them.

Both run page by page in turn (a shared machine's load falls on both alike). Prints
documents/s for both and the ratio (goal >= 0.7), of process CPU time (what other processes
on the machine disturb least) and of wall time. Not a test: timings are noisy.
"""

from __future__ import annotations

import argparse
import random
import time

import trafilatura

from claimgraph.clean import CleanStage
from claimgraph.config import Config
from claimgraph.model import Document, Origin, content_id

SUBJECTS = ["Le ministre", "La porte-parole du gouvernement", "Le syndicat", "L'ambassadeur",
            "The minister", "A spokeswoman for the company", "The union", "The ambassador"]
VERBS_FR = ["a déclaré que", "a affirmé que", "a démenti que", "estime que"]
VERBS_EN = ["said that", "claimed that", "denied that", "believes that"]
OBJECTS_FR = ["les négociations reprendront la semaine prochaine",
              "aucune réduction des effectifs n'est envisagée", "le port restera fermé jusqu'à lundi",
              "les chiffres publiés par le journal sont exagérés"]
OBJECTS_EN = ["talks would resume next week", "no job cuts were planned",
              "the port would stay closed until Monday", "the figures in the report were inflated"]


def make_html(i: int, rng: random.Random) -> str:
    fr = i % 2 == 0
    paras = []
    for _ in range(rng.randint(5, 12)):
        subj = rng.choice(SUBJECTS[:4] if fr else SUBJECTS[4:])
        verb = rng.choice(VERBS_FR if fr else VERBS_EN)
        obj = rng.choice(OBJECTS_FR if fr else OBJECTS_EN)
        paras.append(f"<p>{subj} {verb} {obj}, {rng.randint(1, 9999)}.</p>")
    related = "<p>Lire aussi : Un autre article</p>" if fr else "<p>Read more: Another story</p>"
    paras.insert(3, related)
    title = f"Article {i}: {'Grève au port' if fr else 'Strike at the port'}"
    return (f"<html><head><title>{title}</title><meta name='author' content='Desk {i % 7}'>"
            f"<meta property='article:published_time' content='2024-0{1 + i % 9}-1{i % 9}'></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}"
            f"</h1>{''.join(paras)}<figure><figcaption>Photo: Agency</figcaption></figure></article>"
            f"<footer>Share this article</footer><script>track({i})</script></body></html>")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--dataset", default=None, help="evaldata JSONL(.gz) of real pages")
    args = ap.parse_args()
    rng = random.Random(7)
    if args.dataset:
        from pathlib import Path

        from claimgraph.eval.extraction import read_pages

        pages = [p["html"] for p in read_pages(Path(args.dataset), args.docs)]
        args.docs = len(pages)
    else:
        pages = [make_html(i, rng) for i in range(args.docs)]
    stage = CleanStage(Config.load())
    stage.warm()  # the outlet registry, the noise rules and the language detectors
    stage.process(Document(id="warm", origin=Origin(kind="text"), raw=pages[0],
                           content_type="text/html"))  # load lingua and the outlet registry

    # Interleaved page by page, so that the load of a shared machine falls on both alike;
    # process CPU time (not disturbed by other processes) and wall time.
    cpu = {"base": 0.0, "ours": 0.0}
    wall = {"base": 0.0, "ours": 0.0}
    ok = 0
    for page in pages:
        c0, w0 = time.process_time(), time.perf_counter()
        trafilatura.extract(page)
        c1, w1 = time.process_time(), time.perf_counter()
        doc = Document(id=content_id(page), origin=Origin(kind="text"), raw=page,
                       content_type="text/html")
        if stage.pipe([doc])[0].__class__ is Document:
            ok += 1
        c2, w2 = time.process_time(), time.perf_counter()
        cpu["base"] += c1 - c0
        cpu["ours"] += c2 - c1
        wall["base"] += w1 - w0
        wall["ours"] += w2 - w1
    print(f"documents: {args.docs} (cleaned ok: {ok})")
    print(f"trafilatura.extract alone: {args.docs / cpu['base']:.1f} docs/s of CPU "
          f"({args.docs / wall['base']:.1f} wall)")
    print(f"claimgraph clean stage:    {args.docs / cpu['ours']:.1f} docs/s of CPU "
          f"({args.docs / wall['ours']:.1f} wall)")
    print(f"ratio (ours / trafilatura): {cpu['base'] / cpu['ours']:.3f}x CPU, "
          f"{wall['base'] / wall['ours']:.3f}x wall  (goal >= 0.7x)")

if __name__ == "__main__":
    main()
