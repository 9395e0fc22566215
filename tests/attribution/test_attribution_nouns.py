"""Noun, adjective and adverb cues, passive cues, headlines and transcripts, content extent
(objects, interrupted sentences and quotations), French and English, on sentences written for
these tests."""

from __future__ import annotations

import pytest
from tests.fixtures.attribution.cues import one_cue as _one

from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


def test_en_noun_cue_with_possessor():
    _, atts = attribute("Hillary Clinton's claim that the economy grew was disputed.", "en")
    a = _one(atts, "claim")
    assert a.content.text == "that the economy grew"
    assert a.speaker_name == "Hillary Clinton" and a.cue_class == "report"


def test_en_noun_cue_after_support_verb():
    _, atts = attribute("The governor expressed concern that the plan would fail.", "en")
    a = _one(atts, "concern")
    assert a.content.text == "that the plan would fail"
    assert a.speaker is not None and a.speaker.text == "The governor"


def test_en_attitude_adjective():
    _, atts = attribute("Senator Jane Miles has been critical of the new tariffs since May.", "en")
    a = _one(atts, "critical")
    assert a.content.text == "the new tariffs"
    assert a.speaker_name == "Jane Miles"


def test_en_called_object_and_predicate():
    _, atts = attribute("The mayor called the budget a disaster for the city.", "en")
    a = _one(atts, "called")
    assert a.content.text == "the budget a disaster for the city"


def test_en_called_for():
    _, atts = attribute("The union called for a freeze on school closures.", "en")
    a = _one(atts, "called")
    assert a.content.text == "a freeze on school closures"


def test_en_told_addressee_then_quotation():
    _, atts = attribute("Ms. Vance told reporters, “We will not back down on this.”", "en")
    a = _one(atts, "told")
    assert a.kind == "direct" and a.content.text.startswith("“We will")


def test_fr_noun_cue_after_support_verb():
    _, atts = attribute("Le ministre a exprimé sa crainte que la réforme échoue.", "fr")
    a = _one(atts, "crainte")
    assert a.content.text == "que la réforme échoue"
    assert a.speaker is not None and a.speaker.text == "Le ministre"


def test_fr_noun_cue_with_holder():
    _, atts = attribute("L'affirmation du gouvernement que les prix vont baisser a été contestée.", "fr")
    a = _one(atts, "affirmation")
    assert a.content.text == "que les prix vont baisser" and a.cue_class == "report"


def test_fr_attitude_participle():
    _, atts = attribute("Le syndicat est convaincu que le projet échouera.", "fr")
    a = _one(atts, "convaincu")
    assert a.content.text == "que le projet échouera" and a.stance == "estimate"


def test_en_signed_quotations_with_glued_dash_and_reversed_mark():
    text = (
        "Readers reacted.\n\n”The speech was a disgrace. We deserve better.” ― Ana Ruiz\n"
        "“He never answered the question about schools.”― Tom Baker"
    )
    _, atts = attribute(text, "en")
    names = [a.speaker_name for a in atts if a.kind == "direct"]
    assert names == ["Ana Ruiz", "Tom Baker"]


def test_en_colon_cue_takes_the_next_paragraph():
    text = "The mayor spoke for an hour. She added:\n\nThe budget is balanced. Nobody will be laid off."
    _, atts = attribute(text, "en")
    a = _one(atts, "added")
    assert a.content.text == "The budget is balanced. Nobody will be laid off"


def test_en_verb_before_colon_is_a_cue():
    _, atts = attribute("Mr. Doyle continued: “We have the votes and we will use them.”", "en")
    a = _one(atts, "continued")
    assert a.kind == "direct" and a.speaker_name in ("Doyle", "Mr. Doyle")


def test_en_headline_with_colon_quote():
    text = "Maria Lopez Confronts Bank Chief: “You Should Resign Today.”\n\nThe hearing lasted hours."
    _, atts = attribute(text, "en")
    a = _one(atts, ":")
    assert (a.speaker_name or "").startswith("Maria Lopez") and a.content.text.startswith("“You Should")


def test_en_headline_cue_takes_the_rest_of_the_line():
    _, atts = attribute("Former Aide Reveals ‘Tense’ Meetings Inside The Campaign.\n\nHe left in May.", "en")
    a = _one(atts, "Reveals")
    assert a.content.text.startswith("‘Tense’ Meetings")


