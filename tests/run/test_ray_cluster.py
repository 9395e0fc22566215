"""Ray on a real cluster: a head and a second node started with ``ray start`` on this machine
(as Ray's own docs do), ``claimgraph analyze --executor ray`` over JSONL and WARC inputs, and
the same stored result as the local executor."""

from __future__ import annotations

import contextlib
import io
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import claimgraph

RAY = shutil.which("ray")
pytestmark = pytest.mark.skipif(RAY is None, reason="the ray command is not installed")

ARTICLES = [
    "Barrage de la vallée\n\nLe ministre de l'Intérieur a déclaré mardi que le barrage était "
    "solide. Le syndicat des ingénieurs a démenti ces affirmations dans un communiqué.",
    "Port strike\n\nDock workers stopped work on Tuesday, their union said in a statement, "
    "after talks with the employers broke down. The company denied that wages were frozen.",
    "Grève au port\n\nLes dockers ont cessé le travail mardi, a annoncé leur syndicat, selon "
    "l'AFP. La direction n'a pas souhaité commenter.",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(tmp: Path) -> dict[str, str]:
    src = str(Path(claimgraph.__file__).parents[1])
    # A token of this test's own cluster (Ray refuses a node joining without one).
    return dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]),
                RAY_TMPDIR=str(tmp), RAY_USAGE_STATS_ENABLED="0", RAY_AUTH_MODE="token",
                RAY_AUTH_TOKEN=secrets.token_hex(16))


def _stop(tmp: Path) -> None:
    """Stop this cluster's processes only (their command lines name its temp folder), never
    other Ray clusters on the machine (``ray stop`` would)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        found = subprocess.run(["pgrep", "-f", str(tmp)], capture_output=True, text=True).stdout
        for pid in found.split():
            if int(pid) != os.getpid():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(pid), sig)
        time.sleep(3)


@pytest.fixture
def cluster() -> Iterator[tuple[str, dict[str, str]]]:
    tmp = Path("/tmp") / f"cgray{os.getpid()}"  # Ray's socket paths must stay short
    tmp.mkdir(exist_ok=True)
    env = _env(tmp)
    port = _free_port()
    address = f"127.0.0.1:{port}"
    common = ["--num-cpus=1", "--disable-usage-stats"]
    subprocess.run([RAY, "start", "--head", f"--port={port}", "--include-dashboard=false",
                    f"--temp-dir={tmp}", *common], check=True, env=env, capture_output=True)
    try:
        subprocess.run([RAY, "start", f"--address={address}", *common], check=True, env=env,
                       capture_output=True)
        yield address, env
    finally:
        _stop(tmp)
        shutil.rmtree(tmp, ignore_errors=True)


def _inputs(folder: Path) -> list[str]:
    folder.mkdir()
    jsonl = folder / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps({"text": t}) for t in ARTICLES[:2]) + "\n{bad\n",
                     encoding="utf-8")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain; charset=utf-8")],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://news.example/greve", "response", payload=io.BytesIO(ARTICLES[2].encode()),
        http_headers=headers))
    (folder / "b.warc").write_bytes(buf.getvalue())
    return [str(jsonl), str(folder / "b.warc")]


def _stored(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return {
            "documents": conn.execute("SELECT id, language, title, text FROM documents "
                                      "ORDER BY id").fetchall(),
            "attributions": conn.execute("SELECT doc_id, speaker_name, cue_text, content_start, "
                                         "content_end, stance FROM attributions ORDER BY doc_id, "
                                         "id").fetchall(),
            "events": conn.execute("SELECT doc_id, type, trigger_start, status FROM events "
                                   "ORDER BY doc_id, id").fetchall(),
            "rejected": conn.execute("SELECT content_id, reason FROM rejected "
                                     "ORDER BY content_id").fetchall(),
        }


def test_ray_cluster_stores_what_the_local_executor_stores(
        cluster: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    address, env = cluster
    inputs = _inputs(tmp_path / "in")
    # the second node and the status service may take a few seconds to come up
    deadline = time.monotonic() + 90
    while True:
        status = subprocess.run([RAY, "status", f"--address={address}"], env=env,
                                capture_output=True, text=True)
        if status.stdout.count("node_") >= 2 or time.monotonic() > deadline:
            break
        time.sleep(2)
    assert status.stdout.count("node_") >= 2, status.stdout  # two nodes joined
    results = {}
    ray = ["--executor", "ray", "--workers", "2"]
    shards = tmp_path / "shards"
    for name, options, extra in (
            ("local", [], ["--executor", "local"]),
            ("ray", ["--set", f"run.ray_address={address}"], ray),
            # the actors write Parquet shards, the driver stores nothing; `load` stores them
            ("shards", ["--set", f"run.ray_address={address}"], [*ray, "--shards", str(shards)])):
        db = tmp_path / f"{name}.db"
        cli = [sys.executable, "-m", "claimgraph.cli", "--db", str(db), *options]
        run = subprocess.run([*cli, "analyze", *inputs, "--no-link", "--format", "none", *extra],
                             env=env, capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, run.stderr
        assert "3 document(s) analysed" in " ".join(run.stderr.split()), run.stderr
        if name == "shards":
            assert _stored(db)["documents"] == [] and list(shards.glob("part-*.parquet"))
            run = subprocess.run([*cli, "load", str(shards), "--no-link"], env=env,
                                 capture_output=True, text=True, timeout=300)
            out = " ".join(run.stderr.split())
            assert run.returncode == 0 and "3 document(s), 1 rejected" in out, run.stderr
            assert not list(shards.glob("part-*.parquet"))  # all moved to shards/loaded
        results[name] = _stored(db)
    assert results["ray"] == results["local"] == results["shards"]
    assert results["local"]["attributions"] and len(results["local"]["rejected"]) == 1
