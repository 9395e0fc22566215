"""Implicit actors and the constructions of the plv-train error classes, on sentences written
for these tests: instrument subjects, agentless passives (the state where the act happened),
transitive "strike", sanctions scored as COERCE on the current roots."""

from __future__ import annotations

import pytest

from claimgraph.config import Config
from claimgraph.eval.events import pred_type
from claimgraph.events import extract_events
from claimgraph.model import Document, Event, Origin
from claimgraph.nlp import NlpStage

pytestmark = pytest.mark.slow


def _events(text: str) -> list[Event]:
    config = Config.load()
    config.set("events.min_confidence", 0.0)
    doc = Document(id="i", origin=Origin(kind="text"), text=text, language="en")
    NlpStage(Config.load()).pipe([doc])
    return extract_events(doc, config)


def _one(text: str) -> Event:
    evs = _events(text)
    assert len(evs) == 1, [(e.type, e.trigger.text) for e in evs]
    return evs[0]


def test_instrument_subject_takes_its_agent() -> None:
    ev = _one("A Turkish drone strike killed four fighters near the border on Sunday.")
    assert ev.type in ("ASSAULT", "FIGHT")
    assert ev.actor is not None and ev.actor.country == "TUR"
    assert ev.recipient is not None and "fighters" in ev.recipient.span.text


def test_instrument_subject_keeps_the_attack_nouns_own_actor() -> None:
    ev = _one("A bombing by the rebel militia killed twelve soldiers in the capital.")
    assert ev.actor is not None and "militia" in ev.actor.span.text


def test_agentless_passive_takes_the_state_where_it_happened() -> None:
    ev = _one("The opposition leader was arrested in Egypt on Tuesday.")
    assert ev.type == "COERCE"
    assert ev.actor is not None and ev.actor.country == "EGY"
    assert ev.recipient is not None and "leader" in ev.recipient.span.text


def test_agentless_passive_without_place_abstains() -> None:
    assert _events("The opposition leader was arrested on Tuesday.") == []


def test_accident_passive_is_no_event() -> None:
    assert _events("Nine passengers were killed in a bus crash in Peru.") == []


def test_transitive_strike_is_force_intransitive_is_protest() -> None:
    assert _one("The army struck rebel positions near the town.").type in ("FIGHT", "ASSAULT")
    assert _one("Teachers in Chile went on strike on Monday.").type == "PROTEST"


def test_imposed_sanctions_are_coerce_on_current_roots() -> None:
    ev = _one("Canada imposed sanctions on four Iranian officials.")
    assert ev.type == "SANCTION" and ev.mode == "restrict"
    assert pred_type(ev, "15") == "COERCE" and pred_type(ev, "18") == "SANCTION"


@pytest.mark.parametrize("text,typ", [
    ("The court granted the ministry permission to build the road.", "CONCEDE"),
    ("The governor eased curfew hours in the northern province.", "CONCEDE"),
    ("The rebels announced a three-day cease-fire with the army.", "RETREAT"),
    ("Kenya withdrew its peacekeepers from Somalia.", "SANCTION"),
    ("Ghana is sending troops to the United Nations peacekeeping force in Mali.", "AID"),
])
def test_constructions_of_the_error_classes(text: str, typ: str) -> None:
    assert [e.type for e in _events(text)] == [typ]


def test_an_organisation_named_after_an_accord_is_an_actor() -> None:
    ev = _one("The Government of National Accord arrested two ministers in Tripoli.")
    assert ev.actor is not None and "Government" in ev.actor.span.text


def test_signing_a_decree_is_no_agreement() -> None:
    assert [e.type for e in _events("The president signed a decree on Monday.")] == []


@pytest.mark.parametrize("text,typ", [
    ("Police arrested ten students after the protests in the capital.", "COERCE"),
    ("The army detained the mayor at the request of the governor.", "COERCE"),
    ("The union said it will not end the strike until the government pays the wages.",
     "REJECT"),
])
def test_circumstances_of_the_main_act_are_no_events(text: str, typ: str) -> None:
    assert [e.type for e in _events(text)] == [typ]


def test_a_lone_circumstantial_act_stands() -> None:
    assert [e.type for e in _events("After the vote, Russia expelled two diplomats.")] == \
        ["SANCTION"]


def test_who_announces_a_release_does_it() -> None:
    ev = _one("Egypt's foreign ministry announced the release of two Italian sailors.")
    assert ev.type == "RETREAT"
    assert ev.actor is not None and ev.actor.country == "EGY"
    assert ev.recipient is not None and ev.recipient.country == "ITA"


def test_who_expresses_a_countrys_support_does_it() -> None:
    ev = _one("The Egyptian foreign minister expressed Egypt's support for Jordan.")
    assert ev.type == "SUPPORT"
    assert ev.actor is not None and "minister" in ev.actor.span.text


@pytest.mark.parametrize("text,typ", [
    ("Japan offered to send troops to help the Philippine army.", "AGREE"),
    ("The opposition parties said they would boycott the presidential election.", "THREATEN"),
    ("Rebel fighters seized the airport on Monday.", "FIGHT"),
    ("Customs officers seized two tonnes of cocaine in the port.", "COERCE"),
])
def test_promises_and_seizures(text: str, typ: str) -> None:
    assert [e.type for e in _events(text)] == [typ]


def test_an_attack_in_words_is_disapproval() -> None:
    evs = _events("Senator Warren launched a scathing attack on the Treasury Secretary.")
    assert [e.type for e in evs] == ["DISAPPROVE"]
    evs = _events("Gunmen launched an attack on a police station, killing two officers.")
    assert evs and all(e.type in ("ASSAULT", "FIGHT") for e in evs)


def test_found_guilty_is_an_accusation() -> None:
    ev = _one("A Paris court found the former minister guilty of fraud.")
    assert ev.type == "DISAPPROVE"
    assert ev.actor is not None and "court" in ev.actor.span.text


def test_an_acronym_tagged_as_a_noun_is_an_actor() -> None:
    ev = _one("UNHCR returned forty refugees to the government of Chad.")
    assert ev.actor is not None and ev.actor.span.text == "UNHCR"