def test_fr_colon_cue_takes_the_next_paragraph():
    text = "La ministre a répondu aux députés. Elle a ajouté :\n\nLe budget sera voté en mai. Rien ne change."
    _, atts = attribute(text, "fr")
    a = _one(atts, "ajouté")
    assert a.content.text == "Le budget sera voté en mai. Rien ne change"


def test_fr_verb_before_colon_is_a_cue():
    _, atts = attribute("Le porte-parole a continué : « Nous irons jusqu'au bout de cette réforme. »", "fr")
    a = _one(atts, "continué")
    assert a.kind == "direct"


def test_en_object_content_runs_over_the_verb_modifiers():
    _, atts = attribute("Senator Cole grilled the bank chief on Tuesday for his role in the scheme.", "en")
    a = _one(atts, "grilled")
    assert a.content.text == "the bank chief on Tuesday for his role in the scheme"


def test_en_cue_between_commas_interrupts_the_content():
    text = "The first vote was calm, he said, and the second one will be much harder."
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.content.text.startswith("The first vote") and a.content.text.endswith("much harder")


def test_en_citing_a_fact_is_a_statement_citing_a_source_is_a_relay():
    _, atts = attribute("The plan failed, the mayor said, citing the rising costs.", "en")
    a = _one(atts, "citing")
    assert a.content.text == "the rising costs" and a.speaker_name == "the mayor"
    _, atts = attribute("The plant will close, the firm said, citing Reuters.", "en")
    assert not [x for x in atts if x.cue is not None and "citing" in x.cue.text]


def test_fr_cue_between_commas_interrupts_the_content():
    text = "Le premier vote était calme, a expliqué le ministre, et le second sera beaucoup plus difficile."
    _, atts = attribute(text, "fr")
    a = _one(atts, "expliqué")
    assert a.content.text.startswith("Le premier vote") and a.content.text.endswith("plus difficile")


def test_en_addressee_object_is_not_the_content():
    _, atts = attribute("The senator told reporters after the hearing.", "en")
    assert not [a for a in atts if a.content.text.startswith("reporters")]


def test_en_in_a_poll_is_a_source():
    _, atts = attribute("In the latest poll, the mayor leads her rival by six points.", "en")
    a = _one(atts, "In")
    assert a.kind == "according_to" and a.speaker is not None and a.speaker.text == "the latest poll"
    assert a.content.text == "the mayor leads her rival by six points"
    _, atts = attribute("He grew up in a house near the study area.", "en")
    assert not atts


def test_fr_dans_un_sondage_is_a_source():
    _, atts = attribute("Dans un sondage publié lundi, la candidate arrive en tête avec 30 % des voix.", "fr")
    a = _one(atts, "Dans")
    assert a.kind == "according_to" and a.content.text.startswith("la candidate arrive")


def test_en_coordinated_cue_ends_the_first_content():
    text = "Fowler said the talks would be tense, and he noted that any change would come later."
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == "the talks would be tense"
    assert _one(atts, "noted").content.text == "that any change would come later"


def test_fr_coordinated_cue_ends_the_first_content():
    text = "Le maire a dit que les travaux dureront un an et il a précisé que la rue restera ouverte."
    _, atts = attribute(text, "fr")
    assert _one(atts, "précisé").content.text == "que la rue restera ouverte"


def test_en_as_someone_put_it():
    text = "The main test is a lawful source of income, as a Treasury memo put it."
    _, atts = attribute(text, "en")
    a = _one(atts, "put")
    assert a.content.text == "The main test is a lawful source of income"
    assert a.speaker is not None and a.speaker.text == "a Treasury memo"


def test_en_cue_with_an_odd_lemma():
    _, atts = attribute("Mr. Hale hoped the utilities would pay for the credits.", "en")
    a = _one(atts, "hoped")
    assert a.content.text == "the utilities would pay for the credits" and a.stance == "estimate"


