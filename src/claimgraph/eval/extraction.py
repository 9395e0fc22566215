"""Main-text extraction scored on web pages with expected and unexpected snippets.

The dataset (``trafilatura-eval/evaldata.jsonl.gz``, README there) gives each page's HTML, the
snippets its main text must contain (``with``) and those it must not (``without``). A
``with`` snippet found is a true positive, missed a false negative; a ``without`` snippet
found is a false positive, absent a true negative (trafilatura's own scoring). The clean
stage and ``trafilatura.extract`` alone are scored on the same pages in the same run, with
their timings (page by page in turn; the speed ratio is of process CPU time, which other
processes on a shared machine disturb least, and of wall time). A page the clean stage
rejects has an empty main text.

    claimgraph eval extraction --dataset PATH [--limit N] [--errors] [--json]
"""

from __future__ import annotations

import gzip
import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from claimgraph.config import Config
from claimgraph.eval.devsets import datasets_dir
from claimgraph.model import Document, Origin, content_id

DEFAULT_PATH = "trafilatura-eval/evaldata.jsonl.gz"
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """NFC, one space for any run of white space (both systems and the snippets alike)."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass
class Score:
    """Snippet counts of one system, and its time."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    seconds: float = 0.0  # wall time
    cpu: float = 0.0  # process CPU time (what other processes on the machine disturb least)
    rejected: dict[str, int] = field(default_factory=dict)

    def add(self, text: str, page: dict[str, Any]) -> tuple[list[str], list[str]]:
        """Count one page; return the missed ``with`` and the kept ``without`` snippets."""
        text = norm(text)
        missed = [s for s in page["with"] if norm(s) not in text]
        kept = [s for s in page["without"] if norm(s) in text]
        self.tp += len(page["with"]) - len(missed)
        self.fn += len(missed)
        self.fp += len(kept)
        self.tn += len(page["without"]) - len(kept)
        return missed, kept

    def metrics(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        total = self.tp + self.fn + self.fp + self.tn
        return {"precision": round(p, 4), "recall": round(r, 4),
                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                "accuracy": round((self.tp + self.tn) / total, 4) if total else 0.0,
                "tp": self.tp, "fn": self.fn, "fp": self.fp, "tn": self.tn,
                "seconds": round(self.seconds, 3), "cpu_seconds": round(self.cpu, 3),
                "rejected": dict(self.rejected)}


def read_pages(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield json.loads(line)


def evaluate(path: Path, config: Config, limit: int | None = None,
             errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Score the clean stage and trafilatura.extract alone on the pages of ``path``."""
    import trafilatura

    from claimgraph.clean import CleanStage
    from claimgraph.errors import RejectedInput

    stage = CleanStage(config)
    stage.warm()
    stage.process(Document(id="warm", origin=Origin(kind="text"), content_type="text/html",
                           raw="<html><body><p>" + "Warm up the detectors. " * 5 + "</p></body></html>"))
    ours, base, titled = Score(), Score(), Score()
    pages = 0
    outlets: dict[str, int] = {}
    for page in read_pages(path, limit):
        pages += 1
        t0, c0 = time.perf_counter(), time.process_time()
        base_text = trafilatura.extract(page["html"], url=page.get("url")) or ""
        base.seconds += time.perf_counter() - t0
        base.cpu += time.process_time() - c0
        doc = Document(id=content_id(page["html"]), origin=Origin(kind="file", path=page.get("file")),
                       url=page.get("url"), content_type="text/html", raw=page["html"])
        t0, c0 = time.perf_counter(), time.process_time()
        title = ""
        try:
            out = stage.process(doc)
            text, title = out.text, out.title or ""
            if out.outlet is not None:
                key = "registry" if out.outlet.dataset else "unknown"
                outlets[key] = outlets.get(key, 0) + 1
        except RejectedInput as exc:
            text = ""
            ours.rejected[exc.reason] = ours.rejected.get(exc.reason, 0) + 1
        ours.seconds += time.perf_counter() - t0
        ours.cpu += time.process_time() - c0
        missed, kept = ours.add(text, page)
        titled.add(f"{title}\n{text}", page)
        b_missed, b_kept = base.add(base_text, page)
        if errors is not None and (set(missed) - set(b_missed) or set(kept) - set(b_kept)):
            errors.append({"file": page.get("file"), "url": page.get("url"),
                           "missed_not_by_trafilatura": sorted(set(missed) - set(b_missed)),
                           "kept_not_by_trafilatura": sorted(set(kept) - set(b_kept)),
                           "removed": [(r.reason, r.text[:100]) for r in doc.removed]})
    o, b = ours.metrics(), base.metrics()
    return {"dataset": str(path), "pages": pages, "clean": o, "trafilatura": b,
            "clean_title_and_body": titled.metrics(), "outlets": outlets,
            "speed_ratio": round(base.cpu / ours.cpu, 3) if ours.cpu else None,
            "speed_ratio_wall": round(base.seconds / ours.seconds, 3) if ours.seconds else None}


@click.command("extraction")
@click.option("--dataset", "dataset", default=None, type=click.Path(dir_okay=False),
              help=f"evaldata JSONL(.gz) file (default: $CLAIMGRAPH_DATASETS/{DEFAULT_PATH})")
@click.option("--limit", type=int, default=None, help="only the first N pages")
@click.option("--errors", "show_errors", is_flag=True,
              help="also print the pages where the clean stage does worse than trafilatura")
@click.option("--json", "as_json", is_flag=True, help="print the metrics as JSON")
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False))
def command(dataset: str | None, limit: int | None, show_errors: bool, as_json: bool,
            config_path: str | None) -> None:
    """Snippet precision/recall/F1/accuracy of the clean stage and of trafilatura alone."""
    path = Path(dataset) if dataset else datasets_dir() / DEFAULT_PATH
    if not path.is_file():
        raise click.ClickException(f"no dataset at {path}")
    errs: list[dict[str, Any]] | None = [] if show_errors else None
    res = evaluate(path, Config.load(config_path), limit, errs)
    if as_json:
        click.echo(json.dumps(res if errs is None else {**res, "errors": errs},
                              indent=2, ensure_ascii=False))
        return
    click.echo(f"dataset: {res['dataset']} ({res['pages']} pages)")
    rows = (("clean", "clean (body)"), ("clean_title_and_body", "clean (title + body)"),
            ("trafilatura", "trafilatura"))
    click.echo(f"{'system':<22} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'time s':>8}")
    for key, name in rows:
        m = res[key]
        secs = f"{m['seconds']:>8.1f}" if key != "clean_title_and_body" else f"{'(same)':>8}"
        click.echo(f"{name:<22} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
                   f"{m['accuracy']:>6.3f} {secs}")
    click.echo(f"outlets: {res['outlets']} (registry: a bundled or user outlet; unknown: named by "
               "domain and site name)")
    click.echo(f"speed: clean stage {res['speed_ratio']}x trafilatura.extract in CPU time, "
               f"{res['speed_ratio_wall']}x in wall time (goal >= 0.7x)")
    click.echo(f"clean stage rejections: {res['clean']['rejected']}")
    for e in errs or []:
        click.echo(json.dumps(e, ensure_ascii=False))
