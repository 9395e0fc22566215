"""Parser misreadings around cues: inverted subjects, clitics, nouns of saying under a cue."""

from __future__ import annotations

import pytest
from tests.fixtures.attribution.cues import one_cue as _one

from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


def test_fr_inverted_subject_is_not_the_content():
    text = "Le barrage sera fermé pendant deux semaines pour des travaux urgents, disent les ingénieurs."
    _, atts = attribute(text, "fr")
    a = _one(atts, "disent")
    assert "ingénieurs" not in a.content.text
    assert "barrage" in a.content.text
    assert a.speaker is not None and "ingénieurs" in a.speaker.text


def test_fr_object_clitic_is_not_the_speaker():
    text = ("Comme l'a rappelé la porte-parole de la mairie, Julie Morel, les travaux commenceront "
            "en mars.")
    _, atts = attribute(text, "fr")
    a = _one(atts, "rappelé")
    assert a.speaker is not None and a.speaker.text not in ("l'", "l’")
    assert a.speaker_name == "Julie Morel" or "porte-parole" in a.speaker.text


def test_fr_indirect_object_pronoun_is_not_the_speaker():
    text = "« Le dossier est complet », nous a expliqué la directrice de l'école, Anne Leroy."
    _, atts = attribute(text, "fr")
    speakers = [a.speaker.text for a in atts if a.speaker is not None]
    assert "nous" not in speakers


def test_en_holderless_noun_under_a_cue_is_no_statement():
    text = "The ministry on Monday denied reports that the steel plant would close next year."
    _, atts = attribute(text, "en")
    a = _one(atts, "denied")
    assert "plant" in a.content.text
    assert not [b for b in atts if b.cue is not None and b.cue.text == "reports"]


def test_en_continued_after_a_quotation_is_a_cue():
    text = ('"We will not give up on this town," Mayor Ruth Calder continued. '
            "Prices continued to rise all year.")
    _, atts = attribute(text, "en")
    found = [a for a in atts if a.cue is not None and a.cue.text == "continued"]
    assert len(found) == 1
    assert found[0].kind == "direct" and found[0].speaker_name == "Ruth Calder"


@pytest.mark.parametrize("text,word", [
    ("Le ministère a démenti samedi 12 mars des informations du journal local.", "informations"),
    ("L'avocat a contesté lundi auprès de la presse toute implication de son client.", "implication"),
])
def test_fr_denial_object_after_time_and_prepositional_phrases(text: str, word: str):
    _, atts = attribute(text, "fr")
    a = next(a for a in atts if a.cue is not None and a.cue.text.startswith("a "))
    assert word in a.content.text and "presse" not in a.content.text


def test_en_quoted_as_saying_gives_both_statements_the_words():
    text = ("The Daily Ledger quoted Governor Tom Hale as telling donors that the budget would be "
            "cut by half.")
    _, atts = attribute(text, "en")
    quoted, telling = _one(atts, "quoted"), _one(atts, "telling")
    assert "budget" in quoted.content.text and "Hale" not in quoted.content.text
    assert telling.content.text == quoted.content.text
    assert telling.speaker_name == "Tom Hale"
