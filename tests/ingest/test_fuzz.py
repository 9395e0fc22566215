"""Property-based fuzzing of every reader and of the pipeline: no crash, no silent drop.

Every input is accounted for: a single-article input gives exactly one result, a JSONL file
one result per non-blank line (or one rejection when it has none), a WARC or feed at least
one; and the pipeline returns one result per document. Bounded for CI; a long run:

    CLAIMGRAPH_FUZZ_EXAMPLES=10000 python3 -m pytest -q tests/ingest/test_fuzz.py
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.ingest import from_text, read_inputs
from claimgraph.model import Document, Rejected
from claimgraph.pipeline import Pipeline

N = int(os.environ.get("CLAIMGRAPH_FUZZ_EXAMPLES", "0"))
CONFIG = Config.load()


def examples(default: int) -> settings:
    return settings(max_examples=N or default, deadline=None, derandomize=not N,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def read_one_file(name: str, data: bytes) -> list[Document | Rejected]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, name)
        path.write_bytes(data)
        results = list(read_inputs([str(path)], CONFIG))
    for r in results:
        r.model_dump_json()  # every result serialises (no lone surrogate anywhere)
    return results


def jsonl_lines(data: bytes) -> int:
    """Non-blank lines as the JSONL reader sees them (a UTF-8 BOM before line 1 removed)."""
    lines = data.splitlines(keepends=True) if b"\r" not in data else data.split(b"\n")
    if lines:
        lines[0] = lines[0].removeprefix(b"\xef\xbb\xbf")
    return sum(1 for line in lines if line.strip())


def binary_file(results: list[Document | Rejected]) -> bool:
    """The whole file rejected as binary (its head is mostly control bytes): one record."""
    return len(results) == 1 and isinstance(results[0], Rejected) and results[0].reason == "binary" \
        and results[0].origin.kind == "file"


# Bytes that look like the formats, mutated: real starts make the readers go deep.
STARTS = [b"", b"<html><body><p>", b'{"text": "', b"WARC/1.0\r\n", b"\x1f\x8b",
          b'<?xml version="1.0"?><rss version="2.0"><channel><item><description>',
          b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content>", b"\xef\xbb\xbf"]
BYTES = st.builds(lambda head, tail: head + tail, st.sampled_from(STARTS), st.binary(max_size=600))
NAMES = st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.warc", "a.warc.gz", "a.rss", "a.xml", "a"])


@examples(300)
@given(NAMES, BYTES)
def test_any_bytes_in_any_file_are_accounted_for(name: str, data: bytes) -> None:
    results = read_one_file(name, data)
    assert results, "an input gave no result at all"
    if name in ("a.txt", "a.html"):
        assert len(results) == 1
    if name == "a.jsonl" and not binary_file(results):
        assert len(results) == max(jsonl_lines(data), 1)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)
FIELDS = st.sampled_from(["text", "html", "url", "title", "outlet", "published", "language", "x"])
LINE = st.one_of(
    st.dictionaries(FIELDS, JSON | st.text(), max_size=6).map(json.dumps),
    JSON.map(json.dumps),
    st.text(max_size=80).map(lambda t: t.replace("\n", " ")),
    st.integers(1, 3000).map(lambda d: '{"text": "x", "m": ' + "[" * d + "]" * d + "}"),
    st.sampled_from(['{"text": "\\ud800"}', '{"text": "a", "title": "\\udfff"}', '{"html": 1}']),
)


@examples(200)
@given(st.lists(LINE, min_size=1, max_size=8))
def test_any_jsonl_line_is_its_own_record(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    results = read_one_file("a.jsonl", data)
    assert binary_file(results) or len(results) == max(jsonl_lines(data), 1)


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400) | st.text(
    max_size=200)
HTML = st.builds(lambda a, b: f"<html><head><title>{a}</title></head><body><p>{b}</p></body></html>",
                 st.text(max_size=40), TEXT)
STAGES = {"clean": Pipeline(CONFIG, upto="clean")}


@examples(60)
@given(TEXT | HTML, st.sampled_from([None, "text/plain", "text/html"]))
def test_from_text_and_clean_never_crash(text: str, content_type: str | None) -> None:
    try:
        doc = from_text(text, content_type=content_type)
    except RejectedInput:
        return
    result = STAGES["clean"](doc)
    assert isinstance(result, Document | Rejected)
    result.model_dump_json()


WORDS = st.sampled_from(["Le", "ministre", "a", "déclaré", "que", "«", "»", "The", "minister",
                         "said", "denied", "selon", "l'AFP", "Paris", ".", ",", "\n\n", "Reuters",
                         "n'a", "pas", "démenti", "\"", "according", "to", "Moscou", "2024"])


@settings(max_examples=N // 20 or 25, deadline=None, derandomize=not N,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=8, max_size=80))
def test_whole_pipeline_gives_one_result_per_document(words: list[str]) -> None:
    if "pipeline" not in STAGES:
        STAGES["pipeline"] = Pipeline(CONFIG)
    docs = [from_text("Titre\n\n" + " ".join(words)), from_text(" ".join(reversed(words)) + " fin.")]
    results = STAGES["pipeline"].run_batch(docs)
    assert [r.id for r in results] == [d.id for d in docs]
    for r in results:
        if isinstance(r, Rejected):
            assert r.reason != "error", r.detail  # a crash inside a stage
        r.model_dump_json()
