"""The read cache under writes: stale values served for a bounded time while refreshed, the
writer's own reads fresh at once, the entity index extended with new documents (the same
index as a rebuild), and new documents on the entity page after a bounded delay over HTTP."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
from tests.fixtures.workbench import corpus, fill
from tests.serve_support import TOKEN, live_server

from claimgraph.model import Document, Published
from claimgraph.serve import cache as cache_mod
from claimgraph.serve.cache import ReadCache
from claimgraph.serve.people import EntityIndex, People
from claimgraph.store import Store, open_store
from claimgraph.store.queries import entities as q


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return corpus()


def _copy(doc: Document, n: int) -> Document:
    new = doc.model_copy(deep=True)
    new.id = f"cp{n:04d}" + doc.id[6:]
    new.published = Published(date=f"2025-01-{1 + n % 28:02d}", source="input")
    return new


def _kovel_doc(docs: list[Document]) -> Document:
    return next(d for d in docs if any("Kovel" in (a.speaker_name or "") for a in d.attributions)
                and d.outlet is not None)


def _summaries(index: EntityIndex) -> dict[str, dict[str, object]]:
    return {k: {**e.summary(), "members": sorted(e.members), "stmts": sorted(e.statements)}
            for k, e in index.by_key.items()}


def _rebuilt(store: Store) -> EntityIndex:
    with store.connection() as conn:
        return EntityIndex(q.entity_rows(conn), q.speaker_rows(conn))


def test_index_extended_with_new_documents_equals_a_rebuild(tmp_path: Path, docs: list[Document]) -> None:
    store = open_store(str(tmp_path / "x.db"))
    half = len(docs) // 2
    store.save_many(docs[:half])
    people = People(store)
    people.index()
    for i, doc in enumerate(docs[half:]):  # one by one, as the server sees them
        store.save(doc)
        extended = people.index()
        assert _summaries(extended) == _summaries(_rebuilt(store)), doc.id
        assert extended.by_member.keys() == _rebuilt(store).by_member.keys()
        store.save(_copy(doc, i))
        assert _summaries(people.index()) == _summaries(_rebuilt(store))
    assert people.extensions > 0
    # a document saved again, or deleted: rebuilt, still the same
    rebuilds = people.rebuilds
    store.save(docs[0])
    assert _summaries(people.index()) == _summaries(_rebuilt(store))
    assert people.rebuilds == rebuilds + 1
    store.close()


def test_a_second_owner_of_a_surname_forces_a_rebuild(tmp_path: Path, docs: list[Document]) -> None:
    store = open_store(str(tmp_path / "x.db"))
    store.save_many(docs)
    people = People(store)
    before = people.index()
    assert before.find("Kovel") is not None and before.find("Kovel").key == "dmitar kovel"  # type: ignore[union-attr]
    other = _kovel_doc(docs).model_copy(deep=True)
    other.id = "zz" + other.id[2:]
    for e in other.entities:
        if e.name == "Dmitar Kovel":
            e.name = "Irina Kovel"
    store.save(other)
    rebuilds = people.rebuilds
    after = people.index()
    assert people.rebuilds == rebuilds + 1  # "Kovel" alone no longer names one person
    assert _summaries(after) == _summaries(_rebuilt(store))
    found = after.find("Kovel")
    assert found is not None and found.key == "kovel"
    store.close()


def test_stale_served_within_the_bound_then_refreshed(tmp_path: Path, docs: list[Document]) -> None:
    store = open_store(str(tmp_path / "x.db"))
    store.save_many(docs[:3])
    cache = ReadCache(store, ttl=0.0, stale=2.0)
    release = threading.Event()
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        if len(calls) > 1:
            release.wait(10)  # a slow refresh
        with store.connection() as conn:
            return int(q.doc_stamp(conn)[0])

    assert cache.get("n", count) == 3
    store.save(docs[3])
    started = time.monotonic()
    assert cache.get("n", count) == 3  # stale, at once, while one refresh runs
    assert cache.get("n", count) == 3
    assert time.monotonic() - started < 1.0
    deadline = time.monotonic() + 5
    while len(calls) < 2:  # the one background refresh
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert cache.get("n", count) == 3 and len(calls) == 2
    release.set()
    deadline = time.monotonic() + 5
    while cache.get("n", count) != 4:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    # past the bound a stale value is not served: the request makes it
    cache.stale = 0.1
    store.save(docs[4])
    cache.get("other", lambda: 0)  # the change is seen
    time.sleep(0.2)
    assert cache.get("n", count) == 5
    # a client that wrote after the value was made reads its write at once
    cache.stale = 60.0
    store.save(docs[5])
    token = cache_mod._request.set({"after": time.time(), "wrote": None})
    try:
        assert cache.get("n", count) == 6
    finally:
        cache_mod._request.reset(token)
    cache.close()
    store.close()


def test_nested_reads_inside_a_refresh_are_not_stale(tmp_path: Path, docs: list[Document]) -> None:
    store = open_store(str(tmp_path / "x.db"))
    store.save_many(docs[:2])
    cache = ReadCache(store, ttl=0.0, stale=60.0)

    def n() -> int:
        with store.connection() as conn:
            return int(q.doc_stamp(conn)[0])

    def doubled() -> int:
        return 2 * cache.get("n", n)

    assert cache.get("d", doubled) == 4
    store.save(docs[2])
    cache.get("d", doubled)  # stale, refreshed in the background
    deadline = time.monotonic() + 5
    while cache.get("d", doubled) != 6:  # not 4 again from a stale "n"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    cache.close()
    store.close()


def test_new_documents_reach_the_entity_page_in_bounded_time(tmp_path: Path, docs: list[Document]) -> None:
    db = str(tmp_path / "live.db")
    with open_store(db) as store:
        fill(store, docs)
    source = _kovel_doc(docs)
    ttl, stale = 0.2, 1.0
    with live_server(db, warm=False, cache_seconds=ttl, stale_seconds=stale) as url, \
            httpx.Client(base_url=url, timeout=60) as c:
        before = c.get("/api/entities/dmitar-kovel").json()["n_statements"]
        assert c.get("/entities/dmitar-kovel").status_code == 200
        added = sum(1 for a in source.attributions if "Kovel" in (a.speaker_name or ""))
        with open_store(db) as store:  # another process's write (a watcher, the CLI)
            store.save(_copy(source, 1))
            wrote = time.monotonic()
        while (n := c.get("/api/entities/dmitar-kovel").json()["n_statements"]) == before:
            assert time.monotonic() - wrote < ttl + stale + 5.0, "the new document never appeared"
            time.sleep(0.05)
        assert n == before + added
        assert f"Every statement ({n})" in c.get("/entities/dmitar-kovel").text


def test_a_writer_reads_its_write_at_once(tmp_path: Path, docs: list[Document]) -> None:
    db = str(tmp_path / "live.db")
    with open_store(db) as store:
        fill(store, docs)
    source = _kovel_doc(docs)
    with live_server(db, warm=False, cache_seconds=60, stale_seconds=60) as url, \
            httpx.Client(base_url=url, timeout=60) as writer, httpx.Client(base_url=url, timeout=60) as other:
        before = writer.get("/api/entities/dmitar-kovel").json()["n_statements"]
        assert other.get("/api/entities/dmitar-kovel").json()["n_statements"] == before
        with open_store(db) as store:
            store.save(_copy(source, 2))
        a = source.attributions[0]
        review = {"kind": "attribution", "doc_id": source.id, "item_id": a.id, "verdict": "right"}
        r = writer.post("/api/reviews", headers={"Authorization": f"Bearer {TOKEN}"}, json=review)
        assert r.status_code == 201 and cache_mod.COOKIE in r.headers.get("set-cookie", "")
        assert writer.get("/api/entities/dmitar-kovel").json()["n_statements"] > before
        # a client that did not write may see the last value for the bounded time
        assert other.get("/api/entities/dmitar-kovel").json()["n_statements"] >= before
        forged = {cache_mod.COOKIE: f"{time.time():.6f}".replace(".", "_") + ".0000"}
        assert httpx.get(url + "/api/health", cookies=forged).status_code == 200
