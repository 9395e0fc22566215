"""Intermediaries around a statement (attribution/hops.py) on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.model import Attribution
from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


def _hops(a: Attribution) -> list[str]:
    return [h.name for h in a.via if h.kind != "publisher"]


def _by_cue(atts: list[Attribution], cue: str) -> Attribution:
    return next(a for a in atts if a.cue is not None and cue in a.cue.text)


@pytest.mark.parametrize("text,cue,hop", [
    ("« Le site restera ouvert », a assuré la directrice au micro de Radio Valmont.", "assuré",
     "Radio Valmont"),
    ("Un porte-parole, contacté par le quotidien Le Matin, a démenti la fermeture du site.",
     "démenti", "Matin"),
    ("« C'est faux », a affirmé vendredi la ministre auprès de l'agence Belga.", "affirmé",
     "Belga"),
    # the name after a media noun and its adjectives, which the parser hangs elsewhere
    ("Un expert militaire a déclaré à l'agence officielle Tass que les tirs avaient cessé.",
     "déclaré", "Tass"),
    ("Le ministre a déclaré au quotidien économique Les Echos que la réforme serait retirée.",
     "déclaré", "Les Echos"),
    # a relay phrase after an according-to source: the hop, not the start of the content
    ("Selon des responsables cités par le quotidien Le Matin, le site fermera en mai.", "Selon",
     "Matin"),
    ("According to officials quoted by the Daily Courier, the plant will close in May.", "According",
     "Daily Courier"),
    # the outlet told, right before a clause without "that", is no word of the content
    ("A council spokesman told Reuters the two depots were closed on Monday.", "told",
     "Reuters"),
    # a relay sentence of its own after the statement
    ("« Ces mots ne sont pas les miens », a affirmé le joueur. Cité par France-Soir.",
     "affirmé", "France-Soir"),
    ("The plant will stay open, the company told the Daily Courier on Monday.", "told",
     "Daily Courier"),
    ("In a statement carried by the Valmora News Agency, Foreign Minister Ana Kovel denied the report.",
     "denied", "Valmora News Agency"),
])
def test_outlet_hops(text: str, cue: str, hop: str) -> None:
    lang = "en" if text[0] in "TIA" else "fr"
    _, atts = attribute(text, lang)
    a = _by_cue(atts, cue)
    assert any(hop in h for h in _hops(a)), (_hops(a), a.channel)


def test_channel_is_not_a_hop() -> None:
    _, atts = attribute("In a statement carried by the Valmora News Agency, Foreign Minister "
                        "Ana Kovel denied the report.", "en")
    a = _by_cue(atts, "denied")
    assert a.channel is not None and a.channel.text == "a statement"
    assert all(h.kind != "statement" for h in a.via)


@pytest.mark.parametrize("text,lang,cue", [
    ("La ministre a déclaré à Lyon que le site resterait ouvert.", "fr", "déclaré"),
    ("The minister told reporters that the plant would stay open.", "en", "told"),
    ("Le maire a dit à ses proches que la ville allait racheter le terrain.", "fr", "dit"),
    ("The senator said on Capitol Hill that the bill would pass.", "en", "said"),
])
def test_no_hop_for_places_people_and_common_nouns(text: str, lang: str, cue: str) -> None:
    _, atts = attribute(text, lang)
    assert _hops(_by_cue(atts, cue)) == []


def test_addressee_of_a_quote_that_goes_on_after_its_cue() -> None:
    _, atts = attribute('"We are staying," the mayor told the Valmora Herald newspaper. "Nothing has '
                        'changed."', "en")
    a = _by_cue(atts, "told")
    assert any("Valmora Herald" in h for h in _hops(a))
