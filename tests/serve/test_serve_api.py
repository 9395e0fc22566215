"""The API against a real uvicorn server on 127.0.0.1, on SQLite and on PostgreSQL, with the
real pipeline analysing the seed article."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.seed import seed_path
from tests.serve_support import HOSTILE_TEXT, PAYLOADS, TOKEN, live_server, pg_database

from conftest import pg_base_url

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def base(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over an empty store, once per backend, shared by the module's tests."""
    if request.param == "sqlite":
        with live_server(str(tmp_path_factory.mktemp("serve") / "claimgraph.db")) as url:
            yield url
        return
    with pg_database(pg_base_url()) as db, live_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=120) as c:
        yield c


@pytest.fixture(scope="module")
def seed_id(client: httpx.Client) -> str:
    """The seed article, submitted as raw text and analysed by the real pipeline."""
    r = client.post("/api/documents", content=seed_path().read_bytes(),
                    headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
    assert r.status_code == 201, r.text
    (result,) = r.json()["results"]
    assert result["status"] == "analysed"
    return str(result["id"])


def test_openapi_schema_lists_the_endpoints(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/search", "/api/stories",
                 "/api/stories/{story_id}", "/api/disputes", "/api/outlets", "/api/export"):
        assert path in schema["paths"], path
    body = schema["paths"]["/api/documents"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain", "text/html"} <= set(body)
    assert "/documents/{doc_id}" not in schema["paths"]  # UI pages stay out of the schema


def test_writes_need_the_token(client: httpx.Client) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"X-Claimgraph-Token": TOKEN[:-1]}):
        r = client.post("/api/documents", json={"text": "Le ministre a déclaré que tout va bien."},
                        headers=headers)
        assert r.status_code == 401
        assert r.headers["www-authenticate"].startswith("Bearer")
    assert client.get("/api/documents").status_code == 200  # reads are open by default


def test_seed_analysis(client: httpx.Client, seed_id: str) -> None:
    doc = client.get(f"/api/documents/{seed_id}").json()
    assert doc["language"] == "fr"
    assert doc["outlet"]["name"] == "Press TV"
    assert doc["published"]["date"] == "2019-06-04"
    assert {r["reason"] for r in doc["removed"]} >= {"navigation", "share", "source_footer"}
    speakers = {a["speaker_name"] for a in doc["attributions"]}
    assert {"Vladimir Zaemsky", "Rostec"} <= speakers
    # an unambiguous prefix finds it too
    assert client.get(f"/api/documents/{seed_id[:6]}").json()["id"] == seed_id
    assert client.get("/api/documents/ffffffffffffffff").status_code == 404


def test_seed_dispute(client: httpx.Client, seed_id: str) -> None:
    disputes = client.get(f"/api/documents/{seed_id}/disputes").json()
    wsj = [d for d in disputes if d["claim"][0]["speaker"] == "Wall Street Journal"]
    assert wsj, disputes
    against = {s["speaker"] for d in wsj for s in d["against"]}
    assert {"Vladimir Zaemsky", "Rostec"} <= against
    chains = [s["chain"] for d in wsj for s in d["against"] if s["speaker"] == "Vladimir Zaemsky"]
    assert ["Sputnik", "Press TV"] in chains  # relayed by Sputnik, published by Press TV
    assert all(c[-1] == "Press TV" for c in chains)


def test_story_and_disputes(client: httpx.Client, seed_id: str) -> None:
    empty = client.post("/api/documents", json={"text": "   "}, headers=AUTH)
    assert empty.status_code == 422
    assert empty.json()["results"][0]["reason"] == "empty"
    found = client.get("/api/documents", params={"limit": 5}).json()
    assert seed_id in {d["id"] for d in found}
    result = client.post("/api/documents", content=seed_path().read_bytes(),
                         headers={**AUTH, "Content-Type": "text/plain"}).json()["results"][0]
    assert result["id"] == seed_id  # same content, same id: analysed again, stored once
    story_url = result["links"]["story"]
    story = client.get(story_url).json()
    assert seed_id in {d["doc_id"] for d in story["documents"]}
    assert "Press TV" in story["outlets"] and story["languages"] == ["fr"]
    speakers = {s["speaker"] for d in story["disputes"] for s in d["claim"]}
    assert "Wall Street Journal" in speakers
    everywhere = client.get("/api/disputes").json()
    assert any(s["doc_id"] == seed_id for d in everywhere for s in d["claim"])
    assert client.get("/api/stories/doc-ffffffffffffffff").status_code == 404


