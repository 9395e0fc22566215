"""Every input is its own record: a bad line, entry, record or field never costs the others."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.ingest import from_bytes, from_text, read_inputs
from claimgraph.model import Document, Origin, Rejected

GOOD = "Le ministre a déclaré mardi que le barrage était solide, selon un communiqué."


def read(*specs: Path) -> list[Document | Rejected]:
    return list(read_inputs([str(s) for s in specs], Config.load()))


def kinds(results: list[Document | Rejected]) -> list[str]:
    return [r.reason if isinstance(r, Rejected) else "doc" for r in results]


def test_jsonl_bad_lines_are_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    deep = '{"text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}"
    lines = [
        json.dumps({"text": GOOD}),
        '{"text": "before \\ud800 after"}',  # a lone surrogate escape
        deep,
        '{"text": "unterminated',
        json.dumps({"text": GOOD + " Deux."}),
    ]
    path = tmp_path / "faults.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read(path)
    assert kinds(results) == ["doc", "undecodable", "unparseable", "unparseable", "doc"]
    assert [r.origin.record for r in results] == ["1", "2", "3", "4", "5"]
    assert all(r.origin.path == str(path) for r in results)
    assert "lone surrogate" in results[1].detail and results[1].detail.startswith("line 2")
    assert "nested too deeply" in results[2].detail


def test_metadata_of_the_wrong_type_is_a_warning_not_a_lost_article(tmp_path: Path) -> None:
    path = tmp_path / "meta.jsonl"
    row = {"text": GOOD, "outlet": {"x": [1]}, "title": "Un titre", "url": 7,
           "tags": ["a", "b"], "note": "bad \ud800", "deep": [[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (doc,) = read(path)
    assert isinstance(doc, Document)
    assert doc.meta == {"title": "Un titre", "tags": ["a", "b"]}
    assert doc.url is None
    fields = {w.field: w.detail for w in doc.warnings}
    assert set(fields) == {"outlet", "url", "note", "deep"}
    assert "expected a string, got dict" in fields["outlet"]
    assert "lone surrogate" in fields["note"]
    assert "nested deeper" in fields["deep"]
    doc.model_dump_json()  # the document serialises (no surrogate left anywhere)


def test_public_constructors_raise_only_rejected_input() -> None:
    for bad in ("a\ud800b", "\udfff", 12, None):
        with pytest.raises(RejectedInput):
            from_text(bad)  # type: ignore[arg-type]
    with pytest.raises(RejectedInput):
        from_text(GOOD, content_type=3)  # type: ignore[arg-type]
    with pytest.raises(RejectedInput) as info:
        from_bytes("pas des octets", Origin(kind="text"), None, Config.load())  # type: ignore[arg-type]
    assert info.value.reason == "error"
    doc = from_text(GOOD, meta={"published": 2024})
    assert [w.field for w in doc.warnings] == ["published"] and "published" not in doc.meta


def test_feed_with_a_surrogate_reference_keeps_every_entry(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    items = "".join(
        f"<item><guid>e{i}</guid><title>T{i}</title><description>{body}</description></item>"
        for i, body in enumerate([GOOD, "bad &#xD800; entity", GOOD + " Trois."]))
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
                    f"{items}</channel></rss>", encoding="utf-8")
    results = read(path)
    assert kinds(results) == ["doc", "doc", "doc"]
    assert "\ufffd" in results[1].raw  # a reference to a surrogate reads as U+FFFD
    assert [r.origin.record for r in results] == ["e0", "e1", "e2"]
    json.dumps([r.model_dump(mode="json") for r in results], ensure_ascii=False).encode("utf-8")


def test_warc_bad_record_is_rejected_with_its_offset(tmp_path: Path) -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for uri, body in (("https://a.example/1", b"\x00\x01binary"), ("https://a.example/2", GOOD.encode())):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    path = tmp_path / "crawl.warc"
    path.write_bytes(buf.getvalue())
    results = read(path)
    assert kinds(results) == ["binary", "doc"]
    assert "record at byte 0" in results[0].detail


def test_identical_rejected_inputs_from_different_origins_are_all_stored(tmp_path: Path) -> None:
    from claimgraph.store import open_store

    for i in range(10):
        (tmp_path / "in" / f"{i}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "in" / f"{i}.txt").write_bytes(b"")
    results = read(tmp_path / "in")
    assert kinds(results) == ["empty"] * 10
    with open_store(str(tmp_path / "s.db")) as store:
        store.save_many(results)
        store.save_many(results)  # again: the same rejections, not new ones
        listed = store.rejected()
    assert sorted(r.origin.path for r in listed) == sorted(str(tmp_path / "in" / f"{i}.txt")
                                                           for i in range(10))
    assert len({r.id for r in listed}) == 1  # one content, ten origins