def test_en_quoted_transcript_turn_runs_over_its_paragraphs():
    text = (
        '"HOST: Will she be there?\n\n'
        '"KANE: Well, look, she will not. He knows that.\n\n'
        '"But the truth is that he speaks his mind.\n\n'
        '"HOST: Senator, I want to ask one more thing.'
    )
    _, atts = attribute(text, "en")
    turns = [(a.speaker_name, a.content.text) for a in atts if a.cue is not None and a.cue.text == ":"]
    assert [n for n, _ in turns] == ["HOST", "KANE", "HOST"]
    assert turns[1][1].endswith("he speaks his mind")
    assert turns[2][1] == "Senator, I want to ask one more thing"


def test_en_passive_cue_with_agent():
    _, atts = attribute("The budget gap was first reported by The Daily Ledger.", "en")
    a = _one(atts, "reported")
    assert a.content.text == "The budget gap"
    assert a.speaker is not None and "Daily Ledger" in a.speaker.text


def test_fr_passive_cue_with_agent():
    _, atts = attribute("Le projet de loi a été critiqué par le syndicat des enseignants.", "fr")
    a = _one(atts, "critiqué")
    assert a.content.text == "Le projet de loi"
    assert a.speaker is not None and a.speaker.text.startswith("le syndicat")


def test_en_reportedly_marks_a_report():
    _, atts = attribute("The mayor was arrested after he allegedly took bribes from two firms.", "en")
    a = _one(atts, "allegedly")
    assert a.content.text == "he allegedly took bribes from two firms" and a.cue_class == "report"


def test_en_quotations_after_an_indirect_content_go_on():
    text = (
        "“I admire the mechanics” of the tax plan, Mr. Holt said. “They are more detailed than the others.”"
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.content.text.endswith("than the others.”")


def test_en_relative_clause_of_the_speaker_does_not_stop_the_quotation():
    text = (
        "“Now is the time to act,” said Ann Ford, who led the party and has backed the senator. "
        "“The plan should be ready tonight.”"
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.kind == "direct" and a.content.text.endswith("ready tonight.”")


def test_en_attitude_verbs_are_support_cues():
    _, atts = attribute("The union embraced the proposal for a shorter week.", "en")
    a = _one(atts, "embraced")
    assert a.cue_class == "support" and a.content.text == "the proposal for a shorter week"


def test_fr_attitude_verbs_are_support_cues():
    _, atts = attribute("Le syndicat a approuvé la proposition de semaine courte.", "fr")
    a = _one(atts, "approuvé")
    assert a.cue_class == "support" and a.content.text == "la proposition de semaine courte"


def test_en_see_object_as():
    _, atts = attribute("Some critics saw the remark as a dig at the military.", "en")
    a = _one(atts, "saw")
    assert a.content.text == "the remark as a dig at the military" and a.speaker_name == "Some critics"
    _, atts = attribute("Some critics saw the parade.", "en")
    assert not atts


def test_fr_voir_objet_comme():
    _, atts = attribute("Les opposants voient ce plan comme un cadeau aux banques.", "fr")
    a = _one(atts, "voient")
    assert a.content.text == "ce plan comme un cadeau aux banques"


def test_en_quotation_interrupted_by_cue_and_participle():
    text = "“Every time you say that,” Ms. Lane said, pointing at the chart, “you prove our case.”"
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.kind == "direct" and a.content.text.endswith("you prove our case.”")


def test_fr_euphonic_t_is_not_the_speaker():
    text = (
        "Le ministre de l'Économie, Paul Vidal, a affirmé lundi que la croissance atteindrait 2 % "
        "cette année. « Nous tiendrons nos objectifs », a-t-il ajouté. L'opposition est restée "
        "silencieuse. Selon l'Insee, le chômage a reculé."
    )
    _, atts = attribute(text, "fr")
    a = _one(atts, "ajouté")
    assert a.speaker is not None and a.speaker.text == "-il" and a.speaker_name == "Paul Vidal"


def test_en_content_before_told_with_addressee():
    text = "The council could approve the budget in June, Mayor Ann Wells told the Ledger on Thursday."
    _, atts = attribute(text, "en")
    a = _one(atts, "told")
    assert a.content.text == "The council could approve the budget in June" and a.speaker_name == "Ann Wells"


def test_en_headline_with_trailing_says():
    text = "Mayor Hid Budget Gap From Council, Former Aide Says.\n\nThe council met on Monday."
    _, atts = attribute(text, "en")
    a = _one(atts, "Says")
    assert a.content.text == "Mayor Hid Budget Gap From Council"
