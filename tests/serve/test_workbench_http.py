"""The workbench over HTTP (a real uvicorn server on 127.0.0.1) and in the CLI: entity and
outlet pages, faceted lists with downloads, dispute scores and thresholds, and the small
faults of issue 16 (local path as Source, unknown outlet, arrows, report badge, HEAD)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from tests.fixtures.workbench import LOCAL_PATH, corpus, fill
from tests.serve_support import live_server

from claimgraph.cli import main
from claimgraph.model import Document
from claimgraph.store import open_store


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return corpus()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, docs: list[Document]) -> str:
    path = str(tmp_path_factory.mktemp("wbhttp") / "claimgraph.db")
    with open_store(path) as store:
        fill(store, docs)
    return path


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[httpx.Client]:
    with live_server(db, warm=False) as url, httpx.Client(base_url=url, timeout=60) as c:
        yield c


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_entity_page_api_and_cli_agree(client: httpx.Client, db: str) -> None:
    api = client.get("/api/entities/Kovel").json()
    page = client.get("/entities/" + api["id"])
    assert page.status_code == 200
    body = _text(page.text)
    assert api["name"] == "Dmitar Kovel" and "Dmitar Kovel" in body
    for alias in api["aliases"]:
        assert alias in body
    assert len(re.findall(r'<tr class="stance-[a-z]+" data-doc=', page.text)) == len(api["statements"])
    cli = CliRunner().invoke(main, ["--db", db, "entity", "kovel", "--json"])
    assert cli.exit_code == 0, cli.output
    import json

    assert json.loads(cli.output)["statements"] == api["statements"]
    text = CliRunner().invoke(main, ["--db", db, "entity", "M. Kovel"]).output
    assert "Dmitar Kovel (person)" in text and "denies:" in text
    assert client.get("/api/entities/nobody-at-all").status_code == 404
    listing = client.get("/api/entities", params={"q": "kovel"}).json()
    assert [e["name"] for e in listing["items"]] == ["Dmitar Kovel"]


def test_search_lists_a_person_once(client: httpx.Client) -> None:
    html = client.get("/search", params={"q": "Kovel"}).text
    section = html.split('id="results-people"')[1].split("</section>")[0]
    assert section.count("<li>") == 1 and "Dmitar Kovel" in section and "/entities/dmitar-kovel" in section
    hits = client.get("/api/search", params={"q": "Kovel", "kind": "entities"}).json()["results"]["entities"]
    assert len(hits) > 1  # each article's mention is its own hit; the page merges them


def test_outlet_page_api_and_cli(client: httpx.Client, db: str) -> None:
    api = client.get("/api/outlets/the-daily-harbour").json()
    assert api["n_statements"] == len(api["statements"]) > 0
    page = _text(client.get("/outlets/the-daily-harbour").text)
    assert "Whom it quotes" in page and "What it relays, from whom" in page
    assert f"{api['n_denials']} (" in page
    assert "no dataset (not in the bundled registry)" in page  # the registry's source is cited
    out = CliRunner().invoke(main, ["--db", db, "outlet", "daily harbour"])
    assert out.exit_code == 0, out.output
    assert f"statements: {api['n_statements']}; denials: {api['n_denials']}" in out.output


def test_statement_list_filters_pages_and_downloads(client: httpx.Client) -> None:
    every = client.get("/api/statements", params={"limit": 500}).json()
    deny = client.get("/api/statements", params={"stance": "deny", "limit": 500}).json()
    assert deny["total"] == every["facets"]["stance"]["deny"] == len(deny["items"])
    first = client.get("/api/statements", params={"limit": 5}).json()
    second = client.get("/api/statements", params={"limit": 5, "offset": 5}).json()
    assert not {(r["doc_id"], r["attr_id"]) for r in first["items"]} & \
        {(r["doc_id"], r["attr_id"]) for r in second["items"]}
    r = client.get("/api/statements", params={"stance": "deny", "format": "csv", "limit": 500})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == deny["total"] and {row["stance"] for row in rows} == {"deny"}
    r = client.get("/api/statements", params={"format": "parquet", "limit": 500})
    assert pq.read_table(io.BytesIO(r.content)).num_rows == every["total"]
    r = client.get("/api/statements", params={"format": "jsonl", "language": "fr", "limit": 500})
    assert len(r.text.splitlines()) == every["facets"]["language"]["fr"]
    assert client.get("/api/statements", params={"date_from": "last week"}).status_code == 422
    page = client.get("/statements", params={"stance": "deny", "date_from": "2024-03-01"})
    assert page.status_code == 200 and f"{deny['total']} result(s)" in page.text
    docs = client.get("/documents", params={"language": "fr"})
    assert docs.status_code == 200 and "result(s)" in docs.text


def test_export_csv_of_disputes(client: httpx.Client) -> None:
    r = client.get("/api/export", params={"table": "disputes", "format": "csv"})
    assert r.status_code == 200
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and all(row["score"] and row["basis"] and row["scope"] for row in rows)


def test_dispute_scores_threshold_and_scope(client: httpx.Client) -> None:
    every = client.get("/api/disputes", params={"min_score": 0, "limit": 500}).json()
    strong = client.get("/api/disputes", params={"min_score": 0.9, "limit": 500}).json()
    scores = [link["score"] for d in every for link in d["links"]]
    assert scores and min(scores) < 0.9 <= max(scores)
    assert all(link["score"] >= 0.9 for d in strong for link in d["links"])
    assert len(strong) < len(every)
    page = client.get("/disputes", params={"min_score": 0.9}).text
    assert "weaker dispute" in page and 'value="0.90"' in page
    assert {d["scope"] for d in every} >= {"across articles"}
    html = client.get("/disputes", params={"min_score": 0}).text
    assert re.search(r"score \d\.\d\d", html)
    assert "Across articles" in html or "Within one article and across articles" in html


def test_story_page_has_charts_and_no_report_badge(client: httpx.Client) -> None:
    stories = client.get("/api/stories").json()
    story_id = next(s["id"] for s in stories if s["documents"] > 2)
    html = client.get(f"/stories/{story_id}").text
    assert '<svg class="chart timeline-chart"' in html and '<svg class="chart graph-chart"' in html
    assert "badge stance-report" not in html
    assert re.search(r"claim link \d\.\d\d", html) and "picked up from" in html
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", _text(html))  # days, not raw timestamps


def test_small_faults(client: httpx.Client, db: str, docs: list[Document]) -> None:
    page = client.get("/documents/wb0000kovel00001").text
    assert LOCAL_PATH not in page and "/srv/private" not in page
    assert "a local file" in page and Path(LOCAL_PATH).name in page
    assert "unknown outlet" in _text(page)
    for path in ("/", "/entities", "/api/stats", "/documents/wb0000kovel00001"):
        head = client.head(path)
        assert head.status_code == 200 and head.content == b"", path
    runner = CliRunner()
    for args in (["disputes"], ["stories"], ["claims"]):
        out = runner.invoke(main, ["--db", db, *args]).output
        assert " -> " not in out and "(; " not in out and "→ ?" not in out, args
    two_hops = next(d for d in docs if any(len(a.via) > 1 for a in d.attributions))
    shown = runner.invoke(main, ["--db", db, "show", two_hops.id]).output
    assert "←" not in shown and "→" in shown
    assert "badge stance-report" not in client.get("/documents/wb0000martin0001").text


def _csrf(c: httpx.Client, path: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', c.get(path).text)
    assert m, path
    return m.group(1)


def test_reviews_stored_shown_and_exported_in_the_devset_schema(
        client: httpx.Client, db: str, docs: list[Document], tmp_path: Path) -> None:
    from tests.serve_support import TOKEN

    doc = next(d for d in docs if d.id == "wb0000martin0001")
    a_right, a_wrong = doc.attributions[0], doc.attributions[2]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/reviews", json={"kind": "attribution", "doc_id": doc.id, "item_id": a_right.id,
                                          "verdict": "right"})
    assert r.status_code == 401  # the token is needed
    r = client.post("/api/reviews", headers=auth, json={"kind": "attribution", "doc_id": doc.id,
                                                        "item_id": a_right.id, "verdict": "right"})
    assert r.status_code == 201, r.text
    assert client.post("/api/reviews", headers=auth, json={
        "kind": "attribution", "doc_id": doc.id, "item_id": "A99", "verdict": "right"}).status_code == 404
    # the UI: log in, then the review form of a row (CSRF pair), with a correction
    with httpx.Client(base_url=str(client.base_url), timeout=60) as ui:
        assert "log in to review" in ui.get(f"/documents/{doc.id}").text
        token = _csrf(ui, "/login")
        assert ui.post("/login", data={"token": TOKEN, "csrf_token": token, "next": "/"}).status_code == 303
        token = _csrf(ui, f"/documents/{doc.id}")
        r = ui.post("/reviews", data={"csrf_token": token, "kind": "attribution", "doc_id": doc.id,
                                      "item_id": a_wrong.id, "verdict": "wrong", "speaker": "Anne Martin",
                                      "note": "the surname is Anne's",
                                      "back": f"/documents/{doc.id}#row-{a_wrong.id}"})
        assert r.status_code == 303 and r.headers["location"].endswith(f"#row-{a_wrong.id}")
        no_csrf = ui.post("/reviews", data={"kind": "event", "item_id": "x", "verdict": "right"})
        assert no_csrf.status_code == 403
        page = ui.get(f"/documents/{doc.id}").text
    assert "✓ right" in page and "✗ wrong" in page and "corrected: speaker = Anne Martin" in page
    listed = client.get("/api/reviews", params={"doc_id": doc.id}).json()
    assert [(x["item_id"], x["verdict"]) for x in listed] == [(a_right.id, "right"), (a_wrong.id, "wrong")]
    assert listed[1]["item"]["speaker_name"] == "Martin"  # the snapshot of what was judged
    # the development-set export: the right one as extracted, the wrong one corrected
    out = tmp_path / "dev.jsonl"
    res = CliRunner().invoke(main, ["--db", db, "export", "--table", "devset", "-o", str(out)])
    assert res.exit_code == 0, res.output
    import json

    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == doc.id and record["text"] == doc.text and record["lang"] == "fr"
    got = {tuple(x["content_span"]): x for x in record["attributions"]}
    right = got[(a_right.content.start, a_right.content.end)]
    assert right["speaker"] == "Paul Martin" and right["stance"] == "assert"
    assert record["text"][slice(*right["cue_span"])] == a_right.cue.text  # type: ignore[union-attr]
    assert got[(a_wrong.content.start, a_wrong.content.end)]["speaker"] == "Anne Martin"
    dev_keys = {"source_span", "speaker", "cue_span", "cue_lemma", "content_span", "kind", "stance", "via",
                "negated_cue"}
    assert all(set(x) == dev_keys for x in record["attributions"])
    assert client.get("/api/reviews/devset").text.strip() == out.read_text(encoding="utf-8").strip()
