"""Bare denials: a denial verb with no content found by the other constructions."""

from __future__ import annotations

import pytest

from claimgraph.quick import attribute


@pytest.mark.parametrize("lang,text,cue", [
    ("fr", "Selon la radio locale, le barrage a cédé dans la nuit. La préfecture a démenti "
           "aussitôt.", "démenti"),
    ("fr", "Le syndicat affirme que l'usine fermera en mai. La direction a démenti.", "démenti"),
    ("en", "A local paper reported that the dam had burst. The county denied it, officials said.",
     "denied"),
])
def test_bare_denial_targets_the_claim_before(lang: str, text: str, cue: str) -> None:
    _, atts = attribute(text, lang=lang)
    deny = next(a for a in atts if a.cue and a.cue.text.endswith(cue))
    assert deny.stance == "deny" and deny.cue_class == "deny"
    assert deny.target is not None
    target = next(a for a in atts if a.id == deny.target)
    assert target.stance != "deny" and target.content.start < deny.cue.start


@pytest.mark.parametrize("lang,text,cue", [
    ("fr", "Le syndicat affirme que l'usine fermera en mai. La direction n'a pas démenti.",
     "démenti"),
    ("en", "The plan was rejected. Forty percent of those polled disagreed.", "disagreed"),
])
def test_no_bare_denial(lang: str, text: str, cue: str) -> None:
    _, atts = attribute(text, lang=lang)
    assert not [a for a in atts if a.stance == "deny" and a.cue and cue in a.cue.text]


def test_denial_of_a_claim_noun_the_verb_rules_missed() -> None:
    text = "Un journal a rapporté un accord secret. Le ministre a démenti mardi ces informations."
    _, atts = attribute(text, lang="fr")
    deny = next(a for a in atts if a.cue and "démenti" in a.cue.text)
    assert deny.stance == "deny" and "informations" in deny.content.text


@pytest.mark.parametrize("text,cue", [
    # a French participle carries Voice=Pass whatever its auxiliary: "ont démenti" is active
    ("Un site a annoncé la libération des otages. Les gouvernements concernés ont également "
     "démenti.", "démenti"),
    # "dément" is also an adjective: read so after a name, it is still the verb
    ("Le journal affirme que le club a vendu son attaquant. Dassault dément.", "dément"),
])
def test_bare_denial_the_tagger_misread(text: str, cue: str) -> None:
    _, atts = attribute(text, lang="fr")
    deny = next(a for a in atts if a.cue and a.cue.text.endswith(cue))
    assert deny.stance == "deny"


def test_no_bare_denial_by_a_report() -> None:
    _, atts = attribute("Reports on the minister's resignation dismissed\n\nThe minister said "
                        "on Monday he would stay.", lang="en")
    assert not [a for a in atts if a.cue and "dismissed" in a.cue.text and a.stance == "deny"]
