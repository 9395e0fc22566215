"""Denials as participles, claims held by someone, sentence-initial sources and speaker choice
(sentences written for these tests, French and English)."""

from __future__ import annotations

import pytest
from tests.fixtures.attribution.cues import one_cue as _one

from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


def test_en_participle_denial_is_its_own_statement_and_targets_the_claim():
    text = (
        "The mayor's office said fewer than 200 people attended, "
        "disputing the organisers' claim that 5,000 had marched."
    )
    _, atts = attribute(text, "en")
    said = _one(atts, "said")
    assert said.content.text == "fewer than 200 people attended"
    deny = _one(atts, "disputing")
    assert deny.stance == "deny"
    assert deny.speaker_name == said.speaker_name
    assert deny.content.text == "the organisers' claim"
    claim = _one(atts, "claim")
    assert claim.stance == "assert" and "organisers" in (claim.speaker_name or "")
    assert claim.content.text == "that 5,000 had marched"
    assert deny.target == claim.id


def test_en_denial_of_a_held_assertion():
    _, atts = attribute("The senator rejected the governor's assertion that the budget was balanced.", "en")
    deny = _one(atts, "rejected")
    claim = _one(atts, "assertion")
    assert claim.content.text == "that the budget was balanced"
    assert deny.content.text == "the governor's assertion"
    assert deny.target == claim.id


def test_fr_participle_denial_after_an_assertion():
    text = (
        "La mairie a assuré que 200 personnes seulement étaient présentes, contestant "
        "l'affirmation des organisateurs."
    )
    _, atts = attribute(text, "fr")
    said = _one(atts, "assuré")
    assert said.content.text == "que 200 personnes seulement étaient présentes"
    deny = _one(atts, "contestant")
    assert deny.stance == "deny" and deny.speaker_name == "La mairie"
    assert deny.content.text == "l'affirmation des organisateurs"


def test_fr_contested_figure_and_counter_claim():
    text = "La direction de l'usine a contesté ce bilan, assurant que la production continuait."
    _, atts = attribute(text, "fr")
    deny = _one(atts, "contesté")
    assert deny.stance == "deny" and deny.content.text == "ce bilan"
    counter = _one(atts, "assurant")
    assert counter.stance == "deny" and counter.speaker_name == deny.speaker_name


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("Selon la préfecture, le pont restera fermé.", "la préfecture", "le pont restera fermé"),
        (
            "Selon le service des eaux, la nappe a encore baissé en mai.",
            "le service des eaux",
            "la nappe a encore baissé en mai",
        ),
    ],
)
def test_fr_sentence_initial_selon_an_institution(text, speaker, content):
    _, atts = attribute(text, "fr")
    acc = next(a for a in atts if a.kind == "according_to")
    assert acc.speaker.text == speaker and acc.content.text == content


def test_fr_selon_meaning_depending_on_is_no_source():
    _, atts = attribute("Selon les cas, la peine varie beaucoup.", "fr")
    assert not [a for a in atts if a.kind == "according_to"]


def test_en_speaker_before_a_time_phrase():
    text = "The agency's director, Ruth Amsel, on Friday rejected the findings of the audit."
    _, atts = attribute(text, "en")
    assert _one(atts, "rejected").speaker_name == "Ruth Amsel"


def test_en_plural_description_is_not_a_named_person_of_the_content():
    text = (
        "The plant will close in June, according to officials close to the plans.\n\n"
        "The closure is a blow for Mayor Tom Ruddle, who had promised new jobs, the officials said."
    )
    _, atts = attribute(text, "en")
    said = _one(atts, "said")
    assert said.speaker_name == "officials close to the plans"


