"""Event types, actor coding, dates and provenance on sentences written for these tests."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from claimgraph.config import Config
from claimgraph.events import extract_events
from claimgraph.model import Attribution, Document, Origin, Published, Span
from claimgraph.nlp import NlpStage

pytestmark = pytest.mark.slow
CASES = tomllib.loads((Path(__file__).parents[1] / "fixtures" / "events" / "sentences.toml")
                      .read_text(encoding="utf-8"))["case"]


@pytest.fixture(scope="module")
def config() -> Config:
    return Config.load()


def make(text: str, lang: str, published: str = "2024-05-10") -> Document:
    """A document of ``text``, parsed by the nlp stage."""
    doc = Document(id="t", origin=Origin(kind="text"), text=text, language=lang,
                   published=Published(date=published, source="input"))
    NlpStage(Config.load()).pipe([doc])
    return doc


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}-{c['type']}" for c in CASES])
def test_type_and_parties(case: dict, config: Config) -> None:
    events = extract_events(make(case["text"], case["lang"]), config)
    found = [e for e in events if e.type == case["type"]]
    assert found, [(e.type, e.trigger.text) for e in events]
    ev = found[0]
    assert ev.actor is not None and ev.actor.country == case["actor"]
    if case.get("recipient"):
        assert ev.recipient is not None and ev.recipient.country == case["recipient"]
    assert case["text"][ev.trigger.start:ev.trigger.end] == ev.trigger.text


def test_every_type_is_covered_in_both_languages() -> None:
    for lang in ("fr", "en"):
        types = {c["type"] for c in CASES if c["lang"] == lang}
        assert len(types) >= 18, sorted(types)


def test_capital_metonyms_and_demonyms(config: Config) -> None:
    ev = extract_events(make("Moscou a livré des armes à Caracas.", "fr"), config)[0]
    assert (ev.type, ev.actor.country, ev.actor.sector) == ("AID", "RUS", "GOV")
    assert (ev.recipient.country, ev.recipient.sector) == ("VEN", "GOV")
    ev = extract_events(make("Washington imposed sanctions on Tehran.", "en"), config)[0]
    assert (ev.type, ev.actor.country, ev.actor.sector) == ("SANCTION", "USA", "GOV")
    assert ev.recipient.country == "IRN"
    ev = extract_events(make("Des soldats russes ont arrêté trois journalistes ukrainiens.",
                             "fr"), config)[0]
    assert (ev.type, ev.actor.country, ev.actor.sector) == ("COERCE", "RUS", "MIL")
    assert (ev.recipient.country, ev.recipient.sector) == ("UKR", "MED")


def test_state_company_and_opposition_sectors(config: Config) -> None:
    text = "La société d'État russe Rostec a livré des hélicoptères au Mali."
    ev = extract_events(make(text, "fr"), config)[0]
    assert (ev.actor.country, ev.actor.sector, ev.actor.state_owned) == ("RUS", "BUS", True)
    ev = extract_events(make("L'opposition biélorusse a manifesté à Minsk.", "fr"), config)[0]
    assert (ev.type, ev.actor.country, ev.actor.sector) == ("PROTEST", "BLR", "OPP")


def test_user_actor_file_extends_the_dictionary(tmp_path: Path) -> None:
    extra = tmp_path / "actors.toml"
    extra.write_text('[orgs.Zorbank]\nnames = ["Zorbank"]\ncountry = "KEN"\nsector = "BUS"\n',
                     encoding="utf-8")
    cfg = Config.load(overrides={"events.actor_files": [str(extra)]})
    ev = extract_events(make("Zorbank donated medicine to Uganda.", "en"), cfg)[0]
    assert (ev.actor.country, ev.actor.sector) == ("KEN", "BUS")
    plain = extract_events(make("Zorbank donated medicine to Uganda.", "en"), Config.load())
    assert not plain or plain[0].actor.country is None


def test_dates_from_text_and_publication(config: Config) -> None:
    doc = make("Le Japon a envoyé une aide humanitaire au Népal lundi.", "fr", "2019-06-04")
    ev = extract_events(doc, config)[0]
    assert (ev.date, ev.date_source) == ("2019-06-03", "text")
    assert ev.date_span is not None and ev.date_span.text == "lundi"
    ev = extract_events(make("Japan sent aid to Nepal.", "en", "2019-06-04"), config)[0]
    assert (ev.date, ev.date_source) == ("2019-06-04", "published")
    ev = extract_events(make("Japan sent aid to Nepal in 1998.", "en", "2019-06-04"), config)[0]
    assert ev.date == "1998"


def test_background_has_no_fresh_date(config: Config) -> None:
    text = "La Turquie avait livré des armes à la Libye."
    ev = extract_events(make(text, "fr", "2019-06-04"), config)[0]
    assert ev.type == "AID" and ev.background is True and ev.date is None
    ev = extract_events(make("Turkey had sent weapons to Libya.", "en"), config)[0]
    assert ev.background is True and ev.date is None


def test_negated_and_considered_acts_are_not_events(config: Config) -> None:
    assert not extract_events(make("La Chine n'envisage pas de livrer des armes à l'Iran.",
                                   "fr"), config)
    assert not extract_events(make("Egypt did not arrest the protesters.", "en"), config)


def test_promises_and_threats(config: Config) -> None:
    ev = extract_events(make("Norway will send medical aid to Yemen.", "en"), config)[0]
    assert ev.type == "AGREE"
    ev = extract_events(make("L'Inde menace de bombarder les camps pakistanais.", "fr"),
                        config)[0]
    assert (ev.type, ev.actor.country) == ("THREATEN", "IND")


def test_asserted_denied_and_outlet(config: Config) -> None:
    text = ("Le journal Al Masry a rapporté que l'Égypte a expulsé des diplomates turcs. "
            "Le ministre turc a démenti cette information. "
            "La Grèce a condamné la Turquie.")
    doc = make(text, "fr")

    def span(a: str, b: str) -> Span:
        s = text.index(a)
        e = text.index(b, s) + len(b)
        return Span(start=s, end=e, text=text[s:e])

    doc.attributions = [
        Attribution(id="A1", cue=span("a rapporté", "a rapporté"),
                    content=span("que l'Égypte", "turcs"), kind="indirect", stance="assert"),
        Attribution(id="A2", cue=span("a démenti", "a démenti"),
                    content=span("cette", "information"), kind="indirect", stance="deny",
                    target="A1"),
    ]
    events = {e.type: e for e in extract_events(doc, config)}
    sanction = events["SANCTION"]
    assert sanction.asserted_by == ["A1"] and sanction.denied_by == ["A2"]
    assert sanction.status == "denied"
    assert events["DISAPPROVE"].asserted_by == ["outlet"]
    assert events["DISAPPROVE"].status == "stated_by_outlet"
    doc.attributions[1].stance = "dispute"
    assert {e.type: e for e in extract_events(doc, config)}["SANCTION"].status == "disputed"


def _types(text: str, lang: str, config: Config) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.actor.country if e.actor else None,
             e.recipient.country if e.recipient else None)
            for e in extract_events(make(text, lang), config)]


def test_event_noun_object_is_the_content_of_the_verb(config: Config) -> None:
    # the offer is what is rejected: one REJECT whose recipient made the offer
    assert _types("Chile rejected a Peruvian offer of talks.", "en", config) == \
        [("REJECT", "CHL", "PER")]
    assert _types("Le Chili a refusé l'offre péruvienne de négociations.", "fr", config) == \
        [("REJECT", "CHL", "PER")]


def test_predicate_adjective_and_stative_passive_keep_the_subject(config: Config) -> None:
    assert _types("Norway is ready to send doctors to Yemen.", "en", config)[0][:2] == \
        ("AGREE", "NOR")
    assert _types("Egypt is opposed to a Turkish naval exercise.", "en", config) == \
        [("REJECT", "EGY", "TUR")]
    assert _types("La Norvège est prête à envoyer des médecins au Yémen.", "fr", config) == \
        [("AGREE", "NOR", "YEM")]
    assert _types("Malian soldiers were engaged in heavy fighting near Gao.", "en",
                  config)[0][:2] == ("FIGHT", "MLI")


def test_event_noun_takes_the_subject_of_its_verb(config: Config) -> None:
    assert ("PROTEST", "MLI", None) in [
        (t, a, None) for t, a, _r in _types("Malian teachers continued their hunger strike.",
                                            "en", config)]


def test_conditional_act_is_a_threat(config: Config) -> None:
    assert _types("Ghana will recall its ambassador from Togo unless the border reopens.",
                  "en", config)[0][:2] == ("THREATEN", "GHA")
    assert _types("Le Ghana rappellera son ambassadeur au Togo à moins que la frontière "
                  "rouvre.", "fr", config)[0][:2] == ("THREATEN", "GHA")


def test_participle_on_a_thing_is_background(config: Config) -> None:
    got = _types("Peru demanded the return of a ship seized by Ecuador.", "en", config)
    assert [t for t, _a, _r in got] == ["DEMAND"]


def test_non_state_obstruction_is_a_protest_and_signing_a_treaty_support(config: Config) -> None:
    assert _types("Angry Belgian farmers blocked the motorway.", "en", config)[0][:2] == \
        ("PROTEST", "BEL")
    assert _types("Belgian police blocked the motorway.", "en", config)[0][:2] == \
        ("COERCE", "BEL")
    assert _types("Chile and Peru signed a treaty.", "en", config)[0][:2] == ("SUPPORT", "CHL")


def test_recipient_from_the_clause_of_the_event(config: Config) -> None:
    got = _types("Kenya demanded that Uganda release the fishermen.", "en", config)
    assert ("DEMAND", "KEN", "UGA") in got
