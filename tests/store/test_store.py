"""Store: schema and migrations, save/get round trips, idempotency, rejected, stats, export.

Every test that takes ``store`` or ``store_url`` runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import delete, func, inspect, select, text

from claimgraph.model import (
    Attribution,
    Caption,
    ChainLink,
    DateMention,
    Document,
    Entity,
    Event,
    EventActor,
    Mention,
    Origin,
    Outlet,
    Published,
    Quantity,
    Rejected,
    RemovedLine,
    Span,
)
from claimgraph.store import (
    AmbiguousIdError,
    SaveCounts,
    Store,
    StoreError,
    head_revision,
    mask_url,
    open_store,
    schema,
)
from claimgraph.store import core as store_core
from claimgraph.store.export import COLUMNS
from claimgraph.store.urls import resolve_url, scrub

TEXT = (
    "Moscou a démenti jeudi toute livraison d'armes au Venezuela. "
    "« Ces accusations sont infondées », a déclaré l'ambassadeur Sergueï Ivanov, "
    "cité par l'agence Sputnik. "
    "Selon Reuters, 300 soldats seraient arrivés à Caracas le 12 mars 🚩."
)


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start=start, end=start + len(needle), text=needle)


def _mention(text: str, needle: str) -> Mention:
    s = _span(text, needle)
    return Mention(start=s.start, end=s.end, text=s.text)


def make_doc(
    doc_id: str = "0123456789abcdef",
    *,
    language: str | None = "fr",
    outlet: str | None = "sputnik",
    title: str = "Moscou dément",
    full: bool = True,
) -> Document:
    """A document with every nested structure filled in, offsets computed from TEXT."""
    doc = Document(
        id=doc_id,
        origin=Origin(kind="file", path=f"/data/{doc_id}.html", fetched="2024-03-14T08:00:00Z"),
        url=f"https://example.org/{doc_id}",
        content_type="text/html",
        raw="<html>raw content is never stored</html>",
        language=language,
        title=title,
        author="Rédaction",
        site="example.org",
        outlet=None
        if outlet is None
        else Outlet(
            id=outlet,
            name=outlet.capitalize(),
            edition="French edition",
            country="Russia",
            country_code="RUS",
            typology="SC",
            typology_label="state-controlled",
            dataset="test",
            evidence=f"domain:{outlet}.example",
        ),
        published=Published(
            date="2024-03-14", source="text", evidence=_span(TEXT, "12 mars"), note="year guessed"
        ),
        text=TEXT,
        meta={"feed": {"entry": "42", "tags": ["a", "b"]}, "score": 0.5},
    )
    if not full:
        return doc
    doc.captions = [Caption(line=3, text="Photo : AFP", language="fr")]
    doc.removed = [
        RemovedLine(line=1, text="Accueil > Monde", reason="navigation"),
        RemovedLine(line=1, text="Partager", reason="share", detail="same line number twice"),
    ]
    doc.entities = [
        Entity(
            id="E1",
            name="Sergueï Ivanov",
            label="PER",
            mentions=[_mention(TEXT, "Sergueï Ivanov")],
            role="ambassadeur",
            role_span=_span(TEXT, "ambassadeur"),
            country="RUS",
            sector="GOV",
        ),
        Entity(id="E2", name="Sputnik", label="ORG", mentions=[_mention(TEXT, "Sputnik")],
               country="RUS", sector="MED", kind="news_agency"),
        Entity(id="E3", name="Venezuela", label="LOC", mentions=[_mention(TEXT, "Venezuela")]),
        Entity(id="E4", name="Moscou", label="LOC", mentions=[_mention(TEXT, "Moscou")]),
    ]
    doc.attributions = [
        Attribution(
            id="A1",
            speaker=_mention(TEXT, "l'ambassadeur Sergueï Ivanov"),
            speaker_entity="E1",
            speaker_name="Sergueï Ivanov",
            role="ambassadeur",
            cue=_span(TEXT, "a déclaré"),
            content=_span(TEXT, "Ces accusations sont infondées"),
            kind="direct",
            stance="deny",
            stance_evidence="infondées",
            negated=False,
            via=[
                ChainLink(name="Sputnik", entity="E2", kind="agency",
                          span=_span(TEXT, "l'agence Sputnik")),
                ChainLink(name="Sputnik", kind="publisher"),
            ],
            target="A2",
        ),
        Attribution(
            id="A2",
            speaker=_mention(TEXT, "Reuters"),
            speaker_name="Reuters",
            cue=_span(TEXT, "Selon"),
            content=_span(TEXT, "300 soldats seraient arrivés à Caracas le 12 mars"),
            kind="according_to",
            stance="report",
            negated=True,
            quantities=[Quantity(span=_span(TEXT, "300 soldats"), value=300.0, unit="soldats")],
            dates=[DateMention(span=_span(TEXT, "12 mars"), date="2024-03-12")],
        ),
    ]
    doc.events = [
        Event(
            id="V1",
            type="AID",
            mode="military",
            trigger=_span(TEXT, "livraison"),
            sentence=_span(TEXT, TEXT[: TEXT.index(".") + 1]),
            actor=EventActor(span=_span(TEXT, "Moscou"), entity="E4", name="Moscou",
                             country="RUS", sector="GOV"),
            recipient=EventActor(span=_span(TEXT, "Venezuela"), entity="E3", country="VEN"),
            date="2024-03-12",
            date_span=_span(TEXT, "12 mars"),
            location=EventActor(name="Caracas", country="VEN"),
            asserted_by=["A2"],
            denied_by=["A1"],
            status="disputed",
            confidence=0.75,
        ),
        Event(
            id="V2",
            type="MOBILIZE",
            trigger=_span(TEXT, "arrivés"),
            sentence=_span(TEXT, "Selon Reuters, 300 soldats seraient arrivés à Caracas"),
        ),
    ]
    return doc


def _json(doc: Document) -> dict:
    return doc.model_dump(mode="json")


def _count(store: Store, table, **where: object) -> int:
    query = select(func.count()).select_from(table)
    for col, value in where.items():
        query = query.where(table.c[col] == value)
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


# ---------------------------------------------------------------- URLs (no database)


def test_resolve_url_forms(tmp_path: Path) -> None:
    assert resolve_url("data/x.db").get_backend_name() == "sqlite"
    assert resolve_url("data/x.db").database == "data/x.db"
    assert resolve_url("sqlite:///rel/x.db").database == "rel/x.db"
    assert resolve_url(f"sqlite:///{tmp_path}/x.db").database == f"{tmp_path}/x.db"
    assert resolve_url("~/x.db").database == str(Path.home() / "x.db")
    for url in ("postgresql://u:p@h/db", "postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"):
        resolved = resolve_url(url)
        assert resolved.drivername == "postgresql+psycopg"
        assert (resolved.host, resolved.database, resolved.password) == ("h", "db", "p")
    with pytest.raises(StoreError, match="unsupported store URL"):
        resolve_url("mysql://u:topsecret@h/db")
    with pytest.raises(StoreError, match="psycopg"):
        resolve_url("postgresql+psycopg2://u:p@h/db")
    with pytest.raises(StoreError):
        resolve_url("  ")


def test_passwords_are_masked() -> None:
    url = "postgresql://claim:s3cr%40t@db.example:5432/cg"
    assert "s3cr" not in mask_url(url)
    assert mask_url(url).startswith("postgresql://claim:***@db.example")
    assert mask_url("claimgraph.db") == "claimgraph.db"
    assert "hunter2" not in mask_url("weird://u:hunter2@[bad")
    assert scrub("failed for s3cr@t and s3cr%40t", url) == "failed for *** and ***"
    with pytest.raises(StoreError) as err:
        open_store("mysql://u:topsecret@h/db")
    assert "topsecret" not in str(err.value)


# ---------------------------------------------------------------- opening and schema


def test_sqlite_file_pragmas_and_parent_dirs(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "c.db"
    with open_store(f"sqlite:///{path}") as store:
        assert store.dialect == "sqlite"
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert path.is_file()


def test_sqlite_memory_store() -> None:
    with open_store("sqlite:///:memory:") as store:
        store.save(make_doc())
        assert store.get("0123456789abcdef") == make_doc().model_copy(update={"raw": ""})


def _store_object(own: set[str]):  # type: ignore[no-untyped-def]
    """Alembic include_object filter: only the store's tables, columns and indexes."""

    def include(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
        if type_ == "table":
            return name in own
        table = getattr(obj, "table", None)
        if table is not None and table.name not in own:
            return False
        return "search" not in (name or "")

    return include


def test_migrations_create_schema(store_url: str) -> None:
    with open_store(store_url) as store:
        insp = inspect(store.engine)
        tables = set(insp.get_table_names())
        own = {t.name for t in schema.metadata.sorted_tables}
        assert own | {"alembic_version"} <= tables  # later migrations add link/search tables
        with store.engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            # The migrations and the Core tables the store queries describe the same schema
            # (for the store's own tables; search columns and indexes belong to serve).
            ctx = MigrationContext.configure(conn, opts={
                "compare_type": True, "include_object": _store_object(own)})
            assert compare_metadata(ctx, schema.metadata) == []
        assert version == head_revision()
        indexes = {ix["name"] for name in tables for ix in insp.get_indexes(name)}
        for expected in ("ix_documents_outlet_id", "ix_documents_language",
                         "ix_documents_published", "ix_attributions_stance",
                         "ix_attributions_speaker_name", "ix_events_type"):
            assert expected in indexes
        fks = insp.get_foreign_keys("attributions")
        assert fks[0]["referred_table"] == "documents"
        assert fks[0]["options"].get("ondelete", "").upper() == "CASCADE"
        store.save(make_doc())
    # Opening again is a no-op upgrade that keeps the data.
    with open_store(store_url) as again:
        assert again.get("0123456789abcdef") is not None


def test_database_newer_than_package_is_refused(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="9999"):
        open_store(store_url)


def test_unreachable_postgres_hides_password(pg_url: str) -> None:
    from sqlalchemy.engine import make_url

    bad = make_url(pg_url).set(password="n0t-the-Passw0rd")
    with pytest.raises(StoreError) as err:
        open_store(bad.render_as_string(hide_password=False))
    assert "n0t-the-Passw0rd" not in str(err.value)
    assert "***" in str(err.value)
    with open_store(pg_url) as store:
        password = make_url(pg_url).password
        assert password and f":{password}@" not in repr(store)
        assert ":***@" in repr(store)


# ---------------------------------------------------------------- save and get


def test_round_trip(store: Store) -> None:
    doc = make_doc()
    for a in doc.attributions:  # the fixture itself must be consistent
        assert TEXT[a.content.start : a.content.end] == a.content.text
    store.save(doc)
    got = store.get(doc.id)
    assert got is not None
    assert got.raw == ""  # raw is outside the JSON contract
    assert _json(got) == _json(doc)
    assert got == doc.model_copy(update={"raw": ""})
    assert store.get("ffffffffffffffff") is None

    # The flat child rows mirror the nested model.
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.documents).where(schema.documents.c.id == doc.id)).one()
        assert (row.outlet_id, row.outlet_name, row.language, row.published) == (
            "sputnik", "Sputnik", "fr", "2024-03-14")
        assert row.origin == {"kind": "file", "path": f"/data/{doc.id}.html", "url": None,
                              "record": None, "fetched": "2024-03-14T08:00:00Z"}
        a1 = conn.execute(
            select(schema.attributions).where(schema.attributions.c.id == "A1")
        ).one()
        assert (a1.speaker_name, a1.speaker_entity, a1.stance, a1.kind, a1.target) == (
            "Sergueï Ivanov", "E1", "deny", "direct", "A2")
        assert TEXT[a1.cue_start : a1.cue_end] == a1.cue_text == "a déclaré"
        assert TEXT[a1.content_start : a1.content_end] == a1.content_text
        assert a1.negated is False
        assert [link["name"] for link in a1.via] == ["Sputnik", "Sputnik"]
        assert a1.data == _json(doc)["attributions"][0]
        a2 = conn.execute(
            select(schema.attributions).where(schema.attributions.c.id == "A2")
        ).one()
        assert a2.negated is True and a2.cue_text == "Selon"
        v1 = conn.execute(select(schema.events).where(schema.events.c.id == "V1")).one()
        assert (v1.type, v1.actor_name, v1.actor_country, v1.recipient_name, v1.location) == (
            "AID", "Moscou", "RUS", "Venezuela", "Caracas")
        assert (v1.asserted_by, v1.denied_by, v1.status) == (["A2"], ["A1"], "disputed")
        assert TEXT[v1.trigger_start : v1.trigger_end] == "livraison"
        e1 = conn.execute(select(schema.entities).where(schema.entities.c.id == "E1")).one()
        assert (e1.name, e1.label, e1.role, e1.country, e1.sector) == (
            "Sergueï Ivanov", "PER", "ambassadeur", "RUS", "GOV")
        assert e1.mentions == [m.model_dump() for m in doc.entities[0].mentions]
        removed = conn.execute(
            select(schema.removed_lines.c.line, schema.removed_lines.c.reason)
            .order_by(schema.removed_lines.c.seq)
        ).all()
        assert [tuple(r) for r in removed] == [(1, "navigation"), (1, "share")]
    assert _count(store, schema.captions) == 1


