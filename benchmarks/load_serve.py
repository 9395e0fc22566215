"""Bounded load test of `claimgraph serve`: concurrent readers and writers on loopback.

    python benchmarks/load_serve.py [--readers 50] [--writers 5] [--duration 60] [--db URL]
                                    [--build N] [--workbench] [--server-workers K] [--warmup S]

``--build N`` first fills a fresh store with N documents: the example corpus with the
hand-made attributions of tests/fixtures/link/gold.toml (linked), then copies of it under
new ids and dates (saved, not linked) up to N. ``--workbench`` adds the workbench's reads
(entity page and JSON, faceted statement and document lists, outlet profile, story page
with its charts).

Starts its own server (a subprocess on 127.0.0.1, a fresh SQLite file unless --db names a
store), submits the seed article, then runs the readers (document pages and JSON, search,
story, disputes, outlets, home) and the writers (new variants of the seed, each analysed
by the real pipeline, saved and linked) until the duration is over, and stops the server.
Every request has a timeout and the whole run a hard deadline. Prints, per kind of
request, the count, errors (goal 0), p50 and p99 latency in milliseconds. ``--warmup S``
runs the same readers and writers S seconds first and leaves those requests out of the
table (steady state; their count and p99 are printed apart). On Linux it also prints the
CPU seconds the server's processes used in the measured window, per read: the server
(answering and refreshing its cache) apart from its analysis processes, a figure that
depends less than req/s on what else the machine runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from seed import seed_path  # noqa: E402

TOKEN = "load-test-token"
QUERIES = ["Zaemsky", "Rostec", "Wall Street Journal", "conseillers militaires", "Venezuela -Guaido",
           "Sputnik OR Kremlin"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(db: str, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CLAIMGRAPH_TOKEN": TOKEN}
    extra = ["--workers", str(workers)] if workers > 1 else []
    return subprocess.Popen(
        [sys.executable, "-m", "claimgraph.cli", "--db", db, "serve", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning", *extra], env=env)


async def _wait_ready(base: str, proc: subprocess.Popen[bytes], limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    async with httpx.AsyncClient(base_url=base, timeout=2) as c:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"the server exited with {proc.returncode}")
            try:
                if (await c.get("/api/health")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit("the server did not start")


def _cpu_tree(root: int, server_depth: int) -> tuple[float, float]:
    """CPU seconds (user + system) of the processes under ``root`` (Linux /proc): those at
    most ``server_depth`` levels down (the server), and the deeper ones (its analysis)."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = defaultdict(list)
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        children[int(fields[1])].append(int(entry))
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    server = analysis = 0.0
    todo = [(root, 0)]
    while todo:
        pid, depth = todo.pop()
        if depth <= server_depth:
            server += cpu.get(pid, 0.0)
        else:
            analysis += cpu.get(pid, 0.0)
        todo.extend((c, depth + 1) for c in children.get(pid, []))
    return server, analysis


def _cpu(root: int, server_depth: int) -> tuple[float, float] | None:
    try:
        return _cpu_tree(root, server_depth)
    except (OSError, ValueError, IndexError):
        return None


class Stats:
    def __init__(self, measure_from: float = 0.0) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.measure_from = measure_from  # time.perf_counter() when the measured window opens
        self.warm: list[float] = []  # reads started before it
        self.warm_errors = 0
        self.cpu_start: tuple[float, float] | None = None  # (server, analysis) CPU seconds
        self.cpu_end: tuple[float, float] | None = None

    async def call(self, client: httpx.AsyncClient, kind: str, method: str, url: str, **kw: object) -> None:
        start = time.perf_counter()
        warm = start < self.measure_from
        try:
            r = await client.request(method, url, **kw)  # type: ignore[arg-type]
            ok = r.status_code < 400
            detail = f"HTTP {r.status_code}"
        except httpx.HTTPError as exc:
            ok, detail = False, f"{type(exc).__name__}: {exc}"
        if warm:
            if kind != "submit":
                self.warm.append(time.perf_counter() - start)
            self.warm_errors += not ok
            return
        self.times[kind].append(time.perf_counter() - start)
        if not ok:
            self.errors[kind].append(detail)


WORKBENCH = {"entity_page": "/entities/dmitar-kovel", "entity_json": "/api/entities/dmitar-kovel",
             "statements": "/api/statements?stance=deny&limit=50", "documents": "/documents?language=fr",
             "outlet_page": "/outlets/the-daily-harbour"}


async def _reader(base: str, stats: Stats, deadline: float, doc_id: str, story: str,
                  rng: random.Random, workbench: bool = False) -> None:
    kinds = ["doc_page", "doc_json", "search", "story_page", "disputes", "outlets", "home"]
    if workbench:
        kinds += list(WORKBENCH)
    async with httpx.AsyncClient(base_url=base, timeout=30) as c:
        while time.monotonic() < deadline:
            kind = rng.choice(kinds)
            url = {
                "doc_page": f"/documents/{doc_id}", "doc_json": f"/api/documents/{doc_id}",
                "search": "/api/search", "story_page": f"/stories/{story}", "disputes": "/api/disputes",
                "outlets": "/api/outlets", "home": "/", **WORKBENCH,
            }[kind]
            params = {"q": rng.choice(QUERIES)} if kind == "search" else None
            await stats.call(c, kind, "GET", url, params=params)


async def _writer(base: str, stats: Stats, deadline: float, text: str, n: int) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    i = 0
    async with httpx.AsyncClient(base_url=base, timeout=120) as c:
        while time.monotonic() < deadline:
            i += 1
            variant = f"{text}\n\nMise à jour {n}-{i} : la rédaction a complété cet article."
            await stats.call(c, "submit", "POST", "/api/documents", json={"text": variant}, headers=headers)


