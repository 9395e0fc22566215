"""The content itself denies: a denial verb with a pronoun subject, a denial noun given (texts
we wrote)."""

from __future__ import annotations

import pytest

from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


def _stance_of(text: str, lang: str, cue: str) -> str:
    _, atts = attribute(text, lang)
    found = [a for a in atts if a.cue is not None and cue in a.cue.text]
    assert found, [(a.cue.text if a.cue else None, a.content.text) for a in atts]
    return found[0].stance


@pytest.mark.parametrize("text,lang,cue", [
    ("Le journal accuse le maire d'avoir touché des fonds. « Je conteste toute implication dans "
     "cette affaire », a poursuivi l'avocat de l'élu.", "fr", "poursuivi"),
    ("La radio a annoncé la mort du chanteur. « J'apporte un démenti formel », a déclaré son "
     "agent.", "fr", "déclaré"),
    ("\"We totally reject the story published by the paper,\" the club's chairman said.", "en",
     "said"),
])
def test_a_content_that_denies(text: str, lang: str, cue: str) -> None:
    assert _stance_of(text, lang, cue) == "deny"


@pytest.mark.parametrize("text,lang,cue", [
    # someone else's denial relayed, a refusal of an act, a negated denial: no denial by the speaker
    ("Le porte-parole a expliqué que le Sénat avait rejeté le projet de loi.", "fr", "expliqué"),
    ("\"I refuse to let anger guide me,\" the mayor said.", "en", "said"),
    ("« Je ne conteste pas ces chiffres », a déclaré le ministre.", "fr", "déclaré"),
])
def test_a_content_that_does_not_deny(text: str, lang: str, cue: str) -> None:
    assert _stance_of(text, lang, cue) != "deny"


def test_doubting_a_claim_disputes_it() -> None:
    text = "A weekly paper said the mayor had resigned. City officials doubted the paper's report."
    _, atts = attribute(text, "en")
    found = [a for a in atts if a.cue is not None and "doubted" in a.cue.text]
    assert found and found[0].stance == "deny" and found[0].cue_class == "dispute"


def test_doubting_a_clause_is_a_belief() -> None:
    _, atts = attribute("The coach doubted that the striker would play on Sunday.", "en")
    found = [a for a in atts if a.cue is not None and "doubted" in a.cue.text]
    assert found and found[0].stance != "deny"