def test_search(client: httpx.Client, seed_id: str) -> None:
    r = client.get("/api/search", params={"q": "Zaemsky"}).json()["results"]
    assert seed_id in {h["doc_id"] for h in r["documents"]}
    assert any(h["label"] == "Vladimir Zaemsky" for h in r["claims"])
    assert any(h["label"] == "Vladimir Zaemsky" for h in r["entities"])
    # accents and inflection: "conseillers militaires" written without them is still found
    r = client.get("/api/search", params={"q": "conseillers Kremlin", "kind": "claims"}).json()
    assert list(r["results"]) == ["claims"]
    assert any(h["stance"] == "deny" for h in r["results"]["claims"])
    # a phrase that is not in the article finds nothing; FTS syntax in the query is harmless
    for q in ('"Kremlin Zaemsky Rostec"', 'Zaemsky NOT NEAR( "x', "-Zaemsky", "*", '"'):
        res = client.get("/api/search", params={"q": q})
        assert res.status_code == 200, (q, res.text)
    assert client.get("/api/search", params={"q": '"Kremlin Zaemsky Rostec"'}).json()["results"] == {
        "documents": [], "claims": [], "entities": []}
    assert client.get("/api/search", params={"q": "Zaemsky -Rostec", "kind": "documents"}).json()[
        "results"]["documents"] == []


def test_outlets_and_stats(client: httpx.Client, seed_id: str) -> None:
    outlets = client.get("/api/outlets").json()
    press = next(o for o in outlets if o["name"] == "Press TV")
    assert press["country"] == "Iran" and press["typology"] and press["dataset"]
    one = client.get(f"/api/outlets/{press['id']}").json()
    assert seed_id in {d["id"] for d in one["documents"]}
    assert client.get("/api/outlets/no-such-outlet").status_code == 404
    stats = client.get("/api/stats").json()
    assert stats["documents"] >= 1 and stats["attributions"] >= 5


def test_export(client: httpx.Client, seed_id: str, tmp_path: Path) -> None:
    r = client.get("/api/export", params={"table": "documents"})
    assert r.status_code == 200
    ids = {json.loads(line)["id"] for line in r.text.splitlines() if line.strip()}
    assert seed_id in ids
    r = client.get("/api/export", params={"table": "attributions", "format": "parquet"})
    path = tmp_path / "a.parquet"
    path.write_bytes(r.content)
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    assert "Vladimir Zaemsky" in table.column("speaker_name").to_pylist()
    assert client.get("/api/export", params={"table": "passwords"}).status_code == 422


def test_hostile_text_is_stored_as_text_and_escaped(client: httpx.Client) -> None:
    r = client.post("/api/documents", json={"text": HOSTILE_TEXT, "language": "fr"}, headers=AUTH)
    assert r.status_code == 201, r.text
    doc_id = r.json()["results"][0]["id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert PAYLOADS[0] in doc["text"]  # the JSON contract keeps the text as it was
    page = client.get(f"/documents/{doc_id}").text
    for payload in PAYLOADS:
        assert payload not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert 'href="javascript:' not in page


def test_submission_validation(client: httpx.Client, base: str) -> None:
    cases = [
        {"text": "a", "html": "<p>a</p>"},
        {},
        {"url": "/etc/passwd"},  # never a local file
        {"url": "file:///etc/passwd"},
        {"text": "Le ministre a déclaré que tout va bien.", "language": "de"},
        {"text": "x", "unknown": 1},
    ]
    for body in cases:
        assert client.post("/api/documents", json=body, headers=AUTH).status_code == 422, body
    pdf = {**AUTH, "Content-Type": "application/pdf"}
    r = client.post("/api/documents", content=b"%PDF-1.4", headers=pdf)
    assert r.status_code == 415


def test_url_to_loopback_is_refused(client: httpx.Client, base: str) -> None:
    r = client.post("/api/documents", json={"url": f"{base}/api/health"}, headers=AUTH)
    assert r.status_code == 422
    (result,) = r.json()["results"]
    assert result["status"] == "rejected" and result["reason"] == "forbidden_address"
    rejected = client.get("/api/rejected").json()
    assert any(x["reason"] == "forbidden_address" for x in rejected)


def test_request_size_limit(client: httpx.Client) -> None:
    big = b"a" * (2 * 10_000_000 + 70_000)
    r = client.post("/api/documents", content=big, headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
        for _ in range(21):
            yield b"b" * 1_000_000

    r = client.post("/api/documents", content=chunks(), headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 413


def test_security_headers(client: httpx.Client) -> None:
    r = client.get("/")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/style.css").status_code == 200
