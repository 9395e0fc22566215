"""The read cache scoped to what a write changed: an entity or outlet page stays cached
across writes that touch none of what it read (documents, claims, outlets, entities), and
is made again, the same as a fresh read, when a write touches it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixtures.workbench import corpus, fill, shared_surname

from claimgraph.config import Config
from claimgraph.link import Linker
from claimgraph.model import Document
from claimgraph.serve.cache import Cached, ReadCache
from claimgraph.serve.people import People
from claimgraph.serve.views import Views
from claimgraph.store import open_store


def _mentions_kovel(doc: Document) -> bool:
    return any("Kovel" in (e.name or "") for e in doc.entities) or \
        any("Kovel" in (a.speaker_name or "") for a in doc.attributions)


def _copy(doc: Document, prefix: str) -> Document:
    new = doc.model_copy(deep=True)
    new.id = prefix + doc.id[len(prefix):]
    return new


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "x.db")
    return str(request.getfixturevalue("pg_url"))


def test_pages_kept_across_unrelated_writes_and_remade_when_touched(url: str) -> None:
    docs = corpus()
    kovel = next(d for d in docs if _mentions_kovel(d) and d.outlet is not None)
    outlet = kovel.outlet.id  # type: ignore[union-attr]
    unrelated = shared_surname()  # again, as another article: other people, another outlet
    unrelated.id = "wb0000martin0002"
    assert unrelated.outlet is not None and unrelated.outlet.id != outlet
    store = fill(open_store(url), docs)
    linker = Linker(store, Config.load())
    people = People(store)
    cache = ReadCache(store, ttl=0.0, stale=0.0)
    cache.add_source(people.changed_entities)
    cp, cv = Cached(people, cache), Cached(Views(store), cache)
    fresh = People(store)

    def pages() -> tuple[object, ...]:
        return (cp.entity("dmitar-kovel"), cp.outlet(outlet), cv.outlet_documents(outlet))

    before = pages()
    assert before[0] is not None and before[1]["statements"]
    misses = cache.misses
    store.save(unrelated)  # another outlet, nobody on the pages: all kept
    linker.add(unrelated)
    after = pages()
    assert cache.misses == misses and cache.kept >= 3
    assert after[0] == fresh.entity("dmitar-kovel") and after[1] == fresh.outlet(outlet)
    assert cv.recent(100) == Views(store).recent(100)  # a list over every document: made again
    assert cache.misses == misses + 1

    again = _copy(kovel, "zz")  # the same article again under a new id: Kovel and the outlet change
    store.save(again)
    linker.add(again)
    misses = cache.misses
    entity, profile, listed = pages()
    assert cache.misses == misses + 3
    assert entity == fresh.entity("dmitar-kovel") and profile == fresh.outlet(outlet)
    assert len(entity["statements"]) > len(before[0]["statements"])  # type: ignore[index]
    assert profile["n_statements"] > before[1]["n_statements"]  # type: ignore[index]
    assert again.id in {d["id"] for d in listed}
    cache.close()
    store.close()


def test_a_rebuilt_index_remakes_every_entity_page(tmp_path: Path) -> None:
    docs = corpus()
    store = fill(open_store(str(tmp_path / "x.db")), docs)
    people = People(store)
    cache = ReadCache(store, ttl=0.0, stale=0.0)
    cache.add_source(people.changed_entities)
    cp = Cached(people, cache)
    first = cp.entity("dmitar-kovel")
    rebuilds, misses = people.rebuilds, cache.misses
    store.save(docs[0])  # saved again: the index is rebuilt, nothing can be kept
    assert cp.entity("dmitar-kovel") == first == People(store).entity("dmitar-kovel")
    assert people.rebuilds == rebuilds + 1 and cache.misses == misses + 1
    cache.close()
    store.close()


def test_a_log_pruned_past_the_reader_remakes_everything(tmp_path: Path) -> None:
    from claimgraph.store.queries import changes as cq

    docs = corpus()
    store = open_store(str(tmp_path / "x.db"))
    store.save_many(docs[:3])
    cache = ReadCache(store, ttl=0.0, stale=0.0)
    cv = Cached(Views(store), cache)
    outlet = next(d.outlet.id for d in docs[:3] if d.outlet is not None)
    cv.outlet_documents(outlet)
    misses = cache.misses
    other = next(d for d in docs[3:] if d.outlet is not None and d.outlet.id != outlet)
    store.save(other)
    cv.outlet_documents(outlet)
    assert cache.misses == misses  # another outlet: kept
    store.save(next(d for d in docs[3:] if d is not other))
    store.save(docs[-1])
    with store.transaction() as conn:
        cq.prune(conn, keep=1)  # the rows of the first of those two writes are gone
    assert cv.outlet_documents(outlet) == Views(store).outlet_documents(outlet)
    assert cache.misses == misses + 1
    cache.close()
    store.close()
