"""Export helpers, the PLOVER evaluation (scoring and CLI) and the stage in the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.config import Config
from claimgraph.eval.events import command, evaluate_plover, score
from claimgraph.events import EventStage, extract_events
from claimgraph.events.export import flat_rows, records
from claimgraph.model import Document, Event, EventActor, Origin, Outlet, Published, Span
from claimgraph.nlp import NlpStage

MINI = Path(__file__).parents[1] / "fixtures" / "events" / "mini_gsr.jsonl"


def _doc() -> Document:
    """A short English document, parsed by the nlp stage."""
    doc = Document(id="d1", origin=Origin(kind="url", url="https://example.org/a"),
                   url="https://example.org/a", language="en",
                   text="Japan sent food aid to Bangladesh on Monday.",
                   outlet=Outlet(id="x", name="Example News"),
                   published=Published(date="2024-05-08", source="metadata"))
    NlpStage(Config.load()).pipe([doc])
    return doc


@pytest.mark.slow
def test_records_and_flat_rows() -> None:
    doc = _doc()
    doc.events = extract_events(doc, Config.load())
    rec = records(doc)[0]
    assert rec["event_type"] == "AID" and rec["source"]["country"] == "JPN"
    assert rec["target"]["country"] == "BGD" and rec["event_date"] == "2024-05-06"
    assert rec["asserted_by_names"] == ["Example News"] and rec["status"] == "stated_by_outlet"
    row = flat_rows(doc)[0]
    assert (row["actor_country"], row["type"], row["recipient_country"]) == ("JPN", "AID", "BGD")
    assert row["source_url"] == "https://example.org/a" and row["outlet"] == "Example News"
    assert doc.text[row["trigger_start"]:row["trigger_end"]] == row["trigger"]
    assert all(not isinstance(v, (list, dict)) for v in row.values())
    json.dumps(rec)


def test_score_counts_types_and_countries() -> None:
    recs = [json.loads(line) for line in MINI.read_text(encoding="utf-8").splitlines()]
    span = Span(start=0, end=1, text="x")

    def ev(t: str, actor: str | None) -> Event:
        return Event(id="V1", type=t, trigger=span, sentence=span,
                     actor=EventActor(country=actor) if actor else None)

    preds = [[ev("AID", "JPN")], [ev("COERCE", "CAN")], [ev("REJECT", "PER")], []]
    result = score(recs, preds)
    assert result["micro_precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["micro_recall"] == pytest.approx(2 / 4, abs=1e-3)
    assert result["actor_country_accuracy"] == pytest.approx(2 / 4)
    assert result["per_type"]["AID"]["f1"] == 1.0


@pytest.mark.slow
def test_evaluate_plover_and_cli() -> None:
    result = evaluate_plover(MINI, Config.load())
    # our four sentences: three events found, none extra, one actor country wrong
    assert (result["micro_precision"], result["micro_recall"]) == (1.0, 0.75)
    assert result["actor_country_accuracy"] == 0.75
    out = CliRunner().invoke(command, ["--dataset", str(MINI), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["sentences"] == 4
    text = CliRunner().invoke(command, ["--dataset", str(MINI)])
    assert "micro F1" in text.output


@pytest.mark.slow
def test_stage_in_default_pipeline() -> None:
    from claimgraph.stage import build_stages

    stages = build_stages(Config.load())
    assert stages[-1].name == "events" and isinstance(stages[-1], EventStage)
    doc = _doc()
    out = EventStage(Config.load()).process(doc)
    assert [e.type for e in out.events] == ["AID"] and out.events[0].id == "V1"


def test_fight_is_scored_as_assault_on_the_18_types() -> None:
    span = Span(start=0, end=1, text="x")
    recs = [{"id": "a", "text": "x", "events": [{"type": "FIGHT", "actor": {"country": "SRB"}}]},
            {"id": "b", "text": "y", "events": [{"type": "ASSAULT"}]}]
    preds = [[Event(id="V1", type="ASSAULT", trigger=span, sentence=span,
                    actor=EventActor(country="SRB"))],
             [Event(id="V1", type="FIGHT", trigger=span, sentence=span)]]
    mapped = score(recs, preds)
    assert mapped["micro_f1"] == 1.0 and mapped["labels"] == "18"
    assert set(mapped["per_type"]) == {"ASSAULT"} and mapped["actor_country_accuracy"] == 1.0
    raw = score(recs, preds, labels="2016")
    assert raw["micro_f1"] == 0.0 and len(raw["errors"]) == 2
