"""Precision of the events stage on sentences written for these tests: parties are agents or
places, accidents/weather/sports and idioms are no political events, light-verb triggers,
modality of negated/possible/planned/conditional acts, confidence and abstention."""

from __future__ import annotations

import pytest

from claimgraph.config import Config
from claimgraph.event_records import flat_rows, record
from claimgraph.events import extract_events
from claimgraph.model import Document, Event, Origin
from claimgraph.nlp import NlpStage

pytestmark = pytest.mark.slow


def _events(text: str, lang: str = "en", **settings: object) -> list[Event]:
    config = Config.load()
    for k, v in settings.items():
        config.set(f"events.{k}", v)
    doc = Document(id="p", origin=Origin(kind="text"), text=text, language=lang)
    NlpStage(Config.load()).pipe([doc])
    return extract_events(doc, config)


def _doc(text: str, lang: str = "en") -> Document:
    doc = Document(id="p", origin=Origin(kind="text"), text=text, language=lang)
    NlpStage(Config.load()).pipe([doc])
    doc.events = extract_events(doc, Config.load())
    return doc


@pytest.mark.parametrize("text,lang", [
    ("Real Madrid beat Barcelona 3-1 on Saturday.", "en"),
    ("A storm killed twelve villagers in Florida on Monday.", "en"),
    ("The plane crashed near Kathmandu, killing 72 passengers.", "en"),
    ("Un séisme a tué 40 personnes au Japon.", "fr"),
    ("Le président a tiré parti de la situation.", "fr"),
])
def test_no_political_event(text: str, lang: str) -> None:
    assert [(e.type, e.trigger.text) for e in _events(text, lang, min_confidence=0.0)] == []


@pytest.mark.parametrize("text,lang,typ,actor,recipient", [
    ("Israel launched strikes on Gaza.", "en", "FIGHT", "ISR", "PSE"),
    ("L'armée française a mené une attaque contre les rebelles au Mali.", "fr", "FIGHT", "FRA",
     None),
])
def test_light_verb_triggers(text: str, lang: str, typ: str, actor: str,
                             recipient: str | None) -> None:
    events = _events(text, lang)
    assert [e.type for e in events] == [typ]
    assert events[0].actor is not None and events[0].actor.country == actor
    if recipient:
        assert events[0].recipient is not None and events[0].recipient.country == recipient


def test_a_thing_noun_stands_for_its_agent_and_a_clause_is_no_actor() -> None:
    # the actor phrase is headed by "decision": the agent is the U.S. court that modifies it
    events = _events("A U.S. court decision condemned Iran for the attack.", min_confidence=0.0)
    for ev in events:
        for party in (ev.actor, ev.recipient):
            if party is not None and party.span is not None:
                assert "decision" not in party.span.text
    # a gerund phrase is never a party
    for ev in _events("Firing two shells at a group of Turkish journalists angered Reuters.",
                      min_confidence=0.0):
        assert ev.actor is None or not ev.actor.span or \
            not ev.actor.span.text.lower().startswith("firing"), ev.actor


@pytest.mark.parametrize("text,lang,modality", [
    ("Iran may attack Israel.", "en", "possible"),
    ("The United States will withdraw its troops from Syria.", "en", "planned"),
    ("Turkey will invade Syria unless the Kurds withdraw.", "en", "conditional"),
    ("L'Iran pourrait attaquer Israël.", "fr", "possible"),
])
def test_modality(text: str, lang: str, modality: str) -> None:
    events = _events(text, lang, min_confidence=0.0)
    assert [e.modality for e in events] == [modality], [(e.type, e.modality) for e in events]


def test_negated_acts_are_no_events_unless_asked() -> None:
    for text, lang in (("Russia did not attack Ukraine.", "en"),
                       ("La Russie n'a pas attaqué l'Ukraine.", "fr")):
        assert _events(text, lang) == []
        kept = _events(text, lang, keep_negated=True)
        assert [(e.modality, e.actor.country if e.actor else None) for e in kept] == \
            [("negated", "RUS")]


def test_confidence_is_exported_and_abstention_follows_the_threshold() -> None:
    doc = _doc("Japan sent food aid to Bangladesh on Monday.")
    ev = doc.events[0]
    assert ev.confidence is not None and 0.0 < ev.confidence < 1.0
    assert record(doc, ev)["confidence"] == ev.confidence
    assert flat_rows(doc)[0]["confidence"] == ev.confidence
    assert _events(doc.text, min_confidence=ev.confidence + 0.001) == []
    assert len(_events(doc.text, min_confidence=ev.confidence)) == 1


@pytest.mark.parametrize("text,actor", [
    ("ALGIERS, Algeria - Police have arrested a dozen journalists.", "Police"),
    ("KABUL (Reuters): President Ashraf Ghani has held talks with Pakistani envoys.", "Ghani"),
])
def test_a_dateline_is_not_the_actor(text: str, actor: str) -> None:
    events = _events(text, min_confidence=0.0)
    assert events and events[0].actor is not None and events[0].actor.span is not None
    assert actor in events[0].actor.span.text and "ALGIERS" not in events[0].actor.span.text
    assert "KABUL" not in events[0].actor.span.text
