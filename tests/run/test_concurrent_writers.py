"""Two `claimgraph analyze` processes writing into one PostgreSQL store at the same time give
the same documents, stories and claims as one writer over the same documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from claimgraph.store import open_store, schema

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"


def _analyze(db: str, inputs: list[Path]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "claimgraph.cli", "--db", db, "analyze", *map(str, inputs)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _finish(*procs: subprocess.Popen[str]) -> None:
    for proc in procs:
        out, _ = proc.communicate(timeout=600)
        assert proc.returncode == 0, out


def _partitions(db: str) -> tuple[set[str], set[frozenset[str]], set[frozenset[str]]]:
    """Stored document ids; stories as sets of documents; claims as sets of statements
    (document id and content offsets), so that ids minted by either run compare equal."""
    with open_store(db) as store, store.connection() as conn:
        docs = set(conn.execute(select(schema.documents.c.id)).scalars())
        stories: dict[str, set[str]] = {}
        for doc_id, story in conn.execute(select(schema.link_docs.c.doc_id,
                                                 schema.link_docs.c.story_id)):
            stories.setdefault(story, set()).add(doc_id)
        claims: dict[str, set[str]] = {}
        m = schema.link_claim_members.c
        for claim, doc_id, start, end in conn.execute(
                select(m.claim_id, m.doc_id, m.content_start, m.content_end)):
            claims.setdefault(claim, set()).add(f"{doc_id}:{start}-{end}")
    return docs, {frozenset(v) for v in stories.values()}, {frozenset(v) for v in claims.values()}


@pytest.mark.postgres
def test_two_writers_on_postgres_give_what_one_writer_gives(pg_url: str, tmp_path: Path) -> None:
    lines = [line for f in sorted(CORPUS.glob("*.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    halves = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    for i, half in enumerate(halves):  # interleaved, so both writers work on every story
        half.write_text("".join(f"{line}\n" for line in lines[i::2]), encoding="utf-8")
    assert all(json.loads(line)["text"] for line in lines)

    one = f"sqlite:///{tmp_path / 'one.db'}"
    _finish(_analyze(one, [CORPUS]))
    # Two writers, each given every document in another order: the same document from two
    # processes at once is stored and linked once.
    _finish(_analyze(pg_url, halves), _analyze(pg_url, [halves[1], halves[0]]))

    docs, stories, claims = _partitions(one)
    docs2, stories2, claims2 = _partitions(pg_url)
    assert len(docs) == len(lines) and docs2 == docs
    assert len(stories) >= 2 and stories2 == stories
    assert any(len(c) > 1 for c in claims) and claims2 == claims
