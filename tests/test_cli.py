"""The CLI end to end on the clean stage: analyze, idempotency, rejected inputs, show,
export, stats; on SQLite and on PostgreSQL."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from tests.seed import seed_path

from claimgraph.cli import main
from claimgraph.store import open_store

ARTICLE_FR = (
    "Grève au port de Saint-Malo\n\n"
    "Les dockers du port ont cessé le travail mardi matin, a annoncé leur syndicat dans un "
    "communiqué publié en fin de journée.\n\n"
    "La direction estime que les revendications salariales sont excessives.\n"
)
ARTICLE_EN = (
    "Harbour workers walk out over pay\n\n"
    "Dock workers in the port city stopped work on Tuesday, their union said in a statement, "
    "after talks with the employers broke down.\n"
)


def _run(args: list[str], db: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, ["--db", db, *args], input=stdin, catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "fr.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (d / "en.html").write_text(
        f"<html><head><title>Harbour workers walk out</title></head><body><article>"
        f"<p>{ARTICLE_EN.splitlines()[2]}</p><p>Share this article</p></article></body></html>",
        encoding="utf-8")
    (d / "batch.jsonl").write_text(
        json.dumps({"text": ARTICLE_FR.replace("mardi", "jeudi"), "url": "https://example.org/a",
                    "outlet": "Le Monde", "published": "2024-03-07"}) + "\n"
        + "{not json\n", encoding="utf-8")
    # bad inputs: binary, empty, latin-1 without charset, HTML with only scripts, truncated WARC
    (d / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "empty.txt").write_bytes(b"")
    (d / "latin1.txt").write_bytes("Le ministre a déclaré que la grève était terminée.".encode("latin-1"))
    (d / "scripts.html").write_text("<html><body><script>alert(1)</script></body></html>")
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/x\r\n"
              b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
              b"Content-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>")
    (d / "cut.warc.gz").write_bytes(gzip.compress(record)[:-10])
    return d


def test_analyze_batch_stores_documents_and_rejections(store_url: str, inputs: Path) -> None:
    code, _, err = _run(["analyze", str(inputs), "--upto", "clean"], store_url)
    assert code == 0, err
    assert "3 document(s) analysed" in err
    with open_store(store_url) as store:
        stats = store.stats()
        reasons = sorted(r.reason for r in store.rejected())
    assert stats["documents"] == 3
    assert stats["by_language"] == {"fr": 2, "en": 1}
    assert reasons == sorted(["binary", "empty", "undecodable", "empty", "unparseable",
                              "unparseable"])
    for word in ("binary", "undecodable", "not valid UTF-8"):  # reported with reasons
        assert word in err
    # idempotent: the same inputs again update in place
    code, _, err = _run(["analyze", str(inputs), "--upto", "clean"], store_url)
    assert code == 0
    with open_store(store_url) as store:
        assert store.stats()["documents"] == 3
        assert len(store.rejected()) == 6


def test_analyze_single_text_report_and_show(store_url: str) -> None:
    code, out, _ = _run(["analyze", str(seed_path()), "--upto", "clean"], store_url)
    assert code == 0
    assert "Press TV" in out and "source_footer" in out and "2019-06-04" in out
    with open_store(store_url) as store:
        doc = next(store.documents())
    code, out, _ = _run(["show", doc.id[:8], "--format", "json"], store_url)
    data = json.loads(out)
    assert data["id"] == doc.id and data["outlet"]["name"] == "Press TV"
    assert [r["line"] for r in data["removed"]] == [1, 5, 6, 16, 22, 32, 34, 35]
    ev = data["published"]["evidence"]
    assert data["text"][ev["start"]:ev["end"]] == ev["text"]
    code, _, err = _run(["show", "ffffffffffff"], store_url)
    assert code != 0 and "no document" in err


def test_stdin_json_and_export(store_url: str, tmp_path: Path) -> None:
    code, out, _ = _run(["analyze", "-", "--format", "json", "--upto", "clean"], store_url,
                        stdin=ARTICLE_EN.encode())
    assert code == 0
    docs = json.loads(out)
    assert len(docs) == 1 and docs[0]["language"] == "en" and docs[0]["origin"]["kind"] == "stdin"
    out_jsonl = tmp_path / "docs.jsonl"
    code, _, _ = _run(["export", "--format", "jsonl", "-o", str(out_jsonl)], store_url)
    assert code == 0
    rows = [json.loads(x) for x in out_jsonl.read_text().splitlines()]
    assert [r["id"] for r in rows] == [docs[0]["id"]]
    out_pq = tmp_path / "docs.parquet"
    code, _, _ = _run(["export", "--format", "parquet", "-o", str(out_pq)], store_url)
    assert code == 0 and pq.read_table(out_pq).num_rows == 1


def test_jsonl_output_and_no_store(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE_FR, encoding="utf-8")
    code, out, _ = _run(["analyze", str(f), "--format", "jsonl", "--no-store", "--upto", "clean"],
                        str(db))
    assert code == 0 and json.loads(out)["title"] == "Grève au port de Saint-Malo"
    assert not db.exists()


def test_bad_store_url_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = _run(["stats"], "postgresql://nobody:secret@127.0.0.1:1/none")
    assert code != 0 and "secret" not in err and "Error" in err


def test_export_events_flat_and_plover(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, _, err = _run(["analyze", str(seed_path()), "--format", "none", "--no-link"], db)
    assert code == 0, err
    plover = tmp_path / "events.jsonl"
    assert _run(["export", "--table", "plover", "-o", str(plover)], db)[0] == 0
    recs = [json.loads(x) for x in plover.read_text().splitlines()]
    flat = tmp_path / "events.parquet"
    assert _run(["export", "--table", "events", "--format", "parquet", "-o", str(flat)], db)[0] == 0
    rows = pq.read_table(flat).to_pylist()
    assert len(recs) == len(rows) >= 6
    retreat = next(r for r in rows if r["type"] == "RETREAT")
    assert retreat["actor_country"] == "RUS" and retreat["status"] in ("denied", "disputed")
    assert retreat["outlet_name"] == "Press TV" and json.loads(retreat["denied_by"])
    rec = next(r for r in recs if r["event_type"] == "RETREAT")
    assert rec["source"]["country"] == "RUS" and rec["denied_by_names"]
    code, _, err = _run(["export", "--table", "plover", "--format", "parquet", "-o",
                         str(tmp_path / "x.parquet")], db)
    assert code == 0, err  # nested records written flat: the event rows (issue 16)
    assert pq.read_table(tmp_path / "x.parquet").num_rows == len(rows)