def test_save_is_idempotent_and_updates_in_place(store: Store) -> None:
    doc = make_doc()
    store.save(doc)
    store.save(doc)
    assert _count(store, schema.documents) == 1
    for table, n in ((schema.entities, 4), (schema.attributions, 2), (schema.events, 2),
                     (schema.removed_lines, 2), (schema.captions, 1)):
        assert _count(store, table) == n, table.name
    with store.engine.connect() as conn:
        created, first_update = conn.execute(
            select(schema.documents.c.created_at, schema.documents.c.updated_at)
        ).one()

    changed = make_doc(title="Moscou dément encore", language="en", outlet="rt")
    changed.attributions = changed.attributions[1:]
    changed.entities[0].name = "S. Ivanov"
    changed.events = []
    changed.captions = []
    store.save(changed)

    got = store.get(doc.id)
    assert got is not None and _json(got) == _json(changed)
    assert _count(store, schema.documents) == 1
    assert _count(store, schema.attributions) == 1
    assert _count(store, schema.attributions, id="A1") == 0
    assert _count(store, schema.events) == 0
    assert _count(store, schema.captions) == 0
    assert _count(store, schema.entities, name="S. Ivanov") == 1
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.documents)).one()
    assert (row.title, row.language, row.outlet_id) == ("Moscou dément encore", "en", "rt")
    assert row.created_at == created
    assert row.updated_at > first_update


