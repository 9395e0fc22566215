"""Actor coding from the entity aliases of the attribution stage: a later mention of an entity
(its surname, its role) takes the entity and its country and sector, not the nearest person."""

from __future__ import annotations

import pytest

from claimgraph.config import Config
from claimgraph.events import extract_events
from claimgraph.events.detector import entity_aliases
from claimgraph.model import Document, Entity, Mention, Origin
from claimgraph.nlp import NlpStage

pytestmark = pytest.mark.slow


def _entity(text: str, eid: str, name: str, **kw: object) -> Entity:
    start = text.index(name)
    return Entity(id=eid, name=name, label="PER",
                  mentions=[Mention(start=start, end=start + len(name), text=name)], **kw)


def _events(text: str, lang: str, entities: list[Entity]) -> list:
    doc = Document(id="a", origin=Origin(kind="text"), text=text, language=lang)
    NlpStage(Config.load()).pipe([doc])
    doc.entities = entities
    return extract_events(doc, Config.load())


def test_aliases_skip_ambiguous_surnames() -> None:
    text = "John Smith met Anna Smith and Omar Diallo."
    ents = [_entity(text, "E1", "John Smith"), _entity(text, "E2", "Anna Smith"),
            _entity(text, "E3", "Omar Diallo")]
    aliases = entity_aliases(ents)
    assert "smith" not in aliases
    assert aliases["diallo"].id == "E3"
    assert aliases["john smith"].id == "E1"


@pytest.mark.parametrize("text,lang,name,role,trigger", [
    ("Kassym-Jomart Tokayev spoke on Monday after Vladimir Putin had left. "
     "Tokayev condemned the attack on the border post.", "en", "Kassym-Jomart Tokayev",
     "the Kazakh president", "condemned"),
    ("Kassym-Jomart Tokaïev a parlé lundi, après le départ de Vladimir Poutine. "
     "Tokaïev a condamné l'attaque contre le poste frontière.", "fr", "Kassym-Jomart Tokaïev",
     "le président kazakh", "condamné"),
])
def test_surname_takes_entity_and_role_code(text: str, lang: str, name: str, role: str,
                                            trigger: str) -> None:
    putin = "Vladimir Putin" if lang == "en" else "Vladimir Poutine"
    ents = [_entity(text, "E1", name, role=role),
            _entity(text, "E2", putin, country="RUS", sector="GOV")]
    events = [e for e in _events(text, lang, ents) if e.trigger.text == trigger]
    assert events, "the condemnation is an event"
    actor = events[0].actor
    assert actor is not None and actor.entity == "E1"
    assert actor.country == "KAZ" and actor.sector == "GOV"


def test_confidence_in_exports() -> None:
    from claimgraph.event_records import flat_rows, record

    text = "Russia condemned the Ukrainian strike on its border region."
    doc = Document(id="c", origin=Origin(kind="text"), text=text, language="en")
    NlpStage(Config.load()).pipe([doc])
    doc.events = extract_events(doc, Config.load())
    assert doc.events
    ev = doc.events[0]
    assert ev.confidence is not None and 0.0 < ev.confidence <= 1.0
    assert record(doc, ev)["confidence"] == ev.confidence
    assert flat_rows(doc)[0]["confidence"] == ev.confidence
