"""The seed article: A1-A10 with speakers, kinds, stances, relays and targets; entities."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixtures.attribution.seed import seed_document

from claimgraph.attribution import AttributionStage
from claimgraph.config import Config
from claimgraph.eval.attribution import evaluate_seed
from claimgraph.nlp import NlpStage

pytestmark = pytest.mark.slow

GOLD = Path(__file__).parents[1] / "fixtures" / "attribution" / "seed_gold.toml"


@pytest.fixture(scope="module")
def seed():
    config = Config.load()
    doc = seed_document()
    NlpStage(config).pipe([doc])
    return AttributionStage(config).process(doc)


def test_seed_checks_all_pass(seed):
    result = evaluate_seed(seed, GOLD)
    failing = [
        r
        for r in result["rows"]
        if not all(r.get(k) for k in ("found", "speaker", "kind", "stance", "via", "target"))
    ]
    assert failing == []
    assert result["entity_problems"] == []


def _entity(doc, name):
    return next(e for e in doc.entities if e.name == name)


def test_seed_entities(seed):
    zaemsky = _entity(seed, "Vladimir Zaemsky")
    assert zaemsky.label == "PER"
    texts = {m.text for m in zaemsky.mentions}
    assert {"M. Zaemsky", "l'ambassadeur de Russie au Venezuela"} <= texts
    assert zaemsky.role and zaemsky.role.startswith("ambassadeur de Russie")
    assert zaemsky.country == "RUS"
    sputnik = _entity(seed, "Sputnik")
    assert (sputnik.label, sputnik.country, sputnik.sector, sputnik.kind) == (
        "ORG",
        "RUS",
        "MED",
        "news_agency",
    )
    wsj = _entity(seed, "Wall Street Journal")
    assert (wsj.country, wsj.sector, wsj.kind) == ("USA", "MED", "newspaper")
    rostec = _entity(seed, "Rostec")
    assert (rostec.country, rostec.kind) == ("RUS", "state_company")
    assert _entity(seed, "S-300VM").label == "MISC"
    assert _entity(seed, "Juan Guaido").label == "PER"
    assert len(_entity(seed, "Juan Guaido").mentions) == 2
    names = {e.name for e in seed.entities}
    assert not names & {"Ilhan Omar", "Nancy Pelosi", "H.R. 1"}
    for e in seed.entities:
        for m in e.mentions:
            assert seed.text[m.start : m.end] == m.text


def test_seed_details(seed):
    by_cue = {(a.cue.text if a.cue else None, a.speaker_name): a for a in seed.attributions}
    a5 = by_cue["a déclaré", "Vladimir Zaemsky"]
    assert a5.content.text.startswith("\"Il s'agit") and a5.content.text.endswith('envisagée"')
    assert a5.stance_evidence and "réalité" in a5.stance_evidence
    assert [d.date for d in a5.dates] == ["2019-06-03"]
    sputnik = [lk for lk in a5.via if lk.name == "Sputnik"]
    assert sputnik and sputnik[0].carried
    assert a5.via[-1].kind == "publisher" and a5.via[-1].span is None
    a3 = by_cue["avait rapporté", "Wall Street Journal"]
    vague = [q for q in a3.quantities if q.vague]
    assert vague and (vague[0].low, vague[0].high) == (20, 99)
    assert any(q.value == 1000 for q in a3.quantities)
    rostec = by_cue["a déclaré", "Rostec"]
    assert rostec.speaker.text == "le service de presse de Rostec"
    assert rostec.channel is not None and "communiqué" in rostec.channel.text
    assert all(lk.kind != "statement" for lk in rostec.via)
    assert "2019-06-03" in {d.date for d in rostec.dates}


def test_seed_eval_command_runs_outside_the_checkout(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from claimgraph.eval.attribution import command

    seed_file = Path(__file__).parents[2] / "examples" / "seed" / "000_bc6f034066979636.txt"
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(command, ["--dataset", str(seed_file)])
    assert result.exit_code == 0, result.output
    assert "all_correct: True" in result.output