def test_failed_save_leaves_previous_version(store: Store) -> None:
    doc = make_doc()
    store.save(doc)
    broken = make_doc(title="never stored")
    broken.entities.append(broken.entities[0].model_copy())  # duplicate id E1 -> PK violation
    with pytest.raises(Exception):  # noqa: B017 - the driver's IntegrityError
        store.save(broken)
    got = store.get(doc.id)
    assert got is not None and got.title == doc.title
    assert _count(store, schema.entities) == 4
    assert _count(store, schema.attributions) == 2


def test_children_cascade_with_document(store: Store) -> None:
    store.save(make_doc())
    with store.engine.begin() as conn:
        conn.execute(delete(schema.documents))
    for table in schema.CHILD_TABLES:
        assert _count(store, table) == 0, table.name


# ---------------------------------------------------------------- rejected


def test_rejected_upsert_and_removal_on_success(store: Store) -> None:
    origin = Origin(kind="url", url="https://example.org/0123456789abcdef")
    store.save_rejected(Rejected(id="0123456789abcdef", origin=origin, reason="fetch_failed",
                                 detail="timeout"))
    store.save_rejected(Rejected(id="0123456789abcdef", origin=origin, reason="empty",
                                 detail="12 characters"))
    store.save_rejected(Rejected(id="bbbb", origin=Origin(kind="stdin"), reason="binary"))
    items = {r.id: r for r in store.rejected()}
    assert set(items) == {"0123456789abcdef", "bbbb"}
    assert (items["0123456789abcdef"].reason, items["0123456789abcdef"].detail) == (
        "empty", "12 characters")
    assert items["0123456789abcdef"].origin == origin
    with store.engine.connect() as conn:
        sources = dict(conn.execute(select(schema.rejected.c.content_id, schema.rejected.c.source)).all())
    assert sources == {"0123456789abcdef": "https://example.org/0123456789abcdef", "bbbb": None}

    store.save(make_doc("0123456789abcdef"))
    assert [r.id for r in store.rejected()] == ["bbbb"]
    assert store.stats()["rejected_by_reason"] == {"binary": 1}


