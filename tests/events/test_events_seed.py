"""The seed article's event table (EXPECTED.md), through the real nlp and attribution stages."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from tests.fixtures.attribution.seed import seed_document

from claimgraph.config import Config
from claimgraph.model import Document, Event

pytestmark = pytest.mark.slow
GOLD = tomllib.loads((Path(__file__).parents[1] / "fixtures" / "events" / "seed_events.toml")
                     .read_text(encoding="utf-8"))["event"]


@pytest.fixture(scope="module")
def seed() -> Document:
    from claimgraph.attribution import AttributionStage
    from claimgraph.events import EventStage
    from claimgraph.nlp import NlpStage

    cfg = Config.load()
    doc = seed_document()
    for stage in (NlpStage(cfg), AttributionStage(cfg), EventStage(cfg)):
        doc = stage.pipe([doc])[0]
        assert isinstance(doc, Document)
    return doc


def _names(doc: Document, ids: list[str]) -> set[str]:
    by_id = {a.id: a.speaker_name for a in doc.attributions}
    return {"outlet" if i == "outlet" else (by_id.get(i) or i) for i in ids}


def _matches(ev: Event, gold: dict) -> bool:
    if ev.type != gold["type"] or ev.actor is None or ev.actor.country != gold["actor_country"]:
        return False
    if "actor_sector" in gold and ev.actor.sector != gold["actor_sector"]:
        return False
    if "recipient_country" in gold and (ev.recipient is None or
                                        ev.recipient.country != gold["recipient_country"]):
        return False
    return "recipient_sector" not in gold or ev.recipient.sector == gold["recipient_sector"]


@pytest.mark.parametrize("gold", GOLD, ids=[g["type"] for g in GOLD])
def test_seed_event(seed: Document, gold: dict) -> None:
    found = [e for e in seed.events if _matches(e, gold)]
    assert len(found) == 1, (gold["label"], [(e.type, e.actor, e.recipient) for e in seed.events])
    ev = found[0]
    assert ev.mode == gold.get("mode", ev.mode)
    assert _names(seed, ev.asserted_by) == set(gold["asserted_by"])
    assert _names(seed, ev.denied_by) == set(gold.get("denied_by", []))
    assert ev.status == gold["status"]
    if "date" in gold:
        assert ev.date == gold["date"]
    if gold.get("background"):
        assert ev.background and ev.date is None
    for span in (ev.trigger, ev.sentence, *ev.mentions):
        assert seed.text[span.start:span.end] == span.text


def test_seed_has_no_event_from_captions_or_negations(seed: Document) -> None:
    assert all("Omar" not in e.sentence.text for e in seed.events)
    # "n'envisageaient pas de signer de nouveaux contrats": no new arms deal
    assert not any(e.type == "AGREE" for e in seed.events)
    assert len(seed.events) <= len(GOLD) + 1  # one more true event: Russia's support of Caracas
