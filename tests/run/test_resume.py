"""Runs at scale: resume that skips, links what was left unlinked, exit status, store checks,
progress lines and the input count."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.config import Config
from claimgraph.ingest import from_text
from claimgraph.model import Rejected
from claimgraph.run.progress import RunProgress, count_inputs
from claimgraph.run.resume import Resume, config_hash
from claimgraph.store import open_store

ARTICLES = [
    f"Grève au port numéro {i}\n\nLes dockers du port {i} ont cessé le travail mardi, a annoncé "
    f"leur syndicat, qui réclame une hausse des salaires de {i} pour cent." for i in range(3)
]


def _cli(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, " ".join(res.stderr.split())  # rich wraps long lines


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(ARTICLES):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_rerun_skips_stored_documents_and_links_the_unlinked(tmp_path: Path) -> None:
    folder, db = _folder(tmp_path), str(tmp_path / "r.db")
    code, err = _cli("--db", db, "analyze", str(folder), "--no-link")
    assert code == 0 and "3 document(s) analysed" in err
    code, err = _cli("--db", db, "analyze", str(folder))
    assert code == 0, err
    assert "0 document(s) analysed" in err and "3 skipped" in err
    assert "linked 3 stored document(s) not linked before" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM link_docs").fetchone() == (3,)
        hashes = {h for (h,) in conn.execute("SELECT config_hash FROM documents")}
    assert hashes == {config_hash(Config.load())}
    (folder / "3.txt").write_text(ARTICLES[0].replace("Grève", "Nouvelle grève"), encoding="utf-8")
    code, err = _cli("--db", db, "analyze", str(folder), "--force")
    assert "4 document(s) analysed" in err and "already stored" not in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (4,)
        assert conn.execute("SELECT count(*) FROM link_docs").fetchone() == (4,)


def test_another_configuration_is_not_skipped(tmp_path: Path) -> None:
    docs = [from_text(t) for t in ARTICLES]
    base = Config.load()
    other = Config.load(overrides=["limits.min_body_chars=10"])
    assert config_hash(base) != config_hash(other)
    assert config_hash(base) != config_hash(base, upto="clean")
    assert config_hash(base) == config_hash(Config.load(overrides=["store.url=x.db"]))
    with open_store(str(tmp_path / "h.db")) as store:
        store.save(docs[0], config_hash=config_hash(base))
        store.save(docs[1], config_hash=config_hash(other))
        resume = Resume(store, config_hash(base), batch=2)
        assert [d.id for d in resume.filter(docs)] == [docs[1].id, docs[2].id]
        assert resume.skipped == [docs[0].id]
        forced = Resume(store, config_hash(base), force=True)
        assert len(list(forced.filter(docs))) == 3 and forced.skipped == []


def test_exit_status_and_store_checks(tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    code, err = _cli("--db", db, "analyze", str(tmp_path / "nonexistent.html"))
    assert code == 1 and "every input was rejected (1)" in err
    missing = str(tmp_path / "no" / "such" / "x.db")
    for command in (["stats"], ["show", "abc"], ["rejected"]):
        code, err = _cli("--db", missing, *command)
        assert code == 1 and "no store at" in err, command
    assert not (tmp_path / "no").exists()
    (tmp_path / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    code, err = _cli("--db", missing, "analyze", str(tmp_path / "a.txt"), "--upto", "clean")
    assert code == 1 and "does not exist (create it, or pass --create)" in err
    code, err = _cli("--db", missing, "--create", "analyze", str(tmp_path / "a.txt"),
                     "--upto", "clean", "--format", "none")
    assert code == 0 and Path(missing).is_file(), err
    res = CliRunner().invoke(main, ["--db", missing, "stats", "--json"])
    assert json.loads(res.stdout)["documents"] == 1


def test_progress_lines_when_not_a_terminal(tmp_path: Path) -> None:
    stream = io.StringIO()
    progress = RunProgress(4, terminal=False, stream=stream, interval=0.0)
    progress.skip("x")
    progress.advance(from_text(ARTICLES[0]))
    progress.advance(Rejected(id="r", origin={"kind": "text"}, reason="empty"))  # type: ignore[arg-type]
    progress.stop()
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("progress: 1/4 done, 0 rejected, 1 skipped")
    assert lines[2].startswith("progress: 3/4 done, 1 rejected, 1 skipped") and "ETA" in lines[2]
    assert lines[-1].startswith("finished: 3/4 done")


def test_inputs_are_counted_up_front(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "sub").mkdir()
    (folder / "sub" / "lines.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}',
                                                encoding="utf-8")
    assert count_inputs([str(folder)]) == 6
    assert count_inputs([str(folder / "*.txt"), str(tmp_path / "missing.txt")]) == 4
    assert count_inputs([str(folder), "-"]) is None
    (tmp_path / "c.warc").write_bytes(b"WARC/1.0\r\n")
    assert count_inputs([str(tmp_path / "c.warc")]) is None


def test_a_skipped_document_is_still_shown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES[1], encoding="utf-8")
    args = ["--db", str(tmp_path / "s.db"), "analyze", str(tmp_path / "a.txt"), "--upto", "clean",
            "--format", "jsonl"]
    first = CliRunner().invoke(main, args, catch_exceptions=False)
    again = CliRunner().invoke(main, args, catch_exceptions=False)
    assert "1 skipped" in " ".join(again.stderr.split())
    assert json.loads(again.stdout)["id"] == json.loads(first.stdout)["id"]
    assert json.loads(again.stdout)["title"] == "Grève au port numéro 1"


def test_progress_bar_on_a_terminal() -> None:
    from rich.console import Console

    out = io.StringIO()
    progress = RunProgress(5, terminal=True, stream=io.StringIO(), interval=0.0,
                           console=Console(file=out, force_terminal=True, width=160))
    progress.skip("x")
    progress.advance(Rejected(id="r", origin={"kind": "text"}, reason="empty"))  # type: ignore[arg-type]
    progress.stop()
    shown = out.getvalue()
    assert "2/5" in shown and "1 rejected, 1 skipped" in shown and "ETA" in shown


def test_a_rerun_that_skips_everything_loads_no_linker_models_or_migrations(tmp_path: Path) -> None:
    """The rerun of a finished batch is quick because it imports neither the linker (MinHash,
    embeddings), nor spaCy, nor alembic: checked in a fresh interpreter."""
    import subprocess
    import sys

    folder, db = _folder(tmp_path), str(tmp_path / "r.db")
    assert _cli("--db", db, "analyze", str(folder))[0] == 0
    probe = (
        "import sys\nfrom claimgraph.cli import main\n"
        f"try:\n    main(['--db', {db!r}, 'analyze', {str(folder)!r}])\n"
        "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(sorted(m for m in ('claimgraph.link.linker', 'spacy', 'alembic', 'datasketch')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120)
    assert "3 skipped" in " ".join(out.stderr.split())
    assert out.stdout.strip() == "[]"