@pytest.mark.parametrize("lang,text", [
    ("fr", "Selon Ilse Brandt, secrétaire du syndicat, neuf dockers sur dix ont cessé le travail. "
           "La direction du port a contesté ce chiffre."),
    ("en", "According to union leader Ilse Brandt, nine in ten dockers stopped work. "
           "The port authority disputed this figure."),
])
def test_demonstrative_denial_targets_previous_statement(lang: str, text: str) -> None:
    _, atts = attribute(text, lang=lang)
    claim = next(a for a in atts if a.speaker_name and "Brandt" in a.speaker_name)
    denial = next(a for a in atts if a.stance == "deny")
    assert denial.target == claim.id


def test_participle_counter_claim_disputes_the_same_statement() -> None:
    text = ("Selon Ilse Brandt, secrétaire du syndicat, neuf dockers sur dix ont cessé le travail. "
            "La direction du port a contesté ce chiffre, affirmant que moins de la moitié des "
            "équipes avaient débrayé.")
    _, atts = attribute(text, lang="fr")
    claim = next(a for a in atts if a.speaker_name and "Brandt" in a.speaker_name)
    counter = next(a for a in atts if a.cue and a.cue.text == "affirmant")
    assert (counter.stance, counter.cue_class, counter.target) == ("deny", "dispute", claim.id)


@pytest.mark.parametrize("lang,text,cue", [
    ("en", "The mayor refused to name the contractor, saying the inquiry was still open.", "saying"),
    ("fr", "Le maire a dit que le chantier reprendrait, ajoutant que les délais seraient tenus.",
     "ajoutant"),
])
def test_no_counter_claim_without_a_denial_of_a_claim(lang: str, text: str, cue: str) -> None:
    _, atts = attribute(text, lang=lang)
    said = next(a for a in atts if a.cue and a.cue.text == cue)
    assert said.stance == "assert"


@pytest.mark.parametrize("text,lang,cue,denies", [
    ("« C'est totalement faux », a déclaré le ministre.", "fr", "déclaré", True),
    ("The spokesman said the report was untrue.", "en", "said", True),
    ("Le ministre a qualifié ces accusations de mensonges.", "fr", "qualifié", True),
    ("Le ministère a qualifié le message du journal de « fake news ».", "fr", "qualifié", True),
    ("Le porte-parole a évoqué des rumeurs infondées sur la fermeture du site.", "fr", "évoqué", True),
    # an evaluative word that is not what the content says is no denial
    ("The senator warned voters about fake candidates in the primary.", "en", "warned", False),
    ("Le maire a annoncé une campagne contre les fausses annonces immobilières.", "fr", "annoncé", False),
])
def test_falsity_word_denies_only_as_the_predicate(text: str, lang: str, cue: str, denies: bool) -> None:
    _, atts = attribute(text, lang)
    a = next(a for a in atts if a.cue is not None and cue in a.cue.text)
    assert (a.stance == "deny") is denies, (a.stance, a.stance_evidence, a.content.text)


def test_denial_object_after_adverbials() -> None:
    _, atts = attribute("La présidence a démenti « totalement » lundi les affirmations du quotidien.", "fr")
    a = next(a for a in atts if a.cue is not None and "démenti" in a.cue.text)
    assert (a.content.text, a.stance) == ("les affirmations du quotidien", "deny")


def test_phrasal_denial_cues() -> None:
    _, atts = attribute("The runner hit back at the doping allegations on Thursday.", "en")
    a = next(a for a in atts if a.cue is not None and "hit back" in a.cue.text)
    assert a.stance == "deny" and a.content.text.startswith("the doping allegations")


def test_denial_verb_tagged_as_a_modifier() -> None:
    # the tagger reads "dément" as an adverb here; it is the verb of "Le ministère"
    _, atts = attribute("Le ministère dément catégoriquement les allégations rapportées par ce "
                        "journal.", "fr")
    a = next(a for a in atts if a.cue is not None and a.cue.text == "dément")
    assert (a.speaker.text, a.content.text, a.stance) == (  # type: ignore[union-attr]
        "Le ministère", "les allégations rapportées par ce journal", "deny")