def build(db: str, n: int) -> None:
    """A store of ``n`` documents: the linked example corpus, then dated copies of it."""
    from claimgraph.model import Published
    from claimgraph.store import open_store
    from fixtures.workbench import corpus, fill

    started = time.monotonic()
    base = corpus()
    with open_store(db) as store:
        fill(store, base)
        batch = []
        for i in range(n - len(base)):
            doc = base[i % len(base)].model_copy(deep=True)
            doc.id = f"{i:06d}" + doc.id[6:]
            day = 1 + i % 28
            doc.published = Published(date=f"{2000 + i % 25}-{1 + i % 12:02d}-{day:02d}", source="input")
            batch.append(doc)
            if len(batch) == 500:
                store.save_many(batch)
                batch.clear()
        store.save_many(batch)
    print(f"built {n} documents in {time.monotonic() - started:.0f} s", file=sys.stderr)


async def run(args: argparse.Namespace) -> int:
    tmp = tempfile.TemporaryDirectory(prefix="claimgraph-load-")
    db = args.db or str(Path(tmp.name) / "load.db")
    if args.build:
        build(db, args.build)
    port = _port()
    base = f"http://127.0.0.1:{port}"
    proc = _start(db, port, args.server_workers)
    try:
        await _wait_ready(base, proc)
        text = seed_path().read_text(encoding="utf-8")
        async with httpx.AsyncClient(base_url=base, timeout=180) as c:
            r = await c.post("/api/documents", json={"text": text},
                             headers={"Authorization": f"Bearer {TOKEN}"})
            r.raise_for_status()
            result = r.json()["results"][0]
            story = result["links"]["story"].rsplit("/", 1)[-1]
        stats = Stats(time.perf_counter() + args.warmup)
        deadline = time.monotonic() + args.warmup + args.duration
        rng = random.Random(7)
        tasks = [_reader(base, stats, deadline, result["id"], story, random.Random(rng.random()),
                         args.workbench) for _ in range(args.readers)]
        tasks += [_writer(base, stats, deadline, text, n) for n in range(args.writers)]
        started = time.monotonic() + args.warmup
        depth = 1 if args.server_workers > 1 else 0

        async def window() -> None:  # the server's CPU over the measured window
            await asyncio.sleep(args.warmup)
            stats.cpu_start = _cpu(proc.pid, depth)
            await asyncio.sleep(max(deadline - time.monotonic(), 0))
            stats.cpu_end = _cpu(proc.pid, depth)

        await asyncio.wait_for(asyncio.gather(*tasks, window()), timeout=args.warmup + args.duration + 180)
        elapsed = time.monotonic() - started
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        tmp.cleanup()
    return _report(stats, elapsed, args)


def _pct(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def _report(stats: Stats, elapsed: float, args: argparse.Namespace) -> int:
    print(f"{args.readers} readers, {args.writers} writers, {elapsed:.1f} s on 127.0.0.1")
    if stats.warm:
        print(f"warm-up {args.warmup:.0f} s (not counted): {len(stats.warm)} reads, "
              f"{stats.warm_errors} errors, p99 {_pct(stats.warm, 99):.1f} ms")
    print(f"{'request':<12}{'count':>8}{'errors':>8}{'req/s':>9}{'p50 ms':>10}{'p99 ms':>10}")
    reads: list[float] = []
    total_errors = 0
    for kind in sorted(stats.times):
        t = stats.times[kind]
        errors = len(stats.errors[kind])
        total_errors += errors
        if kind != "submit":
            reads += t
        print(f"{kind:<12}{len(t):>8}{errors:>8}{len(t) / elapsed:>9.1f}"
              f"{_pct(t, 50):>10.1f}{_pct(t, 99):>10.1f}")
    if reads:
        print(f"{'all reads':<12}{len(reads):>8}{'':>8}{len(reads) / elapsed:>9.1f}"
              f"{_pct(reads, 50):>10.1f}{_pct(reads, 99):>10.1f}")
    if reads and stats.cpu_start and stats.cpu_end:
        server, analysis = (e - s for s, e in zip(stats.cpu_start, stats.cpu_end, strict=True))
        print(f"server CPU {server:.1f} s ({server / len(reads) * 1000:.1f} ms per read), "
              f"analysis CPU {analysis:.1f} s, over {elapsed:.1f} s")
    for kind, errs in stats.errors.items():
        if errs:
            print(f"  {kind} errors, first: {errs[0]}")
    print(f"errors: {total_errors}")
    return 1 if total_errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--writers", type=int, default=5)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (at most 600)")
    parser.add_argument("--db", help="store URL (default: a fresh SQLite file)")
    parser.add_argument("--build", type=int, default=0, metavar="N",
                        help="first fill the store with N documents (at most 20000)")
    parser.add_argument("--workbench", action="store_true", help="add the workbench's pages to the reads")
    parser.add_argument("--server-workers", type=int, default=1, help="serve --workers (processes)")
    parser.add_argument("--warmup", type=float, default=0.0, metavar="S",
                        help="seconds of the same load first, left out of the table (at most 120)")
    args = parser.parse_args(argv)
    if not 0 <= args.build <= 20000:
        parser.error("--build must be in [0, 20000]")
    if not 0 <= args.warmup <= 120:
        parser.error("--warmup must be in [0, 120]")
    if not 0 < args.duration <= 600:
        parser.error("--duration must be in (0, 600]")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
