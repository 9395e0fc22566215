"""The attribution development sets, found by name, and the one-table summary of a run.

The sets live outside the project (``../shared/datasets`` beside the checkout, or the folder
named by ``--datasets`` / ``CLAIMGRAPH_DATASETS``); they are read at evaluation time only.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

#: name -> (path under the datasets folder, language)
DEV_SETS: dict[str, tuple[str, str]] = {
    "fr-dev": ("fr-dev/fr-dev.jsonl", "fr"),
    "en-stance-dev": ("en-stance-dev/en-stance-dev.jsonl", "en"),
    "polnear-dev": ("polnear-dev/polnear-dev.jsonl", "en"),
    "polnear-train": ("polnear-train/polnear-train.jsonl", "en"),
}


def datasets_dir(given: str | None = None) -> Path:
    """The datasets folder: the one given, $CLAIMGRAPH_DATASETS, or ../shared/datasets."""
    if given:
        return Path(given)
    if os.environ.get("CLAIMGRAPH_DATASETS"):
        return Path(os.environ["CLAIMGRAPH_DATASETS"])
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        cand = base.parent / "shared" / "datasets"
        if cand.is_dir():
            return cand
    return Path("../shared/datasets")


def resolve(spec: str, root: Path) -> tuple[str, Path]:
    """A dataset named by its set name or by path: (name, path)."""
    if spec in DEV_SETS:
        return spec, root / DEV_SETS[spec][0]
    path = Path(spec)
    return path.stem, path


def language_of(records: list[dict[str, Any]], default: str = "en") -> str:
    langs = {r.get("lang") for r in records if r.get("lang")}
    if len(langs) > 1:
        raise ValueError(f"a dataset must be in one language, found {sorted(langs)}")
    return langs.pop() if langs else default


def read_records(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    records = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


_DENY_KEYS = {"deny_p": "precision", "deny_r": "recall", "deny_f1": "f1"}


def _cell(result: dict[str, Any], key: str) -> str:
    if key == "f1_0.3":
        return f"{result['overlap_0.3']['f1']:.3f}"
    if key == "f1_0.8":
        return f"{result['overlap_0.8']['f1']:.3f}"
    if key == "speaker":
        return f"{result['speaker_accuracy']:.3f}"
    if key == "cue":
        return f"{result['cue_accuracy']:.3f}"
    if key in ("deny_p", "deny_r", "deny_f1"):
        d = result.get("deny")
        return "-" if d is None else f"{d[_DENY_KEYS[key]]:.3f}"
    if key in ("via_p", "via_r"):
        v = result.get("via")
        return "-" if v is None else f"{v['precision' if key == 'via_p' else 'recall']:.3f}"
    return str(result.get(key, "-"))


COLUMNS = ("articles", "gold", "predicted", "f1_0.3", "f1_0.8", "speaker", "cue",
           "deny_p", "deny_r", "deny_f1", "via_p", "via_r")


def table(results: dict[str, dict[str, Any]]) -> str:
    """A Markdown table: one row per dataset, the headline figures as columns."""
    head = "| set | " + " | ".join(COLUMNS) + " |"
    rule = "|---|" + "---:|" * len(COLUMNS)
    rows = [f"| {name} | " + " | ".join(_cell(r, c) for c in COLUMNS) + " |"
            for name, r in results.items()]
    return "\n".join([head, rule, *rows])
