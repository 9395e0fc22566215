"""Undated and multilingual documents: date inference, language ID over all languages,
not-analysed documents, containment duplicates and translations (real embedder, store)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from claimgraph.clean import CleanStage, dating, language
from claimgraph.config import Config
from claimgraph.link import Linker
from claimgraph.link.text import name_keys
from claimgraph.model import Document, Origin, Outlet
from claimgraph.pipeline import Pipeline
from claimgraph.store import Store
from claimgraph.store.schema import link_docs

# Texts written for these tests.
EN = ("The harbour authority of Port Velmar said on Tuesday that 42 cranes would stay idle "
      "until the dockers' union and the operator Halvek Shipping reach an agreement. "
      "Union leader Mara Ostrin told reporters that the 2,300 workers would not return "
      "before the wage offer of 4.5 percent was raised. Halvek Shipping said the strike had "
      "already cost it 18 million euros and that ships were being sent to the port of "
      "Drennick instead. The transport minister, Ilse Varga, called on both sides to meet "
      "again on Friday in Velmar.")
FR = ("L'autorité portuaire de Port Velmar a indiqué mardi que 42 grues resteraient à "
      "l'arrêt jusqu'à un accord entre le syndicat des dockers et l'opérateur Halvek "
      "Shipping. La dirigeante syndicale Mara Ostrin a déclaré aux journalistes que les "
      "2 300 travailleurs ne reprendraient pas le travail avant une hausse de l'offre "
      "salariale de 4,5 %. Halvek Shipping a affirmé que la grève lui avait déjà coûté "
      "18 millions d'euros et que des navires étaient envoyés vers le port de Drennick. "
      "La ministre des Transports, Ilse Varga, a appelé les deux parties à se retrouver "
      "vendredi à Velmar.")
DE = ("Die Hafenbehörde von Port Velmar teilte am Dienstag mit, dass 42 Kräne stillstehen "
      "werden, bis sich die Gewerkschaft der Hafenarbeiter und der Betreiber Halvek "
      "Shipping einigen. Die Gewerkschaftschefin Mara Ostrin sagte, die Arbeiter würden "
      "nicht zurückkehren, bevor das Lohnangebot erhöht werde.")
OTHER = ("A new public library opened in the town of Sorrelby on Saturday, with a reading "
         "room for children and a collection of maps donated by a local historian. The mayor "
         "said the building had been restored over three years by volunteers and craftsmen.")


def _doc(doc_id: str, text: str, lang: str, outlet: str = "Test Outlet") -> Document:
    return Document(id=doc_id, origin=Origin(kind="text"), text=text, language=lang,
                    title=text.split(".")[0][:80], outlet=Outlet(id=outlet.lower(), name=outlet))


# ---------------------------------------------------------------- dates


def test_dates_from_the_head_and_the_url_and_never_from_the_run() -> None:
    iso = dating.infer(" date 2020-04-21 Seoul\n\nThe report said ...", "en", None)
    assert iso is not None and iso.date == "2020-04-21" and iso.evidence is not None
    named = dating.infer("Posted on May 2, 2019\n\nThe minister said ...", "en", None)
    assert named is not None and named.date == "2019-05-02"
    fr = dating.infer("Publié le 1er mai 2020 à 10h\n\nLe ministre a dit ...", "fr", None)
    assert fr is not None and fr.date == "2020-05-01"
    url = dating.infer("No date here at all.", "en", "https://news.example/2019/04/30/story-x")
    assert url is not None and url.date == "2019-04-30" and url.source == "url"
    month = dating.infer("Nothing.", "en", "https://blog.example/2020/08/some-post.html")
    assert month is not None and month.date == "2020-08"
    assert dating.infer("A text that gives no date anywhere.", "en", "https://x.example/a/b") is None


def test_clean_stage_leaves_an_undated_text_undated() -> None:
    doc = Document(id="u1", origin=Origin(kind="text"), raw=OTHER, content_type="text/plain")
    out = CleanStage(Config.load()).process(doc)
    assert out.published is None


# ---------------------------------------------------------------- languages


def test_language_identified_among_all_languages() -> None:
    assert language.identify(DE, ("fr", "en")) == "de"
    assert language.identify(FR, ("fr", "en")) == "fr"
    assert language.identify(EN, ("fr", "en")) == "en"
    # restricted where configured
    assert language.identify(DE, ("fr", "en"), ("fr", "en")) in ("fr", "en")


def test_document_in_a_language_without_model_is_kept_not_analysed() -> None:
    config = Config.load()
    doc = Document(id="d1", origin=Origin(kind="text"), raw=DE, content_type="text/plain")
    out = Pipeline(config)(doc)
    assert isinstance(out, Document)
    assert out.language == "de" and out.status == "not_analysed"
    assert out.attributions == [] and out.text.startswith("Die Hafenbehörde")


def test_name_keys_are_language_independent() -> None:
    en, fr = set(name_keys(EN)), set(name_keys(FR))
    assert {"n:velmar", "n:halvek", "n:ostrin", "n:42"} <= en & fr
    assert "n:the" not in en  # a capital that opens a sentence is not a name


# ---------------------------------------------------------------- linking


def test_cut_copy_is_a_duplicate_by_containment(store: Store) -> None:
    whole = _doc("w1", EN + " " + OTHER, "en", "Wire")
    cut = _doc("c1", EN.rsplit(".", 3)[0] + ". Read more: subscribe to our newsletter.", "en",
               "Copy Site")
    store.save_many([whole, cut])
    linker = Linker(store)
    linker.add(whole)
    res = linker.add(cut)
    assert res["duplicates"] == [whole.id]
    assert linker.duplicates()[0]["original"] in (whole.id, cut.id)


def test_translation_linked_with_score_and_undated_stays_undated(store: Store) -> None:
    en, fr, other = _doc("e1", EN, "en"), _doc("f1", FR, "fr", "Journal"), _doc("o1", OTHER, "en")
    store.save_many([en, other, fr])
    linker = Linker(store)
    for d in (en, other, fr):
        linker.add(d)
    links = linker.translations()
    assert [(x["doc_id"], x["other_id"]) for x in links] == [(fr.id, en.id)]
    assert 0.0 < links[0]["score"] <= 1.0
    with store.connection() as conn:
        rows = {r.doc_id: r for r in conn.execute(select(link_docs))}
    assert rows[en.id].story_id == rows[fr.id].story_id != rows[other.id].story_id
    assert all(r.dated == 0 and r.date == "" for r in rows.values())


@pytest.mark.parametrize("lang", ["de"])
def test_not_analysed_document_joins_its_story(store: Store, lang: str) -> None:
    en = _doc("e2", EN, "en")
    de = _doc("g2", DE, lang)
    de.status = "not_analysed"
    store.save_many([en, de])
    linker = Linker(store)
    a, b = linker.add(en), linker.add(de)
    assert a["story_id"] == b["story_id"]
