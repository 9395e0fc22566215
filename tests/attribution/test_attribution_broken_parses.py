"""Speakers and contents where the parser breaks the sentence (French)."""

from __future__ import annotations

import pytest
from tests.fixtures.attribution.cues import one_cue as _one

from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


def test_inverted_subject_after_addressee_is_the_person():
    text = "« Nous n'avons rien signé », a déclaré à l'AFP Paul Verlaine, l'avocat de la société."
    _, atts = attribute(text, "fr")
    a = _one(atts, "déclaré")
    assert a.speaker_name and "Verlaine" in a.speaker_name


def test_past_infinitive_after_a_time_word_is_the_content():
    text = "Le syndicat a démenti jeudi être à l'origine du blocage de l'usine de Lyon."
    _, atts = attribute(text, "fr")
    a = _one(atts, "démenti")
    assert a.content.text.startswith("être à l'origine")


def test_subject_before_a_participle_phrase_speaks():
    text = ("Plus tôt, le Courrier du Nord, en citant des sources, avait rapporté que le maire "
            "avait quitté la ville.")
    _, atts = attribute(text, "fr")
    a = _one(atts, "rapporté")
    assert a.speaker_name and "Courrier" in a.speaker_name
