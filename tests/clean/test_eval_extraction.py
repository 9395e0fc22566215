"""`claimgraph eval extraction`: snippet scoring of the clean stage and trafilatura alone."""

from __future__ import annotations

import gzip
import json

from click.testing import CliRunner

from claimgraph.config import Config
from claimgraph.eval.extraction import Score, evaluate

BODY = [
    "Les dockers du port ont cessé le travail mardi matin après l'échec des négociations "
    "salariales, a annoncé leur syndicat dans un communiqué publié en fin de journée.",
    "Selon la direction du port, les navires seront détournés vers d'autres terminaux tant que "
    "le conflit durera, et aucune date n'a été fixée pour de nouvelles discussions.",
]


def _page() -> dict[str, object]:
    html = ("<html><head><title>Grève au port</title></head><body><article><h1>Grève au port</h1>"
            f"<p>{BODY[0]}</p><p>Passer la publicité</p><p>{BODY[1]}</p></article></body></html>")
    return {"url": "https://port.example/greve", "file": "greve.html", "html": html,
            "with": ["ont cessé le travail mardi", "aucune date n'a été fixée"],
            "without": ["Passer la publicité"]}


def test_score_counts_snippets() -> None:
    s = Score()
    missed, kept = s.add("a  b\nc d", {"with": ["a b c", "x"], "without": ["c d", "y"]})
    assert (missed, kept) == (["x"], ["c d"])
    m = s.metrics()
    assert (m["tp"], m["fn"], m["fp"], m["tn"]) == (1, 1, 1, 1)
    assert m["precision"] == 0.5 and m["recall"] == 0.5 and m["accuracy"] == 0.5


def test_evaluate_clean_stage_against_trafilatura(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "pages.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(_page()) + "\n")
    res = evaluate(path, Config.load(), errors=[])
    assert res["pages"] == 1
    assert res["clean"]["tp"] == 2 and res["clean"]["fp"] == 0  # the ad marker is removed
    assert res["trafilatura"]["tp"] == 2
    assert res["clean"]["seconds"] > 0 and res["speed_ratio"] > 0

    from claimgraph.cli import main

    out = CliRunner().invoke(main, ["eval", "extraction", "--dataset", str(path)])
    assert out.exit_code == 0, out.output
    assert "clean (body)" in out.output and "trafilatura" in out.output
