"""Stance vs cue class, narration, and the general content/speaker rules (French and English),
on sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.fixtures.attribution.cues import one_cue as _one

from claimgraph.config import Config
from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


def test_report_cue_is_an_assertion_with_its_class():
    _, atts = attribute("Le quotidien Le Matin a rapporté que l'usine fermerait en mars.", "fr")
    a = _one(atts, "rapporté")
    assert (a.stance, a.cue_class) == ("assert", "report")


def test_contested_figure_is_a_denial():
    text = "La société a déclaré que le journal avait surestimé le nombre de ses employés."
    _, atts = attribute(text, "fr")
    a = _one(atts, "déclaré")
    assert a.stance == "deny" and a.cue_class == "assert"
    assert a.stance_evidence and "surestimé" in a.stance_evidence


def test_en_dispute_cue_is_a_denial():
    _, atts = attribute("The minister cast doubt on the figures published by the agency.", "en")
    a = _one(atts, "cast")
    assert (a.stance, a.cue_class) == ("deny", "dispute")


NARRATION = Config.load(overrides={"attribution.narration": True})


def test_fr_narration_attributed_to_the_outlet():
    text = (
        "Le ministre a déclaré que les élections auraient lieu en mai.\n\n"
        "Le régime en place tente depuis des mois de museler la presse indépendante du pays."
    )
    _, atts = attribute(text, "fr", outlet="Exemple Info", config=NARRATION)
    nar = [a for a in atts if a.kind == "narration"]
    assert len(nar) == 1
    n = nar[0]
    assert n.speaker is None and n.speaker_name == "Exemple Info"
    assert n.cue_class == "narration" and n.stance == "assert"
    assert [lk.kind for lk in n.via] == ["publisher"]
    assert n.content.text.startswith("Le régime")
    # the minister's statement is not narration
    assert _one(atts, "déclaré").kind == "indirect"


def test_narration_needs_an_outlet_and_the_config_key():
    text = "Le régime en place tente depuis des mois de museler la presse indépendante du pays."
    _, atts = attribute(text, "fr", config=NARRATION)
    assert not [a for a in atts if a.kind == "narration"]
    config = Config.load(overrides={"attribution.narration": False})
    _, atts = attribute(text, "fr", outlet="Exemple Info", config=config)
    assert not [a for a in atts if a.kind == "narration"]


def test_fr_cue_interrupting_its_content():
    text = "La réforme, a expliqué la ministre Anne Roy, entrera en vigueur le mois prochain."
    _, atts = attribute(text, "fr")
    a = _one(atts, "expliqué")
    assert a.content.text.startswith("La réforme") and a.content.text.endswith("prochain")
    assert a.speaker_name == "Anne Roy"


def test_en_cue_interrupting_its_content():
    text = "The museum, Senator Paul Grant said, would open in the spring."
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.content.text.startswith("The museum") and a.content.text.endswith("spring")
    assert a.speaker_name == "Paul Grant"


def test_fr_nested_non_reporting_cue_is_part_of_the_content():
    text = "Le maire a affirmé que le préfet souhaitait fermer la route pendant un mois."
    _, atts = attribute(text, "fr")
    assert _one(atts, "affirmé").content.text.startswith("que le préfet souhaitait")
    assert not [a for a in atts if a.cue is not None and "souhaitait" in a.cue.text]


def test_en_nested_reporting_cue_stays_a_statement():
    text = "The newspaper reported that the senator said the vote was rigged."
    _, atts = attribute(text, "en")
    assert _one(atts, "reported") and _one(atts, "said")


def test_en_object_and_infinitive_contents():
    text = "The governor endorsed the new budget plan. Protesters pledged to remain peaceful."
    _, atts = attribute(text, "en")
    assert _one(atts, "endorsed").content.text == "the new budget plan"
    assert _one(atts, "pledged").content.text == "to remain peaceful"


def test_fr_prepositional_object_content():
    _, atts = attribute("La députée Marie Vidal a appelé à une réforme rapide du code électoral.", "fr")
    a = _one(atts, "appelé")
    assert a.content.text.startswith("une réforme rapide")
    assert a.speaker_name == "Marie Vidal"


def test_quote_of_the_next_paragraph_is_not_the_content():
    text = (
        "« Nous irons jusqu'au bout », a lancé le syndicaliste Marc Petit.\n\n"
        "Il a dit que la grève durerait une semaine."
    )
    _, atts = attribute(text, "fr")
    a = _one(atts, "dit")
    assert a.content.text.startswith("que la grève")
    assert a.speaker_name == "Marc Petit"


def test_en_quote_continued_after_its_cue():
    text = '"We will not give up," Mayor Ana Ortiz said. "The city deserves better."'
    _, atts = attribute(text, "en")
    a = _one(atts, "said")
    assert a.content.text.startswith('"We will') and a.content.text.endswith('better."')


def test_mixed_quotation_marks_close_each_other():
    text = 'Le porte-parole a réclamé "plus de temps” pour le dossier.\n\nLe préfet a confirmé la date.'
    _, atts = attribute(text, "fr")
    assert _one(atts, "confirmé").content.text == "la date"


def test_signed_quotation_and_transcript_line():
    text = '"This is the worst debate I have ever seen." ― Laura Stone\n\nPENCE: We will win this state.'
    _, atts = attribute(text, "en")
    signed = _one(atts, "―")
    assert signed.speaker_name == "Laura Stone" and signed.kind == "direct"
    line = _one(atts, ":")
    assert line.speaker.text == "PENCE" and line.content.text.startswith("We will win this state")


def test_en_according_to_with_a_determiner():
    _, atts = attribute("Turnout rose by ten points, according to the latest survey.", "en")
    a = next(a for a in atts if a.kind == "according_to")
    assert a.content.text.startswith("Turnout rose")
    assert a.cue_class == "according_to"


def test_seed_line_30_is_the_outlets_framing():
    from tests.fixtures.attribution.seed import seed_document

    from claimgraph.attribution import AttributionStage
    from claimgraph.nlp import NlpStage

    doc = seed_document()
    NlpStage(NARRATION).pipe([doc])
    doc = AttributionStage(NARRATION).process(doc)
    nar = [a for a in doc.attributions if a.kind == "narration"]
    assert nar and all(a.speaker_name == "Press TV" and a.speaker is None for a in nar)
    assert any("coup d" in a.content.text and "Guaido" in a.content.text for a in nar)
    assert any("démocratiquement" in a.content.text for a in nar)


@pytest.mark.parametrize("text,lang", [
    ("Kaskar's ambassador to Valmora, Dmitar Kovel, denied the report on Monday.", "en"),
    ("L'ambassadeur de Kaskar à Valmora, Dmitar Kovel, a démenti ces informations.", "fr"),
])
def test_the_apposed_name_is_the_speaker(text: str, lang: str) -> None:
    _, atts = attribute(text, lang)
    assert [a.speaker_name for a in atts] == ["Dmitar Kovel"]


def test_full_name_title_and_surname_are_one_entity() -> None:
    text = ("L'ambassadeur de Kaskar à Valmora, Dmitar Kovel, a démenti ces informations. "
            "« C'est faux », a ajouté M. Kovel. L'ambassadeur a précisé que son pays n'avait rien livré.")
    ents, atts = attribute(text, "fr")
    kovel = next(e for e in ents if e.name == "Dmitar Kovel")
    assert kovel.label == "PER"
    assert {a.speaker_entity for a in atts} == {kovel.id}


def test_according_to_an_outlet_or_a_document_noun() -> None:
    for text in ("Selon le journal, la ville a vendu le terrain en mars.",
                 "Selon le communiqué, quatre officiers ont été interpellés.",
                 "D’après le quotidien, la ville a vendu le terrain."):
        _, atts = attribute(text, "fr")
        assert [a.kind for a in atts] == ["according_to"], text