def test_rejection_does_not_delete_document(store: Store) -> None:
    store.save(make_doc("aaaa"))
    store.save_rejected(Rejected(id="aaaa", origin=Origin(kind="text"), reason="error"))
    assert store.get("aaaa") is not None
    assert [r.id for r in store.rejected()] == ["aaaa"]


def test_save_many(store: Store) -> None:
    items: list[Document | Rejected] = [
        make_doc("aaaa"),
        Rejected(id="bbbb", origin=Origin(kind="text"), reason="empty"),
        Rejected(id="cccc", origin=Origin(kind="text"), reason="binary"),
        make_doc("cccc"),  # later success in the same batch wins
        make_doc("dddd", full=False),
    ]
    assert store.save_many(iter(items), batch_size=2) == SaveCounts(documents=3, rejected=2)
    assert [d.id for d in store.documents()] == ["aaaa", "cccc", "dddd"]
    assert [r.id for r in store.rejected()] == ["bbbb"]
    with pytest.raises(TypeError):
        store.save_many(["not a result"])  # type: ignore[list-item]


# ---------------------------------------------------------------- reading


def test_get_by_prefix(store: Store) -> None:
    for doc_id in ("abc1230000000000", "abc4560000000000", "f00d000000000000"):
        store.save(make_doc(doc_id, full=False))
    found = store.get("f00")
    assert found is not None and found.id == "f00d000000000000"
    assert store.get("abc1") is not None and store.get("abc1").id == "abc1230000000000"
    with pytest.raises(AmbiguousIdError) as err:
        store.get("abc")
    assert err.value.candidates == ["abc1230000000000", "abc4560000000000"]
    assert store.get("ABC1") is None  # ids are case-sensitive on both backends
    assert store.get("a%") is None and store.get("_bc") is None  # no LIKE wildcards
    assert store.get("") is None
    assert store.get("abc12300000000000") is None  # longer than any id


