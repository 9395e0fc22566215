"""Parquet shards: workers write their results, `claimgraph load` stores them, once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.run.shards import read_shard, shard_files

ARTICLES = [
    "Le maire de Portneuf a démenti mardi toute fermeture de l'hôpital. « Il n'en est pas "
    "question », a-t-il déclaré au quotidien La Voix du Nord.",
    "The harbour authority said on Monday that the north pier would reopen in May, "
    "according to a statement quoted by the Coastal Times.",
]


def _cli(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, " ".join(res.stderr.split())


def _rows(db: str) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return {
            "documents": conn.execute("SELECT id, language, text, config_hash FROM documents "
                                      "ORDER BY id").fetchall(),
            "attributions": conn.execute("SELECT doc_id, speaker_name, content_start, stance "
                                         "FROM attributions ORDER BY doc_id, id").fetchall(),
            "rejected": conn.execute("SELECT reason FROM rejected").fetchall(),
            "linked": conn.execute("SELECT count(*) FROM link_docs").fetchall(),
        }


def test_shards_written_by_workers_load_into_the_store_as_a_direct_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(ARTICLES):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    direct, sharded, shards = str(tmp_path / "d.db"), str(tmp_path / "s.db"), tmp_path / "sh"
    assert _cli("--db", direct, "analyze", str(folder))[0] == 0

    code, err = _cli("--db", sharded, "analyze", str(folder), "--workers", "2",
                     "--shards", str(shards))
    assert code == 0 and "2 document(s) analysed into shards" in err, err
    assert _rows(sharded)["documents"] == []  # the driver stored nothing
    results = [r for path in shard_files(shards) for r, _ in read_shard(path)]
    assert sorted(type(r).__name__ for r in results) == ["Document", "Document", "Rejected"]

    code, err = _cli("--db", sharded, "load", str(shards))
    assert code == 0 and "2 document(s), 1 rejected; linked 2" in err, err
    assert _rows(sharded) == _rows(direct)
    assert not shard_files(shards) and list((shards / "loaded").glob("part-*.parquet"))
    # loading again finds nothing new; analysing again skips what the store holds
    assert "0 shard(s) loaded" in _cli("--db", sharded, "load", str(shards))[1]
    code, err = _cli("--db", sharded, "analyze", str(folder), "--shards", str(shards))
    assert code == 0 and "2 skipped" in err, err
    assert _rows(sharded) == _rows(direct)


def test_a_shard_loaded_twice_gives_the_same_store(tmp_path: Path) -> None:
    """A load killed after saving a shard but before moving it saves it again: same rows."""
    folder, shards, db = tmp_path / "in", tmp_path / "sh", str(tmp_path / "s.db")
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES[1], encoding="utf-8")
    assert _cli("--db", db, "analyze", str(folder), "--shards", str(shards))[0] == 0
    (shard,) = shard_files(shards)
    copy = shard.read_bytes()
    assert _cli("--db", db, "load", str(shards), "--no-link")[0] == 0
    first = _rows(db)
    shard.write_bytes(copy)  # as if the move had not happened
    assert "1 document(s)" in _cli("--db", db, "load", str(shards), "--no-link")[1]
    assert _rows(db) == first and first["linked"] == [(0,)]
