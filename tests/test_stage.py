"""The stage registry: the pipeline is built from [pipeline] stages, checked, and extensible."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.config import Config
from claimgraph.ingest import from_text
from claimgraph.model import Document
from claimgraph.pipeline import Pipeline
from claimgraph.stage import MissingLayer, StageError, build_stages

TEXT = "Grève au port\n\nLes dockers ont cessé le travail mardi, a annoncé leur syndicat, furieux."


def test_default_stages_come_from_the_configuration() -> None:
    assert [s.name for s in build_stages(Config.load())] == ["clean", "nlp", "attribution", "events"]
    assert [s.name for s in build_stages(Config.load(), upto="nlp")] == ["clean", "nlp"]


def test_dropping_a_stage_by_configuration() -> None:
    config = Config.load(overrides=['pipeline.stages=["clean"]'])
    out = Pipeline(config)(from_text(TEXT))
    assert isinstance(out, Document) and out.title == "Grève au port" and out.nlp is None


def test_unknown_stage_and_wrong_order_are_errors() -> None:
    with pytest.raises(StageError, match="unknown stage 'parse'"):
        build_stages(Config.load(overrides=['pipeline.stages=["clean", "parse"]']))
    with pytest.raises(StageError, match="'attribution' needs the 'nlp' stage before it"):
        build_stages(Config.load(overrides=['pipeline.stages=["clean", "attribution", "nlp"]']))


def test_a_stage_without_its_layer_raises_instead_of_rejecting() -> None:
    from claimgraph.attribution import AttributionStage

    doc = Pipeline(Config.load(), upto="clean")(from_text(TEXT))
    with pytest.raises(MissingLayer, match="'nlp' stage fills"):
        AttributionStage(Config.load()).pipe([doc])  # type: ignore[list-item]


def test_a_user_stage_is_added_without_editing_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "shout_stage.py").write_text(
        "from claimgraph.stage import Stage, register\n\n"
        "@register('shout')\n"
        "class Shout(Stage):\n"
        "    def process(self, doc):\n"
        "        doc.meta['shout'] = doc.text.upper()[:5]\n"
        "        return doc\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    config = Config.load(overrides=['pipeline.stages=["clean", "shout"]',
                                    'pipeline.modules.shout="shout_stage"'])
    out = Pipeline(config)(from_text(TEXT))
    assert isinstance(out, Document) and out.meta["shout"] == "LES D"
    sys.modules.pop("shout_stage", None)


def test_cli_reports_a_misordered_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(main, ["--set", 'pipeline.stages=["clean", "events"]', "analyze",
                                    "--no-store", str(path)])
    assert res.exit_code != 0
    assert "'events' needs the 'nlp' stage before it" in res.output
