"""Hops shared by dependent and nested statements (attribution/nesting.py), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.model import Attribution
from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


def _hops(a: Attribution) -> list[str]:
    return [h.name for h in a.via if h.kind != "publisher"]


def _by_cue(atts: list[Attribution], cue: str) -> Attribution:
    return next(a for a in atts if a.cue is not None and cue in a.cue.text)


@pytest.mark.parametrize("text,lang,cue,hop", [
    # a participle of the same speaker after a cue that says nothing itself
    ("A ministry spokesman told Reuters on Monday, dismissing a report that the mine would close.",
     "en", "dismissing", "Reuters"),
    # a participle after a cue with a content of its own
    ("Davis confirmed to the Valmora Herald newspaper that he had met the envoy, claiming that the "
     "mayor knew about it.", "en", "claiming", "Valmora Herald"),
])
def test_dependent_cue_shares_the_hops(text: str, lang: str, cue: str, hop: str) -> None:
    _, atts = attribute(text, lang)
    assert any(hop in h for h in _hops(_by_cue(atts, cue)))


def test_inner_denial_reached_the_reader_through_the_encloser() -> None:
    text = ("Un porte-parole du ministère a confié à l'agence Belga que le gouvernement "
            "« rejetait les accusations de fraude »." )
    _, atts = attribute(text, "fr")
    assert any("Belga" in h for h in _hops(_by_cue(atts, "rejetait")))


def test_hop_inside_a_quotation_is_quoted_speech() -> None:
    _, atts = attribute("Les élus ont dénoncé « une insulte à la République », considérant que "
                        "le texte était injuste.", "fr")
    assert all(_hops(a) == [] for a in atts)


def test_a_denied_report_is_no_relay() -> None:
    _, atts = attribute("Valmora Motors said there was no truth to a report saying that the plant "
                        "would be sold.", "en")
    for a in atts:
        if a.cue is not None and a.cue.text == "saying":
            assert not any("Valmora" in h for h in _hops(a))


@pytest.mark.parametrize("text,cue,hop", [
    # a channel noun whose preposition is further back than its adjectives
    ("In a never-before-seen interview with the Valmora Herald newspaper, Mayor Ana Kovel denied "
     "the allegations.", "denied", "Valmora Herald"),
    # a known outlet's programme or edition, as written
    ('"There was no basis for this report," spokeswoman Ana Kovel told BBC World from Geneva.',
     "told", "BBC World"),
])
def test_channel_and_programme_hops(text: str, cue: str, hop: str) -> None:
    _, atts = attribute(text, "en")
    assert hop in _hops(_by_cue(atts, cue))


def test_unnamed_source_of_an_outlet() -> None:
    _, atts = attribute("Le Wall Street Journal a publié une fuite sur l'écoute. Une source européenne "
                        "du journal est allée plus loin, affirmant que les Russes étaient responsables.",
                        "fr")
    assert any("Wall Street Journal" in h for h in _hops(_by_cue(atts, "affirmant")))


def test_named_official_of_a_newspaper_is_its_speaker_not_a_relay() -> None:
    _, atts = attribute("Le directeur du journal, Marc Vidal, a affirmé que le titre serait vendu.", "fr")
    assert _hops(_by_cue(atts, "affirmé")) == []
