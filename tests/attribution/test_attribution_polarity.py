"""A negated fact that answers a claim is a denial, whatever verb carries it (texts we wrote)."""

from __future__ import annotations

import pytest

from claimgraph.quick import attribute

pytestmark = pytest.mark.slow

def _stances(text: str, lang: str) -> list[tuple[str, str]]:
    _, atts = attribute(text, lang)
    return [(a.stance, a.stance_evidence or "") for a in atts if a.kind != "narration"]

@pytest.mark.parametrize("text,lang,word", [
    ("Le quotidien Le Matin a publié des allégations sur un convoi d'armes. « Il n'y a aucun convoi "
     "sur notre territoire », a déclaré le porte-parole de l'armée.", "fr", "aucun"),
    ("Des rumeurs circulent sur un accord secret. Le ministre a assuré qu'il n'avait jamais "
     "rencontré les dirigeants du groupe.", "fr", "jamais"),
    ("The Daily Courier published allegations about a secret meeting. \"There was no meeting at "
     "the harbour,\" the mayor's spokeswoman said.", "en", "no"),
    ("A report claimed the council sold the land. The council said it had never sold any land.",
     "en", "never"),
    # the claim named in the content itself
    ("\"The deal described in the newspaper's report was never signed,\" a spokesman said.", "en",
     "never"),
])
def test_a_negated_fact_after_a_claim_denies(text: str, lang: str, word: str) -> None:
    assert ("deny", word) in _stances(text, lang)

@pytest.mark.parametrize("text,lang,word", [
    # a negated past infinitive after the cue: what the speaker says they did not do
    ("Un hebdomadaire a rapporté que le club avait payé un agent. Le club assure ne pas avoir versé "
     "d'argent à cet agent.", "fr", "versé"),
    ("Un journal affirme que l'armée a bombardé le marché. L'armée réaffirme n'avoir jamais visé "
     "de civils.", "fr", "visé"),
])
def test_a_negated_past_infinitive_after_a_claim_denies(text: str, lang: str, word: str) -> None:
    stances = _stances(text, lang)
    assert any(s == "deny" and e.endswith(word) for s, e in stances), stances

@pytest.mark.parametrize("text,lang", [
    # no claim in the paragraph or the one before: a plain negative statement
    ("Le ministre a assuré qu'il n'avait jamais rencontré les dirigeants du groupe.", "fr"),
    ("\"There was no meeting at the harbour,\" the mayor's spokeswoman said.", "en"),
    # after a claim, but what will or would be, an order, a comparison: no denial
    ("A report claimed the council sold the land. \"Nothing will be sold this year,\" the mayor said.",
     "en"),
    ("A report claimed the council sold the land. \"Nobody is more careful than us,\" the mayor said.",
     "en"),
])
def test_negation_without_a_claim_or_fact_asserts(text: str, lang: str) -> None:
    assert [s for s, _ in _stances(text, lang)] and all(s != "deny" for s, _ in _stances(text, lang))

@pytest.mark.parametrize("text,speaker,content", [
    ("Le gouvernement malien dément toute implication dans l'incendie du port.",
     "Le gouvernement malien", "toute implication dans l'incendie du port"),
    ("Le ministère dément les informations relayées par la radio locale.",
     "Le ministère", "les informations relayées par la radio locale"),
    # a headline without a full stop, where the parser cuts the sentence after the verb
    ("Paris dément la libération des otages", "Paris", "la libération des otages"),
])
def test_a_denial_verb_read_as_an_adverb_keeps_its_object(text: str, speaker: str, content: str) -> None:
    # "dément" is also an adjective ("fou"); the tagger often reads the verb as a modifier
    _, atts = attribute(text, "fr")
    denials = [a for a in atts if a.stance == "deny"]
    assert [(a.speaker.text if a.speaker else None, a.content.text) for a in denials] == [(speaker, content)]

def test_a_role_is_not_the_person_a_statement_spoke_of() -> None:
    # the nearest person before "le porte-parole" is the one the denial is about
    text = ("Le gouvernement malien dément le décès de Moussa Keita. Le porte-parole du "
            "gouvernement a démenti lundi la nouvelle.")
    _, atts = attribute(text, "fr")
    names = [a.speaker_name for a in atts if a.cue is not None and a.cue.text == "a démenti"]
    assert names == ["Le porte-parole du gouvernement"]
