"""Workbench reads on SQLite and PostgreSQL: faceted lists, claims and disputes rows, CSV
exports, entity and outlet read models, over the linked example corpus (hand-made
attributions) and three articles written for these tests."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.fixtures.workbench import corpus, fill

from claimgraph.model import Document
from claimgraph.serve.people import People
from claimgraph.store import Store, open_store
from claimgraph.store.export import COLUMNS
from claimgraph.store.queries import facets, tables
from claimgraph.store.queries.facets import Filters
from conftest import pg_base_url


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return corpus()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
          docs: list[Document]) -> Iterator[Store]:
    if request.param == "sqlite":
        with open_store(str(tmp_path_factory.mktemp("wb") / "claimgraph.db")) as s:
            yield fill(s, docs)
        return
    from tests.serve_support import pg_database

    with pg_database(pg_base_url()) as url, open_store(url) as s:
        yield fill(s, docs)


def _statements(docs: list[Document]) -> list[tuple[Document, object]]:
    return [(d, a) for d in docs for a in d.attributions]


def test_statement_filters_match_the_documents(store: Store, docs: list[Document]) -> None:
    everything = _statements(docs)
    with store.connection() as conn:
        page = facets.statements(conn, Filters(), limit=500)
        assert page["total"] == len(everything)
        assert page["facets"]["stance"] == dict(Counter(a.stance for _, a in everything))
        deny = facets.statements(conn, Filters(stance="deny", language="fr"), limit=500)
        expect = [(d.id, a.id) for d, a in everything if a.stance == "deny" and d.language == "fr"]
        assert sorted((r["doc_id"], r["attr_id"]) for r in deny["items"]) == sorted(expect)
        by_speaker = facets.statements(conn, Filters(speaker="kovel"), limit=500)
        kovel = [a for _, a in everything if "kovel" in (a.speaker_name or "").lower()]
        assert by_speaker["total"] == len(kovel) > 0
        dated = facets.statements(conn, Filters(date_from="2024-03-12", date_to="2024-03-12"), limit=500)
        assert dated["total"] == sum(1 for d, a in everything
                                     if d.published and d.published.date[:10] == "2024-03-12")
        assert dated["total"] > 0
        for country in ("fra", "France"):
            found = facets.statements(conn, Filters(country=country), limit=500)
            french = [a for d, a in everything if d.outlet and d.outlet.country_code == "FRA"]
            assert french and found["total"] == len(french)
        assert facets.statements(conn, Filters(country="Narnia"))["total"] == 0
        scored = facets.statements(conn, Filters(min_score=0.99), limit=500)
        assert scored["items"] and all(r["score"] >= 0.99 for r in scored["items"])
        assert scored["total"] < page["total"]


def test_document_pages_cover_the_store_once(store: Store, docs: list[Document]) -> None:
    with store.connection() as conn:
        first = facets.documents(conn, Filters(), limit=7, offset=0)
        second = facets.documents(conn, Filters(), limit=7, offset=7)
        rest = facets.documents(conn, Filters(), limit=50, offset=14)
        outlet = facets.documents(conn, Filters(outlet="The Daily Harbour"))
    ids = [r["id"] for p in (first, second, rest) for r in p["items"]]
    assert sorted(ids) == sorted(d.id for d in docs)
    assert first["total"] == len(docs)
    assert sum(first["facets"]["language"].values()) == len(docs)
    assert outlet["total"] == sum(1 for d in docs if d.outlet and d.outlet.name == "The Daily Harbour")


def test_dispute_rows_say_where_the_dispute_lies(store: Store) -> None:
    with store.connection() as conn:
        rows = list(tables.dispute_rows(conn))
        claims = list(tables.claim_rows(conn))
    assert rows and claims
    docs_of: dict[str, set[str]] = {}
    for c in claims:
        docs_of.setdefault(c["claim_id"], set()).add(c["doc_id"])
        assert "?" not in c["chain"].split(" → ")
    for r in rows:
        assert r["scope"] == tables.scope(docs_of[r["claim_id"]], docs_of[r["against_id"]])
    assert {"across articles", "within one article"} <= {r["scope"] for r in rows}
    assert tables.scope({"a"}, {"a"}) == "within one article"
    assert tables.scope({"a"}, {"b"}) == "across articles"
    assert tables.scope({"a", "b"}, {"b"}) == "within one article and across articles"


@pytest.mark.parametrize("table", ["documents", "entities", "attributions", "events", "claims", "disputes",
                                   "plover"])
def test_every_table_exports_as_csv_and_parquet(store: Store, tmp_path: Path, table: str) -> None:
    n_jsonl = store.export(tmp_path / "t.jsonl", "jsonl", table=table)  # type: ignore[arg-type]
    n_csv = store.export(tmp_path / "t.csv", "csv", table=table)  # type: ignore[arg-type]
    with (tmp_path / "t.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    flat = "events" if table == "plover" else table
    assert reader.fieldnames == [name for name, _ in COLUMNS[flat]]
    assert n_csv == len(rows)
    assert rows or table in ("events", "plover")  # the hand-made corpus has no events
    if table not in ("plover", "documents"):  # plover JSONL is nested records, documents the contract
        assert n_csv == n_jsonl
    n_pq = store.export(tmp_path / "t.parquet", table=table)  # type: ignore[arg-type]
    assert pq.read_table(tmp_path / "t.parquet").num_rows == n_pq == n_csv


def test_entity_merged_across_mentions_documents_and_languages(store: Store, docs: list[Document]) -> None:
    people = People(store)
    kovel = people.entity("Kovel")
    assert kovel is not None and kovel["name"] == "Dmitar Kovel"
    assert people.entity("dmitar-kovel")["id"] == kovel["id"]  # type: ignore[index]
    assert people.entity("M. Kovel")["id"] == kovel["id"]  # type: ignore[index]
    named = {d.id for d in docs for e in d.entities if "Kovel" in e.name}
    assert kovel["documents"] == len(named) >= 4
    assert set(kovel["languages"]) == {"en", "fr"}
    assert {"Kovel", "M. Kovel"} <= set(kovel["aliases"])
    said = sorted((s["doc_id"], s["attr_id"]) for s in kovel["statements"])
    expect = sorted((d.id, a.id) for d in docs for a in d.attributions if "Kovel" in (a.speaker_name or ""))
    assert said == expect
    local = next(s for s in kovel["statements"] if s["doc_id"] == "wb0000kovel00001")
    assert local["chain"] == ["Kovel", "Fil Bleu", "unknown outlet"]
    # whom he denies: the report of the Northern Ledger, in its own article and across articles
    denied = {r["name"]: r for r in kovel["denies"]}
    assert any("Northern Ledger" in name for name in denied)
    assert all(r["scope"] and r["basis"] for r in kovel["denies"])
    assert {"within one article", "across articles"} <= {s for r in kovel["denies"] for s in r["scope"]}


def test_a_shared_surname_is_not_merged(store: Store) -> None:
    people = People(store)
    names = [e["name"] for e in people.index().listing(q="martin")]
    assert sorted(names) == ["Anne Martin", "Paul Martin"]
    assert people.entity("Martin") is None


def test_outlet_profile(store: Store, docs: list[Document]) -> None:
    profile = People(store).outlet("the-daily-harbour")
    mine = [a for d in docs if d.outlet and d.outlet.id == "the-daily-harbour" for a in d.attributions]
    assert profile["n_statements"] == len(mine)
    assert profile["n_denials"] == sum(1 for a in mine if a.stance == "deny")
    assert profile["deny_share"] == round(profile["n_denials"] / len(mine), 3)
    assert sum(q["count"] for q in profile["quotes"]) == len(mine)
    json.dumps(profile)  # plain JSON for the API