def test_documents_pages(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [f"{i:016x}" for i in range(7)]
    store.save_many(make_doc(i, full=False) for i in reversed(ids))
    monkeypatch.setattr(store_core, "_PAGE", 2)  # exercise several pages
    assert [d.id for d in store.documents()] == ids
    assert [d.id for d in store.documents(limit=3, offset=2)] == ids[2:5]
    assert [d.id for d in store.documents(offset=5)] == ids[5:]
    assert [d.id for d in store.documents(limit=0)] == []
    assert all(isinstance(d, Document) for d in store.documents(limit=1))


def test_stats(store: Store) -> None:
    store.save(make_doc("d1", language="fr", outlet="sputnik"))
    store.save(make_doc("d2", language="fr", outlet="rt", full=False))
    store.save(make_doc("d3", language="en", outlet="sputnik"))
    store.save(make_doc("d4", language=None, outlet=None, full=False))
    for i, reason in enumerate(["empty", "empty", "binary"]):
        store.save_rejected(Rejected(id=f"r{i}", origin=Origin(kind="text"), reason=reason))
    assert store.stats() == {
        "documents": 4,
        "by_language": {"fr": 2, "en": 1, "unknown": 1},
        "by_outlet": {"sputnik": 2, "rt": 1, "unknown": 1},
        "rejected": 3,
        "rejected_by_reason": {"empty": 2, "binary": 1},
        "entities": 8,
        "attributions": 4,
        "attributions_by_stance": {"deny": 2, "report": 2},
        "events": 4,
        "events_by_type": {"AID": 2, "MOBILIZE": 2},
    }


# ---------------------------------------------------------------- export


def _fill(store: Store) -> list[Document]:
    docs = [make_doc("b000000000000000"), make_doc("a000000000000000", language="en"),
            make_doc("c000000000000000", outlet=None, full=False)]
    store.save_many(docs)
    store.save_rejected(Rejected(id="r1", origin=Origin(kind="file", path="/in/x.bin"),
                                 reason="binary", detail="NUL bytes"))
    return sorted(docs, key=lambda d: d.id)


def test_export_jsonl_documents_is_the_contract(store: Store, tmp_path: Path) -> None:
    docs = _fill(store)
    out = tmp_path / "out" / "docs.jsonl"
    assert store.export(out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [_json(d) for d in docs]
    assert Document.model_validate_json(lines[0]) == docs[0].model_copy(update={"raw": ""})
    assert not out.with_name("docs.jsonl.tmp").exists()

    assert store.export(tmp_path / "rej.jsonl", "jsonl", table="rejected") == 1
    rej = Rejected.model_validate_json((tmp_path / "rej.jsonl").read_text())
    assert (rej.id, rej.reason, rej.origin.path) == ("r1", "binary", "/in/x.bin")


def test_export_jsonl_flat_attributions(store: Store, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "attr.jsonl"
    assert store.export(out, "jsonl", table="attributions") == 4
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["id"]) for r in rows] == [
        ("a000000000000000", "A1"), ("a000000000000000", "A2"),
        ("b000000000000000", "A1"), ("b000000000000000", "A2")]
    assert set(rows[0]) == {name for name, _ in COLUMNS["attributions"]}
    assert rows[0]["via_names"] == "Sputnik > Sputnik"
    assert rows[0]["url"] == "https://example.org/a000000000000000"
    assert rows[1]["quantities"][0]["value"] == 300.0


@pytest.mark.parametrize("table", ["documents", "entities", "attributions", "events", "rejected"])
def test_export_parquet(store: Store, tmp_path: Path, table: str) -> None:
    _fill(store)
    out = tmp_path / f"{table}.parquet"
    expected_rows = {"documents": 3, "entities": 8, "attributions": 4, "events": 4,
                     "rejected": 1}[table]
    assert store.export(out, table=table) == expected_rows  # format from the suffix
    data = pq.read_table(out)
    assert data.num_rows == expected_rows
    assert data.column_names == [name for name, _ in COLUMNS[table]]
    rows = data.to_pylist()
    if table == "documents":
        assert [r["id"] for r in rows] == ["a000000000000000", "b000000000000000",
                                           "c000000000000000"]
        assert rows[0]["outlet_id"] == "sputnik" and rows[2]["outlet_id"] is None
        assert rows[0]["n_attributions"] == 2 and rows[2]["n_attributions"] == 0
        assert rows[0]["text"] == TEXT
        assert json.loads(rows[0]["meta"]) == {"feed": {"entry": "42", "tags": ["a", "b"]},
                                               "score": 0.5}
    elif table == "attributions":
        a1 = rows[0]
        assert (a1["doc_id"], a1["outlet_id"], a1["stance"], a1["negated"]) == (
            "a000000000000000", "sputnik", "deny", False)
        assert TEXT[a1["content_start"] : a1["content_end"]] == a1["content_text"]
        assert json.loads(a1["via"])[0]["kind"] == "agency"
        assert rows[1]["negated"] is True and rows[1]["cue_start"] == TEXT.index("Selon")
    elif table == "events":
        v1 = rows[0]
        assert (v1["type"], v1["status"], v1["actor_name"], v1["confidence"]) == (
            "AID", "disputed", "Moscou", 0.75)
        assert json.loads(v1["denied_by"]) == ["A1"]
        assert v1["trigger_text"] == "livraison"
    elif table == "entities":
        assert [r["name"] for r in rows[:4]] == ["Sergueï Ivanov", "Sputnik", "Venezuela",
                                                 "Moscou"]
        assert rows[0]["n_mentions"] == 1 and rows[0]["url"].endswith("a000000000000000")
    else:
        r = rows[0]
        assert (r["id"], r["reason"], r["source"], r["origin_kind"]) == (
            "r1", "binary", "/in/x.bin", "file")
        assert r["created_at"].endswith("+00:00")


def test_export_empty_and_bad_arguments(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "empty.parquet"
    assert store.export(out, "parquet", table="events") == 0
    assert pq.read_table(out).column_names == [name for name, _ in COLUMNS["events"]]
    with pytest.raises(ValueError):
        store.export(tmp_path / "x", "xml")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        store.export(tmp_path / "x", "jsonl", table="links")  # type: ignore[arg-type]
    assert not (tmp_path / "x").exists()


# ---------------------------------------------------------------- lifecycle


def test_close(store_url: str) -> None:
    store = open_store(store_url)
    with store:
        store.save(make_doc(full=False))
    with pytest.raises(StoreError, match="closed"):
        store.get("0123456789abcdef")
    store.close()  # closing twice is harmless
    with open_store(store_url) as again:
        assert again.stats()["documents"] == 1


def test_postgres_url_required_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without CLAIMGRAPH_TEST_PG_URL the PostgreSQL cases skip locally but fail under CI."""
    from conftest import PG_ENV, pg_base_url

    monkeypatch.delenv(PG_ENV, raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI"):
        pg_base_url()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        pg_base_url()
    monkeypatch.setenv(PG_ENV, "postgresql://u:p@h/db")
    monkeypatch.setenv("CI", "true")
    assert pg_base_url() == "postgresql://u:p@h/db"


def test_head_revision_is_alembics_head() -> None:
    """The head read from the scripts' revision lines is the one alembic computes."""
    from alembic.script import ScriptDirectory

    from claimgraph.store.migrate import alembic_config

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
